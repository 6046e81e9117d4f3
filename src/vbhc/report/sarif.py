"""SARIF 2.1.0, so findings show up in code-review tools and CI dashboards.

Each result carries where an officer finds it (the part as a logical location, the quote as the
region's snippet, the page in the properties) and its fix. A text fix is a SARIF `fixes` entry:
replacements of characters of one paragraph (`startLine` is the paragraph the reader counted,
columns count characters of its text). A layout fix (a size, a margin) has no replacement SARIF
can express: it is in the result's `properties.fix`, beside the text fixes' own description.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vbhc import __version__
from vbhc.fixes import Fix
from vbhc.report.results import FileResult
from vbhc.rules import Finding, all_rules

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _location(f: Finding, uri: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    region: dict[str, Any] = {}
    if f.line is not None and f.line >= 1:
        region["startLine"] = f.line
    if f.quote:
        region["snippet"] = {"text": f.quote}
    if region:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    logical: dict[str, Any] = {}
    if f.part:
        logical["name"] = f.part
    if f.node:
        logical["fullyQualifiedName"] = f"document[{f.document}]/{f.node}"
    if logical:
        location["logicalLocations"] = [logical]
    if f.part or f.page:
        location["message"] = {"text": ", ".join(x for x in (f.part, f"trang {f.page}" if f.page else None) if x)}
    return location


def _fixes(fix: Fix, uri: str) -> list[dict[str, Any]]:
    """The text changes of a fix as a SARIF fix (empty for a layout fix)."""
    replacements = []
    for change in fix.changes:
        if change.target != "text" or change.at is None or change.line is None:
            continue
        replacements.append({
            "deletedRegion": {"startLine": change.line, "startColumn": change.at + 1,
                              "endColumn": change.at + 1 + len(change.old), "snippet": {"text": change.old}},
            "insertedContent": {"text": change.new},
        })
    if not replacements:
        return []
    return [{"description": {"text": fix.description},
             "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}]}]


def _result(f: Finding, index: int, uri: str) -> dict[str, Any]:
    props: dict[str, Any] = {"source": f.source, "data": f.data, "document": f.document, "part": f.part,
                             "quote": f.quote, "page": f.page, "paragraph": f.paragraph}
    out: dict[str, Any] = {"ruleId": f.rule, "ruleIndex": index, "level": LEVEL[f.severity],
                           "message": {"text": f.message}, "locations": [_location(f, uri)], "properties": props}
    if f.fix is not None:
        props["fix"] = f.fix.as_dict()
        fixes = _fixes(f.fix, uri)
        if fixes:
            out["fixes"] = fixes
    return out


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
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for res in results:
        uri = Path(res.path).as_posix()
        if res.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{res.path}: {res.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        sarif_results.extend(_result(f, index[f.rule], uri) for f in res.findings)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "vbhc", "version": __version__, "rules": descriptors}},
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
