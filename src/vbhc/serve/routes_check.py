"""Kiểm tra văn bản: upload a document (and a parent plan), read the findings beside the document,
download the JSON and, for a .docx, the annotated and the fixed copies."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from vbhc.readers import OFFICE_NAMES, not_a_docx
from vbhc.report.rows import shown
from vbhc.serve import jobs, pages
from vbhc.serve.common import (
    BadInput,
    Services,
    attachment,
    parent_of,
    profile_path,
    read_form,
    render,
    save,
    services,
    upload_of,
)
from vbhc.serve.runner import JobFailed

KINDS = ("full", "thematic")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def check_form(request: Request) -> Response:
    return render(request, "check.html", profiles=services(request).store.profiles(), kinds=KINDS)


def summary_of(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The check JSON's summary (as `vbhc check --format json`) of stored rows."""
    def count(sev: str) -> int:
        return sum(1 for r in rows for f in r.get("findings", []) if f.get("severity") == sev)

    return {"files": len(rows), "errors": count("error"), "warnings": count("warning"), "infos": count("info"),
            "unreadable": sum(1 for r in rows if r.get("status") == "error")}


def refused_row(name: str, reason: str) -> dict[str, Any]:
    return {"path": name, "status": "error", "error": reason, "findings": [], "not_applicable": []}


async def run_check(s: Services, path: str, name: str, profile_file: str | None, parent_path: str | None = None,
                    kind: str | None = None, facts: bool = False) -> tuple[dict[str, Any], dict[str, Any], float]:
    """(row, view, seconds) of one file checked in a child; a refused file is an error row.
    `facts`: the row carries the audit's "submission" (`jobs.check_job`)."""
    import time

    started = time.perf_counter()
    try:
        got = await s.run(jobs.check_job, path, name, profile_file, parent_path, kind, facts)
    except JobFailed as exc:
        got = {"error": exc.message}
    seconds = round(time.perf_counter() - started, 3)
    if "error" in got:
        if str(got["error"]).startswith("kế hoạch cấp trên"):
            raise BadInput(got["error"])
        return refused_row(name, got["error"]), {"blocks": []}, seconds
    return got["row"], got["view"], seconds


def kind_of(value: str) -> str | None:
    if value and value not in KINDS:
        raise BadInput(f"loại kế hoạch '{value}' không hợp lệ (full hoặc thematic)")
    return value or None


async def check_upload(request: Request) -> Response:
    s = services(request)
    form = await read_form(request)
    upload = upload_of(form, "file")
    if upload is None:
        raise BadInput(f"chưa chọn tệp văn bản để kiểm tra ({OFFICE_NAMES})")
    profile = await parent_of(s, form)
    kind = kind_of(str(form.get("kind") or ""))
    name, stored = await save(s.store, upload)
    row, view, seconds = await run_check(s, str(s.store.path(stored)), name, profile_path(s, profile), kind=kind)
    cid = s.store.add_check(name=name, stored=stored, profile_id=profile.id if profile else None, row=row,
                            view=view, seconds=seconds)
    return RedirectResponse(f"/kiem-tra/{cid}", status_code=303)


def _check(request: Request) -> Any:
    found = services(request).store.check(request.path_params["cid"])
    if found is None:
        raise BadInput("không có kết quả kiểm tra này (đường dẫn sai, hoặc kết quả đã bị xóa)", 404)
    return found


def reviewable(s: Services, found: Any) -> bool:
    """A .docx by its name and by its content: a web page or an RTF uploaded as ".docx" is checked, not edited."""
    return PurePosixPath(found["name"]).suffix.lower() == jobs.REVIEW_SUFFIX and \
        not_a_docx(str(s.store.path(found["stored"]))) is None


async def check_result(request: Request) -> Response:
    s = services(request)
    found = _check(request)
    profile = s.store.profile(found["profile_id"]) if found["profile_id"] else None
    page = pages.check_page(json.loads(found["row"]), json.loads(found["view"]), profile.view if profile else None)
    return render(request, "result.html", page=page, check_id=found["id"], name=found["name"],
                  parent=profile, seconds=found["seconds"], reviewable=reviewable(s, found), back=None)


def stem(name: str) -> str:
    return PurePosixPath(name).stem or "van-ban"


async def result_json(request: Request) -> Response:
    found = _check(request)
    row = json.loads(found["row"])
    body = json.dumps({"files": [row], "summary": summary_of([row])}, ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json",
                    headers={"content-disposition": attachment(f"{stem(found['name'])}.ket-qua.json")})


REVIEW_JOBS = {"annotated": ("ghi-chu", "bản có ghi chú"), "fixed": ("da-sua", "bản đã sửa")}
REVIEW_URLS = {slug: kind for kind, (slug, _) in REVIEW_JOBS.items()}  # /kiem-tra/ID/ban-ghi-chu.docx


async def review_copy(request: Request) -> Response:
    """The annotated or the fixed copy of a checked .docx, made once in a child and kept."""
    s = services(request)
    found = _check(request)
    kind = REVIEW_URLS.get(request.path_params["kind"], "")
    if kind not in REVIEW_JOBS:
        raise BadInput("không có loại bản này", 404)
    if not reviewable(s, found):
        raise BadInput(f"{shown(found['name'])}: chỉ làm được {REVIEW_JOBS[kind][1]} cho tệp .docx", 400)
    made = s.store.output(found["id"], kind)
    if made is None:
        made = await _make_copy(s, found, kind)
    download = f"{stem(found['name'])}.{REVIEW_JOBS[kind][0]}.docx"
    return FileResponse(s.store.path(made["stored"]), media_type=DOCX,
                        headers={"content-disposition": attachment(download)})


async def _make_copy(s: Services, found: Any, kind: str) -> Any:
    out = s.store.new_file(".docx")
    path, target = str(s.store.path(found["stored"])), str(s.store.path(out))
    profile = s.store.profile(found["profile_id"]) if found["profile_id"] else None
    try:
        if kind == "annotated":
            got = await s.run(jobs.annotate_job, path, profile_path(s, profile), None, target)
        else:
            got = await s.run(jobs.fix_job, path, target)
    except JobFailed as exc:
        got = {"error": exc.message}
    if "error" in got:
        raise BadInput(f"{shown(found['name'])}: không làm được {REVIEW_JOBS[kind][1]}: {got['error']}", 422)
    s.store.add_output(found["id"], kind, out, json.dumps(got, ensure_ascii=False))
    made = s.store.output(found["id"], kind)
    assert made is not None
    return made


ROUTES = [
    Route("/", check_form),
    Route("/kiem-tra", check_upload, methods=["POST"]),
    Route("/kiem-tra/{cid}", check_result),
    Route("/kiem-tra/{cid}/ket-qua.json", result_json),
    Route("/kiem-tra/{cid}/ban-{kind}.docx", review_copy),
]
