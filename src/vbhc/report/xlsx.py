"""The spreadsheet of `vbhc audit` (openpyxl): "Tổng hợp" (one row per file, then one per agency of the
list that sent nothing), "Chi tiết" (one row per finding of the plans), "Chỉ tiêu" (each target of
the parent against what each plan committed), plus "Lĩnh vực" and "Bỏ qua" when they have content.
Every sheet has a frozen header row and an auto-filter, and prints on A4 landscape, fitted to the
page's width, with its header row repeated on every page; dates are real dates shown dd/mm/yyyy.

Every text cell, headers included, is written as text: a value from a document or a profile that
starts with "=", "+", "-", "@", a tab or a carriage return is never a formula (and carries Excel's
quote prefix, so that editing the cell keeps it text).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from vbhc.dates import display
from vbhc.fileio import write_atomic
from vbhc.report.rows import (
    PLAN_STATUS_WORDS,
    SEVERITY_WORDS,
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

SUMMARY_HEADERS = ["Tệp", "Cơ quan", "Tình trạng", "Số, ký hiệu", "Ngày ban hành", "Đúng hạn", "Lĩnh vực có",
                   "Lĩnh vực thiếu", "Chỉ tiêu thấp hơn", "Chỉ tiêu không đề cập", "Lỗi", "Cảnh báo", "Ghi chú"]
SUMMARY_WIDTHS = [22, 26, 14, 13, 11, 10, 8, 24, 8, 8, 5, 7, 34]
DETAIL_HEADERS = ["Tệp", "Cơ quan", "Mức độ", "Quy tắc", "Nội dung", "Căn cứ", "Văn bản", "Mục", "Dòng"]
DETAIL_WIDTHS = [24, 26, 9, 22, 70, 26, 7, 18, 6]
TARGET_WIDTH = 11  # one column per target of the parent
INDICATOR_CHARS = 80  # of the indicator in its column's header (the whole in the HTML report)
# What a plan's cell says of one target: the comparator and value it committed, with the judgement.
TARGET_WORDS = {"weaker": "{found} (thấp hơn)", "absent": "không đề cập", "ok": "{found}",
                "not_applicable": "—", "unknown": "?", "draft": "nháp"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
AREA_WORDS = {"yes": "có", "no": "thiếu", "optional": "không bắt buộc", "unknown": "?"}
DATE_FORMAT = "dd/mm/yyyy"
LINE_POINTS = 13.5  # each line of wrapped Calibri 11 (a row of one line is 15 points: 1.5 of padding)
CHARS_PER_WIDTH = 1.1  # letters of Vietnamese text per unit of column width (the width of a "0"), measured
BOLD_WIDTH = 0.85  # a header's bold letters are wider
MISSING_WORDS = "chưa nộp"
HEADER_CHARS = 240  # Excel refuses a page header above 255 characters (its codes included)
ALARMING = (PLAN_STATUS_WORDS["unreadable"], PLAN_STATUS_WORDS["incomplete"], MISSING_WORDS)


def _put(ws: Any, values: list[Any]) -> None:
    """Append a row; text stays text, dates show as dd/mm/yyyy."""
    ws.append([shown(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_STARTS):
                cell.quotePrefix = True
        elif isinstance(cell.value, dt.date):
            cell.number_format = DATE_FORMAT


def _date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _lines(value: Any, width: int, bold: bool = False) -> int:
    """How many lines a wrapped cell takes: neither Excel nor LibreOffice fits row heights to wrapped
    text on opening a file, so the rows get their heights here (bold letters are wider)."""
    if value is None:
        return 1
    text = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)
    per_line = max(1, int((width - 1) * CHARS_PER_WIDTH * (BOLD_WIDTH if bold else 1)))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _fit_rows(ws: Any, widths: list[int]) -> None:
    for number, line in enumerate(ws.iter_rows(), start=1):
        tallest = max((_lines(c.value, widths[i], bold=number == 1) for i, c in enumerate(line) if i < len(widths)),
                      default=1)
        ws.row_dimensions[number].height = LINE_POINTS * tallest + 1.5


def _header_text(title: str) -> str:
    """The page header: "&" is a code there ("&&" prints one), and Excel refuses more than 255 characters."""
    text = shown(title).replace("&", "&&")[:HEADER_CHARS]
    trailing = len(text) - len(text.rstrip("&"))
    return text[:-1] if trailing % 2 else text


def _printable(ws: Any, title: str) -> None:
    """A4 landscape, one page wide, the header row on every page, the sheet and the page in the margins."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.gridLines = True
    ws.oddHeader.center.text = _header_text(title)
    ws.oddFooter.center.text = "Trang &P / &N"


def _sheet(wb: Any, title: str, headers: list[str], rows: list[list[Any]], widths: list[int],
           heading: str | None = None) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    ws = wb.create_sheet(title)
    _put(ws, headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        _put(ws, values)
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _fit_rows(ws, widths)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, ws.max_row)}"
    _printable(ws, heading or title)
    return ws


def _plan_cells(r: AuditRow, area_titles: dict[str, str]) -> list[Any]:
    """Đúng hạn … Chỉ tiêu không đề cập: what the comparison says of a plan that counts and is filled in."""
    plan = r.plan
    if not r.counted or r.draft:
        return [on_time_words(r) if r.counted else None, None, None, None, None]
    return [on_time_words(r), plan.areas_covered,
            ", ".join(area_titles.get(a, a) for a in plan.areas_missing or []) or None,
            plan.weaker_count, len(plan.not_addressed) if plan.targets_checked else None]


def _note(r: AuditRow) -> str | None:
    if r.status == "error":
        return f"Không đọc được: {r.error}"
    return r.status_reason


def _summary_line(r: AuditRow, area_titles: dict[str, str]) -> list[Any]:
    findings = r.plan_status not in ("not_a_plan",) and r.status != "error"
    return [r.shown_path, r.agency, r.status_words, r.number, _date(r.date), *_plan_cells(r, area_titles),
            r.errors if findings else None, r.warnings if findings else None, _note(r)]


def _summary_sheet(wb: Any, rows: list[AuditRow], missing: list[str], area_titles: dict[str, str],
                   heading: str) -> None:
    from openpyxl.styles import Font

    lines = [_summary_line(r, area_titles) for r in rows]
    lines += [[None, name, MISSING_WORDS, *[None] * 9, "Cơ quan trong danh sách chưa nộp kế hoạch"] for name in missing]
    headers = list(SUMMARY_HEADERS)
    if area_titles:
        headers[6] = f"Lĩnh vực có (trên {len(area_titles)})"
    ws = _sheet(wb, "Tổng hợp", headers, lines, SUMMARY_WIDTHS, heading)
    red = Font(color="B3261E", bold=True)
    for line in ws.iter_rows(min_row=2):
        if line[2].value in ALARMING:
            line[2].font = red
        if (line[10].value or 0) > 0:
            line[10].font = red


def _detail_line(f: FindingRow) -> list[Any]:
    return [f.path, f.name, SEVERITY_WORDS.get(f.severity, f.severity), f.rule, f.message, f.source or None,
            f.document, f.part, f.line]


def _target_cell(r: AuditRow, t: TargetColumn) -> str:
    """"≥ 98%", "≥ 90% (thấp hơn)", "không đề cập", "—"; "nháp" for a draft."""
    cell = r.plan.targets.get(t.id) or TargetCell("unknown")
    state = "draft" if r.draft else cell.state
    words = TARGET_WORDS[state]
    if state == "ok" and not cell.shown:
        return "không thấp hơn"
    return words.format(found=cell.shown or "?")


def _target_header(n: int, t: TargetColumn) -> str:
    text = t.indicator if len(t.indicator) <= INDICATOR_CHARS else t.indicator[:INDICATOR_CHARS - 1] + "…"
    return f"CT{n}. {text} (cấp trên: {show_target(t.parent) or '—'})"


def _targets_sheet(wb: Any, rows: list[AuditRow], targets: list[TargetColumn]) -> None:
    """Agencies × the parent's targets: in each cell what the plan committed, the parent's in the header."""
    headers = ["Cơ quan", "Tệp", *[_target_header(n, t) for n, t in enumerate(targets, start=1)],
               "Số chỉ tiêu thấp hơn"]
    lines = [[r.name, r.shown_path, *[_target_cell(r, t) for t in targets], None if r.draft else r.plan.weaker_count]
             for r in rows if r.counted]
    _sheet(wb, "Chỉ tiêu", headers, lines, [26, 18, *[TARGET_WIDTH] * len(targets), 9],
           "Chỉ tiêu của từng cơ quan so với kế hoạch cấp trên")


def _area_words(r: AuditRow, area_id: str) -> str:
    """"có (mục II.1)", "thiếu", "không bắt buộc", "?"; "nháp" for a draft."""
    if r.draft:
        return "nháp"
    cell = r.plan.areas.get(area_id) or UNKNOWN_AREA
    words = AREA_WORDS[cell.state]
    return f"{words} ({cell.section})" if cell.section else words


def _areas_sheet(wb: Any, rows: list[AuditRow], areas: list[dict[str, Any]]) -> None:
    headers = ["Cơ quan", "Tệp", *[a.get("title") or a["id"] for a in areas], "Số lĩnh vực có"]
    matrix = [[r.name, r.shown_path, *[_area_words(r, a["id"]) for a in areas],
               None if r.draft else r.plan.areas_covered] for r in rows if r.counted]
    _sheet(wb, "Lĩnh vực", headers, matrix, [28, 22, *[16] * len(areas), 9],
           "Lĩnh vực cải cách hành chính theo cơ quan")


def build_workbook(result: dict[str, Any], rows: list[AuditRow] | None = None) -> Any:
    """The workbook; `rows`: the result's rows as `audit_result` made them, where the caller has them."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    rows, targets = report_rows(result, rows)
    view = result.get("profile") or {}
    areas = view.get("areas", [])
    label = parent_label(result.get("profile"))
    deadline = f"; thời hạn ban hành {display(view['deadline'])}" if view.get("deadline") else ""
    heading = "Kết quả kiểm tra kế hoạch" + (f" (đối chiếu {label}{deadline})" if label else "")
    wb = Workbook()
    wb.remove(wb.active)
    _summary_sheet(wb, rows, list((result.get("summary") or {}).get("missing_agencies") or []),
                   {a["id"]: a["title"] for a in areas}, heading)
    _sheet(wb, "Chi tiết", DETAIL_HEADERS, [_detail_line(f) for f in finding_rows(result, rows)], DETAIL_WIDTHS,
           "Chi tiết phát hiện của các kế hoạch")
    _targets_sheet(wb, rows, targets)
    if areas:
        _areas_sheet(wb, rows, areas)
    if result.get("skipped"):
        _sheet(wb, "Bỏ qua", ["Tệp", "Lý do"], [[x["path"], x["reason"]] for x in result["skipped"]], [40, 80],
               "Tệp bị bỏ qua")
    wb.active = 0
    wb.properties.title = "Kết quả kiểm tra kế hoạch"
    if label:
        wb.properties.subject = f"Đối chiếu với {label}"
    wb.properties.creator = "vbhc audit"
    return wb


def write_xlsx(result: dict[str, Any], path: str | os.PathLike[str], rows: list[AuditRow] | None = None) -> None:
    wb = build_workbook(result, rows)
    write_atomic(path, wb.save)
