"""Word 97–2003 .doc files, read through LibreOffice (skipped, saying why, when it is absent)."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from docx_fixtures import new_document, real, save, set_table_borders
from test_legacy_encoding import build, summary

from vbhc.errors import InputError
from vbhc.model import Document
from vbhc.parse import parse_file
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
def test_a_doc_offers_no_fix(docs: dict[str, Path]) -> None:
    # `vbhc fix` edits a .docx only: the .docx LibreOffice makes of a .doc is not the file the officer has
    from vbhc.check import evaluate

    assert any(f.fix is not None for f in evaluate(parse_file(docs["unicode_docx"])).findings)
    assert all(f.fix is None for f in evaluate(parse_file(docs["unicode"])).findings)


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


# --- a header table of one row, read column by column (as LibreOffice converts many .doc headers) --

def _one_row_header(path: Path) -> Path:
    """The left cell holds agency, number, V/v and a stray "."; the right one Quốc hiệu, Tiêu ngữ, date."""
    doc = new_document()
    table = doc.add_table(rows=1, cols=2)
    set_table_borders(table, "nil")
    for cell, lines in zip(table.rows[0].cells, (
            ["UBND TỈNH BÌNH THUẬN", "VĂN PHÒNG", "Số: 15/VP-NCKSTTHC", "V/v cử thành viên tham gia tổ kiểm tra", "."],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Bình Thuận, ngày 25 tháng 11 năm 2024"]), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    doc.add_paragraph("Kính gửi: Sở Nội vụ")
    doc.add_paragraph("Văn phòng Ủy ban nhân dân tỉnh cử công chức tham gia tổ kiểm tra.")
    return save(doc, path)


def _header(doc: Document) -> tuple[str | None, ...]:
    return doc.doc_type, doc.parent_issuer, doc.issuer, doc.symbol, doc.place, doc.title


def test_one_row_header_table_is_one_document(tmp_path: Path) -> None:
    path = _one_row_header(tmp_path / "cv.docx")
    assert [b.column for b in read(path).blocks[:8]] == [0] * 5 + [1] * 3
    docs = parse_file(path).documents
    assert [_header(d) for d in docs] == [("Công văn", "UBND TỈNH BÌNH THUẬN", "VĂN PHÒNG", "VP-NCKSTTHC",
                                           "Bình Thuận", "cử thành viên tham gia tổ kiểm tra")]
    assert docs[0].date == "2024-11-25" and docs[0].kinh_gui == ["Sở Nội vụ"]


@needs_soffice
def test_real_doc_header_table_is_one_document() -> None:
    """cv10: the .doc's header table is one row of two cells; it used to forge a second document."""
    path = real("cv10-binhthuan-vp-cv-cu-thanhvien-kiemtra.doc")
    blocks = read(path).blocks
    header = [b for b in blocks if b.table is not None and b.table.table == 0]
    assert [b.column for b in header] == [0] * 5 + [1] * 3
    docs = parse_file(path).documents
    assert [_header(d) for d in docs] == [("Công văn", "UBND TỈNH BÌNH THUẬN", "VĂN PHÒNG", "VP-NCKSTTHC",
                                           "Bình Thuận", "cử thành viên tham gia tổ kiểm tra công vụ")]
    assert docs[0].national_title and docs[0].motto and docs[0].signature.signer == "Nguyễn Ngọc Nam"


@needs_soffice
def test_real_doc_two_row_header_table() -> None:
    """qd10: a two-row header table from a .doc, row by row: one document, every header field."""
    (doc,) = parse_file(real("qd10-lamdong-bcd-qd-togiupviec-cchc.doc")).documents
    assert (doc.doc_type, doc.symbol, doc.place, doc.parent_issuer) == ("Quyết định", "QĐ-BCĐ", "Lâm Đồng",
                                                                       "UBND TỈNH LÂM ĐỒNG")
    assert doc.issuer.startswith("BAN CHỈ ĐẠO") and doc.title.startswith("Về việc thành lập Tổ giúp việc")
