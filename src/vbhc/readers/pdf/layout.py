"""What a line is on its page: page number, column of a two-column run; the estimated text area.

`columns` is set for every line with several segments, and for the single-segment lines of a run
that forms a two-column layout (the header at the top of a page, the signature area); see
`mark_columns`. A Block's column is then 0 or 1 by its centre against the middle of the estimated
text area (not the paper: the left margin is twice the right one in Nghị định 30).
"""

from __future__ import annotations

from typing import Any

from vbhc.readers.pdf.lines import Line

MARGIN_BAND_PT = 60.0  # page numbers live within this distance of the top or bottom edge
RUN_GAP = 2.0  # × font size: a vertical gap this large ends a two-column run

Area = tuple[float, float]  # left and right edge of the text area of one page, in points


def by_page(lines: list[Line]) -> dict[int, list[Line]]:
    out: dict[int, list[Line]] = {}
    for ln in lines:
        out.setdefault(ln.page, []).append(ln)
    return out


def _is_page_number(line: Line) -> bool:
    return len(line.segs) == 1 and line.segs[0].text.isdigit() and len(line.segs[0].text) <= 3


def mark_page_numbers(lines: list[Line], sizes: list[tuple[float, float]]) -> list[dict[str, Any]]:
    """Digit-only lines in the top/bottom band (or centred alone atop a page) are page numbers."""
    found: list[dict[str, Any]] = []
    for page, page_lines in by_page(lines).items():
        width, height = sizes[page - 1]
        for k, ln in enumerate(page_lines):
            if not _is_page_number(ln):
                continue
            seg = ln.segs[0]
            centred = abs((seg.x0 + seg.x1) / 2 - width / 2) < 0.1 * width
            if ln.top < MARGIN_BAND_PT or (k == 0 and centred):
                ln.part = "header"
            elif ln.bottom > height - MARGIN_BAND_PT or (k == len(page_lines) - 1 and centred
                                                          and ln.top > height * 0.85):
                ln.part = "footer"
            else:
                continue
            found.append({"page": page, "where": ln.part, "text": seg.text,
                          "size_pt": round(seg.size * 2) / 2})
    return found


def margins(lines: list[Line], sizes: list[tuple[float, float]]) -> dict[str, float]:
    """Estimated text area in points: extremes of the body ink over all pages."""
    top = left = right = bottom = float("inf")
    for ln in lines:
        if ln.part != "body":
            continue
        width, height = sizes[ln.page - 1]
        top = min(top, ln.top)
        bottom = min(bottom, height - ln.bottom)
        left = min(left, ln.x0)
        right = min(right, width - ln.x1)
    if top == float("inf"):
        return {"top": 0.0, "bottom": 0.0, "left": 0.0, "right": 0.0}
    return {"top": max(top, 0.0), "bottom": max(bottom, 0.0), "left": max(left, 0.0),
            "right": max(right, 0.0)}


def mark_columns(lines: list[Line], areas: list[Area]) -> None:
    """Decide which lines get `Block.column`.

    Every line with several segments does. A single-segment line does when it lies in one half
    of the page and belongs to a run of such lines (consecutive, same page, no big vertical gap)
    that forms a two-column layout: the run holds a multi-segment line or a line in the right
    half (the header at a page top, the signature area). Left-half lines before the first such
    line of a run are body text (a short last line of a paragraph above the signature) and stay
    without a column. Lines of a ruled table are left to the table.
    """
    run: list[Line] = []

    def close() -> None:
        start = next((i for i, ln in enumerate(run) if ln.columns or half(ln, areas) == 1), None)
        if start is not None:
            for ln in run[start:]:
                ln.columns = True
        run.clear()

    for ln in lines:
        if ln.part != "body" or ln.table is not None:
            continue
        if run and (ln.page != run[-1].page or ln.top - run[-1].bottom > RUN_GAP * ln.segs[0].size):
            close()
        if len(ln.segs) > 1:
            ln.columns = True
            run.append(ln)
        elif half(ln, areas) is not None:
            run.append(ln)
        else:
            close()
    close()


def half(line: Line, areas: list[Area]) -> int | None:
    """0 or 1 when a single-segment line sits clearly in the left or right half of the text area.

    A line centred on the text area ("QUYẾT ĐỊNH") or spanning the middle belongs to neither.
    """
    if len(line.segs) != 1:
        return None
    left, right = areas[line.page - 1]
    mid, span = (left + right) / 2, right - left
    seg = line.segs[0]
    centre = (seg.x0 + seg.x1) / 2
    if centre < mid - 0.1 * span and seg.x1 <= mid + 0.05 * span:
        return 0
    if centre > mid + 0.1 * span and seg.x0 >= left + 0.25 * span:
        return 1
    return None
