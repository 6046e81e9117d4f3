"""Read a parent plan into a Profile: identity, areas, targets, deadline, required elements.

Everything comes from the plan itself; the only hand-written knowledge is the vocabulary in
`lexicon.py` (area keywords, comparator words, the names of the required elements).
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc import citation, dates, rx
from vbhc.model import Document, Node, ParsedFile
from vbhc.profile.areas import first_named
from vbhc.profile.keys import indicator_key, similarity
from vbhc.profile.lexicon import (
    ELEMENT_IDS,
    ELEMENT_PHRASES,
    IMPLEMENTATION_HEADINGS,
    TASK_SECTION_HEADINGS,
)
from vbhc.profile.model import Area, Element, Parent, Profile, Reporting, Target
from vbhc.profile.targets import MATCH_THRESHOLD, extract_targets, node_texts, sentences, targets_in_sentence
from vbhc.textnorm import fold

DATE_ANY = dates.ANY


def plan_document(parsed: ParsedFile) -> tuple[int, Document]:
    """The file's first document that is a plan (Kế hoạch), else its first document."""
    for i, doc in enumerate(parsed.documents):
        if not doc.is_appendix and doc.doc_type and fold(doc.doc_type) == "ke hoach":
            return i, doc
    return 0, parsed.documents[0]


def parent_identity(parsed: ParsedFile, plan: Document) -> Parent:
    """What sub-plans cite: the decision that issued an attached plan, else the plan itself."""
    if plan.attached_to:
        c = citation.first(plan.attached_to)
        if c:
            number, symbol = c.number, f"{c.year}/{c.symbol}" if c.year else c.symbol
            decision = next((d for d in parsed.documents if d.number == number and d is not plan), None)
            doc_type = decision.doc_type if decision else c.doc_type
            return Parent(number=number, symbol=symbol, date=c.date,
                          issuer=(decision.issuer if decision else None) or plan.issuer,
                          doc_type=doc_type, title=(decision.title if decision else None) or plan.title)
    return Parent(number=plan.number, symbol=plan.symbol, date=plan.date, issuer=plan.issuer,
                  doc_type=plan.doc_type, title=plan.title)


def node_title(node: Node) -> str | None:
    """A node's heading, or its text when the text is short enough to be one ("1.1. Cải cách thể chế")."""
    if node.heading:
        return node.heading
    if node.text and len(node.text.split()) <= 16 and not node.text.rstrip().endswith((";", ",")):
        return node.text
    return None


def area_of(text: str) -> str | None:
    """The reform area a heading (or a task) names (vbhc.profile.areas); None if none."""
    name = first_named(text)
    return name.area if name else None


def find_section(doc: Document, headings: list[str]) -> Node | None:
    wanted = [fold(h) for h in headings]
    for node in doc.body:
        title = fold(node_title(node) or "")
        if title and any(title == w or title.startswith(w) for w in wanted):
            return node
    for node in doc.body:  # "II. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM"
        title = fold(node_title(node) or "")
        if title and any(w in title for w in wanted):
            return node
    return None


def parent_areas(doc: Document) -> tuple[list[Area], str | None]:
    section = find_section(doc, TASK_SECTION_HEADINGS)
    roots = section.children if section else doc.body
    areas: dict[str, Area] = {}
    for root in roots:
        for node in root.walk():
            title = node_title(node)
            if not title:
                continue
            name = first_named(title)
            if name and name.area not in areas:
                areas[name.area] = Area(id=name.area, title=title.strip().rstrip(":."), node=node.id, line=node.line,
                                        name=name.name, name_source=name.source)
    return list(areas.values()), (section.id if section else None)


def _sentences_under(nodes: list[Node]) -> Iterator[tuple[Node, str]]:
    for root in nodes:
        for node in root.walk():
            for text in node_texts(node):
                for s in sentences(text):
                    yield node, s


_DEADLINE_WORDS = rx.compile(r"\b(thoi han|truoc ngay|cham nhat|han cuoi|hoan thanh)\b")


def parent_deadline(doc: Document) -> tuple[str | None, str | None, str | None, int | None]:
    """The deadline for sub-plans: a date next to "thời hạn", "trước ngày", "chậm nhất" in section IV."""
    section = find_section(doc, IMPLEMENTATION_HEADINGS)
    scopes = [section.children] if section else []
    scopes.append(doc.body)
    for scope in scopes:
        for node, s in _sentences_under(scope):
            f = fold(s)
            if not _DEADLINE_WORDS.search(f) or "ke hoach" not in fold(node.text or "") + f:
                continue
            for m in DATE_ANY.finditer(s):
                before = fold(s[max(0, m.start() - 40):m.start()])
                if _DEADLINE_WORDS.search(before):
                    g = [x for x in m.groups() if x is not None]
                    date = dates.iso(g[0], g[1], g[2])
                    if date:
                        return date, s, node.id, node.line
    return None, None, None, None


def parent_elements(doc: Document) -> tuple[list[Element], Reporting | None]:
    """The elements every sub-plan must have, in the parent's words (IV.1.b, IV.1.c)."""
    section = find_section(doc, IMPLEMENTATION_HEADINGS)
    found: dict[str, Element] = {}
    folded = [(node, s, fold(s)) for node, s in _sentences_under(section.children if section else doc.body)]
    for element_id in ELEMENT_IDS:
        for phrase in ELEMENT_PHRASES[element_id]:  # the first phrase of the list that occurs wins
            hit = next(((node, s) for node, s, f in folded if fold(phrase) in f), None)
            if hit:
                found[element_id] = Element(id=element_id, text=hit[1], node=hit[0].id, line=hit[0].line)
                break
    reporting = None
    if "reporting" in found:
        e = found["reporting"]
        reporting = Reporting(text=e.text or "", node=e.node, line=e.line)
    if not found:  # the parent does not list them: require the usual five
        return [Element(id=e) for e in ELEMENT_IDS], reporting
    return [found[e] for e in ELEMENT_IDS if e in found], reporting


def plan_appendices(parsed: ParsedFile, index: int) -> list[Document]:
    """The appendices that follow the plan (its "Phụ lục … kèm theo Kế hoạch")."""
    out = []
    for doc in parsed.documents[index + 1:]:
        if not doc.is_appendix:
            break
        out.append(doc)
    return out


def _row_targets(row: list[str], node: Node) -> list[Target]:
    out = []
    for cell in row:
        for sentence in sentences(cell or ""):
            for t in targets_in_sentence(sentence):
                t.node, t.line, t.key = node.id, node.line, indicator_key(t.indicator)
                out.append(t)
    return out


def appendix_targets(appendices: list[Document], body: list[Target], areas: list[Area]) -> list[Target]:
    """Targets the plan states only in its assignment table ("Hằng năm mỗi cơ quan, đơn vị phải có ít
    nhất 01 sáng kiến"): those the body already states are left out. A target is placed under the
    area of its group row ("VII | Công tác chỉ đạo, điều hành"), so that it is grouped with the body's."""
    node_of = {a.id: a for a in areas}
    out: list[Target] = []
    for doc in appendices:
        for node in doc.nodes():
            area = None
            for row in node.rows or []:
                named = next((area_of(c) for c in row[:3] if c and len(c.split()) <= 14 and area_of(c)), None)
                if named and not any(_row_targets(row, node)):
                    area = node_of.get(named)
                    continue
                for t in _row_targets(row, node):
                    if area is not None:
                        t.node, t.line = area.node, area.line
                    if not any(_restates(t, b) for b in [*body, *out]):
                        out.append(t)
    return out


def _restates(t: Target, known: Target) -> bool:
    return (t.op, t.value, t.unit) == (known.op, known.value, known.unit) and \
        similarity(t.key, known.key) >= MATCH_THRESHOLD


def profile_of(parsed: ParsedFile) -> Profile:
    """The profile of a parsed parent plan."""
    index, plan = plan_document(parsed)
    areas, task_section = parent_areas(plan)
    deadline, deadline_text, deadline_node, deadline_line = parent_deadline(plan)
    elements, reporting = parent_elements(plan)
    targets = extract_targets(plan)
    targets += appendix_targets(plan_appendices(parsed, index), targets, areas)
    return Profile(parent=parent_identity(parsed, plan), areas=areas, targets=targets,
                   deadline=deadline, deadline_text=deadline_text, deadline_node=deadline_node,
                   deadline_line=deadline_line, required_elements=elements, reporting=reporting,
                   task_section=task_section, source=parsed.source.path)
