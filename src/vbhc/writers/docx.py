"""Document → .docx laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I prescribes.

Every number (paper, margins, sizes, indents, spacing) comes from `vbhc.nd30`. Numbering is
written as literal text ("Điều 1.", "1.", "a)"), never as Word auto-numbering, so that what
Word, LibreOffice and vbhc's reader show is the same. Times New Roman is set on the document
defaults, on the Normal style and on every run (ascii, hAnsi, cs, eastAsia).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from vbhc import nd30
from vbhc.dates import cited as date_short
from vbhc.fileio import write_atomic
from vbhc.model import Document, Node, Signature
from vbhc.nd30 import WRITER_LOOK as LOOK
from vbhc.nd30 import Look
from vbhc.writers.form import date_line, number_line, number_text, recipient_items, signature_lines

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
SIGNING_SPACE_LINES = 4  # empty lines between the position and the signer's name, for the signature


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


# --- low-level formatting --------------------------------------------------------------------

def _set_fonts(rpr, font: str = nd30.FONT) -> None:
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


def _run(p: Paragraph, text: str, look: Look, bold: bool | None = None, italic: bool | None = None):
    lines = text.split("\n")
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


def _para(container, text: str = "", look: Look | None = None, **fmt) -> Paragraph:
    p = container.add_paragraph()
    _format(p, **fmt)
    if text:
        _run(p, text, look or LOOK["body"])
    else:  # an empty paragraph still carries the size, so that its height is the one intended
        _mark_size(p, (look or LOOK["body"]).size)
    return p


def _mark_size(p: Paragraph, size: float) -> None:
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


def _rule(container, width_mm: float, box_mm: float, before: float = 0, after: float = 0) -> Paragraph:
    """A solid horizontal rule of `width_mm`, centred in a box `box_mm` wide: an empty, tiny
    paragraph with a bottom border, narrowed by equal left and right indents. Word and
    LibreOffice both draw a paragraph border between its indents."""
    side = max(0.0, (box_mm - width_mm) / 2)
    p = container.add_paragraph()
    _format(p, align="center", left_mm=side, right_mm=side, before=before, after=after, line=1.0)
    _mark_size(p, 5)
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
    return p


def _cell_text_mm(width_mm: float) -> float:
    return width_mm - 2 * 1.9  # Word's default cell margins, 0.19 cm each side


def _no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _all_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            el.set(qn(k), v)
        borders.append(el)
    tblpr.append(borders)


def _table(container, rows: int, widths_mm: Sequence[float], borders: bool):
    table = container.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    (_all_borders if borders else _no_borders)(table)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for i, col in enumerate(table.columns):
        col.width = Mm(widths_mm[i])
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Mm(widths_mm[i])
    return table


def _fresh(cell: _Cell) -> _Cell:
    """A new cell holds one empty paragraph: remove it, so that we add exactly what we mean."""
    for p in list(cell._tc.iter(qn("w:p"))):
        cell._tc.remove(p)
    return cell


# --- the document ----------------------------------------------------------------------------

class _Writer:
    def __init__(self) -> None:
        self.d: DocxDocument = docx.Document()
        self._styles()
        self._page(self.d.sections[0], first=True)
        self.body_width = nd30.WRITER_TEXT_WIDTH_MM

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

    def _page(self, section, first: bool) -> None:
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

    def _restart_numbering(self, section) -> None:
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

    # --- header table (ô 1–5b) ----------------------------------------------------------------
    def header(self, doc: Document, attached: bool) -> None:
        left_w, right_w = nd30.WRITER_HEADER_COLUMNS_MM
        has_number_row = not attached
        table = _table(self.d, 2 if has_number_row else 1, (left_w, right_w), borders=False)
        left, right = _fresh(table.cell(0, 0)), _fresh(table.cell(0, 1))
        box_l, box_r = _cell_text_mm(left_w), _cell_text_mm(right_w)
        if doc.parent_issuer:
            _para(left, doc.parent_issuer.upper(), LOOK["parent_agency"])
        issuer = (doc.issuer or "TÊN CƠ QUAN, TỔ CHỨC").upper()
        _para(left, issuer, LOOK["agency"])
        longest = max(text_width_mm(x, LOOK["agency"].size, True) for x in issuer.split("\n"))
        _rule(left, nd30.WRITER_RULE_FRACTION * min(longest, box_l), box_l, after=2)
        _para(right, nd30.QUOC_HIEU, LOOK["quoc_hieu"])
        _para(right, nd30.TIEU_NGU, LOOK["tieu_ngu"])
        _rule(right, text_width_mm(nd30.TIEU_NGU, LOOK["tieu_ngu"].size, True), box_r, after=2)
        if has_number_row:
            cell_l, cell_r = _fresh(table.cell(1, 0)), _fresh(table.cell(1, 1))
            _para(cell_l, number_line(doc.number, doc.symbol, doc.year), LOOK["so_ky_hieu"], before=4)
            if doc.doc_type == "Công văn" and doc.title:
                # PL I, mục II.5.b: V/v centred under the number, 6 pt below it
                _para(cell_l, f"V/v {doc.title}", LOOK["vv"], before=6)
            if doc.doc_type in nd30.UNDATED_TYPES and not (doc.place or doc.date):
                _para(cell_r, "", LOOK["place_date"])  # PL III, Mẫu 1.9: no place and date under the Tiêu ngữ
                return
            _para(cell_r, date_line(doc.place, doc.date) if (doc.place or doc.date) else (doc.date_raw or
                                                                                            date_line(None, None)),
                  LOOK["place_date"], before=4)

    # --- title, preamble -------------------------------------------------------------------
    def title(self, doc: Document) -> None:
        if doc.doc_type == "Công văn":
            return
        type_line = doc.type_line or (doc.doc_type or "").upper()
        # "Phụ lục II" is printed in lower case (PL I, mục III.1.b), every other type name in capitals
        _para(self.d, type_line if doc.is_appendix else type_line.upper(), LOOK["type_name"], before=18,
              keep_next=True)
        longest = text_width_mm(type_line, LOOK["type_name"].size, True)
        if doc.title:
            _para(self.d, doc.title, LOOK["title"], keep_next=True)
            longest = max(longest, text_width_mm(doc.title, LOOK["title"].size, True))
        if doc.attached_to:
            _para(self.d, doc.attached_to, LOOK["kem_theo"], keep_next=True)
        _rule(self.d, nd30.WRITER_RULE_FRACTION * min(longest, self.body_width), self.body_width, after=12)

    def preamble(self, doc: Document) -> None:
        if doc.kinh_gui:
            self.kinh_gui(doc.kinh_gui)
        if doc.enacting_authority:
            _para(self.d, doc.enacting_authority.upper(), LOOK["issuer_line"], after=nd30.WRITER_SPACE_AFTER_PT,
                  before=6)
        for line in doc.can_cu:
            self.body_para(line, LOOK["can_cu"])
        if doc.enacting:
            _para(self.d, doc.enacting, LOOK["enacting"], before=6, after=nd30.WRITER_SPACE_AFTER_PT,
                  keep_next=True)

    def kinh_gui(self, items: list[str]) -> None:
        look = LOOK["kinh_gui"]
        label = "Kính gửi:"
        left = 30.0
        if len(items) == 1:
            _para(self.d, f"{label} {items[0].rstrip(';. ')}.".replace("..", "."), look, align="left",
                  left_mm=left, before=12, after=12)
            return
        _para(self.d, label, look, align="left", left_mm=left, before=12)
        hang = left + text_width_mm(label + " ", look.size)
        for i, item in enumerate(items):
            text = item.strip().lstrip("-–+• ").rstrip(" ;.")
            end = "." if i == len(items) - 1 else ";"
            _para(self.d, f"- {text}{end}", look, align="left", left_mm=hang,
                  after=12 if i == len(items) - 1 else 0)

    # --- body ----------------------------------------------------------------------------------
    def body_para(self, text: str, look: Look | None = None, label: str | None = None,
                  label_bold: bool = False, text_bold: bool | None = None, align: str = "justify",
                  keep_next: bool = False) -> Paragraph:
        look = look or LOOK["body"]
        first = nd30.WRITER_FIRST_LINE_INDENT_MM if align == "justify" else None
        p = _para(self.d, "", look, align=align, first_line_mm=first, after=nd30.WRITER_SPACE_AFTER_PT,
                  line=nd30.WRITER_LINE_SPACING, keep_next=keep_next)
        if label:
            _run(p, label, look, bold=label_bold or look.bold)
            if text:
                _run(p, " ", look, bold=label_bold or look.bold)
        if text:
            _run(p, text, look, bold=text_bold)
        return p

    def node(self, node: Node) -> None:
        k = node.kind
        body = LOOK["body"]
        if k == "table":
            self.table(node)
        elif k == "paragraph":
            for chunk in (node.text or "").split("\n"):
                self.body_para(chunk, align=node.align or "justify")
        elif k in ("part", "chapter") or (k == "section" and (node.label or "").startswith(("Mục", "MỤC"))):
            _para(self.d, node.label or "", LOOK["part"], before=6, keep_next=True,
                  after=0 if node.heading else nd30.WRITER_SPACE_AFTER_PT)
            if node.heading:
                _para(self.d, node.heading.upper(), LOOK["part"], after=nd30.WRITER_SPACE_AFTER_PT, keep_next=True)
            self._text(node)
        elif k == "section":
            self.body_para((node.heading or "").upper(), LOOK["section"], label=node.label, keep_next=True)
            self._text(node)
        elif k == "article":
            if node.heading:
                self.body_para(node.heading, LOOK["article"], label=node.label, keep_next=True)
                self._text(node)
            else:
                self._labelled(node.label, node.text, LOOK["article"])
        elif k == "clause" and node.heading:
            self.body_para(node.heading, LOOK["clause_heading"], label=node.label, keep_next=True)
            self._text(node)
        else:  # clause, point, bullet with text
            self._labelled(node.label, node.text, body)
        for child in node.children:
            self.node(child)

    def _labelled(self, label: str | None, text: str | None, look: Look) -> None:
        chunks = (text or "").split("\n")
        self.body_para(chunks[0], LOOK["body"], label=label, label_bold=look.bold)
        for chunk in chunks[1:]:
            self.body_para(chunk)

    def _text(self, node: Node) -> None:
        for chunk in (node.text or "").split("\n") if node.text else []:
            self.body_para(chunk)

    def table(self, node: Node) -> None:
        rows = node.rows or []
        if not rows:
            return
        ncols = max(len(r) for r in rows)
        widths = self._column_widths(rows, ncols)
        table = _table(self.d, len(rows), widths, borders=True)
        look = LOOK["table"]
        # row by row: table.cell(r, c) lists every cell of the table on each call (quadratic: 0.8 s
        # for the 60-row task table of a draft); this table is fresh, without merged cells
        for r, (row, table_row) in enumerate(zip(rows, table.rows, strict=True)):
            cells = table_row.cells
            for c in range(ncols):
                cell = _fresh(cells[c])
                text = row[c] if c < len(row) else ""
                head = r == 0
                short = len(text) <= 12
                for chunk in text.split("\n") if text else [""]:
                    _para(cell, chunk, look, align="center" if head or short else "left", before=2, after=2)
                    if head and chunk:
                        for run in cell.paragraphs[-1].runs:
                            run.font.bold = True
        # the first row repeats on every page
        trpr = table.rows[0]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        trpr.append(el)
        _para(self.d, "", LOOK["body"], after=nd30.WRITER_SPACE_AFTER_PT)

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
            rest = [w for w in weights[1:]]
            share = total - narrow
            return [narrow] + [share * w / sum(rest) for w in rest]
        return [total * w / sum(weights) for w in weights]

    # --- closing (ô 7, 9b) ----------------------------------------------------------------------
    def closing(self, doc: Document) -> None:
        sig = doc.signature
        if sig is None and not doc.recipients and not doc.storage:
            return
        if doc.co_signatures and sig is not None:
            self.closing_side_by_side(doc, sig)
            return
        left_w, right_w = nd30.WRITER_SIGNATURE_COLUMNS_MM
        _para(self.d, "", LOOK["body"], after=0)
        table = _table(self.d, 1, (left_w, right_w), borders=False)
        left, right = _fresh(table.cell(0, 0)), _fresh(table.cell(0, 1))
        if doc.recipients or doc.storage:
            _para(left, doc.recipients_label or nd30.NOI_NHAN, LOOK["noi_nhan"], align="left")
            for item in recipient_items(doc.recipients):
                _para(left, f"- {item}", LOOK["recipient"], align="left")
            if doc.storage:
                storage = doc.storage.strip().lstrip("-–+• ")
                if not storage.endswith("."):
                    storage += "."
                _para(left, f"- {storage}", LOOK["recipient"], align="left")
        else:
            _para(left, "", LOOK["recipient"], align="left")
        if sig is not None:
            for line in signature_lines(sig):
                _para(right, line.upper(), LOOK["authority"])
            for _ in range(SIGNING_SPACE_LINES):
                _para(right, "", LOOK["signer"])
            _para(right, sig.signer or "", LOOK["signer"])
        else:
            _para(right, "", LOOK["signer"])

    def _signature(self, cell: _Cell, sig: Signature) -> None:
        for line in signature_lines(sig):
            _para(cell, line.upper(), LOOK["authority"])
        for _ in range(SIGNING_SPACE_LINES):
            _para(cell, "", LOOK["signer"])
        _para(cell, sig.signer or "", LOOK["signer"])

    def closing_side_by_side(self, doc: Document, sig: Signature) -> None:
        """PL III, Mẫu 1.9: the thư ký's signature on the left, the chủ tọa's on the right, Nơi nhận below
        on the left."""
        half = nd30.WRITER_TEXT_WIDTH_MM / 2
        _para(self.d, "", LOOK["body"], after=0)
        table = _table(self.d, 2, (half, half), borders=False)
        self._signature(_fresh(table.cell(0, 0)), doc.co_signatures[0])
        self._signature(_fresh(table.cell(0, 1)), sig)
        left = _fresh(table.cell(1, 0))
        _para(left, doc.recipients_label or nd30.NOI_NHAN, LOOK["noi_nhan"], align="left", before=12)
        for item in recipient_items(doc.recipients):
            _para(left, f"- {item}", LOOK["recipient"], align="left")
        if doc.storage:
            storage = doc.storage.strip().lstrip("-–+• ")
            _para(left, f"- {storage if storage.endswith('.') else storage + '.'}", LOOK["recipient"], align="left")
        _para(_fresh(table.cell(1, 1)), "", LOOK["recipient"])

    # --- documents ---------------------------------------------------------------------------
    def document(self, doc: Document, index: int) -> None:
        attached = bool(doc.attached_to) and index > 0
        if index > 0:
            section = self.d.add_section(WD_SECTION.NEW_PAGE)
            self._page(section, first=False)
            self._restart_numbering(section)  # an attached document numbers its own pages
        if not doc.is_appendix:  # PL III, Mẫu 2.1: a Phụ lục opens with its name, under no header
            self.header(doc, attached)
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


ADMIN_UNITS = ("TỈNH", "THÀNH PHỐ", "XÃ", "PHƯỜNG", "ĐẶC KHU", "HUYỆN", "QUẬN", "THỊ XÃ", "THỊ TRẤN")


def agency_in_text(name: str) -> str:
    """An agency's name as a sentence cites it: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" → "Ủy ban nhân dân
    tỉnh Nghệ An", "SỞ NỘI VỤ" → "Sở Nội vụ". Names not in capitals are kept as written."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    words = name.split(" ")
    out: list[str] = []
    i = 0
    place = False
    while i < len(words):
        two = " ".join(words[i:i + 2])
        unit = two if two in ADMIN_UNITS else (words[i] if words[i] in ADMIN_UNITS else None)
        if unit and not place:
            out.append(unit.lower())
            i += len(unit.split(" "))
            place = True
            continue
        w = words[i]
        if place:
            out.append(w[:1] + w[1:].lower())
        elif not out:
            out.append(w[:1] + w[1:].lower())
        elif len(out) == 1 and out[0] in ("Sở", "Bộ", "Ban", "Phòng", "Cục", "Viện", "Trung"):
            out.append(w[:1] + w[1:].lower())  # "Sở Nội vụ", "Bộ Tư pháp": the field takes a capital
        else:
            out.append(w.lower())
        i += 1
    return " ".join(out)


def kem_theo_line(decision: Document) -> str:
    """ "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2026 của Ủy ban nhân dân tỉnh Nghệ An)"."""
    number = number_text(decision.number) or "…"
    who = agency_in_text(decision.issuer or "…")
    return (f"(Kèm theo {decision.doc_type or 'Quyết định'} số {number}/{decision.symbol or '…'} "
            f"ngày {date_short(decision.date)} của {who})")


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
