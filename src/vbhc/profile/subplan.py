"""What a sub-plan holds, read for the plan rules: areas, targets, elements, citations, date.

One analysis per (document, profile), shared by KH001–KH006.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex as re

from vbhc import dates
from vbhc.model import Document, Node
from vbhc.profile.extract import CITATION, node_title
from vbhc.profile.keys import expand_abbreviations
from vbhc.profile.lexicon import AREAS, ELEMENT_EVIDENCE
from vbhc.profile.model import Parent, Profile, Target
from vbhc.profile.targets import extract_targets, node_texts, sentences
from vbhc.textnorm import fold

_EVIDENCE = {k: [re.compile(p) for p in v] for k, v in ELEMENT_EVIDENCE.items()}


@dataclass
class Hit:
    node: str | None
    line: int | None
    text: str
    how: str = "content"  # "heading" or "content"


@dataclass
class Citation:
    number: str
    symbol: str
    date: str | None
    text: str  # the sentence
    node: str | None = None
    line: int | None = None

    def cite(self) -> str:
        p = Parent(number=self.number, symbol=self.symbol, date=self.date)
        return p.cite() or f"{self.number}/{self.symbol}"


@dataclass
class Analysis:
    areas: dict[str, Hit] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    elements: dict[str, Hit] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)
    text_folded: str = ""


def areas_in(text: str) -> list[str]:
    """Every reform area a heading or sentence names ("Cải cách thể chế và TTHC" names two)."""
    f = fold(expand_abbreviations(text))
    return [area_id for area_id, _t, keywords in AREAS if any(fold(k) in f for k in keywords)]


def _is_heading(node: Node) -> bool:
    return bool(node.heading) or (bool(node.children) and node_title(node) is not None)


def _header_texts(doc: Document) -> Iterator[str]:
    for text in (doc.title, doc.attached_to, *doc.can_cu):
        if text:
            yield text


def analyse(doc: Document) -> Analysis:
    a = Analysis()
    folded_parts = []
    for text in _header_texts(doc):
        folded_parts.append(fold(text))
        for s in sentences(text):
            a.citations.extend(_citations(s, None, None))
    for node in doc.nodes():
        if _is_heading(node):
            for area_id in areas_in(node_title(node) or ""):
                a.areas.setdefault(area_id, Hit(node.id, node.line, node_title(node) or "", "heading"))
        if node.kind == "table" and node.rows:
            for row in node.rows:
                for cell in row:
                    if cell and len(cell.split()) <= 14:  # a group row or an "area" column
                        for area_id in areas_in(cell):
                            a.areas.setdefault(area_id, Hit(node.id, node.line, cell, "heading"))
        texts = list(node_texts(node))
        if node.heading and node.heading not in texts:
            texts.append(node.heading)  # "2. Văn phòng … báo cáo định kỳ …" parsed as a heading
        for text in texts:
            folded_parts.append(fold(text))
            for s in sentences(text):
                f = fold(s)
                for element_id, patterns in _EVIDENCE.items():
                    if element_id not in a.elements and any(p.search(f) for p in patterns):
                        a.elements[element_id] = Hit(node.id, node.line, s)
                a.citations.extend(_citations(s, node.id, node.line))
    structured = sum(1 for h in a.areas.values() if h.how == "heading") >= 2
    if not structured:  # no area headings: read the tasks themselves
        for node in doc.nodes():
            for text in node_texts(node):
                for s in sentences(text):
                    for area_id in areas_in(s):
                        a.areas.setdefault(area_id, Hit(node.id, node.line, s, "content"))
    a.targets = extract_targets(doc)
    a.text_folded = "\n".join(folded_parts)
    return a


def _citations(sentence: str, node: str | None, line: int | None) -> list[Citation]:
    out = []
    for m in CITATION.finditer(sentence):
        out.append(Citation(number=m.group("num"), symbol=re.sub(r"\s+", "", m.group("sym")),
                            date=dates.find(m.group("date")), text=sentence, node=node, line=line))
    return out


def find_parent_citation(parent: Parent, citations: list[Citation]) -> tuple[bool, Citation | None]:
    """(cited correctly, the citation meant as the parent when it is wrong)."""
    def same_symbol(a: str, b: str) -> bool:
        return fold(a).replace(" ", "") == fold(b or "").replace(" ", "")

    for c in citations:
        if c.number == parent.number and same_symbol(c.symbol, parent.symbol or "") and \
                (parent.date is None or c.date == parent.date):
            return True, None
    for c in citations:  # two of number, symbol, date right: a typo in the third
        score = (c.number == parent.number) + same_symbol(c.symbol, parent.symbol or "") + (c.date == parent.date)
        if score >= 2:
            return False, c
    title_words = "cai cach hanh chinh"
    suffix = fold((parent.symbol or "").split("-")[-1])
    for c in citations:  # a citation of "the reform plan" by the same issuer
        if title_words in fold(expand_abbreviations(c.text)) and fold(c.symbol.split("-")[-1]) == suffix \
                and (c.date or "")[:4] == (parent.date or "")[:4]:
            return False, c
    return False, None


_CACHE: dict[tuple[int, int], tuple[Document, Profile, Analysis]] = {}


def analysis_for(doc: Document, profile: Profile) -> Analysis:
    key = (id(doc), id(profile))
    hit = _CACHE.get(key)
    if hit and hit[0] is doc and hit[1] is profile:
        return hit[2]
    if len(_CACHE) > 32:
        _CACHE.clear()
    result = analyse(doc)
    _CACHE[key] = (doc, profile, result)
    return result
