"""The XLSX as it prints: at most 2 pages per 20 agencies.

Each sheet is printed alone (a copy of the workbook holding that sheet, turned into a PDF by
LibreOffice Calc, which reads the page setup Excel reads): Excel prints the active sheet unless
told otherwise, and the workbook opens on "Tổng hợp". The summary and the two matrices (areas,
targets) print on at most 2 pages per 20 agencies; the findings ("Chi tiết", one line each, as many
as the plans have) at least 20 to a page; the whole workbook is the sum.

The audits of 20 and 40 agencies are made from issue 15's folder: its rows copied under other
agencies' names (long names as real lists have them), checked by the product's own status and
summary code, one agency of the list left without a plan.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest

from vbhc.audit.agencies import Agencies, Agency
from vbhc.audit.status import assess
from vbhc.report.rows import audit_summary

DEPARTMENTS = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "Sở Giáo dục và Đào tạo",
               "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
               "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh", "Ban Quản lý Khu kinh tế Đông Nam"]
COMMUNES = ["xã Hưng Nguyên", "xã Nam Đàn", "xã Đô Lương", "xã Yên Thành", "xã Diễn Châu", "xã Quỳnh Lưu",
            "xã Thanh Chương", "xã Nghi Lộc", "xã Anh Sơn", "xã Con Cuông", "xã Tân Kỳ", "xã Quỳ Hợp", "xã Nghĩa Đàn",
            "xã Quế Phong", "phường Vinh Phú", "phường Trường Vinh", "phường Thành Vinh", "phường Cửa Lò",
            "phường Hoàng Mai", "phường Thái Hòa", "xã Kỳ Sơn", "xã Tương Dương", "xã Quỳ Châu", "xã Hoàng Mai",
            "xã Nghi Xuân", "xã Bắc Lý", "xã Mường Xén", "xã Châu Khê"]


def names(n: int) -> list[str]:
    pool = DEPARTMENTS + [f"Ủy ban nhân dân {c}" for c in COMMUNES]
    assert n <= len(pool)
    return pool[:n]


def scaled(result: dict, agencies: int) -> dict:
    """An audit of `agencies` agencies: each sends one of the folder's plans (the drafts, notes and
    unreadable files come along once), the last one sends nothing."""
    rows = result["files"]
    plans = [r for r in rows if r["plan_status"] == "ok"]
    others = [r for r in rows if r["plan_status"] != "ok"]
    listed = names(agencies)
    files = []
    for i, name in enumerate(listed[:-1]):
        row = copy.deepcopy(plans[i % len(plans)])
        row["path"] = f"ke-hoach-{i + 1:02d}-{row['path']}"
        row["meta"]["issuer"] = name.upper()
        row.pop("submission", None)
        row["submission"] = {"plan": True, "doc_types": ["Kế hoạch"], "placeholders": 0, "empty_headings": [],
                             "text": True, "scanned": False}
        files.append(row)
    files += [copy.deepcopy(r) for r in others if r["plan_status"] in ("not_a_plan", "unreadable")]
    expected = Agencies([Agency(n) for n in listed], "co-quan.txt")
    assessment = assess(files, expected)
    out = {**result, "files": files, "agencies": assessment.agencies}
    out["summary"] = {**audit_summary(files, [], result["profile"]), **assessment.summary}
    assert out["summary"]["missing_agencies"] == [listed[-1]]
    return out


def calc() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice chưa được cài: apt-get install libreoffice-calc-nogui")
    return exe


def pdf_pages(xlsx: Path, work: Path) -> int:
    import pdfplumber

    out = work / "pdf"
    cmd = [calc(), f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(out), str(xlsx)]
    subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=180)
    pdf = out / (xlsx.stem + ".pdf")
    if not pdf.exists():
        pytest.skip("LibreOffice không chuyển được .xlsx sang PDF (thiếu Calc: apt-get install libreoffice-calc-nogui)")
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def one_sheet(xlsx: Path, title: str, out: Path) -> Path:
    """A copy of the workbook with one sheet: what printing that sheet alone gives."""
    import openpyxl

    wb = openpyxl.load_workbook(xlsx)
    for ws in list(wb.worksheets):
        if ws.title != title:
            wb.remove(ws)
    wb.save(out)
    return out


@pytest.mark.parametrize("agencies", [20, 40])
def test_xlsx_prints_on_two_pages_per_20_agencies(submissions, tmp_path, agencies):
    """The summary sheet (the one Excel prints) and each sheet of agencies on at most 2 pages per 20
    agencies; the findings, one line each, at least 20 to a page."""
    import openpyxl

    from vbhc.report.xlsx import write_xlsx

    result = scaled(submissions.result, agencies)
    book = tmp_path / "tong-hop.xlsx"
    write_xlsx(result, book)
    wb = openpyxl.load_workbook(book)
    assert wb.active.title == "Tổng hợp"
    pages = {title: pdf_pages(one_sheet(book, title, tmp_path / f"{n}.xlsx"), tmp_path)
             for n, title in enumerate(wb.sheetnames)}
    whole = pdf_pages(book, tmp_path)
    print(f"{agencies} agencies, {len(result['files'])} files: pages {pages}, the whole workbook {whole}")
    assert pages["Tổng hợp"] <= 2 * agencies // 20
    assert pages["Chỉ tiêu"] <= 2 * agencies // 20 and pages["Lĩnh vực"] <= 2 * agencies // 20
    findings = wb["Chi tiết"].max_row - 1
    assert pages["Chi tiết"] <= -(-findings // 20)
    assert whole == sum(pages.values())
