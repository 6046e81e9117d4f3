"""`vbhc serve` in a real headless browser (Debian's Chromium driven by Playwright, kept off the
network by its flags), on a 1366×768 screen: a plan dropped on the check page, its findings beside
the document, the severity filter, the downloads; a collection with three plans and its matrix.
Every request the pages make is recorded: none goes anywhere but the server on loopback.
Screenshots for the README are written to docs/ when missing or when VBHC_UPDATE_DOCS=1."""

from __future__ import annotations

import base64
import json
import os
import shutil
from pathlib import Path

import pytest
from serve_helpers import EVAL, NOT_SUBMITTING, PLANS, ROOT, check_contract

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SCREEN = {"width": 1366, "height": 768}
DOCS = ROOT / "docs"
PLAN = EVAL / "so-tai-chinh-bang-nhiem-vu.docx"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium chưa được cài: apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright chưa được cài: pip install -e '.[test]'")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport=SCREEN, accept_downloads=True, locale="vi-VN")
    page = context.new_page()
    page.requested = []
    page.problems = []
    page.on("request", lambda r: page.requested.append(r.url))
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    assert page.problems == []
    assert page.requested and all(u.startswith(server.url + "/") for u in page.requested), page.requested
    context.close()


def keep_screenshot(page, name: str, tmp_path: Path, full_page: bool = False) -> None:
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=full_page)
    assert shot.stat().st_size > 10_000
    if not (DOCS / name).exists() or os.environ.get("VBHC_UPDATE_DOCS") == "1":
        shutil.copy(shot, DOCS / name)


def fits_the_screen(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREEN["width"]


def drop_file(page, selector: str, path: Path) -> None:
    """Drop a file on the zone as a person dragging it from the file manager would."""
    page.evaluate("""([selector, name, data]) => {
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name));
        const zone = document.querySelector(selector);
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
    }""", [selector, path.name, base64.b64encode(path.read_bytes()).decode()])


def test_check_a_plan(page, server, tmp_path):
    page.goto(server.url + "/")
    fits_the_screen(page)
    drop_file(page, ".drop", PLAN)
    assert page.locator("output.chosen").first.text_content() == PLAN.name
    page.select_option("#parent", "nghe-an-2025")
    page.click("#check-form button[type=submit]")
    page.wait_for_url("**/kiem-tra/*")
    fits_the_screen(page)
    assert page.locator(".findings").is_visible() and page.locator(".document").is_visible()
    box = page.locator(".document").bounding_box()
    assert box["x"] + box["width"] <= SCREEN["width"] and box["y"] < SCREEN["height"] / 2  # beside, not below

    with page.expect_download() as got:
        page.click("text=Tải JSON")
    body = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    check_contract(body)
    findings = body["files"][0]["findings"]
    assert page.locator("li.finding").count() == len(findings) > 0
    assert {"KH002", "KH003"} <= {f["rule"] for f in findings}
    marked = [f for f in findings if f["location"]["line"] is not None]
    assert page.locator(".paper a.mark").count() >= len(marked) > 0

    other = next(f["severity"] for f in findings if f["severity"] != "error")
    others = page.locator(f"li.finding.sev-{other}")
    assert others.count() == sum(f["severity"] == other for f in findings) and others.first.is_visible()
    page.uncheck(f".sev-filter[value={other}]")
    assert not others.first.is_visible() and page.locator("li.finding.sev-error").first.is_visible()
    assert not page.locator(f".paper a.mark.sev-{other}").first.is_visible()
    page.check(f".sev-filter[value={other}]")
    assert others.first.is_visible()

    keep_screenshot(page, "serve-kiem-tra.png", tmp_path)
    with page.expect_download() as got:
        page.click("#tai-ghi-chu")
    assert got.value.suggested_filename == "so-tai-chinh-bang-nhiem-vu.ghi-chu.docx"
    import zipfile

    with zipfile.ZipFile(got.value.path()) as z:
        comments = z.read("word/comments.xml").decode()
    assert 0 < comments.count("<w:comment ") <= len(findings)
    assert any(f["message"][:30] in comments for f in findings)  # the finding itself, in Word


def test_collect_three_plans(page, server, tmp_path):
    page.goto(server.url + "/thu-nhan")
    page.fill("#title", "Kế hoạch CCHC năm 2025 của các sở và xã")
    page.fill("#expected_text", "\n".join([*PLANS.values(), NOT_SUBMITTING]))
    page.select_option("#parent", "nghe-an-2025")
    page.click("#collect-form button[type=submit]")
    page.wait_for_url("**/thu-nhan/*")
    page.set_input_files("#files", [str(EVAL / name) for name in PLANS])
    assert page.locator("output.chosen").first.text_content().count(",") == 2
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector('#bang [data-pending="0"]', timeout=120_000)
    fits_the_screen(page)
    assert page.locator("#so-da-nop").text_content() == "3" and page.locator("#so-chua-nop").text_content() == "1"
    assert page.locator("#chua-nop").text_content() == NOT_SUBMITTING
    assert page.locator("#ma-tran tbody tr").count() == 4
    assert page.locator("#ma-tran td.no").count() == 1  # the ward's plan misses an area
    assert page.locator("#ma-tran td.late").count() == 1
    assert page.locator("#chi-tieu tbody tr").count() == 3
    assert page.locator('#tep-da-nhan tbody tr[data-status="ok"]').count() == 3  # each file's plan_status
    keep_screenshot(page, "serve-thu-nhan.png", tmp_path, full_page=True)
    with page.expect_download() as got:
        page.click("text=Bảng tính XLSX")
    assert Path(got.value.path()).read_bytes()[:2] == b"PK"
    page.click("#ma-tran >> text=xem phát hiện >> nth=0")
    page.wait_for_url("**/ho-so/*")
    assert page.locator("li.finding").count() > 0


def test_draft_form(page, server, tmp_path):
    page.goto(server.url + "/soan-thao")
    fits_the_screen(page)
    page.fill("#agency", "Sở Tư pháp")
    page.fill("#date", "25/07/2025")
    page.click("#draft-form button[type=submit]")
    page.wait_for_selector("#tai-du-thao")
    with page.expect_download() as got:
        page.click("#tai-du-thao")
    assert got.value.suggested_filename == "ke-hoach-so-tu-phap.docx"
    assert Path(got.value.path()).read_bytes()[:2] == b"PK"
