"""A .docx made from a PDF keeps each page's printed number as a paragraph of the text ("2" atop page 2): it is a
page number (part "header", as the PDF reader marks it), not a line of the body judged for its font and size."""

from __future__ import annotations

from pathlib import Path

from docx.shared import Pt
from docx_fixtures import new_document, save

from vbhc.check import evaluate
from vbhc.parse import parse_file
from vbhc.readers.docx import read_docx

BODY = ["KẾ HOẠCH", "Cải cách hành chính năm 2025", "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao chất lượng phục vụ;"]


def test_a_page_number_paragraph_is_a_page_number(tmp_path: Path) -> None:
    d = new_document()
    for text in BODY:
        d.add_paragraph(text)
    d.add_paragraph().add_run("2").font.size = Pt(11)
    d.add_paragraph("- 3 -")
    d.add_paragraph("2. Rút ngắn thời gian giải quyết thủ tục hành chính./.")
    table = d.add_table(1, 2)
    table.cell(0, 0).text, table.cell(0, 1).text = "1", "Sở Nội vụ"
    path = save(d, tmp_path / "kh.docx")
    parts = {b.text: b.part for b in read_docx(path).blocks}
    assert parts["2"] == parts["- 3 -"] == "header"
    assert parts["1"] == parts["1. Nâng cao chất lượng phục vụ;"] == "body"  # a table cell, a numbered line
    parsed = parse_file(path)
    assert all(parsed.source.blocks[i].text != "2" for f in evaluate(parsed).findings for i in f.blocks)
