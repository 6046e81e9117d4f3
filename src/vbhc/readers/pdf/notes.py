"""Footnotes and notes at the foot of a page, and stamps in the page margins: not the body.

Word sets footnotes at the page foot in smaller type, under a short rule (the separator: a
horizontal line from the left edge of the text, about a quarter of its width), each opening with
its number raised. Read as body text they became Nơi nhận items or body paragraphs and drew size
and punctuation errors; they get part "footnote", which the parser leaves out. A page's
footnotes are:
- the lines under a separator, when every one of them is smaller than the page's body text;
- without a separator, the run of smaller lines closing the page whose first line opens with a
  raised number or asterisk.

An e-signing system may also stamp its own notes in the page margin ("Cơ quan phát hành: …"):
a line made only of stamped glyphs (see readers.pdf.chars) within the top or bottom band of the
page is part "header" or "footer", like a page number.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from vbhc.readers.pdf.chars import STAMP
from vbhc.readers.pdf.layout import MARGIN_BAND_PT, by_page
from vbhc.readers.pdf.lines import Line

SEPARATOR_MIN = 0.08  # × page width: a footnote separator is at least this long
SEPARATOR_MAX = 0.45  # … and at most this (Word's is 2 inches: 0.24 of an A4 page)
SEPARATOR_LOW = 0.4  # × page height: it lies below this
EDGE_EM = 1.5  # × size: it starts this close to the left edge of the notes under it
SMALLER_PT = 0.5  # a note is at least this much smaller than the page's body text
SCRIPT = 0.85  # a raised footnote number is smaller than this × its line's size
MARKERS = "*"


def _main_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for ln in lines:
        for seg in ln.segs:
            sizes[round(seg.size * 2) / 2] += len(seg.chars)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def mark_footnotes(lines: list[Line], pages: list[Any]) -> None:
    """Set part "footnote" on the footnote lines of every page (see the module docstring)."""
    for page, page_lines in by_page(lines).items():
        body = [ln for ln in page_lines if ln.part == "body"]
        if len(body) < 2:
            continue
        data = pages[page - 1]
        start = _under_separator(body, data)
        if start is None:
            start = _marked_tail(body)
        if start is not None:
            for ln in body[start:]:
                ln.part = "footnote"


def _under_separator(body: list[Line], data: Any) -> int | None:
    """Index of the first line under a footnote separator, or None. The notes are compared with
    the body text above the separator."""
    for rule in sorted((r for r in data.rulings if r.horizontal), key=lambda r: r.top):
        share = (rule.x1 - rule.x0) / data.width
        if rule.top < SEPARATOR_LOW * data.height or not SEPARATOR_MIN <= share <= SEPARATOR_MAX:
            continue
        below = [k for k, ln in enumerate(body) if ln.top >= rule.bottom]
        if not below or below[0] == 0:
            continue
        notes = body[below[0]:]
        above = body[below[0] - 1]
        main = _main_size(body[:below[0]])
        if rule.top - above.bottom < 0.2 * main:  # a rule touching the text above underlines it
            continue
        if all(ln.size <= main - SMALLER_PT for ln in notes) and abs(notes[0].x0 - rule.x0) <= EDGE_EM * main + (
                notes[0].x0 - min(ln.x0 for ln in notes)):
            return below[0]
    return None


def _marked_tail(body: list[Line]) -> int | None:
    """Index of the first line of a run of lines closing the page, opened by a raised number and
    all smaller than the body text above the run, or None."""
    for k in range(1, len(body)):
        if not _opens_with_marker(body[k]):
            continue
        main = _main_size(body[:k])
        if all(ln.size <= main - SMALLER_PT for ln in body[k:]):
            return k
    return None


def _opens_with_marker(line: Line) -> bool:
    first = next((c for c in line.segs[0].chars if not c[4].isspace()), None)
    return (first is not None and (first[4].isdigit() or first[4] in MARKERS)
            and first[6] < SCRIPT * line.size)


def mark_margin_stamps(lines: list[Line], sizes: list[tuple[float, float]]) -> None:
    """A stamped line in the top or bottom band of its page is a page header or footer."""
    for ln in lines:
        if ln.part != "body":
            continue
        glyphs = [c for seg in ln.segs for c in seg.chars if not c[4].isspace()]
        if not glyphs or not all(c[8] & STAMP for c in glyphs):
            continue
        height = sizes[ln.page - 1][1]
        if ln.bottom < MARGIN_BAND_PT:
            ln.part = "header"
        elif ln.top > height - MARGIN_BAND_PT:
            ln.part = "footer"
