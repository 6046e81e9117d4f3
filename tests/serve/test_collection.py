"""Thu nhận kế hoạch through the ASGI test client: a collection for the Nghệ An plan with four
expected agencies; three plans uploaded are checked in the background; the live table, the
audit's HTML/XLSX/JSON reports and the missing agency agree; a second plan of one agency replaces
the first."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from serve_helpers import EVAL, NOT_SUBMITTING, PARENT, PLANS, upload, wait_done

from vbhc.serve import agencies


@pytest.fixture(scope="module")
def collection(client):
    expected = "\n".join([*PLANS.values(), NOT_SUBMITTING])
    r = client.post("/thu-nhan", data={"title": "Kế hoạch CCHC 2025 <thử>", "parent": "nghe-an-2025",
                                       "expected_text": expected}, follow_redirects=False)
    assert r.status_code == 303
    cid = r.headers["location"].rsplit("/", 1)[1]
    files = [("files", upload(EVAL / name)) for name in PLANS]
    r = client.post(f"/thu-nhan/{cid}/nop", files=files, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/thu-nhan/{cid}"
    return cid, wait_done(client, cid)


def row_of(table: str, agency: str) -> str:
    match = re.search(rf'<tr class="state-[a-z-]+" data-agency="{re.escape(agency)}"[^>]*>(.*?)</tr>', table, re.S)
    assert match, agency
    return match.group(1)


def test_the_matrix_shows_each_agency(collection):
    cid, table = collection
    assert 'id="so-phai-nop">4<' in table and 'id="so-da-nop">3<' in table and 'id="so-chua-nop">1<' in table
    assert f'<span id="chua-nop">{NOT_SUBMITTING}</span>' in table
    assert "chưa nộp" in row_of(table, NOT_SUBMITTING)
    phuong = row_of(table, "UBND phường Thành Vinh")
    assert phuong.count('class="no"') == 1 and phuong.count('class="yes"') == 5  # one area missing (KH001)
    assert "trễ 5 ngày" in row_of(table, "xã Hưng Nguyên")
    tai_chinh = row_of(table, "Sở Tài chính")
    assert "đúng hạn" in tai_chinh and "thấp hơn" in tai_chinh  # a weaker target (KH002)
    assert 'id="chi-tieu"' in table and "✓ ≥" in table  # targets committed, with the value written


def test_the_page_follows_the_table(client, collection):
    cid, table = collection
    page = client.get(f"/thu-nhan/{cid}").text
    assert 'data-src="/thu-nhan/' in page and "Kế hoạch CCHC 2025 &lt;thử&gt;" in page
    assert row_of(page, "Sở Tài chính") == row_of(table, "Sở Tài chính")


def test_each_submission_has_its_findings(client, collection):
    cid, table = collection
    links = set(re.findall(rf'href="(/thu-nhan/{cid}/ho-so/[^"]+)"', table))
    assert len(links) == 3
    pages = [client.get(link).text for link in links]
    assert any("KH005" in p for p in pages) and any("KH001" in p for p in pages)
    assert all('class="paper"' in p for p in pages)


def test_reports_are_the_audits(client, collection):
    cid, _ = collection
    result = client.get(f"/thu-nhan/{cid}/ket-qua.json").json()
    assert result["summary"]["missing_agencies"] == [NOT_SUBMITTING]
    assert result["summary"]["files"] == 3 and result["summary"]["late"] == 1 and result["summary"]["expected"] == 4
    assert {r["path"] for r in result["files"]} == set(PLANS)
    assert {r["plan_status"] for r in result["files"]} == {"ok"}
    assert {r["path"]: r["agency"]["name"] for r in result["files"]} == PLANS  # matched by the audit
    assert [(a["name"], a["status"]) for a in result["agencies"]] == [
        *((name, "ok") for name in PLANS.values()), (NOT_SUBMITTING, "missing")]
    counts = result["summary"]["agency_counts"]
    assert (counts["expected"], counts["received"], counts["missing"], counts["late"]) == (4, 3, 1, 1)
    assert result["summary"]["plan_status"]["ok"] == 3 and result["expected"]["agencies"] == 4
    page = client.get(f"/thu-nhan/{cid}/bao-cao.html")
    assert page.status_code == 200 and 'id="ma-tran"' in page.text
    assert "attachment" in page.headers["content-disposition"]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get(f"/thu-nhan/{cid}/tong-hop.xlsx").content))
    assert {"Tổng hợp", "Chi tiết", "Chỉ tiêu"} <= set(book.sheetnames)
    assert book["Tổng hợp"].max_row == 1 + 3 + 1  # the three plans, then the agency that sent nothing


def test_the_bao_cao_docx_of_a_collection(client, collection, tmp_path):
    """The Báo cáo the Sở sends up: the audit's own (`vbhc audit --report-docx`), with no error."""
    from vbhc.check import check_file
    from vbhc.parse import parse_file

    cid, _ = collection
    r = client.get(f"/thu-nhan/{cid}/bao-cao.docx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert "bao-cao-ket-qua-kiem-tra.docx" in r.headers["content-disposition"]
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(r.content)
    text = "\n".join(b.text for b in parse_file(path).source.blocks)
    assert "BÁO CÁO" in text and "Quyết định số 2228/QĐ-UBND" in text
    assert "không có danh sách cơ quan" not in text
    assert "phải ban hành kế hoạch: 4; đã gửi kế hoạch: 3; chưa gửi: 1." in text
    assert "trễ hạn: 1;" in text and f"chưa gửi kế hoạch (1): {NOT_SUBMITTING}." in text
    for name in [*PLANS.values(), NOT_SUBMITTING]:  # the table per agency
        assert name in text
    errors = [f for f in check_file(str(path)).findings if f.severity == "error"]
    assert not errors, errors
    assert "/bao-cao.docx" in client.get(f"/thu-nhan/{cid}").text


def test_a_later_plan_replaces_the_earlier(fresh_client):
    c = fresh_client
    r = c.post("/thu-nhan", data={"title": "Đợt 2", "parent": "nghe-an-2025",
                                  "expected_text": "Sở Khoa học và Công nghệ"}, follow_redirects=False)
    cid = r.headers["location"].rsplit("/", 1)[1]
    plan = EVAL / "so-khcn-thieu-bao-cao.txt"
    c.post(f"/thu-nhan/{cid}/nop", files=[("files", upload(plan, "lan-1.txt"))])
    wait_done(c, cid)
    later = plan.read_text(encoding="utf-8").replace("ngày 31 tháng 7 năm 2025", "ngày 01 tháng 8 năm 2025")
    assert later != plan.read_text(encoding="utf-8")
    c.post(f"/thu-nhan/{cid}/nop", files=[("files", ("lan-2.txt", later.encode()))])
    table = wait_done(c, cid)
    assert 'id="so-da-nop">1<' in table and 'id="so-chua-nop">0<' in table
    assert "lan-1.txt (nộp" in table.split('id="da-thay"')[1]  # listed as replaced
    result = c.get(f"/thu-nhan/{cid}/ket-qua.json").json()
    by_path = {r["path"]: r for r in result["files"]}
    assert by_path["lan-1.txt"]["plan_status"] == "duplicate" and by_path["lan-1.txt"]["superseded_by"] == "lan-2.txt"
    assert by_path["lan-2.txt"]["plan_status"] == "ok" and by_path["lan-2.txt"]["supersedes"] == ["lan-1.txt"]
    assert result["agencies"][0]["file"] == "lan-2.txt"


def test_a_file_sent_again_under_its_name_replaces_the_first(fresh_client):
    """No list: the agencies are the issuers (as `vbhc audit` without --expected); a corrected copy
    with the same name, number and date counts over the first (its path is "… (2)")."""
    c = fresh_client
    r = c.post("/thu-nhan", data={"title": "Đợt không danh sách", "parent": "nghe-an-2025"}, follow_redirects=False)
    cid = r.headers["location"].rsplit("/", 1)[1]
    plan = EVAL / "so-khcn-thieu-bao-cao.txt"
    c.post(f"/thu-nhan/{cid}/nop", files=[("files", upload(plan, "ke-hoach.txt"))])
    wait_done(c, cid)
    corrected = plan.read_text(encoding="utf-8") + "\n"
    c.post(f"/thu-nhan/{cid}/nop", files=[("files", ("ke-hoach.txt", corrected.encode()))])
    table = wait_done(c, cid)
    assert 'id="so-phai-nop"' not in table and 'id="so-da-nop">1<' in table and "ngoài danh sách" not in table
    result = c.get(f"/thu-nhan/{cid}/ket-qua.json").json()
    assert result["expected"] is None and result["summary"]["missing_agencies"] == []
    assert [(r["path"], r["plan_status"]) for r in result["files"]] == [("ke-hoach.txt", "duplicate"),
                                                                        ("ke-hoach.txt (2)", "ok")]
    assert [(a["file"], a["status"]) for a in result["agencies"]] == [("ke-hoach.txt (2)", "ok")]
    assert "ke-hoach.txt (nộp" in table.split('id="da-thay"')[1]


def test_expected_list_from_a_csv(fresh_client):
    c = fresh_client
    csv = "Tên,Viết tắt\nSở Y tế,SYT\n\"Sở Xây dựng\",SXD\n".encode()
    r = c.post("/thu-nhan", data={"title": "Đợt 3", "parent": "nghe-an-2025"},
               files={"expected_file": ("ds.csv", csv)}, follow_redirects=False)
    cid = r.headers["location"].rsplit("/", 1)[1]
    store = c.app.app.state.services.store
    # the header line is not an agency; the short names are kept for matching by symbol
    assert [(a.name, a.short, a.level) for a in store.expected(cid)] == [("Sở Y tế", "SYT", "so"),
                                                                         ("Sở Xây dựng", "SXD", "so")]


def test_collection_form_errors(client):
    r = client.post("/thu-nhan", data={"title": "", "parent": "nghe-an-2025"})
    assert r.status_code == 400 and "cần tên đợt thu nhận" in r.text
    r = client.get("/thu-nhan/khong-co")
    assert r.status_code == 404 and "không có đợt thu nhận này" in r.text


def test_expected_list_drops_blanks_and_repeats():
    typed = "Sở Y tế\n\n  SỞ Y TẾ \nUBND xã A\nỦy ban nhân dân xã A\n# một dòng ghi chú\n"
    assert [a.name for a in agencies.expected_agencies(typed)] == ["Sở Y tế", "UBND xã A"]
    assert [a.name for a in agencies.expected_agencies("x" * 500)] == ["x" * agencies.MAX_NAME]
    both = agencies.expected_agencies("Sở Y tế", "name,short\nSở Tư pháp,STP\nSỞ Y TẾ,SYT\n", "ds.csv")
    assert [(a.name, a.short) for a in both] == [("Sở Y tế", None), ("Sở Tư pháp", "STP")]  # typed first, once
    listed = agencies.expected_agencies("", "- name: Sở Nội vụ\n  short: SNV\n- xã Hưng Nguyên\n", "ds.yaml")
    assert [(a.name, a.short, a.level) for a in listed] == [("Sở Nội vụ", "SNV", "so"), ("xã Hưng Nguyên", None, "xa")]


def test_a_bad_expected_list_is_refused(fresh_client):
    r = fresh_client.post("/thu-nhan", data={"title": "Đợt 4", "parent": "nghe-an-2025",
                                             "expected_text": "Sở Y tế\n---\n"})
    assert r.status_code == 400 and "danh sách cơ quan đã nhập, dòng 2" in r.text
    r = fresh_client.post("/thu-nhan", data={"title": "Đợt 4", "parent": "nghe-an-2025"},
                          files={"expected_file": ("ds.csv", "Tên,Cấp\nSở Y tế,huyện\n".encode())})
    assert r.status_code == 400 and "ds.csv, dòng 2" in r.text and "huyện" in r.text


def test_wrong_links_and_empty_uploads(client, collection):
    cid, table = collection
    sid = re.search(rf'/thu-nhan/{cid}/ho-so/([^"]+)"', table).group(1)
    other = client.post("/thu-nhan", data={"title": "Đợt khác", "parent": "nghe-an-2025"}, follow_redirects=False)
    other_id = other.headers["location"].rsplit("/", 1)[1]
    r = client.get(f"/thu-nhan/{other_id}/ho-so/{sid}")  # a submission reached through another collection
    assert r.status_code == 404 and "không có kết quả của tệp này" in r.text
    r = client.post(f"/thu-nhan/{cid}/nop", files={"x": ("", b"")})
    assert r.status_code == 400 and "chưa chọn tệp kế hoạch nào" in r.text
    store = client.app.app.state.services.store
    files_before = sorted(store.files.iterdir())
    r = client.post(f"/thu-nhan/{cid}/nop", files=[("files", upload(EVAL / "so-y-te-phan-i.txt")),
                                                   ("files", ("anh.jpg", b"\xff\xd8"))])
    assert r.status_code == 400 and "anh.jpg" in r.text
    assert sorted(store.files.iterdir()) == files_before  # not even the good one was kept
    assert client.get(f"/thu-nhan/{cid}/bang").text.count('class="state-') == 4  # nothing was added


DRAFT = "du-thao-so-tu-phap.docx"  # `vbhc draft` for Sở Tư pháp, sent as it came out
NOTE = "ghi chú.txt"
ANOTHER = "Sở Ngoại vụ"  # on the list, sends nothing


@pytest.fixture(scope="module")
def with_draft(client, tmp_path_factory):
    """A collection that receives what issue 15 saw in a folder: a skeleton from `vbhc draft`, a
    note of the văn thư, and one real plan."""
    draft = tmp_path_factory.mktemp("draft") / DRAFT
    proc = subprocess.run([sys.executable, "-m", "vbhc", "draft", "--against", str(PARENT), "--agency", NOT_SUBMITTING,
                           "-o", str(draft)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    note = "Ghi chú của văn thư\nĐã nhận kế hoạch của Sở Tài chính.\nCòn chờ: Sở Tư pháp.\n"
    r = client.post("/thu-nhan", data={"title": "Đợt có bản nháp", "parent": "nghe-an-2025",
                                       "expected_text": f"{NOT_SUBMITTING}\nSở Tài chính\n{ANOTHER}"},
                    follow_redirects=False)
    cid = r.headers["location"].rsplit("/", 1)[1]
    files = [("files", upload(draft)), ("files", (NOTE, note.encode())),
             ("files", upload(EVAL / "so-tai-chinh-bang-nhiem-vu.docx"))]
    assert client.post(f"/thu-nhan/{cid}/nop", files=files, follow_redirects=False).status_code == 303
    return cid, wait_done(client, cid), client.get(f"/thu-nhan/{cid}/ket-qua.json").json()


def test_a_draft_and_a_note_have_the_audits_status(with_draft):
    _, _, result = with_draft
    by_path = {r["path"]: r for r in result["files"]}
    assert by_path[DRAFT]["plan_status"] == "incomplete" and "[ĐIỀN: …]" in by_path[DRAFT]["status_reason"]
    assert by_path[DRAFT]["agency"]["name"] == NOT_SUBMITTING
    assert by_path[NOTE]["plan_status"] == "not_a_plan" and by_path[NOTE]["agency"] is None
    assert by_path["so-tai-chinh-bang-nhiem-vu.docx"]["plan_status"] == "ok"
    assert {a["name"]: a["status"] for a in result["agencies"]} == {
        NOT_SUBMITTING: "incomplete", "Sở Tài chính": "ok", ANOTHER: "missing"}
    summary = result["summary"]
    assert summary["plan_status"] == {"ok": 1, "incomplete": 1, "not_a_plan": 1, "duplicate": 0, "unreadable": 0}
    assert summary["missing_agencies"] == [ANOTHER] and summary["not_on_list"] == []
    assert summary["agency_counts"]["incomplete"] == 1 and summary["agency_counts"]["complete"] == 1
    assert summary["errors"] == sum(f["severity"] == "error" for p in (DRAFT, "so-tai-chinh-bang-nhiem-vu.docx")
                                    for f in by_path[p]["findings"])  # the note's findings are not the plans'


def test_the_board_shows_the_draft_and_the_note(with_draft):
    _, table, _ = with_draft
    draft = row_of(table, NOT_SUBMITTING)
    assert "chưa hoàn thiện" in draft and 'class="draft"' in draft
    assert 'class="yes"' not in draft and "✗" not in draft  # a skeleton is not judged: no tick, no cross
    assert 'id="so-chua-hoan-thien">1<' in table and 'id="so-da-nop">2<' in table and 'id="so-chua-nop">1<' in table
    note = row_of(table, NOTE)
    assert "không phải kế hoạch" in note and "ngoài danh sách" not in note
    assert f'<span id="chua-nop">{ANOTHER}</span>' in table
    received = table.split('id="tep-da-nhan"')[1].split("</table>")[0]
    statuses = re.findall(r'<tr data-status="([a-z_]+)"><td>([^<]+?) <small>', received)
    assert statuses == [("incomplete", DRAFT), ("not_a_plan", NOTE), ("ok", "so-tai-chinh-bang-nhiem-vu.docx")]
    assert '<td class="st-incomplete">chưa hoàn thiện</td>' in received
    assert '<td class="st-not_a_plan">không phải kế hoạch</td>' in received
    chi_tieu = table.split('id="chi-tieu"')[1].split("</table>")[0]
    assert f"<td>{NOT_SUBMITTING}</td>" in chi_tieu and NOTE not in chi_tieu  # the note is no plan to compare


def test_the_bao_cao_names_the_draft(client, with_draft, tmp_path):
    from vbhc.parse import parse_file

    cid, _, _ = with_draft
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(client.get(f"/thu-nhan/{cid}/bao-cao.docx").content)
    text = " ".join(" ".join(b.text for b in parse_file(path).source.blocks).split())
    assert "chưa hoàn thiện (còn chỗ cần điền hoặc đề mục chưa có nội dung): 1." in text
    assert "Kế hoạch chưa hoàn thiện, còn là bản nháp (1)" in text
    assert "Văn bản gửi kèm không phải kế hoạch, không tính: 1 tệp." in text
    assert f"chưa gửi kế hoạch (1): {ANOTHER}." in text


def test_the_html_and_xlsx_downloads_show_the_statuses(client, with_draft):
    from openpyxl import load_workbook

    cid, _, _ = with_draft
    page = client.get(f"/thu-nhan/{cid}/bao-cao.html").text
    agencies_table = page.split('id="co-quan"')[1].split("</table>")[0]
    for name, status in ((NOT_SUBMITTING, "incomplete"), ("Sở Tài chính", "ok"), (ANOTHER, "missing")):
        assert re.search(rf'data-status="{status}">\s*<td class="num">\d+</td><td>{name}</td>', agencies_table), name
    assert 'id="khong-phai-ke-hoach"' in page and NOTE in page.split('id="khong-phai-ke-hoach"')[1]
    book = load_workbook(io.BytesIO(client.get(f"/thu-nhan/{cid}/tong-hop.xlsx").content))
    cells = {str(c.value) for line in book["Tổng hợp"].iter_rows() for c in line if c.value is not None}
    assert {"chưa hoàn thiện", "không phải kế hoạch", ANOTHER} <= cells


def test_a_submissions_page_says_what_it_is(client, with_draft):
    cid, table, _ = with_draft
    link = {name: re.search(rf'{re.escape(name)} <small>\(nộp [^)]*\) — <a href="([^"]+)"', table).group(1)
            for name in (DRAFT, NOTE, "so-tai-chinh-bang-nhiem-vu.docx")}
    draft = client.get(link[DRAFT]).text
    assert 'id="plan-status"' in draft and "Chưa hoàn thiện</b>: bản nháp chưa hoàn thiện: còn" in draft
    assert "Không phải kế hoạch</b>: không phải kế hoạch" in client.get(link[NOTE]).text
    assert 'id="plan-status"' not in client.get(link["so-tai-chinh-bang-nhiem-vu.docx"]).text
