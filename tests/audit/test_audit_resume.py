"""An audit killed half-way and resumed gives the same result as one run straight through."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from audit_helpers import build_folder


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
    env = {k: v for k, v in os.environ.items() if not k.startswith("VBHC_TEST_")}
    base = [sys.executable, "-m", "vbhc", "audit", str(folder), "--profile", str(profile_yaml), "--jobs", "1"]

    straight = subprocess.run([*base, "--json", str(tmp_path / "thang.json")], capture_output=True, text=True,
                              env=env, timeout=120)
    assert straight.returncode == 2, straight.stderr  # unreadable files in the folder

    # the third file (in path order) takes 60 s: stop the audit while it works on it
    slow = {**env, "VBHC_TEST_SLOW_ON": "so-xay-dung", "VBHC_TEST_SLOW_SECONDS": "60"}
    journal = tmp_path / "dung.jsonl"
    proc = subprocess.Popen([*base, "--json", str(tmp_path / "dung.json")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=slow)
    try:
        deadline = time.monotonic() + 60
        while journal_rows(journal) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert journal_rows(journal) == 2, proc.poll()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130
    assert "--resume" in err and "Traceback" not in err
    assert not (tmp_path / "dung.json").exists()  # no report from a stopped audit
    assert journal_rows(journal) == 2

    resumed = subprocess.run([*base, "--json", str(tmp_path / "dung.json"), "--resume"], capture_output=True,
                             text=True, env=env, timeout=120)
    assert resumed.returncode == 2, resumed.stderr
    assert journal_rows(journal) == 7  # the two kept rows were not checked again
    assert result_without_timing(tmp_path / "dung.json") == result_without_timing(tmp_path / "thang.json")
    assert resumed.stdout == straight.stdout
