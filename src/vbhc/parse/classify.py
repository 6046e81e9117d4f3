"""First pass: say what each block is, without looking at its neighbours."""

from __future__ import annotations

from typing import Any

import regex as re

from vbhc.model import Block, Line
from vbhc.nd30 import QUOC_HIEU, TIEU_NGU
from vbhc.parse.patterns import LINE_PATTERNS, TYPE_NAMES_FOLDED
from vbhc.textnorm import fold, is_upper

_LETTERS_ONLY = re.compile(r"[^a-z]")
_QH = _LETTERS_ONLY.sub("", fold(QUOC_HIEU))
_TN = _LETTERS_ONLY.sub("", fold(TIEU_NGU))


def classify_text(text: str) -> tuple[str, dict[str, Any]]:
    """The kind of one line of text and the fields its pattern pulled out."""
    t = text.strip()
    letters = _LETTERS_ONLY.sub("", fold(t))
    if letters == _QH:
        return "quoc_hieu", {}
    if letters == _TN:
        return "tieu_ngu", {}
    for kind, pattern in LINE_PATTERNS:
        m = pattern.match(t)
        if m:
            return kind, {k: v for k, v in m.groupdict().items() if v is not None}
    if is_upper(t):
        doc_type = TYPE_NAMES_FOLDED.get(fold(t))
        if doc_type:
            return "type_name", {"doc_type": doc_type}
        return "caps", {}
    return "text", {}


def classify(blocks: list[Block]) -> list[Line]:
    """One Line per body block, in order; page headers and footers are left out."""
    lines = []
    for i, block in enumerate(blocks):
        if block.part != "body" or not block.text.strip():
            continue
        kind, fields = classify_text(block.text)
        lines.append(Line(index=i, kind=kind, fields=fields))
    return lines
