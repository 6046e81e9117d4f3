"""The terminal report of `vbhc audit`: one row per file, then the summary and the skipped files."""

from __future__ import annotations

from typing import Any, TextIO

from vbhc.audit import report_rows
from vbhc.dates import display
from vbhc.quantities import vn_number


def on_time_words(row: dict[str, Any]) -> str:
    if row["on_time"] is None:
        return "—"
    if row["on_time"]:
        return "đúng hạn"
    days = row.get("days_late")
    return f"trễ {days} ngày" if days and days > 0 else "trễ hạn"


def areas_words(row: dict[str, Any]) -> str:
    if row["areas_covered"] is None:
        return "—"
    return f"{row['areas_covered']}/{row['areas_total']}"


def summary_lines(result: dict[str, Any]) -> list[str]:
    s = result["summary"]
    lines = [f"Đã kiểm tra {s['files']} tệp: {s['unreadable']} tệp không đọc được, {s['files_with_errors']} tệp có lỗi "
             f"({s['errors']} lỗi, {s['warnings']} cảnh báo)."]
    if s.get("plan_checked"):
        lines.append(f"Đối chiếu kế hoạch cấp trên: {s['late']} tệp trễ hạn, {s['missing_areas']} tệp thiếu lĩnh vực, "
                     f"{s['weaker_targets']} tệp có chỉ tiêu thấp hơn.")
    if s.get("skipped"):
        lines.append(f"Bỏ qua {s['skipped']} tệp:")
        lines.extend(f"  {x['path']}: {x['reason']}" for x in result.get("skipped", []))
    return lines


def render_table(result: dict[str, Any], file: TextIO, colour: bool, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file, force_terminal=colour, no_color=not colour, width=width or (None if colour else 160),
                      highlight=False, soft_wrap=False)
    rows, _ = report_rows(result)
    table = Table(title="Kết quả kiểm tra kế hoạch", header_style="bold", show_lines=False)
    for name, justify in (("Tệp", "left"), ("Cơ quan", "left"), ("Số", "left"), ("Ngày", "left"),
                          ("Đúng hạn", "left"), ("Lĩnh vực", "right"), ("Chỉ tiêu thấp hơn", "right"),
                          ("Lỗi", "right"), ("Cảnh báo", "right")):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for r in rows:
        if r["status"] == "error":
            table.add_row(r["path"], Text(f"không đọc được: {r['error']}", style="bold red"), "", "", "", "", "",
                          "—", "—")
            continue
        late = Text(on_time_words(r), style="red" if r["on_time"] is False else "")
        areas = Text(areas_words(r), style="red" if r["areas_missing"] else "")
        weaker = "—" if r["weaker_count"] is None else str(r["weaker_count"])
        table.add_row(r["path"], r["agency"] or "—", r["number"] or "—", display(r["date"]), late, areas,
                      Text(weaker, style="red" if r["weaker"] else ""),
                      Text(str(r["errors"]), style="red" if r["errors"] else ""),
                      Text(str(r["warnings"]), style="yellow" if r["warnings"] else ""))
    console.print(table)
    for line in summary_lines(result):
        console.print(line)


__all__ = ["render_table", "on_time_words", "areas_words", "summary_lines", "vn_number"]
