"""The spreadsheet of `vbhc audit` (openpyxl): "Tổng hợp" (one row per file), "Chi tiết" (one row
per finding), "Chỉ tiêu" (targets by agency), plus "Lĩnh vực" and "Bỏ qua" when they have content.
Every sheet has a frozen header row and an auto-filter.

Every text cell, headers included, is written as text: a value from a document or a profile that
starts with "=", "+", "-", "@", a tab or a carriage return is never a formula (and carries Excel's
quote prefix, so that editing the cell keeps it text).
"""

from __future__ import annotations

import os
from typing import Any

from vbhc.fileio import write_atomic
from vbhc.report.rows import (
    SEVERITY_WORDS,
    STATUS_WORDS,
    UNKNOWN_AREA,
    AuditRow,
    FindingRow,
    TargetCell,
    TargetColumn,
    finding_rows,
    parent_label,
    report_rows,
    show_target,
    shown,
)
from vbhc.report.table import on_time_words

SUMMARY_HEADERS = ["Tệp", "Cơ quan", "Loại văn bản", "Số, ký hiệu", "Ngày ban hành", "Thời hạn", "Đúng hạn",
                   "Lĩnh vực có", "Lĩnh vực (tổng)", "Lĩnh vực thiếu", "Chỉ tiêu thấp hơn", "Chỉ tiêu không đề cập",
                   "Lỗi", "Cảnh báo", "Thông tin", "Tình trạng", "Ghi chú"]
SUMMARY_WIDTHS = [28, 36, 12, 16, 13, 13, 14, 10, 10, 40, 10, 10, 7, 9, 9, 14, 50]
DETAIL_HEADERS = ["Tệp", "Cơ quan", "Mức độ", "Quy tắc", "Nội dung", "Căn cứ", "Văn bản", "Mục", "Dòng"]
DETAIL_WIDTHS = [28, 30, 10, 30, 80, 34, 8, 22, 7]
TARGET_HEADERS = ["Cơ quan", "Tệp", "Chỉ tiêu", "Cấp trên", "Đơn vị đặt ra", "Đánh giá"]
TARGET_WIDTHS = [34, 28, 70, 14, 14, 18]
STATE_WORDS = {"weaker": "thấp hơn cấp trên", "absent": "không đề cập", "ok": "không thấp hơn",
               "not_applicable": "không áp dụng", "unknown": "chưa xác định"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
AREA_WORDS = {"yes": "có", "no": "thiếu", "optional": "không bắt buộc", "unknown": "?"}


def _put(ws: Any, values: list[Any]) -> None:
    """Append a row; text stays text."""
    ws.append([shown(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_STARTS):
                cell.quotePrefix = True


def _sheet(wb: Any, title: str, headers: list[str], rows: list[list[Any]], widths: list[int]) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    ws = wb.create_sheet(title)
    _put(ws, headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        _put(ws, values)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, ws.max_row)}"
    return ws


def _summary_line(r: AuditRow, area_titles: dict[str, str]) -> list[Any]:
    plan = r.plan
    return [r.shown_path, r.agency, r.doc_type, r.number, r.date, plan.deadline,
            on_time_words(r) if r.status != "error" else None, plan.areas_covered, plan.areas_total,
            ", ".join(area_titles.get(a, a) for a in plan.areas_missing or []) or None,
            plan.weaker_count, len(plan.not_addressed) if plan.targets_checked else None,
            r.errors, r.warnings, r.infos, STATUS_WORDS.get(r.status, r.status),
            f"Không đọc được: {r.error}" if r.status == "error" else None]


def _summary_sheet(wb: Any, rows: list[AuditRow], area_titles: dict[str, str]) -> None:
    from openpyxl.styles import Font

    ws = _sheet(wb, "Tổng hợp", SUMMARY_HEADERS, [_summary_line(r, area_titles) for r in rows], SUMMARY_WIDTHS)
    red = Font(color="B3261E", bold=True)
    for line in ws.iter_rows(min_row=2):
        if line[15].value == STATUS_WORDS["error"] or (line[12].value or 0) > 0:
            line[15].font = red


def _detail_line(f: FindingRow) -> list[Any]:
    return [f.path, f.name, SEVERITY_WORDS.get(f.severity, f.severity), f.rule, f.message, f.source or None,
            f.document, f.part, f.line]


def _target_lines(rows: list[AuditRow], targets: list[TargetColumn]) -> list[list[Any]]:
    lines = []
    for r in rows:
        if r.status == "error":
            continue
        for t in targets:
            cell = r.plan.targets.get(t.id) or TargetCell("unknown")
            lines.append([r.name, r.shown_path, t.indicator, show_target(t.parent) or None,
                          cell.shown or None, STATE_WORDS[cell.state]])
    return lines


def _area_words(r: AuditRow, area_id: str) -> str:
    """"có (mục II.1)", "thiếu", "không bắt buộc", "?"."""
    cell = r.plan.areas.get(area_id) or UNKNOWN_AREA
    words = AREA_WORDS[cell.state]
    return f"{words} ({cell.section})" if cell.section else words


def _areas_sheet(wb: Any, rows: list[AuditRow], areas: list[dict[str, Any]]) -> None:
    headers = ["Cơ quan", "Tệp", *[a.get("title") or a["id"] for a in areas], "Số lĩnh vực có"]
    matrix = [[r.name, r.shown_path, *[_area_words(r, a["id"]) for a in areas], r.plan.areas_covered]
              for r in rows if r.status != "error"]
    _sheet(wb, "Lĩnh vực", headers, matrix, [34, 28, *[18] * len(areas), 10])


def build_workbook(result: dict[str, Any]) -> Any:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    rows, targets = report_rows(result)
    view = result.get("profile") or {}
    areas = view.get("areas", [])
    wb = Workbook()
    wb.remove(wb.active)
    _summary_sheet(wb, rows, {a["id"]: a["title"] for a in areas})
    _sheet(wb, "Chi tiết", DETAIL_HEADERS, [_detail_line(f) for f in finding_rows(result, rows)], DETAIL_WIDTHS)
    _sheet(wb, "Chỉ tiêu", TARGET_HEADERS, _target_lines(rows, targets), TARGET_WIDTHS)
    if areas:
        _areas_sheet(wb, rows, areas)
    if result.get("skipped"):
        _sheet(wb, "Bỏ qua", ["Tệp", "Lý do"], [[x["path"], x["reason"]] for x in result["skipped"]], [40, 80])
    wb.properties.title = "Kết quả kiểm tra kế hoạch"
    label = parent_label(result.get("profile"))
    if label:
        wb.properties.subject = f"Đối chiếu với {label}"
    wb.properties.creator = "vbhc audit"
    return wb


def write_xlsx(result: dict[str, Any], path: str | os.PathLike[str]) -> None:
    wb = build_workbook(result)
    write_atomic(path, wb.save)
