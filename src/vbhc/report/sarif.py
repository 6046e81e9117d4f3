"""SARIF 2.1.0, so findings show up in code-review tools and CI dashboards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vbhc import __version__
from vbhc.report.results import FileResult
from vbhc.rules import all_rules

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(results: list[FileResult]) -> dict[str, Any]:
    rules = all_rules()
    used = sorted({f.rule for r in results for f in r.findings})
    index = {rid: i for i, rid in enumerate(used)}
    descriptors = []
    for rid in used:
        r = rules.get(rid)
        descriptors.append({
            "id": rid,
            "shortDescription": {"text": r.summary if r else rid},
            "fullDescription": {"text": r.doc if r else rid},
            "properties": {"source": r.source if r else "vbhc"},
        })
    sarif_results = []
    notifications = []
    for res in results:
        uri = Path(res.path).as_posix()
        if res.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{res.path}: {res.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        for f in res.findings:
            physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if f.line is not None and f.line >= 1:
                physical["region"] = {"startLine": f.line}
            location: dict[str, Any] = {"physicalLocation": physical}
            if f.node:
                location["logicalLocations"] = [{"fullyQualifiedName": f"document[{f.document}]/{f.node}"}]
            sarif_results.append({
                "ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVEL[f.severity],
                "message": {"text": f.message}, "locations": [location],
                "properties": {"source": f.source, "data": f.data, "document": f.document},
            })
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "vbhc", "version": __version__, "rules": descriptors}},
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
