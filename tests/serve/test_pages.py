"""The officers' pages through the ASGI test client: every page in Vietnamese with only its own
assets; a check shows each finding (message, quote, clause) in its part and marks it in the drawn
document; what comes from a document or a file name is escaped; the JSON download is the contract."""

from __future__ import annotations

import html
import re

import pytest
from serve_helpers import EVAL, PARENT, check_contract, make_client, upload

PAGES = ["/", "/soan-thao", "/thu-nhan", "/gioi-thieu"]
ENGLISH = re.compile(r"\b(Choose|Upload|Submit|Download|Error|Loading|Browse)\b")


def check_upload(client, path, name=None, **data):
    r = client.post("/kiem-tra", files={"file": upload(path, name)}, data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_vietnamese_and_local(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert '<html lang="vi">' in r.text
    assert not ENGLISH.search(r.text), ENGLISH.search(r.text)
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    for url in re.findall(r'(?:src|href|action)="([^"]*)"', r.text):
        assert url.startswith(("/", "#", "data:")), url  # nothing from another machine


def test_static_assets_are_served(client):
    for asset in ("/static/app.css", "/static/app.js"):
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 1000
        assert "http://" not in r.text and "https://" not in r.text
    assert "@import" not in client.get("/static/app.css").text and "url(" not in client.get("/static/app.css").text


def test_result_shows_findings_by_part_with_marks(client):
    where = check_upload(client, PARENT, "QĐ 2228.txt")
    page = client.get(where).text
    row = client.get(where + "/ket-qua.json").json()["files"][0]
    assert row["findings"]
    for n, f in enumerate(row["findings"], start=1):
        loc = f["location"]
        assert html.escape(f["message"], quote=False) in page
        assert f'id="f-{n}"' in page
        assert f'<h2>{html.escape(loc["part"], quote=False)} ' in page  # its part heads a group
        assert f'href="#f-{n}"' in page and f'id="L{loc["line"]}"' in page  # marked in the document
    assert html.escape("“Số: 2228 /QĐ-UBND”", quote=False) in page  # the quote
    assert "Căn cứ: NĐ 30/2020" in page  # the clause
    assert page.count('class="sev-filter"') == 3


def test_json_download_is_the_contract(client):
    where = check_upload(client, EVAL / "so-khcn-thieu-bao-cao.txt", parent="nghe-an-2025")
    r = client.get(where + "/ket-qua.json")
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment;")
    check_contract(r.json())
    assert {"KH002", "KH004"} <= {f["rule"] for f in r.json()["files"][0]["findings"]}
    page = client.get(where).text
    assert "Đối chiếu kế hoạch cấp trên: 6/6 lĩnh vực" in page


def test_another_province_plan_is_not_compared(client, tmp_path):
    """The built-in parent is Nghệ An's: a Hà Tĩnh department's plan checked against it gets KH008 and no
    "0/6 lĩnh vực" (nor "None/None"), and no plan error."""
    text = (EVAL / "so-khcn-thieu-bao-cao.txt").read_text(encoding="utf-8")
    assert "UBND TỈNH NGHỆ AN" in text
    moved = tmp_path / "so-khcn-ha-tinh.txt"
    moved.write_text(text.replace("UBND TỈNH NGHỆ AN", "UBND TỈNH HÀ TĨNH"), encoding="utf-8")
    where = check_upload(client, moved, parent="nghe-an-2025")
    rules = {f["rule"] for f in client.get(where + "/ket-qua.json").json()["files"][0]["findings"]}
    assert "KH008" in rules and not {"KH002", "KH004"} & rules
    page = client.get(where).text
    assert "Đối chiếu kế hoạch cấp trên: không đối chiếu (xem cảnh báo)" in page and "None" not in page
    assert "Kế hoạch của tỉnh Hà Tĩnh" in page


def test_names_and_text_are_escaped(client, tmp_path):
    evil = tmp_path / "x.txt"
    evil.write_text("ỦY BAN NHÂN DÂN\n<script>alert('văn bản')</script>\n<img src=x onerror=alert(1)>\n",
                    encoding="utf-8")
    where = check_upload(client, evil, "<b onmouseover=alert(1)>kế hoạch.txt")
    page = client.get(where).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;b onmouseover=alert(1)&gt;kế hoạch.txt" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_file_names_are_never_paths(client):
    store = client.app.app.state.services.store
    before = set(store.root.rglob("*"))
    where = check_upload(client, PARENT, "../../../etc/passwd.txt")
    made = set(store.root.rglob("*")) - before
    assert made and all(p.is_relative_to(store.files) or p.parent == store.root for p in made)
    assert all(re.fullmatch(r"[0-9a-f]{32}\.txt", p.name) for p in made if p.parent == store.files)
    assert "passwd.txt" in client.get(where).text  # shown as its last part only


def test_unreadable_and_refused_files_say_why(client):
    r = client.post("/kiem-tra", files={"file": ("hỏng.pdf", b"%PDF-1.4 nothing here")}, follow_redirects=True)
    assert r.status_code == 200 and 'id="unreadable"' in r.text and "Không đọc được tệp" in r.text
    r = client.post("/kiem-tra", files={"file": ("anh.png", b"\x89PNG")})
    assert r.status_code == 400 and "chỉ nhận tệp .docx, .doc, .odt, .rtf, .pdf, .txt" in r.text
    r = client.post("/kiem-tra", data={"parent": ""}, files={"x": ("", b"")})
    assert r.status_code == 400 and "chưa chọn tệp" in r.text
    r = client.get("/kiem-tra/khong-co-ma-nay")
    assert r.status_code == 404 and "không có kết quả kiểm tra này" in r.text


def test_parent_uploaded_once_is_kept_for_later(client):
    before = {p["name"] for p in client.get("/api/profiles").json()["profiles"]}
    r = client.post("/kiem-tra", files={"file": upload(EVAL / "so-y-te-phan-i.txt"), "parent_file": upload(PARENT)},
                    follow_redirects=False)
    assert r.status_code == 303
    after = {p["name"]: p for p in client.get("/api/profiles").json()["profiles"]}
    (new,) = set(after) - before
    assert new.startswith("2228-qd-ubnd-2025") and after[new]["targets"] == 23
    assert f'<option value="{new}"' in client.get("/").text  # offered on the next visit


def test_review_copies_only_for_docx(client):
    where = check_upload(client, PARENT)
    assert 'id="review-docx-only"' in client.get(where).text
    r = client.get(where + "/ban-ghi-chu.docx")
    assert r.status_code == 400 and "chỉ làm được bản có ghi chú cho tệp .docx" in r.text
    assert client.get(where + "/ban-khac.docx").status_code == 404


def narrow_margin_docx(path) -> None:
    """A decision vbhc writes, its first page's left margin then set to 20 mm (the decree: 30–35 mm)."""
    from docx import Document
    from docx.shared import Mm
    from serve_helpers import ROOT

    from vbhc.generate.template import load_data, render
    from vbhc.writers.docx import to_bytes

    path.write_bytes(to_bytes(render("quyet-dinh", load_data(str(ROOT / "templates" / "quyet-dinh.example.yaml")))))
    doc = Document(str(path))
    doc.sections[0].left_margin = Mm(20)
    doc.save(str(path))


def test_annotated_and_fixed_copies(client, tmp_path):
    import zipfile

    from vbhc.check import check_file

    source = tmp_path / "quyết định lề hẹp.docx"
    narrow_margin_docx(source)
    original = source.read_bytes()
    where = check_upload(client, source)
    findings = client.get(where + "/ket-qua.json").json()["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["ND30.Trang.LeTrang"] and findings[0]["fix"]["safe"]
    r = client.get(where + "/ban-ghi-chu.docx")
    assert r.status_code == 200 and "ghi-chu.docx" in r.headers["content-disposition"]
    annotated = tmp_path / "ghi-chu.docx"
    annotated.write_bytes(r.content)
    with zipfile.ZipFile(annotated) as z:
        assert z.read("word/comments.xml").decode().count("<w:comment ") == 1
    r = client.get(where + "/ban-da-sua.docx")
    assert r.status_code == 200 and "da-sua.docx" in r.headers["content-disposition"]
    fixed = tmp_path / "da-sua.docx"
    fixed.write_bytes(r.content)
    assert check_file(str(fixed)).findings == []  # the margin put right
    assert client.get(where + "/ban-da-sua.docx").content == r.content  # made once, then kept
    assert source.read_bytes() == original


def test_draft_gives_a_docx_that_checks_clean(client, tmp_path):
    from vbhc.check import check_file
    from vbhc.profile import from_parent

    r = client.post("/soan-thao", data={"agency": "Sở Tư pháp", "level": "so", "date": "25/07/2025",
                                       "parent": "nghe-an-2025"})
    assert r.status_code == 200 and "Đã soạn kế hoạch của Sở Tư pháp" in r.text
    link = re.search(r'href="(/soan-thao/[^"]+\.docx)"', r.text).group(1)
    got = client.get(link)
    assert got.status_code == 200 and "ke-hoach-so-tu-phap.docx" in got.headers["content-disposition"]
    out = tmp_path / "kh.docx"
    out.write_bytes(got.content)
    result = check_file(str(out), None, from_parent(PARENT))
    assert result.error is None and result.count("error") == 0, [f.message for f in result.findings]
    assert result.meta["date"] == "2025-07-25"


def test_draft_form_errors(client):
    r = client.post("/soan-thao", data={"agency": "", "parent": "nghe-an-2025"})
    assert r.status_code == 400 and "cần tên cơ quan" in r.text and 'id="draft-form"' in r.text
    r = client.post("/soan-thao", data={"agency": "Sở Y tế", "date": "31/02/2025", "parent": "nghe-an-2025"})
    assert r.status_code == 400 and "không phải một ngày có thật" in r.text
    assert 'value="Sở Y tế"' in r.text  # what was typed is kept


def test_only_loopback_names_are_answered(client, runner, tmp_path):
    assert client.get("/", headers={"host": "127.0.0.1:8686"}).status_code == 200
    assert client.get("/", headers={"host": "vbhc.example.com"}).status_code == 400  # DNS rebinding
    with make_client(tmp_path / "data", runner, host="0.0.0.0") as wide:  # the Sở's network: any name
        assert wide.get("/", headers={"host": "vbhc.so-noi-vu.lan"}).status_code == 200


def test_unknown_draft_link(client):
    r = client.get("/soan-thao/khong-co.docx")
    assert r.status_code == 404 and "không có bản soạn thảo này" in r.text


def test_what_the_reader_noted_is_on_the_result_page(client):
    # a web page saved as ".doc" (as e-office systems export it) is read as a page, and the page says so
    page = ("<html><body><p>ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN</p><p><b>KẾ HOẠCH</b></p><p>Cải cách hành chính năm 2025</p>"
            "<p>I. MỤC ĐÍCH</p><p>Nâng cao chất lượng phục vụ./.</p></body></html>").encode()
    r = client.post("/kiem-tra", files={"file": ("ke-hoach.doc", page)}, follow_redirects=True)
    assert r.status_code == 200 and 'id="unreadable"' not in r.text
    assert "Ghi chú: phần mở rộng .doc nhưng nội dung là trang web (HTML)" in html.unescape(r.text)


def test_a_page_uploaded_as_docx_offers_no_copy_to_edit(client):
    # checked by its content, but only a real .docx can carry Word's comments or be fixed
    page = b"<html><body><p>KE HOACH</p><p>Cai cach hanh chinh</p></body></html>"
    r = client.post("/kiem-tra", files={"file": ("ke-hoach.docx", page)}, follow_redirects=True)
    assert r.status_code == 200 and 'id="review-docx-only"' in r.text and 'id="tai-ghi-chu"' not in r.text
