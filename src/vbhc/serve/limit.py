"""Uploads over the limit get 413, decided while the body streams in, never after reading it all.

A request that declares a larger Content-Length is answered before its body is read; one that
does not (chunked) is counted as it arrives and stopped at the first byte past the limit. The
answer is Vietnamese: a JSON error under /api/, a page elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Room for what a form carries besides the file (boundaries, part headers, the other fields).
FORM_OVERHEAD = 64 * 1024


def too_large_text(limit: int) -> str:
    return f"tệp tải lên quá lớn: mỗi lần gửi tối đa {limit / (1024 * 1024):g} MB (tùy chọn --max-upload-mb)"


class TooLarge(HTTPException):
    """Raised inside the app while the body is read: the app's error handler answers 413."""

    def __init__(self, limit: int):
        super().__init__(status_code=413, detail=too_large_text(limit))


class UploadLimit:
    """ASGI middleware: at most `limit` bytes of upload (plus the form's own overhead) per request."""

    def __init__(self, app: ASGIApp, limit: int, page: Callable[[str], str]):
        self.app = app
        self.limit = limit
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        allowed = self.limit + FORM_OVERHEAD
        declared = _content_length(scope)
        if declared is not None and declared > allowed:
            await self._refuse(scope, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > allowed:
                    raise TooLarge(self.limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if started:
                raise
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = too_large_text(self.limit)
        if str(scope.get("path", "")).startswith("/api/"):
            body, kind = json.dumps({"error": message}, ensure_ascii=False).encode(), b"application/json"
        else:
            body, kind = self.page(message).encode(), b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    headers: Any = scope.get("headers") or []
    for name, value in headers:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
