"""Document → .docx laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I prescribes.

Every number (paper, margins, sizes, indents, spacing) comes from `vbhc.nd30`, every line's text
from `vbhc.writers.layout`. Numbering is written as literal text ("Điều 1.", "1.", "a)"), never as
Word auto-numbering, so that what Word, LibreOffice and vbhc's reader show is the same. Times New
Roman is set on the document defaults, on the Normal style and on every run (ascii, hAnsi, cs,
eastAsia).

Speed: python-docx's object API costs tens of microseconds for each property it sets (it looks up
where each element goes in the schema on every call); a 400-paragraph plan spent 80% of its time
there. So each distinct paragraph format and run look is made once through python-docx (the XML is
exactly what its API writes) and kept as a template; every paragraph, run and table row is then an
lxml copy of its template plus its text. python-docx still makes the package, styles, sections and
page-number headers, and saves.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import asdict, dataclass
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from vbhc import nd30
from vbhc.fileio import write_atomic
from vbhc.model import Document, Node, Signature
from vbhc.nd30 import WRITER_LOOK as LOOK
from vbhc.nd30 import Look
from vbhc.writers import layout
from vbhc.writers.layout import agency_in_text, kem_theo_line

__all__ = ["agency_in_text", "build", "kem_theo_line", "text_width_mm", "to_bytes", "write_docx"]

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
SIGNING_SPACE_LINES = layout.SIGNING_SPACE_LINES
RULE_MARK_PT = 5  # a rule is an empty paragraph this small, with a bottom border
_W_P, _W_R, _W_T, _W_TAB, _W_BR, _W_TR, _W_TC = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tab", "w:br", "w:tr", "w:tc"))
_XML_SPACE = qn("xml:space")
_RUN_SPECIALS = re.compile(r"([\t\r])")
_TBLPR_AFTER_BORDERS = tuple(qn(t) for t in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))


# --- text width, for rules "as long as the line" ---------------------------------------------

def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """An estimate of the printed width of a line in Times New Roman (widths in em, measured on
    the metric-compatible Liberation Serif)."""
    em = 0.0
    for ch in text:
        if ch == " ":
            em += 0.25
        elif ch.isupper():
            em += 0.70 if bold else 0.66
        elif ch.isdigit():
            em += 0.50
        elif ch.isalpha():
            em += 0.47 if bold else 0.45
        else:
            em += 0.33
    return em * size_pt * 25.4 / 72


# --- formatting through python-docx (used once per distinct format, for the templates) ----------

def _set_fonts(rpr: Any, font: str = nd30.FONT) -> None:
    """rFonts with all four scripts and no theme font (a theme attribute would win in Word)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


# What XML 1.0 (a .docx) cannot hold: C0 controls but tab and line ends, surrogates, U+FFFE/U+FFFF.
# They reach a draft from a parent plan's text (ESC in a .txt) and were never visible: dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _run(p: Paragraph, text: str, look: Look, bold: bool | None = None, italic: bool | None = None) -> Any:
    lines = _NOT_XML.sub("", text).split("\n")
    run = p.add_run(lines[0])
    for extra in lines[1:]:
        run.add_break()
        run.add_text(extra)
    run.font.name = nd30.FONT
    run.font.size = Pt(look.size)
    run.font.bold = look.bold if bold is None else bold
    run.font.italic = look.italic if italic is None else italic
    _set_fonts(run._element.get_or_add_rPr())
    return run


@dataclass(frozen=True)
class Fmt:
    """A paragraph format: alignment, indents (mm), spacing (pt), line spacing (a multiple)."""

    align: str = "center"
    first_line_mm: float | None = None
    left_mm: float | None = None
    right_mm: float | None = None
    before: float = 0
    after: float = 0
    line: float = 1.0
    keep_next: bool = False


def _format(p: Paragraph, align: str = "center", first_line_mm: float | None = None, left_mm: float | None = None,
            right_mm: float | None = None, before: float = 0, after: float = 0, line: float = 1.0,
            keep_next: bool = False) -> Paragraph:
    pf = p.paragraph_format
    pf.alignment = ALIGN[align]
    pf.first_line_indent = Mm(first_line_mm) if first_line_mm else None
    pf.left_indent = Mm(left_mm) if left_mm else None
    pf.right_indent = Mm(right_mm) if right_mm else None
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line
    if keep_next:
        pf.keep_with_next = True
    return p


def _mark_size(p: Paragraph, size: float) -> None:
    """The paragraph mark's size: an empty paragraph is as high as this (and a rule as thin)."""
    ppr = p._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    rpr.append(fonts)
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(int(round(size * 2))))
        rpr.append(el)
    ppr.append(rpr)


def _bottom_border(p: Paragraph) -> None:
    """A solid bottom border, drawn by Word and LibreOffice between the paragraph's indents."""
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    # pBdr must come before spacing/ind/jc in CT_PPr's sequence
    anchor = next((c for c in ppr if c.tag in (qn("w:shd"), qn("w:tabs"), qn("w:suppressAutoHyphens"),
                                               qn("w:spacing"), qn("w:ind"), qn("w:jc"), qn("w:rPr"))), None)
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def _cell_text_mm(width_mm: float) -> float:
    return width_mm - 2 * 1.9  # Word's default cell margins, 0.19 cm each side


def _borders(table: Table, edge_attrs: tuple[tuple[str, str], ...]) -> None:
    """w:tblBorders with every edge set alike, in its place in CT_TblPr's sequence."""
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for k, v in edge_attrs:
            el.set(qn(k), v)
        borders.append(el)
    anchor = next((c for c in tblpr if c.tag in _TBLPR_AFTER_BORDERS), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tblpr.append(borders)


_NO_BORDERS = (("w:val", "nil"),)
_ALL_BORDERS = (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000"))


# --- where new elements go ---------------------------------------------------------------------

@dataclass
class Box:
    """A place paragraphs and tables are added to: the body (before its final sectPr) or a cell."""

    element: Any
    before: Any = None

    def add(self, el: Any) -> Any:
        if self.before is not None:
            self.before.addprevious(el)
        else:
            self.element.append(el)
        return el


def _add_t(r: Any, text: str) -> None:
    """A w:t as python-docx's `add_t` writes it: spaces at either end kept with xml:space."""
    t = etree.SubElement(r, _W_T)
    t.text = text = _NOT_XML.sub("", text)
    if len(text.strip()) < len(text):
        t.set(_XML_SPACE, "preserve")


def _run_text(r: Any, text: str) -> None:
    """A run's text as python-docx's `run.text = …` writes it: tabs as w:tab, carriage returns as w:br."""
    if "\t" not in text and "\r" not in text:
        if text:
            _add_t(r, text)
        return
    for part in _RUN_SPECIALS.split(text):
        if part == "\t":
            etree.SubElement(r, _W_TAB)
        elif part == "\r":
            etree.SubElement(r, _W_BR)
        elif part:
            _add_t(r, part)


class _Templates:
    """pPr, rPr and table skeletons made once each through python-docx, then copied."""

    def __init__(self, d: DocxDocument):
        self.d = d
        self._ppr: dict[tuple[Fmt, float | None, bool], Any] = {}
        self._rpr: dict[tuple[float, bool, bool], Any] = {}
        self._tables: dict[tuple[tuple[float, ...], bool], tuple[Any, Any]] = {}

    def _scratch(self, make: Callable[[Paragraph], Any]) -> Any:
        """What `make` builds on a throw-away paragraph, detached."""
        p = self.d.add_paragraph()
        try:
            el = make(p)
        finally:
            self.d.element.body.remove(p._p)
        el.getparent().remove(el)
        return el

    def ppr(self, fmt: Fmt, mark: float | None = None, border: bool = False) -> Any:
        key = (fmt, mark, border)
        got = self._ppr.get(key)
        if got is None:
            def make(p: Paragraph) -> Any:
                _format(p, **asdict(fmt))
                if mark is not None:
                    _mark_size(p, mark)
                if border:
                    _bottom_border(p)
                return p._p.get_or_add_pPr()

            got = self._ppr[key] = self._scratch(make)
        return deepcopy(got)

    def rpr(self, size: float, bold: bool, italic: bool) -> Any:
        key = (size, bold, italic)
        got = self._rpr.get(key)
        if got is None:
            look = Look(size=size, bold=bold, italic=italic)
            got = self._rpr[key] = self._scratch(lambda p: _run(p, "", look)._r.get_or_add_rPr())
        return deepcopy(got)

    def table(self, widths_mm: Sequence[float], bordered: bool) -> tuple[Any, Any]:
        """(w:tbl with its properties and grid but no row, one empty w:tr) for these columns."""
        key = (tuple(widths_mm), bordered)
        got = self._tables.get(key)
        if got is None:
            table = self.d.add_table(rows=1, cols=len(widths_mm))
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            _borders(table, _ALL_BORDERS if bordered else _NO_BORDERS)
            for i, col in enumerate(table.columns):
                col.width = Mm(widths_mm[i])
            for i, cell in enumerate(table.rows[0].cells):
                cell.width = Mm(widths_mm[i])
                for p in list(cell._tc.iter(_W_P)):  # a new cell holds one empty paragraph
                    cell._tc.remove(p)
            tbl = table._tbl
            tbl.getparent().remove(tbl)
            row = tbl.find(_W_TR)
            tbl.remove(row)
            got = self._tables[key] = (tbl, row)
        return deepcopy(got[0]), got[1]


# --- the document ----------------------------------------------------------------------------

class _Writer:
    def __init__(self) -> None:
        self.d: DocxDocument = docx.Document()
        self._styles()
        self._page(self.d.sections[0], first=True)
        self.body_width = nd30.WRITER_TEXT_WIDTH_MM
        body = self.d.element.body
        self.body = Box(body, body.find(qn("w:sectPr")))
        self.t = _Templates(self.d)

    def _styles(self) -> None:
        styles = self.d.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(rpr)
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is not None:
                el.set(qn("w:val"), str(int(LOOK["body"].size * 2)))
        lang = rpr.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "vi-VN")
        spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        normal = self.d.styles["Normal"]
        normal.font.name = nd30.FONT
        normal.font.size = Pt(LOOK["body"].size)
        _set_fonts(normal.element.get_or_add_rPr())
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0

    def _page(self, section: Section, first: bool) -> None:
        width, height = nd30.PAPER_A4_MM
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        m = nd30.WRITER_MARGINS_MM
        section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
        section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
        section.header_distance = Mm(nd30.WRITER_HEADER_MM)
        section.footer_distance = Mm(nd30.WRITER_HEADER_MM)
        # PL I, mục I.7: page numbers centred in the top margin, not on the first page
        section.different_first_page_header_footer = True
        if first:
            section.first_page_header.is_linked_to_previous = False
            header = section.header
            header.is_linked_to_previous = False
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            _format(p, align="center")
            self._page_field(p)

    def _page_field(self, p: Paragraph) -> None:
        look = LOOK["page_number"]
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
            run = _run(p, "", look)
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == " PAGE ":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                run.text = text

    def _restart_numbering(self, section: Section) -> None:
        sect = section._sectPr
        pg = sect.find(qn("w:pgNumType"))
        if pg is None:
            pg = OxmlElement("w:pgNumType")
            # pgNumType sits after pgMar/paperSrc/pgBorders/lnNumType in CT_SectPr
            anchor = sect.find(qn("w:cols"))
            if anchor is not None:
                anchor.addprevious(pg)
            else:
                sect.append(pg)
        pg.set(qn("w:start"), "1")

    # --- paragraphs, runs and tables from the templates ---------------------------------------
    def para(self, box: Box, text: str = "", look: Look | None = None, fmt: Fmt = Fmt()) -> Any:
        """A paragraph of one run; an empty one still carries its size, so that its height is the
        one intended."""
        look = look or LOOK["body"]
        p = box.add(etree.Element(_W_P))
        p.append(self.t.ppr(fmt, None if text else look.size))
        if text:
            self.run(p, text, look)
        return p

    def run(self, p: Any, text: str, look: Look, bold: bool | None = None, italic: bool | None = None) -> None:
        r = etree.SubElement(p, _W_R)
        r.append(self.t.rpr(look.size, look.bold if bold is None else bold, look.italic if italic is None else italic))
        lines = text.split("\n")
        _run_text(r, lines[0])
        for extra in lines[1:]:
            etree.SubElement(r, _W_BR)
            _add_t(r, extra)

    def rule(self, box: Box, width_mm: float, box_mm: float, before: float = 0, after: float = 0) -> None:
        """A solid horizontal rule of `width_mm`, centred in a box `box_mm` wide: an empty, tiny
        paragraph with a bottom border, narrowed by equal left and right indents."""
        side = max(0.0, (box_mm - width_mm) / 2)
        fmt = Fmt(align="center", left_mm=side, right_mm=side, before=before, after=after, line=1.0)
        box.add(etree.Element(_W_P)).append(self.t.ppr(fmt, RULE_MARK_PT, border=True))

    def table(self, rows: int, widths_mm: Sequence[float], bordered: bool) -> list[list[Box]]:
        """A table at the end of the body; each row's cells, to be filled."""
        tbl, row = self.t.table(widths_mm, bordered)
        self.body.add(tbl)
        cells = []
        for _ in range(rows):
            tr = deepcopy(row)
            tbl.append(tr)
            cells.append([Box(tc) for tc in tr.iterchildren(_W_TC)])
        return cells

    def lines(self, box: Box, lines: list[layout.Line]) -> None:
        for line in lines:
            self.para(box, line.text, LOOK[line.look], Fmt(before=line.before))

    # --- header table (ô 1–5b) ----------------------------------------------------------------
    def header(self, doc: Document, index: int) -> None:
        rows = layout.header_rows(doc, index)
        if not rows:
            return
        left_w, right_w = nd30.WRITER_HEADER_COLUMNS_MM
        cells = self.table(len(rows), (left_w, right_w), bordered=False)
        box_l, box_r = _cell_text_mm(left_w), _cell_text_mm(right_w)
        (agency, motto), *number_row = rows
        left, right = cells[0]
        self.lines(left, agency)
        issuer = agency[-1].text
        longest = max(text_width_mm(x, LOOK["agency"].size, True) for x in issuer.split("\n"))
        self.rule(left, nd30.WRITER_RULE_FRACTION * min(longest, box_l), box_l, after=2)
        self.lines(right, motto)
        self.rule(right, text_width_mm(nd30.TIEU_NGU, LOOK["tieu_ngu"].size, True), box_r, after=2)
        for (number, when), (cell_l, cell_r) in zip(number_row, cells[1:], strict=True):
            self.lines(cell_l, number)
            self.lines(cell_r, when)

    # --- title, preamble -------------------------------------------------------------------
    def title(self, doc: Document) -> None:
        type_line = layout.type_line(doc)
        if type_line is None:
            return
        self.para(self.body, type_line, LOOK["type_name"], Fmt(before=18, keep_next=True))
        longest = text_width_mm(type_line, LOOK["type_name"].size, True)
        if doc.title:
            self.para(self.body, doc.title, LOOK["title"], Fmt(keep_next=True))
            longest = max(longest, text_width_mm(doc.title, LOOK["title"].size, True))
        if doc.attached_to:
            self.para(self.body, doc.attached_to, LOOK["kem_theo"], Fmt(keep_next=True))
        self.rule(self.body, nd30.WRITER_RULE_FRACTION * min(longest, self.body_width), self.body_width, after=12)

    def preamble(self, doc: Document) -> None:
        if doc.kinh_gui:
            self.kinh_gui(doc.kinh_gui)
        if doc.enacting_authority:
            self.para(self.body, doc.enacting_authority.upper(), LOOK["issuer_line"],
                      Fmt(after=nd30.WRITER_SPACE_AFTER_PT, before=6))
        for line in doc.can_cu:
            self.body_para(line, LOOK["can_cu"])
        if doc.enacting:
            self.para(self.body, doc.enacting, LOOK["enacting"],
                      Fmt(before=6, after=nd30.WRITER_SPACE_AFTER_PT, keep_next=True))

    def kinh_gui(self, items: list[str]) -> None:
        look = LOOK["kinh_gui"]
        lines = layout.kinh_gui_lines(items)
        left = 30.0
        if len(lines) == 1:
            self.para(self.body, lines[0], look, Fmt(align="left", left_mm=left, before=12, after=12))
            return
        self.para(self.body, lines[0], look, Fmt(align="left", left_mm=left, before=12))
        hang = left + text_width_mm(layout.KINH_GUI + " ", look.size)
        for i, line in enumerate(lines[1:], start=1):
            self.para(self.body, line, look, Fmt(align="left", left_mm=hang, after=12 if i == len(lines) - 1 else 0))

    # --- body ----------------------------------------------------------------------------------
    def body_para(self, text: str, look: Look | None = None, label: str | None = None,
                  label_bold: bool = False, text_bold: bool | None = None, align: str = "justify",
                  keep_next: bool = False) -> Any:
        look = look or LOOK["body"]
        first = nd30.WRITER_FIRST_LINE_INDENT_MM if align == "justify" else None
        fmt = Fmt(align=align, first_line_mm=first, after=nd30.WRITER_SPACE_AFTER_PT, line=nd30.WRITER_LINE_SPACING,
                  keep_next=keep_next)
        p = self.para(self.body, "", look, fmt)  # the mark keeps the body size (as Word shows it)
        if label:
            self.run(p, label, look, bold=label_bold or look.bold)
            if text:
                self.run(p, " ", look, bold=label_bold or look.bold)
        if text:
            self.run(p, text, look, bold=text_bold)
        return p

    def node(self, node: Node) -> None:
        kind = node.kind
        if kind == "section" and (node.label or "").startswith(("Mục", "MỤC")):
            kind = "part"
        self._NODE_WRITERS.get(kind, _Writer._point)(self, node)
        for child in node.children:
            self.node(child)

    def _paragraph(self, node: Node) -> None:
        for chunk in (node.text or "").split("\n"):
            self.body_para(chunk, align=node.align or "justify")

    def _part(self, node: Node) -> None:
        """Phần, Chương, Mục: the label on its own line, the heading in capitals under it."""
        self.para(self.body, node.label or "", LOOK["part"],
                  Fmt(before=6, keep_next=True, after=0 if node.heading else nd30.WRITER_SPACE_AFTER_PT))
        if node.heading:
            self.para(self.body, node.heading.upper(), LOOK["part"],
                      Fmt(after=nd30.WRITER_SPACE_AFTER_PT, keep_next=True))
        self._text(node)

    def _section(self, node: Node) -> None:
        self.body_para((node.heading or "").upper(), LOOK["section"], label=node.label, keep_next=True)
        self._text(node)

    def _article(self, node: Node) -> None:
        if node.heading:
            self.body_para(node.heading, LOOK["article"], label=node.label, keep_next=True)
            self._text(node)
        else:
            self._labelled(node.label, node.text, LOOK["article"])

    def _clause(self, node: Node) -> None:
        if node.heading:
            self.body_para(node.heading, LOOK["clause_heading"], label=node.label, keep_next=True)
            self._text(node)
        else:
            self._point(node)

    def _point(self, node: Node) -> None:
        """A clause, point or bullet with text: its label, then the text on the same line."""
        self._labelled(node.label, node.text, LOOK["body"])

    def _labelled(self, label: str | None, text: str | None, look: Look) -> None:
        chunks = (text or "").split("\n")
        self.body_para(chunks[0], LOOK["body"], label=label, label_bold=look.bold)
        for chunk in chunks[1:]:
            self.body_para(chunk)

    def _text(self, node: Node) -> None:
        for chunk in (node.text or "").split("\n") if node.text else []:
            self.body_para(chunk)

    def _table(self, node: Node) -> None:
        rows = node.rows or []
        if not rows:
            return
        ncols = max(len(r) for r in rows)
        cells = self.table(len(rows), self._column_widths(rows, ncols), bordered=True)
        look = LOOK["table"]
        for r, (row, boxes) in enumerate(zip(rows, cells, strict=True)):
            for c in range(ncols):
                text = row[c] if c < len(row) else ""
                centred = r == 0 or len(text) <= 12
                fmt = Fmt(align="center" if centred else "left", before=2, after=2)
                for chunk in text.split("\n") if text else [""]:
                    if chunk:
                        self._cell_para(boxes[c], chunk, fmt, head=r == 0)
                    else:
                        self.para(boxes[c], "", look, fmt)
        # the first row repeats on every page
        trpr = OxmlElement("w:trPr")
        trpr.append(OxmlElement("w:tblHeader"))
        cells[0][0].element.addprevious(trpr)
        self.para(self.body, "", LOOK["body"], Fmt(after=nd30.WRITER_SPACE_AFTER_PT))

    def _cell_para(self, box: Box, text: str, fmt: Fmt, head: bool) -> Any:
        """A table cell's line; the header row in bold."""
        look = LOOK["table"]
        p = box.add(etree.Element(_W_P))
        p.append(self.t.ppr(fmt))
        self.run(p, text, look, bold=True if head else None)
        return p

    _NODE_WRITERS: dict[str, Callable[[_Writer, Node], None]] = {
        "table": _table, "paragraph": _paragraph, "part": _part, "chapter": _part, "section": _section,
        "article": _article, "clause": _clause,
    }

    def _column_widths(self, rows: list[list[str]], ncols: int) -> list[float]:
        total = self.body_width
        if ncols == 1:
            return [total]
        weights = []
        for c in range(ncols):
            longest = max((len(r[c]) if c < len(r) else 0) for r in rows)
            weights.append(min(max(longest, 10), 40))
        narrow = 15.0
        header = (rows[0][0] if rows[0] else "").strip().upper()
        if header in ("STT", "TT", "SỐ TT"):
            rest = weights[1:]
            share = total - narrow
            return [narrow] + [share * w / sum(rest) for w in rest]
        return [total * w / sum(weights) for w in weights]

    # --- closing (ô 7, 9b) ----------------------------------------------------------------------
    def closing(self, doc: Document) -> None:
        if not layout.has_closing(doc):
            return
        if doc.co_signatures and doc.signature is not None:
            self.closing_side_by_side(doc, doc.signature)
            return
        self.para(self.body, "", LOOK["body"], Fmt(after=0))
        (left, right), = self.table(1, nd30.WRITER_SIGNATURE_COLUMNS_MM, bordered=False)
        recipients = layout.recipients_cell(doc)
        left_fmt = Fmt(align="left")
        if recipients:
            self.para(left, recipients[0], LOOK["noi_nhan"], left_fmt)
            for item in recipients[1:]:
                self.para(left, item, LOOK["recipient"], left_fmt)
        else:
            self.para(left, "", LOOK["recipient"], left_fmt)
        signature = layout.signature_cell(doc)
        if signature is None:
            self.para(right, "", LOOK["signer"])
            return
        lines, signer = signature
        for line in lines:
            self.para(right, line, LOOK["authority"])
        for _ in range(SIGNING_SPACE_LINES):
            self.para(right, "", LOOK["signer"])
        self.para(right, signer, LOOK["signer"])

    def _signing(self, box: Box, sig: Signature) -> None:
        lines, signer = layout.signing_block(sig)
        for line in lines:
            self.para(box, line, LOOK["authority"])
        for _ in range(SIGNING_SPACE_LINES):
            self.para(box, "", LOOK["signer"])
        self.para(box, signer, LOOK["signer"])

    def closing_side_by_side(self, doc: Document, sig: Signature) -> None:
        """PL III, Mẫu 1.9: the thư ký's signature on the left, the chủ tọa's on the right, Nơi nhận under
        them on the left."""
        half = nd30.WRITER_TEXT_WIDTH_MM / 2
        self.para(self.body, "", LOOK["body"], Fmt(after=0))
        (sign_l, sign_r), (left, right) = self.table(2, (half, half), bordered=False)
        self._signing(sign_l, doc.co_signatures[0])
        self._signing(sign_r, sig)
        recipients = layout.recipients_cell(doc) or [""]
        self.para(left, recipients[0], LOOK["noi_nhan"], Fmt(align="left", before=12))
        for item in recipients[1:]:
            self.para(left, item, LOOK["recipient"], Fmt(align="left"))
        self.para(right, "", LOOK["recipient"])

    # --- documents ---------------------------------------------------------------------------
    def document(self, doc: Document, index: int) -> None:
        if index > 0:
            section = self.d.add_section(WD_SECTION.NEW_PAGE)
            self._page(section, first=False)
            self._restart_numbering(section)  # an attached document numbers its own pages
        self.header(doc, index)
        self.title(doc)
        self.preamble(doc)
        for node in doc.body:
            self.node(node)
        self.closing(doc)

    def finish(self) -> None:
        # python-docx starts from a template whose body holds nothing we wrote; drop any empty
        # paragraph before the first table so that the header table sits at the top margin
        body = self.d.element.body
        first = body[0] if len(body) else None
        if first is not None and first.tag == qn("w:p") and not "".join(first.itertext()).strip():
            body.remove(first)


def build(documents: Document | Sequence[Document]) -> DocxDocument:
    """The python-docx document for one Document, or a decision and the documents it attaches."""
    docs = [documents] if isinstance(documents, Document) else list(documents)
    writer = _Writer()
    for i, doc in enumerate(docs):
        writer.document(doc, i)
    writer.finish()
    return writer.d


def to_bytes(documents: Document | Sequence[Document]) -> bytes:
    buf = io.BytesIO()
    build(documents).save(buf)
    return buf.getvalue()


def write_docx(documents: Document | Sequence[Document], path: str | os.PathLike[str]) -> None:
    write_atomic(path, to_bytes(documents))
