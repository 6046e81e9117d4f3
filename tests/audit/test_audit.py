"""`vbhc audit` over a folder of submissions: each row's status and findings, exit code, reports.

The folder (builders.build_folder):
  so/so-tu-phap.txt          conformant plan (text)
  so/so-y-te.docx            conformant plan (Word, Nghị định 30 layout)
  xa/xa-hung-nguyen.txt      defective: "45 /KH-UBND", issued 12/8 after the 31/7 deadline, two areas
                             missing, two targets weaker than the province's
  xa/xa-nam-dan.docx         defective: Arial, the "chính quyền số" area missing
  so/so-xay-dung.docx        a .docx cut short (corrupt zip)
  xa/xa-do-luong-scan.pdf    a scanned PDF (a page with an image, no text): plan_status "unreadable"
  so/so-treo-may.txt         hangs its worker (test double doubles.Hang): past the timeout
  so/ke-hoach-cu.doc         a .doc with only an OLE signature: read as `vbhc check` reads .doc, unreadable
  ghi-chu.md                 skipped
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from audit_helpers import HANG_TIMEOUT, ROOT

CONFORMANT = ["so/so-tu-phap.txt", "so/so-y-te.docx"]
ALL = ["so/ke-hoach-cu.doc", "so/so-treo-may.txt", "so/so-tu-phap.txt", "so/so-xay-dung.docx", "so/so-y-te.docx",
       "xa/xa-do-luong-scan.pdf", "xa/xa-hung-nguyen.txt", "xa/xa-nam-dan.docx"]


def rules_of(row: dict, severity: str | None = None) -> set[str]:
    return {f["rule"] for f in row["findings"] if severity is None or f["severity"] == severity}


def data_of(row: dict, rule: str) -> list[dict]:
    return [f["data"] for f in row["findings"] if f["rule"] == rule]


def test_exit_code_and_rows_sorted(audited):
    assert audited.proc.returncode == 2, audited.proc.stderr  # unreadable files: report.results.exit_status
    assert [r["path"] for r in audited.result["files"]] == ALL
    assert "Traceback" not in audited.proc.stderr


def test_json_follows_the_check_contract(audited):
    schema = json.loads((ROOT / "contract" / "check.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(audited.result, schema)
    assert audited.result["profile"]["deadline"] == "2025-07-31"
    assert audited.result["profile"]["parent"]["number"] == "2228"
    assert [a["id"] for a in audited.result["profile"]["areas"]] == [
        "the_che", "tthc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"]


def test_conformant_plans_have_no_error(audited):
    for path in CONFORMANT:
        row = audited.rows[path]
        assert row["status"] in ("ok", "findings"), row
        assert rules_of(row, "error") == set(), (path, rules_of(row, "error"))
        assert row["meta"]["date"] in ("2025-07-25", "2025-07-28")
    assert audited.rows["so/so-tu-phap.txt"]["meta"]["issuer"] == "SỞ TƯ PHÁP"
    assert audited.rows["so/so-y-te.docx"]["meta"]["issuer"] == "SỞ Y TẾ"
    assert audited.rows["so/so-y-te.docx"]["meta"]["number"] == "88"


def test_defective_text_plan(audited):
    row = audited.rows["xa/xa-hung-nguyen.txt"]
    assert row["status"] == "findings"
    assert {"KH001", "KH002", "KH005"} <= rules_of(row, "error")
    assert "ND30.SoKyHieu.KhoangTrang" in rules_of(row, "warning")  # a text file's spaces are not sure
    assert sorted(d["area"] for d in data_of(row, "KH001")) == ["chinh_quyen_so", "tai_chinh_cong"]
    assert data_of(row, "KH005") == [{"deadline": "2025-07-31", "issued": "2025-08-12"}]
    weaker = {d["found"]["value"]: d["parent"]["value"] for d in data_of(row, "KH002")}
    assert weaker == {90: 95, 80: 87}


def test_defective_docx_plan(audited):
    row = audited.rows["xa/xa-nam-dan.docx"]
    assert row["status"] == "findings"
    assert "ND30.Font.TimesNewRoman" in rules_of(row, "error")
    assert [d["area"] for d in data_of(row, "KH001")] == ["chinh_quyen_so"]
    assert "KH005" not in rules_of(row) and "KH002" not in rules_of(row)


def test_unreadable_files_are_error_rows(audited):
    corrupt = audited.rows["so/so-xay-dung.docx"]
    assert corrupt["status"] == "error" and corrupt["findings"] == []
    assert "bị hỏng hoặc không đầy đủ" in corrupt["error"]
    old = audited.rows["so/ke-hoach-cu.doc"]
    assert old["status"] == "error" and old["findings"] == [] and "Word" in old["error"], old
    scan = audited.rows["xa/xa-do-luong-scan.pdf"]  # read, and told as a scan: one warning, no layout rule
    assert scan["status"] == "findings"
    assert [f["rule"] for f in scan["findings"]] == ["VBHC.BanQuet"]
    assert "bản quét" in scan["findings"][0]["message"]


def test_hanging_file_times_out_and_the_audit_goes_on(audited):
    row = audited.rows["so/so-treo-may.txt"]
    assert row["status"] == "error"
    assert row["error"] == f"quá thời gian xử lý ({HANG_TIMEOUT} giây)"
    # the same content in another file was checked normally
    assert audited.rows["so/so-tu-phap.txt"]["status"] == "findings"


def test_skipped_files_are_listed_with_a_reason(audited):
    skipped = {s["path"]: s["reason"] for s in audited.result["skipped"]}
    assert set(skipped) == {"ghi-chu.md"}
    assert ".md" in skipped["ghi-chu.md"]


def test_summary(audited):
    s = audited.result["summary"]
    assert s["files"] == 8 and s["unreadable"] == 3 and s["skipped"] == 1  # the scan is read: a finding
    assert s["late"] == 1 and s["missing_areas"] == 2 and s["weaker_targets"] == 1
    assert s["errors"] == sum(len([f for f in r["findings"] if f["severity"] == "error"])
                              for r in audited.result["files"])


def test_terminal_table(audited):
    out = audited.proc.stdout
    for words in ("SỞ TƯ PHÁP", "SỞ Y TẾ", "XÃ HƯNG NGUYÊN", "45/KH-UBND", "12/08/2025", "trễ 12 ngày", "4/6",
                  "quá thời gian xử lý", "Bỏ qua 1 tệp"):
        assert words in out, words
    assert "\x1b[" not in out  # no colour codes off a terminal
    # stderr is not a terminal: no progress bar, nothing noisy
    assert audited.proc.stderr == ""


def test_journal_next_to_the_outputs(audited):
    lines = (audited.out / "ket-qua.jsonl").read_text(encoding="utf-8").splitlines()
    header, entries = json.loads(lines[0]), [json.loads(x) for x in lines[1:]]
    assert header["journal"] == "vbhc audit"
    assert sorted(e["key"][0] for e in entries) == ALL
    assert not any(p.name.endswith(".tmp") for p in audited.out.iterdir())


def test_inputs_untouched(audited):
    names = sorted(str(p.relative_to(audited.folder)) for p in audited.folder.rglob("*"))
    assert names == sorted(["ghi-chu.md", "so", "xa", *ALL])


# --- HTML -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(audited):
    import lxml.html

    text = (audited.out / "ket-qua.html").read_text(encoding="utf-8")
    return text, lxml.html.fromstring(text)


def cells_by_agency(tree, table_id: str) -> dict[str, list]:
    table = tree.get_element_by_id(table_id)
    return {row[0].text_content().strip(): list(row) for row in table.find("tbody").findall("tr")}


def test_html_is_self_contained_and_vietnamese(page):
    text, tree = page
    assert tree.get("lang") == "vi"
    assert "http://" not in text and "https://" not in text
    assert not tree.xpath("//script[@src] | //link[@rel='stylesheet'] | //img | //iframe")
    assert "@import" not in text and "url(" not in text
    assert "Báo cáo kiểm tra kế hoạch" in text and "Quyết định số 2228/QĐ-UBND ngày 15/07/2025" in text


def test_html_matrix_of_agencies_and_areas(page, audited):
    _, tree = page
    heads = [th.text_content().strip() for th in tree.get_element_by_id("ma-tran").find("thead").iter("th")]
    assert heads[2:8] == [a["title"] for a in audited.result["profile"]["areas"]]
    rows = cells_by_agency(tree, "ma-tran")
    # a scan without text is not a plan vbhc can judge: listed in the files table, not in the matrix
    assert set(rows) == {"SỞ TƯ PHÁP", "SỞ Y TẾ", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", "ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"}
    assert audited.rows["xa/xa-do-luong-scan.pdf"]["plan_status"] == "unreadable"
    assert [c.get("class") for c in rows["ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"][2:8]] == ["yes"] * 4 + ["no"] * 2
    assert [c.get("class") for c in rows["ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"][2:8]] == ["yes"] * 5 + ["no"]
    assert [c.get("class") for c in rows["SỞ TƯ PHÁP"][2:8]] == ["yes"] * 6


def test_html_targets_table(page):
    _, tree = page
    table = tree.get_element_by_id("chi-tieu")
    heads = [th.text_content() for th in table.find("thead").iter("th")]
    column = next(i for i, h in enumerate(heads) if "Tỷ lệ hồ sơ TTHC" in h)
    assert "Cấp trên: ≥ 95%" in heads[column]
    rows = cells_by_agency(tree, "chi-tieu")
    weak = rows["ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"][column]
    assert weak.get("class") == "weaker" and "≥ 90%" in weak.text_content() and "thấp hơn" in weak.text_content()
    assert rows["SỞ TƯ PHÁP"][column].get("class") == "yes"
    assert rows["SỞ TƯ PHÁP"][column].text_content() == "✓ ≥ 98%"  # what the plan committed, beside the tick


def test_html_areas_name_the_covering_section(page):
    _, tree = page
    rows = cells_by_agency(tree, "ma-tran")
    covered = rows["SỞ TƯ PHÁP"][2:8]
    assert all(c.find("small") is not None and c.find("small").text.startswith("mục II.") for c in covered), \
        [c.text_content() for c in covered]


def test_rows_carry_the_typed_plan_summary(audited):
    from vbhc.profile.summary import PlanSummary

    row = audited.rows["xa/xa-hung-nguyen.txt"]
    summary = PlanSummary.from_dict(row["plan"])
    assert sorted(summary.areas_missing) == ["chinh_quyen_so", "tai_chinh_cong"]
    assert summary.dates.on_time is False and summary.dates.days_late == 12
    assert "plan" not in audited.rows["so/so-xay-dung.docx"]  # unreadable: no summary


def test_html_dates_and_findings(page):
    text, tree = page
    dates = cells_by_agency(tree, "thoi-han")
    assert dates["ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"][-1].text_content() == "trễ 12 ngày"
    assert dates["SỞ TƯ PHÁP"][-1].text_content() == "đúng hạn"
    findings = tree.get_element_by_id("phat-hien").find("tbody").findall("tr")
    located = [r for r in findings if "ND30.SoKyHieu.KhoangTrang" in r.text_content()]
    assert located, "the spaced number is listed"
    place = located[0][-1].text_content()  # the place an officer finds in Word, never a line counter
    assert "Số, ký hiệu" in place and "“Số: 45 /KH-UBND”" in place, place
    assert not re.search(r"dòng \d", place), place
    assert "“45 /KH-UBND”" in text  # the message kept as written, quotes and all


def test_html_escapes(tmp_path):
    from vbhc.report.html import render_html

    row = {"path": "<b>x</b>.txt", "status": "findings", "error": None, "not_applicable": [],
           "meta": {"issuer": "SỞ <script>alert(1)</script>"},
           "findings": [{"rule": "R", "severity": "warning", "message": "a & b <i>", "source": "s",
                         "location": {"document": 0, "node": None, "line": 3}, "data": {}}]}
    result = {"root": "/x", "profile": None, "plan_rules": [], "files": [row], "skipped": [],
              "summary": {"files": 1, "errors": 0, "warnings": 1, "infos": 0, "unreadable": 0,
                          "files_with_errors": 0, "late": 0, "missing_areas": 0, "weaker_targets": 0,
                          "skipped": 0, "plan_checked": False}}
    text = render_html(result)
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<b>x</b>" not in text and "a &amp; b &lt;i&gt;" in text


# --- XLSX -------------------------------------------------------------------------------------


def test_xlsx_sheets_headers_frozen_and_filtered(audited):
    import openpyxl

    wb = openpyxl.load_workbook(audited.out / "ket-qua.xlsx")
    assert wb.sheetnames[:3] == ["Tổng hợp", "Chi tiết", "Chỉ tiêu"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
    summary = wb["Tổng hợp"]
    headers = [c.value for c in summary[1]]
    assert headers[:6] == ["Tệp", "Cơ quan", "Tình trạng", "Số, ký hiệu", "Ngày ban hành", "Đúng hạn"]
    rows = {r[0]: dict(zip(headers, r, strict=True)) for r in summary.iter_rows(min_row=2, values_only=True)}
    assert list(rows) == ALL
    assert rows["xa/xa-hung-nguyen.txt"]["Cơ quan"] == "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"
    assert rows["xa/xa-hung-nguyen.txt"]["Ngày ban hành"] == dt.datetime(2025, 8, 12)  # a date, not text
    assert rows["xa/xa-hung-nguyen.txt"]["Đúng hạn"] == "trễ 12 ngày"
    assert rows["xa/xa-hung-nguyen.txt"]["Lĩnh vực thiếu"] == (
        "Cải cách tài chính công, Xây dựng và phát triển chính quyền điện tử, chính quyền số")
    assert rows["xa/xa-hung-nguyen.txt"]["Chỉ tiêu thấp hơn"] == 2
    assert rows["so/so-treo-may.txt"]["Tình trạng"] == "không đọc được"
    assert "quá thời gian xử lý" in rows["so/so-treo-may.txt"]["Ghi chú"]

    detail = wb["Chi tiết"]
    assert [c.value for c in detail[1]] == ["Tệp", "Cơ quan", "Mức độ", "Quy tắc", "Nội dung", "Căn cứ", "Văn bản",
                                           "Mục", "Dòng"]
    n_findings = sum(len(r["findings"]) for r in audited.result["files"]) + 3  # + the unreadable files
    assert detail.max_row == 1 + n_findings

    targets = wb["Chỉ tiêu"]
    heads = [c.value for c in targets[1]]
    assert heads[:2] == ["Cơ quan", "Tệp"] and heads[-1] == "Số chỉ tiêu thấp hơn"
    column = next(i for i, h in enumerate(heads) if "Tỷ lệ hồ sơ TTHC" in h)
    assert heads[column].startswith("CT") and heads[column].endswith("(cấp trên: ≥ 95%)")
    plans = {r[0]: r for r in targets.iter_rows(min_row=2, values_only=True)}
    assert plans["SỞ TƯ PHÁP"][column] == "≥ 98%"  # what the plan committed, under the parent's
    assert plans["ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"][column] == "≥ 90% (thấp hơn)"
    assert plans["ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"][-1] == 2
    areas = wb["Lĩnh vực"]
    assert areas.max_row == 5  # header + the four readable plans


def test_xlsx_text_is_never_a_formula(tmp_path):
    import openpyxl

    from vbhc.report.xlsx import write_xlsx

    row = {"path": "=HYPERLINK(\"x\").txt", "status": "error", "error": "=1+1\x07", "findings": [],
           "not_applicable": []}
    result = {"root": "/x", "profile": None, "plan_rules": [], "files": [row], "skipped": [],
              "summary": {}}
    write_xlsx(result, tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")["Tổng hợp"]
    assert ws["A2"].data_type == "s" and ws["A2"].value == "=HYPERLINK(\"x\").txt"
    note = [c.value for c in ws[1]].index("Ghi chú")
    assert ws[2][note].value == "Không đọc được: =1+1\\x07"  # the control character shown, not sent


def test_reports_written_atomically_and_replaced(audited, tmp_path):
    from vbhc.audit import write_json

    target = tmp_path / "r.json"
    target.write_text("cũ", encoding="utf-8")
    write_json(audited.result, target)
    assert json.loads(target.read_text(encoding="utf-8"))["files"] == audited.result["files"]
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_outputs_exist(audited):
    for name in ("ket-qua.json", "ket-qua.html", "ket-qua.xlsx"):
        assert (audited.out / name).stat().st_size > 1000, name
    assert Path(audited.out / "ket-qua.xlsx").read_bytes()[:2] == b"PK"


RAW_ID = re.compile(r"\b(?:part|chp|sec|art|cl|pt|bul|para|table)_[0-9A-Za-zđ]")


def test_no_raw_node_id_in_what_officers_read(audited, page):
    import openpyxl

    text, _ = page
    assert not RAW_ID.search(text), RAW_ID.search(text)
    assert not RAW_ID.search(audited.proc.stdout)
    wb = openpyxl.load_workbook(audited.out / "ket-qua.xlsx")
    cells = [str(c.value) for ws in wb.worksheets for line in ws.iter_rows() for c in line if c.value is not None]
    assert not [c for c in cells if RAW_ID.search(c)]
    parts = [line[7] for line in wb["Chi tiết"].iter_rows(min_row=2, values_only=True) if line[7]]
    words = ("mục ", "Phần ", "Chương ", "Điều ", "điểm ", "đoạn ", "bảng ", "dòng Số", "dòng địa danh", "Tên cơ quan",
             "Căn cứ", "Nơi nhận", "Quốc hiệu", "Tiêu ngữ", "Trích yếu", "Tên loại", "chữ ký", "Lưu")
    assert parts and all(p.startswith(words) for p in parts), parts  # the parts as officers name them
    assert not [p for p in parts if re.match(r"dòng \d", p)]
