"""The attacks on `vbhc audit` (issue "Nothing lost, nothing overwritten, nothing hangs"), each
reproduced: the audit handles it (exit 0/1 with the file's row, or exit 2 with one Vietnamese
line), never prints a traceback, stays small, and never changes its inputs.

Times are not asserted (the machine is shared); a timeout on every command guards against a hang.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from audit_helpers import FIXTURES, LAUNCHER, session_processes, vbhc, vbhc_measured, wait_until

PLAN = (FIXTURES / "so-tu-phap.txt").read_text(encoding="utf-8")
MAX_RSS_MB = 500


def fingerprint(folder: Path) -> dict[bytes, str]:
    """Every file under `folder` (by its name as bytes) with a hash of its content."""
    out = {}
    for dirpath, _dirs, files in os.walk(os.fsencode(folder)):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                out[path] = hashlib.sha256(f.read()).hexdigest()
    return out


def own_lines(stderr: str) -> list[str]:
    """stderr without the note every audit without a parent plan prints."""
    return [line for line in stderr.splitlines() if line and "chỉ kiểm tra thể thức" not in line]


def assert_handled(run, folder: Path, before: dict[bytes, str]) -> None:
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert run.max_rss_mb < MAX_RSS_MB, run.max_rss_mb
    assert fingerprint(folder) == before  # no input modified


def test_undecodable_file_name_is_audited_and_resumed(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAN, encoding="utf-8")
    bad = os.path.join(os.fsencode(folder), b"bad\xff\xfe.txt")
    with open(bad, "wb") as f:
        f.write(PLAN.encode("utf-8"))
    before = fingerprint(folder)
    out = tmp_path / "bao-cao"
    out.mkdir()
    args = ["audit", str(folder), "--json", str(out / "r.json"), "--html", str(out / "r.html"),
            "--xlsx", str(out / "r.xlsx"), "--jobs", "1"]
    first = vbhc_measured(*args)
    assert_handled(first, folder, before)
    assert "bad\\xff\\xfe.txt" in first.stdout  # the bytes shown, the row there
    result = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in result["files"]] == ["a.txt", os.fsdecode(b"bad\xff\xfe.txt")]
    assert result["files"][1]["status"] == result["files"][0]["status"] != "error"
    assert "bad\\xff\\xfe.txt" in (out / "r.html").read_text(encoding="utf-8")
    journal = (out / "r.jsonl").read_bytes()
    journal.decode("utf-8")  # valid UTF-8, the name kept as JSON escapes

    again = vbhc_measured(*args, "--resume")
    assert_handled(again, folder, before)
    assert again.stdout == first.stdout
    assert (out / "r.jsonl").read_bytes() == journal  # both rows came from the journal


def test_markup_in_document_text_and_file_names_is_text(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "a[").mkdir()  # the file's path is "a[/]b.txt"
    (folder / "a[" / "]b.txt").write_text(PLAN.replace("UBND TỈNH NGHỆ AN\nSỞ TƯ PHÁP", "XÃ [/] MẪU"),
                                        encoding="utf-8")
    before = fingerprint(folder)
    run = vbhc_measured("audit", str(folder), "--jobs", "1", cwd=tmp_path)
    assert_handled(run, folder, before)
    assert "a[/]b.txt" in run.stdout and "XÃ [/] MẪU" in run.stdout


def test_control_characters_are_shown_escaped(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "e\x1b[2Jx.txt").write_text(PLAN.replace("SỞ TƯ PHÁP", "SỞ \x1b]0;pwned\x07TƯ PHÁP"), encoding="utf-8")
    (folder / "f\x1b]0;x\x07.md").write_text("ghi chú", encoding="utf-8")  # a skipped file's name
    before = fingerprint(folder)
    out = tmp_path / "r.html"
    run = vbhc_measured("audit", str(folder), "--jobs", "1", "--html", str(out), cwd=tmp_path)
    assert_handled(run, folder, before)
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    assert "e\\x1b[2Jx.txt" in run.stdout and "f\\x1b]0;x\\x07.md" in run.stdout
    assert "\x1b" not in out.read_text(encoding="utf-8")


FORMULAS = ['=HYPERLINK("http://x.invalid","bấm")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def formula_result() -> dict:
    """An audit result whose every text a report shows starts like a formula."""
    row = {"path": FORMULAS[3] + ".txt", "status": "findings", "error": None, "not_applicable": [],
           "meta": {"issuer": FORMULAS[0], "number": "=1", "symbol": "KH", "title": FORMULAS[1],
                    "doc_type": FORMULAS[2]},
           "findings": [{"rule": "=R", "severity": "warning", "message": FORMULAS[4], "source": FORMULAS[5],
                         "location": None, "data": {}}]}
    broken = {"path": "\t-x.txt", "status": "error", "error": "=1+1", "findings": [], "not_applicable": []}
    profile = {"parent": {"number": "1"}, "deadline": None,
               "areas": [{"id": "the_che", "title": FORMULAS[0]}, {"id": "tthc", "title": "@x"}],
               "targets": [{"indicator": "+cmd|' /C calc'!A0", "key": "k", "text": "=t", "op": ">=", "value": 9,
                            "unit": "%"}]}
    return {"root": "/x", "profile": profile, "plan_rules": [], "files": [row, broken],
            "skipped": [{"path": "=s.md", "reason": "-r"}], "summary": {}}


def test_xlsx_never_writes_a_formula(tmp_path):
    import openpyxl

    from vbhc.report.xlsx import write_xlsx

    write_xlsx(formula_result(), tmp_path / "a.xlsx")
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 5  # Tổng hợp, Chi tiết, Chỉ tiêu, Lĩnh vực, Bỏ qua
        for name in sheets:
            assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    risky = [c for ws in wb.worksheets for line in ws.iter_rows() for c in line
             if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in wb["Lĩnh vực"][1]} >= {FORMULAS[0], "@x"}  # the header row from area titles
    assert len(risky) >= 12
    for cell in risky:
        assert cell.data_type == "s" and cell.quotePrefix, (cell.parent.title, cell.coordinate, cell.value)
    tabs = [c.value for ws in wb.worksheets for line in ws.iter_rows() for c in line
            if isinstance(c.value, str) and c.value.startswith("\\t")]
    assert len(tabs) == 3 and all(t.startswith("\\t-x") for t in tabs)  # Tổng hợp, Chi tiết: file, agency
    assert not [c.value for ws in wb.worksheets for line in ws.iter_rows() for c in line
                if isinstance(c.value, str) and c.value[:1] in "\t\r"]


def test_xlsx_from_a_profile_with_formula_titles(tmp_path, profile_yaml):
    import openpyxl

    text = profile_yaml.read_text(encoding="utf-8").replace('title: "Cải cách thể chế"',
                                                            'title: "=HYPERLINK(\\"http://x.invalid\\",\\"y\\")"')
    profile = tmp_path / "p.yaml"
    profile.write_text(text, encoding="utf-8")
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAN, encoding="utf-8")
    run = vbhc_measured("audit", str(folder), "--profile", str(profile), "--xlsx", str(tmp_path / "r.xlsx"),
                        "--jobs", "1")
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Lĩnh vực"]
    header = ws["C1"]
    assert header.value == '=HYPERLINK("http://x.invalid","y")' and header.data_type == "s" and header.quotePrefix


def test_second_audit_on_the_same_journal_is_refused(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAN, encoding="utf-8")
    journal = tmp_path / "r.jsonl"
    journal.write_text('{"journal": "vbhc audit"}\n', encoding="utf-8")
    with open(journal, "rb") as held:  # another audit holds the journal
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        run = vbhc_measured("audit", str(folder), "--json", str(tmp_path / "r.json"), "--jobs", "1")
    assert run.returncode == 2
    lines = own_lines(run.stderr)
    assert len(lines) == 1 and "nhật ký đang được một lượt vbhc audit khác ghi" in lines[0], run.stderr
    assert journal.read_text(encoding="utf-8") == '{"journal": "vbhc audit"}\n'  # not emptied
    assert not (tmp_path / "r.json").exists()


def test_two_journals_on_one_file_in_one_process(tmp_path):
    from vbhc.audit import AuditError, Journal

    first = Journal(tmp_path / "j.jsonl", {"root": "/x"}, resume=False)
    try:
        with pytest.raises(AuditError, match="đang được"):
            Journal(tmp_path / "j.jsonl", {"root": "/x"}, resume=False)
    finally:
        first.close()
    Journal(tmp_path / "j.jsonl", {"root": "/x"}, resume=True).close()  # free again once closed


def _start_in_session(args: list[str], double: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(LAUNCHER), double, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=cwd, start_new_session=True)


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8])
def test_ctrl_c_while_the_workers_start(tmp_path, delay):
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) once the audit has opened
    its journal, while the fork server and the workers come up: one message, no traceback, nothing left."""
    import time

    folder = tmp_path / "nop"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(PLAN, encoding="utf-8")
    journal = tmp_path / "r.jsonl"
    proc = _start_in_session(["audit", str(folder), "--json", str(tmp_path / "r.json"), "--jobs", "2"],
                             "slow:a.txt:30", tmp_path)
    try:
        assert wait_until(journal.exists, 60)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "--resume" in err, err
    assert len(own_lines(err)) == 1, err
    assert wait_until(lambda: not session_processes(proc.pid), 10), session_processes(proc.pid)


def test_killed_audit_leaves_no_worker_and_no_traceback(tmp_path):
    """SIGKILL of the audit alone while a worker is stuck in a file that never notices: the worker
    goes (it dies with the fork server, which dies with the audit) and nothing prints a traceback."""
    folder = tmp_path / "nop"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(PLAN, encoding="utf-8")
    journal = tmp_path / "r.jsonl"
    proc = _start_in_session(["audit", str(folder), "--json", str(tmp_path / "r.json"), "--jobs", "2",
                              "--timeout", "600"], "stuck:a.txt", tmp_path)
    try:
        # b.txt is done (its row is in the journal) while a.txt's worker is stuck
        assert wait_until(lambda: journal.exists() and len(journal.read_text(encoding="utf-8").splitlines()) >= 2, 60)
        os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=30)  # stderr ends when every process holding it has ended
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert "Traceback" not in err and "Error" not in err, err
    assert wait_until(lambda: not session_processes(proc.pid), 10), session_processes(proc.pid)


def test_audit_of_the_parent_folder_reads_no_output_as_input(tmp_path):
    """The reports and the journal are written into the audited folder: none is audited, listed, or
    read back on a second run."""
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAN, encoding="utf-8")
    first = vbhc("audit", str(folder), "--json", str(folder / "r.json"), "--jobs", "1")
    second = vbhc("audit", str(folder), "--json", str(folder / "r.json"), "--jobs", "1")
    assert first.returncode == second.returncode == 0, second.stderr
    result = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in result["files"]] == ["a.txt"] and result["skipped"] == []
