"""The reader's paragraphs and blocks found again in the XML.

The reader numbers the paragraphs of the body as it walks them (`Block.location.paragraph`):
`paragraphs` walks the body the same way and returns the same elements in the same order. A
paragraph's visible characters (`Stream`) are its runs' text as the reader joins it, each
character tied to the w:t that holds it; a block is found in its paragraph's stream by its text
(an automatic number's label, which no run holds, is skipped).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lxml import etree

from vbhc.model import Block
from vbhc.readers.docx.names import (
    BLOCK_CONTAINERS,
    BR,
    CR,
    NBH,
    PTAB,
    RPR,
    SYM,
    TAB,
    TBL,
    TC,
    TCPR,
    TR,
    VAL,
    P,
    T,
    w,
)
from vbhc.readers.docx.walker import children, runs, text_boxes

_V_MERGE, _VANISH, _CHAR = w("vMerge"), w("vanish"), w("char")
_SHOWN = {TAB: "\t", PTAB: "\t", NBH: "-", BR: "\n", CR: "\n"}
LABEL_MAX = 24  # characters of an automatic number's label ("1.1.1.", "Điều 12.", "a)" and its tab)


def paragraphs(body: etree._Element) -> list[etree._Element]:
    """Every paragraph the reader counts, in its order: `paragraphs(body)[n - 1]` is paragraph n."""
    out: list[etree._Element] = []

    def walk(parent: etree._Element) -> None:
        for el in parent:
            if el.tag == P:
                out.append(el)
                for r in runs(el):
                    if not _hidden(r):
                        for box in text_boxes(r):
                            walk(box)
            elif el.tag == TBL:
                table(el)
            elif el.tag in BLOCK_CONTAINERS:
                walk(el)

    def table(tbl: etree._Element) -> None:
        for row in children(tbl, TR):
            for tc in children(row, TC):
                if _continued(tc):  # a vertically merged continuation: counted, never shown
                    out.extend(tc.iter(P))
                else:
                    walk(tc)

    walk(body)
    return out


def _continued(tc: etree._Element) -> bool:
    tcpr = next((el for el in tc if el.tag == TCPR), None)
    vm = next((el for el in tcpr if el.tag == _V_MERGE), None) if tcpr is not None else None
    return vm is not None and (vm.get(VAL) or "continue") == "continue"


def _hidden(run: etree._Element) -> bool:
    rpr = next((el for el in run if el.tag == RPR), None)
    vanish = next((el for el in rpr if el.tag == _VANISH), None) if rpr is not None else None
    return vanish is not None and (vanish.get(VAL) or "true").lower() not in ("0", "false", "off")


@dataclass(frozen=True)
class Char:
    """One visible character: its run, and the w:t and index holding it (None: not editable text,
    such as a tab, a line break, a symbol, or text the reader normalised)."""

    run: etree._Element
    t: etree._Element | None
    offset: int | None


@dataclass
class Stream:
    """A paragraph's visible characters, in order, each tied to where it is in the XML."""

    text: str
    chars: list[Char]


def stream(p: etree._Element) -> Stream:
    parts: list[str] = []
    chars: list[Char] = []
    for r in runs(p):
        if _hidden(r):
            continue
        for el in r:
            tag = el.tag
            if tag == T:
                raw = el.text or ""
                shown = unicodedata.normalize("NFC", raw)
                exact = shown == raw
                parts.append(shown)
                chars.extend(Char(r, el, i if exact else None) for i in range(len(shown)))
            elif tag in _SHOWN:
                parts.append(_SHOWN[tag])
                chars.append(Char(r, None, None))
            elif tag == SYM:
                try:
                    parts.append(chr(int(el.get(_CHAR) or "", 16)))
                    chars.append(Char(r, None, None))
                except (ValueError, OverflowError):
                    pass
    return Stream("".join(parts), chars)


@dataclass(frozen=True)
class Span:
    """Where a block's text is in its paragraph's stream; `skip` characters of the block's text
    (an automatic number's label) are in no run."""

    paragraph: int  # index into `paragraphs(body)`
    start: int
    end: int
    skip: int = 0

    def position(self, offset: int) -> int | None:
        """The stream position of the character at `offset` of the block's text (None: in the label)."""
        return self.start + offset - self.skip if offset >= self.skip else None


def spans(text: str, blocks: list[tuple[int, Block]], paragraph: int) -> dict[int, Span]:
    """The spans of one paragraph's blocks (block index → span), found in order; a block whose
    text is not in the runs (legacy fonts converted, hidden by a style) has none."""
    out: dict[int, Span] = {}
    cursor = 0
    for index, block in blocks:
        t = block.text
        for skip in range(min(len(t), LABEL_MAX) if block.auto_number else 1):
            piece = t[skip:]
            if not piece.strip():
                break
            at = text.find(piece, cursor)
            if at >= 0:
                out[index] = Span(paragraph, at, at + len(piece), skip)
                cursor = at + len(piece)
                break
    return out
