"""First pass: say what each block is, without looking at its neighbours."""

from __future__ import annotations

import regex as re

from vbhc.model import Block, Fields, Line, LineKind, TypeNameField
from vbhc.nd30 import QUOC_HIEU, TIEU_NGU
from vbhc.parse.patterns import LINE_PATTERNS, TYPE_NAMES_FOLDED, TYPE_WITH_QUALIFIER
from vbhc.textnorm import fold, is_upper

_LETTERS_ONLY = re.compile(r"[^a-z]")
_QH = _LETTERS_ONLY.sub("", fold(QUOC_HIEU))
_TN = _LETTERS_ONLY.sub("", fold(TIEU_NGU))


def classify_text(text: str) -> tuple[LineKind, Fields | None]:
    """The kind of one line of text and the fields its pattern pulled out."""
    t = text.strip()
    letters = _LETTERS_ONLY.sub("", fold(t))
    if letters == _QH:
        return LineKind.QUOC_HIEU, None
    if letters == _TN:
        return LineKind.TIEU_NGU, None
    for kind, pattern, read in LINE_PATTERNS:
        m = pattern.match(t)
        if m:
            return kind, read(m)
    if is_upper(t):
        doc_type = TYPE_NAMES_FOLDED.get(fold(t))
        if doc_type:
            return LineKind.TYPE_NAME, TypeNameField(doc_type)
        m = TYPE_WITH_QUALIFIER.match(t)
        doc_type = TYPE_NAMES_FOLDED.get(fold(m["type"])) if m else None
        if m and doc_type:
            return LineKind.TYPE_NAME, TypeNameField(doc_type, rest=m["rest"])
        return LineKind.CAPS, None
    return LineKind.TEXT, None


def classify(blocks: list[Block]) -> list[Line]:
    """One Line per body block, in order; page headers and footers are left out."""
    lines = []
    for i, block in enumerate(blocks):
        if block.part != "body" or not block.text.strip():
            continue
        kind, fields = classify_text(block.text)
        lines.append(Line(index=i, kind=kind, fields=fields, text=block.text.strip()))
    return lines
