"""A collection's submissions as the audit sees a folder: one result, the audit's reports.

Each submission is checked once, in a child, as `vbhc audit` checks a file (its row of the check
JSON, with the plan summary and the audit's "submission" facts); the rows of every finished
submission are put together by the audit's own `audit_result` with the collection's expected
agencies, so each file's plan_status (a draft "incomplete", a note "not_a_plan", a second plan of
one agency "duplicate"), the agencies that sent nothing, the page's matrix and the HTML/XLSX/Báo
cáo downloads are the audit's. What the page adds: the files still being checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vbhc.audit.agencies import Agencies, Agency
from vbhc.audit.run import audit_result
from vbhc.report.rows import AuditRow, TargetColumn, target_columns
from vbhc.serve.store import Submission

Json = dict[str, Any]


@dataclass
class Entry:
    """One line of the dashboard: an expected agency (whatever it sent, or nothing), a file from an
    agency not on the list, or a file still being checked."""

    agency: str
    state: str  # an agency status of vbhc.audit.status (ok, incomplete, unreadable, not_a_plan, missing), or pending
    expected: bool | None  # on the list (None: no list, or not known yet)
    submission: Submission | None = None  # the plan counted, else what the agency sent
    row: AuditRow | None = None
    superseded: list[Submission] = field(default_factory=list)

    @property
    def css(self) -> str:
        return self.state.replace("_", "-")


@dataclass
class Filed:
    """One finished submission as the list of received files shows it."""

    submission: Submission
    row: AuditRow
    agency: str | None


@dataclass
class Dashboard:
    entries: list[Entry]
    files: list[Filed]
    result: Json
    targets: list[TargetColumn]
    areas: list[dict[str, str]]
    listed: bool

    @property
    def summary(self) -> Json:
        return dict(self.result["summary"])

    @property
    def counts(self) -> Json:
        return dict(self.summary["agency_counts"])

    @property
    def missing(self) -> list[str]:
        return list(self.summary["missing_agencies"])

    @property
    def pending(self) -> int:
        return sum(1 for e in self.entries if e.state == "pending")


def _unique_paths(rows: list[Json]) -> None:
    """Two uploads may share a file name; the result keys rows (and superseded_by) by path."""
    seen: dict[str, int] = {}
    for row in rows:
        n = seen.get(row["path"], 0) + 1
        seen[row["path"]] = n
        if n > 1:
            row["path"] = f"{row['path']} ({n})"


def collection_result(title: str, view: Json, expected: list[Agency], done: list[Submission],
                      plan_rules: list[str]) -> tuple[Json, list[AuditRow]]:
    """The audit's result on the finished submissions (in upload order), against the expected list
    (none: the agencies are those that sent a plan, as `vbhc audit` without --expected), and its
    rows as the reports show them."""
    rows = [dict(sub.row or {}) for sub in done]
    _unique_paths(rows)
    result, shown = audit_result(rows, tool="vbhc serve", root=title, view=view, plan_rules=plan_rules,
                          expected=Agencies(expected) if expected else None, skipped=[], timing={})
    result["summary"]["expected"] = len(expected)
    return result, shown


def _agency_entry(agency: Json, by_path: dict[str, tuple[Submission, AuditRow]], listed: bool) -> Entry:
    """An agency's line: the plan counted (else what it sent), the plans a later one replaced."""
    files = [by_path[p] for p in agency.get("files") or [] if p in by_path]
    shown = by_path.get(agency.get("file") or "") or next(
        (f for f in files if f[1].plan_status == agency["status"]), files[0] if files else None)
    return Entry(agency=agency["name"], state=str(agency["status"]), expected=True if listed else None,
                 submission=shown[0] if shown else None, row=shown[1] if shown else None,
                 superseded=[sub for sub, row in files if row.plan_status == "duplicate"])


def _file_entry(sub: Submission, row: AuditRow, listed: bool) -> Entry:
    """A file no agency of the result holds: from an agency not on the list, a note, an unreadable file."""
    unlisted = listed and row.counted  # a plan from an agency not on the list; a note is no agency's
    return Entry(agency=row.agency or sub.name, state=row.plan_status, expected=False if unlisted else None,
                 submission=sub, row=row)


def dashboard(title: str, view: Json, expected: list[Agency], submissions: list[Submission],
              plan_rules: list[str]) -> Dashboard:
    done = [s for s in submissions if s.state == "done" and s.row is not None]
    result, shown = collection_result(title, view, expected, done, plan_rules)
    listed = bool(expected)
    by_path = {r.path: (sub, r) for sub, r in zip(done, shown, strict=True)}
    entries = [_agency_entry(a, by_path, listed) for a in result["agencies"]]
    held = {p for a in result["agencies"] for p in a.get("files") or []}
    entries += [_file_entry(sub, row, listed) for path, (sub, row) in by_path.items() if path not in held]
    entries += [Entry(agency=s.name, state="pending", expected=None, submission=s)
                for s in submissions if s.state == "pending"]
    files = [Filed(sub, row, (row.listed_name or row.agency)) for sub, row in by_path.values()]
    areas = [{"id": a["id"], "title": a.get("title") or a["id"]} for a in view.get("areas", [])]
    return Dashboard(entries, files, result, target_columns(view), areas, listed)
