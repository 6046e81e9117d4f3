"""A .docx's later sections (a Phụ lục on pages of its own): margins judged when portrait, paper a warning.

Shown on kh03 of ../shared/corpus/real/ (Phụ lục II in a section with a 10 mm bottom margin) and
bc02 (biểu mẫu on US Letter landscape pages, which offices print as they are).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm
from docx_builder import build, conformant_decision
from rule_helpers import file_findings

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"


def _with_section(tmp_path: Path, *, bottom_mm: float = 20, landscape: bool = False, letter: bool = False) -> Path:
    path = build(conformant_decision(), tmp_path / "qd.docx")
    document = docx.Document(str(path))
    section = document.add_section(WD_SECTION.NEW_PAGE)
    width, height = (Mm(216), Mm(279)) if letter else (Mm(210), Mm(297))
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.bottom_margin = Mm(bottom_mm)
    document.add_paragraph("BẢNG PHÂN CÔNG NHIỆM VỤ")
    out = tmp_path / "qd2.docx"
    document.save(str(out))
    return out


def _page(findings) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in findings if f.rule.startswith("ND30.Trang.")]


def test_a_later_portrait_section_with_a_bad_margin_is_an_error(tmp_path):
    [f] = [f for f in file_findings(_with_section(tmp_path, bottom_mm=10)) if f.rule == "ND30.Trang.LeTrang"]
    assert f.severity == "error" and f.data["section"] == 2 and f.data["found"] == 10.0
    assert "phần thứ 2" in f.message


def test_a_later_section_as_the_decree_asks_draws_nothing(tmp_path):
    assert _page(file_findings(_with_section(tmp_path))) == []


def test_landscape_table_pages_keep_their_own_margins(tmp_path):
    assert _page(file_findings(_with_section(tmp_path, bottom_mm=5, landscape=True))) == []


def test_letter_pages_after_the_document_are_one_warning(tmp_path):
    assert _page(file_findings(_with_section(tmp_path, landscape=True, letter=True))) == [
        ("ND30.Trang.KhoGiay", "warning")]


@pytest.mark.skipif(not (REAL / "kh03-lamdong-kh-kiemtra-cchc-2026.docx").exists(),
                    reason="../shared/corpus/real/ không có (bản sao không kèm thư mục dùng chung)")
def test_real_kh03_appendix_margin():
    found = file_findings(REAL / "kh03-lamdong-kh-kiemtra-cchc-2026.docx")
    assert [(f.rule, f.data.get("section"), f.data.get("side")) for f in found if f.rule == "ND30.Trang.LeTrang"] == [
        ("ND30.Trang.LeTrang", 3, "bottom")]


def test_a_file_of_landscape_table_pages_is_not_judged_by_the_portrait_margins(tmp_path):
    # a Phụ lục sent in a file of its own, its first section landscape, bound at the top (30 mm): the decree sets
    # no margins for such pages and allows a văn bản with tables to be landscape; it drew three LeTrang errors and
    # a ChieuGiay warning whose fix, safe by default, turned the table pages portrait
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(30), Mm(15)
    section.left_margin = section.right_margin = Mm(20)
    document.add_paragraph("Phụ lục I")
    document.add_paragraph("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025")
    document.add_paragraph("(Kèm theo Báo cáo số 329/BC-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh)")
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(("STT", "Chỉ tiêu", "Kết quả")):
        table.cell(0, c).text = text
    path = tmp_path / "phu-luc.docx"
    document.save(str(path))
    assert _page(file_findings(path)) == []


def test_a_portrait_file_s_margins_are_still_judged(tmp_path):
    path = build(conformant_decision(), tmp_path / "qd.docx")
    document = docx.Document(str(path))
    document.sections[0].top_margin = Mm(30)
    document.save(str(path))
    assert ("ND30.Trang.LeTrang", "error") in _page(file_findings(path))


def test_a_landscape_text_without_a_table_is_still_warned_of(tmp_path):
    path = build(conformant_decision(), tmp_path / "qd.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.save(str(path))
    assert ("ND30.Trang.ChieuGiay", "warning") in _page(file_findings(path))
