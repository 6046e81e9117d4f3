"""Count the labelled units of a .docx with python-docx alone, independent of vbhc.

Used once to write the gold counts in nd30-2020.yaml; kept so the counts can be re-derived:

    .venv/bin/python corpus/gold/count_docx.py ../shared/corpus/nd30-2020/docx/nd30-2020-phuluc*.docx

Only body paragraphs outside tables are counted (tables are samples and forms, which vbhc keeps
as table nodes). A label is the paragraph's visible text start; a paragraph that carries Word
numbering (w:numPr directly or through its style, numId != 0, a level with non-empty lvlText)
gets its rendered label from numbering.xml, and is reported so the count can be checked by eye.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import docx
from docx.oxml.ns import qn

PATTERNS = [
    ("part", re.compile(r"^(Phần|PHẦN)\s+([IVXLC]+|thứ\s+\w+|THỨ\s+\w+)\s*[.:]?\s*([A-ZĐ][^a-zđ]*)?$")),
    ("chapter", re.compile(r"^(Chương|CHƯƠNG)\s+[IVXLC]+\b")),
    ("muc", re.compile(r"^(Mục|MỤC)\s+\d+\b")),
    ("article", re.compile(r"^(Điều|ĐIỀU)\s+\d+\s*\.")),
    ("roman", re.compile(r"^[IVXLC]+\s*\.\s*\S")),
    ("decimal", re.compile(r"^\d+(\.\d+)*\s*\.\s*\S")),
    ("point", re.compile(r"^[a-zđ]\s*\)")),
]


def numbering_levels(document) -> dict[tuple[str, str], tuple[str, str]]:
    """(numId, ilvl) -> (numFmt, lvlText) from numbering.xml."""
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # no numbering part
        return {}
    abstract = {}
    for an in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in an.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            text = lvl.find(qn("w:lvlText"))
            levels[lvl.get(qn("w:ilvl"))] = (
                fmt.get(qn("w:val")) if fmt is not None else "",
                text.get(qn("w:val")) if text is not None else "",
            )
        abstract[an.get(qn("w:abstractNumId"))] = levels
    out = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        for ilvl, v in abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}).items():
            out[(num.get(qn("w:numId")), ilvl)] = v
    return out


def num_pr(paragraph, styles) -> tuple[str, str] | None:
    ppr = paragraph._p.pPr
    el = ppr.find(qn("w:numPr")) if ppr is not None else None
    style = paragraph.style
    while el is None and style is not None:
        sppr = style.element.find(qn("w:pPr"))
        el = sppr.find(qn("w:numPr")) if sppr is not None else None
        style = style.base_style
    if el is None:
        return None
    num_id = el.find(qn("w:numId"))
    ilvl = el.find(qn("w:ilvl"))
    nid = num_id.get(qn("w:val")) if num_id is not None else None
    if nid in (None, "0"):
        return None
    return nid, ilvl.get(qn("w:val")) if ilvl is not None else "0"


def count(path: str) -> tuple[Counter, list[str]]:
    document = docx.Document(path)
    levels = numbering_levels(document)
    counts: Counter = Counter()
    numbered: list[str] = []
    for paragraph in document.paragraphs:  # body paragraphs only, not table cells
        text = paragraph.text.strip()
        pr = num_pr(paragraph, document.styles)
        if pr and levels.get(pr, ("", ""))[1]:
            numbered.append(f"{levels[pr]} {text[:50]}")
        for kind, pattern in PATTERNS:
            if pattern.match(text):
                counts[kind] += 1
                break
    return counts, numbered


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        c, numbered = count(arg)
        print(arg, dict(sorted(c.items())))
        for n in numbered:
            print("   numbered:", n)
