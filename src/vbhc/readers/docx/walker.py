"""One pass over the body: paragraphs, runs, table cells and text boxes in order, turned into Blocks.

The body is walked with plain lxml (several times faster than python-docx's object wrappers,
and it lets us see `w:numPr`, `w:br`, merged cells and borders, which python-docx hides). Word
numbering is rendered into the label as Word shows it; text in legacy Vietnamese fonts is
converted to Unicode per run, before runs are joined.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from vbhc.model import Block, Location, Style, TablePos
from vbhc.readers import legacy
from vbhc.readers.docx import headertabs
from vbhc.readers.docx.names import (
    BLOCK_CONTAINERS,
    BR,
    CR,
    DRAWN,
    LRPB,
    MC_FALLBACK,
    NBH,
    PPR,
    PTAB,
    RPR,
    RUN_CONTAINERS,
    SDT,
    SOFTH,
    SYM,
    TAB,
    TBL,
    TBLSTYLE,
    TC,
    TCPR,
    TPR,
    TR,
    TRPR,
    TXBX,
    VAL,
    P,
    R,
    T,
    w,
)
from vbhc.readers.docx.numbering import Level, Numbering
from vbhc.readers.docx.properties import WORD_DEFAULT_HALF_POINTS, read_paragraph, read_rpr, read_run, to_int
from vbhc.readers.docx.styles import Styles, borders

# (table style, position in the table, header column) of the paragraphs being walked
Context = tuple[str | None, TablePos | None, int | None]
BODY: Context = (None, None, None)
_Cell = tuple[int, etree._Element, bool]  # grid column, w:tc, vertically merged continuation
_Legacy = tuple[str | None, bool, str | None]  # encoding, all-capitals font, font name
_Look = tuple[str | None, float, bool, bool, bool, bool]  # see run_look
_LOOK_FIELDS = ("font", "size_pt", "bold", "italic", "underline", "all_caps")
_PLAIN: _Legacy = (None, False, None)
_CHAR_OF = {TAB: "\t", PTAB: "\t", NBH: "-"}
_BREAKS = {BR, CR, LRPB}
_GRID_SPAN, _V_MERGE, _GRID_BEFORE = w("gridSpan"), w("vMerge"), w("gridBefore")
_TBL_BORDERS, _TC_BORDERS, _CHAR, _TYPE = w("tblBorders"), w("tcBorders"), w("char"), w("type")


def mm(twips: float) -> float:
    return round(twips / 1440 * 25.4, 2)


def child(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag: `parent.find(tag)` without ElementPath (5× faster). A properties element
    (w:pPr, w:rPr, w:tcPr) comes first in its parent in the schema's order, so the first child is tried alone
    before the loop (half the time again)."""
    if len(parent) and parent[0].tag == tag:
        return parent[0]
    for el in parent:
        if el.tag == tag:
            return el
    return None


def style_id(parent: etree._Element | None, tag: str) -> str | None:
    """The w:val of a style reference (w:pStyle in a pPr, w:rStyle in an rPr), if any."""
    if parent is None:
        return None
    ref = child(parent, tag)
    return ref.get(VAL) if ref is not None else None


@dataclass(slots=True)
class Piece:
    text: str
    rpr: dict[str, Any]


@dataclass(slots=True)
class _Segment:
    """One visible line of a paragraph (paragraphs are cut at line breaks)."""

    pieces: list[Piece] = field(default_factory=list)
    page: int | None = None
    column: int | None = None  # set when a header line laid out with tabs is cut into its columns


def _visible(seg: _Segment) -> bool:
    return any(pc.text.strip() for pc in seg.pieces)


def _text(seg: _Segment) -> str:
    return "".join(pc.text for pc in seg.pieces)


@dataclass(slots=True)
class _Format:
    """A paragraph's resolved properties, shared by every paragraph with the same style and pPr."""

    psid: str | None
    base: dict[str, Any]  # table and paragraph styles over the document defaults
    direct: dict[str, Any]  # the paragraph's own pPr
    pstyle: dict[str, Any]  # the Style fields of base + direct, in report units
    numid: str | None
    ilvl: int | None
    ends_section: bool  # the pPr holds a w:sectPr: the paragraph is the last of its section


@dataclass(slots=True)
class _Label:
    """What Word numbering puts before a paragraph's text, and the level it comes from."""

    text: str = ""
    level: Level | None = None


_NO_LABEL = _Label()


class Walker:
    """One pass over the body: paragraphs and cells in order, counters for numbering and pages.

    Everything resolved from styles is computed once per distinct combination and shared:
    paragraph formats per (table style, paragraph style, direct pPr), run properties per (base,
    direct rPr), and Style objects per (run properties, script, paragraph format); blocks with the
    same look share one Style (no reader or rule changes a block's style in place).
    """

    def __init__(self, styles: Styles, numbering: Numbering, text_width: Callable[[], int]):
        self.styles = styles
        self.theme = styles.theme
        self.numbering = numbering
        self._text_width = text_width  # twips; asked only for a line laid out with tabs, once
        self._width: int | None = None
        self.header_area = True  # still in the paragraphs before the first body paragraph
        self._under_table = False  # a table came before: only lines that go on with the header are cut
        self.closing_area = False  # in a closing laid out with tabs ("Nơi nhận:<tab>TM. …"), to the section end
        self._tabbed = False  # the paragraph being walked has a tab
        self.blocks: list[Block] = []
        self.paragraph = 0
        self.section = 0  # a w:sectPr in a paragraph's properties ends its section
        self.table_count = 0
        self.page = 1
        self.rendered_breaks = 0
        self._drawing: list[etree._Element] = []  # the paragraph's shown runs that draw (a text box, perhaps)
        self._box_depth = 0  # how deep in text boxes the walk is (a box's "8" labels a diagram: no page number)
        self.legacy_fonts: dict[str, int] = {}
        self.legacy_encodings: dict[str, int] = {}
        self._legacy_cache: dict[int, _Legacy] = {}
        self._formats: dict[tuple[Any, ...], _Format] = {}
        self._labelled: dict[tuple[int, int], dict[str, Any]] = {}
        self._merged: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._looks: dict[tuple[int, bool], _Look] = {}
        self._styles: dict[tuple[_Look, int], Style] = {}
        self._single: dict[tuple[int, bool, int], Style] = {}

    def _legacy(self, rpr: dict[str, Any]) -> _Legacy:
        """(legacy encoding, all-capitals font, font name) of a run; (None, False, None) for Unicode."""
        got = self._legacy_cache.get(id(rpr))
        if got is None:
            got = _PLAIN
            for font in (rpr.get("hAnsi"), rpr.get("ascii")):
                enc = legacy.font_encoding(font)
                if enc:
                    got = (enc, legacy.is_caps_font(font), font)
                    break
            self._legacy_cache[id(rpr)] = got
        return got

    def _run_text(self, buf: list[str], leg: _Legacy) -> str:
        """A run's text, converted to Unicode here, per run, before runs are joined."""
        text = "".join(buf)
        enc, caps, font = leg
        if enc is None or font is None:
            return text
        n = sum(1 for c in text if not c.isspace())
        self.legacy_fonts[font] = self.legacy_fonts.get(font, 0) + n
        self.legacy_encodings[enc] = self.legacy_encodings.get(enc, 0) + n
        return legacy.convert(text, enc, caps)

    def _canonical(self, base: dict[str, Any], layer: dict[str, Any]) -> dict[str, Any]:
        """base updated with layer, one dict object per distinct result (so caches key on its id)."""
        if not layer:
            return base
        key = (id(base), *layer.items())
        got = self._merged.get(key)
        if got is None:
            got = self._merged[key] = {**base, **layer}
        return got

    # -- block level -------------------------------------------------------------------------

    def walk(self, parent: etree._Element, ctx: Context) -> None:
        for el in parent:
            tag = el.tag
            if tag == P:
                self.para(el, ctx)
            elif tag == TBL:
                frame = _frame(el) if ctx[1] is None else None
                if frame is not None:
                    self.walk(frame, ctx)
                else:
                    self.table(el)
            elif tag in BLOCK_CONTAINERS:
                self.walk(el, ctx)

    def walk_page_header(self, root: etree._Element) -> None:
        """The page header printed above the body on page 1 (`sections.first_page_header`), as blocks of part
        "header" ahead of the body's: parse takes them for the document's header when the body has none. They
        are no paragraph of the body (`vbhc fix` and comments never land there); the body is walked after it
        as if first, its tables numbered on."""
        start = len(self.blocks)
        self.walk(root, BODY)
        for block in self.blocks[start:]:
            block.part = "header"
            block.location = Location()
        self.paragraph = 0
        self.header_area, self._under_table, self.closing_area = True, False, False

    def table(self, tbl: etree._Element) -> None:
        index = self.table_count
        self.table_count += 1
        self._under_table = True  # a header table: the lines under it may still be the header's
        sid, edges = self._table_style(tbl)
        grid = [_row_cells(row) for row in children(tbl, TR)]
        borderless = _borderless(grid, edges)
        for r, cells in enumerate(grid):
            two = borderless and len(cells) == 2
            for ordinal, (col, tc, cont) in enumerate(cells):
                if cont:  # a vertically merged continuation shows nothing of its own
                    self.paragraph += sum(1 for _ in tc.iter(P))
                    continue
                pos = TablePos(table=index, row=r, col=col, borderless=borderless)
                self.walk(tc, (sid, pos, ordinal if two else None))

    def _table_style(self, tbl: etree._Element) -> tuple[str | None, dict[str, bool]]:
        """The table's style id (or the default table style) and its borders, direct ones winning."""
        tblpr = child(tbl, TPR)
        sid = self.styles.table_style_id(style_id(tblpr, TBLSTYLE))
        edges = dict(self.styles.table_borders(sid))
        if tblpr is not None:
            edges.update(borders(child(tblpr, _TBL_BORDERS)))
        return sid, edges

    # -- paragraph level ---------------------------------------------------------------------

    def para(self, p: etree._Element, ctx: Context) -> None:
        self.paragraph += 1
        ppr_el = child(p, PPR)
        fmt = self._format(ctx[0], ppr_el)
        label = self._label(fmt.numid, fmt) if fmt.numid is not None and fmt.numid != "0" else _NO_LABEL
        pstyle = fmt.pstyle if label.level is None or not label.level.ppr else self._labelled_style(fmt, label.level)
        segments = self._segments(p, ctx[0], fmt.psid)
        if self.header_area and ctx[1] is None:
            segments = self._header_area(segments, fmt, label)
        elif self._tabbed and ctx[1] is None and not label.text:
            segments = self._closing_area(segments, fmt)
        self._tabbed = False
        start = len(self.blocks)
        self._emit(segments, label, pstyle, ctx, lambda: self._label_rpr(ctx[0], fmt.psid, ppr_el, label.level))
        if len(self.blocks) == start + 1 and ctx[1] is None and not label.text and not self._box_depth:
            _mark_page_number(self.blocks[start])
        if self._drawing:
            drawing, self._drawing = self._drawing, []
            self._text_boxes(drawing)
        if fmt.ends_section and ctx[1] is None:
            self.section += 1
            self.closing_area = False

    def _text_boxes(self, drawing: list[etree._Element]) -> None:
        """The paragraphs of the text boxes these runs draw, right after their paragraph, as Word exports them
        to text; a box's own lines do not end the header area (a "DỰ THẢO" box beside the header is no body
        line)."""
        header_area = self.header_area
        self._box_depth += 1
        for r in drawing:
            for box in text_boxes(r):
                self.walk(box, BODY)
        self._box_depth -= 1
        self.header_area = header_area

    def _format(self, tstyle: str | None, ppr_el: etree._Element | None) -> _Format:
        own_style, direct, ends_section = read_paragraph(ppr_el)
        psid = self.styles.para_style_id(own_style)
        key = (tstyle, psid, ends_section, *direct.items())
        got = self._formats.get(key)
        if got is None:
            base = self.styles.para_base(tstyle, psid)
            ppr = {**base, **direct}
            got = self._formats[key] = _Format(psid, base, direct, para_style(ppr), ppr.get("numId"),
                                               ppr.get("ilvl"), ends_section)
        return got

    def _labelled_style(self, fmt: _Format, level: Level) -> dict[str, Any]:
        """The paragraph format when the numbering level sets pPr of its own (under the direct pPr)."""
        key = (id(fmt), id(level))
        got = self._labelled.get(key)
        if got is None:
            got = self._labelled[key] = para_style({**fmt.base, **level.ppr, **fmt.direct})
        return got

    def _header_area(self, segments: list[_Segment], fmt: _Format, label: _Label) -> list[_Segment]:
        """A header line laid out with tabs, cut into its columns; the first paragraph with text
        that is not laid out so ends the header area (empty paragraphs do not)."""
        if not any(_visible(seg) for seg in segments):
            return segments
        columns = None
        if not label.text:
            columns = _tab_columns(segments, self._far_stop(fmt))
        if columns is not None and self._under_table and not headertabs.continues_header(*_column_texts(columns)):
            columns = None
        if columns is None:
            self.header_area = False
            return segments
        return columns

    def _closing_area(self, segments: list[_Segment], fmt: _Format) -> list[_Segment]:
        """A closing laid out with tabs, cut into its columns as a borderless two-column table gives them: it
        opens at the line that begins it ("Nơi nhận:<tab>TM. ỦY BAN NHÂN DÂN") and lasts to the end of the
        section or a page break; anywhere else a tab is text ("Căn cứ ……<tab>……" of a form)."""
        columns = _tab_columns(segments, self._far_stop(fmt))
        if columns is None:
            return segments
        if not self.closing_area:
            self.closing_area = headertabs.opens_closing(*_column_texts(columns))
        return columns if self.closing_area else segments

    def _far_stop(self, fmt: _Format) -> bool:
        """Whether the paragraph has a custom tab stop in the right part of the text width (headertabs.far_stop);
        the first section's text width is asked once per file."""
        if self._width is None:
            self._width = self._text_width()
        return headertabs.far_stop(fmt.base, fmt.direct, self._width)

    def _label(self, numid: str, fmt: _Format) -> _Label:
        """The automatic number of this paragraph, advancing its list's counters."""
        ilvl = fmt.ilvl if fmt.ilvl is not None else self.numbering.level_for_style(numid, fmt.psid)
        got = self.numbering.next_label(numid, ilvl)
        if got is None:
            return _NO_LABEL
        text, sep, lvl = got
        return _Label(text + sep if text else "", lvl)

    def _emit(self, segments: list[_Segment], label: _Label, pstyle: dict[str, Any], ctx: Context,
              label_rpr: Callable[[], dict[str, Any]]) -> None:
        """One block per visible line of the paragraph; the label goes on the first."""
        number = self.paragraph
        first = True
        for seg in segments:
            pieces = seg.pieces
            text = pieces[0].text if len(pieces) == 1 else "".join([pc.text for pc in pieces])
            if first and label.text:
                text = label.text.rstrip() if not text.strip() else label.text + text
            elif not text.strip():
                continue
            # a label-only paragraph (a numbered table cell) has the label's own look
            self.blocks.append(Block(
                text=unicodedata.normalize("NFC", text),
                style=self._style(pieces or [Piece(text, label_rpr())], pstyle),
                location=Location(line=number, paragraph=number, page=seg.page),
                table=ctx[1],
                auto_number=bool(label.text) and first,
                column=ctx[2] if seg.column is None else seg.column,
                section=self.section,
            ))
            first = False

    def _style(self, pieces: list[Piece], pstyle: dict[str, Any]) -> Style:
        """Run properties by majority of visible characters, every distinct font listed; a block
        of one look shares its Style with every block of that look and paragraph format."""
        if len(pieces) == 1:  # most lines are one run
            one = (id(pieces[0].rpr), pieces[0].text.isascii(), id(pstyle))
            got = self._single.get(one)
            if got is None:
                got = self._single[one] = self._style_of_looks(pieces, pstyle)
            return got
        return self._style_of_looks([pc for pc in pieces if pc.text.strip()] or pieces, pstyle)

    def _style_of_looks(self, visible: list[Piece], pstyle: dict[str, Any]) -> Style:
        weights: dict[_Look, int] = {}
        for pc in visible:
            ascii_ = pc.text.isascii()
            look = self._looks.get((id(pc.rpr), ascii_))
            if look is None:
                look = self._looks[(id(pc.rpr), ascii_)] = run_look(pc.rpr, ascii_)
            weights[look] = weights.get(look, 0) + (len(pc.text) - pc.text.count(" ") or len(pc.text))
        if len(weights) > 1:
            return block_style(weights, pstyle)
        key = (next(iter(weights)), id(pstyle))
        got = self._styles.get(key)
        if got is None:
            got = self._styles[key] = block_style(weights, pstyle)
        return got

    def _label_rpr(self, tstyle: str | None, psid: str | None, ppr_el: etree._Element | None,
                   level: Level | None) -> dict[str, Any]:
        """Word draws a list label with the paragraph mark's properties plus the level's rPr."""
        mark = read_rpr(child(ppr_el, RPR), self.theme) if ppr_el is not None else {}
        return self._canonical(self.styles.run_base(tstyle, psid, None), {**mark, **(level.rpr if level else {})})

    # -- run level ---------------------------------------------------------------------------

    def _segments(self, p: etree._Element, tstyle: str | None, psid: str | None) -> list[_Segment]:
        """The paragraph's visible text, cut at line breaks, each piece with its run properties."""
        segments = [_Segment()]
        run_base, theme = self.styles.run_base, self.theme
        for r in runs(p):
            rpr_el = child(r, RPR)
            if rpr_el is None:
                rpr = run_base(tstyle, psid, None)
            else:
                csid, direct = read_run(rpr_el, theme)
                rpr = self._canonical(run_base(tstyle, psid, csid), direct)
            if not rpr.get("vanish"):
                self._run(r, rpr, segments)
        return segments

    def _run(self, r: etree._Element, rpr: dict[str, Any], segments: list[_Segment]) -> None:
        """A run's text into the current segment; a line break starts a new segment."""
        buf: list[str] = []
        leg = self._legacy(rpr)
        for el in r:
            tag = el.tag
            if tag == T:
                if el.text:
                    buf.append(el.text)
            elif tag in _CHAR_OF:
                buf.append(_CHAR_OF[tag])
                if tag != NBH:  # a tab or an absolute tab: the line may be laid out in columns
                    self._tabbed = True
            elif tag in _BREAKS:
                if buf:
                    _add(segments[-1], self._run_text(buf, leg), rpr, self.page)
                    buf = []
                if tag == LRPB:
                    self.page += 1
                    self.rendered_breaks += 1
                else:
                    segments.append(_Segment())
                    if el.get(_TYPE) == "page":
                        self.closing_area = False
            elif tag == SOFTH:
                if leg[0] == legacy.TCVN3_NAME:  # Word saves TCVN3's 0xAD (ư) as a soft hyphen
                    buf.append("\xad")
            elif tag == SYM:
                buf.append(_symbol(el))
            elif tag in DRAWN and (not self._drawing or self._drawing[-1] is not r):
                self._drawing.append(r)
        if buf:
            _add(segments[-1], self._run_text(buf, leg), rpr, self.page)


def _tab_columns(segments: list[_Segment], far: bool) -> list[_Segment] | None:
    """Each visible line cut at its wide tab into a left (0) and a right (1) line; None when one
    of them is not laid out so."""
    out: list[_Segment] = []
    for seg in filter(_visible, segments):
        got = headertabs.split(seg.pieces, far)
        if got is None:
            return None
        left, right = got
        if left:
            out.append(_Segment(left, seg.page, 0))
        out.append(_Segment(right, seg.page, 1))
    return out


def _column_texts(columns: list[_Segment]) -> tuple[list[str], list[str]]:
    """The texts of the left (0) and the right (1) lines of a line cut into its columns."""
    return [_text(seg) for seg in columns if seg.column == 0], [_text(seg) for seg in columns if seg.column == 1]


def _symbol(el: etree._Element) -> str:
    """A w:sym character (hex code point); a junk code shows nothing."""
    try:
        return chr(int(el.get(_CHAR) or "", 16))
    except (ValueError, OverflowError):
        return ""


def _add(seg: _Segment, text: str, rpr: dict[str, Any], page: int) -> None:
    if seg.page is None and text.strip():
        seg.page = page
    seg.pieces.append(Piece(text, rpr))


def children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with this tag, looking through content controls and custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in BLOCK_CONTAINERS:
            yield from children(child, tag)


def text_boxes(run: etree._Element) -> list[etree._Element]:
    """The text boxes a run draws (w:txbxContent), each once: Word writes a box twice, as a DrawingML shape in
    mc:Choice and as its VML copy in mc:Fallback; the copy is skipped, and a box drawn inside another box
    belongs to that box's paragraphs. Only the runs a paragraph shows (`runs`) draw: a deleted run's box is
    gone with it."""
    out: list[etree._Element] = []
    for box in run.iter(TXBX):
        up = box.getparent()
        while up is not None and up is not run and up.tag != MC_FALLBACK and up.tag != TXBX:
            up = up.getparent()
        if up is run:
            out.append(box)
    return out


def runs(parent: etree._Element) -> Iterator[etree._Element]:
    """Runs of a paragraph in order, through hyperlinks, insertions, fields and content controls.
    Deleted and moved-from runs are not visible; text boxes live in drawings (`text_boxes`)."""
    for child in parent:
        tag = child.tag
        if tag == R:
            yield child
        elif tag in RUN_CONTAINERS or tag == SDT:
            yield from runs(child)


# -- tables -------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*")


def _mark_page_number(block: Block) -> None:
    """A body paragraph (not in a table or a text box) that is a page number alone ("2", "- 2 -"), as a .docx made
    from a PDF keeps each page's number in the text: part "header", as the PDF and text readers mark one."""
    if len(block.text) <= 9 and _PAGE_NUMBER.fullmatch(block.text):
        block.part = "header"


def _frame(tbl: etree._Element) -> etree._Element | None:
    """The cell of a one-cell table that frames the document (`headertabs.holds_quoc_hieu`): its content is
    walked as the body's own, as it prints; a "Ghi chú" box or any other one-cell table stays a table."""
    rows = list(children(tbl, TR))
    if len(rows) != 1:
        return None
    cells = list(children(rows[0], TC))
    if len(cells) != 1:
        return None
    text: list[str] = []
    size = 0
    for t in cells[0].iter(T):
        text.append(t.text or "")
        size += len(text[-1])
        if size > headertabs.FRAME_LOOK:
            break
    return cells[0] if headertabs.holds_quoc_hieu("".join(text)) else None


def _row_cells(row: etree._Element) -> list[_Cell]:
    """A row's cells with their grid column (after w:gridBefore and w:gridSpan) and merge flag."""
    cells = []
    trpr = child(row, TRPR)
    gb = child(trpr, _GRID_BEFORE) if trpr is not None else None
    col = (to_int(gb.get(VAL)) or 0) if gb is not None else 0
    for tc in children(row, TC):
        span, cont = _span_and_merge(child(tc, TCPR))
        cells.append((col, tc, cont))
        col += span
    return cells


def _span_and_merge(tcpr: etree._Element | None) -> tuple[int, bool]:
    """(grid columns the cell spans, whether it continues a vertical merge) from its w:tcPr, in one pass
    (the first w:gridSpan and the first w:vMerge count)."""
    span: int | None = None
    cont: bool | None = None
    for el in tcpr if tcpr is not None else ():
        if el.tag == _GRID_SPAN and span is None:
            span = max(1, to_int(el.get(VAL)) or 1)
        elif el.tag == _V_MERGE and cont is None:
            cont = (el.get(VAL) or "continue") == "continue"
    return span or 1, bool(cont)


def _borderless(grid: list[list[_Cell]], edges: dict[str, bool]) -> bool:
    """True when no cell edge is visible, table borders overridden by cell borders."""
    nrows = len(grid)
    for r, cells in enumerate(grid):
        for k, (_col, tc, _cont) in enumerate(cells):
            tcpr = child(tc, TCPR)
            own = borders(child(tcpr, _TC_BORDERS)) if tcpr is not None else {}
            shown = (
                own.get("top", edges.get("top" if r == 0 else "insideH", False)),
                own.get("bottom", edges.get("bottom" if r == nrows - 1 else "insideH", False)),
                own.get("left", edges.get("left" if k == 0 else "insideV", False)),
                own.get("right", edges.get("right" if k == len(cells) - 1 else "insideV", False)),
            )
            if any(shown):
                return False
    return True


# -- what the block looks like ------------------------------------------------------------------

def para_style(ppr: dict[str, Any]) -> dict[str, Any]:
    """Paragraph format in report units, with Word's defaults for what nothing sets."""
    line = None
    rule = ppr.get("lineRule", "auto")
    if "line" not in ppr:
        line = 1.0
    elif rule == "auto":
        # exact/atLeast spacing is a height in points: turning it into a multiple would need
        # the font's line height, which we do not know, so it stays None.
        line = round(ppr["line"] / 240, 3)
    return {
        "align": ppr.get("jc", "left"),
        "first_line_indent_mm": mm(ppr.get("first", 0)),
        "left_indent_mm": mm(ppr.get("left", 0)),
        "space_before_pt": ppr.get("before", 0) / 20,
        "space_after_pt": ppr.get("after", 0) / 20,
        "line_spacing": line,
    }


def run_font(rpr: dict[str, Any], ascii_text: bool) -> str | None:
    """ASCII text is drawn with the ascii font, Vietnamese letters with hAnsi."""
    if ascii_text:
        return rpr.get("ascii") or rpr.get("hAnsi")
    return rpr.get("hAnsi") or rpr.get("ascii")


def run_look(rpr: dict[str, Any], ascii_text: bool) -> _Look:
    """What a run shows: (font, size in points, bold, italic, underline, all capitals)."""
    return (run_font(rpr, ascii_text), rpr.get("sz", WORD_DEFAULT_HALF_POINTS) / 2, bool(rpr.get("b", False)),
            bool(rpr.get("i", False)), bool(rpr.get("u", False)), bool(rpr.get("caps", False)))


def block_style(weights: dict[_Look, int], pstyle: dict[str, Any]) -> Style:
    """Each property by the majority of visible characters (weights: characters per look, in the
    order first seen; ties go to the first seen); every distinct font listed."""
    fonts = list(dict.fromkeys(look[0] for look in weights if look[0]))
    top = []
    for k in range(len(_LOOK_FIELDS)):
        box: dict[Any, int] = {}
        for look, weight in weights.items():
            box[look[k]] = box.get(look[k], 0) + weight
        top.append(max(box, key=box.__getitem__))  # max keeps the first of equal counts
    return Style(**dict(zip(_LOOK_FIELDS, top, strict=True)), fonts=fonts, **pstyle)
