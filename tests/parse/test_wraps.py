"""Header lines a narrow column wrapped (PDF, .doc, legal-text sites), joined back before building.

Shown on cv04 (../shared/corpus/real/cv04-skhcn-cv-171-2026.pdf: a V/v over three lines in the
left column, the draft's blank day splitting "Lâm Đồng, ngày" from "tháng 01 năm 2026" in the right)
and qd06 (the day and month left for the signing system's stamp).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vbhc.model import Block, LineKind, Source
from vbhc.parse import parse_file, parse_source

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"


def two_columns(rows: list[tuple[int | None, str]], body: list[str]) -> Source:
    blocks = [Block(text=t, column=c) for c, t in rows] + [Block(text=t) for t in body]
    return Source(path="<test>", format="pdf", blocks=blocks)


HEADER = [(0, "UBND TỈNH LÂM ĐỒNG"), (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          (0, "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), (1, "Độc lập - Tự do - Hạnh phúc"), (0, "Số: 171/SKHCN-CĐS")]
BODY = ["Kính gửi: Sở Nội vụ", "Sở Khoa học và Công nghệ có ý kiến như sau."]


def test_vv_wrapped_in_its_column_is_whole():
    rows = [*HEADER, (0, "V/v góp ý dự thảo Kế hoạch kiểm"), (1, "Lâm Đồng, ngày 16 tháng 01 năm 2026"),
            (0, "tra cải cách hành chính năm 2026"), (0, "trên địa bàn tỉnh Lâm Đồng")]
    doc = parse_source(two_columns(rows, BODY)).documents[0]
    assert doc.title == "góp ý dự thảo Kế hoạch kiểm tra cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng"
    assert doc.date == "2026-01-16"
    assert doc.kinh_gui == ["Sở Nội vụ"]
    vv = next(ln for ln in doc.lines if ln.kind == LineKind.VV)
    assert len(vv.indexes) == 3


@pytest.mark.parametrize("pieces", [["Lâm Đồng, ngày", "tháng 01 năm 2026"],
                                    ["Hà Nội, ngày", "tháng", "năm 2025"]])
def test_place_date_split_by_a_blank_day_is_one_line(pieces):
    rows = [*HEADER, (0, "V/v góp ý dự thảo"), *[(1, p) for p in pieces]]
    doc = parse_source(two_columns(rows, BODY)).documents[0]
    assert doc.place in ("Lâm Đồng", "Hà Nội") and doc.date_raw == " ".join(pieces)
    assert doc.title == "góp ý dự thảo"


QH, TN = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize("header", [
    [(0, "UBND TỈNH NGHỆ AN"), (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"), (0, "SỞ TÀI CHÍNH"), (1, "NAM"), (1, TN)],
    [(0, "UBND TỈNH NGHỆ AN"), (1, QH), (0, "SỞ TÀI CHÍNH"), (1, "Độc lập - Tự do -"), (1, "Hạnh phúc")]],
    ids=["quoc-hieu", "tieu-ngu"])
def test_quoc_hieu_or_tieu_ngu_wrapped_in_its_cell_is_whole(header):
    # a narrow cell printed in a wider font than Word's (a .docx printed by LibreOffice without Times New Roman)
    doc = parse_source(two_columns([*header, (0, "Số: 3310/KH-STC")], BODY)).documents[0]
    assert (doc.national_title, doc.motto, doc.issuer) == (QH, TN, "SỞ TÀI CHÍNH")


def test_a_line_without_letters_does_not_join_the_vv():
    rows = [*HEADER, (0, "V/v cử thành viên"), (0, "."), (1, "Bình Thuận, ngày 05 tháng 02 năm 2026")]
    doc = parse_source(two_columns(rows, BODY)).documents[0]
    assert doc.title == "cử thành viên"


def test_lines_of_the_other_column_are_not_joined():
    rows = [*HEADER, (0, "V/v góp ý"), (1, "tháng 01 năm 2026")]
    doc = parse_source(two_columns(rows, BODY)).documents[0]
    assert doc.title == "góp ý"


@pytest.mark.skipif(not (REAL / "cv04-skhcn-cv-171-2026.pdf").exists(),
                    reason="../shared/corpus/real/ không có (bản sao không kèm thư mục dùng chung)")
def test_real_cv04_vv_is_whole():
    doc = parse_file(REAL / "cv04-skhcn-cv-171-2026.pdf").documents[0]
    assert doc.title == ("góp ý dự thảo Kế hoạch kiểm tra cải cách hành chính năm 2026 trên địa bàn tỉnh "
                         "Lâm Đồng")
    assert doc.place == "Lâm Đồng"


def test_pieces_of_a_header_line_after_each_other_in_text_with_no_columns():
    # pdftotext of qd01 and bc01 (../shared/corpus/real): the number stamped apart from its symbol, the
    # day and month typed in apart from the place, each piece a line of its own
    from vbhc.parse import parse_text

    [doc] = parse_text("""\
ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 779

/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày

23 tháng

3 năm 2022

QUYẾT ĐỊNH
Về việc công nhận Điều lệ Quỹ Khuyến học tỉnh Bình Thuận
Điều 1. Công nhận Điều lệ.
""").documents
    assert (doc.number, doc.symbol, doc.number_raw) == ("779", "QĐ-UBND", "Số: 779/QĐ-UBND")
    assert (doc.place, doc.date, doc.doc_type) == ("Bình Thuận", "2022-03-23", "Quyết định")


def test_a_body_line_after_a_number_line_is_not_taken():
    from vbhc.parse import parse_text

    [doc] = parse_text("ỦY BAN NHÂN DÂN XÃ AN BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                       "Số: 12\n/ 2026 là năm cuối\nKẾ HOẠCH\nCải cách hành chính năm 2026\n"
                       "I. MỤC TIÊU\n1. Hoàn thành kế hoạch.\n").documents
    assert doc.symbol is None  # "/ 2026 là năm cuối" is no symbol: the number line takes nothing
    assert not any("Số: 12/" in ln.text for ln in doc.lines)


def test_a_number_waits_for_its_symbol_past_the_quoc_hieu_and_a_capital_vv_line_continues():
    # pdftotext of cv07 (../shared/corpus/real): each letter's left and right header columns printed one
    # after the other, the symbol under the Tiêu ngữ; the V/v's second line opens with a name
    from vbhc.parse import parse_text

    [doc] = parse_text("""\
BỘ TƯ PHÁP
Số:

CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

/BTP-BTTP

Hà Nội, ngày

tháng 7 năm 2025

V/v đề nghị hướng dẫn hợp nhất
Đoàn Luật sư khi thực hiện hợp nhất
địa giới hành chính

Kính gửi: Liên đoàn Luật sư Việt Nam
Bộ Tư pháp đề nghị Liên đoàn Luật sư Việt Nam hướng dẫn.
""").documents
    assert (doc.number_raw, doc.symbol, doc.place, doc.doc_type) == ("Số: /BTP-BTTP", "BTP-BTTP", "Hà Nội", "Công văn")
    assert doc.title == "đề nghị hướng dẫn hợp nhất Đoàn Luật sư khi thực hiện hợp nhất địa giới hành chính"


def test_a_number_does_not_take_a_symbol_past_a_line_of_text():
    from vbhc.parse import parse_text

    docs = parse_text("ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12\nnội dung của văn bản\n/QĐ-UBND\n"
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nThử\n").documents
    assert not any("Số: 12/QĐ" in ln.text for doc in docs for ln in doc.lines)


def _one_line_cut(pieces: list[tuple[int, int, str]]) -> Source:
    """A header without a table, as a PDF reader gives it: (printed line, column, text)."""
    from vbhc.model import Location

    blocks = [Block(text=t, column=c, location=Location(line=n, page=1)) for n, c, t in pieces]
    blocks += [Block(text=t, location=Location(line=20 + i, page=1)) for i, t in enumerate(BODY)]
    return Source(path="<test>", format="pdf", blocks=blocks)


_PLAIN_HEADER = [(1, 0, "UBND TỈNH LÂM ĐỒNG"), (2, 0, "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), (3, 0, QH), (4, 0, TN),
                 (5, 0, "Số:      /SKHCN-CĐS")]


@pytest.mark.parametrize("cut", [[(6, 0, "Lâm Đồng, ngày"), (6, 1, "tháng 01 năm 2026")],
                                 [(6, 0, "Lâm Đồng, ngày"), (6, 1, "tháng"), (6, 2, "năm 2026")]])
def test_a_printed_line_cut_at_the_blank_day_is_one_place_date(cut):
    """A PDF cuts a line where its glyphs stand far apart: a draft's "ngày      tháng" too."""
    doc = parse_source(_one_line_cut([*_PLAIN_HEADER, *cut, (7, 0, "V/v góp ý dự thảo")])).documents[0]
    assert doc.place == "Lâm Đồng" and doc.date_raw == " ".join(t for _, _, t in cut)


def test_pieces_on_two_printed_lines_are_not_joined_as_one_line_cut():
    """The same two pieces a line apart, in different columns, are two lines (no wrap in one column)."""
    doc = parse_source(_one_line_cut([*_PLAIN_HEADER, (6, 0, "Lâm Đồng, ngày"), (7, 1, "tháng 01 năm 2026"),
                                      (8, 0, "V/v góp ý dự thảo")])).documents[0]
    assert doc.date_raw is None


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: no PDF to make")
def test_a_draft_printed_to_pdf_keeps_its_blank_day(tmp_path: Path) -> None:
    """A draft with its header as plain paragraphs, printed to PDF by LibreOffice: the blank day cuts the line."""
    import subprocess

    import docx

    d = docx.Document()
    for t in ["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN", QH, TN, "Số:      /KH-UBND",
              "Hưng Nguyên, ngày            tháng 7 năm 2025", "KẾ HOẠCH", "Cải cách hành chính năm 2025",
              "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng cải cách hành chính./."]:
        d.add_paragraph(t)
    d.save(str(tmp_path / "du-thao.docx"))
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "du-thao.docx")], check=True, capture_output=True, timeout=120)
    doc = parse_file(tmp_path / "du-thao.pdf").documents[0]
    assert doc.place == "Hưng Nguyên" and doc.date_raw is not None and doc.doc_type == "Kế hoạch"
