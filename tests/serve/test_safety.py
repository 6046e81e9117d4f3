"""A hostile file cannot stall or crash the server: every upload is read in a child process, under
the readers' own limits, a clock and a memory ceiling; the server answers other requests meanwhile."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest
from serve_helpers import PARENT, crash_job, greedy_job, slow_pdf

from vbhc.serve import jobs
from vbhc.serve.runner import JobFailed, Runner


def test_server_answers_while_a_hostile_file_is_refused(server):
    hostile = slow_pdf(20)  # ≈ 3 s a page: refused after its second page (glyph bound) or by the clock
    finished: dict[str, float] = {}
    outcome: dict[str, httpx.Response] = {}

    def send_hostile() -> None:
        outcome["hostile"] = httpx.post(server.url + "/api/check", files={"file": ("độc.pdf", hostile)}, timeout=120)
        finished["hostile"] = time.monotonic()

    sender = threading.Thread(target=send_hostile)
    sender.start()
    time.sleep(1.0)  # the hostile file is in a child by now
    with httpx.Client(base_url=server.url, timeout=60) as c:
        assert c.get("/api/rules").status_code == 200
        assert c.get("/").status_code == 200
        r = c.post("/api/check", files={"file": (PARENT.name, PARENT.read_bytes())})
        assert r.status_code == 200 and r.json()["files"][0]["status"] == "findings"
    finished["others"] = time.monotonic()
    sender.join(120)
    row = outcome["hostile"].json()["files"][0]
    assert row["status"] == "error", row
    assert "ký tự sau 2 trang" in row["error"] or "quá thời gian đọc PDF" in row["error"], row
    assert finished["others"] < finished["hostile"]  # answered while the hostile file was being read


def run(runner: Runner, job, *args):
    return asyncio.run(runner.run(job, *args))


@pytest.fixture()
def small_runner():
    pool = Runner(jobs=1, timeout=1.0)
    yield pool
    pool.close()


def test_a_job_past_the_clock_is_stopped(small_runner, tmp_path):
    path = tmp_path / "chậm.pdf"
    path.write_bytes(slow_pdf(3))
    with pytest.raises(JobFailed, match=r"quá thời gian xử lý \(1 giây\); tệp bị từ chối"):
        run(small_runner, jobs.check_job, str(path), "chậm.pdf", None, None, None)
    got = run(small_runner, jobs.check_job, str(PARENT), "kh.txt", None, None, None)  # a new worker took over
    assert got["row"]["status"] == "findings"


def test_a_worker_that_dies_fails_its_job_alone(small_runner):
    with pytest.raises(JobFailed, match="tiến trình kiểm tra bị dừng bất thường"):
        run(small_runner, crash_job)
    assert run(small_runner, jobs.check_job, str(PARENT), "kh.txt", None, None, None)["row"]["path"] == "kh.txt"


def test_memory_is_capped_in_the_child(small_runner):
    got = run(small_runner, greedy_job)
    assert got == {"error": "tệp cần quá nhiều bộ nhớ để xử lý (nghi tệp độc hại, bị từ chối)"}
    assert run(small_runner, jobs.check_job, str(PARENT), "kh.txt", None, None, None)["row"]["status"] == "findings"


def test_a_zip_bomb_is_refused_through_the_page(client):
    import sys

    from serve_helpers import ROOT

    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    from hostile_build import bomb_docx

    r = client.post("/kiem-tra", files={"file": ("bom.docx", bomb_docx(70 * 1024 * 1024))})
    assert r.status_code == 200 and 'id="unreadable"' in r.text and "nghi tệp độc hại" in r.text
