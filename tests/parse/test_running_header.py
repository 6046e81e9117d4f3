"""A header printed again atop every page (a Word page header that holds it, printed to PDF) is no new document at
each page; a file of several documents of one agency, each with its own header, keeps them all."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vbhc.check import evaluate
from vbhc.model import Block, Location, Source
from vbhc.parse import parse_file, parse_source

HEADER = ["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số: 15/KH-UBND", "Hưng Nguyên, ngày 10 tháng 7 năm 2025"]
OPENING = ["KẾ HOẠCH", "Cải cách hành chính năm 2025", "I. MỤC ĐÍCH, YÊU CẦU"]
CLOSING = ["Nơi nhận:", "- UBND huyện;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


def _pages(*pages: list[str]) -> Source:
    blocks = [Block(text=t, location=Location(line=k, page=p)) for p, texts in enumerate(pages, start=1)
              for k, t in enumerate(texts, start=1)]
    return Source(path="ke-hoach.pdf", format="pdf", blocks=blocks)


def _items(first: int, n: int) -> list[str]:
    return [f"{k}. Thực hiện nhiệm vụ cải cách hành chính thứ {k} theo kế hoạch của tỉnh."
            for k in range(first, first + n)]


def test_a_header_printed_atop_every_page_is_read_once() -> None:
    parsed = parse_source(_pages(HEADER + OPENING + _items(1, 5), HEADER + _items(6, 5),
                                 ["3", *HEADER, *_items(11, 3), *CLOSING]))
    [doc] = parsed.documents
    assert doc.doc_type == "Kế hoạch" and doc.number_raw == "Số: 15/KH-UBND" and doc.header_again == [2, 3]
    texts = [ln.text for ln in doc.lines]
    assert texts.count(HEADER[2]) == 1 and len([t for t in texts if t[:1].isdigit() and ". " in t]) == 13


def test_documents_of_one_agency_in_one_file_are_kept() -> None:
    other = [*HEADER[:4], "Số: 16/QĐ-UBND", HEADER[5], "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"]
    parsed = parse_source(_pages(HEADER + OPENING + _items(1, 3) + CLOSING,
                                 other + ["Điều 1. Thành lập Tổ."] + CLOSING))
    assert [d.doc_type for d in parsed.documents] == ["Kế hoạch", "Quyết định"]
    assert parsed.documents[0].header_again == []


def test_drafts_alike_to_the_type_name_are_kept() -> None:
    draft = [*HEADER[:4], "Số:      /GM-UBND", "Hưng Nguyên, ngày      tháng 7 năm 2025", "GIẤY MỜI"]
    parsed = parse_source(_pages(draft + ["Kính mời ông Nguyễn Văn B dự họp."] + CLOSING,
                                 draft + ["Kính mời bà Trần Thị C dự họp."] + CLOSING))
    assert len(parsed.documents) == 2


def test_a_header_on_some_pages_only_is_kept() -> None:
    parsed = parse_source(_pages(HEADER + OPENING + _items(1, 3), _items(4, 3), HEADER + _items(7, 2) + CLOSING))
    texts = [ln.text for d in parsed.documents for ln in d.lines]
    assert texts.count(HEADER[2]) == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="cần LibreOffice (soffice) để in .docx ra PDF")
def test_a_word_page_header_printed_to_pdf(tmp_path: Path) -> None:
    import docx
    from docx.shared import Mm, Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    table = section.header.add_table(3, 2, width=Mm(165))
    cells = [HEADER[0:2], HEADER[2:4], HEADER[4:5], HEADER[5:6]]
    for column, width in zip(table.columns, (Mm(65), Mm(100)), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    for k, lines in enumerate(cells):
        cell = table.cell(k // 2, k % 2)
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for text in OPENING + _items(1, 70) + CLOSING:
        d.add_paragraph(text)
    d.save(str(tmp_path / "ke-hoach.docx"))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "ke-hoach.docx")], check=True, capture_output=True, timeout=180)
    parsed = parse_file(tmp_path / "ke-hoach.pdf")
    assert parsed.source.pages is not None and parsed.source.pages >= 2
    assert [doc.doc_type for doc in parsed.documents] == ["Kế hoạch"]
    findings = evaluate(parsed).findings
    missing = {"ND30.QuocHieu.Thieu", "ND30.TieuNgu.Thieu", "ND30.CoQuan.Thieu", "ND30.TenLoai.Thieu"}
    assert not missing & {f.rule for f in findings}
    [told] = [f for f in findings if f.rule == "ND30.Trang.DauTrang"]  # the officer is told what the page shows
    assert told.severity == "warning" and told.data["pages"] == list(range(2, parsed.source.pages + 1))
