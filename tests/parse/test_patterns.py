"""The classifier's table, one row at a time: lines each kind must take, lines it must leave.

Every kind of `LineKind` has cases here (a test fails when a kind is added without them), and
the fields each pattern pulls out are checked, since rules read them instead of the text.
"""

import pytest

from vbhc.model import (
    AppendixField,
    AuthorityField,
    LabelField,
    LineKind,
    NumberField,
    PlaceDateField,
    RestField,
    TypeNameField,
)
from vbhc.parse.classify import classify_text

K = LineKind

# kind: (lines of that kind, look-alike lines that are not)
CASES: dict[LineKind, tuple[list[str], list[str]]] = {
    K.QUOC_HIEU: (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Cộng hòa xã hội chủ nghĩa Việt Nam"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM"]),
    K.TIEU_NGU: (["Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc", "Độc lập-Tự do-Hạnh phúc"],
                 ["Độc lập - Tự do", "Tự do và hạnh phúc"]),
    K.RULE: (["___________", "-----", "………"], ["--", "- a"]),
    K.STAND_IN: (["(Đã ký)", "(Signature)", "[(Ký tên, đóng dấu)]"], ["Đã ký hợp đồng", "(Ghi chú)"]),
    K.SO_KY_HIEU: (["Số: 2228/QĐ-UBND", "Số: 2228 /QĐ-UBND", "Số:      /KH-UBND", "SỐ: 05/BC-SNV", "Số 12/UBND-VX"],
                   ["Số lượng: 12 người", "Số liệu năm 2025"]),
    K.CAN_CU: (["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Theo đề nghị của Giám đốc Sở Nội vụ.", "Xét Tờ trình số 12/TTr-UBND ngày 02/02/2026 của UBND tỉnh;"],
               ["Căn cước công dân", "Theo dõi, đôn đốc", "Xét thấy cần thiết"]),
    K.PLACE_DATE: (["Nghệ An, ngày 15 tháng 7 năm 2025", "Hà Nội ngày 05 tháng 01 năm 2020",
                    "Lâm Đồng, ngày      tháng 12 năm 2025", "Nghệ An, 05/02/2026"],
                   ["Ngày 15 tháng 7 năm 2025, UBND tỉnh đã họp và quyết định nhiều việc quan trọng",
                    "Hội nghị diễn ra trong ngày 15"]),
    K.VV: (["V/v xây dựng kế hoạch cải cách hành chính", "V/V góp ý dự thảo"], ["Vụ việc đã rõ"]),
    K.KINH_GUI: (["Kính gửi: Bộ Nội vụ", "Kính gửi các sở, ban, ngành"], ["Kính mời"]),
    K.ENACTING: (["QUYẾT ĐỊNH:", "NGHỊ QUYẾT:", "QUYẾT NGHỊ :"], ["QUYẾT ĐỊNH", "Quyết định:"]),
    K.KEM_THEO: (["(Kèm theo Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh)",
                  "(Ban hành kèm theo Quyết định số 12/QĐ-UBND)"], ["Kèm danh sách", "(Ghi chú)"]),
    K.PHU_LUC: (["PHỤ LỤC II", "Phụ lục 1", "PHỤ LỤC"], ["Phụ lục hợp đồng đã ký giữa hai bên năm 2024 và năm 2025 "
                                                         "về việc cung cấp dịch vụ hành chính công trực tuyến"]),
    K.NOI_NHAN: (["Nơi nhận:", "Nơi nhận", "NƠI NHẬN:"], ["Nơi làm việc"]),
    K.LUU: (["- Lưu: VT, KSTT (N).", "Lưu: VT."], ["Lưu ý: hạn nộp"]),
    K.AUTHORITY: (["KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL. BỘ TRƯỞNG", "Q. GIÁM ĐỐC", "TUQ. CHỦ TỊCH"],
                  ["KT CHỦ TỊCH", "TM. Ủy ban"]),
    K.PART: (["Phần I", "PHẦN THỨ HAI", "Phần II. QUY ĐỊNH CHUNG"], ["Phần thứ nhất bao gồm các nội dung sau"]),
    K.CHAPTER: (["Chương I", "CHƯƠNG II QUY ĐỊNH CHUNG"], ["Chương trình hành động"]),
    K.MUC: (["Mục 1", "MỤC 2. THỦ TỤC"], ["Mục tiêu chung"]),
    K.ARTICLE: (["Điều 1. Phạm vi điều chỉnh", "ĐIỀU 2:", "Điều 12a. Sửa đổi"], ["Điều hành", "Điều 1 đã nêu"]),
    K.ROMAN: (["I. MỤC ĐÍCH, YÊU CẦU", "IV) TỔ CHỨC THỰC HIỆN", "II.NHIỆM VỤ"], ["IV", "I am here"]),
    K.DECIMAL: (["1. Mục tiêu chung", "1.1. Cải cách thể chế", "2) Nhiệm vụ", "1.2.3 Tiểu mục"],
                ["1.500 người tham gia", "2025 là năm", "0. Không"]),
    K.POINT: (["a) Rà soát văn bản", "đ) Cải cách tài chính công", "- b) Theo dõi", "a. Rà soát (a rule asks for ')')"],
              ["v.v. các việc khác", "a. không viết hoa sau dấu chấm"]),
    K.BULLET: (["- Nội dung thứ nhất", "+ Ý phụ", "• Mục chấm"], ["-", "—"]),
    K.PAGE_NUMBER: (["2", "12", "105"], ["1234"]),  # "- 3 -" in the body reads as a bullet
    K.DIGITAL_SIGNATURE: (["Ký bởi: Sở Nội vụ", "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ",
                           "Thời gian ký: 17.03.2026 15:20:36 +07:00", "Digitally signed by Nguyen Van A",
                           "15.07.2025 10:20:33 +07:00", "2228/QĐ-UBND 2025-07-15T10:20:33+07:00"],
                          ["Người ký văn bản", "Email: a@b.vn", "Thời gian ký kết hợp đồng", "15/07/2025 08:00"]),
    K.CONTACT: (["ĐT: 0238.3844.555, Fax: 0238.3844.556", "E-mail: vp@nghean.gov.vn, Website: nghean.gov.vn"],
                ["Điện thoại: 0912.345.678", "Địa chỉ liên hệ của đơn vị"]),
    K.COPY_FORM: (["SAO Y", "SAO LỤC", "TRÍCH SAO", "SAO Y BẢN CHÍNH"], ["SAO Y NGUYÊN VĂN BẢN KẾ HOẠCH", "Sao y"]),
    K.MARK: (["KHẨN", "HỎA TỐC", "HOẢ TỐC HẸN GIỜ", "TỐI MẬT", "LƯU HÀNH NỘI BỘ", "DỰ THẢO", "Dự thảo lần 2",
              "(Dự thảo)", "Dự thảo ngày 15/8/2025"], ["KHẨN TRƯƠNG", "Dự thảo Kế hoạch", "MẬT KHẨU"]),
    K.TYPE_NAME: (["QUYẾT ĐỊNH", "KẾ HOẠCH", "TỜ TRÌNH"], ["QUYẾT TÂM"]),
    K.CAPS: (["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "SỞ NỘI VỤ"], ["Ủy ban nhân dân tỉnh"]),
    K.TEXT: (["Ủy ban nhân dân tỉnh ban hành kế hoạch như sau.", "Trên cơ sở đó"], []),
}


def test_every_kind_has_cases():
    assert set(CASES) == set(LineKind)


@pytest.mark.parametrize("kind, text", [(k, t) for k, (good, _) in CASES.items() for t in good])
def test_lines_of_each_kind(kind, text):
    assert classify_text(text)[0] == kind


@pytest.mark.parametrize("kind, text", [(k, t) for k, (_, bad) in CASES.items() for t in bad])
def test_look_alikes_are_not_that_kind(kind, text):
    assert classify_text(text)[0] != kind


def test_number_fields_keep_marks_and_spacing():
    kind, f = classify_text("SỐ ; 2228 /QĐ-UBND")
    assert kind == K.SO_KY_HIEU and isinstance(f, NumberField)
    assert (f.word, f.mark, f.number, f.rest, f.symbol) == ("SỐ", ";", "2228", " /QĐ-UBND", "QĐ-UBND")
    _, blank = classify_text("Số:      /KH-UBND")
    assert isinstance(blank, NumberField) and blank.blank and blank.symbol == "KH-UBND"
    _, legal = classify_text("Số: 30/2020/NĐ-CP")
    assert isinstance(legal, NumberField) and legal.symbol == "2020/NĐ-CP"


def test_place_date_fields():
    _, f = classify_text("Hà Nội ngày 5 tháng 1 năm 2020")
    assert isinstance(f, PlaceDateField)
    assert (f.place, f.comma, f.day, f.month, f.year, f.short) == ("Hà Nội", False, "5", "1", "2020", False)
    assert f.date_text == "ngày 5 tháng 1 năm 2020" and f.numeric
    _, blank = classify_text("Lâm Đồng, ngày      tháng 12 năm 2025")
    assert isinstance(blank, PlaceDateField) and blank.comma and blank.day is None and not blank.numeric
    _, short = classify_text("Nghệ An, 05/02/2026")
    assert isinstance(short, PlaceDateField) and short.short and (short.day, short.month) == ("05", "02")


def test_label_fields():
    _, art = classify_text("Điều 2. Trách nhiệm thi hành")
    assert isinstance(art, LabelField) and (art.word, art.num, art.rest) == ("Điều", "2", "Trách nhiệm thi hành")
    _, point = classify_text("- đ) Cải cách tài chính công")
    assert isinstance(point, LabelField) and (point.lead, point.num) == ("- ", "đ")
    _, bullet = classify_text("+ Ý phụ")
    assert isinstance(bullet, LabelField) and (bullet.mark, bullet.num, bullet.rest) == ("+", None, "Ý phụ")
    _, dec = classify_text("1.2.3 Tiểu mục")
    assert isinstance(dec, LabelField) and (dec.num, dec.end) == ("1.2.3", "")


def test_other_fields():
    assert classify_text("KT. CHỦ TỊCH")[1] == AuthorityField(prefix="KT", rest="CHỦ TỊCH")
    assert classify_text("V/v góp ý")[1] == RestField(rest="góp ý")
    assert classify_text("- Lưu: VT, KSTT (N).")[1] == RestField(rest="VT, KSTT (N).")
    assert classify_text("PHỤ LỤC II DANH MỤC")[1] == AppendixField(num="II", rest="DANH MỤC")
    assert classify_text("KẾ HOẠCH")[1] == TypeNameField(doc_type="Kế hoạch")


def _every_line_we_have() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in (root / "corpus").rglob("*.txt")]
    real = root.parent / "shared" / "corpus" / "real"
    texts += [p.read_text(encoding="utf-8") for p in sorted(real.glob("*.md"))] if real.is_dir() else []
    lines = [ln for t in texts for ln in t.splitlines() if ln.strip()]
    return lines + [t for good, bad in CASES.values() for t in good + bad]


def test_trying_only_a_first_characters_rows_classifies_as_trying_them_all():
    from vbhc.parse.patterns import LINE_PATTERNS

    lines = _every_line_we_have()
    assert len(lines) > 500  # the project's corpus alone has 600 lines; the real set adds 1,900
    for text in lines:
        for variant in (text, text.lstrip("*"), text.upper(), text.lower()):
            assert classify_text(variant) == classify_text(variant, rows=LINE_PATTERNS), variant
