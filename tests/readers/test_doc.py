"""Word 97–2003 .doc files, read through LibreOffice (skipped, saying why, when it is absent)."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from test_legacy_encoding import build, summary

from vbhc.errors import InputError
from vbhc.readers import doc as doc_reader
from vbhc.readers import read

SOFFICE = doc_reader.soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A Unicode and a TCVN3 decision saved as .doc by LibreOffice (one conversion for both)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("doc")
    sources = [build(folder / "unicode.docx", None), build(folder / "tcvn3.docx", "tcvn3")]
    out = folder / "out"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(out), *map(str, sources)],
                   check=True, timeout=120, capture_output=True)
    return {"unicode": out / "unicode.doc", "tcvn3": out / "tcvn3.doc", "unicode_docx": sources[0]}


@needs_soffice
def test_doc_reads_like_the_docx(docs: dict[str, Path]) -> None:
    path = docs["unicode"]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    source = read(path)
    assert source.path == str(path)
    assert source.notes[0] == doc_reader.NOTE_CONVERTED
    assert summary(path) == summary(docs["unicode_docx"])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the input is never modified


@needs_soffice
def test_tcvn3_doc_is_converted(docs: dict[str, Path]) -> None:
    source = read(docs["tcvn3"])
    assert source.legacy_encodings.keys() == {"tcvn3"}
    assert summary(docs["tcvn3"]) == summary(docs["unicode_docx"])


def test_without_libreoffice_the_message_says_what_to_install(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBHC_SOFFICE", "")
    path = tmp_path / "cũ.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(InputError) as err:
        read(path)
    assert err.value.reason.startswith("cần LibreOffice để đọc .doc: apt-get install libreoffice-writer-nogui")


@needs_soffice
def test_broken_doc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hỏng.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le")
                     + b"\xff" * 3000)
    with pytest.raises(InputError) as err:
        read(path)
    assert ".doc" in err.value.reason or ".docx" in err.value.reason
