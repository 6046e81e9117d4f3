"""What a parent plan requires of its sub-plans: the Profile and its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vbhc import ids
from vbhc.quantities import OP_SIGNS, OPS, plain, show

LEVEL_OPS = (">=", ">", "=", "<=", "<")
DIRECTION_OPS = ("increase", "improve")


@dataclass
class Parent:
    """The document sub-plans must cite: for a decision with an attached plan, the decision."""

    number: str | None = None
    symbol: str | None = None
    date: str | None = None  # ISO
    issuer: str | None = None
    doc_type: str | None = None  # "Quyết định", "Kế hoạch"
    title: str | None = None

    def cite(self) -> str | None:
        """"2228/QĐ-UBND ngày 15/7/2025": how sub-plans cite it."""
        if not self.number or not self.symbol:
            return None
        if not self.date:
            return f"{self.number}/{self.symbol}"
        y, m, d = self.date.split("-")
        return f"{self.number}/{self.symbol} ngày {int(d)}/{int(m)}/{y}"

    def short(self) -> str:
        """"KH 2228/QĐ-UBND": the prefix of a finding's source."""
        return f"KH {self.number}/{self.symbol}" if self.number and self.symbol else "Kế hoạch cấp trên"


@dataclass
class Area:
    id: str
    title: str  # as the parent plan words it
    node: str | None = None
    line: int | None = None
    name: str | None = None  # the known name it matched (vbhc.profile.areas), and where that name is from
    name_source: str | None = None


@dataclass
class Target:
    indicator: str
    op: str
    value: float | None
    unit: str | None
    text: str  # the sentence it came from
    key: str = ""  # normalised indicator, for matching
    node: str | None = None
    line: int | None = None
    baseline: str | None = None  # "năm 2021" in "giảm 10% … so với năm 2021"
    key_text: str | None = None  # what the key is made from, when not the indicator alone ("Mức độ hài lòng …")

    def spec(self) -> dict[str, Any]:
        return {"op": self.op, "value": plain(self.value), "unit": self.unit}

    def show(self) -> str:
        """"≥ 95%", "> 87%", "giảm 10%", "tăng"."""
        return show(self.op, self.value, self.unit)


@dataclass
class Element:
    """A required element of every sub-plan and the parent's words for it."""

    id: str
    text: str | None = None
    node: str | None = None
    line: int | None = None


@dataclass
class Reporting:
    text: str
    node: str | None = None
    line: int | None = None


@dataclass
class Profile:
    parent: Parent
    areas: list[Area] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    deadline: str | None = None  # ISO; a sub-plan issued on or before this day is on time
    deadline_text: str | None = None
    deadline_node: str | None = None
    deadline_line: int | None = None
    required_elements: list[Element] = field(default_factory=list)
    reporting: Reporting | None = None
    task_section: str | None = None  # node id of the task section (II. NHIỆM VỤ)
    source: str | None = None  # the file it was extracted from

    @property
    def element_ids(self) -> list[str]:
        return [e.id for e in self.required_elements]


def section_label(node_id: str | None) -> str | None:
    """"sec_I__cl_3" → "I.3" (see `vbhc.ids.section_number`)."""
    return ids.section_number(node_id)


__all__ = ["OPS", "OP_SIGNS", "LEVEL_OPS", "DIRECTION_OPS", "Parent", "Area", "Target", "Element", "Reporting",
           "Profile", "section_label"]
