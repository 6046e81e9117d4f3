"""Uploads over --max-upload-mb get 413, decided while the body streams in: a declared length over
the limit is answered before one byte of the body is read; a body without a length is read only
until it passes the limit. Pages get a Vietnamese page, the API a Vietnamese JSON error."""

from __future__ import annotations

import asyncio

from serve_helpers import PARENT, make_client, upload

from vbhc.serve.limit import FORM_OVERHEAD, UploadLimit

MB = 1024 * 1024


async def _ok_app(scope, receive, send):
    while True:  # read the whole body, then answer 200
        message = await receive()
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _call(app, headers: list[tuple[bytes, bytes]], chunks: list[bytes], path: str = "/api/check"):
    """Run one request through the ASGI app; what was sent back, and how many chunks were read."""
    read = 0
    sent: list[dict] = []

    async def receive():
        nonlocal read
        read += 1
        body = chunks[read - 1] if read <= len(chunks) else b""
        return {"type": "http.request", "body": body, "more_body": read < len(chunks)}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "headers": headers}
    asyncio.run(app(scope, receive, send))
    return sent, read


def test_declared_length_over_the_limit_is_refused_unread():
    app = UploadLimit(_ok_app, 1 * MB, lambda message: f"<p>{message}</p>")
    sent, read = _call(app, [(b"content-length", str(5 * MB).encode())], [b"x" * MB] * 5)
    assert read == 0  # not one chunk of the body was read
    assert sent[0]["status"] == 413
    assert "tệp tải lên quá lớn" in sent[1]["body"].decode()


def test_streamed_body_is_stopped_at_the_limit():
    chunks = [b"x" * (256 * 1024)] * 40  # 10 MB in 256 KB chunks, no length declared
    app = UploadLimit(_ok_app, 1 * MB, lambda message: f"<p>{message}</p>")
    sent, read = _call(app, [], chunks, path="/kiem-tra")
    assert sent[0]["status"] == 413
    assert read * 256 * 1024 <= 1 * MB + FORM_OVERHEAD + 256 * 1024  # stopped at the first chunk past it
    assert dict(sent[0]["headers"])[b"content-type"].startswith(b"text/html")
    assert "quá lớn" in sent[1]["body"].decode()


def test_under_the_limit_passes():
    app = UploadLimit(_ok_app, 1 * MB, lambda message: message)
    sent, read = _call(app, [(b"content-length", str(MB).encode())], [b"x" * (MB // 2)] * 2)
    assert sent[0]["status"] == 200 and read == 2


def test_api_and_page_over_the_limit(runner, tmp_path):
    with make_client(tmp_path / "data", runner, max_upload_mb=0.5) as client:
        big = ("lớn.txt", b"a\n" * (400 * 1024))  # 800 KB
        r = client.post("/api/check", files={"file": big})
        assert r.status_code == 413
        assert "tối đa 0.5 MB" in r.json()["error"]
        r = client.post("/kiem-tra", files={"file": big})
        assert r.status_code == 413 and 'lang="vi"' in r.text and "quá lớn" in r.text
        r = client.post("/api/check", files={"file": upload(PARENT)})  # 24 KB: fine
        assert r.status_code == 200 and r.json()["files"][0]["status"] == "findings"


def test_limit_applies_to_the_whole_request_of_a_collection(runner, tmp_path):
    with make_client(tmp_path / "data", runner, max_upload_mb=0.1) as client:
        r = client.post("/thu-nhan", data={"title": "Đợt 1", "parent": "nghe-an-2025", "expected_text": "Sở Y tế"},
                        follow_redirects=False)
        cid = r.headers["location"].rsplit("/", 1)[1]
        files = [("files", (f"kh{i}.txt", b"x" * 40_000)) for i in range(6)]  # 240 KB together
        r = client.post(f"/thu-nhan/{cid}/nop", files=files)
        assert r.status_code == 413
        store = client.app.app.state.services.store
        assert store.submissions(cid) == []  # nothing half-received was kept
