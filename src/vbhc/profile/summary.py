"""The plan summary: what one sub-plan does with its parent's areas, targets, deadline and citation.

Computed once per file while checking (`vbhc.profile.subplan.summarise`), carried on the file's
result (`FileResult.plan`), read by the plan rules KH001–KH008, the audit and its reports. It is
plain data: `as_dict()` is JSON-safe and `from_dict()` reads it back (the audit journal stores
results as JSON and reloads them on --resume). This module imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cache
from typing import Any, Literal

from vbhc.quantities import plain, show

TargetStatus = Literal["met", "weaker", "not_addressed", "not_applicable"]
TARGET_STATUSES: tuple[str, ...] = ("met", "weaker", "not_addressed", "not_applicable")
# Why a parent target is not asked of this plan: a sector the plan never mentions, a target of the
# province's own (asked of no commune), or a thematic plan that implements another part of the parent.
NotApplicableReason = Literal["sector", "province", "thematic"]
PlanKind = Literal["full", "thematic"]
PLAN_KINDS: tuple[str, ...] = ("full", "thematic")


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The keys of `data` that are fields of `cls` (a journal written by a newer vbhc may hold more)."""
    names = _field_names(cls)
    if names.issuperset(data):  # the usual case, at C speed (an audit reads 200 rows × 23 targets)
        return dict(data)
    return {k: v for k, v in data.items() if k in names}


@dataclass
class TargetSpec:
    """A target as one plan writes it: the parent's, or what the sub-plan committed."""

    indicator: str
    op: str
    value: float | None = None
    unit: str | None = None
    key: str = ""
    text: str | None = None  # the sentence it was read from, as written
    node: str | None = None
    line: int | None = None

    def show(self) -> str:
        """"≥ 95%", "giảm 10%", "tăng"."""
        return show(self.op, self.value, self.unit)

    def spec(self) -> dict[str, Any]:
        """{"op", "value", "unit"}: the `data` of KH002/KH003 findings."""
        return {"op": self.op, "value": plain(self.value), "unit": self.unit}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TargetSpec:
        return cls(**_known(cls, data))


@dataclass
class TargetCheck:
    parent: TargetSpec
    status: TargetStatus
    found: TargetSpec | None = None  # what the sub-plan committed (met or weaker)
    reason: NotApplicableReason | None = None  # for not_applicable
    score: float = 0.0  # how closely the two indicators' words agree (0..1)
    area: str | None = None  # the parent's area (id) the target belongs to
    group: str | None = None  # the parent's node that heads its group: the area's, else its top section

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TargetCheck:
        d = _known(cls, data)
        d["parent"] = TargetSpec.from_dict(d["parent"])
        d["found"] = TargetSpec.from_dict(d["found"]) if d.get("found") else None
        return cls(**d)


@dataclass
class AreaCheck:
    """One reform area of the parent and the section of the sub-plan that covers it."""

    id: str
    title: str  # the parent's name for it
    covered: bool
    required: bool = True  # a thematic plan is not asked for every area
    node: str | None = None  # the sub-plan's node that covers it
    line: int | None = None
    section: str | None = None  # that node as an officer writes it: "mục II.1"
    name_found: str | None = None  # the heading (or task) in which the sub-plan names it
    how: str | None = None  # "heading" or "content"
    parent_node: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AreaCheck:
        return cls(**_known(cls, data))


@dataclass
class DatesCheck:
    issued: str | None = None  # ISO
    deadline: str | None = None  # ISO, inclusive
    on_time: bool | None = None  # None when either date is unknown
    days_late: int | None = None  # 0 when on time, None when unknown

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DatesCheck:
        return cls(**_known(cls, data))


@dataclass
class CitationCheck:
    """Does the sub-plan cite its parent with the right number, symbol and date?"""

    expected: str | None = None  # "2228/QĐ-UBND ngày 15/7/2025"; None when the parent has no number yet
    found: str | None = None  # the citation meant as the parent, as the sub-plan wrote it
    ok: bool | None = None  # None when there is nothing to expect
    node: str | None = None
    line: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CitationCheck:
        return cls(**_known(cls, data))


@dataclass
class ElementCheck:
    """A required element (responsibility, timeline, outputs, resources, reporting) and where it is."""

    id: str
    found: bool
    node: str | None = None
    line: int | None = None
    text: str | None = None  # the sentence that shows it

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ElementCheck:
        return cls(**_known(cls, data))


@dataclass
class PlanSummary:
    document: int  # index of the sub-plan in the file's documents
    parent: str | None = None  # "KH 2228/QĐ-UBND": the plan it was checked against
    kind: PlanKind = "full"
    kind_told: bool = False  # the officer said so (--kind); False: vbhc assumed it
    kind_reason: str | None = None  # why vbhc assumed it ("tên kế hoạch: “Kế hoạch kiểm tra …”")
    theme: str | None = None  # a thematic plan's theme id ("kiem_tra", "thi_dua", …)
    level: str | None = None  # the issuing agency's level: "tinh", "so", "xa"
    province: str | None = None  # the province the sub-plan's header names ("tỉnh Lâm Đồng"), if any
    parent_province: str | None = None  # ... and the parent's
    areas: list[AreaCheck] = field(default_factory=list)
    targets: list[TargetCheck] = field(default_factory=list)
    dates: DatesCheck = field(default_factory=DatesCheck)
    citation: CitationCheck = field(default_factory=CitationCheck)
    elements: list[ElementCheck] = field(default_factory=list)

    @property
    def foreign(self) -> bool:
        """The sub-plan is another province's than its parent: the parent chosen is not its parent (KH008)."""
        from vbhc.profile.kinds import same_province

        return bool(self.province and self.parent_province and not same_province(self.province, self.parent_province))

    @property
    def areas_covered(self) -> list[str]:
        return [a.id for a in self.areas if a.covered]

    @property
    def areas_missing(self) -> list[str]:
        """Required areas the plan does not cover (KH001)."""
        return [a.id for a in self.areas if a.required and not a.covered]

    @property
    def elements_found(self) -> list[str]:
        return [e.id for e in self.elements if e.found]

    @property
    def elements_missing(self) -> list[str]:
        return [e.id for e in self.elements if not e.found]

    def with_status(self, *statuses: str) -> list[TargetCheck]:
        return [t for t in self.targets if t.status in statuses]

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe; whole numbers as ints."""
        out = asdict(self)
        for t in out["targets"]:
            for side in ("parent", "found"):
                if t[side]:
                    t[side]["value"] = plain(t[side]["value"])
        out["areas_missing"] = self.areas_missing
        out["elements_missing"] = self.elements_missing
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanSummary:
        d = _known(cls, data)
        d["areas"] = [AreaCheck.from_dict(a) for a in d.get("areas") or []]
        d["targets"] = [TargetCheck.from_dict(t) for t in d.get("targets") or []]
        d["dates"] = DatesCheck.from_dict(d.get("dates") or {})
        d["citation"] = CitationCheck.from_dict(d.get("citation") or {})
        d["elements"] = [ElementCheck.from_dict(e) for e in d.get("elements") or []]
        return cls(**d)
