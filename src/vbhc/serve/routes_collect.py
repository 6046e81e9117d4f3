"""Thu nhận kế hoạch (for the Sở Nội vụ): a collection for a parent plan and its expected agencies;
plans uploaded into it are checked in the background, and the page follows the audit's matrix
live; the audit's HTML, XLSX and JSON reports download from it."""

from __future__ import annotations

import asyncio
import io
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from vbhc.audit.agencies import Agency
from vbhc.readers import OFFICE_NAMES
from vbhc.serve import agencies, pages
from vbhc.serve.collection import Dashboard, dashboard
from vbhc.serve.common import (
    DOCUMENTS,
    BadInput,
    Services,
    attachment,
    display_name,
    parent_of,
    profile_path,
    read_form,
    render,
    save,
    services,
    suffix_of,
    text_of,
    upload_of,
)
from vbhc.serve.routes_check import run_check
from vbhc.serve.store import Profile

MAX_FILES = 200
EXPECTED_BYTES = 256 * 1024


def plan_rules(s: Services) -> list[str]:
    from vbhc.audit.run import plan_rules_run
    from vbhc.check import Config, load_config

    return plan_rules_run(load_config(s.settings.config) if s.settings.config else Config())


async def collections(request: Request, error: str | None = None, status: int = 200) -> Response:
    s = services(request)
    return render(request, "collections.html", status=status, items=s.store.collections(),
                  profiles=s.store.profiles(), error=error)


async def _expected(form: Any) -> list[Agency]:
    """The agencies expected to submit: typed one per line, and/or a list uploaded as
    `vbhc audit --expected` reads one (.txt one per line, .csv or .yaml with name, short, level)."""
    value = form.get("expected_text")
    typed = value if isinstance(value, str) else ""
    listed, listed_name = "", ""
    upload = upload_of(form, "expected_file")
    if upload is not None:
        raw = await upload.read(EXPECTED_BYTES + 1)
        if len(raw) > EXPECTED_BYTES:
            raise BadInput("danh sách cơ quan quá dài (tối đa 256 KB)")
        try:
            listed = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadInput("danh sách cơ quan phải là tệp văn bản UTF-8, mỗi dòng một cơ quan") from None
        listed_name = display_name(upload)
    try:
        return agencies.expected_agencies(typed, listed, listed_name)
    except ValueError as exc:
        raise BadInput(str(exc)) from None


async def create(request: Request) -> Response:
    s = services(request)
    form = await read_form(request)
    try:
        title = text_of(form, "title", 200)
        if not title:
            raise BadInput("cần tên đợt thu nhận, ví dụ “Kế hoạch CCHC năm 2026 của các sở, ngành”")
        expected = await _expected(form)
        profile = await parent_of(s, form)
        if profile is None:
            raise BadInput("cần chọn kế hoạch cấp trên mà các cơ quan phải thực hiện")
    except BadInput as exc:
        return await collections(request, error=exc.detail, status=400)
    cid = s.store.add_collection(title, profile.id, expected)
    return RedirectResponse(f"/thu-nhan/{cid}", status_code=303)


def _collection(s: Services, cid: str) -> tuple[Any, Profile]:
    found = s.store.collection(cid)
    if found is None:
        raise BadInput("không có đợt thu nhận này (đường dẫn sai)", 404)
    profile = s.store.profile(found["profile_id"])
    assert profile is not None
    return found, profile


def board(s: Services, cid: str) -> tuple[Any, Profile, Dashboard]:
    found, profile = _collection(s, cid)
    return found, profile, dashboard(found["title"], profile.view, s.store.expected(cid), s.store.submissions(cid),
                                     plan_rules(s))


async def collection_page(request: Request) -> Response:
    s = services(request)
    found, profile, dash = board(s, request.path_params["cid"])
    return render(request, "collection.html", c=found, parent=profile, d=dash)


async def collection_table(request: Request) -> Response:
    """The live part of the page (polled by the page while it is open)."""
    s = services(request)
    recover(s, request.path_params["cid"])
    found, profile, dash = board(s, request.path_params["cid"])
    return render(request, "board.html", c=found, parent=profile, d=dash)


async def _check_submission(s: Services, sid: str, path: str, name: str, profile_file: str | None) -> None:
    row, view, seconds = await run_check(s, path, name, profile_file, facts=True)
    await asyncio.to_thread(s.store.finish_submission, sid, row, view, seconds)


def _start(s: Services, sid: str, stored: str, name: str, profile: Profile) -> None:
    s.spawn(_check_submission(s, sid, str(s.store.path(stored)), name, profile_path(s, profile)))


async def submit(request: Request) -> Response:
    s = services(request)
    found, profile = _collection(s, request.path_params["cid"])
    form = await read_form(request)
    uploads = [u for u in form.getlist("files") if not isinstance(u, str) and u.filename][:MAX_FILES]
    if not uploads:
        raise BadInput(f"chưa chọn tệp kế hoạch nào để nộp ({OFFICE_NAMES})")
    for u in uploads:  # every name checked before anything is stored
        suffix_of(display_name(u), DOCUMENTS, "tệp")
    saved = [await save(s.store, u) for u in uploads]
    for name, stored in saved:
        _start(s, s.store.add_submission(found["id"], name, stored), stored, name, profile)
    if "application/json" in request.headers.get("accept", ""):
        return Response(json.dumps({"received": len(saved)}), media_type="application/json")
    return RedirectResponse(f"/thu-nhan/{found['id']}", status_code=303)


def recover(s: Services, cid: str | None = None) -> None:
    """Check again what a stopped process left pending (claimed longer ago than a check can take)."""
    for row in s.store.claim_stale(s.settings.timeout + 30, cid):
        found, profile = _collection(s, row["collection_id"])
        _start(s, row["id"], row["stored"], row["name"], profile)


async def submission_page(request: Request) -> Response:
    s = services(request)
    found, profile = _collection(s, request.path_params["cid"])
    sub = s.store.submission(request.path_params["sid"])
    if sub is None or sub["collection_id"] != found["id"] or sub["state"] != "done":
        raise BadInput("không có kết quả của tệp này (chưa kiểm tra xong, hoặc đường dẫn sai)", 404)
    page = pages.check_page(json.loads(sub["row"]), json.loads(sub["view"]), profile.view)
    _, _, dash = board(s, found["id"])
    filed = next((f for f in dash.files if f.submission.id == sub["id"]), None)
    return render(request, "result.html", page=page, check_id=None, name=sub["name"], parent=profile,
                  seconds=sub["seconds"], reviewable=False, filed=filed,
                  back=(f"/thu-nhan/{found['id']}", found["title"]))


def _report(request: Request) -> tuple[Any, dict[str, Any]]:
    found, _, dash = board(services(request), request.path_params["cid"])
    return found, dash.result


async def report_html(request: Request) -> Response:
    from vbhc.report.html import render_html
    from vbhc.serve.common import REPORT_CSP

    found, result = _report(request)
    return Response(render_html(result), media_type="text/html; charset=utf-8",
                    headers={"content-disposition": attachment("bao-cao-thu-nhan.html"),
                             "content-security-policy": REPORT_CSP})


async def report_xlsx(request: Request) -> Response:
    from vbhc.report.xlsx import build_workbook

    found, result = _report(request)
    buffer = io.BytesIO()
    build_workbook(result).save(buffer)
    return Response(buffer.getvalue(), media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"content-disposition": attachment("tong-hop-thu-nhan.xlsx")})


async def report_docx(request: Request) -> Response:
    """The Báo cáo on the collection (what `vbhc audit --report-docx` writes), dated today; the place
    is the parent plan's province, or a blank to fill in where the parent does not say."""
    from vbhc.report.baocao import build_report
    from vbhc.writers.docx import to_bytes

    found, result = _report(request)
    data = await asyncio.to_thread(lambda: to_bytes(build_report(result)))
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    headers={"content-disposition": attachment("bao-cao-ket-qua-kiem-tra.docx")})


async def report_json(request: Request) -> Response:
    from vbhc.audit.run import result_json

    found, result = _report(request)
    return Response(result_json(result), media_type="application/json",
                    headers={"content-disposition": attachment("ket-qua-thu-nhan.json")})


ROUTES = [
    Route("/thu-nhan", collections),
    Route("/thu-nhan", create, methods=["POST"]),
    Route("/thu-nhan/{cid}", collection_page),
    Route("/thu-nhan/{cid}/bang", collection_table),
    Route("/thu-nhan/{cid}/nop", submit, methods=["POST"]),
    Route("/thu-nhan/{cid}/ho-so/{sid}", submission_page),
    Route("/thu-nhan/{cid}/bao-cao.html", report_html),
    Route("/thu-nhan/{cid}/tong-hop.xlsx", report_xlsx),
    Route("/thu-nhan/{cid}/ket-qua.json", report_json),
    Route("/thu-nhan/{cid}/bao-cao.docx", report_docx),
]
