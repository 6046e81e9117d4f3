"""What the result page shows of one checked file: findings grouped by part, the document drawn
with each finding marked where it is, and the comparison with the parent plan.

Built from the stored row of the check JSON and the document view the child made
(`jobs.document_view`); every text reaches the page through Jinja's escaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vbhc.report.rows import SEVERITY_RANK, SEVERITY_WORDS, PlanView, plan_of, shown

WHOLE = "Toàn văn bản"
PLAN = "Đối chiếu kế hoạch cấp trên"
PARTS = {"header": "Đầu trang", "footer": "Chân trang", "footnote": "Chú thích"}


@dataclass
class FindingView:
    n: int
    severity: str
    rule: str
    message: str
    source: str
    quote: str | None
    part: str | None
    page: int | None
    line: int | None
    anchored: bool  # the line is drawn in the document view
    fixable: bool

    @property
    def words(self) -> str:
        return SEVERITY_WORDS.get(self.severity, self.severity)


@dataclass
class Group:
    title: str
    first: float
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class Cell:
    lines: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Item:
    """One thing drawn in the document view: a paragraph, or a whole table."""

    kind: str  # "p" or "table"
    block: dict[str, Any] | None = None
    rows: list[list[Cell]] = field(default_factory=list)
    doc: dict[str, Any] | None = None  # a document starts here
    borderless: bool = False


def _finding(n: int, f: dict[str, Any], lines: set[int]) -> FindingView:
    loc = f.get("location") or {}
    line = loc.get("line")
    return FindingView(n=n, severity=str(f.get("severity", "info")), rule=shown(f.get("rule") or ""),
                       message=shown(f.get("message") or ""), source=shown(f.get("source") or ""),
                       quote=shown(loc["quote"]) if loc.get("quote") else None,
                       part=shown(loc["part"]) if loc.get("part") else None, page=loc.get("page"),
                       line=line, anchored=line in lines, fixable=bool(f.get("fix")))


def findings(row: dict[str, Any], view: dict[str, Any]) -> list[FindingView]:
    lines = {b["line"] for b in view.get("blocks", []) if b.get("line") is not None}
    return [_finding(n, f, lines) for n, f in enumerate(row.get("findings", []), start=1)]


def groups(items: list[FindingView]) -> list[Group]:
    """Findings by the part of the document they are in, parts in document order; findings about
    the whole document (page setup, a missing area) first."""
    out: dict[str, Group] = {}
    for f in items:
        title = f.part or (PLAN if f.rule.startswith("KH") else WHOLE)
        first = f.line if f.line is not None else -1.0
        group = out.setdefault(title, Group(title, first))
        group.first = min(group.first, first)
        group.findings.append(f)
    ordered = sorted(out.values(), key=lambda g: g.first)
    for g in ordered:
        g.findings.sort(key=lambda f: (SEVERITY_RANK.get(f.severity, 3), f.line or 0))
    return ordered


def counts(items: list[FindingView]) -> dict[str, int]:
    return {sev: sum(1 for f in items if f.severity == sev) for sev in SEVERITY_WORDS}


def _marks(items: list[FindingView]) -> dict[int, list[FindingView]]:
    marks: dict[int, list[FindingView]] = {}
    for f in items:
        if f.anchored and f.line is not None:
            marks.setdefault(f.line, []).append(f)
    return marks


def _table(blocks: list[dict[str, Any]]) -> list[list[Cell]]:
    grid: dict[int, dict[int, Cell]] = {}
    for b in blocks:
        _, r, c = b["t"]
        grid.setdefault(r, {}).setdefault(c, Cell()).lines.append(b)
    width = max((max(cols) + 1 for cols in grid.values()), default=0)
    return [[grid[r].get(c, Cell()) for c in range(width)] for r in sorted(grid)]


def document(view: dict[str, Any]) -> list[Item]:
    """The blocks in order, a table's cells put together into one table."""
    items: list[Item] = []
    blocks = view.get("blocks", [])
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.get("t") is None:
            items.append(Item("p", block=b, doc=b.get("doc")))
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].get("t") is not None and blocks[j]["t"][0] == b["t"][0]:
            j += 1
        items.append(Item("table", rows=_table(blocks[i:j]), doc=b.get("doc"), borderless=bool(b.get("bl"))))
        i = j
    return items


@dataclass
class CheckPage:
    row: dict[str, Any]
    findings: list[FindingView]
    groups: list[Group]
    counts: dict[str, int]
    items: list[Item]
    marks: dict[int, list[FindingView]]
    plan: PlanView | None
    profile: dict[str, Any] | None
    scanned: bool
    parts: dict[str, str] = field(default_factory=lambda: PARTS)


def check_page(row: dict[str, Any], view: dict[str, Any], profile: dict[str, Any] | None) -> CheckPage:
    items = findings(row, view)
    plan = plan_of(row, profile) if profile is not None and row.get("plan") else None
    return CheckPage(row=row, findings=items, groups=groups(items), counts=counts(items), items=document(view),
                     marks=_marks(items), plan=plan, profile=profile, scanned=bool(view.get("scanned")))
