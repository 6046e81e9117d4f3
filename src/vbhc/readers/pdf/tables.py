"""Ruled tables: their cells become blocks with `Block.table`, as the .docx reader gives them.

A ruled table is drawn as thin paths (readers.pdf.chars.Ruling): collinear pieces are joined,
horizontal and vertical lines that cross or touch form a grid, and a grid with at least two
columns and two horizontal lines is a table. Its column edges are the x of its vertical lines,
its row edges the y of its horizontal lines (a merged cell keeps the rows and columns of the grid
it lies in). A printed line inside a table is cut at the column edges (each glyph goes to the
column its centre is in), and the lines of one cell make its paragraphs: a line continues the
paragraph above it in the cell unless it starts with a label ("-", "1.", "a)"), stands apart
by a paragraph's gap or changes bold or italic where it starts. A table that goes on at the top
of the next page with the same columns is the same table, its rows numbered on.

Borderless tables (the header and signature of Nghị định 30) draw no lines: they stay columns.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from vbhc.model import Block, Location, TablePos
from vbhc.readers.pdf.chars import Ruling
from vbhc.readers.pdf.layout import by_page
from vbhc.readers.pdf.lines import Line, Seg, majority_style
from vbhc.readers.pdf.paragraphs import LABEL_START, edge_style, join_text

TOUCH_PT = 2.0  # rulings this close meet
SAME_EDGE_PT = 3.0  # column edges this close on two pages are the same
PARAGRAPH_GAP = 0.8  # × size: a gap this large between two lines of a cell starts a paragraph
INSIDE = 0.5  # a line with this share of its width inside a grid belongs to it


@dataclass
class Grid:
    """One table on one page: its column edges (x) and row edges (y), in points."""

    xs: list[float]
    ys: list[float]
    lines: list[tuple[float, float, float]] = field(default_factory=list)  # vertical lines: x, top, bottom
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # horizontal lines: y, x0, x1
    table: int = 0  # the table's number in the file
    row0: int = 0  # rows of the same table on earlier pages

    def edges_at(self, y: float) -> list[float]:
        """The column edges drawn at height y: a cell merged across columns has no line inside."""
        drawn = [x for x, top, bottom in self.lines if top - TOUCH_PT <= y <= bottom + TOUCH_PT]
        return [x for x in self.xs if any(abs(x - d) <= TOUCH_PT for d in drawn)] or self.xs

    def row_at(self, x: float, y: float) -> int:
        """The grid row a cell starts in, at (x, y): a cell merged across rows has no line inside."""
        drawn = [r for r, x0, x1 in self.rules if x0 - TOUCH_PT <= x <= x1 + TOUCH_PT]
        edges = [v for v in self.ys if any(abs(v - d) <= TOUCH_PT for d in drawn)] or self.ys
        top = edges[min(max(bisect.bisect_right(edges, y) - 1, 0), max(len(edges) - 2, 0))]
        return min(range(len(self.ys)), key=lambda i: abs(self.ys[i] - top))

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


@dataclass
class TableLine:
    """A printed line inside a table: its pieces, each with the row and column of its cell."""

    grid: Grid
    cells: list[tuple[int, int, Seg]] = field(default_factory=list)


def _join(rulings: list[Ruling], horizontal: bool) -> list[Ruling]:
    """Collinear pieces (cell borders drawn cell by cell) joined into whole lines."""
    if horizontal:
        key = sorted(rulings, key=lambda r: (round((r.top + r.bottom) / 2), r.x0))
    else:
        key = sorted(rulings, key=lambda r: (round((r.x0 + r.x1) / 2), r.top))
    out: list[Ruling] = []
    for r in key:
        if out:
            p = out[-1]
            if horizontal and abs((p.top + p.bottom) / 2 - (r.top + r.bottom) / 2) <= 1.0 and r.x0 <= p.x1 + TOUCH_PT:
                p.x1 = max(p.x1, r.x1)
                continue
            if not horizontal and abs((p.x0 + p.x1) / 2 - (r.x0 + r.x1) / 2) <= 1.0 and r.top <= p.bottom + TOUCH_PT:
                p.bottom = max(p.bottom, r.bottom)
                continue
        out.append(Ruling(r.x0, r.top, r.x1, r.bottom))
    return out


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOUCH_PT:
            out.append(v)
    return out


def find_grids(rulings: list[Ruling]) -> list[Grid]:
    """The tables drawn by a page's rulings, top to bottom."""
    hs = _join([r for r in rulings if r.horizontal], True)
    vs = _join([r for r in rulings if not r.horizontal], False)
    if len(hs) < 2 or len(vs) < 2:
        return []
    parent = list(range(len(hs) + len(vs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        y = (h.top + h.bottom) / 2
        for j, v in enumerate(vs):
            x = (v.x0 + v.x1) / 2
            if h.x0 - TOUCH_PT <= x <= h.x1 + TOUCH_PT and v.top - TOUCH_PT <= y <= v.bottom + TOUCH_PT:
                parent[root(i)] = root(len(hs) + j)
    groups: dict[int, tuple[list[Ruling], list[Ruling]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(root(len(hs) + j), ([], []))[1].append(v)
    grids = []
    for group_h, group_v in groups.values():
        xs = _edges([(v.x0 + v.x1) / 2 for v in group_v])
        ys = _edges([(h.top + h.bottom) / 2 for h in group_h])
        if len(xs) >= 3 and len(ys) >= 2:
            grids.append(Grid(xs, ys, [((v.x0 + v.x1) / 2, v.top, v.bottom) for v in group_v],
                              [((h.top + h.bottom) / 2, h.x0, h.x1) for h in group_h]))
    return sorted(grids, key=lambda g: g.ys[0])


def mark_tables(lines: list[Line], pages: list[Any]) -> list[Grid]:
    """Find every page's tables; give each line inside one its `table` (a TableLine)."""
    grids: list[Grid] = []
    count = 0
    for page, page_lines in by_page(lines).items():
        found = find_grids(pages[page - 1].rulings)
        for k, grid in enumerate(found):
            prev = grids[-1] if grids else None
            if k == 0 and prev is not None and _continues(prev, grid, page_lines):
                grid.table, grid.row0 = prev.table, prev.row0 + len(prev.ys) - 1
            else:
                grid.table, count = count, count + 1
            grids.append(grid)
            for ln in page_lines:
                if ln.part == "body" and ln.table is None and _inside(ln, grid):
                    ln.table = _cut(ln, grid)
    return grids


def _continues(prev: Grid, grid: Grid, page_lines: list[Line]) -> bool:
    """The grid goes on from the last table of the previous page: same columns, nothing above."""
    if len(prev.xs) != len(grid.xs) or any(abs(a - b) > SAME_EDGE_PT for a, b in zip(prev.xs, grid.xs, strict=True)):
        return False
    return not any(ln.part == "body" and ln.bottom < grid.ys[0] for ln in page_lines)


def _inside(line: Line, grid: Grid) -> bool:
    x0, y0, x1, y1 = grid.box
    middle = (line.top + line.bottom) / 2
    if not y0 <= middle <= y1:
        return False
    width = max(line.x1 - line.x0, 1.0)
    return (min(line.x1, x1) - max(line.x0, x0)) / width >= INSIDE


def _cut(line: Line, grid: Grid) -> TableLine:
    middle = (line.top + line.bottom) / 2
    band = min(max(bisect.bisect_right(grid.ys, middle) - 1, 0), len(grid.ys) - 2)
    edges = grid.edges_at((grid.ys[band] + grid.ys[band + 1]) / 2)
    last = max(len(edges) - 2, 0)
    by_col: dict[int, list[Any]] = {}
    for seg in line.segs:
        for c in seg.chars:
            k = min(max(bisect.bisect_right(edges, (c[1] + c[2]) / 2) - 1, 0), last)
            by_col.setdefault(k, []).append(c)
    out = TableLine(grid)
    for k, chars in sorted(by_col.items()):
        if not any(not c[4].isspace() for c in chars):
            continue
        col = min(range(len(grid.xs)), key=lambda i: abs(grid.xs[i] - edges[k]))  # the grid column it starts in
        x = (edges[k] + edges[min(k + 1, len(edges) - 1)]) / 2
        out.cells.append((grid.row0 + grid.row_at(x, middle), col, Seg(chars)))
    return out


def place_cells(blocks: list[Block], lines: list[Line]) -> list[Block]:
    """The cell blocks of every table, put where the table's first line stood among `blocks`."""
    cells: dict[tuple[int, int, int], list[tuple[int, Line, Seg]]] = {}
    first: dict[int, int] = {}
    for number, ln in enumerate(lines, 1):
        if isinstance(ln.table, TableLine):
            first.setdefault(ln.table.grid.table, number)
            for row, col, seg in ln.table.cells:
                cells.setdefault((ln.table.grid.table, row, col), []).append((number, ln, seg))
    if not cells:
        return blocks
    keyed: list[tuple[tuple[int, int, int, int], Block]] = [
        ((b.location.line or 0, -1, 0, 0), b) for b in blocks]
    for (table, row, col), pieces in cells.items():
        for group in _cell_paragraphs(pieces):
            number, ln, seg = group[0]
            block = Block(
                text=join_text([s.text for _, _, s in group]),
                style=majority_style([s for _, _, s in group]),
                location=Location(line=number, page=ln.page),
                table=TablePos(table=table, row=row, col=col, borderless=False),
                x0=round(seg.x0, 2),
            )
            keyed.append(((first[table], row, col, number), block))
    keyed.sort(key=lambda kb: kb[0])
    return [b for _, b in keyed]


def _cell_paragraphs(pieces: list[tuple[int, Line, Seg]]) -> list[list[tuple[int, Line, Seg]]]:
    groups: list[list[tuple[int, Line, Seg]]] = []
    for piece in pieces:
        _, ln, seg = piece
        if groups:
            _, prev_ln, prev = groups[-1][-1]
            size = max(seg.size, prev.size)
            close = prev_ln.page == ln.page and seg.top - prev.bottom < PARAGRAPH_GAP * size
            same = abs(seg.size - prev.size) <= 0.6 and edge_style(prev.chars[::-1]) == edge_style(seg.chars)
            if close and same and not LABEL_START.match(seg.text):
                groups[-1].append(piece)
                continue
        groups.append([piece])
    return groups
