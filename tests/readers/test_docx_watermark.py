"""Word's watermark (a WordArt shape in the header, behind every page): read as the page's watermark, and a
"DỰ THẢO" drawn so marks the document a draft, as the same words printed in its header would."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import add_watermark, new_document, save

from vbhc.check import evaluate
from vbhc.parse import parse_file
from vbhc.readers.docx import read_docx
from vbhc.writers.json import document_dict

PLAN = ["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số:      /KH-UBND", "Hưng Nguyên, ngày      tháng 7 năm 2025", "KẾ HOẠCH", "Cải cách hành chính năm 2025",
        "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng cải cách hành chính./.", "Nơi nhận:", "- UBND huyện;",
        "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def _plan(tmp_path: Path, watermark: str | None) -> Path:
    d = new_document()
    for t in PLAN:
        d.add_paragraph(t)
    if watermark is not None:
        add_watermark(d, watermark)
    return save(d, tmp_path / "ke-hoach.docx")


@pytest.mark.parametrize(("drawn", "read"), [("DỰ THẢO", "DỰ THẢO"), ("Dự  thảo\nlần 2", "Dự thảo lần 2"),
                                             ("BẢN QUYỀN", "BẢN QUYỀN"), (None, None)])
def test_the_watermark_is_read(tmp_path: Path, drawn: str | None, read: str | None) -> None:
    setup = read_docx(_plan(tmp_path, drawn)).page_setup
    assert setup is not None and setup.watermark == read


def test_a_draft_watermark_marks_the_draft(tmp_path: Path) -> None:
    parsed = parse_file(_plan(tmp_path, "DỰ THẢO"))
    doc = parsed.documents[0]
    assert doc.marks == ["DỰ THẢO"] and document_dict(doc)["marks"] == ["DỰ THẢO"]
    signer = [f for f in evaluate(parsed).findings if f.rule == "ND30.ChuKy.ThieuTen"]
    assert [f.severity for f in signer] == ["warning"]


def test_a_watermark_that_is_no_mark_marks_nothing(tmp_path: Path) -> None:
    parsed = parse_file(_plan(tmp_path, "BẢN QUYỀN"))
    assert parsed.documents[0].marks == []
    signer = [f for f in evaluate(parsed).findings if f.rule == "ND30.ChuKy.ThieuTen"]
    assert [f.severity for f in signer] == ["error"]
