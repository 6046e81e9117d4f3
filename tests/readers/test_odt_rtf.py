"""OpenDocument (.odt) and RTF files, which the state's list of document formats names beside .docx and .pdf
(Thông tư 39/2017/TT-BTTTT), read through LibreOffice like a .doc: the real .docx saved as each reads like
the .docx. Content is checked before conversion: a Word file saved under another of Word's extensions (an RTF an
e-office system exports as .doc) is read as what it holds, with a note; any other file whose extension lies is
refused, saying what it is."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from docx_fixtures import real
from test_pdf_printed import EVAL, errors, facts

from vbhc.errors import InputError
from vbhc.readers import OFFICE_EXTENSIONS, SUPPORTED, read
from vbhc.readers import doc as doc_reader

SOFFICE = doc_reader.soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
FILTERS = {".odt": "odt", ".rtf": "rtf"}


def _sources() -> list[Path]:
    found = [EVAL / "so-xay-dung-tu-dong-danh-so.docx"]
    try:
        found.append(real("kh02-lamdong-kh-cchc-2026.docx"))
    except pytest.skip.Exception:  # the shared folder is absent: the evaluation plan alone
        pass
    return found


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Path, Path]]]:
    """Each source .docx saved by LibreOffice as .odt and as .rtf: {ext: [(saved, source)]}."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("saved")
    sources = _sources()
    out: dict[str, list[tuple[Path, Path]]] = {}
    for ext, fmt in FILTERS.items():
        subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to",
                        fmt, "--outdir", str(folder), *map(str, sources)], check=True, capture_output=True, timeout=300)
        out[ext] = [(folder / f"{s.stem}{ext}", s) for s in sources]
    return out


@needs_soffice
@pytest.mark.parametrize("ext", FILTERS)
def test_a_saved_file_reads_like_its_docx(saved: dict[str, list[tuple[Path, Path]]], ext: str) -> None:
    for path, source in saved[ext]:
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        got = read(path)
        assert got.path == str(path) and got.notes[0] == doc_reader.note_converted(ext)
        assert facts(path) == facts(source)
        assert errors(path) <= errors(source)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the input is never modified


@pytest.mark.parametrize(("name", "data", "says"), [
    ("ke-hoach.odt", b"%PDF-1.7\n", "nội dung không phải .odt như phần mở rộng (tệp PDF)"),
    ("ke-hoach.rtf", b"%PDF-1.7\n", "nội dung không phải .rtf như phần mở rộng (tệp PDF)"),
    ("ke-hoach.txt", b"{\\rtf1\\ansi hello}", "hãy đổi phần mở rộng thành .rtf"),
])
def test_an_extension_that_lies_is_refused(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read(path)
    assert says in err.value.reason


def test_without_libreoffice_the_message_names_the_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBHC_SOFFICE", "")
    path = tmp_path / "ke-hoach.rtf"
    path.write_bytes(b"{\\rtf1\\ansi hello}")
    with pytest.raises(InputError) as err:
        read(path)
    assert err.value.reason.startswith("cần LibreOffice để đọc .rtf: apt-get install libreoffice-writer-nogui")


def test_the_formats_an_office_sends_are_all_read() -> None:
    assert set(OFFICE_EXTENSIONS) <= SUPPORTED and {".odt", ".rtf"} <= set(OFFICE_EXTENSIONS)


@needs_soffice
@pytest.mark.parametrize("ext", [".doc", ".odt"])
def test_an_rtf_under_another_word_extension_is_read_as_rtf(tmp_path: Path, ext: str) -> None:
    # e-office systems export RTF as ".doc"; Word opens it by its content, and so does vbhc
    path = tmp_path / f"cong-van{ext}"
    path.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0\\fs28 K\\u7870? HO\\u7840?CH\\par}")
    got = read(path)
    assert got.notes[0].startswith(f"phần mở rộng {ext} nhưng nội dung là tệp .rtf: đã đọc theo nội dung")
    assert [b.text for b in got.blocks if b.text.strip()] == ["KẾ HOẠCH"]
