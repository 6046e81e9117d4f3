"""One audit of the test folder, run once through the real command line and shared by the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from audit_helpers import HANG_TIMEOUT, PARENT, build_folder, build_submissions, expected_list, vbhc  # noqa: E402


@dataclass
class Audited:
    folder: Path
    out: Path
    proc: subprocess.CompletedProcess[str]
    result: dict

    @property
    def rows(self) -> dict[str, dict]:
        return {r["path"]: r for r in self.result["files"]}


@pytest.fixture(scope="session")
def profile_yaml(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("profile") / "ke-hoach-2228.yaml"
    proc = vbhc("profile", str(PARENT), "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    return path


@pytest.fixture(scope="session")
def audited(tmp_path_factory) -> Audited:
    base = tmp_path_factory.mktemp("audit")
    folder = build_folder(base / "nop")
    out = base / "bao-cao"
    out.mkdir()
    proc = vbhc("audit", str(folder), "--against", str(PARENT), "--json", str(out / "ket-qua.json"),
                "--html", str(out / "ket-qua.html"), "--xlsx", str(out / "ket-qua.xlsx"), "--jobs", "2",
                "--timeout", str(HANG_TIMEOUT), double="hang:so-treo-may")
    result = json.loads((out / "ket-qua.json").read_text(encoding="utf-8")) if (out / "ket-qua.json").exists() else {}
    return Audited(folder=folder, out=out, proc=proc, result=result)


@pytest.fixture(scope="session")
def submissions(tmp_path_factory) -> Audited:
    """Issue 15's folder (audit_helpers.build_submissions) audited with the list of agencies that
    must submit, every report written."""
    base = tmp_path_factory.mktemp("nop-ke-hoach")
    folder = build_submissions(base / "nop")
    listed = expected_list(base / "co-quan.txt")
    out = base / "bao-cao"
    out.mkdir()
    proc = vbhc("audit", str(folder), "--against", str(PARENT), "--expected", str(listed),
                "--json", str(out / "ket-qua.json"), "--html", str(out / "ket-qua.html"),
                "--xlsx", str(out / "ket-qua.xlsx"), "--report-docx", str(out / "bao-cao.docx"), "--jobs", "2")
    result = json.loads((out / "ket-qua.json").read_text(encoding="utf-8")) if (out / "ket-qua.json").exists() else {}
    return Audited(folder=folder, out=out, proc=proc, result=result)
