"""The terminal report of `vbhc audit`: one row per file, then the summary and the skipped files.

Everything from a document or a file name goes to rich as plain `Text` (never markup: "[/]" in
an agency's name is text), after `report.rows.shown` has escaped its control characters.
"""

from __future__ import annotations

from typing import Any, TextIO

from vbhc.dates import display
from vbhc.report.rows import AuditRow, report_rows, shown

COLUMNS = (("Tệp", "left"), ("Cơ quan", "left"), ("Số", "left"), ("Ngày", "left"), ("Đúng hạn", "left"),
           ("Lĩnh vực", "right"), ("Chỉ tiêu thấp hơn", "right"), ("Lỗi", "right"), ("Cảnh báo", "right"))


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


def summary_lines(result: dict[str, Any]) -> list[str]:
    s = result["summary"]
    lines = [f"Đã kiểm tra {s['files']} tệp: {s['unreadable']} tệp không đọc được, {s['files_with_errors']} tệp có lỗi "
             f"({s['errors']} lỗi, {s['warnings']} cảnh báo)."]
    if s.get("plan_checked"):
        lines.append(f"Đối chiếu kế hoạch cấp trên: {s['late']} tệp trễ hạn, {s['missing_areas']} tệp thiếu lĩnh vực, "
                     f"{s['weaker_targets']} tệp có chỉ tiêu thấp hơn.")
    if s.get("skipped"):
        lines.append(f"Bỏ qua {s['skipped']} tệp:")
        lines.extend(f"  {shown(x['path'])}: {shown(x['reason'])}" for x in result.get("skipped", []))
    return lines


def _cells(r: AuditRow) -> list[Any]:
    from rich.text import Text

    if r.status == "error":
        return [Text(r.shown_path), Text(f"không đọc được: {r.error}", style="bold red"), "", "", "", "", "", "—", "—"]
    plan = r.plan
    weaker = "—" if plan.weaker_count is None else str(plan.weaker_count)
    return [Text(r.shown_path), Text(r.agency or "—"), Text(r.number or "—"), Text(shown(display(r.date))),
            Text(on_time_words(r), style="red" if plan.on_time is False else ""),
            Text(areas_words(r), style="red" if plan.areas_missing else ""),
            Text(weaker, style="red" if plan.weaker else ""),
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
    for name, justify in COLUMNS:
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for r in rows:
        table.add_row(*_cells(r))
    console.print(table)
    for line in summary_lines(result):
        console.print(Text(line))
