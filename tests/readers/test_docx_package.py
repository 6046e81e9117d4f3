"""The .docx package read straight from the zip (`Package._inflate`): a stored or deflated part reads as
zipfile reads it; a part whose bytes, CRC or local header do not add up is a damaged file, said in
Vietnamese, never a traceback."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from vbhc.errors import InputError
from vbhc.readers.docx import read_docx
from vbhc.readers.docx.package import BAD_ZIP, Package

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "corpus" / "eval" / "so-tai-chinh-bang-nhiem-vu.docx"


def _rezip(path: Path, compression: int) -> Path:
    with zipfile.ZipFile(PLAN) as src, zipfile.ZipFile(path, "w", compression) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info))
    return path


def _texts(path: Path) -> list[str]:
    return [b.text for b in read_docx(path).blocks]


def test_stored_and_deflated_parts_read_alike(tmp_path: Path) -> None:
    want = _texts(PLAN)
    assert _texts(_rezip(tmp_path / "stored.docx", zipfile.ZIP_STORED)) == want
    assert _texts(_rezip(tmp_path / "deflated.docx", zipfile.ZIP_DEFLATED)) == want


def test_every_part_reads_as_zipfile_reads_it(tmp_path: Path) -> None:
    pkg = Package(PLAN)
    try:
        with zipfile.ZipFile(PLAN) as z:
            assert all(pkg.read(name) == z.read(name) for name in z.namelist())
    finally:
        pkg.close()


def _damage(tmp_path: Path, how: str) -> Path:
    """A copy of the plan with document.xml damaged in one way."""
    path = _rezip(tmp_path / f"{how}.docx", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    if how == "flipped":  # a byte of the deflated data changed: a bad stream or a CRC that does not match
        data[start + info.compress_size // 2] ^= 0xFF
    elif how == "header":  # the local header's signature overwritten
        data[info.header_offset: info.header_offset + 4] = b"XXXX"
    elif how == "cut":  # the stream's last bytes zeroed: it never ends where the directory says
        data[start + info.compress_size - 8: start + info.compress_size] = bytes(8)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["flipped", "header", "cut"])
def test_a_damaged_part_is_a_damaged_file(tmp_path: Path, how: str) -> None:
    path = _damage(tmp_path, how)
    with pytest.raises(InputError) as err:
        read_docx(path)
    assert BAD_ZIP in str(err.value) and str(path) in str(err.value)
