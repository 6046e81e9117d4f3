"""The terminal report of `vbhc audit`: one row per file with what it is (plan_status), then the
summary, the agencies that have not submitted, the files not from the list, and the skipped files.

Everything from a document or a file name goes to rich as plain `Text` (never markup: "[/]" in
an agency's name is text), after `report.rows.shown` has escaped its control characters.
"""

from __future__ import annotations

from typing import Any, TextIO

from vbhc.dates import display
from vbhc.report.rows import AuditRow, agency_rows, report_rows, shown, status_counts_words

# (header, justify, least and most width): an agency's name ("ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN") on one line
COLUMNS = (("Tệp", "left", None, 22), ("Cơ quan", "left", 31, None), ("Số", "left", None, None),
           ("Ngày", "left", 10, None), ("Tình trạng", "left", None, 19), ("Đúng hạn", "left", None, None),
           ("Lĩnh vực", "right", None, None), ("Chỉ tiêu\nthấp hơn", "right", None, None), ("Lỗi", "right", None, None),
           ("Cảnh\nbáo", "right", None, None))
STATUS_STYLES = {"ok": "", "incomplete": "yellow", "not_a_plan": "dim", "duplicate": "dim", "unreadable": "bold red"}


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
    if s.get("plan_status"):
        lines.append(f"Tình trạng: {status_counts_words(s)}.")
    lines.extend(agency_lines(result))
    if s.get("plan_checked"):
        lines.append(f"Đối chiếu kế hoạch cấp trên: {s['late']} tệp trễ hạn, {s['missing_areas']} tệp thiếu lĩnh vực, "
                     f"{s['weaker_targets']} tệp có chỉ tiêu thấp hơn.")
    if s.get("skipped"):
        lines.append(f"Bỏ qua {s['skipped']} tệp:")
        lines.extend(f"  {shown(x['path'])}: {shown(x['reason'])}" for x in result.get("skipped", []))
    return lines


def _cells(r: AuditRow) -> list[Any]:
    from rich.text import Text

    status = Text(r.status_words, style=STATUS_STYLES.get(r.plan_status, ""))
    if r.status == "error":
        return [Text(r.shown_path), Text(f"không đọc được: {r.error}", style="bold red"), "", "", status, "", "", "",
                "—", "—"]
    head = [Text(r.shown_path), Text(r.agency or "—"), Text(r.number or "—"), Text(shown(display(r.date))), status]
    if r.plan_status == "not_a_plan" or r.plan_status == "unreadable":  # no plan to judge: nothing to count
        return [*head, "—", "—", "—", "—", "—"]
    plan = r.plan
    weaker = "—" if plan.weaker_count is None else str(plan.weaker_count)
    areas = "nháp" if r.draft else areas_words(r)  # a skeleton's ticks are the parent's, not the agency's
    return [*head, Text(on_time_words(r), style="red" if plan.on_time is False else ""),
            Text(areas, style="red" if plan.areas_missing else ""),
            Text("nháp" if r.draft else weaker, style="red" if plan.weaker and not r.draft else ""),
            Text(str(r.errors), style="red" if r.errors else ""),
            Text(str(r.warnings), style="yellow" if r.warnings else "")]


def render_table(result: dict[str, Any], file: TextIO, colour: bool, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file, force_terminal=colour, no_color=not colour, width=width or (None if colour else 160),
                      highlight=False, soft_wrap=False, markup=False, emoji=False)
    rows, _ = report_rows(result)
    table = Table(title="Kết quả kiểm tra kế hoạch", header_style="bold", show_lines=False)
    for name, justify, least, most in COLUMNS:
        table.add_column(name, justify=justify, overflow="fold", min_width=least, max_width=most)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(*_cells(r))
    console.print(table)
    for line in summary_lines(result):
        console.print(Text(line))
