"""`vbhc draft`: the skeleton of a sub-plan, drafted from the parent plan's profile.

Everything comes from the profile (and, when it can be read, the parent plan itself): the
citation of the parent, its reform areas, its targets, its tasks, its solutions and its
reporting line. Nothing about one province is written here. The draft is a spec of the same
shape the templates render (see `vbhc.generate.template`), so it gets the same labels, ids, punctuation
and .docx layout.

What the agency must still decide is marked `[ĐIỀN: …]` (PLACEHOLDER): the signer, who leads
and who helps with each task, deadlines, outputs. Placeholders never sit where a format rule
of Nghị định 30/2020 would read them as an error: the number is left blank for the văn thư
("Số:      /KH-STP"), the date is a real date.

The draft is tailored to the agency (`--level so|xa`):
- tasks: when the parent has an assignment table (Phụ lục "Phân công thực hiện"), the tasks it gives
  the agency to lead, by name or by a group it belongs to ("các sở, ban, ngành", "UBND các xã"), and
  those it helps with, with their outputs and deadlines (`vbhc.profile.assignments`); else the task
  points under each area that concern its level (`concerns`, on folded text: a task that names the
  commune level and not the provincial one is left out of a department's plan, and the reverse), and
  not those another named agency leads ("Giao Công an tỉnh …");
- targets: all the parent's, except the province's own ("98% văn bản QPPL của tỉnh") and, for a
  department, those of a sector it does not work in (land-use satisfaction for a justice department);
- scope: "trên địa bàn tỉnh", "của cơ quan, đơn vị, địa phương", "các cơ quan, đơn vị, địa phương" are
  rewritten as the agency's own.
What only the agency can decide is marked `[ĐIỀN: …]`, once where one answer serves many (who leads
each area's tasks), with what to put; deadlines and outputs the parent does not give are written as
the usual "Trong năm …" and "Báo cáo kết quả thực hiện", for the agency to change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex as re

from vbhc import rx
from vbhc.errors import VbhcError
from vbhc.generate.placeholder import PLACEHOLDER_OPEN, PLACEHOLDER_RE
from vbhc.model import Document, Node
from vbhc.profile.assignments import Assignment
from vbhc.profile.model import Area, Profile, Target
from vbhc.textnorm import fold, squash

Level = Literal["so", "xa"]

TASK_HEADERS = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"]

# Level words, matched on folded text (see the module's docstring).
_XA_WORDS = rx.compile(r"\b(?:cap xa|xa, phuong|phuong, xa|ubnd xa|uy ban nhan dan xa)\b")
_TINH_WORDS = rx.compile(r"\b(?:cap tinh|cua tinh|dia ban tinh|so, nganh|so, ban, nganh|cac so|ubnd tinh"
                         r"|uy ban nhan dan tinh)\b|\btinh(?=\s*[;,.)]|\s*$)")
_COMMUNE = rx.compile(r"^(?:(?:ủy|uỷ)\s+ban\s+nhân\s+dân|ubnd)?\s*(?P<unit>xã|phường|đặc\s+khu)\s+(?P<name>.+)$",
                      re.I)
_LOCAL = rx.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+(?P<rest>.+)$")
_PLACE_UNITS = ("THÀNH PHỐ", "TỈNH", "XÃ", "PHƯỜNG", "ĐẶC KHU")
_YEAR = rx.compile(r"\bnăm\s+(\d{4})\b")
_REPORT_VIA = rx.compile(r"\(\s*qua\s+(?P<office>[^)]+?)\s*\)", re.I)
_LABEL = rx.compile(r"^\s*(?:[-–+•]\s*)?(?:[a-zđ]\)|\d+(?:\.\d+)*\.)\s+", re.I)


def blank(what: str) -> str:
    """A placeholder nobody can miss: "[ĐIỀN: đơn vị chủ trì]"."""
    return f"{PLACEHOLDER_OPEN} {what}]"


def count_placeholders(documents: list[Document]) -> int:
    """How many `[ĐIỀN: …]` a drafted file holds (header, body, tables, closing)."""
    texts: list[str] = []
    for doc in documents:
        texts += [doc.title or "", doc.enacting_authority or "", doc.storage or "", *doc.can_cu, *doc.recipients]
        if doc.signature:
            texts += [doc.signature.signer or "", *doc.signature.positions]
        for node in doc.nodes():
            texts += [node.heading or "", node.text or ""]
            for row in node.rows or []:
                texts += row
    return sum(len(PLACEHOLDER_RE.findall(t)) for t in texts)


class DraftError(VbhcError):
    """Options that cannot make a draft (one Vietnamese sentence)."""


@dataclass
class Agency:
    """Who issues the sub-plan, in every form the draft needs."""

    name: str  # as a sentence names it: "Sở Tư pháp", "Ủy ban nhân dân xã Nghi Lộc"
    level: Level
    issuer: str  # header, bold: "SỞ TƯ PHÁP", "ỦY BAN NHÂN DÂN\nXÃ NGHI LỘC"
    parent_issuer: str | None  # header, above the issuer: "UBND TỈNH NGHỆ AN"
    abbr: str  # "STP", "UBND"
    place: str  # "Nghệ An", "Nghi Lộc"
    short: str  # how the plan calls its own agency: "Sở", "Ủy ban nhân dân xã"
    head: str | None  # signing position when known: "GIÁM ĐỐC", "CHỦ TỊCH"
    units: str  # who carries out the tasks: "Các phòng, đơn vị thuộc Sở"


@dataclass
class Draft:
    documents: list[Document]
    agency: Agency
    warnings: list[str] = field(default_factory=list)

    @property
    def placeholders(self) -> int:
        return count_placeholders(self.documents)


# --- names ---------------------------------------------------------------------------------

def _title_words(upper: str) -> str:
    """ "NGHỆ AN" → "Nghệ An"."""
    return " ".join(w[:1] + w[1:].lower() for w in upper.split())


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w and w[0].isalpha()).upper()


_COMMUNE_WORD = rx.compile(r"\b(?:xa|phuong|dac khu)\b")
_TRONG_DO = rx.compile(r"^\s*(?:Trong đó|trong đó)\s*,?\s*")
_AGENCY_KIND = rx.compile(r"^(?:so|ban|van phong)\s+")
_SENTENCE_BREAK = rx.compile(r"(?<=[.;])\s+")


def guess_level(agency: str) -> Level:
    f = fold(agency)
    return "xa" if _COMMUNE.match(agency.strip()) or _COMMUNE_WORD.search(f) else "so"


def _region(parent_issuer: str | None) -> tuple[str | None, str | None]:
    """("TỈNH NGHỆ AN", "NGHỆ AN") from the parent's issuer "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"."""
    local = _LOCAL.match(squash(parent_issuer or "").upper())
    region = local.group("rest") if local else None
    for place_unit in _PLACE_UNITS:
        if region and region.startswith(place_unit + " "):
            return region, region[len(place_unit) + 1:]
    return region, region


def _commune(name: str, abbr: str | None, place: str | None, region_place: str) -> Agency:
    m = _COMMUNE.match(name)
    unit, commune = (m.group("unit").lower(), m.group("name").strip()) if m else (None, None)
    if unit and commune:
        text = f"Ủy ban nhân dân {unit} {commune}"
        issuer = f"ỦY BAN NHÂN DÂN\n{unit.upper()} {commune.upper()}"
        default_place: str | None = commune
    else:
        text, issuer, default_place = name, name.upper(), None
    short = f"Ủy ban nhân dân {unit}" if unit else text
    return Agency(name=text, level="xa", issuer=issuer, parent_issuer=None, abbr=abbr or "UBND",
                  place=place or default_place or region_place, short=short, head="CHỦ TỊCH",
                  units=f"Các công chức chuyên môn, bộ phận thuộc {short}")


def agency_of(name: str, parent_issuer: str | None, level: Level | None = None, abbr: str | None = None,
              place: str | None = None) -> Agency:
    """The sub-plan's agency from what the officer typed and the parent's issuer."""
    from vbhc.writers.docx import agency_in_text

    name = squash(name or "")
    if not name:
        raise DraftError("thiếu tên cơ quan (--agency, ví dụ \"Sở Tư pháp\" hoặc \"xã Nghi Lộc\")")
    level = level or guess_level(name)
    region, region_name = _region(parent_issuer)
    region_place = _title_words(region_name) if region_name else ""
    if name.isupper():
        name = agency_in_text(name)
    if level == "xa":
        return _commune(name, abbr, place, region_place)
    text = name[:1].upper() + name[1:]
    words = text.split()
    is_so = fold(words[0]) == "so" if words else False
    default_abbr = ("S" + _initials(" ".join(words[1:]))) if is_so else _initials(text)
    return Agency(name=text, level="so", issuer=text.upper(),
                  parent_issuer=f"UBND {region}" if region else None,
                  abbr=abbr or default_abbr, place=place or region_place,
                  short="Sở" if is_so else text, head="GIÁM ĐỐC" if is_so else None,
                  units=f"Các phòng, đơn vị thuộc {'Sở' if is_so else text}")


# --- reading the parent --------------------------------------------------------------------

@dataclass
class ParentPlan:
    """The parent plan itself and the rows of its assignment table."""

    plan: Document
    assignments: list[Assignment] = field(default_factory=list)


def parent_plan(profile: Profile, against: str | None = None,
                profile_path: str | None = None) -> ParentPlan | None:
    """The parent plan itself (for its tasks and solutions): the file given, else the profile's
    `source` (as written, then beside the profile file); None when it cannot be read."""
    from vbhc.parse import parse_file
    from vbhc.profile.assignments import plan_assignments
    from vbhc.profile.extract import plan_appendices, plan_document

    candidates: list[Path] = []
    if against:
        candidates.append(Path(against))
    elif profile.source:
        candidates.append(Path(profile.source))
        if profile_path:
            candidates.append(Path(profile_path).parent / profile.source)
    for path in candidates:
        if not path.is_file():
            continue
        try:
            parsed = parse_file(path)
        except Exception:  # the draft still has every area; only the parent's wording is missing
            continue
        if parsed.documents:
            index, plan = plan_document(parsed)
            return ParentPlan(plan, plan_assignments(plan_appendices(parsed, index)))
    return None


def _find(doc: Document, node_id: str | None) -> Node | None:
    if not node_id:
        return None
    return next((n for n in doc.nodes() if n.id == node_id), None)


def _clean_task(text: str) -> str:
    text = _LABEL.sub("", squash(text))
    return text.rstrip(" ;,.")


def concerns(text: str, level: Level) -> bool:
    """Does a parent task concern this level of government? (see the module's docstring)"""
    f = fold(text)
    xa, tinh = bool(_XA_WORDS.search(f)), bool(_TINH_WORDS.search(f))
    if level == "so":
        return not (xa and not tinh)
    return not (tinh and not xa)


@dataclass
class Task:
    """One task of the draft: what, and (from the parent's table) its output, deadline and who leads it
    when the agency only helps."""

    text: str
    output: str | None = None
    deadline: str | None = None
    lead: str | None = None  # the parent's lead when the agency is a partner


_NAMED_LEAD = rx.compile(r"^(?:giao\s+)?(?P<who>(?:sở|văn phòng|công an|thanh tra|ban|trung tâm|bảo hiểm|kho bạc|"
                         r"cục|đài|báo)\s+\p{Lu}[\p{L}\s,&]*?)\s+(?:chủ trì|tham mưu|thực hiện|phối hợp|triển khai|"
                         r"thường xuyên|có trách nhiệm)\b")


def _led_by_another(text: str, agency: Agency) -> bool:
    """"Giao Công an tỉnh tham mưu …", "Sở Khoa học và Công nghệ chủ trì …": another agency's task."""
    m = _NAMED_LEAD.match(text)
    if m is None:
        return False
    who = fold(m.group("who"))
    return fold(agency.name) not in who and who not in fold(agency.name)


def _task_children(node: Node) -> list[Node]:
    """The task points of an area; an area split into "a) Mục tiêu" and "b) Nhiệm vụ" gives the second's."""
    from vbhc.profile.extract import node_title

    for child in node.children:
        if fold(node_title(child) or "").startswith("nhiem vu") and child.children:
            return child.children
    return [c for c in node.children if not fold(node_title(c) or "").startswith("muc tieu")]


def _body_tasks(doc: Document, area_node: str | None, agency: Agency) -> list[Task]:
    node = _find(doc, area_node)
    if node is None:
        return []
    out = []
    for child in _task_children(node):
        if child.kind in ("point", "bullet", "clause") and child.text:
            text = _clean_task(child.text)
            if text and not text.startswith("(") and concerns(text, agency.level) \
                    and not _led_by_another(text, agency) and not _sector_of_another(text, agency):
                out.append(Task(text))
    return out


def _as_task(row: Assignment) -> str:
    """A row that advises the province ("Tham mưu UBND tỉnh …") or continues the task above is, for the
    agency, the output it must deliver ("Kế hoạch tự kiểm tra … của cơ quan" → "Xây dựng và tổ chức thực
    hiện kế hoạch tự kiểm tra …")."""
    text = _clean_task(row.task)
    if not fold(text).startswith("tham muu") or not row.output:
        return text
    output = row.output.rstrip(" .;")
    f = fold(output)
    if f.startswith("ke hoach"):
        return f"Xây dựng và tổ chức thực hiện {_lcfirst(output)}"
    if f.startswith("ket qua"):
        return f"Thực hiện và báo cáo {_lcfirst(output)}"
    return output


def _assigned_tasks(rows: list[Assignment], area_id: str, agency: Agency) -> list[Task]:
    from vbhc.profile.assignments import gives_to

    out = []
    for row in rows:
        if row.area != area_id or _sector_of_another(row.task, agency):
            continue
        if gives_to(row.lead, agency.name, agency.level):
            out.append(Task(_as_task(row), row.output, row.deadline))
        elif gives_to(row.partners, agency.name, agency.level):
            out.append(Task(_clean_task(row.task), row.output, row.deadline, lead=row.lead))
    return out


def area_tasks(parent: ParentPlan | Document | None, area: Area | str | None, agency: Agency | Level) -> list[Task]:
    """The parent's tasks under one reform area that concern the agency, scope rewritten as its own."""
    parent = _as_parent(parent)
    who = agency if isinstance(agency, Agency) else Agency(name="", level=agency, issuer="", parent_issuer=None,
                                                           abbr="", place="", short="", head=None, units="")
    if parent is None or area is None:
        return []
    area_id = area.id if isinstance(area, Area) else None
    area_node = area.node if isinstance(area, Area) else area
    rows = [r for r in parent.assignments if area_id and r.area == area_id]
    tasks = _assigned_tasks(rows, area_id, who) if rows and area_id else _body_tasks(parent.plan, area_node, who)
    if who.short:
        for t in tasks:
            if t.lead is None:  # another agency's task is left in the parent's words
                t.text = own_scope(t.text, who)
    return tasks


def _as_parent(parent: ParentPlan | Document | None) -> ParentPlan | None:
    return ParentPlan(parent) if isinstance(parent, Document) else parent


# "trên địa bàn tỉnh" → the agency's own scope; (pattern, department's words, commune's words).
_SCOPE: list[tuple[re.Pattern[str], str, str]] = [
    (rx.compile(r"\btrên địa bàn (?:toàn )?tỉnh\b(?!\s+\p{Lu})", re.I), "thuộc phạm vi quản lý của {short}",
     "trên địa bàn {unit}"),
    (rx.compile(r"\bcủa (?:các )?cơ quan, đơn vị, địa phương(?: mình)?\b", re.I), "của {short}", "của {short}"),
    (rx.compile(r"\b(?<!của )các cơ quan, đơn vị, địa phương\b", re.I), "các phòng, đơn vị thuộc {short}",
     "các bộ phận thuộc {short}"),
    (rx.compile(r"\bnăm (\d{4}) của tỉnh\b", re.I), "năm \\g<1> của {short}", "năm \\g<1> của {short}"),
]


def own_scope(text: str, agency: Agency) -> str:
    """The parent's words for the province's scope, as the agency's own ("… trên địa bàn tỉnh" → "…
    thuộc phạm vi quản lý của Sở"); for matching nothing changes (tỉnh, Sở, xã are not key words)."""
    unit = agency.short.split()[-1] if agency.short else ""
    for pattern, so_words, xa_words in _SCOPE:
        words = (xa_words if agency.level == "xa" else so_words).format(short=agency.short, unit=unit)

        def put(m: re.Match[str], words: str = words) -> str:
            out = m.expand(words)
            return out[:1].upper() + out[1:] if m.group(0)[:1].isupper() else out

        text = pattern.sub(put, text)
    return text


def parent_solutions(doc: Document | None, task_section: str | None) -> list[str]:
    """The parent's own solutions (a section "GIẢI PHÁP" other than the task section)."""
    from vbhc.profile.extract import node_title

    if doc is None:
        return []
    for node in doc.body:
        title = fold(node_title(node) or "")
        if node.kind == "section" and node.id != task_section and "giai phap" in title and "nhiem vu" not in title:
            return [t for t in (_clean_task(c.text or "") for c in node.children) if t]
    return []


# --- targets -------------------------------------------------------------------------------

def _shape(targets: list[Target]) -> list[tuple[str, float | None, str | None]]:
    return [(t.op, t.value, t.unit) for t in targets]


def _reads_back(sentence: str, wanted: list[Target]) -> bool:
    """Does vbhc's own extractor read `sentence` as exactly these targets (op, value, unit)?"""
    from vbhc.profile.targets import sentences, targets_in_sentence

    found = [t for s in sentences(sentence) for t in targets_in_sentence(s)]
    return _shape(found) == _shape(wanted)


_NUM = {">=": "đạt từ {v}{u} trở lên", ">": "đạt trên {v}{u}", "=": "đạt {v}{u}", "<=": "không quá {v}{u}",
        "<": "dưới {v}{u}"}
_COUNTED = {">=": "tối thiểu {v} {u}", ">": "trên {v} {u}", "=": "tối thiểu {v} {u}", "<=": "không quá {v} {u}",
            "<": "dưới {v} {u}"}


def phrase_target(t: Target) -> str:
    """One target as a sentence of its own, in the words the extractor reads."""
    from vbhc.profile.targets import RANK_UNIT
    from vbhc.quantities import vn_number

    indicator = t.indicator.strip().rstrip(".;,")
    if t.unit == RANK_UNIT and t.value is not None:
        text = f"{indicator} nằm trong nhóm {vn_number(t.value)} đơn vị dẫn đầu"
    elif t.op in _NUM and t.value is not None and t.unit not in (None, "%"):
        text = f"{indicator} {_COUNTED[t.op].format(v=vn_number(t.value), u=t.unit)}"
    elif t.op in _NUM and t.value is not None:
        text = f"{indicator} {_NUM[t.op].format(v=vn_number(t.value), u=t.unit or '')}"
    elif t.op == "reduce_by" and t.value is not None:
        text = f"Giảm {vn_number(t.value)}{t.unit or ''} {indicator}" + (f" so với {t.baseline}" if t.baseline else "")
    elif t.op == "increase":
        text = indicator if fold(indicator).startswith("tang ") else f"Tăng {indicator}"
    elif t.op == "improve":
        text = indicator if fold(indicator).startswith("cai thien ") else f"Cải thiện {indicator}"
    else:
        text = indicator
    return text[:1].upper() + text[1:]


def target_sentences(targets: list[Target], agency: Agency | None = None) -> tuple[list[str], list[str]]:
    """The parent's targets as sentences that read back with the same op and value: the parent's
    own sentence (its scope the agency's) when it does, else one sentence per target. Also the
    targets that did not."""
    groups: dict[str, list[Target]] = {}
    for t in targets:
        groups.setdefault(t.text, []).append(t)
    out: list[str] = []
    failed: list[str] = []
    for text, group in groups.items():
        sentence = _TRONG_DO.sub("", squash(text)).rstrip(" .;,")
        sentence = sentence[:1].upper() + sentence[1:]
        if agency is not None:
            sentence = own_scope(sentence, agency)
        if _reads_back(sentence, group):
            out.append(sentence)
            continue
        for t in group:
            own = phrase_target(t)
            if not _reads_back(own, [t]):
                failed.append(t.indicator)
            out.append(own)
    return out, failed


def _sector_of_another(text: str, agency: Agency) -> bool:
    """A target or task of a sector the department does not work in ("… dịch vụ y tế, giáo dục" for a
    justice department); a commune works in every sector."""
    from vbhc.profile.subplan import sectors_in

    if agency.level != "so":
        return False
    f, name = fold(text), fold(agency.name)
    sectors = sectors_in(text)
    own = _AGENCY_KIND.sub("", name)
    return bool(sectors) and not any(w in name for w in sectors) and not (own and own in f)


def agency_targets(targets: list[Target], agency: Agency) -> tuple[list[Target], list[Target]]:
    """(the targets the agency's plan carries, those left out: the province's own, another sector's)."""
    from vbhc.profile.subplan import province_only

    kept: list[Target] = []
    left: list[Target] = []
    for t in targets:
        (left if province_only(t.indicator) or _sector_of_another(t.indicator, agency) else kept).append(t)
    return kept, left


# --- the draft -----------------------------------------------------------------------------

def _lcfirst(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def plan_year(profile: Profile, issued: str) -> str:
    m = _YEAR.search(profile.parent.title or "")
    if m:
        return m.group(1)
    return (profile.parent.date or issued)[:4]


def parent_citation(profile: Profile) -> str:
    """ "Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của Ủy ban nhân dân tỉnh Nghệ An ban hành …"
    (the number and date exactly as KH006 expects them: Parent.cite())."""
    from vbhc.writers.docx import agency_in_text

    p = profile.parent
    cite = p.cite() or blank("số, ký hiệu và ngày của văn bản cấp trên")
    text = f"{p.doc_type or 'Kế hoạch'} số {cite}"
    if p.issuer:
        text += f" của {agency_in_text(p.issuer)}"
    if p.title:
        title = p.title.strip().rstrip(".")
        verb = fold(title.split()[0]) if title.split() else ""
        text += (" " if verb in ("ban", "phe", "ve") else " về ") + _lcfirst(title)
    return text


def _points(items: list[str]) -> list[dict[str, Any]]:
    """Points of one list: each ends ";", the last ".". Longer than the alphabet of points
    (PL I, mục II.6.đ: a … y), the list is written with dashes instead."""
    from vbhc.nd30 import POINT_LETTERS

    kind = "point" if len(items) <= len(POINT_LETTERS) else "bullet"
    out = []
    for i, item in enumerate(items):
        body = item.rstrip(" ;.,")
        out.append({"kind": kind, "text": body + ("." if i == len(items) - 1 else ";")})
    return out


def _clauses(items: list[str]) -> list[dict[str, Any]]:
    return [{"kind": "clause", "text": item.rstrip(" ;.,") + "."} for item in items]


def _first_sentence(text: str) -> str:
    head = _SENTENCE_BREAK.split(text, maxsplit=1)[0]
    return head.rstrip(" ;.,")


def _reporting(profile: Profile) -> tuple[str, str | None]:
    """The reporting sentence (the parent's words) and the office reports go through."""
    text = profile.reporting.text.strip() if profile.reporting and profile.reporting.text else ""
    if not text:
        return "định kỳ báo cáo kết quả thực hiện về cơ quan cấp trên theo quy định.", None
    m = _REPORT_VIA.search(text)
    text = text if text.endswith(".") else text + "."
    return _lcfirst(text), (m.group("office").strip() if m else None)


def _section_i(profile: Profile, agency: Agency, year: str, notes: list[str]) -> dict[str, Any]:
    from vbhc.writers.docx import agency_in_text

    parent_who = agency_in_text(profile.parent.issuer) if profile.parent.issuer else "cấp trên"
    kept, left = agency_targets(profile.targets, agency)
    if left:
        notes.append(f"đã bỏ {len(left)} chỉ tiêu riêng của tỉnh hoặc của ngành khác: "
                     + "; ".join(t.indicator for t in left))
    sentences, failed = target_sentences(kept, agency)
    if failed:
        notes.append("chưa diễn đạt được để vbhc đọc lại đúng các chỉ tiêu: " + "; ".join(failed))
    target_items = [*sentences, blank(f"chỉ tiêu riêng của {agency.name}, nếu có (được cao hơn, không được thấp "
                                      "hơn chỉ tiêu của kế hoạch cấp trên)")]
    return {"kind": "section", "heading": "Mục đích, yêu cầu", "children": [
        {"kind": "clause", "heading": "Mục đích", "children": _points([
            f"Triển khai thực hiện đầy đủ, kịp thời, hiệu quả các mục tiêu, nhiệm vụ cải cách hành chính năm "
            f"{year} của {parent_who} tại {agency.name}",
            "Gắn trách nhiệm của người đứng đầu với kết quả thực hiện nhiệm vụ cải cách hành chính; "
            "nâng cao chất lượng phục vụ người dân, doanh nghiệp"])},
        {"kind": "clause", "heading": "Yêu cầu", "children": _points([
            "Nhiệm vụ phải cụ thể, có đơn vị chủ trì, đơn vị phối hợp, thời gian hoàn thành và sản phẩm đầu ra",
            "Bám sát các lĩnh vực, nhiệm vụ và chỉ tiêu của Kế hoạch cấp trên"])},
        {"kind": "clause", "heading": "Mục tiêu, chỉ tiêu", "children": _points(target_items)},
    ]}


def _task_row(k: int, task: Task, agency: Agency, year: str) -> list[str]:
    """One task of the table: the lead is the area's (its group row) unless the parent gives it to
    another agency that the agency helps."""
    partners = agency.name if task.lead else agency.units
    return [str(k), _first_sentence(task.text), task.lead or "", partners, task.deadline or f"Trong năm {year}",
            task.output or "Báo cáo kết quả thực hiện"]


def _section_ii(profile: Profile, agency: Agency, year: str, parent: ParentPlan | None,
                table: list[list[str]]) -> dict[str, Any]:
    from vbhc.numbering import roman

    areas = []
    for i, area in enumerate(profile.areas, 1):
        tasks = area_tasks(parent, area, agency)
        items = [*(t.text for t in tasks), blank(f"nhiệm vụ riêng của {agency.name} về {_lcfirst(area.title)}, "
                                                 "nếu có")]
        areas.append({"kind": "clause", "heading": area.title, "children": _points(items)})
        table.append([roman(i), area.title, blank("phòng, đơn vị chủ trì các nhiệm vụ của lĩnh vực này"), "", "", ""])
        for k, task in enumerate(tasks, 1):
            table.append(_task_row(k, task, agency, year))
    return {"kind": "section", "heading": "Nhiệm vụ",
            "children": areas or [{"kind": "paragraph", "text": blank("các nhiệm vụ cải cách hành chính")}]}


def _section_iv(profile: Profile, agency: Agency, year: str, table: list[list[str]]) -> dict[str, Any]:
    lead = blank("đơn vị đầu mối theo dõi, tổng hợp" + (", ví dụ Văn phòng Sở" if agency.short == "Sở" else ""))
    report_text, _office = _reporting(profile)
    leader = "Giám đốc Sở" if agency.short == "Sở" else (
        f"Chủ tịch {agency.short}" if agency.level == "xa" else f"Thủ trưởng {agency.name}")
    return {"kind": "section", "heading": "Tổ chức thực hiện", "children": [
        {"kind": "clause", "heading": "Phân công thực hiện", "children": [
            {"kind": "paragraph", "text": (
                f"{agency.units} căn cứ nhiệm vụ được giao tại Kế hoạch này chủ trì hoặc phối hợp triển khai "
                "thực hiện, bảo đảm đúng thời gian hoàn thành và sản phẩm đầu ra theo bảng phân công sau:")},
            {"kind": "table", "rows": table}]},
        {"kind": "clause", "heading": "Kinh phí thực hiện", "text": (
            f"Kinh phí thực hiện Kế hoạch được bố trí từ dự toán ngân sách năm {year} được giao cho {agency.name} "
            "và các nguồn hợp pháp khác theo quy định.")},
        {"kind": "clause", "heading": "Chế độ báo cáo", "text": (
            f"{lead} tham mưu {agency.name} {report_text} Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, "
            f"các đơn vị phản ánh kịp thời về đơn vị đầu mối để tổng hợp, báo cáo {leader} xem xét, quyết định.")},
    ]}


def attached_line(agency: Agency, issued: str) -> str:
    """"(Kèm theo Quyết định số      /QĐ-STP ngày 25/07/2025 của Giám đốc Sở Tư pháp)": who signs it."""
    from vbhc.dates import cited
    from vbhc.writers.form import symbol_for

    if agency.short == "Sở":
        who = f"Giám đốc {agency.name}"
    elif agency.level == "xa":
        who = agency.name
    else:
        who = f"Thủ trưởng {agency.name}"
    return f"(Kèm theo Quyết định số       /{symbol_for('Quyết định', agency.abbr)} ngày {cited(issued)} của {who})"


def plan_spec(profile: Profile, agency: Agency, issued: str, parent: ParentPlan | Document | None,
              attached: bool = False) -> tuple[dict[str, Any], list[str]]:
    """The sub-plan as a document spec (the shape templates render), and notes for the officer."""
    from vbhc.writers.form import symbol_for

    parent = _as_parent(parent)
    notes: list[str] = []
    year = plan_year(profile, issued)
    if not profile.parent.cite():
        notes.append("hồ sơ không có số, ký hiệu hoặc ngày của văn bản cấp trên: đã để chỗ [ĐIỀN: …] ở câu trích dẫn")
    if not profile.areas:
        notes.append("hồ sơ không có lĩnh vực cải cách nào: mục II để trống")
    intro = (f"Thực hiện {parent_citation(profile)}, {agency.name} ban hành Kế hoạch cải cách hành chính "
             f"năm {year} như sau:")
    table: list[list[str]] = [list(TASK_HEADERS)]
    section_ii = _section_ii(profile, agency, year, parent, table)
    solutions = parent_solutions(parent.plan if parent else None, profile.task_section) or [
        "Tăng cường sự lãnh đạo, chỉ đạo, kiểm tra của người đứng đầu đối với công tác cải cách hành chính",
        "Đẩy mạnh tuyên truyền, ứng dụng công nghệ thông tin và chuyển đổi số trong thực hiện nhiệm vụ"]
    section_iii = {"kind": "section", "heading": "Giải pháp",
                   "children": _clauses([own_scope(x, agency) for x in solutions]
                                        + [blank(f"giải pháp riêng của {agency.name}, nếu có")])}
    doc: dict[str, Any] = {
        "doc_type": "Kế hoạch", "title": f"Cải cách hành chính năm {year} của {agency.name}",
        "body": [{"kind": "paragraph", "text": intro}, _section_i(profile, agency, year, notes), section_ii,
                 section_iii, _section_iv(profile, agency, year, table)],
    }
    if attached:
        doc["attached"] = True
        doc["attached_to"] = attached_line(agency, issued)
    else:
        doc.update(_header(agency, "Kế hoạch", issued, symbol_for("Kế hoạch", agency.abbr)))
        doc.update(_closing(profile, agency))
    return doc, notes


def _header(agency: Agency, doc_type: str, issued: str, symbol: str) -> dict[str, Any]:
    return {"doc_type": doc_type, "parent_issuer": agency.parent_issuer, "issuer": agency.issuer,
            "number": None, "symbol": symbol, "place": agency.place, "date": issued}


def _signature(agency: Agency) -> dict[str, Any]:
    name = blank("họ và tên người ký")
    if agency.level == "xa":
        return {"authority": "TM.", "on_behalf_of": "ỦY BAN NHÂN DÂN", "positions": ["CHỦ TỊCH"], "name": name}
    return {"positions": [agency.head or blank("CHỨC VỤ NGƯỜI KÝ")], "name": name}


def _closing(profile: Profile, agency: Agency, first: list[str] | None = None) -> dict[str, Any]:
    from vbhc.writers.docx import agency_in_text
    from vbhc.writers.form import storage_line

    _text, office = _reporting(profile)
    recipients = list(first or [])
    if profile.parent.issuer:
        recipients.append(f"{agency_in_text(profile.parent.issuer)} (để báo cáo)")
    if office and fold(office) != fold(agency.name):
        recipients.append(office)
    if agency.level == "xa":
        recipients += [f"Chủ tịch, các Phó Chủ tịch {agency.short}", f"Các bộ phận chuyên môn thuộc {agency.short}"]
    else:
        recipients += [f"Lãnh đạo {agency.short}", agency.units[:1].upper() + agency.units[1:]]
    recipients.append(blank("nơi nhận khác"))
    return {"signature": _signature(agency), "recipients": recipients,
            "storage": storage_line(["VT", blank("đơn vị soạn thảo")])}


def decision_spec(profile: Profile, agency: Agency, issued: str, plan_title: str) -> dict[str, Any]:
    """The decision that issues the plan (Mẫu 1.3, Phụ lục III): Điều 1–3."""
    from vbhc.writers.form import symbol_for

    if agency.level == "xa":
        authority = agency.issuer.replace("\n", " ")
        executors = (f"{blank('Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã')}, "
                     f"{agency.units[:1].lower() + agency.units[1:]} và các cơ quan, đơn vị có liên quan")
    elif agency.short == "Sở":
        authority = f"GIÁM ĐỐC {agency.issuer}"
        executors = (f"{blank('Chánh Văn phòng Sở')}, Trưởng các phòng, đơn vị thuộc Sở và các tổ chức, "
                     "cá nhân có liên quan")
    else:
        authority = blank(f"THẨM QUYỀN BAN HÀNH CỦA {agency.issuer}")
        executors = f"{blank('người đứng đầu các đơn vị')} và các tổ chức, cá nhân có liên quan"
    doc = _header(agency, "Quyết định", issued, symbol_for("Quyết định", agency.abbr))
    doc.update({
        "title": f"Ban hành Kế hoạch {_lcfirst(plan_title)}",
        "enacting_authority": authority,
        "can_cu": [f"Căn cứ {blank(f'văn bản quy định chức năng, nhiệm vụ, quyền hạn của {agency.name}')}",
                   f"Căn cứ {parent_citation(profile)}",
                   f"Theo đề nghị của {blank('đơn vị tham mưu')}"],
        "enacting": "QUYẾT ĐỊNH:",
        "body": [
            {"kind": "article", "text": f"Ban hành kèm theo Quyết định này Kế hoạch {_lcfirst(plan_title)}."},
            {"kind": "article", "text": "Quyết định này có hiệu lực thi hành kể từ ngày ký."},
            {"kind": "article", "text": f"{executors} chịu trách nhiệm thi hành Quyết định này."},
        ],
    })
    doc.update(_closing(profile, agency, first=["Như Điều 3"]))
    return doc


def _named(profile: Profile) -> str:
    return f" ({profile.parent.short()})" if profile.parent.number else ""


def issue_date(profile: Profile, date: str | None, today: str | None = None) -> tuple[str, list[str]]:
    """The draft's issue date and warnings: the date given, else today, else (today being past the
    parent's deadline) the deadline itself, so that the draft is on time; the officer is told."""
    today = today or dt.date.today().isoformat()
    warnings: list[str] = []
    if date is None:
        issued = today
        if profile.deadline and today > profile.deadline:
            issued = profile.deadline
            warnings.append(f"hôm nay ({_dmy(today)}) đã quá thời hạn {_dmy(profile.deadline)} mà kế hoạch cấp trên"
                            f"{_named(profile)} đặt ra cho kế hoạch cấp dưới: ngày ban hành để là "
                            f"{_dmy(issued)}; ghi ngày thật khi ban hành (--date), sau hạn là chậm (KH005)")
        return issued, warnings
    try:
        issued = dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise DraftError(f"ngày \"{date}\" không đúng dạng YYYY-MM-DD") from None
    if profile.deadline and issued > profile.deadline:
        warnings.append(f"ngày ban hành {_dmy(issued)} đã quá thời hạn {_dmy(profile.deadline)} mà kế hoạch cấp "
                        f"trên{_named(profile)} đặt ra cho kế hoạch cấp dưới (KH005)")
    return issued, warnings


def draft(profile: Profile, agency: str, *, parent: ParentPlan | Document | None = None, level: Level | None = None,
          abbr: str | None = None, date: str | None = None, place: str | None = None,
          with_decision: bool = False) -> Draft:
    """The sub-plan skeleton (and, with `with_decision`, the decision that issues it)."""
    from vbhc.generate.template import spec_documents

    issued, warnings = issue_date(profile, date)
    who = agency_of(agency, profile.parent.issuer, level=level, abbr=abbr, place=place)
    if parent is None:
        warnings.append("không đọc được chính kế hoạch cấp trên: các mục nhiệm vụ chỉ có tên lĩnh vực, "
                        "chưa có nhiệm vụ cụ thể (dùng --against KẾ_HOẠCH để lấy cả nhiệm vụ)")
    plan, notes = plan_spec(profile, who, issued, parent, attached=with_decision)
    warnings += notes
    specs = [plan]
    if with_decision:
        specs = [decision_spec(profile, who, issued, plan["title"]), plan]
    documents = spec_documents({"documents": specs})
    return Draft(documents=documents, agency=who, warnings=warnings)


def _dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}/{int(m)}/{y}"
