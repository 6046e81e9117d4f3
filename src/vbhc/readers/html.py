"""A web page saved as a Word file: what e-office systems export as ".doc" (Word opens it as a page).

The page is read with the standard library's HTML parser, which fetches nothing (no image, style sheet or
script is loaded), and written out as the lines the text reader takes: a paragraph per line, a table row as
`| cell | cell |` with `<br>` between a cell's lines, bold and italic as `**` and `*`. The text reader does the
rest, as for a converter's Markdown; the words are never changed.
"""

from __future__ import annotations

import email
import email.policy
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from vbhc import limits
from vbhc.errors import InputError
from vbhc.fileio import read_bounded
from vbhc.model import Source
from vbhc.readers.text import HTML_MARKS, decode, lines_to_blocks

_HIDDEN = {"script", "style", "head", "title", "xml", "template"}
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "center", "dt", "dd"}
_CHARSET = re.compile(rb"<meta[^>]*charset\s*=\s*[\"']?([\w-]{2,40})", re.I)


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []  # finished lines of the page
        self.line: list[str] = []  # the line being written (outside a table, or the current cell's line)
        self.hidden = 0
        self.tables: list[tuple[list[list[str]], list[str] | None]] = []  # open tables: (rows, the cell it is in)
        self.cell: list[str] | None = None  # the current cell's lines

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """"<![if !supportLists]>" and other sections Word writes, or garbage: skipped to the next ">", never an
        AssertionError out of the standard library's parser."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return len(self.rawdata) if end < 0 else end + 1

    def parse_declaration(self, i: int) -> int:
        try:
            return super().parse_declaration(i)
        except AssertionError:
            end = self.rawdata.find(">", i + 2)
            return len(self.rawdata) if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "table":
            self._end_line()
            self.tables.append(([], self.cell))
            self.cell = None
        elif tag == "tr" and self.tables:
            self.tables[-1][0].append([])
        elif tag in ("td", "th") and self.tables:
            self._end_line()
            self.cell = []
            if tag == "th":
                self.line.append("**")
        elif tag == "br" or tag in _BLOCKS:
            self._end_line()
        elif tag in HTML_MARKS:
            self.line.append(HTML_MARKS[tag])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th") and self.tables and self.cell is not None:
            if tag == "th":
                self.line.append("**")
            self._end_line()
            rows = self.tables[-1][0]
            if not rows:
                rows.append([])
            rows[-1].append("<br>".join(self.cell).replace("|", "/"))
            self.cell = None
        elif tag == "table" and self.tables:
            self._end_line()
            rows, outer = self.tables.pop()
            if outer is not None:  # a table inside a cell: its cells are lines of that cell
                outer.extend(c for row in rows for c in row if c.strip())
                self.cell = outer
            else:
                self._emit("\n".join(f"| {' | '.join(row)} |" for row in rows if any(c.strip() for c in row)))
        elif tag in _BLOCKS:
            self._end_line()
        elif tag in HTML_MARKS:
            self.line.append(HTML_MARKS[tag])

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.line.append(data)

    def _end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        self.line = []
        if not text.strip("* "):
            return
        if self.cell is not None:
            self.cell.append(text)
        elif not self.tables:  # text of a table outside its cells is no line of the page
            self._emit(text)

    def _emit(self, text: str) -> None:
        if text:
            self.out.extend((text, ""))


def page_text(html: str) -> str:
    """The page's visible text as the text reader's lines (paragraphs apart, tables as `|` rows)."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    while parser.tables:  # a page cut short: its open cells and tables end with it
        if parser.cell is not None:
            parser.handle_endtag("td")
        parser.handle_endtag("table")
    parser._end_line()
    return "\n".join(parser.out)


def charset_of(data: bytes) -> str | None:
    """The charset the page's <meta> names ("utf-8", "windows-1258"), if it names one near its start."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def html_of_archive(data: bytes, name: str) -> str:
    """The HTML part of a page saved as one file (MHT, "Single File Web Page"), decoded as its headers say."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        html = part.get_content() if part is not None else None  # type: ignore[attr-defined]
    except Exception:  # a damaged archive: bad transfer encoding, an unknown charset, broken headers
        raise InputError(name, "trang web lưu một tệp (MHT) bị hỏng, không đọc được phần HTML") from None
    if not isinstance(html, str):
        raise InputError(name, "trang web lưu một tệp (MHT) không có phần HTML")
    return html


def read_page(path: Path, archive: bool = False) -> Source:
    """A web page saved as a Word file: its visible text, read as the text reader reads a converter's Markdown; the
    charset its <meta> names, else UTF-8 or UTF-16. `archive`: a page saved as one file (MHT), whose HTML part is
    taken out first."""
    name = str(path)
    data = read_bounded(path, limits.MAX_TEXT_BYTES, "trang web")
    if archive:
        html = html_of_archive(data, name)
    else:
        charset = charset_of(data)
        try:
            html = data.decode(charset) if charset else decode(data, name)
        except (LookupError, UnicodeDecodeError):
            raise InputError(name, f"không đọc được trang web: không giải mã được theo bảng mã “{charset}”") from None
    blocks = lines_to_blocks(page_text(unicodedata.normalize("NFC", html)), markdown=True)
    if not any(b.text.strip() for b in blocks):
        raise InputError(name, "tệp không có nội dung văn bản")
    return Source(path=name, format="text", blocks=blocks)
