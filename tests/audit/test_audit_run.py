"""The audit machinery: finding files, worker crashes, the journal, usage errors."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from audit_helpers import FIXTURES, PARENT, alive, vbhc
from doubles import BrokenStart, Crash, Hang, Pid, When

from vbhc.audit import CRASH_MESSAGE, AuditError, discover, exit_code, run_audit
from vbhc.audit.discovery import Task
from vbhc.audit.pool import longest_first


def plans(folder, *names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / "so-tu-phap.txt", folder / name)
    return folder


def test_discover_links_hidden_and_special_files(tmp_path):
    root = plans(tmp_path / "nop", "a.txt", "B.TXT")
    (root / "sub").mkdir()
    shutil.copy(FIXTURES / "so-tu-phap.txt", root / "sub" / "c.txt")
    outside = plans(tmp_path / "ngoai", "x.txt")
    os.symlink(outside / "x.txt", root / "ra-ngoai.txt")
    os.symlink(outside, root / "thu-muc-ngoai")
    os.symlink(root / "a.txt", root / "trung.txt")  # inside: the same file, audited once
    os.symlink(root, root / "sub" / "vong")  # a loop
    os.symlink(root / "khong-co.txt", root / "hong.txt")
    os.mkfifo(root / "ong.txt")
    (root / ".an.txt").write_text("x", encoding="utf-8")
    (root / "~$a.docx").write_bytes(b"x" * 162)
    (root / "bao-cao.json").write_text("{}", encoding="utf-8")

    tasks, skipped = discover(root, exclude=[root / "bao-cao.json"])
    assert [t.rel for t in tasks] == ["B.TXT", "a.txt", "sub/c.txt"]
    reasons = {s["path"]: s["reason"] for s in skipped}
    assert "ra ngoài" in reasons["ra-ngoai.txt"] and "ra ngoài" in reasons["thu-muc-ngoai"]
    assert reasons["trung.txt"].startswith("trùng với tệp a.txt")
    assert "đã được duyệt" in reasons["sub/vong/"]
    assert "hỏng" in reasons["hong.txt"]
    assert "không phải tệp thông thường" in reasons["ong.txt"]
    assert "ẩn" in reasons[".an.txt"] and "khóa tạm" in reasons["~$a.docx"]
    assert "bao-cao.json" not in reasons  # the audit's own output is not listed


def test_linked_folder_inside_is_walked_after_the_real_one(tmp_path):
    root = tmp_path / "nop"
    plans(root / "so", "a.txt")
    os.symlink(root / "so", root / "a-lien-ket")  # sorts before "so"
    plans(root / "xa", "b.txt")
    os.symlink(root / "xa", root / "so" / "xa-lien-ket")  # a link found inside a real folder
    (root / "ngoai").mkdir()
    plans(tmp_path / "khac", "c.txt")
    os.symlink(root / "ngoai", root / "z-rong")
    tasks, skipped = discover(root)
    assert [t.rel for t in tasks] == ["so/a.txt", "xa/b.txt"]
    assert {s["path"] for s in skipped} == {"a-lien-ket/", "so/xa-lien-ket/", "z-rong/"}


def test_the_slowest_kind_and_the_largest_file_are_handed_out_first():
    tasks = [Task(rel=rel, path=rel, size=size, mtime_ns=0) for rel, size in (
        ("a.txt", 9000), ("b.docx", 100), ("c.PDF", 50), ("d.docx", 200), ("e.doc", 10), ("f", 99999),
        ("g.pdf", 70), ("h.txt", 9000))]
    assert [t.rel for t in longest_first(tasks)] == ["e.doc", "g.pdf", "c.PDF", "d.docx", "b.docx", "f", "a.txt",
                                                     "h.txt"]  # equal costs keep the folder's order


def test_files_are_checked_longest_first_and_reported_in_the_folders_order(tmp_path):
    root = plans(tmp_path / "nop", "a-ngan.txt", "c.txt")
    (root / "b-dai.txt").write_text((FIXTURES / "so-tu-phap.txt").read_text(encoding="utf-8") * 3, encoding="utf-8")
    outcome = run_audit(root, jobs=1, timeout=30, journal=tmp_path / "j.jsonl", check=When())
    rows = outcome.result["files"]
    assert [r["path"] for r in rows] == ["a-ngan.txt", "b-dai.txt", "c.txt"]
    assert [r["path"] for r in sorted(rows, key=lambda r: r["began_ns"])] == ["b-dai.txt", "a-ngan.txt", "c.txt"]


def test_worker_crash_becomes_an_error_row_and_the_audit_goes_on(tmp_path):
    root = plans(tmp_path / "nop", "a.txt", "b-sap.txt", "c.txt", "d.txt")
    outcome = run_audit(root, jobs=2, timeout=30, journal=tmp_path / "j.jsonl", check=Crash("b-sap"))
    rows = {r["path"]: r for r in outcome.result["files"]}
    assert rows["b-sap.txt"]["status"] == "error"
    assert rows["b-sap.txt"]["error"] == f"{CRASH_MESSAGE} (mã thoát 70)"
    assert [rows[p]["status"] for p in ("a.txt", "c.txt", "d.txt")] == ["ok"] * 3
    assert exit_code(outcome.result) == 2  # a file that could not be checked


def test_hang_with_one_worker_does_not_block_the_rest(tmp_path):
    root = plans(tmp_path / "nop", "a-treo.txt", "b.txt", "c.txt")
    outcome = run_audit(root, jobs=1, timeout=1, journal=tmp_path / "j.jsonl", check=Hang("a-treo"))
    assert [r["status"] for r in outcome.result["files"]] == ["error", "ok", "ok"]
    assert outcome.result["files"][0]["error"] == "quá thời gian xử lý (1 giây)"


def test_format_only_without_profile(tmp_path):
    root = plans(tmp_path / "nop", "a.txt")
    proc = vbhc("audit", str(root), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "chỉ kiểm tra thể thức" in proc.stderr
    assert "SỞ TƯ PHÁP" in proc.stdout
    assert (tmp_path / "vbhc-audit.jsonl").exists()  # the default journal, in the current folder


@pytest.mark.parametrize("args, words", [
    (["khong-co-thu-muc"], "không tìm thấy thư mục"),
    (["nop", "--against", "a", "--profile", "b"], "chỉ dùng một trong hai"),
    (["nop", "--json", "khong-co/r.json"], "không có thư mục"),
    (["nop", "--json", "r.x", "--html", "r.x"], "phải khác nhau"),
    (["nop", "--jobs", "0"], "--jobs"),
])
def test_bad_usage_exits_2(tmp_path, args, words):
    plans(tmp_path / "nop", "a.txt")
    proc = vbhc("audit", *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert words in proc.stderr and "Traceback" not in proc.stderr


def test_parent_plan_inside_the_folder_is_skipped(tmp_path):
    root = plans(tmp_path / "nop", "a.txt")
    shutil.copy(PARENT, root / "ke-hoach-tinh.txt")
    tasks, skipped = discover(root, reference=[root / "ke-hoach-tinh.txt"])
    assert [t.rel for t in tasks] == ["a.txt"]
    assert skipped == [{"path": "ke-hoach-tinh.txt", "reason": "kế hoạch cấp trên dùng để đối chiếu"}]


def test_resume_skips_what_the_journal_holds_and_redoes_changed_files(tmp_path):
    root = plans(tmp_path / "nop", "a.txt", "b.txt", "c.txt")
    journal = tmp_path / "j.jsonl"
    first = run_audit(root, jobs=1, journal=journal)
    assert first.checked == 3
    # an interrupted write leaves half a line; a file changed since must be checked again
    with open(journal, "a", encoding="utf-8") as f:
        f.write('{"key": ["d.txt", 1')
    (root / "c.txt").write_text((root / "c.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = run_audit(root, jobs=1, journal=journal, resume=True)
    assert (again.resumed, again.checked) == (2, 1)
    assert again.result["files"] == first.result["files"]
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(x) for x in lines) and len(lines) == 1 + 3 + 1


def test_resume_refuses_a_journal_of_another_audit(tmp_path):
    root = plans(tmp_path / "nop", "a.txt")
    other = plans(tmp_path / "khac", "a.txt")
    journal = tmp_path / "j.jsonl"
    run_audit(root, jobs=1, journal=journal)
    with pytest.raises(AuditError, match="thư mục khác"):
        run_audit(other, jobs=1, journal=journal, resume=True)
    journal.write_text("không phải JSON\n", encoding="utf-8")
    with pytest.raises(AuditError, match="không phải nhật ký"):
        run_audit(root, jobs=1, journal=journal, resume=True)


def test_resume_without_journal_runs_everything(tmp_path):
    root = plans(tmp_path / "nop", "a.txt")
    outcome = run_audit(root, jobs=1, journal=tmp_path / "j.jsonl", resume=True)
    assert outcome.checked == 1 and outcome.notes and "không có nhật ký" in outcome.notes[0]


def test_workers_that_cannot_start_stop_the_audit_with_one_message(tmp_path):
    from vbhc.audit.pool import BROKEN_MESSAGE

    root = plans(tmp_path / "nop", "a.txt", "b.txt")
    with pytest.raises(AuditError) as caught:
        run_audit(root, jobs=2, timeout=30, journal=tmp_path / "j.jsonl", check=BrokenStart(os.getpid()))
    assert str(caught.value) == BROKEN_MESSAGE
    lines = (tmp_path / "j.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1  # the header: nothing was checked, the journal is whole for --resume


@pytest.mark.parametrize("broken_at", ["handing out", "after"])
def test_a_pool_broken_before_its_files_reach_a_worker_ends_the_audit(tmp_path, monkeypatch, broken_at):
    # pebble breaks its pool when every worker dies before any file was acknowledged; files still queued then never
    # finish (a full run of the suite once hung here for good), and handing out more raises its RuntimeError
    import threading

    from pebble import ProcessPool
    from pebble.pool.base_pool import PoolStatus

    from vbhc.audit.pool import BROKEN_MESSAGE

    root = plans(tmp_path / "nop", "a.txt", "b.txt", "c.txt")
    handed = []
    schedule = ProcessPool.schedule

    def breaking(self, *args, **kwargs):
        future = schedule(self, *args, **kwargs)
        handed.append(future)
        if len(handed) == (1 if broken_at == "handing out" else 3):
            self._context.status = PoolStatus.ERROR  # as pebble's pool manager leaves it then
        return future

    monkeypatch.setattr(ProcessPool, "schedule", breaking)
    raised: list[BaseException] = []

    def audit() -> None:
        try:
            run_audit(root, jobs=2, journal=tmp_path / "j.jsonl", check=BrokenStart(os.getpid()))
        except BaseException as exc:  # noqa: BLE001 - what the audit raised is the test's
            raised.append(exc)

    running = threading.Thread(target=audit, daemon=True)
    running.start()
    running.join(60)
    assert not running.is_alive(), "the audit waits for files no worker will ever check"
    assert [str(e) for e in raised] == [BROKEN_MESSAGE] and isinstance(raised[0], AuditError)


def test_workers_stopped_behind_the_caller_are_all_gone_after_wait(tmp_path):
    """`vbhc audit` builds its result and reports while the workers stop (wait=False)."""
    folder = plans(tmp_path / "nop", "a.txt", "b.txt", "c.txt")
    outcome = run_audit(folder, jobs=2, journal=tmp_path / "j.jsonl", check=Pid(), wait=False)
    assert [r["path"] for r in outcome.result["files"]] == ["a.txt", "b.txt", "c.txt"]
    assert not [r for r in outcome.result["files"] if r["status"] == "error"]
    pids = {r["worker_pid"] for r in outcome.result["files"]}
    assert outcome.stopping is not None and pids
    outcome.wait()
    assert not outcome.stopping.is_alive()
    assert not [p for p in pids if alive(p)]


def test_run_audit_waits_for_its_workers_by_default(tmp_path):
    folder = plans(tmp_path / "nop", "a.txt", "b.txt")
    outcome = run_audit(folder, jobs=2, journal=tmp_path / "j.jsonl", check=Pid())
    assert outcome.stopping is None
    assert not [r["worker_pid"] for r in outcome.result["files"] if alive(r["worker_pid"])]


def test_the_table_prints_where_the_terminal_is_not_utf8(tmp_path):
    """An ASCII terminal (LANG=C on an old system, PYTHONIOENCODING=ascii) gets the table, not an
    internal error: it goes out through click, as every command's output does."""
    import subprocess
    import sys

    folder = plans(tmp_path / "nop", "a.txt")
    proc = subprocess.run([sys.executable, "-m", "vbhc", "audit", str(folder), "--json", str(tmp_path / "r.json")],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"}, timeout=120)
    assert b"l\xe1\xbb\x97i n\xe1\xbb\x99i b\xe1\xbb\x99" not in proc.stderr  # "lỗi nội bộ"
    assert proc.returncode in (0, 1), proc.stderr
    assert "Kết quả kiểm tra kế hoạch".encode() in proc.stdout and b"a.txt" in proc.stdout


def test_the_workers_plan_analyses_are_the_ones_the_parent_would_make(tmp_path, monkeypatch):
    """Each row's plan analysis (what the reports show) comes made from the worker; the parent makes
    none for those rows, and the rows the reports get are the same as made from the result."""
    import vbhc.report.rows as report_rows
    from vbhc.profile import from_parent

    folder = tmp_path / "nop"
    folder.mkdir()
    for f in sorted((PARENT.parents[1] / "eval").glob("so-*.txt"))[:4]:
        shutil.copy(f, folder / f.name)
    (folder / "hong.docx").write_bytes(b"PK not a zip")
    made_here = []
    plan_of = report_rows.plan_of
    monkeypatch.setattr(report_rows, "plan_of", lambda row, view: made_here.append(row["path"]) or plan_of(row, view))
    outcome = run_audit(folder, profile=from_parent(str(PARENT)), jobs=2, timeout=60, journal=tmp_path / "j.jsonl")
    summarised = [r["path"] for r in outcome.result["files"] if r.get("plan")]
    assert len(summarised) == 4 and made_here == ["hong.docx"]
    view = outcome.result["profile"]
    assert outcome.rows == [report_rows.audit_row(r, view) for r in outcome.result["files"]]
    assert all(row.plan.targets_checked for row in outcome.rows if row.path in summarised)
