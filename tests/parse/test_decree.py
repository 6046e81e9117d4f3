"""A decree: Chương / Mục / Điều / khoản / điểm, legal number with the year."""

from __future__ import annotations

from parse_helpers import one, outline

DECREE = """\
CHÍNH PHỦ
Số: 30/2020/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 05 tháng 3 năm 2020
NGHỊ ĐỊNH
Về công tác văn thư
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Theo đề nghị của Bộ trưởng Bộ Nội vụ;
Chính phủ ban hành Nghị định về công tác văn thư.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về công tác văn thư.
Điều 2. Đối tượng áp dụng
1. Nghị định này áp dụng đối với cơ quan, tổ chức nhà nước.
2. Tổ chức chính trị căn cứ quy định của Nghị định này.
Chương II
SOẠN THẢO, KÝ BAN HÀNH VĂN BẢN HÀNH CHÍNH
Mục 1
THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH
Điều 8. Thể thức văn bản
1. Thể thức văn bản là tập hợp các thành phần cấu thành văn bản.
2. Thể thức văn bản hành chính bao gồm các thành phần chính
a) Quốc hiệu và Tiêu ngữ.
b) Tên cơ quan, tổ chức ban hành văn bản.
đ) Tên loại và trích yếu nội dung văn bản.
Mục 2
SOẠN THẢO VÀ KÝ BAN HÀNH VĂN BẢN HÀNH CHÍNH
Điều 10. Soạn thảo văn bản
Nội dung điều.
Chương VII
ĐIỀU KHOẢN THI HÀNH
Điều 38. Trách nhiệm thi hành
Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này./.
Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, HC (2).
TM. CHÍNH PHỦ
THỦ TƯỚNG
(Đã ký)
Nguyễn Xuân Phúc
"""


def test_decree_number_with_year():
    doc = one(DECREE)
    assert (doc.number, doc.year, doc.symbol) == ("30", "2020", "NĐ-CP")
    assert doc.doc_type == "Nghị định"
    assert doc.issuer == "CHÍNH PHỦ"
    assert doc.title == "Về công tác văn thư"
    assert len(doc.can_cu) == 2


def test_decree_tree():
    doc = one(DECREE)
    assert doc.body[0].kind == "paragraph"  # "Chính phủ ban hành Nghị định …"
    assert outline(doc.body[1:]) == [
        ("Chương I", "I", "chapter", [
            ("Điều 1.", "1", "article", [(None, None, "paragraph")]),
            ("Điều 2.", "2", "article", [("1.", "1", "clause"), ("2.", "2", "clause")]),
        ]),
        ("Chương II", "II", "chapter", [
            ("Mục 1", "1", "section", [
                ("Điều 8.", "8", "article", [
                    ("1.", "1", "clause"),
                    ("2.", "2", "clause", [("a)", "a", "point"), ("b)", "b", "point"), ("đ)", "đ", "point")]),
                ]),
            ]),
            ("Mục 2", "2", "section", [("Điều 10.", "10", "article", [(None, None, "paragraph")])]),
        ]),
        ("Chương VII", "VII", "chapter", [("Điều 38.", "38", "article", [(None, None, "paragraph")])]),
    ]


def test_decree_headings_and_ids():
    doc = one(DECREE)
    chapters = [n for n in doc.body if n.kind == "chapter"]
    assert [c.heading for c in chapters] == ["QUY ĐỊNH CHUNG", "SOẠN THẢO, KÝ BAN HÀNH VĂN BẢN HÀNH CHÍNH",
                                             "ĐIỀU KHOẢN THI HÀNH"]
    assert chapters[1].children[0].heading == "THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH"
    ids = [n.id for n in doc.nodes()]
    assert "chp_II__sec_1__art_8__cl_2__pt_đ" in ids
    assert "chp_II__sec_1__art_8__cl_2__pt_d" not in ids  # đ is not d


def test_decree_signature():
    doc = one(DECREE)
    sig = doc.signature
    assert (sig.authority, sig.on_behalf_of, sig.positions, sig.signer, sig.stand_in) == (
        "TM.", "CHÍNH PHỦ", ["THỦ TƯỚNG"], "Nguyễn Xuân Phúc", "(Đã ký)")


def test_chapter_heading_on_the_same_line():
    doc = one(DECREE.replace("Chương I\nQUY ĐỊNH CHUNG", "Chương I. QUY ĐỊNH CHUNG"))
    assert doc.body[1].label == "Chương I."
    assert doc.body[1].heading == "QUY ĐỊNH CHUNG"


def test_sentence_starting_with_chuong_is_not_a_chapter():
    doc = one(DECREE.replace("Nghị định này quy định về công tác văn thư.",
                             "Chương trình này được thực hiện theo quy định."))
    assert [n.kind for n in doc.body[1].children[0].children] == ["paragraph"]
