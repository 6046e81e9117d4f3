"""PDF reader: an image scan is told as a scan (Source.scanned), with or without an invisible OCR
text layer; the OCR text is kept only when it reads as Vietnamese. Hand-made pages (an image
drawn over the page, text in render mode 3) beside the real gm01 (a scanner's garbage OCR)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbhc.cli import cli
from vbhc.model import Source
from vbhc.readers.pdf import MSG_SCAN, read_pdf
from vbhc.readers.pdf.scan import reads_vietnamese

try:
    from .pdf_builder import Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf  # type: ignore[no-redef]

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
NO_REAL = f"the real documents are not here ({REAL}): a clone without the shared folder"
PAGE_IMAGE = "q 595 0 0 842 0 0 cm /Im1 Do Q"
LETTERHEAD = "q 595 0 0 120 0 722 cm /Im1 Do Q"  # an image across the top only
GARBAGE = ["UY BAN NHAN DAN      ceNG HoA x,l ugr cnu Ncnin vtpr xlrvr",
           "so:f60tCNa-usND     LdmDing,ngdy7L thdng 1l ndm2025",
           "Uy ban nhdn dAn tinh t6 chric bu,ii lam viec d,5 nghe Sd NQi vu b6o c6o",
           "rllnh gi6 !6t qu6 vi gi6i ph6p n6ng cao c6c chi s5 PAR INDEX, PAPI, SIPAS"]
# Vietnamese in the letters Windows-1252 has (the standard fonts' encoding)
VIETNAMESE = ["Nhân dân các xã có công tác kinh doanh hàng hóa vào tháng ba;",
              "các cán binh giao hàng cho nhà máy và cho các xã bên sông.",
              "Các xã có công tác kinh doanh và giao hàng vào tháng này."]


def page(lines: list[str], mode: int) -> list[Text]:
    return [Text(70, 100 + 20 * k, t, 12, mode=mode) for k, t in enumerate(lines)]


def read(tmp_path: Path, items: list[Text], drawing: str, pages: int = 1) -> Source:
    path = tmp_path / "scan.pdf"
    path.write_bytes(build_pdf([items] * pages, drawing=drawing))
    return read_pdf(path)


def test_scan_with_a_garbage_ocr_layer_is_a_scan_without_blocks(tmp_path: Path) -> None:
    source = read(tmp_path, page(GARBAGE, 3), PAGE_IMAGE, pages=2)
    assert source.scanned is True and source.blocks == []
    assert any("bản quét" in n and "không đọc được" in n for n in source.notes)


def test_scan_with_a_vietnamese_ocr_layer_keeps_its_text(tmp_path: Path) -> None:
    source = read(tmp_path, page(VIETNAMESE, 3), PAGE_IMAGE)
    assert source.scanned is True
    assert " ".join(b.text for b in source.blocks) == " ".join(VIETNAMESE)
    assert any("bản quét" in n and "đọc được" in n for n in source.notes)


def test_visible_garbage_over_a_page_image_is_still_a_scan(tmp_path: Path) -> None:
    """Some scanners draw their OCR visibly under the image: what decides is how it reads."""
    source = read(tmp_path, page(GARBAGE, 0), PAGE_IMAGE)
    assert source.scanned is True and source.blocks == []


def test_text_over_a_letterhead_image_is_not_a_scan(tmp_path: Path) -> None:
    source = read(tmp_path, page(VIETNAMESE, 0), LETTERHEAD)
    assert source.scanned is False and " ".join(b.text for b in source.blocks) == " ".join(VIETNAMESE)


def test_visible_vietnamese_over_a_page_image_is_not_a_scan(tmp_path: Path) -> None:
    """A page drawn over a full-page background (a form) with real text is a document."""
    source = read(tmp_path, page(VIETNAMESE, 0), PAGE_IMAGE)
    assert source.scanned is False


def test_ordinary_text_without_images_is_not_a_scan(tmp_path: Path) -> None:
    assert read(tmp_path, page(GARBAGE, 0), "").scanned is False


def test_what_reads_as_vietnamese() -> None:
    assert reads_vietnamese(" ".join(VIETNAMESE))
    assert reads_vietnamese("Ủy ban nhân dân tỉnh tổ chức buổi làm việc để nghe Sở Nội vụ báo cáo")
    assert not reads_vietnamese(" ".join(GARBAGE))
    assert not reads_vietnamese("UY BAN NHAN DAN TINH LAM DONG GIAY MOI")  # no marks: not judged Vietnamese
    assert not reads_vietnamese("Über München")  # too short, and not Vietnamese


def test_cli_parse_of_a_textless_scan_says_so_and_check_reports_it(tmp_path: Path) -> None:
    path = tmp_path / "quet.pdf"
    path.write_bytes(build_pdf([[]], drawing=PAGE_IMAGE))
    run = CliRunner().invoke(cli, ["parse", str(path)])
    assert run.exit_code == 2 and MSG_SCAN in run.output
    run = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert run.exit_code == 0, run.output
    findings = json.loads(run.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("VBHC.BanQuet", "warning")]


def test_real_scan_with_garbage_ocr() -> None:
    path = REAL / "gm01-lamdong-gm-560.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    source = read_pdf(path)
    assert source.scanned is True and source.blocks == []


@pytest.mark.parametrize("name", ["bc01-lamdong-bc-329-2025-cchc.pdf", "cv04-skhcn-cv-171-2026.pdf",
                                  "cv07-btp-cv-3917.pdf", "qd01-binhthuan-qd-779-2022-dieule-quykhuyenhoc.pdf",
                                  "qd06-bnv-qd-1187-bochiso-cchc.pdf", "qd07-ttg-qd-2319.pdf",
                                  "tt01-snv-ttr-176-2026.pdf"])
def test_real_documents_are_not_scans(name: str) -> None:
    path = REAL / name
    if not path.is_file():
        pytest.skip(NO_REAL)
    assert read_pdf(path).scanned is False
