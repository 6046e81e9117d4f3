"""What the audit's reports (terminal table, HTML, XLSX) show for each file, from the audit's result.

The result is plain JSON (rows may come back from the journal of an interrupted audit); this
builds typed rows from it once, and every report renders the same rows. What the comparison with
the parent plan says of a row (on time, areas and the section covering each, each target with
what the plan committed) is the typed plan summary the check computed for the file
(`vbhc.profile.summary.PlanSummary`, the row's "plan"), read in one function, `plan_of`: nothing
here re-derives it from the findings.

Every text shown comes through `shown`: a file name that is not UTF-8 shows its bytes ("\\xff"),
control characters are escaped (`vbhc.terminal.printable`), so no report can carry a terminal
escape or a string its encoder refuses.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from vbhc import ids
from vbhc.dates import display
from vbhc.profile.summary import AreaCheck, PlanSummary, TargetCheck, TargetSpec
from vbhc.quantities import show
from vbhc.terminal import printable

Json = dict[str, Any]
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}
STATUS_WORDS = {"ok": "đạt", "findings": "có phát hiện", "error": "không đọc được"}
# vbhc.audit.status: what each submission is, and what each agency's submissions come to.
PLAN_STATUS_WORDS = {"ok": "kế hoạch", "incomplete": "chưa hoàn thiện", "not_a_plan": "không phải kế hoạch",
                     "duplicate": "bản trùng (không tính)", "unreadable": "không đọc được"}
AGENCY_STATUS_WORDS = {"ok": "đã nộp", "incomplete": "đã nộp bản chưa hoàn thiện",
                       "unreadable": "đã nộp, không đọc được",
                       "not_a_plan": "chưa nộp kế hoạch (chỉ có văn bản khác)", "missing": "chưa nộp"}
COUNTED = ("ok", "incomplete")  # the plans the matrices show: one per agency, drafts marked


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


@lru_cache(maxsize=4096)
def _norm_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _norm(text: Any) -> str:
    """The form two writings of one indicator or name share (every row of an audit asks again)."""
    return _norm_text(str(text or ""))


def target_id(data: Json) -> str:
    return _norm(data.get("key") or data.get("indicator"))


def show_target(value: Json | None) -> str:
    """{"op": ">=", "value": 95, "unit": "%"} → "≥ 95%"; "" for none."""
    if not value or not value.get("op"):
        return ""
    return show(str(value["op"]), value.get("value"), value.get("unit"))


# ---------------------------------------------------------------------------------------------
# The plan analysis of one row: read from the typed plan summary the check computed for the file


@dataclass
class TargetCell:
    """One parent target in one plan: "ok" (met), "weaker", "absent" (not addressed),
    "not_applicable" (not asked of this plan), "unknown" (no summary)."""

    state: str
    found: TargetSpec | None = None  # what the plan committed

    @property
    def shown(self) -> str:
        """"≥ 98%": the comparator and value the plan wrote; "" when it wrote none."""
        return shown(self.found.show()) if self.found is not None else ""


@dataclass
class AreaCell:
    """One reform area in one plan: "yes", "no", "optional" (not asked of a thematic plan) or "unknown"."""

    state: str
    section: str | None = None  # the plan's part that covers it, as officers write it ("mục II.1")


TARGET_STATES = {"met": "ok", "weaker": "weaker", "not_addressed": "absent", "not_applicable": "not_applicable"}
UNKNOWN_AREA = AreaCell("unknown")


@dataclass
class PlanView:
    """What the comparison with the parent plan says of one file, as the reports show it."""

    deadline: str | None = None
    on_time: bool | None = None
    days_late: int | None = None
    areas: dict[str, AreaCell] = field(default_factory=dict)  # area id → cell
    areas_covered: int | None = None
    areas_missing: list[str] | None = None
    areas_total: int | None = None
    weaker: list[TargetCheck] = field(default_factory=list)
    not_addressed: list[TargetCheck] = field(default_factory=list)
    targets_checked: bool = False
    weaker_count: int | None = None
    targets: dict[str, TargetCell] = field(default_factory=dict)  # target id → cell


def _area_cell(area: AreaCheck) -> AreaCell:
    if area.covered:
        return AreaCell("yes", shown(area.section) if area.section else None)
    return AreaCell("no" if area.required else "optional")


def _with_summary(plan: PlanView, summary: PlanSummary) -> None:
    plan.on_time, plan.days_late = summary.dates.on_time, summary.dates.days_late
    plan.deadline = summary.dates.deadline or plan.deadline
    required = [a for a in summary.areas if a.required]
    plan.areas = {a.id: _area_cell(a) for a in summary.areas}
    plan.areas_covered = sum(1 for a in required if a.covered)
    plan.areas_missing = summary.areas_missing
    plan.areas_total = len(required)
    plan.weaker, plan.not_addressed = summary.with_status("weaker"), summary.with_status("not_addressed")
    plan.targets_checked = True
    plan.weaker_count = len(plan.weaker)
    plan.targets = {_norm(t.parent.key or t.parent.indicator): TargetCell(TARGET_STATES[t.status], t.found)
                    for t in summary.targets}


def plan_of(row: Json, view: Json | None) -> PlanView:
    """The plan analysis of one row, from the summary the check carried on it ("plan"); without
    one (no parent plan, an unreadable file), or for another province's plan, nothing is known."""
    plan = PlanView(deadline=(view or {}).get("deadline"))
    if view is None:
        return plan
    data = row.get("plan")
    summary = PlanSummary.from_dict(data) if row.get("status") != "error" and data else None
    if summary is None or summary.foreign:  # another province's plan was not checked against this parent (KH008)
        plan.areas = {a["id"]: UNKNOWN_AREA for a in view.get("areas", [])}
        return plan
    _with_summary(plan, summary)
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
    plan_status: str = "ok"
    status_reason: str | None = None
    listed: bool | None = None  # on the --expected list (None: no list)
    listed_name: str | None = None  # the list's name for the agency
    superseded_by: str | None = None

    @property
    def counted(self) -> bool:
        """One of the plans the matrices compare (not a superseded copy, a note or an unreadable file)."""
        return self.plan_status in COUNTED

    @property
    def draft(self) -> bool:
        return self.plan_status == "incomplete"

    @property
    def status_words(self) -> str:
        return PLAN_STATUS_WORDS.get(self.plan_status, self.plan_status)


def _count(row: Json, severity: str) -> int:
    return sum(1 for f in row.get("findings", []) if f.get("severity") == severity)


def _default_status(row: Json) -> str:
    return "unreadable" if row.get("status") == "error" else "ok"


def audit_row(row: Json, view: Json | None, plan: PlanView | None = None) -> AuditRow:
    """`plan`: the row's `plan_of`, when it was made already (by the audit's worker)."""
    meta = row.get("meta") or {}
    agency = _clean(meta.get("issuer"))
    number = "/".join(x for x in (meta.get("number"), meta.get("symbol")) if x) or None
    who = row.get("agency") or {}
    return AuditRow(
        path=row["path"], shown_path=shown(row["path"]), status=str(row.get("status")),
        error=_clean(row.get("error")), agency=agency, name=agency or shown(PurePosixPath(row["path"]).stem),
        doc_type=_clean(meta.get("doc_type")), number=_clean(number), date=meta.get("date"),
        title=_clean(meta.get("title")), errors=_count(row, "error"), warnings=_count(row, "warning"),
        infos=_count(row, "info"), plan=plan if plan is not None else plan_of(row, view),
        plan_status=str(row.get("plan_status") or _default_status(row)), status_reason=_clean(row.get("status_reason")),
        listed=who.get("listed"), listed_name=_clean(who.get("name")) if who.get("listed") else None,
        superseded_by=shown(row["superseded_by"]) if row.get("superseded_by") else None)


@dataclass
class TargetColumn:
    id: str
    indicator: str
    text: str | None
    parent: Json


def target_columns(view: Json | None) -> list[TargetColumn]:
    """The parent profile's targets, one column each."""
    columns: dict[str, TargetColumn] = {}
    for t in (view or {}).get("targets", []):
        tid = target_id(t)
        columns.setdefault(tid, TargetColumn(tid, shown(t.get("indicator") or t.get("text") or ""),
                                             _clean(t.get("text")),
                                             {"op": t.get("op"), "value": t.get("value"), "unit": t.get("unit")}))
    return list(columns.values())


@dataclass
class AgencyRow:
    """One agency of the result's "agencies" (vbhc.audit.status): what came from it."""

    name: str
    short: str | None
    level: str | None
    status: str  # AGENCY_STATUS_WORDS
    file: str | None  # the plan counted
    files: list[str]
    date: str | None
    on_time: bool | None

    @property
    def words(self) -> str:
        return AGENCY_STATUS_WORDS.get(self.status, self.status)


def agency_rows(result: Json) -> list[AgencyRow]:
    return [AgencyRow(name=shown(a["name"]), short=_clean(a.get("short")), level=a.get("level"),
                      status=str(a.get("status")), file=shown(a["file"]) if a.get("file") else None,
                      files=[shown(f) for f in a.get("files") or []], date=a.get("date"), on_time=a.get("on_time"))
            for a in result.get("agencies") or []]


def status_counts_words(summary: Json) -> str:
    """"9 kế hoạch, 1 chưa hoàn thiện, 1 không phải kế hoạch": the files by plan_status."""
    counts = summary.get("plan_status") or {}
    return ", ".join(f"{counts[st]} {PLAN_STATUS_WORDS[st]}" for st in PLAN_STATUS_WORDS if counts.get(st))


def report_rows(result: Json, rows: list[AuditRow] | None = None) -> tuple[list[AuditRow], list[TargetColumn]]:
    """The rows and the target columns of an audit result, for the reports; `rows`: the rows as
    `audit_result` made them, where the caller has them (not made again)."""
    view = result.get("profile")
    return [audit_row(r, view) for r in result["files"]] if rows is None else rows, target_columns(view)


def where(location: Json | None) -> str:
    """The place an officer finds in Word: "văn bản 2 · Căn cứ thứ 2 · trang 1 · “Căn cứ Luật …”".

    The part (as `rules/_location.py` names it), the page where the file has pages and a few quoted
    words; a line number only for a text file's line that has no part to name (it is a line there).
    """
    if not location:
        return "—"
    parts = []
    if location.get("document"):
        parts.append(f"văn bản {location['document'] + 1}")
    part = _clean(location.get("part")) or ids.describe(location.get("node"))
    parts.append(part or "")
    if location.get("page"):
        parts.append(f"trang {location['page']}")
    if location.get("quote"):
        parts.append(f"“{_clean(location['quote'])}”")
    elif not part and location.get("line") is not None and location.get("paragraph") is None:
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


def finding_rows(result: Json, rows: list[AuditRow], plans: bool = True) -> list[FindingRow]:
    """Every finding of the plans (`plans`), or of the files that are not plans (shown apart)."""
    names = {r.path: r.name for r in rows}
    out = []
    for row in result["files"]:
        if (row.get("plan_status") == "not_a_plan") == plans:
            continue
        path, name = shown(row["path"]), names.get(row["path"], "")
        if row.get("status") == "error":
            out.append(FindingRow(path, name, "error", "Không đọc được", _clean(row.get("error")) or "", "", None,
                                  None, None, "—"))
        for f in row.get("findings", []):
            loc = f.get("location") or {}
            out.append(FindingRow(
                path, name, str(f.get("severity", "info")), shown(f.get("rule") or ""), _clean(f.get("message")) or "",
                _clean(f.get("source")) or "", (loc.get("document") or 0) + 1 if loc else None,
                _clean(loc.get("part")) or ids.describe(loc.get("node")), loc.get("line"), where(loc)))
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


# What the summary counts of the plans' rows (a note's layout is not counted), and of the plans that
# count and are complete (the comparison with the parent).
PLAN_COUNTS: dict[str, Any] = {
    "files_with_errors": lambda s: s.status == "error" or s.errors > 0,
    "ok": lambda s: s.status == "ok",
}
JUDGED_COUNTS: dict[str, Any] = {
    "late": lambda s: s.plan.on_time is False,
    "missing_areas": lambda s: bool(s.plan.areas_missing),
    "weaker_targets": lambda s: bool(s.plan.weaker),
}


def audit_summary(files: list[Json], skipped: list[dict[str, str]], view: Json | None) -> dict[str, Any]:
    """The counts of the result's "summary": findings of the files that are plans, and the comparison
    with the parent of the plans that count and are complete."""
    return rows_summary([audit_row(r, view) for r in files], skipped, view)


def rows_summary(every: list[AuditRow], skipped: list[dict[str, str]], view: Json | None) -> dict[str, Any]:
    """`audit_summary` of rows already made (`audit_row`)."""
    seen = [s for s in every if s.plan_status != "not_a_plan"]
    judged = [s for s in every if s.plan_status == "ok"]
    return {
        "files": len(every),
        "errors": sum(s.errors for s in seen),
        "warnings": sum(s.warnings for s in seen),
        "infos": sum(s.infos for s in seen),
        "unreadable": sum(1 for s in every if s.status == "error"),
        **{name: sum(1 for s in seen if test(s)) for name, test in PLAN_COUNTS.items()},
        **{name: sum(1 for s in judged if test(s)) for name, test in JUDGED_COUNTS.items()},
        "skipped": len(skipped),
        "plan_checked": view is not None,
    }
