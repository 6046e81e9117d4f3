"""vbhc.fileio: atomic writes (replaced whole or left alone, ordinary permissions, no temporary left
by a killed writer), write errors in Vietnamese, outputs never over inputs, bounded reads."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from vbhc.errors import InputError, OutputError, UsageError
from vbhc.fileio import WRITE_ERRORS, clean_stale_temporaries, read_bounded, refuse_overwrite, write_atomic


def test_bytes_text_and_callable(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.bin", b"\x00\x01")
    write_atomic(tmp_path / "b.txt", "Độc lập - Tự do - Hạnh phúc\n")
    write_atomic(tmp_path / "c.txt", lambda tmp: Path(tmp).write_text("từ hàm", encoding="utf-8"))
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Độc lập - Tự do - Hạnh phúc\n"
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == "từ hàm"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "b.txt", "c.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.html"
    target.write_text("cũ", encoding="utf-8")

    def broken(tmp: str) -> None:
        Path(tmp).write_text("một nửa", encoding="utf-8")
        raise RuntimeError("hỏng giữa chừng")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken)
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.html"]


def test_new_file_gets_ordinary_permissions_and_old_ones_are_kept(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "moi.txt", "x")
        assert stat.S_IMODE((tmp_path / "moi.txt").stat().st_mode) == 0o644
        kept = tmp_path / "cu.txt"
        kept.write_text("x")
        kept.chmod(0o600)
        write_atomic(kept, "y")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    finally:
        os.umask(umask)


# --- temporaries of a killed writer -----------------------------------------------------------------

def test_temporary_of_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.html"
    code = ("import os, signal\nfrom vbhc.fileio import atomic_path\n"
            f"with atomic_path({str(target)!r}) as tmp:\n"
            "    open(tmp, 'w').write('một nửa')\n    os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code], check=False)
    (left,) = tmp_path.iterdir()
    assert left.name.startswith(".bao-cao.html.vbhc-") and left.name.endswith(".tmp")
    write_atomic(target, "mới")
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.html"]
    assert target.read_text(encoding="utf-8") == "mới"


def test_a_live_writer_s_temporary_and_other_files_are_left_alone(tmp_path: Path) -> None:
    live = tmp_path / f".x.txt.vbhc-{os.getppid()}-abc123.tmp"  # our parent process runs
    live.write_text("đang ghi")
    others = [tmp_path / ".x.txt.abc.tmp", tmp_path / ".y.txt.vbhc-1-abc.tmp", tmp_path / "x.txt.vbhc-1-a.tmp"]
    for p in others:
        p.write_text("không phải của x.txt")
    write_atomic(tmp_path / "x.txt", "y")
    assert live.exists() and all(p.exists() for p in others)


def test_clean_stale_temporaries_names_what_it_removed(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()  # a process id that no longer runs
    stale = tmp_path / f".r.json.vbhc-{proc.pid}-q1w2e3.tmp"
    stale.write_text("{")
    assert clean_stale_temporaries(tmp_path / "r.json") == [stale]
    assert not stale.exists()


# --- write errors in the officer's words -----------------------------------------------------------

@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "ổ đĩa đã đầy"), (errno.EACCES, "không có quyền ghi"), (errno.EROFS, "chỉ cho phép đọc"),
    (errno.EDQUOT, "hết dung lượng"),
])
def test_write_errors_name_the_file_and_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
                                                   words: str) -> None:
    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))  # as the kernel gives it: no file name

    target = tmp_path / "kq.xlsx"
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError) as err:
        write_atomic(target, b"x")
    assert err.value.message == f"{target}: không ghi được tệp: {WRITE_ERRORS[code]}" and words in err.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="thư mục chứa tệp không tồn tại"):
        write_atomic(tmp_path / "khong-co" / "a.txt", "x")


# --- outputs never over inputs ---------------------------------------------------------------------

def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "kh.docx"
    plan.write_bytes(b"PK")
    soft = tmp_path / "lien-ket.docx"
    soft.symlink_to(plan)
    hard = tmp_path / "cung.docx"
    os.link(plan, hard)
    for out in (plan, soft, hard, tmp_path / "." / "kh.docx"):
        with pytest.raises(UsageError, match="tệp đầu vào"):
            refuse_overwrite({"-o": str(out)}, [str(plan)])
    refuse_overwrite({"-o": str(tmp_path / "moi.docx")}, [str(plan), None])


def test_an_output_over_a_file_of_an_input_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "nop"
    (folder / "so").mkdir(parents=True)
    (folder / "so" / "a.docx").write_bytes(b"PK")
    (folder / "cu.html").write_text("báo cáo cũ")
    with pytest.raises(UsageError, match="thư mục đang kiểm tra"):
        refuse_overwrite({"--xlsx": str(folder / "so" / "a.docx")}, [], folders=[str(folder)], folder_files=[".docx"])
    # a report not read by the audit (other extension, or not there yet) may go in the folder
    refuse_overwrite({"--html": str(folder / "cu.html"), "--xlsx": str(folder / "moi.docx")}, [],
                     folders=[str(folder)], folder_files=[".docx"])


def test_two_outputs_on_one_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="phải khác nhau"):
        refuse_overwrite({"--json": str(tmp_path / "r.x"), "--html": str(tmp_path / "." / "r.x")}, [])


# --- bounded reads ---------------------------------------------------------------------------------

def test_read_bounded_refuses_what_is_too_large_and_reads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    with pytest.raises(InputError, match="quá lớn"):
        read_bounded(path, 99)
    with pytest.raises(InputError, match="không tìm thấy"):
        read_bounded(tmp_path / "khong-co.txt", 10)
    with pytest.raises(InputError, match="thư mục"):
        read_bounded(tmp_path, 10)


def test_an_output_that_is_a_device_or_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "ong"
    os.mkfifo(fifo)
    for out in (Path("/dev/null"), fifo, tmp_path):
        with pytest.raises(UsageError, match="không phải tệp để ghi"):
            refuse_overwrite({"-o": str(out)}, [])
