"""The HTML report in a real headless browser: Debian's Chromium driven by Playwright.

Finds the matrix (#ma-tran) and the targets table (#chi-tieu), sorts and filters in the page,
checks that the page logs no console error and asks for nothing over the network; on issue 15's
folder, the agencies and who has not submitted, the files by status, and the page printed (A4
landscape, headers repeated). Keeps a screenshot of issue 15's page: docs/audit-report.png is
written when missing or when VBHC_UPDATE_DOCS=1.
"""

from __future__ import annotations

import os
import shutil

import pytest
from audit_helpers import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "docs" / "audit-report.png"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium chưa được cài: apt-get install chromium chromium-driver")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright chưa được cài: pip install -e '.[test]'")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


def visible_first_cells(page, table: str) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr:not(.hidden)", "rows => rows.map(r => r.cells[0].textContent.trim())")


def test_report_in_headless_chromium(browser, audited, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto((audited.out / "ket-qua.html").as_uri())
    page.wait_for_load_state("load")

    assert page.title().startswith("Báo cáo kiểm tra kế hoạch")
    assert page.locator("#ma-tran").is_visible() and page.locator("#chi-tieu").is_visible()
    assert page.locator("#ma-tran thead th").count() == 2 + 6 + 1
    assert page.locator("#ma-tran tbody tr").count() == 4  # the four plans (a scan without text is not judged)
    assert page.locator("#ma-tran td.no").count() == 3
    assert page.locator("#chi-tieu td.weaker").count() == 2

    # sorting: issue dates, ascending then descending
    header = page.locator("#thoi-han thead th", has_text="Ngày ban hành")
    header.click()
    dated = [c for c in visible_first_cells(page, "thoi-han") if c != "xa-do-luong-scan"]  # a scan: no date
    assert dated[0] == "SỞ TƯ PHÁP"
    header.click()
    assert visible_first_cells(page, "thoi-han")[0] == "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"
    assert header.get_attribute("aria-sort") == "descending"

    # filtering: typed without diacritics, and by missing area
    page.fill('input.filter[data-table="ma-tran"]', "nam dan")
    assert visible_first_cells(page, "ma-tran") == ["ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"]
    page.fill('input.filter[data-table="ma-tran"]', "")
    page.select_option('select.filter[data-table="ma-tran"]', "thieu-tai_chinh_cong")
    assert visible_first_cells(page, "ma-tran") == ["ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN"]
    assert page.locator('.count[data-table="ma-tran"]').text_content() == "1 / 4 dòng"
    page.select_option('select.filter[data-table="ma-tran"]', "")
    page.select_option('select.filter[data-table="tong-hop"]', "khong-doc-duoc")
    # the corrupt .docx, the broken .doc, the hang, the scan without text
    assert len(visible_first_cells(page, "tong-hop")) == 4
    page.select_option('select.filter[data-table="tong-hop"]', "")

    assert problems == []
    assert all(url.startswith(("file:", "data:")) for url in requested), requested

    shot = tmp_path / "audit-report.png"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()



def test_agencies_statuses_and_print_in_chromium(browser, submissions, tmp_path):
    """Issue 15's page: the missing agency, the files by status, and the page as Chromium prints it
    (A4 landscape, each table's header row repeated on the pages it runs over)."""
    import pdfplumber
    from audit_helpers import DRAFT, MISSING, NOTE

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.goto((submissions.out / "ket-qua.html").as_uri())
    page.wait_for_load_state("load")

    shot = tmp_path / "audit-report.png"
    page.screenshot(path=str(shot), full_page=False)
    if not SCREENSHOT.exists() or os.environ.get("VBHC_UPDATE_DOCS") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copy(shot, SCREENSHOT)

    assert page.locator("#chua-nop li").all_text_contents() == [MISSING]
    assert page.locator("#so-chua-nop b").text_content() == "1"
    missing = page.locator("#co-quan tbody tr.agency-missing td:nth-child(2)").all_text_contents()
    assert missing == [MISSING]
    page.select_option('select.filter[data-table="tong-hop"]', "chua-hoan-thien")
    assert visible_first_cells(page, "tong-hop") == [DRAFT]
    page.select_option('select.filter[data-table="tong-hop"]', "khong-phai-ke-hoach")
    assert visible_first_cells(page, "tong-hop") == [NOTE]
    page.select_option('select.filter[data-table="tong-hop"]', "")
    assert page.locator("#chi-tieu tbody tr[data-status=incomplete] td.yes").count() == 0
    assert page.locator("#chi-tieu tbody tr[data-status=incomplete] td.draft").count() > 0
    # the "Tình trạng" column sorts what needs attention first: the unreadable file, then the draft
    page.locator("#tong-hop thead th", has_text="Tình trạng").click()
    assert visible_first_cells(page, "tong-hop")[:2] == ["ke-hoach-hong.docx", DRAFT]

    pdf = tmp_path / "in.pdf"
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible() and not page.locator(".tools").first.is_visible()
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    assert problems == []
    with pdfplumber.open(pdf) as doc:
        sizes = {(round(p.width), round(p.height)) for p in doc.pages}
        texts = [p.extract_text() or "" for p in doc.pages]
    assert sizes == {(842, 595)}  # A4 landscape, in points
    # the pages of the findings table: from its heading to the next section's
    first = next(i for i, t in enumerate(texts) if "Chi tiết phát hiện theo tệp" in t)
    last = next(i for i, t in enumerate(texts) if "Tệp không phải kế hoạch" in t)
    assert last > first, "the findings table runs over more than one page"
    for text in texts[first:last + 1]:
        assert "Quy tắc Nội dung Căn cứ Vị trí" in " ".join(text.split()), text[:300]  # its header on each
