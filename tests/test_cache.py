"""vbhc.cache: where the start-up cache lives, a value kept and read back, and every file that is not a
whole entry of this stamp read as absent; a write that cannot be made is dropped without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc import cache
from vbhc.limits import MAX_CACHE_BYTES

VALUE = {"thủ": b"\nth\xe1\xbb\xa7 t\xe1\xbb\xa5c\n", "n": [1, 2, (3, "bốn")]}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))
    return tmp_path / "c"


def entry(folder: Path) -> Path:
    (path,) = folder.iterdir()
    return path


def test_the_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "mine"))
    assert cache.folder() == tmp_path / "mine"
    monkeypatch.setenv(cache.ENV, "")
    assert cache.folder() is None
    monkeypatch.delenv(cache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "vbhc"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG rule: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "vbhc"


def test_a_value_is_kept_under_its_name_and_stamp(folder: Path) -> None:
    cache.store("thu", "regex 1.0", VALUE)
    assert cache.load("thu", "regex 1.0") == VALUE
    assert cache.load("thu", "regex 2.0") is None
    assert cache.load("khac", "regex 1.0") is None
    assert [p.suffix for p in folder.iterdir()] == [".marshal"]  # no temporary left beside it


def test_a_damaged_or_foreign_file_is_absent(folder: Path) -> None:
    cache.store("thu", "s", VALUE)
    path = entry(folder)
    whole = path.read_bytes()
    for damaged in (whole[:-1], whole[:3], b"", whole[:10] + bytes([whole[10] ^ 1]) + whole[11:],
                    b"\x00" * 4 + whole[4:], "văn bản\n".encode() * 100):
        path.write_bytes(damaged)
        assert cache.load("thu", "s") is None
    path.write_bytes(whole)
    assert cache.load("thu", "s") == VALUE


def test_a_file_above_the_limit_is_not_read(folder: Path) -> None:
    cache.store("thu", "s", b"x" * (MAX_CACHE_BYTES + 10))
    assert not folder.exists() or not list(folder.iterdir())
    cache.store("thu", "s", b"x")
    with open(entry(folder), "ab") as f:
        f.truncate(MAX_CACHE_BYTES + 1)
    assert cache.load("thu", "s") is None


def test_a_fifo_or_a_folder_in_its_place_is_absent(folder: Path) -> None:
    import os

    cache.store("thu", "s", VALUE)
    path = entry(folder)
    path.unlink()
    os.mkfifo(path)  # opening it to read would wait for a writer for ever
    assert cache.load("thu", "s") is None
    path.unlink()
    path.mkdir()
    assert cache.load("thu", "s") is None


def test_turned_off_nothing_is_read_or_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "")
    monkeypatch.chdir(tmp_path)
    cache.store("thu", "s", VALUE)
    assert cache.load("thu", "s") is None
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_the_folder_should_be_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "c").write_text("không phải thư mục", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))
    cache.store("thu", "s", VALUE)
    assert cache.load("thu", "s") is None
    assert (tmp_path / "c").read_text(encoding="utf-8") == "không phải thư mục"


def test_writable_says_whether_a_store_can_be_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "not" / "yet"))
    assert cache.writable()  # made on the first store
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(tmp_path / "file" / "c"))
    assert not cache.writable()
    monkeypatch.setenv(cache.ENV, "")
    assert not cache.writable()


def test_a_value_marshal_cannot_hold_is_dropped(folder: Path) -> None:
    cache.store("thu", "s", {"x": object()})
    assert cache.load("thu", "s") is None
