"""The .docx reader: real decree appendices, and fixtures built here with python-docx."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docx_fixtures import (
    CORPUS,
    add_abstract_num,
    add_num,
    add_page_field,
    level_xml,
    new_document,
    real,
    replace_part,
    save,
    set_numbering,
    set_table_borders,
    to_bytes,
)

from shared_corpus import needs, params
from vbhc.errors import InputError
from vbhc.readers import read
from vbhc.readers.docx import read_docx
from vbhc.readers.docx.names import MC_FALLBACK

PHU_LUC = [CORPUS / f"nd30-2020-phuluc{i}.docx" for i in range(1, 7)]
needs_phu_luc = needs(*PHU_LUC)


# ---------------------------------------------------------------------------------------------
# The real appendices of Nghị định 30/2020


def _expected_texts(path: Path) -> list[str]:
    """python-docx's own paragraph texts, body and cells in XML order, cut at line breaks.

    Vertically merged continuation cells are left out (Word shows nothing of them), and so is the VML copy
    of a text box in mc:Fallback (Word shows the box once); a text box's paragraphs come right after the
    paragraph that draws it, as in XML order."""
    document = docx.Document(str(path))
    out = []
    for p in document.element.body.iter(qn("w:p")):
        if any(a.tag == MC_FALLBACK for a in p.iterancestors()):
            continue
        tc = next(p.iterancestors(qn("w:tc")), None)
        if tc is not None:
            vm = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if vm is not None and vm.get(qn("w:val"), "continue") == "continue":
                continue
        for line in Paragraph(p, None).text.split("\n"):
            if line.strip():
                out.append(unicodedata.normalize("NFC", line))
    return out


@pytest.mark.parametrize("path", params(PHU_LUC))
def test_corpus_every_paragraph_in_order(path: Path) -> None:
    source = read_docx(path)
    assert source.format == "docx" and source.carries_style and source.carries_paragraph_format
    texts = [b.text for b in source.blocks]
    expected = _expected_texts(path)
    # Each expected text appears, in order; extra blocks can only be auto-numbered labels.
    j = 0
    for block in source.blocks:
        if j < len(expected) and block.text.endswith(expected[j]):
            j += 1
        else:
            assert block.auto_number, f"unexpected block {block.text!r}"
    assert j == len(expected), f"missing {expected[j]!r}"
    assert all(t == unicodedata.normalize("NFC", t) for t in texts)


@pytest.mark.parametrize("path", params(PHU_LUC))
def test_corpus_header_and_page_setup(path: Path) -> None:
    source = read_docx(path)
    first = source.blocks[0]
    assert first.text.startswith("Phụ lục ")
    assert first.style.bold and first.style.align == "center"
    assert first.style.font == "Times New Roman" and first.style.size_pt == 14.0
    assert source.blocks[1].text.isupper()  # the title
    setup = source.page_setup
    assert setup is not None and setup.paper == "A4" and setup.orientation == "portrait"
    assert setup.width_mm == pytest.approx(210, abs=0.5) and setup.height_mm == pytest.approx(297, abs=0.5)
    assert setup.margins_mm["top"] == pytest.approx(25, abs=0.1)
    assert setup.margins_mm["left"] == pytest.approx(35, abs=0.1)
    assert setup.different_first_page is True
    # Page numbers: a centred PAGE field in the default header, none on the first page.
    assert [(n["where"], n["first_page"], n["align"]) for n in setup.page_numbers] == [
        ("header", False, "center")]
    for block in source.blocks:
        assert block.style.size_pt is not None and 5 <= block.style.size_pt <= 30
        assert block.style.align in ("left", "center", "right", "justify")
        assert block.location.paragraph == block.location.line
        assert block.part == "body"


@needs_phu_luc
def test_corpus_font_comes_from_styles_when_runs_set_none() -> None:
    """Runs with no w:rFonts still read Times New Roman: it comes from the paragraph style."""
    checked = 0
    for path in (PHU_LUC[0], PHU_LUC[1], PHU_LUC[3], PHU_LUC[4]):
        with zipfile.ZipFile(path) as z:
            from lxml import etree

            root = etree.fromstring(z.read("word/document.xml"))
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        paragraphs = [p for p in root.iter(w + "p")
                      if not any(a.tag == w + "txbxContent" for a in p.iterancestors())]
        bare = set()
        for index, p in enumerate(paragraphs, 1):
            runs = [r for r in p.iter(w + "r") if "".join(t.text or "" for t in r.iter(w + "t")).strip()]
            if runs and all(r.find(f"{w}rPr/{w}rFonts") is None for r in runs):
                bare.add(index)
        blocks = [b for b in read_docx(path).blocks if b.location.paragraph in bare]
        assert blocks
        for block in blocks:
            assert block.style.font == "Times New Roman", (path.name, block.text)
            assert block.style.fonts == ["Times New Roman"]
            checked += 1
    assert checked > 200


@needs_phu_luc
def test_corpus_auto_numbered_table_column() -> None:
    """Phụ lục III numbers its STT column with Word numbering: the labels are the cell text."""
    source = read_docx(PHU_LUC[2])
    stt = [b for b in source.blocks if b.auto_number]
    assert [b.text for b in stt[:3]] == ["1.", "2.", "3."]
    assert all(b.table is not None and b.table.col == 0 for b in stt)
    assert stt[0].style.font == "Times New Roman" and stt[0].style.size_pt == 14.0


@needs_phu_luc
def test_dispatch_reads_docx() -> None:
    assert read(PHU_LUC[1]).blocks[0].text == read_docx(PHU_LUC[1]).blocks[0].text


# ---------------------------------------------------------------------------------------------
# Word automatic numbering against typed labels

ITEMS: list[tuple[str, int | None, int, str]] = [
    # (label typed by hand, numId, ilvl, text)
    ("1. ", 901, 0, "Phạm vi điều chỉnh"),
    ("a) ", 901, 1, "Đối tượng áp dụng"),
    ("b) ", 901, 1, "Cơ quan nhà nước"),
    ("2. ", 901, 0, "Nguyên tắc"),
    ("a) ", 901, 1, "Công khai"),
    ("", None, 0, "Một đoạn xen giữa, không đánh số."),
    ("b) ", 901, 1, "Tiết kiệm"),
    ("c) ", 901, 1, "Hiệu quả"),
    ("d) ", 901, 1, "Kịp thời"),
    ("e) ", 901, 1, "Word ghi e), không phải đ)"),
    ("3. ", 901, 0, "Trách nhiệm"),
    ("1. ", 902, 0, "Danh sách mới bắt đầu lại"),
    ("2. ", 902, 0, "Mục tiếp theo"),
    ("1. ", 903, 0, "Chương"),
    ("1.1. ", 903, 1, "Khoản một"),
    ("1.2. ", 903, 1, "Khoản hai"),
    ("2. ", 903, 0, "Chương hai"),
    ("2.1. ", 903, 1, "Khoản của chương hai"),
    ("- ", 904, 0, "Gạch đầu dòng"),
    ("• ", 905, 0, "Chấm tròn"),
    ("II.", 906, 0, "Không có khoảng cách"),
    ("III.", 906, 0, "Mục tiếp"),
]


def _numbered_document(auto: bool):
    doc = new_document()
    if auto:
        add_abstract_num(doc, 901, [level_xml(0, "decimal", "%1."), level_xml(1, "lowerLetter", "%2)")])
        add_abstract_num(doc, 903, [level_xml(0, "decimal", "%1."), level_xml(1, "decimal", "%1.%2.")])
        add_abstract_num(doc, 904, [level_xml(0, "bullet", "–", font="Times New Roman")])
        add_abstract_num(doc, 905, [level_xml(0, "bullet", "\uf0b7", font="Symbol")])
        add_abstract_num(doc, 906, [level_xml(0, "upperRoman", "%1.", start=2, suff="nothing")])
        add_num(doc, 901, 901)
        add_num(doc, 902, 901, {0: 1})  # "restart numbering": same list, new num, startOverride
        add_num(doc, 903, 903)
        add_num(doc, 904, 904)
        add_num(doc, 905, 905)
        add_num(doc, 906, 906)
    for label, num_id, ilvl, text in ITEMS:
        p = doc.add_paragraph(text if auto else label + text)
        if auto and num_id is not None:
            set_numbering(p, num_id, ilvl)
    return doc


def test_auto_numbering_renders_like_typed_labels(tmp_path: Path) -> None:
    auto = read_docx(save(_numbered_document(True), tmp_path / "auto.docx"))
    typed = read_docx(save(_numbered_document(False), tmp_path / "typed.docx"))
    assert [b.text for b in auto.blocks] == [b.text for b in typed.blocks]
    assert [b.auto_number for b in auto.blocks] == [num is not None for _, num, _, _ in ITEMS]
    assert not any(b.auto_number for b in typed.blocks)
    # ... and so they parse to the same documents: the same tree of labels, numbers and text.
    from vbhc.parse import parse_source
    from vbhc.writers.json import document_dict

    def documents(source):
        return [{**document_dict(d), "page_setup": None} for d in parse_source(source).documents]

    assert documents(auto) == documents(typed)
    assert any(d["body"] for d in documents(auto))
    # The level's hanging indent reaches the block's style.
    first = auto.blocks[0]
    assert first.style.left_indent_mm == pytest.approx(12.7, abs=0.05)
    assert first.style.first_line_indent_mm == pytest.approx(-6.35, abs=0.05)


def test_numbering_from_paragraph_style_and_numid_zero(tmp_path: Path) -> None:
    doc = new_document()
    add_abstract_num(doc, 910, [level_xml(0, "decimal", "Điều %1.", suff="space")])
    add_num(doc, 910, 910)
    style = doc.styles.add_style("DieuKhoan", 1)  # paragraph style
    style.base_style = doc.styles["Normal"]
    ppr = style.element.get_or_add_pPr()
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="910"/></w:numPr>'))
    doc.add_paragraph("Phạm vi điều chỉnh", style="DieuKhoan")
    cancelled = doc.add_paragraph("Không đánh số", style="DieuKhoan")
    set_numbering(cancelled, 0, None)
    doc.add_paragraph("Đối tượng áp dụng", style="DieuKhoan")
    texts = [b.text for b in read_docx(save(doc, tmp_path / "style.docx")).blocks]
    assert texts == ["Điều 1. Phạm vi điều chỉnh", "Không đánh số", "Điều 2. Đối tượng áp dụng"]


def test_lvl_restart_zero_keeps_counting(tmp_path: Path) -> None:
    doc = new_document()
    add_abstract_num(doc, 920, [level_xml(0, "upperRoman", "%1."), level_xml(1, "decimal", "%2.", restart=0)])
    add_num(doc, 920, 920)
    for ilvl, text in ((0, "Mục"), (1, "một"), (1, "hai"), (0, "Mục hai"), (1, "ba")):
        set_numbering(doc.add_paragraph(text), 920, ilvl)
    texts = [b.text for b in read_docx(save(doc, tmp_path / "restart.docx")).blocks]
    assert texts == ["I. Mục", "1. một", "2. hai", "II. Mục hai", "3. ba"]


# ---------------------------------------------------------------------------------------------
# Tables


def _header_table(doc, style: str | None = None):
    table = doc.add_table(rows=2, cols=2, style=style)
    table.cell(0, 0).text = "BỘ NỘI VỤ"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(1, 0).text = "Số: 12/QĐ-BNV"
    table.cell(1, 1).text = "Hà Nội, ngày 05 tháng 3 năm 2020"
    return table


def test_borderless_two_column_header_table(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("Trước bảng")
    _header_table(doc)
    doc.add_paragraph("Sau bảng")
    blocks = read_docx(save(doc, tmp_path / "header.docx")).blocks
    assert [b.text for b in blocks] == ["Trước bảng", "BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        "Số: 12/QĐ-BNV", "Hà Nội, ngày 05 tháng 3 năm 2020", "Sau bảng"]
    cells = blocks[1:5]
    assert [(b.table.row, b.table.col, b.column) for b in cells] == [(0, 0, 0), (0, 1, 1), (1, 0, 0), (1, 1, 1)]
    assert all(b.table.table == 0 and b.table.borderless is True for b in cells)
    assert blocks[0].table is None and blocks[-1].column is None
    assert [b.location.paragraph for b in blocks] == [1, 2, 3, 4, 5, 6]


def test_bordered_table_and_grid_style_with_nil_borders(tmp_path: Path) -> None:
    doc = new_document()
    _header_table(doc, style="Table Grid")
    hidden = _header_table(doc, style="Table Grid")
    set_table_borders(hidden, "nil")
    blocks = read_docx(save(doc, tmp_path / "borders.docx")).blocks
    first, second = blocks[:4], blocks[4:]
    assert all(b.table.borderless is False and b.column is None for b in first)
    assert all(b.table.table == 1 and b.table.borderless is True for b in second)
    assert [b.column for b in second] == [0, 1, 0, 1]


def test_merged_and_nested_cells_do_not_duplicate(tmp_path: Path) -> None:
    doc = new_document()
    table = doc.add_table(rows=3, cols=3, style="Table Grid")
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Tiêu đề gộp ngang"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Gộp dọc"
    table.cell(1, 1).text = "B"
    table.cell(1, 2).text = "C"
    table.cell(2, 1).text = "E"
    inner = table.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "lồng 1"
    inner.cell(0, 1).text = "lồng 2"
    blocks = read_docx(save(doc, tmp_path / "merged.docx")).blocks
    assert [b.text for b in blocks] == ["Tiêu đề gộp ngang", "Gộp dọc", "B", "C", "E", "lồng 1", "lồng 2"]
    pos = [(b.table.table, b.table.row, b.table.col) for b in blocks]
    assert pos == [(0, 0, 0), (0, 1, 0), (0, 1, 1), (0, 1, 2), (0, 2, 1), (1, 0, 0), (1, 0, 1)]
    assert blocks[-1].table.borderless is True and blocks[0].table.borderless is False


# ---------------------------------------------------------------------------------------------
# Text and style


def test_line_breaks_tabs_nbsp_nfc_and_empty_paragraphs(tmp_path: Path) -> None:
    doc = new_document()
    p = doc.add_paragraph()
    run = p.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run.bold = True
    run.add_break(WD_BREAK.LINE)
    p.add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    doc.add_paragraph("   ")
    doc.add_paragraph("")
    doc.add_paragraph("Số:\t12/QĐ-UBND\u00a0ngày")
    doc.add_paragraph(unicodedata.normalize("NFD", "Quyết định"))
    blocks = read_docx(save(doc, tmp_path / "text.docx")).blocks
    assert [b.text for b in blocks] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                        "Số:\t12/QĐ-UBND\u00a0ngày", "Quyết định"]
    assert [b.location.paragraph for b in blocks] == [1, 1, 4, 5]
    assert blocks[0].style.bold and blocks[1].style.bold


def test_bold_from_based_on_chain_and_explicit_off(tmp_path: Path) -> None:
    doc = new_document()
    base = doc.styles.add_style("CoSo", 1)
    base.font.bold = True
    base.font.name = "Times New Roman"
    base.font.size = Pt(14)
    base.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    middle = doc.styles.add_style("Giua", 1)
    middle.base_style = base
    derived = doc.styles.add_style("DanXuat", 1)
    derived.base_style = middle
    derived.paragraph_format.space_before = Pt(6)
    doc.add_paragraph("QUYẾT ĐỊNH", style="DanXuat")
    off = doc.add_paragraph(style="DanXuat")
    off.add_run("Không đậm").bold = False
    mixed = doc.add_paragraph()
    mixed.add_run("Điều 1.").bold = True
    long_run = mixed.add_run(" Phạm vi điều chỉnh của quyết định này")
    long_run.font.name = "Arial"
    blocks = read_docx(save(doc, tmp_path / "bold.docx")).blocks
    first, second, third = blocks
    assert first.style.bold is True and first.style.font == "Times New Roman"
    assert first.style.size_pt == 14 and first.style.align == "center" and first.style.space_before_pt == 6
    assert second.style.bold is False and second.style.size_pt == 14
    # majority by characters: the long, plain run wins; every font is listed
    assert third.style.bold is False and third.style.font == "Arial"
    assert third.style.fonts == ["Cambria", "Arial"]  # Cambria: the template theme's minor font


def test_defaults_when_nothing_is_set(tmp_path: Path) -> None:
    """No styles part at all: size is Word's built-in 10 pt, font unknown, single spacing."""
    doc = new_document()
    doc.add_paragraph("Văn bản trơn")
    raw = replace_part(to_bytes(doc), "word/styles.xml", None)
    path = tmp_path / "bare.docx"
    path.write_bytes(raw)
    style = read_docx(path).blocks[0].style
    assert style.font is None and style.fonts == []
    assert style.size_pt == 10 and style.bold is False and style.align == "left"
    assert style.line_spacing == 1.0 and style.first_line_indent_mm == 0


def test_paragraph_format_units(tmp_path: Path) -> None:
    doc = new_document()
    p = doc.add_paragraph("Căn cứ Luật Tổ chức Chính phủ")
    fmt = p.paragraph_format
    fmt.first_line_indent = Mm(12.7)
    fmt.left_indent = Mm(10)
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(3)
    fmt.line_spacing = 1.5
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    exact = doc.add_paragraph("Khoảng cách dòng cố định")
    exact.paragraph_format.line_spacing = Pt(18)
    a, b = read_docx(save(doc, tmp_path / "fmt.docx")).blocks
    assert a.style.first_line_indent_mm == pytest.approx(12.7, abs=0.05)
    assert a.style.left_indent_mm == pytest.approx(10, abs=0.05)
    assert (a.style.space_before_pt, a.style.space_after_pt) == (6, 3)
    assert a.style.line_spacing == 1.5 and a.style.align == "justify"
    assert b.style.line_spacing is None  # exact spacing: not turned into a guessed multiple


def test_page_setup_and_page_number_fields(tmp_path: Path) -> None:
    doc = new_document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    header_p = section.header.paragraphs[0]
    header_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(header_p, simple=True)
    add_page_field(section.footer.paragraphs[0], simple=False)
    section.first_page_header.paragraphs[0].text = "Trang đầu không số"
    doc.add_paragraph("Nội dung")
    source = read_docx(save(doc, tmp_path / "pages.docx"))
    setup = source.page_setup
    assert setup.paper == "A4"
    assert setup.margins_mm == pytest.approx({"top": 20, "bottom": 20, "left": 30, "right": 15}, abs=0.05)
    assert setup.header_mm == pytest.approx(10, abs=0.05) and setup.different_first_page is True
    found = sorted((n["where"], n["first_page"], n["align"], n["size_pt"]) for n in setup.page_numbers)
    assert found == [("footer", False, "left", 12.0), ("header", False, "center", 13.0)]
    assert [b.text for b in source.blocks] == ["Nội dung"]  # header text is not body text


# ---------------------------------------------------------------------------------------------
# A header laid out with tab stops instead of a table


TAB_HEADER = ("UBND TỈNH LÂM ĐỒNG{}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ{}Độc lập - Tự do - Hạnh phúc",
              "Số: 12/SNV-VP{}Lâm Đồng, ngày 05 tháng 3 năm 2026")


def _tab_header(path: Path, sep: str, stop_mm: float | None = None, first: str | None = None) -> Path:
    from docx.enum.text import WD_TAB_ALIGNMENT

    doc = new_document()
    if first is not None:
        doc.add_paragraph(first)
    doc.add_paragraph("")
    for text in TAB_HEADER:
        p = doc.add_paragraph(text.format(sep))
        if stop_mm is not None:
            p.paragraph_format.tab_stops.add_tab_stop(Mm(stop_mm), WD_TAB_ALIGNMENT.CENTER)
    doc.add_paragraph("V/v báo cáo kết quả cải cách hành chính quý I")
    doc.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng")
    doc.add_paragraph("Sở Nội vụ báo cáo\t\tkết quả như sau:")
    doc.add_paragraph("UBND tỉnh\t\tSở Nội vụ")
    return save(doc, path)


SPLIT = [(0, "UBND TỈNH LÂM ĐỒNG"), (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (0, "SỞ NỘI VỤ"),
         (1, "Độc lập - Tự do - Hạnh phúc"), (0, "Số: 12/SNV-VP"), (1, "Lâm Đồng, ngày 05 tháng 3 năm 2026"),
         (None, "V/v báo cáo kết quả cải cách hành chính quý I"), (None, "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng"),
         (None, "Sở Nội vụ báo cáo\t\tkết quả như sau:"), (None, "UBND tỉnh\t\tSở Nội vụ")]


@pytest.mark.parametrize("sep, stop_mm", [("\t\t", None), ("\t", 120), (" \t\t\t ", None)])
def test_tab_laid_header_lines_are_cut_into_two_columns(tmp_path: Path, sep: str, stop_mm: float | None) -> None:
    """Header lines cut at the wide tab, like a borderless two-column table; the body's tabs
    (after the first line that is not laid out so) are left alone."""
    from vbhc.parse import parse_file

    path = _tab_header(tmp_path / "tabs.docx", sep, stop_mm)
    blocks = read_docx(path).blocks
    assert [(b.column, b.text) for b in blocks] == SPLIT
    assert [b.location.paragraph for b in blocks[:6]] == [2, 2, 3, 3, 4, 4]
    assert all(b.table is None and b.style.size_pt == 11 for b in blocks)
    (doc,) = parse_file(path).documents
    assert (doc.parent_issuer, doc.issuer, doc.number, doc.symbol, doc.place, doc.date, doc.doc_type) == (
        "UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "12", "SNV-VP", "Lâm Đồng", "2026-03-05", "Công văn")


def test_tab_laid_header_with_a_centred_stop_for_each_column(tmp_path: Path) -> None:
    """"<tab>UBND TỈNH<tab>CỘNG HÒA …": a tab leads the left text to a centred stop of its own, another the right
    text to the far one (as a header is centred in two columns without a table)."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    from vbhc.parse import parse_file

    doc = new_document()
    for text in TAB_HEADER:
        p = doc.add_paragraph("\t" + text.format("\t"))
        for stop in (40, 125):
            p.paragraph_format.tab_stops.add_tab_stop(Mm(stop), WD_TAB_ALIGNMENT.CENTER)
    doc.add_paragraph("V/v báo cáo kết quả cải cách hành chính quý I")
    path = save(doc, tmp_path / "centred.docx")
    assert [(b.column, b.text) for b in read_docx(path).blocks][:6] == SPLIT[:6]
    (parsed,) = parse_file(path).documents
    assert (parsed.issuer, parsed.number, parsed.place, parsed.national_title) == (
        "SỞ NỘI VỤ", "12", "Lâm Đồng", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_number_and_date_laid_with_tabs_under_a_header_table(tmp_path: Path) -> None:
    """The agency and the Quốc hiệu in a table, "Số: …<tab><tab>Hưng Nguyên, ngày …" under it: that line is the
    header's, cut into its two columns; "Kính gửi:<tab><tab>Sở Tài chính" there is the body's, left whole."""
    from vbhc.parse import parse_file

    def build(under: str) -> Path:
        doc = new_document()
        table = doc.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ HƯNG NGUYÊN"
        table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        doc.add_paragraph(under)
        doc.add_paragraph("KẾ HOẠCH")
        doc.add_paragraph("Cải cách hành chính năm 2026")
        return save(doc, tmp_path / "under.docx")

    path = build("Số: 15/KH-UBND\t\tHưng Nguyên, ngày 05 tháng 02 năm 2026")
    assert [(b.column, b.text) for b in read_docx(path).blocks][4:6] == [
        (0, "Số: 15/KH-UBND"), (1, "Hưng Nguyên, ngày 05 tháng 02 năm 2026")]
    (doc,) = parse_file(path).documents
    assert (doc.number, doc.symbol, doc.place, doc.date, doc.doc_type) == (
        "15", "KH-UBND", "Hưng Nguyên", "2026-02-05", "Kế hoạch")
    body = build("Kính gửi:\t\tSở Tài chính")
    assert [(b.column, b.text) for b in read_docx(body).blocks][4] == (None, "Kính gửi:\t\tSở Tài chính")


CLOSING = ["Nơi nhận:{0}TM. ỦY BAN NHÂN DÂN", "- Sở Nội vụ;{0}CHỦ TỊCH", "- Lưu: VT.", "{0}Nguyễn Văn A"]


@pytest.mark.parametrize("sep, stop_mm", [("\t\t\t\t\t", None), ("\t", 125)])
def test_closing_laid_out_with_tabs_is_cut_into_two_columns(tmp_path: Path, sep: str, stop_mm: float | None) -> None:
    """"Nơi nhận:<tab>TM. ỦY BAN NHÂN DÂN" begins a closing typed without a table: from there on each line laid
    out by a wide tab is cut as a two-column signature table is; the body's tabs before it stay text."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    doc = new_document()
    doc.add_paragraph("Căn cứ ……………\t……………;")
    for text in CLOSING:
        p = doc.add_paragraph(text.format(sep))
        if stop_mm is not None:
            p.paragraph_format.tab_stops.add_tab_stop(Mm(stop_mm), WD_TAB_ALIGNMENT.CENTER)
    path = save(doc, tmp_path / "ky.docx")
    got = [(b.column, b.text) for b in read_docx(path).blocks]
    assert got == [(None, "Căn cứ ……………\t……………;"), (0, "Nơi nhận:"), (1, "TM. ỦY BAN NHÂN DÂN"), (0, "- Sở Nội vụ;"),
                   (1, "CHỦ TỊCH"), (None, "- Lưu: VT."), (1, "Nguyễn Văn A")]
    from vbhc.parse import parse_file

    sig = parse_file(path).documents[0].signature
    assert sig is not None and (sig.authority, sig.positions, sig.signer) == ("TM.", ["CHỦ TỊCH"], "Nguyễn Văn A")


def test_a_tab_laid_closing_ends_with_its_section(tmp_path: Path) -> None:
    """A form appended after a section break keeps its tabs as text."""
    from docx.enum.section import WD_SECTION

    doc = new_document()
    for text in CLOSING:
        doc.add_paragraph(text.format("\t\t\t\t\t"))
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("Ông (bà): ……………\t\t\t……………")
    blocks = read_docx(save(doc, tmp_path / "phu-luc.docx")).blocks
    assert blocks[1].column == 1 and (blocks[-1].column, blocks[-1].text) == (None, "Ông (bà): ……………\t\t\t……………")


def test_narrow_tab_and_body_first_paragraph_are_not_cut(tmp_path: Path) -> None:
    """One tab to a default stop is not a column; nor is anything after a first body line."""
    narrow = read_docx(_tab_header(tmp_path / "narrow.docx", "\t")).blocks
    assert [b.column for b in narrow] == [None] * 7 and narrow[0].text.count("\t") == 1
    late = read_docx(_tab_header(tmp_path / "late.docx", "\t\t", first="Nội dung trước tiêu đề")).blocks
    assert [b.column for b in late] == [None] * 8


def test_right_column_line_of_a_tab_laid_header(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    doc.add_paragraph("SỞ NỘI VỤ\t\tĐộc lập - Tự do - Hạnh phúc")
    p = doc.add_paragraph("Số: 12/SNV-VP")
    p.add_run().add_break()
    p.add_run("\t\tLâm Đồng, ngày 05 tháng 3 năm 2026")
    got = [(b.column, b.text) for b in read_docx(save(doc, tmp_path / "right.docx")).blocks]
    assert got == [(1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (0, "SỞ NỘI VỤ"), (1, "Độc lập - Tự do - Hạnh phúc"),
                   (None, "Số: 12/SNV-VP"), (None, "\t\tLâm Đồng, ngày 05 tháng 3 năm 2026")]


def _shown(path: Path) -> list[tuple[str, str]]:
    return sorted((n["where"], n["type"]) for n in read_docx(path).page_setup.page_numbers)


def test_even_page_footer_counts_only_with_even_and_odd_headers(tmp_path: Path) -> None:
    """Word keeps an even-page footer in the file but prints it only when settings.xml has
    w:evenAndOddHeaders; without it the odd (default) header is on every page."""
    doc = new_document()
    section = doc.sections[0]
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(section.header.paragraphs[0])
    add_page_field(section.even_page_footer.paragraphs[0], simple=False)
    doc.add_paragraph("Nội dung")
    assert _shown(save(doc, tmp_path / "hidden.docx")) == [("header", "default")]
    doc.settings.odd_and_even_pages_header_footer = True
    assert _shown(save(doc, tmp_path / "shown.docx")) == [("footer", "even"), ("header", "default")]


def test_first_page_header_counts_only_with_title_page(tmp_path: Path) -> None:
    doc = new_document()
    section = doc.sections[0]
    add_page_field(section.first_page_header.paragraphs[0])
    doc.add_paragraph("Nội dung")
    section.different_first_page_header_footer = False
    assert _shown(save(doc, tmp_path / "off.docx")) == []
    section.different_first_page_header_footer = True
    assert _shown(save(doc, tmp_path / "on.docx")) == [("header", "first")]


def test_real_even_footer_without_even_and_odd_headers_is_not_shown() -> None:
    """tb01: a page number in an even-page footer (left, in the bottom margin) that Word never
    prints; the one shown is the default header's, centred in the top margin."""
    setup = read_docx(real("tb01-lamdong-tbkl-pci.docx")).page_setup
    assert [(n["where"], n["type"], n["align"]) for n in setup.page_numbers] == [("header", "default", "center")]


# ---------------------------------------------------------------------------------------------
# Bad input


def _raises(path: Path, fragment: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_docx(path)
    assert str(path) in str(info.value)
    assert fragment in info.value.reason
    return info.value


@needs_phu_luc
def test_truncated_docx(tmp_path: Path) -> None:
    data = PHU_LUC[1].read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    _raises(path, "ZIP")
    # through the dispatcher as well
    with pytest.raises(InputError):
        read(path)


def test_zip_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "xin chào")
    _raises(path, "word/document.xml")
    path2 = tmp_path / "nodoc.docx"
    path2.write_bytes(replace_part(to_bytes(new_document()), "word/document.xml", None))
    _raises(path2, "word/document.xml")


def test_malformed_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(replace_part(to_bytes(new_document()), "word/document.xml", b"<w:document><w:body>"))
    _raises(path, "XML không hợp lệ")


def test_malformed_styles_xml(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("x")
    path = tmp_path / "badstyles.docx"
    path.write_bytes(replace_part(to_bytes(doc), "word/styles.xml", b"<w:styles"))
    _raises(path, "XML không hợp lệ")


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le"))
    _raises(path, "mật khẩu")


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("x")
    body = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    path = tmp_path / "entities.docx"
    path.write_bytes(replace_part(to_bytes(doc), "word/document.xml", body))
    error = _raises(path, "thực thể XML")
    assert "word/document.xml" in error.reason and "aaaaaaaaaa" not in str(error)
    utf16 = tmp_path / "entities-utf16.docx"  # the same declaration, hidden from a byte search for ASCII
    utf16.write_bytes(replace_part(to_bytes(doc), "word/document.xml",
                                   body.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
                                   .encode("utf-16")))
    _raises(utf16, "thực thể XML")


@needs_phu_luc
def test_corrupted_bytes_never_escape_as_tracebacks(tmp_path: Path) -> None:
    """Flipped bytes anywhere in a real file: either it still reads, or an InputError says why."""
    import random

    data = bytearray(PHU_LUC[1].read_bytes())
    rng = random.Random(30)
    path = tmp_path / "flipped.docx"
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path.write_bytes(bytes(damaged))
        try:
            read_docx(path)
        except InputError as exc:
            assert str(path) in str(exc)


def test_pages_from_rendered_page_breaks(tmp_path: Path) -> None:
    """Word's w:lastRenderedPageBreak marks where pages began when it last laid the file out."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = new_document()
    doc.add_paragraph("Trang một")
    p = doc.add_paragraph()
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:lastRenderedPageBreak/><w:t>Trang hai</w:t></w:r>'))
    source = read_docx(save(doc, tmp_path / "pages.docx"))
    assert [b.location.page for b in source.blocks] == [1, 2]
    plain = new_document()
    plain.add_paragraph("Không biết trang")
    assert read_docx(save(plain, tmp_path / "plain.docx")).blocks[0].location.page is None
