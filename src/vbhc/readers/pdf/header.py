"""A header line that holds both columns but too close to be cut by the usual gap.

The two header columns of Nghị định 30 are two table cells; on a printed line their texts stand
apart by the gap between the cells, usually wide enough to cut the line into two segments. When
the agency name is long ("THỦ TƯỚNG CHÍNH PHỦ" beside "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), the gap
can be narrower than a segment cut (1.5 em), and the issuer would be read as both. So a
single-segment line is cut at its widest gap (at least CUT_MIN em, between visible glyphs) when
what follows the gap is what only the right column holds: the Quốc hiệu, the Tiêu ngữ or the
place and date ("Hà Nội, ngày …"), and what precedes it ends in the left half of the page.
"""

from __future__ import annotations

from vbhc import rx
from vbhc.readers.pdf.layout import Area
from vbhc.readers.pdf.lines import Line, Seg
from vbhc.textnorm import fold

CUT_MIN = 0.8  # × size: the narrowest gap a header line is cut at
RIGHT_COLUMN = rx.compile(r"^(?:cong hoa xa hoi|doc lap\s*[-–]|[\w .]{2,40}, ngay\b)")
MENTIONS = rx.compile(r"cong hoa xa hoi|doc lap|, ngay\b")  # a line worth looking at


def _right_column(text: str) -> bool:
    return bool(RIGHT_COLUMN.match(fold(text).replace("ð", "d")))


def split_header_lines(lines: list[Line], areas: list[Area]) -> list[Line]:
    """Cut the lines described above into their two segments, in place; returns the lines."""
    for ln in lines:
        if ln.part != "body" or len(ln.segs) != 1 or ln.table is not None:
            continue
        if not MENTIONS.search(fold(ln.segs[0].text).replace("ð", "d")):
            continue
        cut = _cut(ln.segs[0], areas[ln.page - 1])
        if cut is not None:
            ln.segs = cut
    return lines


def _cut(seg: Seg, area: Area) -> list[Seg] | None:
    visible = [(k, c) for k, c in enumerate(seg.chars) if not c[4].isspace()]
    best = None
    for (_, a), (k, b) in zip(visible, visible[1:], strict=False):
        gap = b[1] - a[2]
        if gap >= CUT_MIN * max(a[6], b[6]) and (best is None or gap > best[0]):
            best = (gap, k, a)
    if best is None:
        return None
    _, k, last = best
    left, right = area
    if last[2] > (left + right) / 2:
        return None
    head, tail = seg.chars[:k], seg.chars[k:]
    first, second = Seg(head), Seg(tail)
    if not _right_column(second.text):
        return None
    return [first, second]
