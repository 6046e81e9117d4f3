"""PDF reader: what an e-signing system stamps (annotation appearance streams) is read where it is
drawn: the number and the day fill the blanks the drafter left ("Số: 176/TTr-SNV"); a stamp in
the page margin is not body text. Hand-made PDFs (widgets drawing text) beside the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.parse import parse_file
from vbhc.readers.pdf import read_pdf

try:
    from .pdf_builder import Annotation, Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Annotation, Text, build_pdf  # type: ignore[no-redef]

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
NO_REAL = f"the real documents are not here ({REAL}): a clone without the shared folder"

HEADER = [
    Text(80, 60, "UBND TINH LAM DONG", 13), Text(300, 60, "CONG HOA XA HOI CHU NGHIA VIET NAM", 12, "F2"),
    Text(110, 76, "SO NOI VU", 13, "F2"), Text(330, 76, "Doc lap - Tu do - Hanh phuc", 13, "F2"),
    # the drafter's blanks: spaces typed after "So:" and after "ngay", the symbol further right
    Text(95, 95, "So:      ", 14), Text(160, 95, "/TTr-SNV", 14),
    Text(300, 95, "Lam Dong, ngay     ", 14, "F3"), Text(420, 95, "thang 3 nam 2026", 14, "F3"),
    Text(270, 140, "TO TRINH", 14, "F2"),
    Text(85, 180, "Noi dung to trinh.", 14),
]
STAMPS = [
    Annotation((125, 80, 158, 100), [Text(126, 95, "176", 14)]),  # between "So:" and "/TTr"
    Annotation((395, 80, 419, 100), [Text(398, 95, "17", 14, "F3")]),  # the day
    Annotation((0, 0, 200, 20), [Text(20, 14, "Co quan phat hanh: VAN PHONG", 8)]),  # the margin
]


def write(tmp_path: Path, annotations: list[list[Annotation]] | None, name: str = "tt.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(build_pdf([HEADER], annotations=annotations))
    return path


def texts(path: Path) -> list[str]:
    return [b.text for b in read_pdf(path).blocks]


def test_stamped_number_and_day_fill_the_blanks(tmp_path: Path) -> None:
    source = read_pdf(write(tmp_path, [STAMPS]))
    body = [b.text for b in source.blocks if b.part == "body"]
    assert "So: 176/TTr-SNV" in body
    assert "Lam Dong, ngay 17 thang 3 nam 2026" in body


def test_without_the_stamps_the_blanks_stay_blank(tmp_path: Path) -> None:
    body = texts(write(tmp_path, None))
    assert "So: /TTr-SNV" in [" ".join(t.split()) for t in body]
    assert not any("176" in t for t in body)


def test_a_stamp_in_the_margin_is_not_body(tmp_path: Path) -> None:
    source = read_pdf(write(tmp_path, [STAMPS]))
    margin = [b for b in source.blocks if b.text.startswith("Co quan phat hanh")]
    assert len(margin) == 1 and margin[0].part == "header"


# --- real e-signed PDFs --------------------------------------------------------------------------

REAL_STAMPS = {
    "tt01-snv-ttr-176-2026.pdf": ("Số: 176/TTr-SNV", "Lâm Đồng, ngày 17 tháng 3 năm 2026"),
    "cv04-skhcn-cv-171-2026.pdf": ("Số: 171/SKHCN-CĐS", "Lâm Đồng, ngày 16 tháng 01 năm 2026"),
    "qd06-bnv-qd-1187-bochiso-cchc.pdf": ("Số: 1187/QĐ-BNV", "Hà Nội, ngày 15 tháng 10 năm 2025"),
    "bc01-lamdong-bc-329-2025-cchc.pdf": ("Số: 329/BC-UBND", "Lâm Đồng, ngày 19 tháng 12 năm 2025"),
}


@pytest.mark.parametrize("name", sorted(REAL_STAMPS))
def test_real_stamped_number_and_date(name: str) -> None:
    if not (REAL / name).is_file():
        pytest.skip(NO_REAL)
    number, date = REAL_STAMPS[name]
    page_one = [b.text for b in read_pdf(REAL / name).blocks if b.location.page == 1]
    assert number in page_one and date in page_one


def test_real_stamped_header_parses() -> None:
    path = REAL / "tt01-snv-ttr-176-2026.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    doc = parse_file(path).documents[0]
    assert (doc.number, doc.symbol, doc.place, doc.date) == ("176", "TTr-SNV", "Lâm Đồng", "2026-03-17")


def test_real_typed_blanks_are_kept() -> None:
    """qd01's number is typed, not stamped: its spaces before "/" are the drafter's (a real finding)."""
    path = REAL / "qd01-binhthuan-qd-779-2022-dieule-quykhuyenhoc.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    line = next(b.text for b in read_pdf(path).blocks if b.text.startswith("Số:"))
    assert line.startswith("Số:") and "779 " in line and line.endswith("/QĐ-UBND")


def test_real_margin_note_of_the_signing_system_is_a_page_header() -> None:
    path = REAL / "qd07-ttg-qd-2319.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    note = [b for b in read_pdf(path).blocks if b.text.startswith("Cơ quan phát hành")]
    assert len(note) == 1 and note[0].part == "header"


# A digital signature's box of small print drawn over the header (VGCA's "Ky boi: …" lines, 7 pt over the
# 12–13 pt Quốc hiệu and Tiêu ngữ): before, its glyphs were read into the header's lines one by one
# ("CONG HOA XA HO Ky I bo C i: H …"), and the Quốc hiệu, Tiêu ngữ, type and date were lost.
SIGNATURE_BOX = ["Ky boi: So Noi vu", "Email: snv@lamdong.gov.vn", "Co quan: Tinh Lam Dong",
                 "Thoi gian ky: 17.03.2026 15:20:36 +07:00"]


@pytest.mark.parametrize("top", [48, 62, 80])
def test_a_signature_box_over_the_header_is_read_apart(tmp_path: Path, top: float) -> None:
    box = Annotation((330, top - 10, 560, top + 40),
                     [Text(400, top + i * 8, t, 7) for i, t in enumerate(SIGNATURE_BOX)])
    path = write(tmp_path, [[box]])
    body = [b.text for b in read_pdf(path).blocks if b.part == "body"]
    assert "CONG HOA XA HOI CHU NGHIA VIET NAM" in body and "Doc lap - Tu do - Hanh phuc" in body
    [doc] = parse_file(path).documents
    assert (doc.national_title, doc.motto, doc.issuer) == (
        "CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc", "UBND TINH LAM DONG SO NOI VU")
    assert doc.digital_signature == [t for t in SIGNATURE_BOX if t in body]  # a line in the top band is a page header
    assert doc.digital_signature[-1] == SIGNATURE_BOX[-1]
