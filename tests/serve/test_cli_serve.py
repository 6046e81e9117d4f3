"""`vbhc serve` on the command line: Vietnamese help, a data folder it cannot use refused with one
line (exit 2), and a real server answering on loopback; several worker processes behind one address
share one data folder (a result made by one is served by any)."""

from __future__ import annotations

import subprocess
import sys

import httpx
from click.testing import CliRunner
from serve_helpers import PARENT, start_server

from vbhc.cli.app import cli


def test_help_is_vietnamese():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for words in ("--max-upload-mb", "thư mục dữ liệu", "Ví dụ", "không gửi đi đâu"):
        assert words in result.output
    assert "Show this message" not in result.output


def test_unusable_data_folder_is_one_line(tmp_path):
    blocker = tmp_path / "tệp"
    blocker.write_text("x")
    proc = subprocess.run([sys.executable, "-m", "vbhc", "serve", "--data", str(blocker / "con")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("vbhc: ") and "không tạo được thư mục dữ liệu" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_bad_config_is_refused_before_starting(tmp_path):
    bad = tmp_path / "vbhc.toml"
    bad.write_text('[rules]\ndisable = ["KHONG.CO"]\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "vbhc", "serve", "--data", str(tmp_path / "d"), "--config", str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "KHONG.CO" in proc.stderr and "Traceback" not in proc.stderr


def test_several_workers_share_one_folder(tmp_path):
    server = start_server(tmp_path / "data", "--workers", "2", "--jobs", "1")
    try:
        with httpx.Client(base_url=server.url, timeout=60) as c:
            made = []
            for i in range(6):
                r = c.post("/kiem-tra", files={"file": (f"kh-{i}.txt", PARENT.read_bytes())}, follow_redirects=False)
                assert r.status_code == 303
                made.append(r.headers["location"])
            for where in made:  # each served by whichever worker takes the connection
                with httpx.Client(base_url=server.url, timeout=60) as fresh:
                    assert fresh.get(where).status_code == 200
            profiles = c.get("/api/profiles").json()["profiles"]
            assert [p["name"] for p in profiles if p["bundled"]] == ["nghe-an-2025"]  # once, for both workers
    finally:
        server.stop()
