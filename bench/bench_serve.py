"""Benchmark of `vbhc serve`: how long an officer waits for a 30-page .docx to be checked.  Run by
hand, not by pytest:

    .venv/bin/python bench/bench_serve.py [--runs N] [--pages 30]

Starts `vbhc serve` (a fresh data folder, two child processes) on a free loopback port, makes a
30-page plan with bench_parse.make_plan, and times from the client, wall clock, N runs after one
warm-up, each figure the median and the worst:
  - POST /api/check of the file (format rules only), and with parent=nghe-an-2025 (plan rules);
  - the page's own path: POST /kiem-tra (upload, check, store) then GET of the result page it
    redirects to (findings and the document drawn as HTML).            target: < 2 s
The load (`uptime`) is printed before and after: the machine is shared, figures move with it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "serve"))

from bench_parse import make_plan  # noqa: E402
from serve_helpers import start_server  # noqa: E402

TARGET_S = 2.0


def timed(call, runs: int) -> tuple[float, float]:
    call()  # warm-up: the first job of a child loads what the check needs
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), max(seconds)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / f"ke-hoach-{args.pages}-trang.docx"
        make_plan(plan, pages=args.pages)
        data = plan.read_bytes()
        print(f"load before: {uptime()}")
        print(f"file: {plan.name}, {len(data) // 1024} KiB, {os.cpu_count()} cores")
        server = start_server(Path(tmp) / "data", "--jobs", "2")
        try:
            with httpx.Client(base_url=server.url, timeout=120) as c:
                def api(parent: str | None = None) -> None:
                    r = c.post("/api/check", files={"file": (plan.name, data)}, data={"parent": parent or ""})
                    assert r.status_code == 200 and r.json()["files"][0]["status"] != "error", r.text[:300]

                def page() -> None:
                    r = c.post("/kiem-tra", files={"file": (plan.name, data)}, data={"parent": "nghe-an-2025"},
                               follow_redirects=True)
                    assert r.status_code == 200 and 'class="paper"' in r.text

                rows = [("POST /api/check", timed(api, args.runs)),
                        ("POST /api/check parent=nghe-an-2025", timed(lambda: api("nghe-an-2025"), args.runs)),
                        ("POST /kiem-tra + GET result page", timed(page, args.runs))]
        finally:
            server.stop()
        print(f"load after:  {uptime()}")
        print(f"{'request':<40} {'median s':>9} {'worst s':>8}  target < {TARGET_S:g} s")
        for name, (median, worst) in rows:
            print(f"{name:<40} {median:>9.3f} {worst:>8.3f}  {'yes' if worst < TARGET_S else 'NO'}")


if __name__ == "__main__":
    main()
