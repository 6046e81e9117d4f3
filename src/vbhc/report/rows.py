"""What the audit's reports (terminal table, HTML, XLSX) show for each file, from the audit's result.

The result is plain JSON (rows may come back from the journal of an interrupted audit), so this
reads dicts; it builds typed rows once, and every report renders the same rows. What the plan
analysis says of a row (on time, areas, targets) comes from one function, `plan_of`.

Every text shown comes through `shown`: a file name that is not UTF-8 shows its bytes ("\\xff"),
control characters are escaped (`vbhc.terminal.printable`), so no report can carry a terminal
escape or a string its encoder refuses.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from vbhc import ids
from vbhc.dates import display
from vbhc.quantities import show
from vbhc.terminal import printable

Json = dict[str, Any]
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}
STATUS_WORDS = {"ok": "đạt", "findings": "có phát hiện", "error": "không đọc được"}


def shown(value: Any) -> str:
    """`value` as text any report can carry: undecodable bytes as "\\xff", control characters escaped."""
    text = str(value)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = text.encode("utf-8", "backslashreplace")
        text = raw.decode("utf-8", "backslashreplace")
    return printable(text)


def _clean(text: Any) -> str | None:
    return shown(" ".join(str(text).split())) if text else None


def _norm(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())


def target_id(data: Json) -> str:
    return _norm(data.get("key") or data.get("indicator"))


def _names(data: Json) -> set[str]:
    """Every name a target or a finding's data goes by: its key and its indicator, normalised."""
    return {n for n in (_norm(data.get("key")), _norm(data.get("indicator"))) if n}


def show_target(value: Json | None) -> str:
    """{"op": ">=", "value": 95, "unit": "%"} → "≥ 95%"; "" for none."""
    if not value or not value.get("op"):
        return ""
    return show(str(value["op"]), value.get("value"), value.get("unit"))


def days_between(deadline: Any, issued: Any) -> int | None:
    try:
        return (date.fromisoformat(str(issued)[:10]) - date.fromisoformat(str(deadline)[:10])).days
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# The plan analysis of one row


@dataclass
class TargetCell:
    state: str  # "weaker" | "absent" | "ok" | "unknown"
    found: Json | None = None


@dataclass
class PlanView:
    """What the comparison with the parent plan says of one file."""

    deadline: str | None = None
    on_time: bool | None = None
    days_late: int | None = None
    areas: dict[str, bool | None] = field(default_factory=dict)  # area id → covered (None: not known)
    areas_covered: int | None = None
    areas_missing: list[str] | None = None
    areas_total: int | None = None
    weaker: list[Json] = field(default_factory=list)  # KH002 data
    not_addressed: list[Json] = field(default_factory=list)  # KH003 data
    targets_checked: bool = False
    weaker_count: int | None = None
    targets: dict[str, TargetCell] = field(default_factory=dict)  # target id → cell


def rule_ran(row: Json, rule_id: str, plan_rules: list[str]) -> bool:
    """Did the rule really look at this file (so that no finding means 'fine')?"""
    failed = any(f.get("rule") == "VBHC.LoiNoiBo" and (f.get("data") or {}).get("rule") == rule_id
                 for f in row.get("findings", []))
    return (row.get("status") != "error" and rule_id in plan_rules
            and rule_id not in row.get("not_applicable", []) and not failed)


def _data(row: Json, rule_id: str) -> list[Json]:
    return [f.get("data") or {} for f in row.get("findings", []) if f.get("rule") == rule_id]


def _timing(plan: PlanView, row: Json, issued: str | None, deadline: str | None) -> None:
    late = _data(row, "KH005")
    plan.deadline = deadline
    if late:
        plan.on_time = False
        plan.days_late = days_between(late[0].get("deadline") or deadline, late[0].get("issued") or issued)
    elif deadline and issued and row.get("status") != "error":
        plan.days_late = days_between(deadline, issued)
        plan.on_time = plan.days_late is None or plan.days_late <= 0


def _areas(plan: PlanView, row: Json, view: Json, plan_rules: list[str]) -> None:
    ids_ = [a["id"] for a in view.get("areas", [])]
    plan.areas_total = len(ids_)
    if not rule_ran(row, "KH001", plan_rules):
        plan.areas = dict.fromkeys(ids_)
        return
    missing = {d.get("area") for d in _data(row, "KH001")}
    plan.areas = {a: a not in missing for a in ids_}
    plan.areas_covered = sum(1 for ok in plan.areas.values() if ok)
    plan.areas_missing = [a for a, ok in plan.areas.items() if not ok]


def _targets(plan: PlanView, row: Json, view: Json, plan_rules: list[str]) -> None:
    plan.weaker, plan.not_addressed = _data(row, "KH002"), _data(row, "KH003")
    plan.targets_checked = rule_ran(row, "KH002", plan_rules)
    plan.weaker_count = len(plan.weaker) if plan.targets_checked or plan.weaker else None
    for t in view.get("targets", []):
        names = _names(t)
        hit = next((w for w in plan.weaker if _names(w) & names), None)
        if hit is not None:
            cell = TargetCell("weaker", hit.get("found"))
        elif any(_names(w) & names for w in plan.not_addressed):
            cell = TargetCell("absent")
        else:
            cell = TargetCell("ok" if plan.targets_checked else "unknown")
        plan.targets[target_id(t)] = cell


def plan_of(row: Json, view: Json | None, plan_rules: list[str]) -> PlanView:
    """The plan analysis of one row: dates against the deadline, areas, targets."""
    plan = PlanView()
    _timing(plan, row, (row.get("meta") or {}).get("date"), (view or {}).get("deadline"))
    if view is not None:
        _areas(plan, row, view, plan_rules)
        _targets(plan, row, view, plan_rules)
    return plan


# ---------------------------------------------------------------------------------------------
# Rows, target columns, findings


@dataclass
class AuditRow:
    """One file as the reports show it."""

    path: str  # the row's path, as the result keeps it (a key, not for display)
    shown_path: str
    status: str
    error: str | None
    agency: str | None
    name: str  # the agency, or the file's stem when there is none
    doc_type: str | None
    number: str | None
    date: str | None
    title: str | None
    errors: int
    warnings: int
    infos: int
    plan: PlanView


def _count(row: Json, severity: str) -> int:
    return sum(1 for f in row.get("findings", []) if f.get("severity") == severity)


def audit_row(row: Json, view: Json | None, plan_rules: list[str]) -> AuditRow:
    meta = row.get("meta") or {}
    agency = _clean(meta.get("issuer"))
    number = "/".join(x for x in (meta.get("number"), meta.get("symbol")) if x) or None
    return AuditRow(
        path=row["path"], shown_path=shown(row["path"]), status=str(row.get("status")),
        error=_clean(row.get("error")), agency=agency, name=agency or shown(PurePosixPath(row["path"]).stem),
        doc_type=_clean(meta.get("doc_type")), number=_clean(number), date=meta.get("date"),
        title=_clean(meta.get("title")), errors=_count(row, "error"), warnings=_count(row, "warning"),
        infos=_count(row, "info"), plan=plan_of(row, view, plan_rules))


@dataclass
class TargetColumn:
    id: str
    indicator: str
    text: str | None
    parent: Json


def target_columns(view: Json | None, rows: list[AuditRow]) -> list[TargetColumn]:
    """The profile's targets, plus any indicator a KH002 finding names that the profile lacks
    (with the row's cell for it)."""
    columns: list[TargetColumn] = []
    known: set[str] = set()
    names: set[str] = set()
    for t in (view or {}).get("targets", []):
        tid = target_id(t)
        if tid not in known:
            known.add(tid)
            names |= _names(t)
            columns.append(TargetColumn(tid, shown(t.get("indicator") or t.get("text") or ""), _clean(t.get("text")),
                                        {"op": t.get("op"), "value": t.get("value"), "unit": t.get("unit")}))
    for row in rows:
        for w in row.plan.weaker:
            tid = target_id(w)
            if not tid or (_names(w) & names and tid not in known):
                continue  # a profile target under another of its names: already a column
            if tid not in known:
                known.add(tid)
                names |= _names(w)
                columns.append(TargetColumn(tid, shown(w.get("indicator") or ""), None, w.get("parent") or {}))
            row.plan.targets.setdefault(tid, TargetCell("weaker", w.get("found")))
    return columns


def report_rows(result: Json) -> tuple[list[AuditRow], list[TargetColumn]]:
    """The rows and the target columns of an audit result, for the reports."""
    view = result.get("profile")
    rows = [audit_row(r, view, result.get("plan_rules", [])) for r in result["files"]]
    return rows, target_columns(view, rows)


def where(location: Json | None) -> str:
    """{"document": 1, "node": "sec_II__cl_4", "line": 57} → "văn bản 2 · mục II.4 · dòng 57"."""
    if not location:
        return "—"
    parts = []
    if location.get("document"):
        parts.append(f"văn bản {location['document'] + 1}")
    if location.get("node"):
        parts.append(ids.describe(location["node"]) or "")
    if location.get("line") is not None:
        parts.append(f"dòng {location['line']}")
    return " · ".join(p for p in parts if p) or "—"


@dataclass
class FindingRow:
    """One finding (or one unreadable file) as the reports list it."""

    path: str
    name: str
    severity: str
    rule: str
    message: str
    source: str
    document: int | None
    part: str | None  # the part of the document, as officers name it ("mục II.4, điểm đ")
    line: int | None
    where: str

    @property
    def rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, 3)


def finding_rows(result: Json, rows: list[AuditRow]) -> list[FindingRow]:
    names = {r.path: r.name for r in rows}
    out = []
    for row in result["files"]:
        path, name = shown(row["path"]), names.get(row["path"], "")
        if row.get("status") == "error":
            out.append(FindingRow(path, name, "error", "Không đọc được", _clean(row.get("error")) or "", "", None,
                                  None, None, "—"))
        for f in row.get("findings", []):
            loc = f.get("location") or {}
            out.append(FindingRow(
                path, name, str(f.get("severity", "info")), shown(f.get("rule") or ""), _clean(f.get("message")) or "",
                _clean(f.get("source")) or "", (loc.get("document") or 0) + 1 if loc else None,
                ids.describe(loc.get("node")), loc.get("line"), where(loc)))
    return out


def parent_label(view: Json | None) -> str | None:
    """"Quyết định số 2228/QĐ-UBND ngày 15/07/2025 của ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"."""
    if view is None:
        return None
    parent = view.get("parent") or {}
    number = "/".join(x for x in (parent.get("number"), parent.get("symbol")) if x)
    label = " ".join(x for x in ((parent.get("doc_type") or "Kế hoạch"), f"số {number}" if number else "") if x)
    if parent.get("date"):
        label += f" ngày {display(parent['date'])}"
    if parent.get("issuer"):
        label += f" của {' '.join(str(parent['issuer']).split())}"
    return shown(label)


def audit_summary(files: list[Json], skipped: list[dict[str, str]], view: Json | None,
                  plan_rules: list[str]) -> dict[str, Any]:
    """The counts of the result's "summary"."""
    seen = [audit_row(r, view, plan_rules) for r in files]
    return {
        "files": len(files),
        "errors": sum(s.errors for s in seen),
        "warnings": sum(s.warnings for s in seen),
        "infos": sum(s.infos for s in seen),
        "unreadable": sum(1 for s in seen if s.status == "error"),
        "files_with_errors": sum(1 for s in seen if s.status == "error" or s.errors),
        "ok": sum(1 for s in seen if s.status == "ok"),
        "late": sum(1 for s in seen if s.plan.on_time is False),
        "missing_areas": sum(1 for s in seen if s.plan.areas_missing),
        "weaker_targets": sum(1 for s in seen if s.plan.weaker),
        "skipped": len(skipped),
        "plan_checked": view is not None,
    }
