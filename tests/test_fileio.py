"""Atomic writes: the target is replaced whole or left alone, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from vbhc.fileio import write_atomic


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
