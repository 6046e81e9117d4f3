"""Lines that a narrow header column wrapped, joined back before the document is built.

A PDF, a .doc or a legal-text site prints each header column line by line, and the two columns
interleave: "V/v góp ý dự thảo Kế hoạch kiểm" (left), "Lâm Đồng, ngày" (right), "tháng 01 năm
2026" (right), "tra cải cách hành chính năm 2026" (left). Read in order, the V/v is cut after its
first line and a draft's date, split where its day is left blank, is no date at all. Within one
column of a two-column layout (`Block.column`), a V/v takes the plain lines under it until the
column holds something else, a place-date cut after "ngày" or "tháng" takes the pieces that
complete it ("Hà Nội, ngày" + "tháng" + "năm 2025" where the signing system stamps day and month),
and a Quốc hiệu or Tiêu ngữ too long for its cell takes the rest of it ("… CHỦ NGHĨA VIỆT" + "NAM").
Text with no columns (a PDF's text as pdftotext gives it) cuts the same pieces apart line after
line: a place-date takes the pieces right after it, "Số: 779" the "/QĐ-UBND" under it (past the Quốc
hiệu and Tiêu ngữ when the columns are printed one after the other), a V/v its next source line.
A PDF that cut one printed line at a draft's wide blank day ("Hưng Nguyên, ngày" | "tháng 7 năm 2025", two
segments side by side) gets it back whole too. The joined line keeps its first block's index and lists the
others in `Line.more`.
"""

from __future__ import annotations

import regex as re

from vbhc import rx
from vbhc.model import Block, Line, LineKind, RestField
from vbhc.parse.classify import MOTTO_KINDS, classify_text

# The start of a place-date whose rest is on the next line: "Lâm Đồng, ngày", "Hà Nội, ngày 5 tháng".
_DATE_START = rx.compile(r"^\p{L}[\p{L} .'’-]{0,50}?,?\s*ngày(?:\s*[\d.…]*)?(?:\s*tháng(?:\s*[\d.…]*)?)?\s*$", re.I)


def _continues_vv(open_line: Line, line: Line) -> bool:
    return open_line.kind == LineKind.VV and line.kind == LineKind.TEXT and any(c.isalpha() for c in line.text)


def _completes_date(open_line: Line, line: Line) -> bool:
    if open_line.kind != LineKind.TEXT or not _DATE_START.match(open_line.text):
        return False
    joined = f"{open_line.text} {line.text}"
    return bool(_DATE_START.match(joined)) or classify_text(joined)[0] == LineKind.PLACE_DATE


# "Số: 779" or "Số:" whose symbol ("/QĐ-UBND") a text extraction put on a line of its own.
_NUMBER_OPEN = rx.compile(r"^Số\s*:?\s*[\d.…]*\s*$", re.I)


def _completes_number(open_line: Line, line: Line) -> bool:
    return open_line.kind == LineKind.TEXT and bool(_NUMBER_OPEN.match(open_line.text)) \
        and bool(_SYMBOL_ALONE.match(line.text)) and classify_text(_glued(open_line, line))[0] == LineKind.SO_KY_HIEU


_SYMBOL_ALONE = rx.compile(r"^\s*/\s*[\p{Lu}\d][\p{Lu}\d/&.-]*\s*$")  # "/QĐ-UBND", "/2025/QĐ-UBND": no word of prose


def _glued(open_line: Line, line: Line) -> str:
    """The number and its symbol as one: the cut between them is the extraction's, not a space the writer typed
    ("Số:" left blank for the number keeps its gap: "Số: /BTP-BTTP")."""
    head = open_line.text.rstrip()
    return f"{head}{' ' if head.endswith(':') else ''}{line.text.lstrip()}"


def _completes_motto(open_line: Line, line: Line) -> bool:
    """"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM": a Quốc hiệu (or Tiêu ngữ) the cell was too narrow for."""
    return open_line.kind in (LineKind.TEXT, LineKind.CAPS) and line.kind in (LineKind.TEXT, LineKind.CAPS) \
        and classify_text(f"{open_line.text} {line.text}")[0] in MOTTO_KINDS


def _join(open_line: Line, line: Line) -> Line:
    text = _glued(open_line, line) if _completes_number(open_line, line) else f"{open_line.text} {line.text}"
    kind, fields = classify_text(text)
    if open_line.kind == LineKind.VV and isinstance(open_line.fields, RestField):
        kind, fields = LineKind.VV, RestField(rest=f"{open_line.fields.rest} {line.text}")
    return Line(index=open_line.index, kind=kind, fields=fields, text=text,
                more=(*open_line.more, line.index))


def join_header_wraps(lines: list[Line], blocks: list[Block]) -> list[Line]:
    """`lines` with wrapped V/v and place-date lines of a two-column layout joined, in order."""
    out: list[Line] = []
    open_at: dict[int, int] = {}  # column → position in `out` of the line that may continue there
    for line in lines:
        column = blocks[line.index].column
        if column is None:
            vv = open_at.get(0)
            if vv is not None and _continues_vv(out[vv], line) and line.text[:1].islower():
                out[vv] = _join(out[vv], line)  # a V/v's next line under its column, alone on its line
                continue
            open_at.clear()
            at = _text_piece_of(out, line, blocks)
            if at is not None:
                out[at] = _join(out[at], line)
                continue
            out.append(line)
            continue
        at = open_at.get(column)
        if at is not None and (_continues_vv(out[at], line) or _completes_date(out[at], line)
                               or _completes_motto(out[at], line)):
            out[at] = _join(out[at], line)
            continue
        if out and _on_one_printed_line(blocks, out[-1], line) and _completes_date(out[-1], line):
            out[-1] = _join(out[-1], line)  # the blank day was wide enough to cut the line into two segments
            continue
        open_at[column] = len(out)
        out.append(line)
    return out


def _on_one_printed_line(blocks: list[Block], before: Line, line: Line) -> bool:
    """`line` stands on the same printed line as `before`'s last piece, to its right (a PDF cuts a line where
    its glyphs stand far apart: at a column's edge, and at a draft's blank "ngày      tháng")."""
    last, here = blocks[(before.more or (before.index,))[-1]], blocks[line.index]
    return (here.location.line is not None and here.location.line == last.location.line
            and here.location.page == last.location.page and (here.column or 0) > (last.column or 0))


_BETWEEN_NUMBER_AND_SYMBOL = (LineKind.QUOC_HIEU, LineKind.TIEU_NGU, LineKind.RULE)
_NEAR_LINES = 4  # how far back a number waits for its symbol: the Quốc hiệu, the Tiêu ngữ and their rule


def _text_piece_of(out: list[Line], line: Line, blocks: list[Block]) -> int | None:
    """In text with no columns, the line `line` completes: the one right before it (a place-date's next
    piece, "Số: 779" and its "/QĐ-UBND", a V/v's next source line when it opens with a capital, which
    the builder would not take: "V/v đề nghị hướng dẫn hợp nhất" / "Đoàn Luật sư khi …", and any next line of
    the V/v's own Word paragraph), or a "Số:" a
    few lines up with only the Quốc hiệu and Tiêu ngữ between (the two columns printed one after the other)."""
    before = out[-1] if out and blocks[out[-1].index].column is None else None
    if before is None:
        return None
    vv_goes_on = _continues_vv(before, line) and (
        (line.text[:1].isupper() and _next_source_line(blocks, before, line)) or _same_paragraph(blocks, before, line))
    if _completes_date(before, line) or _completes_number(before, line) or vv_goes_on:
        return len(out) - 1
    for at in range(len(out) - 1, max(-1, len(out) - 2 - _NEAR_LINES), -1):
        if out[at].kind not in _BETWEEN_NUMBER_AND_SYMBOL:
            return at if _completes_number(out[at], line) else None
    return None


def _same_paragraph(blocks: list[Block], before: Line, line: Line) -> bool:
    """`line` is the next line of `before`'s Word paragraph (a line break in it: a .docx made from a PDF keeps a
    V/v's printed lines so)."""
    last, here = blocks[(before.more or (before.index,))[-1]].location, blocks[line.index].location
    return here.paragraph is not None and here.paragraph == last.paragraph


def _next_source_line(blocks: list[Block], before: Line, line: Line) -> bool:
    """`line` is on the source line right under `before`'s last one (a text file's lines; no blank between)."""
    last = blocks[(before.more or (before.index,))[-1]].location.line
    here = blocks[line.index].location.line
    return last is not None and here == last + 1
