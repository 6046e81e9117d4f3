"""Markdown that pandoc wrote from a Word file: its tables, escapes and line breaks undone.

`pandoc -t markdown file.docx` (and the converters built on it) keeps each Word paragraph as one
paragraph, soft-wrapped at 72 columns, with a backslash at the end of a line where Word had a line
break. It escapes the punctuation that would read as markup ("1\\.", "\\- Như trên;"), writes "–"
and "—" as "--" and "---", turns Word's numbered and bulleted paragraphs into lists ("1.  …",
"-   …"), indented paragraphs into block quotes ("> …") and draws tables as grids ("+---+" borders,
cells between "|", spans as missing bars) or, in pandoc 2, as multiline tables (columns under groups
of dashes, rows parted by blank lines). The reader undoes exactly that and nothing else: one block
per printed line (a paragraph, or a piece of one after a line break), cells as table blocks, bold
and italic from the marks; it never changes the words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex as re

from vbhc import limits, rx
from vbhc.model import Block, Location, Style, TablePos

_GRID_BORDER = rx.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_GRID_LINE = rx.compile(r"^\s*[+|]")
_DASH_GROUPS = rx.compile(r"^\s*-{2,}(?:[ ]+-{2,})+\s*$")  # the columns of a simple or multiline table
_FULL_DASH = rx.compile(r"^\s*-{10,}\s*$")  # the top and bottom of a multiline table with a head row
_PIPE_ROW = rx.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = rx.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QUOTE = rx.compile(r"^[ ]{0,3}(?:>[ ]?)+")
_HEADING = rx.compile(r"^[ ]*#{1,6}[ ]+")
_HEADING_ATTRS = rx.compile(r"[ ]+\{#[^}]*\}\s*$")
# A list item pandoc wrote for a Word numbered or bulleted paragraph: "1.  ", "a)  ", "-   ", "(i) ".
_LIST_ITEM = rx.compile(r"^([ ]*)(?P<marker>[-+*]|\d{1,3}[.)]|\(\d{1,3}\)|[a-zA-Z][.)]|\([a-zA-Z]\)"
                        r"|[ivxlcdmIVXLCDM]{1,6}[.)])[ ]+(?=\S)")
# Inside a paragraph, a list item is padded to pandoc's four columns ("-   …", "1.  …", "10. …"); a
# line "- Như trên;" after a line break is text.
_LIST_WIDTH = 4
_FOOTNOTE = rx.compile(r"^\[\^[^\]\s]+\]:[ ]*")
_INDENTED = rx.compile(r"^(?:[ ]{4}|\t)")
# What a line's inline text is made of, in the order the alternatives are tried.
_INLINE = rx.compile(r"""
    (?P<escape>\\[!-/:-@\[-`{-~])       # "\\." "\\-" "\\*": the character itself
  | (?P<space>\\[ ])                    # "\\ ": a non-breaking space
  | (?P<image>!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?)
  | (?P<note>\[\^[^\]\s]+\])            # a footnote's mark in the text
  | (?P<close>\](?:\{[^}]*\}|\([^)]*\))?)   # the end of a span or link: "]{.underline}", "](http…)"
  | (?P<open>\[)
  | (?P<stars>\*{1,3})
  | (?P<strike>~~)
  | (?P<script>[~^])                    # sub- and superscript marks
  | (?P<emdash>---)
  | (?P<endash>--)
  | (?P<ellipsis>\.\.\.)
  | (?P<tag><(?P<tag_close>/?)(?P<tag_name>[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>)   # raw HTML: <b>, <br />, <div …>
  | (?P<quote>")
  | (?P<text>[^\\!\[\]*~^\-."<]+|.)
""", re.X)
_REPLACE = {"emdash": "—", "endash": "–", "ellipsis": "…"}
_HARD_BREAK = rx.compile(r"(?<!\\)(?:\\\\)*\\(?P<closing>\*{0,3})\s*$")  # "…\\" or "…:\\***" at the line's end


def is_pandoc(text: str) -> bool:
    """Signs no other writer leaves: a grid table's borders, an HTML table, or escaped list labels and line
    breaks."""
    if _HTML_TABLE_ANY.search(text):
        return True
    if sum(1 for _ in zip(range(2), _GRID_BORDER_ANY.finditer(text), strict=False)) >= 2:
        return True
    return sum(1 for _ in zip(range(3), _PANDOC_SIGN.finditer(text), strict=False)) >= 3


_HTML_TABLE_ANY = rx.compile(r"(?mi)^[ \t]*<table\b")
_GRID_BORDER_ANY = rx.compile(r"(?m)^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")
# "1\\. Sắp xếp", "\\- Như trên;", "a\\) Mục tiêu" opening a line, a line ending in a break ("QUỐC HỘI\\"),
# the dashes over the columns of a multiline table
_PANDOC_SIGN = rx.compile(r"(?m)^[ \t>]*(?:\d{1,3}\\\.|\\[-+*]|[a-zđ]\\\))[ \t]|\S\\$"
                          r"|^[ \t]*-{2,}(?:[ ]+-{2,})+[ \t]*$")


@dataclass
class _Marks:
    """Bold and italic spans, open across the lines of a paragraph."""

    bold: bool = False
    italic: bool = False


@dataclass
class _LineBuilder:
    """One printed line being built: its pieces and how much of it is bold or italic."""

    number: int  # the source line being read; once text is seen, the one the printed line starts on
    pieces: list[str] = field(default_factory=list)
    bold: int = 0
    italic: int = 0
    started: bool = False

    def at(self, number: int) -> None:
        if not self.started:
            self.number = number

    def add(self, text: str, marks: _Marks) -> None:
        self.pieces.append(text)
        visible = len(text.strip())
        self.started = self.started or visible > 0
        self.bold += visible if marks.bold else 0
        self.italic += visible if marks.italic else 0

    def text(self) -> str:
        return " ".join("".join(self.pieces).split())

    def style(self) -> Style:
        visible = len(self.text().replace(" ", "")) or 1
        return Style(bold=self.bold * 2 > visible, italic=self.italic * 2 > visible)


@dataclass
class PrintedLine:
    """A printed line read from the markdown: where it begins, and what it is."""

    text: str
    style: Style
    number: int
    auto_number: bool = False
    part: str = "body"


_BREAK = object()  # what `_inline` yields where a line break or a block tag cuts the printed line


def _inline(raw: str, printed: _LineBuilder, marks: _Marks) -> Iterator[object]:
    """Read one source line's text into the printed line, marks and HTML tags into bold and italic;
    yield `_BREAK` where a `<br>` or a block tag ends the printed line."""
    for m in _INLINE.finditer(raw):
        kind = m.lastgroup
        s = m.group()
        if kind == "escape":
            printed.add(s[1], marks)
        elif kind == "space":
            printed.add(" ", marks)
        elif kind == "stars":
            if len(s) >= 2:
                marks.bold = not marks.bold
            if len(s) != 2:
                marks.italic = not marks.italic
        elif kind == "tag":
            name = m.group("tag_name").lower()
            closing = m.group("tag_close") == "/"
            if name in _HTML_BOLD:
                marks.bold = not closing
            elif name in _HTML_ITALIC:
                marks.italic = not closing
            elif name in _HTML_BREAKS:
                yield _BREAK
        elif kind in _REPLACE:
            printed.add(_REPLACE[kind], marks)
        elif kind == "quote":
            before = printed.pieces[-1][-1:] if printed.pieces else ""
            printed.add("“" if not before or before in " ([" else "”", marks)
        elif kind == "text":
            printed.add(s, marks)


_HTML_BOLD = {"b", "strong"}
_HTML_ITALIC = {"i", "em"}
_HTML_BREAKS = {"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "center", "li"}


def _paragraph(lines: list[tuple[int, str]], auto_number: bool = False, part: str = "body") -> Iterator[PrintedLine]:
    """A paragraph's printed lines: soft wraps joined; a line break ("…\\" at the end, `<br>`) or a block
    tag starts the next."""
    marks = _Marks()
    printed: _LineBuilder | None = None
    for number, raw in lines:
        if printed is None:
            printed = _LineBuilder(number)
        else:
            printed.at(number)
            printed.add(" ", marks)
        brk = _HARD_BREAK.search(raw)
        for _ in _inline(raw[:brk.start()] + brk.group("closing") if brk else raw, printed, marks):
            yield from _emit(printed, auto_number, part)
            printed, auto_number = _LineBuilder(number), False
        if brk:
            yield from _emit(printed, auto_number, part)
            printed, auto_number = None, False
    if printed is not None:
        yield from _emit(printed, auto_number, part)


def _emit(printed: _LineBuilder, auto_number: bool, part: str) -> Iterator[PrintedLine]:
    text = printed.text()
    if text:
        yield PrintedLine(text, printed.style(), printed.number, auto_number, part)


def _flow(lines: list[tuple[int, str]], in_cell: bool = False) -> Iterator[PrintedLine]:
    """Text between tables, or inside one cell: paragraphs parted by blank lines, list items, headings,
    block quotes and footnotes, each paragraph read into its printed lines. Outside a cell, two spaces
    at a line's end are a line break too (CommonMark's other way to write one; a cell's are padding)."""
    para: list[tuple[int, str]] = []
    auto = False
    part = "body"
    note_open = False  # a footnote's later paragraphs are indented under it, after a blank line

    def flush() -> Iterator[PrintedLine]:
        nonlocal para, auto, part
        if para:
            yield from _paragraph(para, auto, part)
        para, auto, part = [], False, "body"

    for number, raw in lines:
        line = _QUOTE.sub("", raw)
        if not line.strip() or _GRID_BORDER.match(line):  # a table nested in a cell: its borders say nothing
            note_open = note_open or part == "footnote"
            yield from flush()
            continue
        if not para:
            part = "footnote" if note_open and _INDENTED.match(line) else part
            note_open = part == "footnote"
        note = _FOOTNOTE.match(line)
        item = _LIST_ITEM.match(line)
        if note:
            yield from flush()
            part, line, note_open = "footnote", line[note.end():], True
        elif item and (not para or len(item.group()) - len(item.group(1)) >= _LIST_WIDTH):
            yield from flush()
            auto = True
            line = item.group("marker") + " " + line[item.end():]
        elif _HEADING.match(line) and not para:
            line = _HEADING_ATTRS.sub("", _HEADING.sub("", line))
        brk = not in_cell and line.endswith("  ") and not _HARD_BREAK.search(line)
        para.append((number, line.strip() + ("\\" if brk else "")))
    yield from flush()


# ------------------------------------------------------------------------------- tables
@dataclass
class _Cell:
    row: int
    col: int  # the first column it covers
    span: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # its markdown, line by line
    printed: list[PrintedLine] | None = None  # its printed lines, when read already (an HTML table's)

    def read(self) -> Iterator[PrintedLine]:
        return iter(self.printed) if self.printed is not None else _flow(self.lines, in_cell=True)


def _grid_cells(lines: list[tuple[int, str]]) -> list[_Cell] | None:
    """The cells of a grid table, spans included: a cell is closed where a border runs under it (None
    past MAX_MARKDOWN_COLUMNS columns)."""
    bounds = sorted({i for _, raw in lines if _GRID_BORDER.match(raw) for i, c in enumerate(raw) if c == "+"})
    if not 2 <= len(bounds) <= limits.MAX_MARKDOWN_COLUMNS + 1:
        return None
    columns = list(zip(bounds, bounds[1:], strict=False))
    open_at: dict[int, _Cell] = {}  # column index → the cell open over it
    cells: list[_Cell] = []
    row = -1
    for number, raw in lines:
        is_border = "+" in raw and any(_is_border(raw[a + 1:b]) for a, b in columns)
        if is_border:
            row += 1
        for first, last, segment in _segments(raw, columns):
            if is_border and _is_border(segment):
                for c in range(first, last):
                    open_at.pop(c, None)
                continue
            cell = open_at.get(first)
            if cell is None or cell.span != last - first:
                cell = _Cell(max(row, 0), first, last - first)
                cells.append(cell)
                for c in range(first, last):
                    open_at[c] = cell
            cell.lines.append((number, segment))
    return cells


def _is_border(segment: str) -> bool:
    return bool(segment) and all(c in "-=:" for c in segment)


def _segments(raw: str, columns: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """A grid line cut at the bars (or "+") that stand on column edges: (first column, end column, text)."""
    first = 0
    for c, (_, b) in enumerate(columns):
        edge = raw[b] if b < len(raw) else "|"
        if edge in "|+" or c == len(columns) - 1:
            a = columns[first][0]
            yield first, c + 1, raw[a + 1:b]
            first = c + 1


def _column_cells(lines: list[tuple[int, str]], groups: list[tuple[int, int]], rows_by_blank: bool
                  ) -> list[_Cell]:
    """The cells of a simple or multiline table: each column's text under its group of dashes."""
    starts = [a for a, _ in groups]
    cells: list[_Cell] = []
    row: list[_Cell] = []
    r = 0
    for number, raw in lines:
        if not raw.strip():
            if row:
                r, row = r + 1, []
            continue
        if not rows_by_blank and row:
            r, row = r + 1, []
        if not row:
            row = [_Cell(r, c, 1) for c in range(len(starts))]
            cells.extend(row)
        for c, a in enumerate(starts):
            end = starts[c + 1] if c + 1 < len(starts) else len(raw)
            piece = raw[a:end].strip() if c else raw[:end].strip()  # text may stand left of the first group
            if piece:
                row[c].lines.append((number, piece))
    return [c for c in cells if c.lines]


def _groups(raw: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DASHES.finditer(raw)]


_DASHES = rx.compile(r"-+")
_LINE_BREAK = rx.compile(r"\r\n|\r|\n")


def _columns_line(raw: str) -> bool:
    """The dashes over a simple or multiline table's columns, not too many of them."""
    return bool(_DASH_GROUPS.match(raw)) and raw.count(" -") < limits.MAX_MARKDOWN_COLUMNS


def _pipe_cells(lines: list[tuple[int, str]]) -> list[_Cell]:
    cells = []
    r = 0
    for number, raw in lines:
        if _PIPE_RULE.match(raw):
            continue
        for c, text in enumerate(raw.strip()[1:-1].split("|")):
            if text.strip():
                cells.append(_Cell(r, c, 1, [(number, text.strip())]))
        r += 1
    return cells


Found = tuple[int, list[_Cell]] | None  # where a table ends (the line after it) and its cells


class _Tables:
    """The tables of one file: each kind of table pandoc draws, tried in turn at a line (`at`)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.numbered = list(enumerate(lines, start=1))
        self.html_ends = _html_ends(lines)

    def at(self, i: int) -> Found:
        for kind in (self.grid, self.headless, self.multiline, self.simple, self.html, self.pipe):
            found = kind(i)
            if found is not None:
                return found
        return None

    def _until(self, j: int, stop: Callable[[str], bool]) -> int:
        while j < len(self.lines) and not stop(self.lines[j]):
            j += 1
        return j

    def grid(self, i: int) -> Found:
        if not _GRID_BORDER.match(self.lines[i]):
            return None
        j = self._until(i + 1, lambda raw: not _GRID_LINE.match(raw))
        cells = _grid_cells(self.numbered[i:j])
        return None if cells is None else (j, cells)

    def headless(self, i: int) -> Found:
        """A table with no head row: its columns' dashes, its rows, the same dashes again."""
        if not _columns_line(self.lines[i]):
            return None
        j = self._until(i + 1, lambda raw: bool(_DASH_GROUPS.match(raw) or _FULL_DASH.match(raw)))
        if j >= len(self.lines):
            return None
        body = self.numbered[i + 1:j]
        return j + 1, _column_cells(body, _groups(self.lines[i]), rows_by_blank=any(not r.strip() for _, r in body))

    def multiline(self, i: int) -> Found:
        """A multiline table's top line, its head row, the columns' dashes, rows, the bottom line."""
        if not _FULL_DASH.match(self.lines[i]):
            return None
        j = self._until(i + 1, lambda raw: not raw.strip() or bool(_DASH_GROUPS.match(raw)))
        if j >= len(self.lines) or not _columns_line(self.lines[j]):
            return None
        k = self._until(j + 1, lambda raw: bool(_FULL_DASH.match(raw)))
        return min(k + 1, len(self.lines)), self._head_and_rows(i + 1, j, k, rows_by_blank=True)

    def simple(self, i: int) -> Found:
        """A simple table: a head row over the columns' dashes, a row a line, a blank line after."""
        if not (i + 1 < len(self.lines) and self.lines[i].strip() and _columns_line(self.lines[i + 1])):
            return None
        j = self._until(i + 2, lambda raw: not raw.strip())
        return j, self._head_and_rows(i, i + 1, j, rows_by_blank=False)

    def _head_and_rows(self, head: int, dashes: int, end: int, rows_by_blank: bool) -> list[_Cell]:
        groups = _groups(self.lines[dashes])
        cells = _column_cells(self.numbered[head:dashes], groups, rows_by_blank=rows_by_blank)
        for cell in _column_cells(self.numbered[dashes + 1:end], groups, rows_by_blank=rows_by_blank):
            cell.row += 1
            cells.append(cell)
        return cells

    def html(self, i: int) -> Found:
        return _html_table(self.lines, i, self.html_ends[i]) if i in self.html_ends else None

    def pipe(self, i: int) -> Found:
        if not (_PIPE_ROW.match(self.lines[i]) and i + 1 < len(self.lines) and _PIPE_RULE.match(self.lines[i + 1])):
            return None
        j = self._until(i, lambda raw: not _PIPE_ROW.match(raw))
        return j, _pipe_cells(self.numbered[i:j])


def _html_ends(lines: list[str]) -> dict[int, int]:
    """Each line that opens a `<table>` element → the line that closes it (tables nested in cells
    counted), in one pass over the file."""
    ends: dict[int, int] = {}
    depth, start = 0, 0
    for j, raw in enumerate(lines):
        if "<" not in raw:
            continue
        opened = len(_HTML_OPEN.findall(raw))
        if depth == 0 and opened:
            start = j
        depth = max(0, depth + opened - len(_HTML_CLOSE.findall(raw)))
        if depth == 0 and (opened or j > start) and _HTML_TABLE.match(lines[start]):
            ends.setdefault(start, j)
    return ends


def _html_table(lines: list[str], i: int, end: int) -> tuple[int, list[_Cell]]:
    """The `<table>` element from line i to line `end` (html.parser is imported only for a file that has one)."""
    from vbhc.readers import html_tables

    cells = html_tables.table_cells("\n".join(lines[i:end + 1]), i + 1)
    return end + 1, [_Cell(c.row, c.col, 1, printed=[PrintedLine(x.text, x.style, x.number) for x in c.lines])
                     for c in cells]


_HTML_TABLE = rx.compile(r"^\s*<table\b", re.I)
_HTML_OPEN = rx.compile(r"<table\b", re.I)
_HTML_CLOSE = rx.compile(r"</table\s*>", re.I)


def _table_blocks(cells: list[_Cell], table: int) -> Iterator[Block]:
    per_row: dict[int, list[_Cell]] = {}
    for cell in cells:
        per_row.setdefault(cell.row, []).append(cell)
    for row in per_row.values():
        row.sort(key=lambda c: c.col)
        two = len(row) == 2
        for ordinal, cell in enumerate(row):
            for line in cell.read():
                yield Block(text=line.text, style=line.style, location=Location(line=line.number),
                            table=TablePos(table, cell.row, cell.col), auto_number=line.auto_number,
                            column=ordinal if two else None)


def pandoc_blocks(text: str) -> list[Block]:
    """Blocks of pandoc's markdown (already NFC): paragraphs and list items, tables as cells."""
    lines = _LINE_BREAK.split(text)
    tables = _Tables(lines)
    blocks: list[Block] = []
    table = -1
    start = i = 0
    while i <= len(lines):
        found = tables.at(i) if i < len(lines) and lines[i].strip() else None
        if found is None and i < len(lines):
            i += 1
            continue
        blocks.extend(_text_blocks(tables.numbered[start:i]))
        if found is None:
            break
        end, cells = found
        table += 1
        blocks.extend(_table_blocks(cells, table))
        start = i = end
    return blocks


def _text_blocks(lines: list[tuple[int, str]]) -> Iterator[Block]:
    for line in _flow(lines):
        yield Block(text=line.text, style=line.style, location=Location(line=line.number),
                    auto_number=line.auto_number, part=line.part)
