"""The spreadsheet of `vbhc audit` (openpyxl): "Tổng hợp" (one row per file), "Chi tiết" (one row
per finding), "Chỉ tiêu" (targets by agency), plus "Lĩnh vực" and "Bỏ qua" when they have content.
Every sheet has a frozen header row and an auto-filter.
"""

from __future__ import annotations

import os
from typing import Any

from vbhc.audit import report_rows, show_target
from vbhc.fileio import write_atomic
from vbhc.report.html import SEVERITY_WORDS, STATUS_WORDS, parent_label, where
from vbhc.report.table import on_time_words

SUMMARY_HEADERS = ["Tệp", "Cơ quan", "Loại văn bản", "Số, ký hiệu", "Ngày ban hành", "Thời hạn", "Đúng hạn",
                   "Lĩnh vực có", "Lĩnh vực (tổng)", "Lĩnh vực thiếu", "Chỉ tiêu thấp hơn", "Chỉ tiêu không đề cập",
                   "Lỗi", "Cảnh báo", "Thông tin", "Tình trạng", "Ghi chú"]
DETAIL_HEADERS = ["Tệp", "Cơ quan", "Mức độ", "Quy tắc", "Nội dung", "Căn cứ", "Văn bản", "Mục", "Dòng"]
TARGET_HEADERS = ["Cơ quan", "Tệp", "Chỉ tiêu", "Cấp trên", "Đơn vị đặt ra", "Đánh giá"]
STATE_WORDS = {"weaker": "thấp hơn cấp trên", "absent": "không đề cập", "ok": "không thấp hơn",
               "unknown": "chưa xác định"}


def _safe(value: Any) -> Any:
    """Text goes in as text (never a formula), without the control characters XML forbids."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _sheet(wb, title: str, headers: list[str], rows: list[list[Any]], widths: list[int]):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        ws.append([_safe(v) for v in values])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # "=…" stays text
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, ws.max_row)}"
    return ws


def build_workbook(result: dict[str, Any]):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rows, targets = report_rows(result)
    view = result.get("profile") or {}
    area_titles = {a["id"]: a["title"] for a in view.get("areas", [])}
    wb = Workbook()
    wb.remove(wb.active)

    summary = []
    for r in rows:
        summary.append([
            r["path"], r["agency"], r["doc_type"], r["number"], r["date"], r["deadline"],
            on_time_words(r) if r["status"] != "error" else None,
            r["areas_covered"], r["areas_total"],
            ", ".join(area_titles.get(a, a) for a in r["areas_missing"] or []) or None,
            r["weaker_count"], len(r["not_addressed"]) if r["targets_checked"] else None,
            r["errors"], r["warnings"], r["infos"], STATUS_WORDS.get(r["status"], r["status"]),
            f"Không đọc được: {r['error']}" if r["status"] == "error" else None])
    ws = _sheet(wb, "Tổng hợp", SUMMARY_HEADERS, summary,
                [28, 36, 12, 16, 13, 13, 14, 10, 10, 40, 10, 10, 7, 9, 9, 14, 50])
    red = Font(color="B3261E", bold=True)
    for row in ws.iter_rows(min_row=2):
        if row[15].value == STATUS_WORDS["error"] or (row[12].value or 0) > 0:
            row[15].font = red

    names = {r["path"]: r["name"] for r in rows}
    detail = []
    for row in result["files"]:
        if row.get("status") == "error":
            detail.append([row["path"], names[row["path"]], "lỗi", "Không đọc được", row.get("error"), None,
                           None, None, None])
        for f in row.get("findings", []):
            loc = f.get("location") or {}
            detail.append([row["path"], names[row["path"]], SEVERITY_WORDS.get(f.get("severity"), f.get("severity")),
                           f.get("rule"), f.get("message"), f.get("source"),
                           (loc.get("document") or 0) + 1 if loc else None, loc.get("node"), loc.get("line")])
    _sheet(wb, "Chi tiết", DETAIL_HEADERS, detail, [28, 30, 10, 30, 80, 34, 8, 22, 7])

    by_target = []
    for r in rows:
        if r["status"] == "error":
            continue
        for t in targets:
            cell = r["targets"].get(t["id"], {"state": "unknown"})
            by_target.append([r["name"], r["path"], t["indicator"], show_target(t["parent"]) or None,
                              show_target(cell.get("found")) or None, STATE_WORDS[cell["state"]]])
    _sheet(wb, "Chỉ tiêu", TARGET_HEADERS, by_target, [34, 28, 70, 14, 14, 18])

    if view.get("areas"):
        headers = ["Cơ quan", "Tệp", *[a["title"] for a in view["areas"]], "Số lĩnh vực có"]
        matrix = [[r["name"], r["path"],
                   *[{True: "có", False: "thiếu", None: "?"}[r["areas"].get(a["id"])] for a in view["areas"]],
                   r["areas_covered"]] for r in rows if r["status"] != "error"]
        _sheet(wb, "Lĩnh vực", headers, matrix, [34, 28, *[18] * len(view["areas"]), 10])
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


__all__ = ["build_workbook", "write_xlsx", "where"]
