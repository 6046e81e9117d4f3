"""The ASGI app of `vbhc serve`: the officers' pages and the API, on Starlette.

`create_app(settings)` builds it; `from_env()` is the factory uvicorn imports in each worker
process of `--workers N`. Requests only store and read (`store`); whatever reads an uploaded
file runs in a child (`runner`, `jobs`). The routes live in `routes_check`, `routes_draft`,
`routes_collect` and `routes_api`; this module holds what they share.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from vbhc import __version__
from vbhc.dates import display
from vbhc.report.rows import show_target
from vbhc.serve import jobs
from vbhc.serve.limit import UploadLimit
from vbhc.serve.runner import JobFailed, Runner
from vbhc.serve.settings import Settings
from vbhc.serve.store import Profile, Store
from vbhc.terminal import printable

HERE = Path(__file__).parent
DOCUMENTS = (".docx", ".doc", ".pdf", ".txt")
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


# --- the app --------------------------------------------------------------------------------------

def _routes() -> list[Any]:
    from vbhc.serve import routes_api, routes_check, routes_collect, routes_draft

    return [*routes_check.ROUTES, *routes_draft.ROUTES, *routes_collect.ROUTES, *routes_api.ROUTES,
            Route("/gioi-thieu", about), Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]


async def about(request: Request) -> Response:
    return render(request, "about.html")


async def on_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if exc.status_code in (400, 404, 413) or isinstance(exc, BadInput) else \
        "yêu cầu không thực hiện được"
    if exc.status_code == 404 and not isinstance(exc, BadInput):
        message = "không có trang này (đường dẫn sai, hoặc kết quả đã bị xóa)"
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=exc.status_code)
    return render(request, "error.html", status=exc.status_code, message=message, status_code=exc.status_code)


def create_app(settings: Settings, runner: Runner | None = None) -> ASGIApp:
    """The app for these settings (`runner`: tests may pass one; else one is started with the app)."""
    store = Store(settings.data)
    s = Services(settings=settings, store=store, runner=runner)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        own = s.runner is None
        if own:
            s.runner = Runner(jobs=settings.jobs, timeout=settings.timeout, config_path=settings.config)
        try:
            await ensure_bundled(s)
            from vbhc.serve.routes_collect import recover

            recover(s)
            yield
        finally:
            for task in list(s.background):
                task.cancel()
            if own and s.runner is not None:
                s.runner.close()
                s.runner = None

    app = Starlette(routes=_routes(), lifespan=lifespan, exception_handlers={HTTPException: on_error},
                    middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)])
    app.state.services = s
    env = s.pages
    return UploadLimit(app, settings.max_upload_bytes, lambda message: error_page(env, message, 413))


def from_env() -> ASGIApp:
    """The factory uvicorn imports in each worker process (`vbhc serve --workers N`)."""
    return create_app(Settings.from_env())
