"""Full texts from legal-text sites: tables as lines of "|", `**`/`*` marks, hard wraps.

These sites export a document's header and signature tables as cells between lines that hold
only "|" (one opens or separates a cell; two in a row end a row and begin the next), hard-wrap
the text of a cell and of every paragraph, and mark bold and italic with `**` and `*`, the
marks sometimes spanning two lines ("**CỘNG HÒA XÃ HỘI\\nCHỦ NGHĨA VIỆT NAM**" is one line of the
page). Paragraphs are separated by blank lines. The reader gives back the lines of the page: a
paragraph is one block, a cell one block per printed line, with the marks kept as bold and
italic. It never changes the words.

A whole page saved as it is has no blank line at all, and the site's own text around the document:
a banner and a grid of the document's facts ("Số hiệu:", "Loại văn bản:" …) before its header, a
caption ("Quyết định 471/QĐ-UBND năm 2025 …") and lists of related documents after its last table.
Then the body is one "cell" between the header's last bar and the closing table's first; such a cell
is read as paragraphs, and the site's text around the document is kept as page header and footer
blocks (`Block.part`), which the parser leaves out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex as re

from vbhc import rx
from vbhc.model import Block, Location, Style, TablePos
from vbhc.nd30 import DOC_TYPES, QUOC_HIEU, TIEU_NGU
from vbhc.textnorm import has_letters, is_upper, letters_of

_BAR = rx.compile(r"^\s*\|\s*$")
_PIPE_ONLY_LINE = rx.compile(r"(?m)^[ \t]*\|[ \t]*$")  # _BAR, searched for in a whole text
LINE_BREAK = rx.compile(r"\r\n|\r|\n")
_MARK = rx.compile(r"\*{1,3}")
_HEADING = rx.compile(r"^#{1,6}\s+")
_PIPE_ROW = rx.compile(r"^\s*\|.*\S.*\|\s*$")
PIPE_RULE = rx.compile(  # "|---|:---:|", the rule under a table's head row
    r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QH = letters_of(QUOC_HIEU)
_TN = letters_of(TIEU_NGU)

# A line of the page that stands alone, whatever comes before or after it: a drawn rule, the
# Tiêu ngữ, "Số: …/…", "Nơi nhận:", "Lưu: …".
_WHOLE_LINE = rx.compile(r"^(?:[-_=–—.…]{3,}|Số\s*:.*/.*|Nơi\s+nhận\s*:|[-–+•]?\s*Lưu\s*:.*)$")
# What starts a new line of the page inside a paragraph, after a line that ends a sentence or
# a list item: a dash, a point ("a)", or "a." before a capital, which a rule then asks to write "a)"),
# a number, an article.
_LABEL = rx.compile(r"^(?:[-–+•]\s|[a-zđ]\)|[a-zđ]\.\s+\p{Lu}|\d{1,3}(?:\.\d{1,2})*[.)]\s|Điều\s+\d|[IVXLC]{1,7}\.\s)")
_ITEM_END = rx.compile(r"[.;:]\s*$")
_SENTENCE_END = rx.compile(r"[.;:!?…)\]”\"]\s*$")
# A place-date cut before its month or year ("Nghệ An, ngày 26" / "tháng 11 năm 2025").
_DATE_CUT = rx.compile(r",\s*ngày\s*[\d.…]*\s*(?:tháng\s*[\d.…]*\s*)?$", re.I)
_DATE_REST = rx.compile(r"^(?:tháng|năm)\b", re.I)
# The site's caption under a saved page's document: "<Loại> <số>/<ký hiệu> năm|ngày …" on a line of its own.
_CAPTION = rx.compile(r"^(?:" + "|".join(sorted(DOC_TYPES, key=len, reverse=True)) + r")\s+\d+/\S+\s+(?:năm|ngày)\s+\d")
# What the body of a document opens with, in a page with no blank line: its type name ("PHỤ LỤC 02"),
# "Kính gửi:".
_TYPE_NAMES_UPPER = "|".join(sorted((t.upper() for t in [*DOC_TYPES, "Phụ lục"]), key=len, reverse=True))
_OPENS_BODY = rx.compile(r"^(?:(?:" + _TYPE_NAMES_UPPER + r")(?:\s+[IVXLC\d]+[a-z]?)?\s*:?|Kính\s+gửi\s*:.*)$")
_PROSE_LINE = 60  # a hard-wrapped line of prose is about this long or longer; a header or list line is shorter
# "Số:" cut from its number ("Số:" / "2820/QĐ-UBND"): the cell was narrower than the line.
_NUMBER_CUT = rx.compile(r"^Số\s*:?\s*$", re.I)


def is_legal_site(text: str) -> bool:
    """The layout's own sign: lines that hold only "|" (at least one cell opened and closed)."""
    count = 0
    for _ in _PIPE_ONLY_LINE.finditer(text):
        count += 1
        if count >= 2:
            return True
    return False


@dataclass
class _Piece:
    """One raw line with its marks read: the visible text and how much of it is bold or italic."""

    text: str
    number: int
    bold: int = 0  # visible characters in bold
    italic: int = 0
    open_span: bool = False  # a bold or italic span goes on past the end of the line
    opens_marked: bool = False  # the line begins with a mark ("*(Kèm theo …", "**Điều 1. **…")

    @property
    def visible(self) -> int:
        return len(self.text.strip())


def _read_marks(lines: list[tuple[int, str]]) -> list[_Piece]:
    """Strip the marks of one paragraph or cell, tracking spans across its lines."""
    bold = italic = False
    pieces = []
    for number, raw in lines:
        raw = _HEADING.sub("", raw)
        piece = _Piece("", number, opens_marked=raw.lstrip().startswith("*"))
        out: list[str] = []
        pos = 0
        for m in [*_MARK.finditer(raw), None]:
            chunk = raw[pos:m.start()] if m else raw[pos:]
            out.append(chunk)
            piece.bold += len(chunk.strip()) if bold else 0
            piece.italic += len(chunk.strip()) if italic else 0
            if m is None:
                break
            size = len(m.group())
            bold = bold != (size >= 2)
            italic = italic != (size != 2)
            pos = m.end()
        piece.text = "".join(out)
        piece.open_span = bold or italic
        pieces.append(piece)
    return pieces


def _stands_alone(text: str) -> bool:
    t = text.strip()
    return bool(_WHOLE_LINE.match(t)) or letters_of(t) in (_QH, _TN)


_SHORT = 120  # a header component is shorter: a longer line so far is body text


def _marked(piece: _Piece) -> bool:
    """All of the line is bold or italic, and the span ends on it ("**QUYẾT ĐỊNH**", "*Căn cứ …;*")."""
    return piece.visible > 0 and not piece.open_span and max(piece.bold, piece.italic) >= piece.visible


def _opens_paragraph(prev: _Piece, head: str | None, last: str, piece: _Piece, nxt: str) -> bool:
    """In prose with no blank line: a line after one in its own marks, in or opening marks of its own,
    after a sentence's end when it begins with a capital or a label, or where capitals begin or end
    (a trích yếu in capitals, then "Thực hiện Chỉ thị …"), is a new paragraph."""
    cased = last if has_letters(last) else (head or "")  # "2030" under "… GIAI ĐOẠN 2026 -" has no case
    return _marked(prev) or _marked(piece) or piece.opens_marked or _case_turns(cased, nxt) or bool(
        _ITEM_END.search(last) and (nxt[:1].isupper() or _LABEL.match(nxt)))


def _case_turns(last: str, nxt: str) -> bool:
    """One of two lines with letters is in capitals and the other is not ("… GIAI ĐOẠN 2026 -" and
    "2030" are one trích yếu: a line of figures has no case)."""
    return has_letters(last) and has_letters(nxt) and is_upper(last) != is_upper(nxt)


def _header_line_cut(head: str, nxt: str) -> bool:
    """A Quốc hiệu, a place-date or "Số:" cut in two by a narrow cell."""
    return letters_of(head + nxt) == _QH or bool(_DATE_CUT.search(head) and _DATE_REST.match(nxt)) \
        or bool(_NUMBER_CUT.match(head))


def _continues(prev: _Piece, head: str | None, last: str, piece: _Piece, in_cell: bool,
               blankless: bool = False) -> bool:
    """Is `piece` on the same line of the page as the line being built?

    `head` is that line so far while it is short (None past _SHORT characters), `last` the text
    of its last source line: only the tail is looked at, so a paragraph of thousands of wrapped
    lines is read in linear time. `blankless`: prose of a page with no blank line, where a line
    that ends a sentence, stands in its own marks or begins with one ends or opens a paragraph too.
    """
    nxt = piece.text.strip()
    if not nxt:
        return True
    if (head is not None and _stands_alone(head)) or _stands_alone(nxt):
        return False
    if prev.open_span:
        return True
    if blankless and not in_cell and _opens_paragraph(prev, head, last, piece, nxt):
        return False
    if head is not None and _header_line_cut(head, nxt):
        return True
    if not in_cell:
        return not (_ITEM_END.search(last) and _LABEL.match(nxt))
    return nxt[0].islower() and not _ITEM_END.search(last) and not _LABEL.match(nxt)


def page_lines(lines: list[tuple[int, str]], in_cell: bool, blankless: bool = False
               ) -> Iterator[tuple[str, Style, int]]:
    """The lines of the page in one paragraph or cell: (text, style, first source line).

    A paragraph is one line of the page unless a list item starts inside it; in a cell every
    source line is a line of the page unless a mark span, a wrapped Quốc hiệu, place-date or
    "Số:" or a lowercase continuation joins it to the one before.
    """
    groups: list[list[_Piece]] = []
    head: str | None = ""
    last = ""
    for piece in _read_marks(lines):
        text = piece.text.strip()
        if groups and _continues(groups[-1][-1], head, last, piece, in_cell, blankless):
            groups[-1].append(piece)
            if text:
                head = f"{head} {text}" if head is not None and len(head) + len(text) < _SHORT else None
                last = text
        else:
            groups.append([piece])
            head = text if len(text) < _SHORT else None
            last = text
    for group in groups:
        joined = " ".join(p.text.strip() for p in group if p.text.strip())
        if joined:  # not "* *", "** **": marks around nothing
            yield joined, _style(group), group[0].number


def _style(group: list[_Piece]) -> Style:
    """Bold or italic when most of the line's visible characters are."""
    visible = sum(p.visible for p in group) or 1
    return Style(bold=sum(p.bold for p in group) * 2 > visible, italic=sum(p.italic for p in group) * 2 > visible)


# ------------------------------------------------------------------------------- tables
Cell = list[tuple[int, str]]  # the source lines between two bars: (line number, raw text)


def _column_count(cells: list[Cell]) -> int:
    """The longest run of non-empty cells: a full row (rows are parted by an empty gap)."""
    best = run = 0
    for cell in cells:
        run = run + 1 if cell else 0
        best = max(best, run)
    return max(best, 1)


def table_rows(cells: list[Cell]) -> list[list[Cell]]:
    """Cut the cells between bars into rows.

    Between two rows there is one empty slot (the closing bar of a row, the opening bar of the
    next), and an empty cell looks the same: each empty slot is read as a cell or as the gap so
    that as many rows as possible have the full `n` columns (rows of merged cells have fewer).
    """
    n = _column_count(cells)
    if len(cells) * (n + 1) > _MAX_ALIGN:
        return _greedy_rows(cells, n)
    gaps = _aligned_gaps(cells, n)
    rows: list[list[Cell]] = [[]]
    for i, cell in enumerate(cells):
        if i in gaps:
            rows.append([])
        else:
            rows[-1].append(cell)
    return [r for r in rows if r]


_MAX_ALIGN = 200_000  # slots × columns: past it (a hostile table) rows are cut greedily


def _aligned_gaps(cells: list[Cell], n: int) -> set[int]:
    """Which empty slots are gaps between rows (dynamic programming over the slots).

    Fewest rows short of n columns first, then fewest rows that open with an empty cell (a
    table's first column, the number, is rarely empty).
    """
    short = len(cells) + 1  # one short row costs more than every empty opening together
    inf = short * (len(cells) + 2)
    cost = [0] + [inf] * n  # cost[l]: the best so far with the current row holding l cells
    back: list[list[tuple[int, bool]]] = []  # back[i][l]: the row length before slot i, and "a gap"
    for cell in cells:
        nxt = [inf] * (n + 1)
        how: list[tuple[int, bool]] = [(0, False)] * (n + 1)
        if not cell:
            for length in range(1, n + 1):
                c = cost[length] + short * (length != n)
                if c < nxt[0]:
                    nxt[0], how[0] = c, (length, True)
        for length in range(n):
            c = cost[length] + (length == 0 and not cell)
            if c < nxt[length + 1]:
                nxt[length + 1], how[length + 1] = c, (length, False)
        cost = nxt
        back.append(how)
    length = min(range(n + 1), key=lambda x: cost[x] + short * (0 < x != n))
    gaps: set[int] = set()
    for i in range(len(cells) - 1, -1, -1):
        length, gap = back[i][length]
        if gap:
            gaps.add(i)
    return gaps


def _greedy_rows(cells: list[Cell], n: int) -> list[list[Cell]]:
    """Rows cut in one pass: a run of empty slots long enough fills the row, else it ends it."""
    runs = [0] * (len(cells) + 1)  # runs[i]: how many empty slots from slot i on
    for i in range(len(cells) - 1, -1, -1):
        runs[i] = 0 if cells[i] else runs[i + 1] + 1
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i = 0
    while i < len(cells):
        if cells[i] or not row:
            if len(row) == n:
                rows.append(row)
                row = []
            row.append(cells[i])
            i += 1
            continue
        empties = n - len(row) if runs[i] - 1 >= n - len(row) else 0
        row.extend([] for _ in range(empties))
        rows.append(row)
        row = []
        i += empties + 1
    if row:
        rows.append(row)
    return rows


def _table_blocks(rows: list[list[Cell]], table: int) -> Iterator[Block]:
    two_columns = max(len(r) for r in rows) == 2
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            for text, style, number in page_lines(cell, in_cell=True):
                yield Block(text=text, style=style, location=Location(line=number),
                            table=TablePos(table, r, c), column=c if two_columns else None)


def _pipe_rows(run: list[tuple[int, str]]) -> list[list[Cell]] | None:
    """A run written as a pipe table ("| a | b |" rows, "|---|---|" rules), or None."""
    if not all(_PIPE_ROW.match(raw) for _, raw in run):
        return None
    return [[[(number, cell)] if cell.strip() else [] for cell in raw.strip()[1:-1].split("|")]
            for number, raw in run if not PIPE_RULE.match(raw)]


# ------------------------------------------------------------------------------- the file
def _runs(lines: list[str], first: int = 1) -> Iterator[list[tuple[int, str]]]:
    """Runs of non-blank lines (numbered from `first`), as the blank lines part them."""
    run: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=first):
        if raw.strip():
            run.append((number, raw))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _is_prose(cell: Cell) -> bool:
    """A "cell" of a page with no blank line that is the document's body: it opens with a type name or
    "Kính gửi:", or holds several lines of hard-wrapped prose (header, list and signature lines are short)."""
    opening = _MARK.sub("", cell[0][1]).strip() if cell else ""
    return bool(_OPENS_BODY.match(opening)) or (
        len(cell) >= 6 and sum(len(raw.strip()) >= _PROSE_LINE for _, raw in cell) >= 4)


@dataclass
class _Cells:
    """The cells of one table of a run (the text between them is given as plain lines)."""

    cells: list[Cell]


def _split_run(run: list[tuple[int, str]], blankless: bool) -> Iterator[Cell | _Cells]:
    """A run of lines: the text before its first bar, the cells between its bars (as tables), the text
    after; in a page with no blank line, a cell of prose between them is text (the body)."""
    bars = [i for i, (_, raw) in enumerate(run) if _BAR.match(raw)]
    if len(bars) < 2:
        yield [line for line in run if not _BAR.match(line[1])]
        return
    yield run[:bars[0]]
    cells: list[Cell] = []
    for a, b in zip(bars, bars[1:], strict=False):
        cell = run[a + 1:b]
        if blankless and _is_prose(cell):
            if any(cells):
                yield _Cells(cells)
            yield cell
            cells = []
        else:
            cells.append(cell)
    if any(cells):
        yield _Cells(cells)
    yield run[bars[-1] + 1:]


def _end_of_content(lines: list[str]) -> int:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return end


_QH_START = rx.compile(r"^[\s*#_]*c\S{1,3}ng\b", re.I)  # "CỘNG", the Quốc hiệu's first word, in any case
_NEAR = 12  # source lines a header cell may span: the bars of the issuer's cell are this close to the Quốc hiệu


def _document_start(lines: list[str]) -> int:
    """The line that opens the header table: the bar before the issuer's cell, which is the cell before
    the Quốc hiệu's; 0 when the Quốc hiệu is not in such a table. What comes before is the site's."""
    bars: list[int] = []
    for i, raw in enumerate(lines):
        if _BAR.match(raw):
            bars.append(i)
            continue
        if len(raw) > _SHORT or not _QH_START.match(raw):  # the Quốc hiệu, or its first half
            continue
        here = letters_of(_MARK.sub("", raw))
        if here and (here == _QH or (_QH.startswith(here) and i + 1 < len(lines)
                                     and here + letters_of(_MARK.sub("", lines[i + 1])) == _QH)):
            if len(bars) >= 2 and i - bars[-1] <= 2 and bars[-1] - bars[-2] <= _NEAR:
                return bars[-2]
            return 0
    return 0


def _footer_start(lines: list[str], start: int, end: int) -> int:
    """The site's caption under the document ("Quyết định 471/QĐ-UBND năm 2025 …" right after a bar),
    where the site's own text begins; `end` when there is none."""
    for i in range(start + 1, end):
        if _CAPTION.match(lines[i].strip()) and _BAR.match(lines[i - 1]):
            return i
    return end


def _site_blocks(lines: list[str], first: int, part: str) -> Iterator[Block]:
    """The site's own text, kept line by line as page header or footer blocks."""
    for number, raw in enumerate(lines, start=first):
        text = _MARK.sub("", raw).strip()
        if text and not _BAR.match(raw):
            yield Block(text=text, location=Location(line=number), part=part)


def legal_site_blocks(text: str) -> list[Block]:
    """Blocks of a legal-text site's page (already NFC): paragraphs joined, cells as table blocks, the
    site's own text around the document as page header and footer blocks."""
    lines = LINE_BREAK.split(text)
    end = _end_of_content(lines)
    blankless = end > 1 and all(line.strip() for line in lines[:end])
    start = _document_start(lines[:end])
    stop = _footer_start(lines, start, end) if blankless else end
    blocks: list[Block] = list(_site_blocks(lines[:start], 1, "header"))
    wraps: dict[int, list[str]] = {}  # block index → its text's pieces, joined once at the end
    table = -1
    for run in _runs(lines[start:stop], first=start + 1):
        pipe_rows = _pipe_rows(run)
        if pipe_rows:
            table += 1
            blocks.extend(_table_blocks(pipe_rows, table))
            continue
        for segment in _split_run(run, blankless):
            if isinstance(segment, _Cells):
                table += 1
                blocks.extend(_table_blocks(table_rows(segment.cells), table))
                continue
            for block in _paragraph_blocks(segment, blankless):
                if blocks and _wrapped_across_blank(blocks[-1], block, wraps.get(len(blocks) - 1)):
                    wraps.setdefault(len(blocks) - 1, [blocks[-1].text]).append(block.text)
                else:
                    blocks.append(block)
    for index, pieces in wraps.items():
        blocks[index].text = " ".join(pieces)
    blocks.extend(_site_blocks(lines[stop:], stop + 1, "footer"))
    return blocks


def _wrapped_across_blank(prev: Block, block: Block, pieces: list[str] | None) -> bool:
    """"… các cơ quan, đơn vị, địa phương" / blank / "liên quan.": one sentence the blank line cut."""
    end = pieces[-1] if pieces else prev.text
    return (prev.table is None and block.table is None and not prev.style.bold and block.text[:1].islower()
            and not _SENTENCE_END.search(end[-4:]) and not _LABEL.match(block.text))


def _paragraph_blocks(lines: list[tuple[int, str]], blankless: bool = False) -> Iterator[Block]:
    for text, style, number in page_lines(lines, in_cell=False, blankless=blankless):
        yield Block(text=text, style=style, location=Location(line=number))
