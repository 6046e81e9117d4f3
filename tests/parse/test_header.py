"""Header fields: agencies, number and symbol, place and date."""

from __future__ import annotations

import pytest
from parse_helpers import one

HEADER = """\
{agency}
{number}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{place_date}

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác

Điều 1. Thành lập Tổ công tác.
"""


def doc_with(agency="ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", number="Số: 05/QĐ-UBND",
             place_date="Nghệ An, ngày 15 tháng 7 năm 2025"):
    return one(HEADER.format(agency=agency, number=number, place_date=place_date))


def test_single_agency_is_the_issuer():
    doc = doc_with()
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert doc.parent_issuer is None


def test_stacked_agency_splits_parent_and_issuer():
    doc = doc_with(agency="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSỞ NỘI VỤ")
    assert doc.parent_issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert doc.issuer == "SỞ NỘI VỤ"


def test_stacked_agency_by_bold_in_markdown():
    doc = doc_with(agency="UBND TỈNH NGHỆ AN\n**SỞ TƯ PHÁP**")
    assert doc.parent_issuer == "UBND TỈNH NGHỆ AN"
    assert doc.issuer == "SỞ TƯ PHÁP"


def test_issuer_joined_over_its_lines():
    doc = doc_with(agency="BỘ NỘI VỤ\nCỤC VĂN THƯ VÀ\nLƯU TRỮ NHÀ NƯỚC")
    assert doc.parent_issuer == "BỘ NỘI VỤ"
    assert doc.issuer == "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"


@pytest.mark.parametrize(("line", "number", "symbol", "year"), [
    ("Số: 05/QĐ-UBND", "05", "QĐ-UBND", None),
    ("Số: 2228 /QĐ-UBND", "2228", "QĐ-UBND", None),
    ("Số:2228/ QĐ-UBND", "2228", "QĐ-UBND", None),
    ("Số 12/UBND-VX", "12", "UBND-VX", None),
    ("Số: 3798/SNV-CCHC&VTLT", "3798", "SNV-CCHC&VTLT", None),
    ("Số: 30/2020/NĐ-CP", "30", "NĐ-CP", "2020"),
    ("Số: 76/2021/NQ-CP", "76", "NQ-CP", "2021"),
])
def test_number_and_symbol(line, number, symbol, year):
    doc = doc_with(number=line)
    assert (doc.number, doc.symbol, doc.year) == (number, symbol, year)
    assert doc.number_raw == line


def test_unfilled_number_is_none_but_symbol_kept():
    doc = doc_with(number="Số:        /QĐ-UBND")
    assert doc.number is None
    assert doc.symbol == "QĐ-UBND"


@pytest.mark.parametrize(("line", "place", "date"), [
    ("Nghệ An, ngày 15 tháng 7 năm 2025", "Nghệ An", "2025-07-15"),
    ("Hà Nội, ngày 05 tháng 3 năm 2020", "Hà Nội", "2020-03-05"),
    ("Thành phố Hồ Chí Minh, ngày 1 tháng 12 năm 2024", "Thành phố Hồ Chí Minh", "2024-12-01"),
    ("Vinh, ngày  29  tháng 02 năm 2024", "Vinh", "2024-02-29"),
])
def test_place_date_to_iso(line, place, date):
    doc = doc_with(place_date=line)
    assert (doc.place, doc.date, doc.date_raw) == (place, date, line)
    assert doc.problems == []


@pytest.mark.parametrize("line", ["Nghệ An, ngày 31 tháng 02 năm 2025", "Nghệ An, ngày 29 tháng 2 năm 2025",
                                  "Nghệ An, ngày 15 tháng 13 năm 2025"])
def test_impossible_date_is_none_with_a_problem(line):
    doc = doc_with(place_date=line)
    assert doc.place == "Nghệ An"
    assert doc.date is None
    assert doc.date_raw == line
    assert any(line in p for p in doc.problems)


def test_unfilled_date_is_none_without_problem():
    doc = doc_with(place_date="Nghệ An, ngày     tháng     năm 2025")
    assert doc.date is None
    assert doc.place == "Nghệ An"


def test_national_title_and_motto_as_printed():
    doc = doc_with()
    assert doc.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.motto == "Độc lập - Tự do - Hạnh phúc"
    assert doc.doc_type == "Quyết định"
    assert doc.type_line == "QUYẾT ĐỊNH"
    assert doc.title == "Về việc thành lập Tổ công tác"


def test_old_tone_marks_still_national_title():
    doc = doc_with(agency="UỶ BAN NHÂN DÂN\nXÃ HƯNG NGUYÊN")
    assert doc.issuer == "UỶ BAN NHÂN DÂN XÃ HƯNG NGUYÊN"
    assert doc.date == "2025-07-15"


def test_header_without_number_is_not_fatal():
    doc = one("""\
    ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    KẾ HOẠCH
    Cải cách hành chính năm 2025
    I. MỤC TIÊU
    1. Nâng cao chất lượng.
    """)
    assert doc.number is None and doc.symbol is None
    assert doc.doc_type == "Kế hoạch"
    assert doc.title == "Cải cách hành chính năm 2025"


def test_tieu_ngu_typed_with_a_look_alike_eth_is_still_the_tieu_ngu():
    # qd06 of ../shared/corpus/real: "Ðộc lập" with U+00D0, which prints as "Đ": a misspelling, not a gap
    doc = one("BỘ NỘI VỤ\nSố: 12/QĐ-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\u00d0ộc lập - Tự do - Hạnh phúc\n"
              "Hà Nội, ngày 15 tháng 10 năm 2025\nQUYẾT ĐỊNH\nPhê duyệt Đề án\nĐiều 1. Phê duyệt./.\n")
    assert doc.motto == "\u00d0ộc lập - Tự do - Hạnh phúc"
    assert doc.doc_type == "Quyết định"


def test_a_trich_yeu_in_capitals_is_not_the_enacting_authority():
    # md02 of ../shared/corpus/real: "KẾ HOẠCH" over a trích yếu set in capitals
    doc = one("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 1026/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 26 tháng 11 năm 2025\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN\n"
              "CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
              "Thực hiện Chỉ thị số 32/CT-TTg, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Một./.\n")
    assert doc.title == "TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ"
    assert doc.enacting_authority is None


def test_a_trich_yeu_in_capitals_right_before_the_can_cu_is_the_trich_yeu():
    # a decision of UBND tỉnh Lai Châu (legal-site text): no "VỀ VIỆC", no authority line, then the căn cứ
    doc = one("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 87/2025/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
              "QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH TRONG VIỆC CƯỚI, VIỆC TANG\n"
              "Căn cứ Luật Tổ chức chính quyền địa phương;\nỦy ban nhân dân tỉnh ban hành Quyết định.\n"
              "Điều 1. Ban hành./.\n")
    assert doc.title == "QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH TRONG VIỆC CƯỚI, VIỆC TANG"
    assert doc.enacting_authority is None


@pytest.mark.parametrize("authority", ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "BỘ TRƯỞNG BỘ NỘI VỤ", "CHÍNH PHỦ"])
def test_an_authority_with_no_trich_yeu_before_it_is_still_the_authority(authority):
    # the trích yếu is missing: the line that names who enacts is not taken for it
    doc = one("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              f"Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 26 tháng 11 năm 2025\nQUYẾT ĐỊNH\n{authority}\n"
              "Căn cứ Luật Tổ chức chính quyền địa phương.\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập./.\n")
    assert doc.title is None
    assert doc.enacting_authority == authority


def test_the_authority_line_before_the_can_cu_is_still_the_authority():
    doc = one("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 26 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVề việc thành lập Tổ\n"
              "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCăn cứ Luật Tổ chức chính quyền địa phương.\nQUYẾT ĐỊNH:\n"
              "Điều 1. Thành lập./.\n")
    assert doc.title == "Về việc thành lập Tổ"
    assert doc.enacting_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
