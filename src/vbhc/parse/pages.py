"""What the printed page adds to the lines: a page header that holds the document's header (Word's Insert ›
Header, used by some templates) is taken back as the header; the header printed again atop every later page (that
page header printed to PDF) is left out. Run after `classify`, before the header's wraps are joined."""

from __future__ import annotations

from vbhc.model import Block, Line, LineKind
from vbhc.parse.classify import MOTTO_KINDS, classify_text


def settle(lines: list[Line], blocks: list[Block]) -> tuple[list[Line], list[int]]:
    """`lines` with the page header's lines before them where they hold the header, less the running header; and
    the pages that running header was printed again on."""
    top = page_header_lines(blocks, lines)
    return without_running_header(top + lines if top else lines, blocks)


def page_header_lines(blocks: list[Block], body: list[Line]) -> list[Line]:
    """The lines of the page header printed above the body (the blocks of part "header" before the first of the
    body) when they hold the Quốc hiệu or the Tiêu ngữ and the body before its first type name holds neither:
    a template that puts the header in Word's page header still shows it atop page 1."""
    top = []
    for i, block in enumerate(blocks):
        if block.part == "body":
            break
        if block.part == "header" and block.text.strip():
            kind, fields = classify_text(block.text)
            top.append(Line(index=i, kind=kind, fields=fields, text=block.text.strip()))
    if not any(ln.kind in MOTTO_KINDS for ln in top):
        return []
    for ln in body:
        if ln.kind in MOTTO_KINDS:
            return []
        if ln.kind == LineKind.TYPE_NAME:
            break
    return top


# A line right under a copy of the header that begins a document of its own: the copy is that document's header.
_OPENS_DOCUMENT = (LineKind.TYPE_NAME, LineKind.VV, LineKind.KINH_GUI, LineKind.SO_KY_HIEU, LineKind.PLACE_DATE)


def without_running_header(lines: list[Line], blocks: list[Block]) -> tuple[list[Line], list[int]]:
    """The lines less the header printed again atop every later page (a Word page header that holds the header,
    printed to PDF), and those pages: the first lines of page 1 repeated, line for line, at the top of every
    other page (a page number before them aside), holding the Quốc hiệu or the Tiêu ngữ but no type name, and
    followed by no line that opens a document of its own. Anything else (a file of several documents of one
    agency) is kept whole."""
    pages: dict[int, list[int]] = {}
    for k, ln in enumerate(lines):
        page = blocks[ln.index].location.page
        if page is None:
            return lines, []
        if ln.kind != LineKind.PAGE_NUMBER or page in pages:  # a page number atop its page is passed over
            pages.setdefault(page, []).append(k)
    if len(pages) < 2:
        return lines, []
    first, *later = sorted(pages)
    top = [lines[k].text for k in pages[first]]
    dropped: set[int] = set()
    for page in later:
        ks = pages[page]
        n = 0
        while n < min(len(ks), len(top)) and lines[ks[n]].text == top[n]:
            n += 1
        copy = [lines[k].kind for k in ks[:n]]
        after = lines[ks[n]].kind if n < len(ks) else None
        if not set(copy) & set(MOTTO_KINDS) or LineKind.TYPE_NAME in copy or after in _OPENS_DOCUMENT:
            return lines, []
        dropped.update(ks[:n])
    return [ln for k, ln in enumerate(lines) if k not in dropped], later
