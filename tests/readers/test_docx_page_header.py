"""A header put in Word's page header (Insert › Header) instead of the body: some templates lay the agency, the
Quốc hiệu, the number and the date in a table there. Printed, it still heads page 1, so it is the document's
header (no "Thiếu Quốc hiệu" errors), with a warning that says where it is; fixes and comments stay in the body."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx_fixtures import new_document, save

from vbhc.check import evaluate
from vbhc.parse import parse_file
from vbhc.readers.docx import read_docx
from vbhc.review.annotate import annotate

HEADER = [["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
          ["Số: 15/KH-UBND"], ["Hưng Nguyên, ngày 10 tháng 7 năm 2025"]]
BODY = ["KẾ HOẠCH", "Cải cách hành chính năm 2025", "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao chất lượng cải cách hành chính./.", "Nơi nhận:", "- UBND huyện;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]
MISSING = {"ND30.QuocHieu.Thieu", "ND30.TieuNgu.Thieu", "ND30.CoQuan.Thieu", "ND30.SoKyHieu.Thieu",
           "ND30.NgayThang.Thieu"}


def _header_table(doc: DocxDocument, first_page: bool) -> None:
    """The header's two columns as a borderless 2 × 2 table in the page header Word prints on page 1."""
    section = doc.sections[0]
    section.different_first_page_header_footer = first_page
    header = section.first_page_header if first_page else section.header
    table = header.add_table(2, 2, width=section.page_width - section.left_margin - section.right_margin)
    for k, lines in enumerate(HEADER):
        cell = table.cell(k // 2, k % 2)
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _plan(tmp_path: Path, first_page: bool = True, body_header: bool = False) -> Path:
    d = new_document()
    _header_table(d, first_page)
    for text in ([line for lines in HEADER for line in lines] if body_header else []) + BODY:
        d.add_paragraph(text)
    return save(d, tmp_path / "ke-hoach.docx")


def test_the_page_header_is_read_ahead_of_the_body(tmp_path: Path) -> None:
    blocks = read_docx(_plan(tmp_path)).blocks
    shown = [b for b in blocks if b.part == "header"]
    assert [b.text for b in shown] == [line for lines in HEADER for line in lines]
    assert blocks[: len(shown)] == shown and all(b.location.paragraph is None for b in shown)
    body = blocks[len(shown):]
    assert [b.location.paragraph for b in body] == list(range(1, len(BODY) + 1))  # the body counted as before


@pytest.mark.parametrize("first_page", [True, False])
def test_a_header_in_the_page_header_is_the_documents_header(tmp_path: Path, first_page: bool) -> None:
    parsed = parse_file(_plan(tmp_path, first_page))
    doc = parsed.documents[0]
    assert doc.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and doc.issuer == "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"
    assert doc.number_raw == "Số: 15/KH-UBND" and doc.date_raw == "Hưng Nguyên, ngày 10 tháng 7 năm 2025"
    findings = evaluate(parsed).findings
    assert not MISSING & {f.rule for f in findings}
    warned = [f for f in findings if f.rule == "ND30.Trang.DauTrang"]
    assert [(f.severity, f.data["every_page"]) for f in warned] == [("warning", not first_page)]
    assert "Header" in (warned[0].part or "") and warned[0].quote == "ỦY BAN NHÂN DÂN"


def test_fixes_and_comments_stay_in_the_body(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    parsed = parse_file(path)
    findings = evaluate(parsed).findings
    blocks = parsed.source.blocks
    on_header = [f for f in findings if f.blocks and blocks[f.blocks[0]].part == "header"]
    assert on_header and findings[0] in on_header  # the page header's lines come first, as printed
    assert all(blocks[i].part == "body" for f in findings if f.fix for i in f.fix.blocks)
    assert any(f.fix is not None for f in findings if f.rule == "ND30.Font.TimesNewRoman")  # the body's lines
    _copy, placed = annotate(path.read_bytes(), path.name, blocks, findings)
    assert placed == len(findings)  # a page header's finding is told on the body's first paragraph


def test_the_bodys_own_header_wins(tmp_path: Path) -> None:
    parsed = parse_file(_plan(tmp_path, body_header=True))
    blocks, doc = parsed.source.blocks, parsed.documents[0]
    assert all(blocks[ln.index].part == "body" for ln in doc.lines)
    assert "ND30.Trang.DauTrang" not in {f.rule for f in evaluate(parsed).findings}


@pytest.mark.parametrize("texts", [["2"], ["Kế hoạch số 15/KH-UBND", "ngày 10/7/2025"]])
def test_a_page_header_without_the_quoc_hieu_is_no_documents_header(tmp_path: Path, texts: list[str]) -> None:
    d = new_document()
    paragraph = d.sections[0].header.paragraphs[0]
    for text in texts:
        paragraph.add_run(text)
    for text in BODY:
        d.add_paragraph(text)
    parsed = parse_file(save(d, tmp_path / "ke-hoach.docx"))
    header = [b.text for b in parsed.source.blocks if b.part == "header"]
    assert header == ([] if len(texts) == 1 else ["".join(texts)])  # one piece of text: never parsed
    assert parsed.documents[0].national_title is None
    assert parsed.documents[0].lines[0].text == "KẾ HOẠCH"


def test_a_page_header_laid_with_tabs_is_cut_into_its_columns(tmp_path: Path) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    d = new_document()
    header = d.sections[0].header
    rows = [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("XÃ HƯNG NGUYÊN", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: 15/KH-UBND", "Hưng Nguyên, ngày 10 tháng 7 năm 2025")]
    for k, (left, right) in enumerate(rows):
        paragraph = header.paragraphs[0] if k == 0 else header.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(110), WD_TAB_ALIGNMENT.CENTER)
        paragraph.text = f"{left}\t{right}"
    for text in BODY:
        d.add_paragraph(text)
    parsed = parse_file(save(d, tmp_path / "ke-hoach.docx"))
    shown = [(b.text, b.column) for b in parsed.source.blocks if b.part == "header"]
    assert shown == [(text, column) for row in rows for column, text in enumerate(row)]
    assert not MISSING & {f.rule for f in evaluate(parsed).findings}
