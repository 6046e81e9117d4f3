"""Soạn kế hoạch: the form of `vbhc draft` (agency, level, date, place, parent) and its .docx."""

from __future__ import annotations

import json

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from vbhc.serve import jobs
from vbhc.serve.common import BadInput, attachment, parent_of, profile_path, read_form, render, services, text_of
from vbhc.serve.runner import JobFailed
from vbhc.serve.store import new_id

LEVELS = {"": "tự nhận biết theo tên", "so": "sở, ngành cấp tỉnh", "xa": "xã, phường"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def draft_form(request: Request, error: str | None = None, values: dict[str, str] | None = None,
                     status: int = 200) -> Response:
    return render(request, "draft.html", status=status, profiles=services(request).store.profiles(), levels=LEVELS,
                  error=error, values=values or {})


def _fields(form: FormData) -> dict[str, str | bool | None]:
    from vbhc import dates

    agency = text_of(form, "agency", 200)
    if not agency:
        raise BadInput("cần tên cơ quan ban hành kế hoạch, ví dụ “Sở Tư pháp” hoặc “xã Nghi Lộc”")
    level = text_of(form, "level", 10)
    if level not in LEVELS:
        raise BadInput(f"cấp '{level}' không hợp lệ (so hoặc xa)")
    raw_date = text_of(form, "date", 40)
    issued = dates.parse(raw_date) if raw_date else None
    if raw_date and issued is None:
        raise BadInput(f"“{raw_date}” không phải một ngày có thật (viết như 25/07/2025 hoặc 2025-07-25)")
    return {"agency": agency, "level": level or None, "date": issued, "place": text_of(form, "place", 100) or None,
            "abbr": text_of(form, "abbr", 20) or None, "with_decision": bool(form.get("with_decision"))}


async def draft_make(request: Request) -> Response:
    s = services(request)
    form = await read_form(request)
    values = {k: text_of(form, k, 200) for k in ("agency", "level", "date", "place", "abbr", "parent")}
    try:
        fields = _fields(form)
        profile = await parent_of(s, form)
        if profile is None:
            raise BadInput("cần chọn kế hoạch cấp trên để soạn kế hoạch")
    except BadInput as exc:
        return await draft_form(request, error=exc.detail, values=values, status=400)
    out = s.store.new_file(".docx")
    source = str(s.store.path(profile.source_file)) if profile.source_file else None
    try:
        got = await s.run(jobs.draft_job, profile_path(s, profile), source, fields, str(s.store.path(out)))
    except JobFailed as exc:
        got = {"error": exc.message}
    if "error" in got:
        return await draft_form(request, error=got["error"], values=values, status=400)
    did = new_id()
    note = {**got, "agency": fields["agency"], "parent": profile.label}
    s.store.add_output(did, "draft", out, json.dumps(note, ensure_ascii=False))
    return render(request, "drafted.html", draft_id=did, note=note)


async def draft_file(request: Request) -> Response:
    s = services(request)
    made = s.store.output(request.path_params["did"], "draft")
    if made is None:
        raise BadInput("không có bản soạn thảo này (đường dẫn sai)", 404)
    note = json.loads(made["note"] or "{}")
    name = f"ke-hoach-{jobs.slug(str(note.get('agency') or 'don-vi'))}.docx"
    return FileResponse(s.store.path(made["stored"]), media_type=DOCX,
                        headers={"content-disposition": attachment(name)})


ROUTES = [
    Route("/soan-thao", draft_form),
    Route("/soan-thao", draft_make, methods=["POST"]),
    Route("/soan-thao/{did}.docx", draft_file),
]
