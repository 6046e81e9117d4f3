"""The ASGI app of `vbhc serve`: the officers' pages and the API, on Starlette.

`create_app(settings)` builds it; `from_env()` is the factory uvicorn imports in each worker
process of `--workers N`. The routes live in `routes_check`, `routes_draft`, `routes_collect` and
`routes_api`; what they share is in `common`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from vbhc.serve import routes_api, routes_check, routes_collect, routes_draft
from vbhc.serve.common import HERE, BadInput, Services, ensure_bundled, error_page, render
from vbhc.serve.limit import UploadLimit
from vbhc.serve.runner import Runner
from vbhc.serve.settings import Settings
from vbhc.serve.store import Store

# --- the app --------------------------------------------------------------------------------------

def _routes() -> list[Any]:
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
            routes_collect.recover(s)
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
