"""Nơi nhận: its items, a wrapped item, the "Lưu:" line."""

from __future__ import annotations

from parse_helpers import one

DOC = """\
CHÍNH PHỦ
Số: 30/2020/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 05 tháng 3 năm 2020
NGHỊ ĐỊNH
Về công tác văn thư
Điều 1. Nghị định có hiệu lực kể từ ngày ký./.
{closing}
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Xuân Phúc
"""


def test_items_and_storage():
    doc = one(DOC.format(closing="Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Thủ tướng, các Phó Thủ tướng;\n"
                                 "- Lưu: VT, HC (2)."))
    assert doc.recipients_label == "Nơi nhận:"
    assert doc.recipients == ["Ban Bí thư Trung ương Đảng;", "Thủ tướng, các Phó Thủ tướng;"]
    assert doc.storage == "Lưu: VT, HC (2)."


def test_wrapped_item_is_joined_to_its_item():
    doc = one(DOC.format(closing="Nơi nhận:\n- Các bộ, cơ quan ngang bộ,\ncơ quan thuộc Chính phủ;\n"
                                 "- HĐND, UBND các tỉnh,\nthành phố trực thuộc Trung ương;\n- Lưu: VT, HC (2)."))
    assert doc.recipients == ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
                              "HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương;"]
    assert {ln.role for ln in doc.lines if "thuộc" in doc.blocks[ln.index].text} == {"recipient"}


def test_first_item_on_the_label_line():
    doc = one(DOC.format(closing="Nơi nhận: Như trên;\n- Lưu: VT."))
    assert doc.recipients == ["Như trên;"]
    assert doc.storage == "Lưu: VT."


def test_storage_without_dash():
    doc = one(DOC.format(closing="Nơi nhận:\n- Như trên;\nLưu: VT, TCCB."))
    assert doc.storage == "Lưu: VT, TCCB."
    assert doc.recipients == ["Như trên;"]


def test_signer_after_storage_is_not_a_recipient():
    doc = one(DOC.format(closing="Nơi nhận:\n- Như trên;\n- Lưu: VT."))
    assert doc.signature.signer == "Nguyễn Xuân Phúc"
    assert doc.recipients == ["Như trên;"]


def test_notes_after_the_signer_in_one_column_of_text_are_no_recipient():
    # pdftotext of tt01 (../shared/corpus/real): the footnotes under the signature ("1" / "Trong đó, …")
    # were glued to the last Nơi nhận item, and its "Lưu" looked missing
    from vbhc.parse import parse_text

    [doc] = parse_text("""\
SỞ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 176/TTr-SNV
Lâm Đồng, ngày 17 tháng 3 năm 2026
TỜ TRÌNH
Về việc phê duyệt Kế hoạch cải cách hành chính
Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, phê duyệt./.
Nơi nhận:
- Như trên;
- Lãnh đạo SNV;
- Lưu: VT, CCHC.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trần Hữu Tuấn

1
Trong đó, UBND tỉnh giao Sở Nội vụ tham mưu ban hành Kế hoạch cải cách hành chính nhà nước của
tỉnh giai đoạn 2026 - 2030;
""").documents
    assert doc.recipients == ["Như trên;", "Lãnh đạo SNV;"] and doc.storage == "Lưu: VT, CCHC."
    assert doc.signature and doc.signature.signer == "Trần Hữu Tuấn"
