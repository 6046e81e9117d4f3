"""A công văn: no type name, "V/v" trích yếu under the number, "Kính gửi:"."""

from __future__ import annotations

from parse_helpers import one

CONG_VAN = """\
UBND TỈNH NGHỆ AN
SỞ NỘI VỤ
Số: 3798/SNV-CCHC&VTLT
V/v xây dựng kế hoạch cải cách hành chính năm 2025
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 11 tháng 7 năm 2025
{kinh_gui}
Thực hiện Công văn số 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ, Sở Nội vụ đề nghị:
1. Rà soát kế hoạch cải cách hành chính năm 2025.
2. Gửi báo cáo trước ngày 31/7/2025./.
Nơi nhận:
- Như trên;
- Lưu: VT, CCHC.
GIÁM ĐỐC
(Đã ký)
Nguyễn Văn A
"""


def test_cong_van_fields():
    doc = one(CONG_VAN.format(kinh_gui="Kính gửi: Ủy ban nhân dân tỉnh Nghệ An."))
    assert doc.doc_type == "Công văn"
    assert doc.type_line is None
    assert (doc.number, doc.symbol) == ("3798", "SNV-CCHC&VTLT")
    assert doc.title == "xây dựng kế hoạch cải cách hành chính năm 2025"
    assert doc.parent_issuer == "UBND TỈNH NGHỆ AN"
    assert doc.issuer == "SỞ NỘI VỤ"
    assert doc.kinh_gui == ["Ủy ban nhân dân tỉnh Nghệ An."]
    assert [n.label for n in doc.body if n.label] == ["1.", "2."]
    assert doc.body[0].kind == "paragraph"
    assert doc.signature is not None and doc.signature.signer == "Nguyễn Văn A"
    assert doc.signature.positions == ["GIÁM ĐỐC"]
    assert doc.signature.stand_in == "(Đã ký)"


def test_kinh_gui_list():
    doc = one(CONG_VAN.format(kinh_gui="Kính gửi:\n- Các sở, ban, ngành cấp tỉnh;\n- UBND các xã, phường."))
    assert doc.kinh_gui == ["Các sở, ban, ngành cấp tỉnh;", "UBND các xã, phường."]
    assert all(n.kind != "bullet" for n in doc.nodes())


def test_vv_wrapped_over_two_lines_is_not_lost():
    text = CONG_VAN.format(kinh_gui="Kính gửi: Bộ Nội vụ.").replace(
        "V/v xây dựng kế hoạch cải cách hành chính năm 2025",
        "V/v xây dựng kế hoạch cải cách\nhành chính năm 2025")
    doc = one(text)
    assert doc.doc_type == "Công văn"
    assert doc.title == "xây dựng kế hoạch cải cách hành chính năm 2025"
    assert [ln.role for ln in doc.lines[3:5]] == ["vv", "vv_more"]
