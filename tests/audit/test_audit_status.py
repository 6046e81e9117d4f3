"""Issue 15: who has not submitted, what is unfinished, what each agency committed.

The folder (audit_helpers.build_submissions), audited with `--expected` (audit_helpers.EXPECTED):
  the nine evaluation plans (corpus/eval)     plan_status "ok", each matched to its agency by issuer
  so-y-te-ban-dau.txt                         Sở Y tế's first plan (22/7): "duplicate", superseded by
                                              so-y-te-phan-i.txt (29/7)
  du-thao-so-tu-phap.docx                     `vbhc draft` as it came out: "incomplete"
  ghi chú.txt                                 a note: "not_a_plan", its findings kept apart
  ke-hoach-hong.docx                          a .docx cut short: "unreadable"
and the list names Sở Ngoại vụ, which sent nothing: the one missing agency.
"""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from audit_helpers import BROKEN, DRAFT, EARLIER, EVAL_PLANS, EXPECTED, MISSING, NOTE, ROOT, vbhc

STATUSES = {**{name: "ok" for name in EVAL_PLANS}, EARLIER: "duplicate", DRAFT: "incomplete", NOTE: "not_a_plan",
            BROKEN: "unreadable"}
# The list's name for the issuer of each evaluation plan: matched however the header writes it.
AGENCY_OF = {
    "phuong-thanh-vinh-ngat-dong.txt": "UBND phường Thành Vinh",
    "so-cong-thuong-khong-trich-dan.txt": "Sở Công Thương",
    "so-giao-duc-muc-tieu-1-1.txt": "Sở GD&ĐT",  # the header: "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    "so-khcn-thieu-bao-cao.txt": "Sở Khoa học và Công nghệ",
    "so-tai-chinh-bang-nhiem-vu.docx": "Sở Tài chính",
    "so-xay-dung-tu-dong-danh-so.docx": "Sở Xây dựng",
    "so-y-te-phan-i.txt": "Sở Y tế",
    "xa-hung-nguyen-ban-hanh-muon.pdf": "UBND xã Hưng Nguyên",  # the header: "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"
    "xa-yen-thanh-thieu-kinh-phi.txt": "Ủy ban nhân dân xã Yên Thành",
    EARLIER: "Sở Y tế",
    DRAFT: "Sở Tư pháp",
}


def rows_of(audit) -> dict[str, dict]:
    return {r["path"]: r for r in audit.result["files"]}


# --- JSON -------------------------------------------------------------------------------------


def test_each_submission_has_its_plan_status(submissions):
    assert "Traceback" not in submissions.proc.stderr
    assert submissions.proc.returncode == 2, submissions.proc.stderr  # the broken file: exit_status
    assert {r["path"]: r["plan_status"] for r in submissions.result["files"]} == STATUSES
    jsonschema.validate(submissions.result,
                        json.loads((ROOT / "contract" / "check.schema.json").read_text(encoding="utf-8")))


def test_missing_agencies_and_counts_per_status(submissions):
    s = submissions.result["summary"]
    assert s["missing_agencies"] == [MISSING]
    assert s["plan_status"] == {"ok": 9, "incomplete": 1, "not_a_plan": 1, "duplicate": 1, "unreadable": 1}
    counts = s["agency_counts"]
    assert counts["expected"] == len(EXPECTED) == 11
    assert counts["received"] == 10 and counts["complete"] == 9 and counts["incomplete"] == 1
    assert counts["late"] == 1  # Hưng Nguyên, 5/8 after the 31/7 deadline
    assert s["not_on_list"] == []


def test_each_plan_is_matched_to_its_agency(submissions):
    rows = rows_of(submissions)
    for path, name in AGENCY_OF.items():
        assert rows[path]["agency"]["name"] == name, path
        assert rows[path]["agency"]["listed"] is True and rows[path]["agency"]["match"] == "issuer", path
    assert rows[NOTE]["agency"] is None and rows[BROKEN]["agency"] is None


def test_the_latest_plan_of_an_agency_counts(submissions):
    rows = rows_of(submissions)
    assert rows[EARLIER]["superseded_by"] == "so-y-te-phan-i.txt"
    assert rows["so-y-te-phan-i.txt"]["supersedes"] == [EARLIER]
    assert "so-y-te-phan-i.txt" in rows[EARLIER]["status_reason"] and "29/07/2025" in rows[EARLIER]["status_reason"]
    entry = next(a for a in submissions.result["agencies"] if a["name"] == "Sở Y tế")
    assert entry["file"] == "so-y-te-phan-i.txt" and sorted(entry["files"]) == sorted([EARLIER, "so-y-te-phan-i.txt"])


def test_a_draft_is_never_complete(submissions):
    row = rows_of(submissions)[DRAFT]
    assert row["submission"]["placeholders"] > 0
    assert "[ĐIỀN: …]" in row["status_reason"]
    # a skeleton copies the parent's targets: it would look perfect; it is counted as a draft
    assert not [f for f in row["findings"] if f["severity"] == "error"]
    entry = next(a for a in submissions.result["agencies"] if a["name"] == "Sở Tư pháp")
    assert entry["status"] == "incomplete"


def test_a_note_is_kept_apart(submissions):
    rows = rows_of(submissions)
    note = rows[NOTE]
    assert note["findings"], "the note's layout is still checked and kept in its row"
    plans = [r for r in submissions.result["files"] if r["plan_status"] != "not_a_plan"]
    assert submissions.result["summary"]["errors"] == sum(
        1 for r in plans for f in r["findings"] if f["severity"] == "error")
    assert submissions.result["summary"]["errors"] < sum(
        1 for r in submissions.result["files"] for f in r["findings"] if f["severity"] == "error")


def test_agencies_in_the_list_order(submissions):
    agencies = submissions.result["agencies"]
    assert [a["name"] for a in agencies] == EXPECTED
    assert {a["name"]: a["status"] for a in agencies}[MISSING] == "missing"


def test_committed_values_next_to_the_parents(submissions):
    targets = rows_of(submissions)["so-khcn-thieu-bao-cao.txt"]["plan"]["targets"]
    weaker = [t for t in targets if t["status"] == "weaker"]
    assert [(t["parent"]["op"], t["parent"]["value"], t["found"]["op"], t["found"]["value"]) for t in weaker] == [
        (">", 87, ">", 85)]
    areas = rows_of(submissions)["so-y-te-phan-i.txt"]["plan"]["areas"]
    assert all(a["covered"] and a["section"] for a in areas)


# --- terminal table ---------------------------------------------------------------------------


def test_terminal_table_says_the_same(submissions):
    out = submissions.proc.stdout
    assert f"Chưa nộp kế hoạch (1): {MISSING}." in out
    assert "Tình trạng: 9 kế hoạch, 1 chưa hoàn thiện, 1 không phải kế hoạch, 1 bản trùng (không tính), 1 không đọc " \
           "được." in out
    assert "Sở Y tế nộp 2 tệp: tính so-y-te-phan-i.txt; không tính so-y-te-ban-dau.txt." in out
    table = [line.split("│") for line in out.splitlines() if line.startswith("│ ")]
    words = {"incomplete": "chưa hoàn thiện", "not_a_plan": "không phải kế hoạch", "duplicate": "bản trùng",
             "unreadable": "không đọc được", "ok": "kế hoạch"}
    for path, status in STATUSES.items():  # a long file name wraps: its row starts with the first part
        row = next(cells for cells in table if cells[1].strip() and path.startswith(cells[1].strip())
                   and (len(cells[1].strip()) > 12 or cells[1].strip() == path))
        assert row[5].strip() == words[status] or (status == "duplicate" and row[5].strip().startswith("bản trùng")), \
            (path, row[5])


# --- HTML -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(submissions):
    import lxml.html

    return lxml.html.fromstring((submissions.out / "ket-qua.html").read_text(encoding="utf-8"))


def table_rows(tree, table_id: str) -> list:
    return tree.get_element_by_id(table_id).find("tbody").findall("tr")


def test_html_agencies_and_the_missing_one(page):
    assert [li.text_content() for li in page.get_element_by_id("chua-nop").iter("li")] == [MISSING]
    statuses = {r[1].text_content(): r.get("data-status") for r in table_rows(page, "co-quan")}
    assert list(statuses) == EXPECTED
    assert statuses[MISSING] == "missing" and statuses["Sở Tư pháp"] == "incomplete" and statuses["Sở Y tế"] == "ok"


def test_html_files_with_their_status(page):
    shown = {r[0].text_content(): r.get("data-status") for r in table_rows(page, "tong-hop")}
    assert shown == STATUSES


def test_html_matrices_show_the_plans_that_count(page):
    for table in ("ma-tran", "chi-tieu", "thoi-han"):
        statuses = [r.get("data-status") for r in table_rows(page, table)]
        assert sorted(statuses) == ["incomplete"] + ["ok"] * 9, table
    draft = next(r for r in table_rows(page, "chi-tieu") if r.get("data-status") == "incomplete")
    assert not draft.find_class("yes") and draft.find_class("draft")  # no tick for a skeleton


def test_html_note_apart_from_the_plans_findings(page):
    apart = [r[0].text_content() for r in table_rows(page, "khong-phai-ke-hoach")]
    assert apart == [NOTE]
    assert not [r for r in table_rows(page, "phat-hien") if r[0].text_content() == NOTE]


# --- XLSX -------------------------------------------------------------------------------------


def test_xlsx_says_the_same(submissions):
    import openpyxl

    ws = openpyxl.load_workbook(submissions.out / "ket-qua.xlsx")["Tổng hợp"]
    headers = [c.value for c in ws[1]]
    lines = [dict(zip(headers, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    by_file = {x["Tệp"]: x for x in lines if x["Tệp"]}
    words = {"ok": "kế hoạch", "incomplete": "chưa hoàn thiện", "not_a_plan": "không phải kế hoạch",
             "duplicate": "bản trùng (không tính)", "unreadable": "không đọc được"}
    assert {k: v["Tình trạng"] for k, v in by_file.items()} == {k: words[v] for k, v in STATUSES.items()}
    assert [(x["Cơ quan"], x["Tình trạng"]) for x in lines if not x["Tệp"]] == [(MISSING, "chưa nộp")]
    assert by_file["xa-hung-nguyen-ban-hanh-muon.pdf"]["Ngày ban hành"] == dt.datetime(2025, 8, 5)
    assert by_file["xa-hung-nguyen-ban-hanh-muon.pdf"]["Đúng hạn"] == "trễ 5 ngày"
    assert by_file[DRAFT]["Chỉ tiêu thấp hơn"] is None  # a draft is not ranked


def test_xlsx_targets_committed_next_to_the_parents(submissions):
    import openpyxl

    ws = openpyxl.load_workbook(submissions.out / "ket-qua.xlsx")["Chỉ tiêu"]
    heads = [c.value for c in ws[1]]
    plans = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    khcn = plans["so-khcn-thieu-bao-cao.txt"]
    weaker = [(heads[i], v) for i, v in enumerate(khcn) if isinstance(v, str) and v.endswith("(thấp hơn)")]
    assert len(weaker) == 1 and weaker[0][0].endswith("(cấp trên: > 87%)") and weaker[0][1] == "> 85% (thấp hơn)"
    assert set(plans[DRAFT][2:-1]) == {"nháp"} and plans[DRAFT][-1] is None  # a skeleton is not ranked
    assert EARLIER not in plans and NOTE not in plans and BROKEN not in plans


def test_xlsx_print_settings(submissions):
    import openpyxl

    wb = openpyxl.load_workbook(submissions.out / "ket-qua.xlsx")
    assert wb.active.title == "Tổng hợp"
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1", ws.title
    header = wb["Tổng hợp"].oddHeader.center.text
    assert "thời hạn ban hành 31/07/2025" in header and len(header) <= 255
    long = {**submissions.result, "profile": {**submissions.result["profile"], "parent": {
        **submissions.result["profile"]["parent"], "issuer": "&" * 300}}}
    from vbhc.report.xlsx import build_workbook

    assert all(len(ws.oddHeader.center.text) <= 255 for ws in build_workbook(long).worksheets)
    dates = [c for c in wb["Tổng hợp"]["E"][1:] if c.value is not None]
    assert dates and all(c.is_date and c.number_format == "dd/mm/yyyy" for c in dates)


# --- the Báo cáo ------------------------------------------------------------------------------


def test_report_docx_checks_clean(submissions):
    report = submissions.out / "bao-cao.docx"
    proc = vbhc("check", str(report), "--format", "json")
    assert proc.returncode == 0, proc.stdout[-2000:]
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert not [f for f in findings if f["severity"] == "error"], findings
    assert {f["rule"] for f in findings} <= {"VBHC.ChoCanDien"}  # the signer and the drafting unit are left to fill


def test_report_docx_sums_up_the_audit(submissions):
    from vbhc.parse import parse_file

    parsed = parse_file(submissions.out / "bao-cao.docx")
    report, appendix = parsed.documents[0], parsed.documents[-1]
    assert report.doc_type == "Báo cáo" and appendix.is_appendix
    text = "\n".join(line.text for line in report.lines)
    assert "phải ban hành kế hoạch: 11; đã gửi kế hoạch: 10; chưa gửi: 1." in text
    assert "đúng thời hạn (31/7/2025): 9; trễ hạn: 1; hoàn chỉnh: 9" in text
    assert f"chưa gửi kế hoạch (1): {MISSING}." in text
    assert "Những lỗi thường gặp:" in text
    tables = [n for top in appendix.body for n in top.walk() if n.kind == "table"]
    assert len(tables) == 1 and [row[1] for row in tables[0].rows[1:]] == EXPECTED
    assert {row[1]: row[3] for row in tables[0].rows[1:]}[MISSING] == "chưa nộp"


def test_reports_from_the_rows_the_audit_carried_are_those_made_again_from_its_json(submissions):
    """`vbhc audit` hands the writers the rows `audit_result` made (not made again): the page is
    the one the JSON result alone gives."""
    from vbhc.report.html import render_html

    written = next(submissions.out.glob("*.html")).read_text(encoding="utf-8")
    assert written == render_html(submissions.result)
