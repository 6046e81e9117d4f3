"""An audit killed half-way and resumed gives the same result as one run straight through."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from audit_helpers import LAUNCHER, build_folder

from vbhc.audit.discovery import discover
from vbhc.audit.pool import longest_first


def result_without_timing(path: Path) -> dict:
    result = json.loads(path.read_text(encoding="utf-8"))
    result.pop("timing")
    return result


def journal_rows(path: Path) -> int:
    if not path.exists():
        return 0
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.endswith("}"))


def test_killed_then_resumed_equals_straight_run(tmp_path, profile_yaml):
    folder = build_folder(tmp_path / "nop")
    args = ["audit", str(folder), "--profile", str(profile_yaml), "--jobs", "1"]
    base = [sys.executable, "-m", "vbhc", *args]

    straight = subprocess.run([*base, "--json", str(tmp_path / "thang.json")], capture_output=True, text=True,
                              timeout=120)
    assert straight.returncode == 2, straight.stderr  # unreadable files in the folder

    # one file takes 60 s: stop the audit while it works on it, with the files handed out before it done
    before = [t.rel for t in longest_first(discover(folder)[0])].index("so/so-xay-dung.docx")
    assert before >= 2
    slow = [sys.executable, str(LAUNCHER), "slow:so-xay-dung:60", *args]
    journal = tmp_path / "dung.jsonl"
    proc = subprocess.Popen([*slow, "--json", str(tmp_path / "dung.json")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while journal_rows(journal) < before and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert journal_rows(journal) == before, proc.poll()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130
    assert "--resume" in err and "Traceback" not in err
    assert not (tmp_path / "dung.json").exists()  # no report from a stopped audit
    assert journal_rows(journal) == before

    resumed = subprocess.run([*base, "--json", str(tmp_path / "dung.json"), "--resume"], capture_output=True,
                             text=True, timeout=120)
    assert resumed.returncode == 2, resumed.stderr
    assert journal_rows(journal) == 8  # the kept rows were not checked again
    assert result_without_timing(tmp_path / "dung.json") == result_without_timing(tmp_path / "thang.json")
    assert resumed.stdout == straight.stdout
