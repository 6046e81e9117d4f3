"""What a sub-plan holds, read against its parent's profile: the plan summary.

`analyse(doc)` reads the sub-plan alone (areas it names, targets, elements, citations);
`summarise(parsed, profile)` compares that with the profile, once per file: the plan rules
KH001–KH008, the audit and its reports read the resulting `PlanSummary`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import regex as re

from vbhc import ids, rx
from vbhc.citation import Citation, find_all
from vbhc.model import Document, Node, ParsedFile
from vbhc.profile.areas import named
from vbhc.profile.extract import node_title, plan_document
from vbhc.profile.keys import expand_abbreviations
from vbhc.profile.kinds import Kind, kind_of, level_of, province_of, same_province
from vbhc.profile.lexicon import (
    ELEMENT_EVIDENCE,
    EVERY_LEVEL,
    NOT_SECTOR_AFTER,
    PROVINCE_HEAD_WORDS,
    PROVINCE_ONLY,
    SECTOR_WORDS,
)
from vbhc.profile.model import Parent, Profile, Target
from vbhc.profile.summary import (
    AreaCheck,
    CitationCheck,
    DatesCheck,
    ElementCheck,
    NotApplicableReason,
    PlanSummary,
    TargetCheck,
    TargetSpec,
)
from vbhc.profile.targets import extract_targets, match_targets, node_texts, satisfies, sentences
from vbhc.textnorm import fold

# One alternation per element: a sentence is evidence when any of its patterns is found (one compile, one
# search, instead of up to nine).
_EVIDENCE = {k: rx.compile("|".join(f"(?:{p})" for p in v)) for k, v in ELEMENT_EVIDENCE.items()}


@dataclass
class Hit:
    node: str | None
    line: int | None
    text: str
    how: str = "content"  # "heading" or "content"


@dataclass
class Cited:
    """A citation found in the sub-plan, and where."""

    citation: Citation
    text: str  # the sentence
    node: str | None = None
    line: int | None = None

    def cite(self) -> str:
        return self.citation.cite()


@dataclass
class Analysis:
    areas: dict[str, Hit] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    elements: dict[str, Hit] = field(default_factory=dict)
    citations: list[Cited] = field(default_factory=list)
    text_folded: str = ""


def areas_in(text: str) -> list[str]:
    """Every reform area a heading or sentence names ("Cải cách thể chế và TTHC" names two)."""
    return [name.area for name in named(text)]


def _is_heading(node: Node) -> bool:
    return bool(node.heading) or (bool(node.children) and node_title(node) is not None)


def _header_texts(doc: Document) -> Iterator[str]:
    for text in (doc.title, doc.attached_to, *doc.can_cu):
        if text:
            yield text


def _heading_areas(a: Analysis, node: Node) -> None:
    """Areas a heading names, or the short cells of a table (a group row, an "area" column)."""
    if _is_heading(node):
        for area_id in areas_in(node_title(node) or ""):
            a.areas.setdefault(area_id, Hit(node.id, node.line, node_title(node) or "", "heading"))
    if node.kind == "table" and node.rows:
        for cell in (c for row in node.rows for c in row if c and len(c.split()) <= 14):
            for area_id in areas_in(cell):
                a.areas.setdefault(area_id, Hit(node.id, node.line, cell, "heading"))


def _read_sentences(a: Analysis, node: Node, folded_parts: list[str]) -> None:
    """Elements and citations in a node's sentences."""
    texts = list(node_texts(node))
    if node.heading and node.heading not in texts:
        texts.append(node.heading)  # "2. Văn phòng … báo cáo định kỳ …" parsed as a heading
    for text in texts:
        folded_parts.append(fold(text))
        for s in sentences(text):
            f = fold(s)
            for element_id, pattern in _EVIDENCE.items():
                if element_id not in a.elements and pattern.search(f):
                    a.elements[element_id] = Hit(node.id, node.line, s)
            a.citations.extend(_citations(s, node.id, node.line))


def _content_areas(a: Analysis, doc: Document) -> None:
    """A plan without area headings: the areas its tasks name."""
    for node in doc.nodes():
        for s in (s for text in node_texts(node) for s in sentences(text)):
            for area_id in areas_in(s):
                a.areas.setdefault(area_id, Hit(node.id, node.line, s, "content"))


def analyse(doc: Document) -> Analysis:
    """What the sub-plan holds, read alone: areas it names, elements, citations, targets."""
    a = Analysis()
    folded_parts = []
    for text in _header_texts(doc):
        folded_parts.append(fold(text))
        for s in sentences(text):
            a.citations.extend(_citations(s, None, None))
    for node in doc.nodes():
        _heading_areas(a, node)
        _read_sentences(a, node, folded_parts)
    if sum(1 for h in a.areas.values() if h.how == "heading") < 2:
        _content_areas(a, doc)
    a.targets = extract_targets(doc, keyed=False)  # keyed against the parent's words when matched
    a.text_folded = "\n".join(folded_parts)
    return a


def _citations(sentence: str, node: str | None, line: int | None) -> list[Cited]:
    return [Cited(c, sentence, node, line) for c in find_all(sentence)]


def _symbol(c: Citation) -> str:
    return fold(f"{c.year}/{c.symbol}" if c.year else c.symbol).replace(" ", "")


def find_parent_citation(parent: Parent, citations: list[Cited]) -> tuple[bool, Cited | None]:
    """(cited correctly, the citation meant as the parent when it is wrong)."""
    wanted = fold(parent.symbol or "").replace(" ", "")

    def same_symbol(c: Citation) -> bool:
        return _symbol(c) == wanted or fold(c.symbol).replace(" ", "") == wanted

    for hit in citations:
        c = hit.citation
        if c.number == parent.number and same_symbol(c) and (parent.date is None or c.date == parent.date):
            return True, None
    for hit in citations:  # two of number, symbol, date right: a typo in the third (or no date)
        c = hit.citation
        if (c.number == parent.number) + same_symbol(c) + (c.date == parent.date) >= 2:
            return False, hit
    title_words = "cai cach hanh chinh"
    suffix = wanted.split("-")[-1]
    for hit in citations:  # a citation of "the reform plan" by the same issuer
        c = hit.citation
        if title_words in fold(expand_abbreviations(hit.text)) and fold(c.symbol).split("-")[-1] == suffix \
                and c.date and c.date[:4] == (parent.date or "")[:4] and not other_issuer(c.issuer, parent.issuer):
            return False, hit
    return False, None


def other_issuer(cited: str | None, parent: str | None) -> bool:
    """A citation that names its issuer, and not the parent's: "Kế hoạch số 12/KH-UBND … của UBND xã" (the
    commune's own plan) or "… của UBND tỉnh Lâm Đồng" against the Nghệ An plan is no miscitation of the
    parent, whatever its symbol and year."""
    if not cited or not parent:
        return False
    if level_of(cited) != level_of(parent):
        return True
    province, parent_province = province_of([cited]), province_of([parent])
    if province is None or parent_province is None:
        return False
    return not same_province(province, parent_province)


# --- the summary -------------------------------------------------------------------------------

def _spec(t: Target) -> TargetSpec:
    return TargetSpec(indicator=t.indicator, op=t.op, value=t.value, unit=t.unit, key=t.key, text=t.text,
                      node=t.node, line=t.line)


_SECTORS = [fold(w) for w in SECTOR_WORDS]
_NOT_SECTOR_AFTER = "|".join(fold(x) for x in NOT_SECTOR_AFTER)


@cache
def _sector_pattern(word: str) -> re.Pattern[str]:
    """Compiled when a text first holds the word: most runs meet only a few of the sectors."""
    return rx.compile(rf"\b{word}\b(?!\s+(?:{_NOT_SECTOR_AFTER})\b)")


def sectors_in(text: str) -> list[str]:
    """The sectors (folded) a text names: "đất đai", "y tế" …, not "môi trường điện tử"."""
    f = fold(text)
    return [word for word in _SECTORS if word in f and _sector_pattern(word).search(f)]


def _foreign_sector(indicator: str, text_folded: str) -> bool:
    """A target of a sector (đất đai, y tế …) that the sub-plan never mentions."""
    sectors = sectors_in(indicator)
    return bool(sectors) and not any(s in text_folded for s in sectors)


_PROVINCE_ONLY = rx.compile("|".join(PROVINCE_ONLY))
_EVERY_LEVEL = rx.compile("|".join(EVERY_LEVEL))


def province_only(indicator: str) -> bool:
    """A target of the province itself ("98% văn bản QPPL của tỉnh được ban hành"): the province names
    the thing counted, at the head of the indicator. Not "… hồ sơ giải quyết TTHC của tỉnh" (every unit's
    dossiers count), nor a target that names the commune level or every level too."""
    f = fold(indicator)
    head = " ".join(f.split()[:PROVINCE_HEAD_WORDS + 2])
    return bool(_PROVINCE_ONLY.search(head)) and not _EVERY_LEVEL.search(f)


def _not_asked(parent: Target, analysis: Analysis, kind: Kind, level: str | None) -> NotApplicableReason | None:
    if kind.kind == "thematic":
        return "thematic"
    if level in ("xa", "so") and province_only(parent.indicator):
        return "province"
    if _foreign_sector(parent.indicator, analysis.text_folded):
        return "sector"
    return None


def _group(profile: Profile, node: str | None) -> tuple[str | None, str | None]:
    """(area id, group node) of a parent target: the area whose section holds it, else its top section."""
    for area in profile.areas:
        if area.node and node and (node == area.node or node.startswith(area.node + "__")):
            return area.id, area.node
    return None, (node.split("__")[0] if node else None)


def target_checks(profile: Profile, analysis: Analysis, kind: Kind, level: str | None = None) -> list[TargetCheck]:
    """Each parent target with what the sub-plan committed and whether it meets it."""
    out = []
    for parent, found, score in match_targets(profile.targets, analysis.targets):
        area, group = _group(profile, parent.node)
        if found is not None:
            met = satisfies(parent.op, parent.value, found.op, found.value)
            check = TargetCheck(parent=_spec(parent), status="met" if met else "weaker", found=_spec(found),
                                score=round(score, 3))
        else:
            reason = _not_asked(parent, analysis, kind, level)
            check = TargetCheck(parent=_spec(parent), status="not_applicable" if reason else "not_addressed",
                                reason=reason)
        check.area, check.group = area, group
        out.append(check)
    return out


def area_checks(profile: Profile, analysis: Analysis, kind: Kind) -> list[AreaCheck]:
    out = []
    for area in profile.areas:
        hit = analysis.areas.get(area.id)
        out.append(AreaCheck(id=area.id, title=area.title, covered=hit is not None, required=kind.kind == "full",
                             parent_node=area.node,
                             node=hit.node if hit else None, line=hit.line if hit else None,
                             section=ids.describe(hit.node) if hit else None,
                             name_found=hit.text if hit else None, how=hit.how if hit else None))
    return out


def issued_date(parsed: ParsedFile, index: int) -> str | None:
    """The plan's date; an attached plan is issued with the decision before it."""
    doc = parsed.documents[index]
    if doc.date is None and doc.attached_to:
        return next((d.date for d in reversed(parsed.documents[:index]) if d.date), None)
    return doc.date


def dates_check(issued: str | None, deadline: str | None) -> DatesCheck:
    if not issued or not deadline:
        return DatesCheck(issued=issued, deadline=deadline)
    days = (dt.date.fromisoformat(issued) - dt.date.fromisoformat(deadline)).days
    return DatesCheck(issued=issued, deadline=deadline, on_time=days <= 0, days_late=max(days, 0))


def citation_check(parent: Parent, analysis: Analysis) -> CitationCheck:
    expected = parent.cite()
    if not expected:
        return CitationCheck()
    ok, wrong = find_parent_citation(parent, analysis.citations)
    if ok:
        return CitationCheck(expected=expected, found=expected, ok=True)
    if wrong is None:
        return CitationCheck(expected=expected, ok=False)
    return CitationCheck(expected=expected, found=wrong.cite(), ok=False, node=wrong.node, line=wrong.line)


def element_checks(profile: Profile, analysis: Analysis) -> list[ElementCheck]:
    out = []
    for element in profile.required_elements:
        hit = analysis.elements.get(element.id)
        out.append(ElementCheck(id=element.id, found=hit is not None, node=hit.node if hit else None,
                                line=hit.line if hit else None, text=hit.text if hit else None))
    return out


def summarise(parsed: ParsedFile, profile: Profile, kind: str | None = None) -> PlanSummary | None:
    """The plan summary of a parsed file against its parent's profile; None when the file is empty.

    `kind` ("full" or "thematic") is what the officer said; without it vbhc reads it from the plan.
    A thematic plan is not asked for the areas, the targets it does not state, or the deadline the
    parent sets for the units' own plans."""
    if not parsed.documents:
        return None
    index, doc = plan_document(parsed)
    analysis = analyse(doc)
    plan_kind = kind_of(doc, kind)
    level = level_of(doc.issuer)
    deadline = profile.deadline if plan_kind.kind == "full" else None
    return PlanSummary(
        document=index, parent=profile.parent.short(), kind=plan_kind.kind, kind_told=plan_kind.told,  # type: ignore[arg-type]
        kind_reason=plan_kind.reason, theme=plan_kind.theme, level=level,
        province=province_of([doc.issuer, doc.parent_issuer]), parent_province=province_of([profile.parent.issuer]),
        areas=area_checks(profile, analysis, plan_kind), targets=target_checks(profile, analysis, plan_kind, level),
        dates=dates_check(issued_date(parsed, index), deadline),
        citation=citation_check(profile.parent, analysis), elements=element_checks(profile, analysis))
