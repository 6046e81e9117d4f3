"""The HTML report in a real headless browser: Debian's Chromium driven by Playwright.

Finds the matrix (#ma-tran) and the targets table (#chi-tieu), sorts and filters in the page,
checks that the page logs no console error and asks for nothing over the network, and keeps a
screenshot: docs/audit-report.png is written when missing or when VBHC_UPDATE_DOCS=1.
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
    if not SCREENSHOT.exists() or os.environ.get("VBHC_UPDATE_DOCS") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copy(shot, SCREENSHOT)
    page.close()

