"""What the routes of `vbhc serve` share: the services (store, runner, pages), the error an
officer can correct (`BadInput`), rendering a page, reading uploads and forms, the parent plans.

The routes live in `routes_check`, `routes_draft`, `routes_collect` and `routes_api`; `app` puts
them together. Requests only store and read (`store`); whatever reads an uploaded file runs in a
child (`runner`, `jobs`).
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from vbhc import __version__
from vbhc.dates import display
from vbhc.readers import OFFICE_EXTENSIONS
from vbhc.report.rows import show_target
from vbhc.serve import jobs
from vbhc.serve.runner import JobFailed, Runner
from vbhc.serve.settings import Settings
from vbhc.serve.store import Profile, Store
from vbhc.terminal import printable

HERE = Path(__file__).parent
DOCUMENTS = OFFICE_EXTENSIONS
PARENTS = (*DOCUMENTS, ".yaml", ".yml")
BUNDLED = HERE / "bundled" / "nghe-an-2025.txt"
BUNDLED_NAME = "nghe-an-2025"
MAX_NAME = 200
# The pages' own assets only: nothing is fetched from anywhere else, nothing is inline.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"


class BadInput(HTTPException):
    """A request the officer can correct: 400 with the reason in Vietnamese."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(status_code=status, detail=message)


@dataclass
class Services:
    settings: Settings
    store: Store
    runner: Runner | None = None
    pages: jinja2.Environment = field(default_factory=lambda: environment())
    background: set[asyncio.Task[Any]] = field(default_factory=set)

    def spawn(self, coro: Any) -> None:
        """Work that goes on after the response (a collection's checks): kept until it ends."""
        task = asyncio.get_running_loop().create_task(coro)
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    async def run(self, job: Any, *args: Any) -> dict[str, Any]:
        assert self.runner is not None
        return await self.runner.run(job, *args)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["vn_date"] = display
    env.filters["target"] = show_target
    env.globals["version"] = __version__
    env.globals["documents"] = DOCUMENTS  # what the file inputs accept and their labels name
    return env


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    s = services(request)
    html = s.pages.get_template(template).render(request=request, limit_mb=s.settings.max_upload_mb, **values)
    return HTMLResponse(html, status_code=status, headers={"content-security-policy": CSP})


def error_page(env: jinja2.Environment, message: str, status: int) -> str:
    return env.get_template("error.html").render(request=None, message=message, status=status, limit_mb=None)


# --- uploads --------------------------------------------------------------------------------------

def display_name(upload: UploadFile) -> str:
    """The officer's file name, for display only: the last part, control characters escaped."""
    name = PurePosixPath((upload.filename or "").replace("\\", "/")).name
    return printable(" ".join(name.split()))[:MAX_NAME] or "tệp không tên"


def suffix_of(name: str, allowed: tuple[str, ...], what: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in allowed:
        raise BadInput(f"{name}: vbhc chỉ nhận {what} {', '.join(allowed)}")
    return suffix


async def read_form(request: Request) -> FormData:
    try:
        return await request.form(max_files=200, max_fields=50, max_part_size=256 * 1024)
    except MultiPartException as exc:
        raise BadInput(f"biểu mẫu gửi lên không hợp lệ ({exc.message})") from None


def upload_of(form: FormData, key: str) -> UploadFile | None:
    value = form.get(key)
    return value if isinstance(value, UploadFile) and value.filename else None


def text_of(form: FormData, key: str, limit: int = 500) -> str:
    value = form.get(key)
    return " ".join(value.split())[:limit] if isinstance(value, str) else ""


async def save(store: Store, upload: UploadFile, allowed: tuple[str, ...] = DOCUMENTS,
               what: str = "tệp") -> tuple[str, str]:
    """Store an upload under a generated name: (the officer's name, the stored name)."""
    name = display_name(upload)
    stored = store.new_file(suffix_of(name, allowed, what))

    def copy() -> None:
        from vbhc.fileio import write_atomic

        upload.file.seek(0)

        def write(tmp: str) -> None:
            with open(tmp, "wb") as out:
                shutil.copyfileobj(upload.file, out, 1024 * 1024)

        write_atomic(store.path(stored), write)

    await asyncio.to_thread(copy)
    return name, stored


# --- parent plans ---------------------------------------------------------------------------------

async def add_profile(s: Services, path: Path, source_name: str, source_file: str | None,
                      bundled: bool = False) -> Profile:
    """A parent plan (or saved YAML profile) read in a child and kept for later checks."""
    profile_file = s.store.new_file(".yaml")
    try:
        got = await s.run(jobs.profile_job, str(path), str(s.store.path(profile_file)), path.suffix.lower())
    except JobFailed as exc:
        got = {"error": exc.message}
    if "error" in got:
        raise BadInput(f"kế hoạch cấp trên {source_name}: {got['error']}")
    view = {**got["view"], "counts": {"areas": got["areas"], "targets": got["targets"]}}
    return s.store.add_profile(name=BUNDLED_NAME if bundled else got["name"], label=got["label"],
                               profile_file=profile_file, view=view, source_name=source_name,
                               source_file=source_file, bundled=bundled)


async def parent_of(s: Services, form: FormData) -> Profile | None:
    """The parent plan a form names: a new file (kept for next time), a stored one, or none."""
    upload = upload_of(form, "parent_file")
    if upload is not None:
        name, stored = await save(s.store, upload, PARENTS, "kế hoạch cấp trên dạng")
        return await add_profile(s, s.store.path(stored), name, stored if not stored.endswith(".yaml") else None)
    key = text_of(form, "parent")
    if not key:
        return None
    found = s.store.profile(key)
    if found is None:
        raise BadInput(f"không có kế hoạch cấp trên '{key}' (xem GET /api/profiles)")
    return found


async def ensure_bundled(s: Services) -> None:
    """The Nghệ An plan shipped with vbhc, as a stored parent (once per data folder)."""
    if s.store.bundled_profile() is not None or not BUNDLED.is_file():
        return
    stored = s.store.new_file(".txt")
    shutil.copyfile(BUNDLED, s.store.path(stored))
    await add_profile(s, s.store.path(stored), "Kế hoạch 2228/QĐ-UBND (Nghệ An, có sẵn)", stored, bundled=True)


def profile_path(s: Services, profile: Profile | None) -> str | None:
    return str(s.store.path(profile.profile_file)) if profile is not None else None


def attachment(name: str) -> str:
    """A Content-Disposition for a download named `name` (Vietnamese letters kept, RFC 6266)."""
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
