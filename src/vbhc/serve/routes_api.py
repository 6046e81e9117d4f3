"""The API for other systems: the check JSON of the contract for one file, the rule catalogue,
the stored parent plans. Errors are {"error": "…"} in Vietnamese with a 4xx status."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from vbhc.readers import OFFICE_NAMES
from vbhc.serve.common import PARENTS, BadInput, parent_of, profile_path, read_form, save, services, upload_of
from vbhc.serve.routes_check import kind_of, run_check, summary_of


async def api_check(request: Request) -> Response:
    """multipart: `file`; optional `parent` (a stored profile's name or id) or `parent_file` (a
    parent plan or a YAML profile, used for this request only); optional `kind` (full|thematic)."""
    s = services(request)
    form = await read_form(request)
    upload = upload_of(form, "file")
    if upload is None:
        raise BadInput(f"thiếu trường `file`: tệp văn bản cần kiểm tra ({OFFICE_NAMES})")
    kind = kind_of(str(form.get("kind") or ""))
    parent_upload = upload_of(form, "parent_file")
    profile = None if parent_upload is not None else await parent_of(s, form)
    kept: list[str] = []
    try:
        name, stored = await save(s.store, upload)
        kept.append(stored)
        parent_path = profile_file = None
        if parent_upload is not None:
            _, parent_stored = await save(s.store, parent_upload, PARENTS, "kế hoạch cấp trên dạng")
            kept.append(parent_stored)
            parent_path = str(s.store.path(parent_stored))
            if parent_path.endswith((".yaml", ".yml")):
                profile_file, parent_path = parent_path, None
        row, _, _ = await run_check(s, str(s.store.path(stored)), name, profile_file or profile_path(s, profile),
                                    parent_path, kind)
    finally:
        for stored in kept:  # the API keeps nothing of a request
            with contextlib.suppress(OSError):
                os.unlink(s.store.path(stored))
    return JSONResponse({"files": [row], "summary": summary_of([row])})


def rule_dict(r: Any) -> dict[str, Any]:
    """One rule as `vbhc rules --format json` lists it."""
    return {"id": r.id, "severity": r.severity, "source": r.source, "summary": r.summary, "doc": r.doc,
            "needs": sorted(r.needs), "scope": r.scope}


async def api_rules(request: Request) -> Response:
    from vbhc.rules import all_rules

    return JSONResponse({"rules": [rule_dict(r) for r in sorted(all_rules().values(), key=lambda r: r.id)]})


async def api_profiles(request: Request) -> Response:
    items = [{"name": p.name, "id": p.id, "label": p.label, "bundled": p.bundled,
              "deadline": p.view.get("deadline"), **p.view.get("counts", {})}
             for p in services(request).store.profiles()]
    return JSONResponse({"profiles": items})


ROUTES = [
    Route("/api/check", api_check, methods=["POST"]),
    Route("/api/rules", api_rules),
    Route("/api/profiles", api_profiles),
]
