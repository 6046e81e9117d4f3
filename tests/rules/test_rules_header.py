"""Header rules: each broken by one change to the conformant decision, and kept by it."""

from __future__ import annotations

import pytest
from rule_helpers import DECISION, NGHE_AN, file_findings, findings, ids, replace

CONG_VAN = """\
UBND TỈNH NGHỆ AN
SỞ NỘI VỤ
Số: 3798/SNV-CCHC&VTLT
V/v xây dựng kế hoạch cải cách hành chính năm 2025
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 11 tháng 7 năm 2025
Kính gửi: Ủy ban nhân dân các xã, phường.
Thực hiện Công văn số 4625/BNV-CCHC ngày 02 tháng 7 năm 2025 của Bộ Nội vụ, Sở Nội vụ đề nghị:
1. Rà soát kế hoạch cải cách hành chính năm 2025.
2. Gửi báo cáo trước ngày 31 tháng 7 năm 2025./.
Nơi nhận:
- Như trên;
- Lưu: VT, CCHC.
GIÁM ĐỐC
(Đã ký)
Nguyễn Văn A
"""

# (rule, old, new): one change to the conformant decision that breaks exactly that rule.
BREAKS = [
    ("ND30.TrichYeu.NgoacKep", "Ban hành Kế hoạch cải cách hành chính năm 2026",
     "Ban hành Kế hoạch “Cải cách hành chính năm 2026"),
    ("ND30.TrichYeu.NgoacKep", "Ban hành Kế hoạch cải cách hành chính năm 2026",
     "Ban hành Kế hoạch (cải cách hành chính năm 2026"),
    ("ND30.SoKyHieu.DauHaiCham", "Số: 05/QĐ-UBND", "Số : 05/QĐ-UBND"),
    ("ND30.QuocHieu.Thieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", ""),
    ("ND30.QuocHieu.ChinhTa", "CỘNG HÒA XÃ HỘI", "CỘNG HOA XÃ HỘI"),
    ("ND30.QuocHieu.ChinhTa", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("ND30.TieuNgu.Thieu", "Độc lập - Tự do - Hạnh phúc\n", ""),
    ("ND30.TieuNgu.ChinhTa", "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"),
    ("ND30.TieuNgu.ChinhTa", "Độc lập - Tự do - Hạnh phúc", "Độc lập-Tự do-Hạnh phúc"),
    ("ND30.TieuNgu.ChinhTa", "Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh Phúc"),
    ("ND30.TieuNgu.ChinhTa", "Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hanh phúc"),
    ("ND30.SoKyHieu.DauHaiCham", "Số: 05/QĐ-UBND", "Số 05/QĐ-UBND"),
    ("ND30.SoKyHieu.ChuSo", "Số: 05/QĐ-UBND", "SỐ: 05/QĐ-UBND"),
    ("ND30.SoKyHieu.SoDuoi10", "Số: 05/QĐ-UBND", "Số: 5/QĐ-UBND"),
    ("ND30.SoKyHieu.KhoangTrang", "Số: 05/QĐ-UBND", "Số: 05 /QĐ-UBND"),
    ("ND30.SoKyHieu.KhoangTrang", "Số: 05/QĐ-UBND", "Số: 05/QĐ - UBND"),
    ("ND30.SoKyHieu.GachNoi", "Số: 05/QĐ-UBND", "Số: 05/QĐ.UBND"),
    ("ND30.SoKyHieu.GachCheo", "Số: 05/QĐ-UBND", "Số: 05-QĐ/UBND"),
    ("ND30.SoKyHieu.TenLoai", "Số: 05/QĐ-UBND", "Số: 05/KH-UBND"),
    ("ND30.NgayThang.VietTat", "Nghệ An, ngày 05 tháng 02 năm 2026", "Nghệ An, 05/02/2026"),
    ("ND30.NgayThang.SoKhong", "ngày 05 tháng 02 năm 2026\nQUYẾT", "ngày 5 tháng 02 năm 2026\nQUYẾT"),
    ("ND30.NgayThang.SoKhong", "ngày 05 tháng 02 năm 2026\nQUYẾT", "ngày 05 tháng 2 năm 2026\nQUYẾT"),
    ("ND30.NgayThang.SoKhongThua", "ngày 05 tháng 02 năm 2026\nQUYẾT", "ngày 05 tháng 07 năm 2026\nQUYẾT"),
    ("ND30.NgayThang.KhongCoThat", "ngày 05 tháng 02 năm 2026\nQUYẾT", "ngày 30 tháng 02 năm 2026\nQUYẾT"),
    ("ND30.DiaDanh.VietHoa", "Nghệ An, ngày 05", "nghệ an, ngày 05"),
    ("ND30.DiaDanh.DauPhay", "Nghệ An, ngày 05", "Nghệ An ngày 05"),
    ("ND30.TenLoai.Thieu", "QUYẾT ĐỊNH\nBan hành", "Ban hành"),
    ("ND30.TrichYeu.Thieu", "QUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính năm 2026\n", "QUYẾT ĐỊNH\n"),
]


@pytest.mark.parametrize(("rule", "old", "new"), BREAKS, ids=[f"{r}:{n[:20]}" for r, _, n in BREAKS])
def test_one_change_breaks_one_rule(rule, old, new):
    assert ids(replace(old, new)) == {rule}


def test_conformant_decision_gives_nothing():
    assert findings(DECISION) == []


def test_old_tone_placement_in_quoc_hieu_is_accepted():
    # the decree's own table prints "CỘNG HOÀ"
    assert ids(replace("CỘNG HÒA", "CỘNG HOÀ")) == set()


def test_finding_data_is_machine_readable():
    [f] = findings(replace("Số: 05/QĐ-UBND", "Số: 05 /QĐ-UBND"))
    assert f.data == {"found": "05 /QĐ-UBND", "expected": "05/QĐ-UBND"}
    assert f.line == 3 and f.severity == "warning" and "Phụ lục I, mục II.3.c" in f.source
    [f] = findings(replace("Số: 05/QĐ-UBND", "Số: 5/QĐ-UBND"))
    assert f.data == {"found": "5", "expected": "05"}
    [f] = findings(replace("Số: 05/QĐ-UBND", "Số: 05/KH-UBND"))
    assert f.data["expected"] == "QĐ" and f.data["found"] == "KH"


def test_a_spaced_number_is_an_error_where_the_layout_is_read_and_a_warning_in_text():
    # a .txt or .md is text some tool took from the PDF or Word file, and a number the e-office system
    # stamped in apart ("Số: 171 /SKHCN-CĐS" in pdftotext of cv04, where the PDF has none) gains a space there
    from vbhc.check import run_rules
    from vbhc.model import Source
    from vbhc.parse import parse_source
    from vbhc.readers.text import lines_to_blocks

    text = replace("Số: 05/QĐ-UBND", "Số: 05 /QĐ-UBND")
    printed = parse_source(Source(path="<pdf>", format="pdf", blocks=lines_to_blocks(text)))
    [f] = [f for f in run_rules(printed)[0] if f.rule == "ND30.SoKyHieu.KhoangTrang"]
    assert f.severity == "error" and "công cụ trích chữ" not in f.message
    [f] = [f for f in findings(text) if f.rule == "ND30.SoKyHieu.KhoangTrang"]
    assert f.severity == "warning" and "hãy xem bản gốc" in f.message


def test_symbol_with_ampersand_and_legal_year_is_fine():
    assert ids(CONG_VAN) == set()
    assert ids(replace("Số: 05/QĐ-UBND", "Số: 05/2026/QĐ-UBND")) == set()


def test_cong_van_has_no_type_abbreviation():
    assert ids(CONG_VAN.replace("3798/SNV-CCHC&VTLT", "3798/KH-SNV")) == {"ND30.SoKyHieu.TenLoai"}


def test_cong_van_of_an_agency_whose_initials_are_a_type_abbreviation():
    # Cục Thuế's công văn "5348/CT-CS": "CT" is the agency (its initials), not Chỉ thị; another agency's "CT-" is
    cuc_thue = CONG_VAN.replace("3798/SNV-CCHC&VTLT", "5348/CT-CS")
    assert "ND30.SoKyHieu.TenLoai" in ids(cuc_thue)
    assert "ND30.SoKyHieu.TenLoai" not in ids(cuc_thue.replace("SỞ NỘI VỤ", "CỤC THUẾ", 1))


def test_cong_van_vv():
    assert ids(CONG_VAN.replace("V/v xây dựng", "V/V xây dựng")) == {"ND30.CongVan.VV"}
    no_vv = CONG_VAN.replace("V/v xây dựng kế hoạch cải cách hành chính năm 2025\n", "")
    assert ids(no_vv) == {"ND30.CongVan.VV"}


def test_place_with_lower_case_unit_word_is_fine():
    text = replace("Nghệ An, ngày 05", "Thành phố Hồ Chí Minh, ngày 05")
    assert ids(text) == set()
    assert ids(replace("Nghệ An, ngày 05", "Thành phố hồ Chí Minh, ngày 05")) == {"ND30.DiaDanh.VietHoa"}


def test_missing_agency():
    text = replace("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n", "")
    assert "ND30.CoQuan.Thieu" in ids(text)


def test_missing_number_line():
    assert ids(replace("Số: 05/QĐ-UBND\n", "")) == {"ND30.SoKyHieu.Thieu"}


def test_missing_place_date():
    assert ids(replace("Nghệ An, ngày 05 tháng 02 năm 2026\n", "")) == {"ND30.NgayThang.Thieu"}


def test_nghe_an_stray_space_before_slash_is_found_and_located():
    found = [f for f in file_findings(NGHE_AN) if f.rule == "ND30.SoKyHieu.KhoangTrang"]
    assert len(found) == 1
    f = found[0]
    assert f.line == 6 and f.document == 0
    assert f.data == {"found": "2228 /QĐ-UBND", "expected": "2228/QĐ-UBND"}
    assert "2228 /QĐ-UBND" in f.message


def test_attached_plan_is_not_missing_number_date_or_signature():
    # the Nghệ An plan (document 1) is attached to decision 2228: no own number, date or signature
    rules = {f.rule for f in file_findings(NGHE_AN) if f.document == 1}
    assert rules == {"ND30.DanhSo.TrungLap"}


def test_a_closed_quotation_in_the_trich_yeu_is_fine():
    text = replace("Ban hành Kế hoạch cải cách hành chính năm 2026",
                   "Phê duyệt Đề án “Xác định Chỉ số cải cách hành chính” (giai đoạn 2026)")
    assert "ND30.TrichYeu.NgoacKep" not in ids(text)


def test_a_lookalike_of_d_in_the_tieu_ngu_is_named():
    # the Icelandic eth "Ð" (U+00D0) prints as "Đ": the officer sees no difference unless the message names it
    [f] = findings(replace("Độc lập - Tự do", "Ðộc lập - Tự do"))
    assert f.rule == "ND30.TieuNgu.ChinhTa" and f.severity == "error"
    assert "“Ð” là mã U+00D0" in f.message and "“Đ”" in f.message
    [f] = findings(replace("Độc lập - Tự do", "Độc lập - Tư do"))
    assert "U+" not in f.message and "sai chữ" in f.message
