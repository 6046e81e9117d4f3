"""HTML tables inside Markdown: `<table>` … `</table>`, as GitHub-flavoured converters write them.

`pandoc -t gfm` (and many hand-made pages) write a table whose cells hold several paragraphs, the
header and signature tables of every administrative document, as HTML: `<tr>`, `<td>`/`<th>` with
`colspan`/`rowspan`, `<p>` paragraphs, `<br>` line breaks, `<strong>`/`<b>` and `<em>`/`<i>`. A cell
gives one printed line per paragraph or line break, with the source line it starts on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from vbhc.model import Style

_BREAKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"}  # what ends a printed line, opening or closing
_BOLD = {"strong", "b", "th"}
_ITALIC = {"em", "i"}


@dataclass
class CellLine:
    text: str
    style: Style
    number: int  # the source line (1-based, in the whole file) the printed line starts on


@dataclass
class Cell:
    row: int
    col: int  # its first grid column, after the spans of the rows above
    lines: list[CellLine] = field(default_factory=list)


class _TableParser(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.cells: list[Cell] = []
        self.row = -1
        self.col = 0
        self.taken: dict[tuple[int, int], bool] = {}  # grid slots that a rowspan from above holds
        self.cell: Cell | None = None
        self.depth = {"bold": 0, "italic": 0}
        self.pieces: list[tuple[str, bool, bool]] = []
        self.start: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.row += 1
            self.col = 0
        elif tag in ("td", "th"):
            while self.taken.get((self.row, self.col)):
                self.col += 1
            span = {k: _int(v) for k, v in attrs if k in ("colspan", "rowspan")}
            cols, rows = span.get("colspan", 1), span.get("rowspan", 1)
            for r in range(1, rows):
                for c in range(cols):
                    self.taken[(self.row + r, self.col + c)] = True
            self.cell = Cell(max(self.row, 0), self.col)
            self.cells.append(self.cell)
            self.col += cols
            if tag == "th":
                self.depth["bold"] += 1
        elif tag == "br" or tag in _BREAKS:
            self._end_line()
        if tag in _BOLD - {"th"}:
            self.depth["bold"] += 1
        elif tag in _ITALIC:
            self.depth["italic"] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BOLD:
            self.depth["bold"] = max(0, self.depth["bold"] - 1)
        elif tag in _ITALIC:
            self.depth["italic"] = max(0, self.depth["italic"] - 1)
        if tag in ("td", "th") or tag in _BREAKS:
            self._end_line()
        if tag in ("td", "th"):
            self.cell = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.cell is None or not data.strip():
            if self.cell is not None and data and self.pieces:
                self.pieces.append((" ", False, False))
            return
        if self.start is None:
            self.start = self.getpos()[0] + self.first_line - 1 + _leading_newlines(data)
        self.pieces.append((data, self.depth["bold"] > 0, self.depth["italic"] > 0))

    def _end_line(self) -> None:
        if self.cell is not None and self.pieces:
            text = " ".join("".join(p for p, _, _ in self.pieces).split())
            if text:
                visible = len(text.replace(" ", "")) or 1
                bold = sum(len(p.strip().replace(" ", "")) for p, b, _ in self.pieces if b)
                italic = sum(len(p.strip().replace(" ", "")) for p, _, i in self.pieces if i)
                self.cell.lines.append(CellLine(text, Style(bold=bold * 2 > visible, italic=italic * 2 > visible),
                                                self.start or self.first_line))
        self.pieces = []
        self.start = None


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _leading_newlines(data: str) -> int:
    return data[: len(data) - len(data.lstrip())].count("\n")


def table_cells(html: str, first_line: int) -> list[Cell]:
    """The cells of one `<table>` element written from source line `first_line` on."""
    parser = _TableParser(first_line)
    parser.feed(html)
    parser.close()
    parser._end_line()
    return [c for c in parser.cells if c.lines]
