"""PDF reader: the agency name and the Quốc hiệu printed on one line, closer than a segment cut
(qd07: "THỦ TƯỚNG CHÍNH PHỦ    CỘNG HÒA XÃ HỘI…"), are cut apart into the two header columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfminer.fontmetrics import FONT_METRICS

from vbhc.model import Source
from vbhc.parse import parse_file
from vbhc.readers.pdf import read_pdf

try:
    from .pdf_builder import Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf  # type: ignore[no-redef]

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
NO_REAL = f"the real documents are not here ({REAL}): a clone without the shared folder"
SIZE = 13.0


def width(text: str) -> float:
    return sum(FONT_METRICS["Helvetica-Bold"][1].get(c, 600) for c in text) * SIZE / 1000


def one_line(left: str, right: str, gap_em: float, x: float = 90.0) -> list[Text]:
    """Two texts on one baseline, `gap_em` apart (less than the 1.5 em that cuts a line)."""
    return [Text(x, 60, left, SIZE, "F2"), Text(x + width(left) + gap_em * SIZE, 60, right, SIZE, "F2")]


def read(tmp_path: Path, items: list[Text]) -> Source:
    body = [Text(85, 200, "Can cu Luat To chuc Chinh phu ngay 18 thang 02 nam 2025;", 14),
            Text(85, 230, "Dieu 1. Thanh lap Ban Chi dao quoc gia ve du lieu.", 14)]
    path = tmp_path / "h.pdf"
    path.write_bytes(build_pdf([items + body]))
    return read_pdf(path)


def test_agency_and_national_title_on_one_line_are_two_columns(tmp_path: Path) -> None:
    source = read(tmp_path, one_line("THU TUONG CHINH PHU", "CONG HOA XA HOI CHU NGHIA VIET NAM", 1.2))
    first = [b for b in source.blocks if b.location.line == 1]
    assert [(b.text, b.column) for b in first] == [("THU TUONG CHINH PHU", 0),
                                                   ("CONG HOA XA HOI CHU NGHIA VIET NAM", 1)]


def test_agency_line_beside_the_motto_and_the_date(tmp_path: Path) -> None:
    items = one_line("BO NOI VU", "Doc lap - Tu do - Hanh phuc", 1.0, x=120)
    assert [b.text for b in read(tmp_path, items).blocks][:2] == ["BO NOI VU", "Doc lap - Tu do - Hanh phuc"]
    dated = one_line("So: 12/QD-TTg", "Ha Noi, ngay 20 thang 10 nam 2025", 1.0)
    assert [b.text for b in read(tmp_path, dated).blocks][:2] == ["So: 12/QD-TTg", "Ha Noi, ngay 20 thang 10 nam 2025"]


def test_other_gaps_do_not_cut_a_line(tmp_path: Path) -> None:
    """Only what the right header column holds is cut off: a wide space in other text stays."""
    items = one_line("BAN CHI DAO QUOC GIA", "VE DU LIEU", 1.2)
    assert "BAN CHI DAO QUOC GIA VE DU LIEU" in [b.text for b in read(tmp_path, items).blocks]


def test_real_prime_minister_decision_issuer() -> None:
    path = REAL / "qd07-ttg-qd-2319.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    doc = parse_file(path).documents[0]
    assert doc.issuer == "THỦ TƯỚNG CHÍNH PHỦ"
    assert doc.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (doc.number, doc.symbol, doc.date, doc.doc_type) == ("2319", "QĐ-TTg", "2025-10-20", "Quyết định")
