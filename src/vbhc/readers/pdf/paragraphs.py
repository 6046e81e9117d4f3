"""Printed lines → paragraphs → Blocks, so a PDF parses like the .docx it was printed from.

Word and LibreOffice wrap a paragraph into full lines. A line continues the paragraph above it
when: both are single-segment body lines outside a column run, same size; it starts at the
body's left edge (or, inside a paragraph, where the previous continuation line started); it
follows closely (no more than the page's usual gap between lines, plus a little); it does not
start with a label ("1.", "a)", "-", "Điều 2.") unless a parenthesis above is still open ("(2024 /
- 2029)"); its first glyph has the bold of the last glyph above (a bold heading ends where plain text
starts), and its italic too unless the line above ends inside a sentence (an italic aside may begin a
line); and the previous line was full: the first word of this line would not have fit in what was left
of it before the right edge. A paragraph that goes on over a page break
continues on the first body line of the next page the same way. A word cut after its hyphen
("NĐ-" / "CP") is joined without a space.
"""

from __future__ import annotations

from collections import Counter

from vbhc import rx
from vbhc.model import Block, Location
from vbhc.readers.pdf.chars import BOLD, DRAWN_TWICE, Char
from vbhc.readers.pdf.fonts import family
from vbhc.readers.pdf.layout import Area, by_page
from vbhc.readers.pdf.lines import SHEAR_ITALIC, SPACE_GAP, Line, Seg, majority_style, style
from vbhc.textnorm import fold

LABEL_START = rx.compile(r"^(?:Điều\s+\d|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+)\b|[IVXLC]+\.\s|"
                         r"\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[-–+•*]\s|Nơi nhận|Căn cứ|Theo đề nghị|Kính gửi)")
EDGE_TOL = 0.5  # × size: a line starting this close to the left edge starts at it
GAP_SLACK = 0.3  # × size: added to the page's usual gap between lines
GAP_MIN = 0.45  # × size: the usual gap is at least this (single spacing, glyph boxes touching)
GAP_MAX = 1.2  # × size: never join across a gap wider than this
FIT_SLACK = 0.5  # × size: what is left at the right of a full line, besides the next word
SUPPORT = 0.05  # an edge is "frequent" when this share of lines (and at least 2) share it


def body_edges(lines: list[Line], sizes: list[tuple[float, float]], areas: list[Area]) -> dict[int, Area]:
    """The body text's left and right edges per page, from the lines of pages of its paper size.

    The left edge is the leftmost x0 shared by enough lines (a lone header line further left does
    not move it); the right edge the rightmost shared x1 (justified text). Without shared edges
    (ragged text, few lines) the page's estimated text area stands.
    """
    groups: dict[tuple[int, int], list[Line]] = {}
    for ln in lines:
        if ln.part == "body" and len(ln.segs) == 1 and not ln.columns and ln.table is None:
            w, h = sizes[ln.page - 1]
            groups.setdefault((round(w), round(h)), []).append(ln)
    edges: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    for key, group in groups.items():
        need = max(2, int(SUPPORT * len(group)))
        edges[key] = (_frequent([ln.x0 for ln in group], need), _frequent([ln.x1 for ln in group], need))
    out: dict[int, Area] = {}
    for page in range(1, len(sizes) + 1):
        w, h = sizes[page - 1]
        starts, ends = edges.get((round(w), round(h)), ([], []))
        left, right = areas[page - 1]
        out[page] = (float(starts[0]) if starts else left, float(ends[-1]) if ends else right)
    return out


def _frequent(values: list[float], need: int) -> list[int]:
    """The values (rounded to 1 pt) that at least `need` values share within 1.5 pt, in order."""
    counts = Counter(round(v) for v in values)
    return sorted(k for k in counts if counts[k] + counts.get(k - 1, 0) + counts.get(k + 1, 0) >= need)


def usual_gaps(lines: list[Line]) -> dict[int, float]:
    """Per page, the most common gap between a body line's bottom and the next line's top."""
    out: dict[int, float] = {}
    for page, page_lines in by_page(lines).items():
        body = [ln for ln in page_lines if ln.part == "body"]
        gaps = Counter(round((b.top - a.bottom) * 2) / 2 for a, b in zip(body, body[1:], strict=False)
                       if 0 <= b.top - a.bottom < 2 * max(a.size, b.size))
        if gaps:
            out[page] = gaps.most_common(1)[0][0]
    return out


def first_word(seg: Seg) -> float:
    """Width of the first word of a segment, in points (up to its first space or gap)."""
    start = prev = None
    for c in seg.chars:
        if c[4].isspace():
            if start is not None:
                break
            continue
        if start is None:
            start = c
        elif prev is not None and c[1] - prev[2] > SPACE_GAP * c[6]:
            break
        prev = c
    if start is None or prev is None:
        return 0.0
    return prev[2] - start[1]


def edge_style(chars: list[Char]) -> tuple[bool, bool]:
    """(bold, italic) of one glyph: where a paragraph's style would change at a line break."""
    c = next((c for c in chars if not c[4].isspace()), chars[0])
    _, bold, italic = family(c[5])
    return bold or bool(c[8] & (BOLD | DRAWN_TWICE)), italic or abs(c[7]) > SHEAR_ITALIC


class Joiner:
    """Decides, line after line, whether a line continues the paragraph above it."""

    def __init__(self, lines: list[Line], sizes: list[tuple[float, float]], areas: list[Area]):
        self.edges = body_edges(lines, sizes, areas)
        self.area_left = {page: area[0] for page, area in enumerate(areas, 1)}
        self.gaps = usual_gaps(lines)
        self.last_on_page = {(ln.page, ln.part): ln for ln in lines}
        self.first_on_page: dict[tuple[int, str], Line] = {}
        for ln in lines:
            self.first_on_page.setdefault((ln.page, ln.part), ln)

    def continues(self, group: list[Line], nxt: Line) -> bool:
        prev = group[-1]
        if not _joinable(prev) or not _joinable(nxt) or prev.part != nxt.part:
            return False
        a, b = prev.segs[0], nxt.segs[0]
        size = max(a.size, b.size)
        if abs(a.size - b.size) > 0.6 or (LABEL_START.match(b.text) and not _open_parenthesis(group)):
            return False
        left, right = self.edges[nxt.page]
        if right - left < 20 * size:  # too narrow to judge
            return False
        # at the body's edge, or at the page's text edge: in a short page whose paragraphs start indented
        # the one line that wraps may be the only line there ("Điều 1. … hành chính" / "năm 2026.")
        at_left = min(abs(b.x0 - left), abs(b.x0 - self.area_left.get(nxt.page, left))) <= EDGE_TOL * size
        hanging = len(group) > 1 and abs(b.x0 - group[-1].x0) <= EDGE_TOL * size and b.x0 > left
        if not (at_left or hanging):
            return False
        _, prev_right = self.edges[prev.page]
        if prev_right - a.x1 > first_word(b) + SPACE_GAP * size * 2 + FIT_SLACK * size:
            return False  # the next word would have fit: the line was ended by hand
        if not self._close(prev, nxt, size):
            return False
        (bold_a, italic_a), (bold_b, italic_b) = edge_style(a.chars[::-1]), edge_style(b.chars)
        # an italic aside ("(sau đây viết tắt là CCHC)") may begin a line inside a sentence; a paragraph ends
        # where its sentence does, so a change of italic alone after a line without an end mark is no end
        return bold_a == bold_b and (italic_a == italic_b or not _SENTENCE_END.search(a.text))

    def _close(self, prev: Line, nxt: Line, size: float) -> bool:
        if nxt.page == prev.page:
            usual = max(self.gaps.get(nxt.page, 0.0), GAP_MIN * size)
            limit = min(usual + GAP_SLACK * size, GAP_MAX * size)
            return 0 <= nxt.top - prev.bottom <= limit
        return (nxt.page == prev.page + 1 and self.last_on_page.get((prev.page, prev.part)) is prev
                and self.first_on_page.get((nxt.page, nxt.part)) is nxt)


JOINED_PARTS = ("body", "footnote")
_SENTENCE_END = rx.compile(r"[.;:!?…][\s)\]”\"']*$")  # as parse.build's: a line that ends its sentence


def _open_parenthesis(group: list[Line]) -> bool:
    """The paragraph so far has a parenthesis it has not closed ("nhiệm kỳ V (2024" / "- 2029) và …"): what
    follows it is inside the sentence, whatever it starts with."""
    text = " ".join(ln.segs[0].text for ln in group)
    return text.count("(") > text.count(")")


def _joinable(line: Line) -> bool:
    return line.part in JOINED_PARTS and len(line.segs) == 1 and not line.columns and line.table is None


def paragraphs(lines: list[Line], sizes: list[tuple[float, float]], areas: list[Area]) -> list[list[Line]]:
    """Group the lines of wrapped paragraphs, body and footnotes apart. Page numbers stay groups
    of their own and do not break a paragraph that goes on across them, nor do footnotes."""
    joiner = Joiner(lines, sizes, areas)
    groups: list[list[Line]] = []
    current: dict[str, list[Line]] = {}
    for ln in lines:
        if ln.part not in JOINED_PARTS:
            groups.append([ln])
            continue
        group = current.get(ln.part)
        if group is not None and joiner.continues(group, ln):
            group.append(ln)
            continue
        current[ln.part] = [ln]
        groups.append(current[ln.part])
    return groups


def join_text(texts: list[str]) -> str:
    """Lines of one paragraph as one text; a word cut after its hyphen joins without a space."""
    out = texts[0].strip()
    for t in texts[1:]:
        t = t.strip()
        if out.endswith("-") and len(out) > 1 and out[-2].isalnum() and t[:1].isalnum():
            out += t
        else:
            out += " " + t
    return out


NOI_NHAN = rx.compile(r"^noi\s+nhan\b")  # folded: "Nơi nhận", "NƠI NHẬN", "Noi nhan"


class _NoiNhan:
    """The left column's lines from "Nơi nhận:" on, while the lines have two columns: an item the
    column was too narrow for goes on at the item's left edge without a dash ("- Các sở, ngành: TC; XD;
    …; YT;" / "KHCN, TP, GD&ĐT, NV, Thanh tra tỉnh;"), as Word wraps it; such a line is the item's."""

    def __init__(self, groups: list[list[Line]], mid_of: dict[int, float]):
        self.right: dict[int, float] = {}  # id of the "Nơi nhận" line → its column's rightmost x1
        run: list[Seg] = []
        start: Line | None = None
        for group in groups:
            ln = group[0]
            if len(group) > 1 or not ln.columns or ln.table is not None:
                if start is not None and run:
                    self.right[id(start)] = max(seg.x1 for seg in run)
                start, run = None, []
                continue
            left = [seg for seg in ln.segs if (seg.x0 + seg.x1) / 2 < mid_of[ln.page]]
            if left and start is None and NOI_NHAN.match(fold(left[0].text)):
                start = ln
            if start is not None:
                run += left
        if start is not None and run:
            self.right[id(start)] = max(seg.x1 for seg in run)
        self.limit: float | None = None
        self.last: tuple[Seg, Block] | None = None

    def enter(self, ln: Line) -> None:
        if id(ln) in self.right:
            self.limit, self.last = self.right[id(ln)], None
        elif not ln.columns:
            self.limit, self.last = None, None

    def wrapped(self, seg: Seg) -> Block | None:
        """The item block `seg` goes on, or None."""
        if self.limit is None or self.last is None:
            return None
        prev, block = self.last
        size = max(prev.size, seg.size)
        full = prev.x1 + first_word(seg) + SPACE_GAP * size * 2 + FIT_SLACK * size >= self.limit
        if full and abs(seg.x0 - prev.x0) <= EDGE_TOL * size and abs(prev.size - seg.size) <= 0.6 \
                and not LABEL_START.match(seg.text) and 0 <= seg.top - prev.bottom <= GAP_MAX * size:
            return block
        return None

    def add(self, seg: Seg, block: Block) -> None:
        if self.limit is not None:
            self.last = (seg, block)


def blocks(lines: list[Line], areas: list[Area], sizes: list[tuple[float, float]]) -> list[Block]:
    """One Block per paragraph or segment outside tables, in reading order; running line numbers
    across the file.

    A column is 0 or 1 by the segment's centre against the middle of the estimated text area; a
    Nơi nhận item wrapped in its column is one Block (`_NoiNhan`).
    """
    out: list[Block] = []
    numbers = {id(ln): n for n, ln in enumerate(lines, 1)}
    groups = paragraphs(lines, sizes, areas)
    noi_nhan = _NoiNhan(groups, {p: (a + b) / 2 for p, (a, b) in enumerate(areas, 1)})
    for group in groups:
        ln = group[0]
        noi_nhan.enter(ln)
        if ln.table is not None:
            continue  # a table's cells are placed by readers.pdf.tables
        number = numbers[id(ln)]
        area_left, area_right = areas[ln.page - 1]
        if len(group) > 1:
            out.append(Block(
                text=join_text([g.segs[0].text for g in group]),
                style=majority_style([g.segs[0] for g in group]),
                location=Location(line=number, page=ln.page),
                x0=round(ln.x0, 2),
                part=ln.part,
            ))
            continue
        mid = (area_left + area_right) / 2
        for seg in ln.segs:
            column = (0 if (seg.x0 + seg.x1) / 2 < mid else 1) if ln.columns else None
            if column == 0:
                item = noi_nhan.wrapped(seg)
                if item is not None:
                    item.text = join_text([item.text, seg.text])
                    noi_nhan.add(seg, item)
                    continue
            st = style(seg)
            if column is None and ln.part == "body" and len(ln.segs) == 1:
                gap_l, gap_r = seg.x0 - area_left, area_right - seg.x1
                if min(gap_l, gap_r) > 6.0 and abs(gap_l - gap_r) <= max(3.0, 0.03 * (area_right - area_left)):
                    st.align = "center"
            out.append(Block(
                text=seg.text,
                style=st,
                location=Location(line=number, page=ln.page),
                column=column,
                x0=round(seg.x0, 2),
                part=ln.part,
            ))
            if column == 0:
                noi_nhan.add(seg, out[-1])
    return out
