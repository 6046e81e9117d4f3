"""PDF reader: footnotes at the page foot (under Word's short separator, or opened by a raised
number) get part "footnote", so the parser leaves them out of the body and the Nơi nhận."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.model import Source
from vbhc.parse import parse_file
from vbhc.readers.pdf import read_pdf

try:
    from .pdf_builder import A4, Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import A4, Text, build_pdf  # type: ignore[no-redef]

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
NO_REAL = f"the real documents are not here ({REAL}): a clone without the shared folder"
HEIGHT = A4[1]
BODY = [
    Text(85, 100, "Noi dung to trinh, xem chu thich", 13), Text(290, 96, "1", 8),
    Text(85, 640, "Noi nhan:", 12, "F2"), Text(380, 640, "GIAM DOC", 13, "F2"),
    Text(85, 656, "- Nhu tren;", 11), Text(85, 672, "- Luu: VT.", 11), Text(380, 700, "Tran Van A", 13, "F2"),
]
NOTES = [
    Text(118, 746, "1", 6),
    Text(124, 750, "Trong do, UBND tinh giao So Noi vu tham muu ban hanh ke hoach cai cach hanh chinh nha nuoc", 10),
    Text(85, 762, "giai doan 2026 - 2030 cua tinh.", 10),
    Text(118, 774, "2", 6), Text(124, 778, "Ngay 06/3/2026, So Noi vu co Cong van so 1019.", 10),
]
SEPARATOR = f"0.5 w 85 {HEIGHT - 735} m 229 {HEIGHT - 735} l S"


def read(tmp_path: Path, items: list[Text], drawing: str = "") -> Source:
    path = tmp_path / "f.pdf"
    path.write_bytes(build_pdf([items], drawings=[drawing]))
    return read_pdf(path)


def parts(source: Source) -> dict[str, str]:
    return {b.text: b.part for b in source.blocks}


def test_notes_under_the_separator_are_footnotes(tmp_path: Path) -> None:
    source = read(tmp_path, BODY + NOTES, SEPARATOR)
    notes = [b.text for b in source.blocks if b.part == "footnote"]
    assert notes == ["1 Trong do, UBND tinh giao So Noi vu tham muu ban hanh ke hoach cai cach hanh chinh nha nuoc "
                     "giai doan 2026 - 2030 cua tinh.", "2 Ngay 06/3/2026, So Noi vu co Cong van so 1019."]
    found = parts(source)
    assert found["- Luu: VT."] == "body" and found["Tran Van A"] == "body"


def test_raised_numbers_mark_footnotes_without_a_separator(tmp_path: Path) -> None:
    source = read(tmp_path, BODY + NOTES)
    assert [b.part for b in source.blocks if b.text.startswith(("1 Trong", "2 Ngay"))] == ["footnote", "footnote"]


def test_small_closing_lines_without_a_marker_stay_body(tmp_path: Path) -> None:
    """A smaller last line that no rule separates and no raised number opens is not a footnote."""
    items = BODY + [Text(85, 760, "Ghi chu: van ban nay co hai trang.", 10)]
    assert parts(read(tmp_path, items))["Ghi chu: van ban nay co hai trang."] == "body"


def test_a_rule_under_text_is_not_a_separator(tmp_path: Path) -> None:
    """A short line drawn right under a line of text (an underline) does not make footnotes."""
    items = BODY + [Text(85, 760, "Ghi chu cuoi trang.", 10)]
    underline = f"0.5 w 85 {HEIGHT - 747} m 229 {HEIGHT - 747} l S"  # 1 pt under the bottom of "Tran Van A"?
    source = read(tmp_path, [*items[:-1], Text(85, 745, "Dong gach chan", 13), items[-1]], underline)
    assert parts(source)["Ghi chu cuoi trang."] == "body"


def test_footnotes_are_left_out_of_the_recipients(tmp_path: Path) -> None:
    path = REAL / "tt01-snv-ttr-176-2026.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    source = read_pdf(path)
    notes = [b.text for b in source.blocks if b.part == "footnote"]
    assert len(notes) == 2 and notes[0].startswith("1 Trong đó") and notes[1].startswith("2 Ngày 06/3/2026")
    assert notes[1].endswith("tiếp thu hoàn chỉnh dự thảo.")
    doc = parse_file(path).documents[0]
    assert doc.recipients == ["Như trên;", "Văn phòng UBND tỉnh;", "Lãnh đạo SNV;"]
    assert doc.storage == "Lưu: VT, CCHC&VTLT(Tín)."
    assert doc.signature is not None and doc.signature.signer == "Trần Hữu Tuấn"


def test_real_report_footnotes_on_many_pages() -> None:
    path = REAL / "bc01-lamdong-bc-329-2025-cchc.pdf"
    if not path.is_file():
        pytest.skip(NO_REAL)
    notes = [b for b in read_pdf(path).blocks if b.part == "footnote"]
    assert len({b.location.page for b in notes}) >= 10
    assert all(b.style.size_pt is not None and b.style.size_pt <= 11 for b in notes)
