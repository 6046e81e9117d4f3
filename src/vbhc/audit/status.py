"""What each submission is, for the officer who must say who sent a plan: `plan_status`, the agency
it came from, and which of two plans from one agency counts.

- `unreadable`: the file could not be read, or holds nothing vbhc can read (a scan without a text
  layer, a file without a letter);
- `not_a_plan`: read, but not a Kế hoạch (a note, a cover letter): shown apart, its findings are
  not the plans' findings;
- `incomplete`: a plan not filled in (`[ĐIỀN: …]` marks, headings with nothing under them);
- `duplicate`: a second plan from an agency that sent another: the one counted is the latest by
  date among its complete plans (a draft counts only when the agency sent nothing complete); the
  others are superseded;
- `ok`: a plan, whatever its findings say is wrong with it.

Each row gains "plan_status", "status_reason" (the officer's words), "agency" (who sent it) and,
for two plans from one agency, "superseded_by" / "supersedes". The result gains "agencies" (one
entry per agency: the list's, or without a list the agencies that sent a plan) and the summary
its counts. The rows are the worker's (or the journal's) rows; a row from a journal written
before rows carried "submission" is judged from its findings and header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vbhc.audit.agencies import Agencies, Agency, key
from vbhc.dates import display
from vbhc.textnorm import fold

Json = dict[str, Any]
PLAN_STATUSES = ("ok", "incomplete", "not_a_plan", "duplicate", "unreadable")
PLACEHOLDER_RULE = "VBHC.ChoCanDien"
# What one agency's submissions come to, for the agencies table and the Báo cáo.
AGENCY_STATUSES = ("ok", "incomplete", "unreadable", "not_a_plan", "missing")
# Issuers that name no one agency (a header read as the collective alone).
NO_ONE = {"uy ban nhan dan", "hoi dong nhan dan"}


def _facts(row: Json) -> Json:
    """The row's "submission", or what its findings and header tell (a journal of an older vbhc)."""
    if row.get("submission"):
        return dict(row["submission"])
    placeholders = sum(int((f.get("data") or {}).get("count") or 0)
                       for f in row.get("findings", []) if f.get("rule") == PLACEHOLDER_RULE)
    doc_type = (row.get("meta") or {}).get("doc_type")
    return {"plan": fold(doc_type or "") == "ke hoach", "doc_types": [doc_type], "placeholders": placeholders,
            "empty_headings": [], "text": True, "scanned": False}


def _incomplete_reason(facts: Json) -> str | None:
    parts = []
    if facts.get("placeholders"):
        parts.append(f"còn {facts['placeholders']} chỗ cần điền “[ĐIỀN: …]”")
    empty = facts.get("empty_headings") or []
    if empty:
        named = ", ".join(str(e.get("part") or e.get("heading")) for e in empty[:5])
        more = f" và {len(empty) - 5} đề mục khác" if len(empty) > 5 else ""
        parts.append(f"{len(empty)} đề mục chưa có nội dung ({named}{more})")
    return "bản nháp chưa hoàn thiện: " + "; ".join(parts) if parts else None


def own_status(row: Json) -> tuple[str, str | None]:
    """The row's status on its own (before two plans of one agency are compared), and why."""
    if row.get("status") == "error":
        return "unreadable", row.get("error")
    facts = _facts(row)
    if not facts.get("text", True):
        return "unreadable", "tệp không có chữ nào đọc được"
    if not facts.get("plan"):
        if facts.get("scanned"):
            return "unreadable", "bản quét không có lớp chữ đọc được: không xác định được nội dung"
        found = [t for t in facts.get("doc_types") or [] if t]
        what = f"văn bản là {', '.join(found)}" if found else "không thấy tên loại “KẾ HOẠCH”"
        return "not_a_plan", f"không phải kế hoạch ({what})"
    reason = _incomplete_reason(facts)
    return ("incomplete", reason) if reason else ("ok", None)


@dataclass
class Submission:
    """One row as this module judges it."""

    row: Json
    status: str
    reason: str | None
    agency: Agency | None = None  # the list's agency it was matched to
    match: str | None = None  # "issuer", "symbol", "file_name"
    group: str | None = None  # who sent it: the agency's name, or the issuer's key without a list
    name: str | None = None  # the sender's name as reports show it, without a list

    @property
    def path(self) -> str:
        return str(self.row["path"])

    @property
    def date(self) -> str:
        return str((self.row.get("meta") or {}).get("date") or "")

    @property
    def issuer(self) -> str | None:
        return (self.row.get("meta") or {}).get("issuer")

    @property
    def parent_issuer(self) -> str | None:
        return (self.row.get("meta") or {}).get("parent_issuer")


def _match(s: Submission, agencies: Agencies | None) -> None:
    meta = s.row.get("meta") or {}
    if agencies is not None:
        found = agencies.match(meta.get("issuer"), meta.get("symbol"), s.path)
        if found is not None:
            s.agency, s.match, s.group = found.agency, found.by, found.agency.name
        return
    k = key(meta.get("issuer"))
    if k and k not in NO_ONE:
        s.group, s.name = k, " ".join(str(s.issuer).split())


def _part_by_parent(subs: list[Submission]) -> None:
    """Without a list, one issuer's name under two parent agencies ("SỞ TƯ PHÁP" of two provinces) is two
    senders, each shown with its parent; a file that prints no parent stays under the name alone."""
    parents: dict[str, set[str]] = {}
    for s in subs:
        if s.group and key(s.parent_issuer):
            parents.setdefault(s.group, set()).add(key(s.parent_issuer))
    for s in subs:
        if s.group and len(parents.get(s.group, ())) > 1 and key(s.parent_issuer):
            s.group = f"{s.group} / {key(s.parent_issuer)}"
            s.name = f"{s.name} ({' '.join(str(s.parent_issuer).split())})"


def _number(s: Submission) -> int:
    digits = "".join(ch for ch in str((s.row.get("meta") or {}).get("number") or "") if ch.isdigit())
    return int(digits[:9]) if digits else 0


def _rank(s: Submission) -> tuple[bool, str, int, str]:
    """The counted plan of an agency ranks highest: complete, then latest, then highest number."""
    return (s.status == "ok", s.date, _number(s), s.path)


def _supersede(subs: list[Submission]) -> None:
    groups: dict[str, list[Submission]] = {}
    for s in subs:
        if s.group and s.status in ("ok", "incomplete"):
            groups.setdefault(s.group, []).append(s)
    for plans in groups.values():
        if len(plans) < 2:
            continue
        plans.sort(key=_rank, reverse=True)
        counted = plans[0]
        counted.row["supersedes"] = [p.path for p in plans[1:]]
        when = f" ngày {display(counted.date)}" if counted.date else ""
        for p in plans[1:]:
            p.status = "duplicate"
            p.reason = f"cơ quan đã nộp nhiều bản: bản được tính là {counted.path}{when}"
            p.row["superseded_by"] = counted.path


def _agency_json(s: Submission, listed: bool) -> Json | None:
    if s.agency is not None:
        return {"name": s.agency.name, "short": s.agency.short, "level": s.agency.level, "match": s.match,
                "listed": True}
    if s.issuer:
        return {"name": s.name or " ".join(str(s.issuer).split()), "short": None, "level": None, "match": None,
                "listed": False if listed else None}
    return None


@dataclass
class AgencyEntry:
    """One agency and what came from it."""

    name: str
    short: str | None = None
    level: str | None = None
    files: list[Submission] = field(default_factory=list)

    @property
    def counted(self) -> Submission | None:
        plans = [s for s in self.files if s.status in ("ok", "incomplete")]
        return max(plans, key=_rank) if plans else None

    @property
    def status(self) -> str:
        counted = self.counted
        if counted is not None:
            return counted.status
        if any(s.status == "unreadable" for s in self.files):
            return "unreadable"
        return "not_a_plan" if self.files else "missing"

    def as_dict(self) -> Json:
        counted = self.counted
        on_time = ((counted.row.get("plan") or {}).get("dates") or {}).get("on_time") if counted else None
        return {"name": self.name, "short": self.short, "level": self.level, "status": self.status,
                "file": counted.path if counted else None, "files": [s.path for s in self.files],
                "date": (counted.date or None) if counted else None, "on_time": on_time}


def _entries(subs: list[Submission], agencies: Agencies | None) -> list[AgencyEntry]:
    if agencies is not None:
        entries = {a.name: AgencyEntry(a.name, a.short, a.level) for a in agencies}
    else:
        entries = {}
        for s in subs:
            if s.group and s.status in ("ok", "incomplete", "duplicate"):
                entries.setdefault(s.group, AgencyEntry(s.name or s.group))
    for s in subs:
        if s.group in entries:
            entries[s.group].files.append(s)
    return list(entries.values())


def _counts(entries: list[AgencyEntry], listed: bool) -> Json:
    statuses = [e.status for e in entries]
    counted = [e.counted for e in entries if e.counted is not None]
    on_time = [((c.row.get("plan") or {}).get("dates") or {}).get("on_time") for c in counted]
    return {
        "expected": len(entries) if listed else None,
        "received": sum(1 for st in statuses if st in ("ok", "incomplete", "unreadable")),
        "plans": len(counted),
        "complete": statuses.count("ok"),
        "incomplete": statuses.count("incomplete"),
        "unreadable": statuses.count("unreadable"),
        "on_time": sum(1 for x in on_time if x is True),
        "late": sum(1 for x in on_time if x is False),
        "missing": sum(1 for st in statuses if st in ("missing", "not_a_plan")),
    }


@dataclass
class Assessment:
    """What `assess` adds to the result."""

    agencies: list[Json]
    summary: Json


def assess(rows: list[Json], agencies: Agencies | None = None) -> Assessment:
    """Give every row its plan_status, agency and (two plans of one agency) which one counts;
    the rows are changed in place."""
    subs = []
    for row in rows:
        for stale in ("plan_status", "status_reason", "agency", "superseded_by", "supersedes"):
            row.pop(stale, None)
        status, reason = own_status(row)
        s = Submission(row, status, reason)
        _match(s, agencies)
        subs.append(s)
    if agencies is None:
        _part_by_parent(subs)
    _supersede(subs)
    for s in subs:
        s.row["plan_status"], s.row["status_reason"] = s.status, s.reason
        s.row["agency"] = _agency_json(s, agencies is not None)
    entries = _entries(subs, agencies)
    listed = agencies is not None
    not_on_list = [{"path": s.path, "issuer": " ".join(str(s.issuer or "").split()) or None}
                   for s in subs if listed and s.agency is None and s.status in ("ok", "incomplete", "duplicate")]
    summary = {
        "plan_status": {st: sum(1 for s in subs if s.status == st) for st in PLAN_STATUSES},
        "missing_agencies": [e.name for e in entries if e.status in ("missing", "not_a_plan")] if listed else [],
        "not_on_list": not_on_list,
        "agency_counts": _counts(entries, listed),
    }
    return Assessment(agencies=[e.as_dict() for e in entries], summary=summary)
