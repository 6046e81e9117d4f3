"""Thu nhận kế hoạch through the ASGI test client: a collection for the Nghệ An plan with four
expected agencies; three plans uploaded are checked in the background; the live table, the
audit's HTML/XLSX/JSON reports and the missing agency agree; a second plan of one agency replaces
the first."""

from __future__ import annotations

import io
import json
import re

import pytest
from serve_helpers import EVAL, NOT_SUBMITTING, PLANS, upload, wait_done

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
    match = re.search(rf'<tr class="state-[a-z]+" data-agency="{re.escape(agency)}">(.*?)</tr>', table, re.S)
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
    links = re.findall(rf'href="(/thu-nhan/{cid}/ho-so/[^"]+)"', table)
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
    assert "lan-1.txt (nộp" in table  # listed as replaced
    result = c.get(f"/thu-nhan/{cid}/ket-qua.json").json()
    assert [r["path"] for r in result["files"]] == ["lan-2.txt"]


def test_expected_list_from_a_csv(fresh_client):
    c = fresh_client
    csv = "Tên,Viết tắt\nSở Y tế,SYT\n\"Sở Xây dựng\",SXD\n".encode()
    r = c.post("/thu-nhan", data={"title": "Đợt 3", "parent": "nghe-an-2025"},
               files={"expected_file": ("ds.csv", csv)}, follow_redirects=False)
    cid = r.headers["location"].rsplit("/", 1)[1]
    store = c.app.app.state.services.store
    assert store.expected(cid) == ["Sở Y tế", "Sở Xây dựng"]  # the header line is not an agency


def test_collection_form_errors(client):
    r = client.post("/thu-nhan", data={"title": "", "parent": "nghe-an-2025"})
    assert r.status_code == 400 and "cần tên đợt thu nhận" in r.text
    r = client.get("/thu-nhan/khong-co")
    assert r.status_code == 404 and "không có đợt thu nhận này" in r.text


@pytest.mark.parametrize("a, b", [
    ("UBND xã Hưng Nguyên", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"),
    ("xã Hưng Nguyên", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"),
    ("Sở Tư pháp", "SỞ TƯ PHÁP"),
    ("UBND phường Thành Vinh", "Uỷ ban nhân dân phường Thành Vinh"),
])
def test_agency_names_match(a, b):
    assert agencies.match([a], b) == a


@pytest.mark.parametrize("a, b", [("Sở Tư pháp", "SỞ TÀI CHÍNH"), ("xã Hưng Nguyên", "XÃ HƯNG NGUYÊN 2"),
                                  ("Sở Y tế", None)])
def test_other_agencies_do_not_match(a, b):
    assert agencies.match([a], b) is None


def test_expected_list_drops_blanks_and_repeats():
    typed = "Sở Y tế\n\n  SỞ Y TẾ \nUBND xã A\nỦy ban nhân dân xã A\n"
    assert agencies.parse_expected(typed) == ["Sở Y tế", "UBND xã A"]
    assert json.dumps(agencies.parse_expected("x" * 500)) == json.dumps(["x" * agencies.MAX_NAME])


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
