"""The terminal report of `vbhc audit`: one row per file with what it is (plan_status), then the
summary, the agencies that have not submitted, the files not from the list, and the skipped files.

Everything from a document or a file name is written as it is (no markup is read: "[/]" in an
agency's name is text), after `report.rows.shown` has escaped its control characters.
"""

from __future__ import annotations

import shutil
from typing import Any

from vbhc.dates import display
from vbhc.report.grid import Cell, Column, fold, render
from vbhc.report.rows import AuditRow, agency_rows, report_rows, shown, status_counts_words

# An agency's name ("ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN") on one line
COLUMNS = (Column("Tệp", max_width=22), Column("Cơ quan", min_width=31), Column("Số"), Column("Ngày", min_width=10),
           Column("Tình trạng", max_width=19), Column("Đúng hạn"), Column("Lĩnh vực", "right"),
           Column("Chỉ tiêu\nthấp hơn", "right"), Column("Lỗi", "right"), Column("Cảnh\nbáo", "right"))
STATUS_STYLES = {"ok": "", "incomplete": "yellow", "not_a_plan": "dim", "duplicate": "dim", "unreadable": "bold red"}
TITLE = "Kết quả kiểm tra kế hoạch"
PLAIN_WIDTH = 160  # where the output is not a terminal (a file, a pipe)


def on_time_words(row: AuditRow) -> str:
    plan = row.plan
    if plan.on_time is None:
        return "—"
    if plan.on_time:
        return "đúng hạn"
    return f"trễ {plan.days_late} ngày" if plan.days_late and plan.days_late > 0 else "trễ hạn"


def areas_words(row: AuditRow) -> str:
    if row.plan.areas_covered is None:
        return "—"
    return f"{row.plan.areas_covered}/{row.plan.areas_total}"


def agency_lines(result: dict[str, Any]) -> list[str]:
    """Who has not submitted, who sent more than one plan, what came from agencies not on the list."""
    s = result["summary"]
    lines = []
    counts = s.get("agency_counts") or {}
    if counts.get("expected") is not None:
        lines.append(f"Theo danh sách {counts['expected']} cơ quan: {counts['received']} đã nộp ({counts['complete']} "
                     f"hoàn chỉnh, {counts['incomplete']} chưa hoàn thiện, {counts['unreadable']} không đọc được), "
                     f"{counts['on_time']} đúng hạn; {len(s.get('missing_agencies') or [])} chưa nộp kế hoạch.")
        missing = [shown(name) for name in s.get("missing_agencies") or []]
        if missing:
            lines.append(f"Chưa nộp kế hoạch ({len(missing)}): {'; '.join(missing)}.")
    for a in agency_rows(result):
        if a.file and len(a.files) > 1:
            others = ", ".join(f for f in a.files if f != a.file)
            lines.append(f"{a.name} nộp {len(a.files)} tệp: tính {a.file}; không tính {others}.")
    unlisted = s.get("not_on_list") or []
    if unlisted:
        lines.append(f"Không có trong danh sách ({len(unlisted)}):")
        lines.extend(f"  {shown(x['path'])}: {shown(x.get('issuer') or '—')}" for x in unlisted)
    return lines


def summary_lines(result: dict[str, Any]) -> list[str]:
    s = result["summary"]
    lines = [f"Đã kiểm tra {s['files']} tệp: {s['unreadable']} tệp không đọc được, {s['files_with_errors']} tệp có lỗi "
             f"({s['errors']} lỗi, {s['warnings']} cảnh báo)."]
    statuses = status_counts_words(s)
    if statuses:  # an empty folder has none
        lines.append(f"Tình trạng: {statuses}.")
    lines.extend(agency_lines(result))
    if s.get("plan_checked"):
        lines.append(f"Đối chiếu kế hoạch cấp trên: {s['late']} tệp trễ hạn, {s['missing_areas']} tệp thiếu lĩnh vực, "
                     f"{s['weaker_targets']} tệp có chỉ tiêu thấp hơn.")
    if s.get("skipped"):
        lines.append(f"Bỏ qua {s['skipped']} tệp:")
        lines.extend(f"  {shown(x['path'])}: {shown(x['reason'])}" for x in result.get("skipped", []))
    return lines


def _cells(r: AuditRow) -> list[Cell]:
    status = (r.status_words, STATUS_STYLES.get(r.plan_status, ""))
    if r.status == "error":
        return [(r.shown_path, ""), (f"không đọc được: {r.error}", "bold red"), ("", ""), ("", ""), status, ("", ""),
                ("", ""), ("", ""), ("—", ""), ("—", "")]
    head = [(r.shown_path, ""), (r.agency or "—", ""), (r.number or "—", ""), (shown(display(r.date)), ""), status]
    if r.plan_status == "not_a_plan" or r.plan_status == "unreadable":  # no plan to judge: nothing to count
        return [*head, *[("—", "")] * 5]
    plan = r.plan
    weaker = "—" if plan.weaker_count is None else str(plan.weaker_count)
    areas = "nháp" if r.draft else areas_words(r)  # a skeleton's ticks are the parent's, not the agency's
    return [*head, (on_time_words(r), "red" if plan.on_time is False else ""),
            (areas, "red" if plan.areas_missing else ""),
            ("nháp" if r.draft else weaker, "red" if plan.weaker and not r.draft else ""),
            (str(r.errors), "red" if r.errors else ""), (str(r.warnings), "yellow" if r.warnings else "")]


def table_text(result: dict[str, Any], colour: bool, width: int | None = None,
               rows: list[AuditRow] | None = None) -> str:
    """The table, then the summary lines, at `width` cells (the terminal's where colour is on);
    `rows`: the result's rows as `audit_result` made them, where the caller has them."""
    if width is None:
        width = shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns if colour else PLAIN_WIDTH
    rows, _ = report_rows(result, rows)
    lines = render(TITLE, COLUMNS, [_cells(r) for r in rows], width, colour)
    lines += [part for line in summary_lines(result) for part in fold(line, width)]
    return "\n".join(lines) + "\n"
