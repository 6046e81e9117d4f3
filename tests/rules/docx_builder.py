"""A decision laid out exactly as Nghị định 30/2020 says, built with python-docx, and ways to break
one property of it at a time.

`conformant_decision()` returns a `Layout`: plain data (paragraphs with their text and format, the
page setup). A test changes one thing (`layout.para("Số:").text = "Số: 5/QĐ-UBND"`,
`layout.page.margins_mm["left"] = 25`) and calls `build(layout, path)`.

What the decree asks, and where (PL I = Phụ lục I, Phần I):
- A4 portrait, margins top/bottom 20–25, left 30–35, right 15–20 mm (mục I.1–I.3): 20/20/30/15.
- Times New Roman on every run (mục I.4), set on the runs and on the Normal style.
- Page numbers centred in the top margin, 14 pt, not on page 1 (mục I.7): "Different first page"
  with an empty first-page header and a PAGE field in the default header.
- Header: a borderless two-column table (ô 1–4): agency 13 bold caps | Quốc hiệu 12 bold caps,
  Tiêu ngữ 13 bold; "Số:" 13 upright | place and date 14 italic (mục II.1–II.4).
- Type name 14 bold caps, trích yếu 14 bold, centred (mục II.5); căn cứ 14 italic (mục II.6.a).
- Body 14 upright, justified, first-line indent 12.7 mm, 6 pt after, 1.15 lines (mục II.6.e);
  "Điều n." bold (mục II.6.đ).
- Signature: a borderless two-column table: "Nơi nhận:" 12 bold italic and recipients 11 upright
  | authority, position 14 bold caps and the signer's name 14 bold (mục II.7, II.9).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


@dataclass
class Para:
    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "center"
    first_line_mm: float = 0.0
    space_after_pt: float = 0.0
    line_spacing: float = 1.0
    font: str = FONT
    bold_prefix: str | None = None  # "Điều 1." bold, the rest upright


def body(text: str, **kw) -> Para:
    """A body paragraph as mục II.6.e says: 14 pt, justified, indent 12.7 mm, 6 pt after, 1.15 lines."""
    opts = {"size": 14, "align": "justify", "first_line_mm": 12.7, "space_after_pt": 6.0, "line_spacing": 1.15}
    opts.update(kw)
    return Para(text, **opts)


@dataclass
class Page:
    width_mm: float = 210
    height_mm: float = 297
    margins_mm: dict[str, float] = field(default_factory=lambda: {"top": 20, "bottom": 20, "left": 30, "right": 15})
    different_first_page: bool = True
    page_number: bool = True
    page_number_align: str = "center"
    page_number_size: float = 14
    page_number_in_footer: bool = False


@dataclass
class Layout:
    header_left: list[Para]
    header_right: list[Para]
    number: list[Para]
    place_date: list[Para]
    title: list[Para]
    body: list[Para]
    recipients: list[Para]
    signature: list[Para]
    page: Page = field(default_factory=Page)

    def all(self) -> list[Para]:
        return [*self.header_left, *self.header_right, *self.number, *self.place_date, *self.title, *self.body,
                *self.recipients, *self.signature]

    def para(self, starts: str) -> Para:
        """The paragraph whose text starts with `starts` (the first one)."""
        for p in self.all():
            if p.text.startswith(starts):
                return p
        raise KeyError(starts)

    def copy(self) -> Layout:
        return copy.deepcopy(self)


def conformant_decision() -> Layout:
    return Layout(
        header_left=[Para("ỦY BAN NHÂN DÂN", 13, bold=True), Para("TỈNH NGHỆ AN", 13, bold=True)],
        header_right=[Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True),
                      Para("Độc lập - Tự do - Hạnh phúc", 13, bold=True)],
        number=[Para("Số: 05/QĐ-UBND", 13)],
        place_date=[Para("Nghệ An, ngày 05 tháng 02 năm 2026", 14, italic=True)],
        title=[
            Para("QUYẾT ĐỊNH", 14, bold=True),
            Para("Ban hành Kế hoạch cải cách hành chính năm 2026", 14, bold=True, space_after_pt=6),
            Para("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", 14, bold=True, space_after_pt=6),
        ],
        body=[
            body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True),
            body("Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng "
                 "thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;", italic=True),
            body("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 02 tháng 02 năm 2026.",
                 italic=True),
            Para("QUYẾT ĐỊNH:", 14, bold=True, space_after_pt=6),
            body("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026 của tỉnh.",
                 bold_prefix="Điều 1."),
            body("Điều 2. Tổ chức thực hiện", bold=True),
            body("1. Sở Nội vụ chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này."),
            body("2. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường có trách nhiệm:"),
            body("a) Xây dựng kế hoạch cải cách hành chính của cơ quan, đơn vị;"),
            body("b) Bố trí kinh phí thực hiện theo phân cấp ngân sách;"),
            body("c) Báo cáo kết quả thực hiện hằng quý;"),
            body("d) Tự đánh giá, chấm điểm Chỉ số cải cách hành chính;"),
            body("đ) Tuyên truyền về cải cách hành chính;"),
            body("e) Thực hiện các nhiệm vụ khác được giao."),
            body("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, "
                 "Giám đốc Sở Nội vụ và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết "
                 "định này./.", bold_prefix="Điều 3."),
        ],
        recipients=[
            Para("Nơi nhận:", 12, bold=True, italic=True, align="left"),
            Para("- Như Điều 3;", 11, align="left"),
            Para("- Bộ Nội vụ;", 11, align="left"),
            Para("- Chủ tịch, các PCT UBND tỉnh;", 11, align="left"),
            Para("- Lưu: VT, KSTT.", 11, align="left"),
        ],
        signature=[
            Para("TM. ỦY BAN NHÂN DÂN", 14, bold=True),
            Para("KT. CHỦ TỊCH", 14, bold=True),
            Para("PHÓ CHỦ TỊCH", 14, bold=True),
            Para("", 14), Para("", 14), Para("", 14),
            Para("Nguyễn Văn A", 14, bold=True),
        ],
    )


# --- rendering -----------------------------------------------------------------------------------

def _set_run_font(run, font: str) -> None:
    run.font.name = font
    rpr = run._r.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def _add_run(par, text: str, p: Para, bold: bool) -> None:
    run = par.add_run(text)
    _set_run_font(run, p.font)
    run.font.size = Pt(p.size)
    run.font.bold = bold
    run.font.italic = p.italic


def _fill(par, p: Para) -> None:
    fmt = par.paragraph_format
    fmt.alignment = ALIGN[p.align]
    fmt.first_line_indent = Mm(p.first_line_mm) if p.first_line_mm else None
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(p.space_after_pt)
    fmt.line_spacing = p.line_spacing
    if p.bold_prefix and p.text.startswith(p.bold_prefix):
        _add_run(par, p.bold_prefix, p, True)
        _add_run(par, p.text[len(p.bold_prefix):], p, p.bold)
    elif p.text:
        _add_run(par, p.text, p, p.bold)


def _borderless(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _widths(table, widths_mm: tuple[float, float]) -> None:
    """Column widths on the grid and on every cell (LibreOffice reads the grid, Word the cells)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)


def _cell(cell, paras: list[Para]) -> None:
    first = True
    for p in paras:
        par = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _fill(par, p)


def _page_field(par, size: float, align: str) -> None:
    par.paragraph_format.alignment = ALIGN[align]
    run = par.add_run()
    _set_run_font(run, FONT)
    run.font.size = Pt(size)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), FONT)
    rpr.append(fonts)
    rpr.append(sz)
    inner.append(rpr)
    t = OxmlElement("w:t")
    t.text = "2"
    inner.append(t)
    fld.append(inner)
    par._p.append(fld)


def build(layout: Layout, path: Path) -> Path:
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rfonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    sec = d.sections[0]
    pg = layout.page
    sec.orientation = WD_ORIENT.LANDSCAPE if pg.width_mm > pg.height_mm else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(pg.width_mm), Mm(pg.height_mm)
    sec.top_margin, sec.bottom_margin = Mm(pg.margins_mm["top"]), Mm(pg.margins_mm["bottom"])
    sec.left_margin, sec.right_margin = Mm(pg.margins_mm["left"]), Mm(pg.margins_mm["right"])
    sec.header_distance = Mm(10)
    sec.different_first_page_header_footer = pg.different_first_page
    if pg.page_number:
        where = sec.footer if pg.page_number_in_footer else sec.header
        _page_field(where.paragraphs[0], pg.page_number_size, pg.page_number_align)

    text_width = pg.width_mm - pg.margins_mm["left"] - pg.margins_mm["right"]
    header = d.add_table(rows=2, cols=2)
    _borderless(header)
    _widths(header, (65, text_width - 65))
    _cell(header.cell(0, 0), layout.header_left)
    _cell(header.cell(0, 1), layout.header_right)
    _cell(header.cell(1, 0), layout.number)
    _cell(header.cell(1, 1), layout.place_date)

    first = True
    for p in [*layout.title, *layout.body]:
        par = d.paragraphs[0] if first and d.paragraphs and not d.paragraphs[0].text else d.add_paragraph()
        first = False
        _fill(par, p)

    sig = d.add_table(rows=1, cols=2)
    _borderless(sig)
    _widths(sig, (82.5, text_width - 82.5))
    _cell(sig.cell(0, 0), layout.recipients)
    _cell(sig.cell(0, 1), layout.signature)
    d.save(str(path))
    return path
