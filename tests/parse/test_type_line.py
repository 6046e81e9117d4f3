"""The type's line when it runs on with words of its own: "BÁO CÁO TỔNG KẾT", "KẾ HOẠCH TUYÊN TRUYỀN".

Under the place-date, such a line was read as one more line of the issuing agency: the issuer became "BÁO CÁO
TỔNG KẾT" and `TenLoai.Thieu` said the type was missing. A report's or a notice's kind ("BÁO CÁO TÓM TẮT",
"THÔNG BÁO KẾT LUẬN") is its type wherever it stands; any other type's name runs on only where the type stands.
"""

from __future__ import annotations

import pytest
from parse_helpers import one, parse_text

from vbhc.check import run_rules
from vbhc.parse.classify import classify_text
from vbhc.parse.patterns import type_opening

REPORT = """\
ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 12/{symbol}-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 10 tháng 12 năm 2025
{type_line}
Công tác cải cách hành chính năm 2025
I. KẾT QUẢ ĐẠT ĐƯỢC
1. Cải cách thể chế: ban hành 12 văn bản quy phạm pháp luật.
II. NHIỆM VỤ NĂM 2026
Tiếp tục thực hiện các nhiệm vụ theo Kế hoạch./.
Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


@pytest.mark.parametrize("type_line, symbol, doc_type", [
    ("BÁO CÁO TỔNG KẾT", "BC", "Báo cáo"), ("KẾ HOẠCH TUYÊN TRUYỀN", "KH", "Kế hoạch"),
    ("DANH SÁCH CÁN BỘ THAM GIA", "UBND", "Danh sách")])
def test_a_type_s_name_running_on_under_the_date_is_the_type(type_line, symbol, doc_type):
    text = REPORT.format(type_line=type_line, symbol=symbol)
    doc = one(text)
    rest = type_line.split(maxsplit=2)[2]
    assert (doc.doc_type, doc.issuer, doc.type_line) == (doc_type, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", type_line)
    assert doc.title == f"{rest} Công tác cải cách hành chính năm 2025"
    findings, _ = run_rules(parse_text(text), scopes=("format",))
    assert "ND30.TenLoai.Thieu" not in {f.rule for f in findings}


def test_a_type_and_its_trich_yeu_on_one_line():
    doc = one(REPORT.format(type_line="KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026", symbol="KH").replace(
        "Công tác cải cách hành chính năm 2025\n", ""))
    assert (doc.doc_type, doc.title) == ("Kế hoạch", "CẢI CÁCH HÀNH CHÍNH NĂM 2026")


def test_an_agency_printed_after_the_date_stays_the_agency():
    # the right column printed first (a PDF's text): the agency's lines come after the place-date
    doc = one("""\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 10 tháng 12 năm 2025
BAN QUẢN LÝ
DỰ ÁN ĐẦU TƯ XÂY DỰNG TỈNH
Số: 12/KH-BQLDA
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC ĐÍCH
Nâng cao chất lượng phục vụ người dân./.
""")
    assert (doc.doc_type, doc.issuer, doc.title) == (
        "Kế hoạch", "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG TỈNH", "Cải cách hành chính năm 2026")


@pytest.mark.parametrize("line, doc_type", [
    ("BÁO CÁO TÓM TẮT", "Báo cáo"), ("BÁO CÁO SƠ KẾT", "Báo cáo"), ("THÔNG BÁO KẾT LUẬN", "Thông báo"),
    ("CHƯƠNG TRÌNH HỘI NGHỊ", "Chương trình")])
def test_a_report_s_kind_is_its_type_wherever_it_stands(line, doc_type):
    kind, fields = classify_text(line)
    assert (kind.value, getattr(fields, "doc_type", None)) == ("type_name", doc_type)


@pytest.mark.parametrize("line", ["BÁO CÁO VIÊN CẤP TỈNH", "KẾ HOẠCH VÀ ĐẦU TƯ", "BAN CHỈ ĐẠO"])
def test_other_words_after_a_type_s_name_are_capitals_outside_the_type_s_place(line):
    assert classify_text(line)[0].value == "caps"


def test_the_opening_type_is_the_longest_name_the_words_make():
    got = type_opening("BẢN THỎA THUẬN HỢP TÁC")
    assert got is not None and (got.doc_type, got.rest) == ("Bản thỏa thuận", "HỢP TÁC")
    assert type_opening("BAN CHỈ ĐẠO") is None and type_opening("KẾ HOẠCH") is None


def test_a_summary_report_under_its_agency_is_a_report():
    doc = one("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nBÁO CÁO TÓM TẮT\nKết quả quý I năm 2026\n1. Cải cách thể chế.\n")
    assert (doc.doc_type, doc.issuer, doc.title) == ("Báo cáo", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
                                                     "TÓM TẮT Kết quả quý I năm 2026")


def test_a_draft_s_mark_between_the_date_and_the_type_changes_nothing():
    doc = one(REPORT.format(type_line="BÁO CÁO TỔNG KẾT", symbol="BC").replace(
        "năm 2025\nBÁO CÁO", "năm 2025\nDỰ THẢO\nBÁO CÁO"))
    assert (doc.doc_type, doc.marks, doc.issuer) == ("Báo cáo", ["DỰ THẢO"], "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")


@pytest.mark.parametrize("heading, doc_type", [("ĐỀ CƯƠNG BÁO CÁO", "Đề cương"),
                                               ("DANH SÁCH THÀNH VIÊN TỔ GIÚP VIỆC", "Danh sách"),
                                               ("KẾ HOẠCH THỰC HIỆN", "Kế hoạch")])
def test_a_type_s_name_running_on_over_a_kem_theo_line_is_the_type(heading, doc_type):
    # an outline sent with a letter, no header of its own: six false errors, "ĐỀ CƯƠNG BÁO CÁO" read as the issuer
    text = (f"{heading}\nKết quả thực hiện công tác cải cách hành chính năm 2025\n"
            "(Kèm theo Công văn số 8151/BNV-CCHC ngày 17 tháng 9 năm 2025 của Bộ Nội vụ)\n"
            "I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Công tác chỉ đạo, điều hành.\n")
    doc = one(text)
    assert (doc.doc_type, doc.issuer) == (doc_type, None) and doc.attached_to is not None
    findings, _ = run_rules(parse_text(text), scopes=("format",))
    assert [f.rule for f in findings if f.severity == "error"] == []


def test_an_agency_s_line_opening_with_a_type_s_word_over_the_type_stays_the_agency():
    doc = one("BAN QUẢN LÝ\nDỰ ÁN ĐẦU TƯ XÂY DỰNG\nKẾ HOẠCH\nCải cách hành chính năm 2026\n"
              "(Kèm theo Quyết định số 12/QĐ-BQLDA ngày 05 tháng 01 năm 2026)\nI. MỤC ĐÍCH\n")
    assert (doc.doc_type, doc.issuer) == ("Kế hoạch", "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG")


def test_an_appendix_headed_by_a_table_of_results_keeps_it_as_its_title():
    doc = one("PHỤ LỤC I\nBẢNG TỔNG HỢP\nKết quả thực hiện các chỉ tiêu năm 2025\n"
              "(Kèm theo Báo cáo số 12/BC-UBND ngày 10 tháng 12 năm 2025)\n"
              "| STT | Chỉ tiêu |\n|---|---|\n| 1 | Tỷ lệ |\n")
    assert (doc.is_appendix, doc.title) == (True, "BẢNG TỔNG HỢP Kết quả thực hiện các chỉ tiêu năm 2025")
    assert doc.attached_to is not None
