"""Helpers of the serve tests: test clients, a real server in a child process, the test plans."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "corpus" / "eval"
PARENT = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
SCHEMA = ROOT / "contract" / "check.schema.json"
BASE = "http://localhost"
# Three submissions of the collection tests, with what `vbhc check --against` finds in each
PLANS = {
    "phuong-thanh-vinh-ngat-dong.txt": "UBND phường Thành Vinh",  # misses an area (KH001)
    "so-tai-chinh-bang-nhiem-vu.docx": "Sở Tài chính",  # a weaker target (KH002)
    "xa-hung-nguyen-ban-hanh-muon.pdf": "xã Hưng Nguyên",  # issued 5 days late (KH005)
}
NOT_SUBMITTING = "Sở Tư pháp"
START_SECONDS = 60.0


@contextlib.contextmanager
def make_client(data: Path, runner, **settings) -> Iterator:
    from starlette.testclient import TestClient

    from vbhc.serve.app import create_app
    from vbhc.serve.settings import Settings

    app = create_app(Settings(data=data, **settings), runner=runner)
    with TestClient(app, base_url=BASE) as c:
        yield c


def check_contract(body: dict) -> None:
    import jsonschema

    jsonschema.validate(body, json.loads(SCHEMA.read_text(encoding="utf-8")))


def upload(path: Path, name: str | None = None) -> tuple[str, bytes]:
    return (name or path.name, path.read_bytes())


def wait_done(client, cid: str, seconds: float = 120.0) -> str:
    """The collection's live table once nothing is pending (the background checks are done)."""
    deadline = time.monotonic() + seconds
    while True:
        html = client.get(f"/thu-nhan/{cid}/bang").text
        if 'data-pending="0"' in html:
            return html
        if time.monotonic() > deadline:
            raise AssertionError("the collection's checks did not finish")
        time.sleep(0.2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    proc: subprocess.Popen
    url: str
    data: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_server(data: Path, *args: str) -> Server:
    """`vbhc serve` on a free port, once it answers (its parent plans are ready then)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vbhc", "serve", "--port", str(port), "--data", str(data), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"vbhc serve stopped: {proc.stderr.read() if proc.stderr else ''}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url + "/api/profiles", timeout=2).status_code == 200:
                return Server(proc, url, data)
        time.sleep(0.2)
    proc.kill()
    raise AssertionError("vbhc serve did not answer")


def slow_pdf(pages: int) -> bytes:
    """A small PDF whose every page takes the reader ≈ 3 s (250,000 glyphs to place; tests/hostile's
    slow page): refused by the readers' PDF clock (5 s + 0.2 s a page) after that many seconds."""
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    from hostile_build import raw_pdf

    line = b"(x) Tj 2 0 Td " * 200 + b"-400 -4 Td\n"
    content = b"BT /F1 3 Tf 80 720 Td\n" + (line * 150 + b"0 600 Td\n") * 8 + line * 50 + b"ET"
    return raw_pdf(pages, content, compress=True)


# Doubles of a job (picklable: a child imports this module by name)

def crash_job(*args) -> dict:
    os._exit(3)


def greedy_job(*args) -> dict:
    from vbhc.serve.jobs import guarded

    @guarded
    def allocate() -> dict:
        hoard = bytearray(3 * 1024 * 1024 * 1024)
        return {"size": len(hoard)}

    return allocate()
