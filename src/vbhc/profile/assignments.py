"""The parent's tasks and who they are given to: its assignment table (Phụ lục "Phân công thực hiện"),
else the task points under each area.

A row of the table gives a task, its output, its deadline, who leads it and who helps; a group row
("VII | Công tác chỉ đạo, điều hành") opens an area; a row without a task of its own continues the
task above with another output and another lead ("Kế hoạch tự kiểm tra … của cơ quan, đơn vị, địa
phương"). Which tasks concern an agency is then decided by who leads them (its own name, or a group it
belongs to: "các sở, ban, ngành", "UBND các xã, phường", "các cơ quan, đơn vị, địa phương").
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from vbhc import rx
from vbhc.model import Document, Node
from vbhc.profile.areas import first_named
from vbhc.textnorm import fold, squash

# Header words of the table's columns (folded), in the order tried.
COLUMNS: dict[str, tuple[str, ...]] = {
    "task": ("nhiem vu", "noi dung"),
    "output": ("san pham", "ket qua"),
    "deadline": ("thoi gian", "thoi han", "tien do"),
    "lead": ("chu tri",),
    "partners": ("phoi hop",),
}
# Who a lead or partner cell gives a task to, besides a named agency (folded, whole words).
GROUPS: dict[str, tuple[str, ...]] = {
    "so": (r"cac so", r"so, ban, nganh", r"so, nganh", r"cac co quan chuyen mon", r"cac co quan, don vi",
           r"co quan, don vi, dia phuong", r"cac co quan hanh chinh", r"cac co quan, dia phuong"),
    "xa": (r"cac xa", r"xa, phuong", r"phuong, xa", r"ubnd cap xa", r"uy ban nhan dan cap xa", r"cac dia phuong",
           r"dia phuong", r"co quan, don vi, dia phuong", r"cac co quan, dia phuong"),
}
_ROMAN = rx.compile(r"^[IVXLC]+\.?$")


@dataclass
class Assignment:
    task: str
    area: str | None = None
    output: str | None = None
    deadline: str | None = None
    lead: str | None = None
    partners: str | None = None


def _columns(header: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, cell in enumerate(header):
        f = fold(cell or "")
        for name, words in COLUMNS.items():
            if name not in out and any(w in f for w in words):
                out[name] = i
                break
    return out


def _cell(row: list[str], columns: dict[str, int], name: str) -> str | None:
    i = columns.get(name)
    if i is None or i >= len(row):
        return None
    return squash(row[i] or "") or None


def table_assignments(table: Node) -> list[Assignment]:
    """The rows of one assignment table; [] when the table has no task and lead columns."""
    if not table.rows:
        return []
    columns = _columns(table.rows[0])
    if "task" not in columns or "lead" not in columns:
        return []
    out: list[Assignment] = []
    area: str | None = None
    for row in table.rows[1:]:
        task = _cell(row, columns, "task")
        first = squash(row[0] or "") if row else ""
        lead = _cell(row, columns, "lead")
        if _ROMAN.match(first) and task and not lead:
            named = first_named(task)
            area = named.area if named else area
            continue
        if not task and out and lead:  # the task above, another output and lead
            task = out[-1].task
        if not task or not lead:
            continue
        out.append(Assignment(task=task, area=area, output=_cell(row, columns, "output"),
                              deadline=_cell(row, columns, "deadline"), lead=lead,
                              partners=_cell(row, columns, "partners")))
    return out


def plan_assignments(appendices: list[Document]) -> list[Assignment]:
    """Every assignment row of the parent's appendices, in order."""
    return [a for doc in appendices for node in doc.nodes() if node.kind == "table"
            for a in table_assignments(node)]


def gives_to(cell: str | None, agency_name: str, level: str) -> bool:
    """Does a lead (or partners) cell name the agency, or a group of agencies it belongs to?"""
    if not cell:
        return False
    f = fold(cell)
    if fold(agency_name) in f:
        return True
    return any(re.search(rf"\b{g}\b", f) for g in GROUPS.get(level, ()))
