"""The eight real PDFs of ../shared/corpus/real/: each is read (none refused), the scan is told as a
scan, and the header fields parsed from each are what its first page shows (as `pdftotext
-layout` prints it: number and day stamped by the signing systems included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.parse import parse_file
from vbhc.readers.pdf import read_pdf

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
NO_REAL = f"the real documents are not here ({REAL}): a clone without the shared folder"

# file → (agency, number, symbol, place, date, type, trích yếu) of its first document, as on the page
HEADERS = {
    "bc01-lamdong-bc-329-2025-cchc.pdf": (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "329", "BC-UBND", "Lâm Đồng", "2025-12-19", "Báo cáo",
        "Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng"),
    "cv04-skhcn-cv-171-2026.pdf": (
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "171", "SKHCN-CĐS", "Lâm Đồng", "2026-01-16", "Công văn",
        "góp ý dự thảo Kế hoạch kiểm tra cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng"),
    "cv07-btp-cv-3917.pdf": (
        "BỘ TƯ PHÁP", "3917", "BTP-BTTP", "Hà Nội", "2025-07-01", "Công văn",
        "hợp nhất TCXH-NN của công chứng viên, luật sư khi thực hiện hợp nhất địa giới hành chính"),
    "qd01-binhthuan-qd-779-2022-dieule-quykhuyenhoc.pdf": (
        "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "779", "QĐ-UBND", "Bình Thuận", "2022-03-23", "Quyết định",
        "Về việc công nhận Điều lệ (sửa đổi, bổ sung) Quỹ Khuyến học tỉnh Bình Thuận"),
    "qd06-bnv-qd-1187-bochiso-cchc.pdf": (
        "BỘ NỘI VỤ", "1187", "QĐ-BNV", "Hà Nội", "2025-10-15", "Quyết định",
        "Phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Uỷ ban nhân dân "
        "tỉnh, thành phố trực thuộc Trung ương"),
    "qd07-ttg-qd-2319.pdf": (
        "THỦ TƯỚNG CHÍNH PHỦ", "2319", "QĐ-TTg", "Hà Nội", "2025-10-20", "Quyết định",
        "Thành lập Ban Chỉ đạo quốc gia về dữ liệu"),
    "tt01-snv-ttr-176-2026.pdf": (
        "SỞ NỘI VỤ", "176", "TTr-SNV", "Lâm Đồng", "2026-03-17", "Tờ trình",
        "Về việc trình ký Kế hoạch cải cách hành chính nhà nước giai đoạn 2026 - 2030 tỉnh Lâm Đồng"),
}


def real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(NO_REAL)
    return path


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_fields_as_on_the_page(name: str) -> None:
    doc = parse_file(real(name)).documents[0]
    got = (doc.issuer, doc.number, doc.symbol, doc.place, doc.date, doc.doc_type, doc.title)
    assert got == HEADERS[name]


def test_the_35_page_report_is_read() -> None:
    """bc01 was refused as "quá thời gian đọc PDF" (pdfplumber needed 12–16 s for it)."""
    source = read_pdf(real("bc01-lamdong-bc-329-2025-cchc.pdf"))
    assert source.pages == 35 and not source.scanned
    assert len({b.location.page for b in source.blocks}) == 35


def test_the_scan_is_told() -> None:
    source = read_pdf(real("gm01-lamdong-gm-560.pdf"))
    assert source.scanned and source.blocks == []


def test_three_letters_in_one_file() -> None:
    docs = parse_file(real("cv07-btp-cv-3917.pdf")).documents
    assert len(docs) == 3 and all(d.issuer == "BỘ TƯ PHÁP" for d in docs)
