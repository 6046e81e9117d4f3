"""A plan without articles: I. / 1. / 1.1. / 1.1.1. / a) / - / +."""

from __future__ import annotations

from parse_helpers import find, one, outline

PLAN = """\
ỦY BAN NHÂN DÂN
XÃ HƯNG NGUYÊN
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hưng Nguyên, ngày 20 tháng 7 năm 2025
KẾ HOẠCH
Cải cách hành chính năm 2025
Thực hiện Kế hoạch số 2228/QĐ-UBND của UBND tỉnh, UBND xã ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao chất lượng phục vụ người dân.
2. Yêu cầu
II. NHIỆM VỤ
1. Cải cách thể chế
1.1. Xây dựng văn bản
1.1.1. Rà soát văn bản quy phạm pháp luật
a) Rà soát định kỳ;
- Văn phòng chủ trì;
+ Công chức tư pháp thực hiện;
+ Hoàn thành trong quý III;
- Các ban phối hợp.
b) Rà soát đột xuất.
1.2. Kiểm tra văn bản
2. Cải cách thủ tục hành chính
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, đôn đốc./.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Thị C
"""


def test_plan_outline():
    doc = one(PLAN)
    assert doc.doc_type == "Kế hoạch"
    assert (doc.number, doc.symbol) == ("45", "KH-UBND")
    assert outline(doc.body) == [
        (None, None, "paragraph"),
        ("I.", "I", "section", [
            ("1.", "1", "clause", [(None, None, "paragraph")]),
            ("2.", "2", "clause"),
        ]),
        ("II.", "II", "section", [
            ("1.", "1", "clause", [
                ("1.1.", "1.1", "clause", [
                    ("1.1.1.", "1.1.1", "clause", [
                        ("a)", "a", "point", [
                            ("-", None, "bullet", [("+", None, "bullet"), ("+", None, "bullet")]),
                            ("-", None, "bullet"),
                        ]),
                        ("b)", "b", "point"),
                    ]),
                ]),
                ("1.2.", "1.2", "clause"),
            ]),
            ("2.", "2", "clause"),
        ]),
        ("III.", "III", "section", [(None, None, "paragraph")]),
    ]


def test_plan_headings_and_ids():
    doc = one(PLAN)
    assert find(doc, "sec_I").heading == "MỤC ĐÍCH, YÊU CẦU"
    assert find(doc, "sec_II__cl_1__cl_1.1").heading == "Xây dựng văn bản"
    assert find(doc, "sec_II__cl_1__cl_1.1__cl_1.1.1").heading == "Rà soát văn bản quy phạm pháp luật"
    assert find(doc, "sec_II__cl_1__cl_1.1__cl_1.1.1__pt_a__bul_1__bul_2").text == "Hoàn thành trong quý III;"
    assert find(doc, "sec_II__cl_1__cl_1.1__cl_1.1.1__pt_a").text == "Rà soát định kỳ;"


def test_plan_signature():
    doc = one(PLAN)
    sig = doc.signature
    assert (sig.authority, sig.on_behalf_of, sig.positions, sig.signer) == (
        "TM.", "ỦY BAN NHÂN DÂN", ["CHỦ TỊCH"], "Lê Thị C")


def test_decimal_without_trailing_dot():
    doc = one(PLAN.replace("1.1. Xây dựng văn bản", "1.1 Xây dựng văn bản"))
    node = find(doc, "sec_II__cl_1__cl_1.1")
    assert (node.label, node.number) == ("1.1", "1.1")


def test_roman_with_parenthesis_and_arabic_with_parenthesis():
    doc = one(PLAN.replace("III. TỔ CHỨC THỰC HIỆN", "III) TỔ CHỨC THỰC HIỆN"))
    assert find(doc, "sec_III").label == "III)"


def test_a_number_in_running_text_is_not_a_label():
    doc = one(PLAN.replace("Nâng cao chất lượng phục vụ người dân.", "2025 là năm tăng tốc."))
    assert find(doc, "sec_I__cl_1").children[0].kind == "paragraph"
