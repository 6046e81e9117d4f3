"""A collection's submissions as the audit sees a folder: one result, the audit's reports.

Each submission is checked once, in a child, as `vbhc audit` checks a file (its row of the check
JSON, with the plan summary); the rows counted (the latest plan of each agency) are put together
into the audit's result, so the page's matrix and the HTML/XLSX downloads are the audit's own
(`vbhc.report.rows`, `report.html`, `report.xlsx`). What the collection adds: the agencies
expected, who has not submitted, and the plans a later one replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vbhc.report.rows import AuditRow, TargetColumn, audit_row, audit_summary, target_columns
from vbhc.serve import agencies
from vbhc.serve.store import Submission


@dataclass
class Entry:
    """One line of the dashboard: an expected agency (submitted or not), or a plan from an agency
    not on the list."""

    agency: str
    expected: bool
    submission: Submission | None = None
    row: AuditRow | None = None
    superseded: list[Submission] = field(default_factory=list)

    @property
    def state(self) -> str:
        """"missing", "pending", "unreadable" or "received"."""
        if self.submission is None:
            return "missing"
        if self.submission.state == "pending":
            return "pending"
        return "unreadable" if self.row is not None and self.row.status == "error" else "received"


@dataclass
class Dashboard:
    entries: list[Entry]
    result: dict[str, Any]
    targets: list[TargetColumn]
    areas: list[dict[str, str]]

    @property
    def missing(self) -> list[str]:
        return [e.agency for e in self.entries if e.expected and e.state == "missing"]

    @property
    def pending(self) -> int:
        return sum(1 for e in self.entries if e.state == "pending")


def _issuer(sub: Submission) -> str | None:
    return ((sub.row or {}).get("meta") or {}).get("issuer")


def _order(sub: Submission) -> tuple[str, str]:
    """Which of two plans of one agency counts: the later by its date, then by upload."""
    return (((sub.row or {}).get("meta") or {}).get("date") or "", sub.uploaded)


def _unique_paths(rows: list[dict[str, Any]]) -> None:
    """Two uploads may share a file name; the reports key rows by path."""
    seen: dict[str, int] = {}
    for row in rows:
        n = seen.get(row["path"], 0) + 1
        seen[row["path"]] = n
        if n > 1:
            row["path"] = f"{row['path']} ({n})"


UNNAMED = "\0"  # the key of a plan whose issuer was not read: one line of its own, named by its file


def _group(expected: list[str], submissions: list[Submission]) -> dict[str, list[Submission]]:
    """Submissions by agency: an expected agency's name, else the plan's own issuer (or the file)."""
    groups: dict[str, list[Submission]] = {name: [] for name in expected}
    for sub in submissions:
        issuer = _issuer(sub)
        name = agencies.match(expected, issuer)
        if name is None:
            name = " ".join(issuer.split()) if issuer else f"{UNNAMED}{sub.id}"
            # the same unlisted agency twice: one line
            name = next((k for k in groups if k not in expected and agencies.key(k) == agencies.key(name)), name)
        groups.setdefault(name, []).append(sub)
    return groups


def _entry(name: str, subs: list[Submission], expected: list[str]) -> Entry:
    """An agency's line: its latest plan (one still being checked first), the others replaced."""
    done = sorted((s for s in subs if s.state == "done" and s.row is not None), key=_order)
    pending = [s for s in subs if s.state == "pending"]
    latest = pending[-1] if pending else (done[-1] if done else None)
    label = subs[0].name if name.startswith(UNNAMED) else name
    return Entry(agency=label, expected=name in expected, submission=latest,
                 superseded=[s for s in done if s is not latest])


def dashboard(title: str, view: dict[str, Any], expected: list[str], submissions: list[Submission],
              plan_rules: list[str]) -> Dashboard:
    entries = [_entry(name, subs, expected) for name, subs in _group(expected, submissions).items()]
    pairs = [(e, dict(e.submission.row)) for e in entries
             if e.submission is not None and e.submission.state == "done" and e.submission.row is not None]
    counted = [row for _, row in pairs]
    _unique_paths(counted)
    for entry, row in pairs:
        entry.row = audit_row(row, view)
    result = {
        "tool": "vbhc serve", "root": title, "profile": view, "plan_rules": plan_rules, "files": counted,
        "summary": {**audit_summary(counted, [], view), "expected": len(expected),
                    "missing_agencies": [e.agency for e in entries if e.expected and e.state == "missing"]},
        "skipped": [], "timing": {},
    }
    areas = [{"id": a["id"], "title": a.get("title") or a["id"]} for a in view.get("areas", [])]
    return Dashboard(entries, result, target_columns(view), areas)
