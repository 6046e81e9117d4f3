"""Shapes text extraction leaves: two columns on one line, hard wraps, page numbers, ** marks."""

from __future__ import annotations

from parse_helpers import one, parse_text

from vbhc.readers.text import lines_to_blocks


def test_two_header_columns_on_one_line():
    doc = one("""\
    ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH NGHỆ AN Độc lập - Tự do - Hạnh phúc
    Số: 05/QĐ-UBND Nghệ An, ngày 15 tháng 7 năm 2025
    QUYẾT ĐỊNH
    Về việc thành lập Tổ công tác
    Điều 1. Thành lập Tổ công tác.
    """)
    assert doc.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.motto == "Độc lập - Tự do - Hạnh phúc"
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert (doc.number, doc.symbol) == ("05", "QĐ-UBND")
    assert (doc.place, doc.date) == ("Nghệ An", "2025-07-15")


def test_two_header_columns_in_markdown_bold():
    doc = one("""\
    **ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH NGHỆ AN**

    Độc lập - Tự do - Hạnh phúc

    KẾ HOẠCH

    Cải cách hành chính năm 2025

    I. MỤC TIÊU
    """)
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert doc.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.doc_type == "Kế hoạch"


def test_closing_columns_on_one_line():
    doc = one("""\
    ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
    Số: 05/QĐ-UBND
    QUYẾT ĐỊNH
    Về việc thành lập Tổ công tác
    Điều 1. Thành lập Tổ công tác./.
    Nơi nhận: KT. CHỦ TỊCH
    - Như Điều 1; PHÓ CHỦ TỊCH
    - Lưu: VT.
    Bùi Đình Long
    """)
    assert doc.recipients == ["Như Điều 1;"]
    assert doc.storage == "Lưu: VT."
    assert (doc.signature.authority, doc.signature.positions, doc.signature.signer) == (
        "KT.", ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Bùi Đình Long")


HARD_WRAPPED = """\
KẾ HOẠCH
Cải cách hành chính năm 2025
I. MỤC TIÊU
7. Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải

quyết TTHC của tỉnh đạt từ 60% trở lên.
8. Cải thiện Chỉ số cải cách hành chính.
"""


def test_hard_wrapped_line_rejoined():
    doc = one(HARD_WRAPPED)
    clauses = doc.body[0].children
    assert [c.label for c in clauses] == ["7.", "8."]
    assert clauses[0].text == ("Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết TTHC của tỉnh "
                               "đạt từ 60% trở lên.")


def test_short_line_or_sentence_end_not_rejoined():
    doc = one("""\
    KẾ HOẠCH
    Cải cách hành chính năm 2025
    I. MỤC TIÊU
    1. Nâng cao chất lượng.

    tiếp theo là một đoạn khác bắt đầu bằng chữ thường.
    """)
    assert len(doc.body[0].children[0].children) == 1


def test_page_number_between_pages_is_dropped_from_the_body():
    text = ("KẾ HOẠCH\nCải cách hành chính năm 2025\nI. MỤC TIÊU\n"
            "1. Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải\n\n2\n\n"
            "quyết TTHC của tỉnh đạt từ 60% trở lên.\n\n- 3 -\n\nII. NHIỆM VỤ\n1. Cải cách thể chế\n")
    parsed = parse_text(text, dedent=False)
    doc = parsed.documents[0]
    assert [n.label for n in doc.body] == ["I.", "II."]
    assert doc.body[0].children[0].text.endswith("giải quyết TTHC của tỉnh đạt từ 60% trở lên.")
    page_blocks = [b for b in parsed.source.blocks if b.part != "body"]
    assert [b.text for b in page_blocks] == ["2", "- 3 -"]
    assert all(doc.blocks[ln.index].text.strip() not in ("2", "- 3 -") for ln in doc.lines)


def test_number_inside_a_paragraph_block_is_kept():
    blocks = lines_to_blocks("I. MỤC TIÊU\n2\nlà số mục tiêu.")
    assert [b.part for b in blocks] == ["body", "body", "body"]


def test_bold_marks_stripped_and_recorded():
    blocks = lines_to_blocks("**I. MỤC TIÊU**\nNội dung *nghiêng* thường.")
    assert blocks[0].text == "I. MỤC TIÊU" and blocks[0].style.bold is True
    assert blocks[1].text == "Nội dung nghiêng thường." and blocks[1].style.bold is False


def test_crlf_and_nfd_are_normalised():
    import unicodedata

    text = unicodedata.normalize("NFD", "KẾ HOẠCH\r\nCải cách hành chính\r\nI. MỤC TIÊU\r\n")
    doc = one(text)
    assert doc.doc_type == "Kế hoạch"
    assert doc.body[0].heading == "MỤC TIÊU"


def test_drawn_rules_of_underscores_are_rules_not_bold_marks():
    # pdftotext of qd07 (../shared/corpus/real): "___________" under the Quốc hiệu and the Tiêu ngữ; read
    # as pairs of "__" marks they turned the Tiêu ngữ bold and everything after into one broken header
    doc = one("""\
    THỦ TƯỚNG CHÍNH PHỦ

    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

    ___________

    Độc lập - Tự do - Hạnh phúc
    _____________________________________

    Số: 2319/QĐ-TTg

    Hà Nội, ngày 20 tháng 10 năm 2025

    QUYẾT ĐỊNH
    Thành lập Ban Chỉ đạo quốc gia về dữ liệu
    ____________

    THỦ TƯỚNG CHÍNH PHỦ
    Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
    QUYẾT ĐỊNH:
    Điều 1. Thành lập Ban Chỉ đạo quốc gia về dữ liệu.
    """)
    assert (doc.doc_type, doc.number, doc.symbol, doc.date) == ("Quyết định", "2319", "QĐ-TTg", "2025-10-20")
    assert doc.motto == "Độc lập - Tự do - Hạnh phúc" and doc.title == "Thành lập Ban Chỉ đạo quốc gia về dữ liệu"
    assert [b.text for b in lines_to_blocks("a __đậm__ b\n")] == ["a đậm b"]


def test_a_two_line_trich_yeu_and_a_cited_number_wrapped_in_text():
    # pdftotext of qd01 (../shared/corpus/real): no style tells the trích yếu's second line from the body;
    # it stands right before the enacting authority. "… tại Công văn số" / "06/KHBT ngày …" is one căn cứ.
    doc = one("""\
    ỦY BAN NHÂN DÂN
    TỈNH BÌNH THUẬN
    Số: 779/QĐ-UBND
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Bình Thuận, ngày 23 tháng 3 năm 2022
    QUYẾT ĐỊNH
    Về việc công nhận Điều lệ (sửa đổi, bổ sung)
    Quỹ Khuyến học tỉnh Bình Thuận
    CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
    Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
    Theo đề nghị của Hội Khuyến học tỉnh Bình Thuận tại Công văn số
    06/KHBT ngày 21 tháng 01 năm 2022.
    QUYẾT ĐỊNH:
    Điều 1. Công nhận Điều lệ.
    """)
    assert doc.title == "Về việc công nhận Điều lệ (sửa đổi, bổ sung) Quỹ Khuyến học tỉnh Bình Thuận"
    assert doc.enacting_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"
    assert doc.can_cu[-1] == ("Theo đề nghị của Hội Khuyến học tỉnh Bình Thuận tại Công văn số 06/KHBT ngày 21 "
                              "tháng 01 năm 2022.")


def test_a_plans_opening_sentence_is_not_its_trich_yeu():
    doc = one("""\
    ỦY BAN NHÂN DÂN
    XÃ AN BÌNH
    Số: 12/KH-UBND
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    An Bình, ngày 05 tháng 01 năm 2026
    KẾ HOẠCH
    Cải cách hành chính năm 2026
    Thực hiện Kế hoạch số 9669/KH-UBND của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã ban hành Kế hoạch:
    I. MỤC ĐÍCH, YÊU CẦU
    1. Hoàn thành các nhiệm vụ.
    """)
    assert doc.title == "Cải cách hành chính năm 2026"


def test_two_columns_a_wide_gap_apart_as_pdftotext_layout_prints_them():
    # `pdftotext -layout` of cv07 and qd06 (../shared/corpus/real): "CỘNG HOÀ" (old tone style) beside the
    # agency, the number beside the place-date; an unfilled number or day keeps its gap
    doc = one("""\
            BỘ TƯ PHÁP                      CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                   Độc lập - Tự do - Hạnh phúc

         Số: 3917/BTP-BTTP                       Hà Nội, ngày 01 tháng 7 năm 2025
     V/v hợp nhất tổ chức xã hội - nghề nghiệp

                           Kính gửi: Ủy ban nhân dân các tỉnh, thành phố
          Bộ Tư pháp đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm chỉ đạo thực hiện./.
    """)
    assert (doc.issuer, doc.national_title) == ("BỘ TƯ PHÁP", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert (doc.number, doc.symbol, doc.place, doc.date) == ("3917", "BTP-BTTP", "Hà Nội", "2025-07-01")
    assert doc.doc_type == "Công văn"
    assert [b.text for b in lines_to_blocks("Số:        /QĐ-UBND\nHà Nội, ngày      tháng 7 năm 2025\n")] == [
        "Số:        /QĐ-UBND", "Hà Nội, ngày      tháng 7 năm 2025"]


def test_a_signer_beside_a_recipient_and_a_vv_wrapped_under_its_column_in_layout_text():
    # `pdftotext -layout` of qd07 and cv04 (../shared/corpus/real): the signer's name printed on the line of
    # a Nơi nhận item; the V/v's second line alone under the left column, the place-date beside its first
    doc = one("""\
        UBND TỈNH LÂM ĐỒNG                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    SỞ KHOA HỌC VÀ CÔNG NGHỆ                       Độc lập - Tự do - Hạnh phúc
           Số: 171/SKHCN-CĐS
     V/v góp ý dự thảo Kế hoạch kiểm           Lâm Đồng, ngày 16 tháng 01 năm 2026
     tra cải cách hành chính năm 2026

                                        Kính gửi: Sở Nội vụ
          Sở Khoa học và Công nghệ thống nhất với dự thảo./.
    Nơi nhận:                                                   KT. GIÁM ĐỐC
    - Như trên;                                                 PHÓ GIÁM ĐỐC
    - Lưu: VT, CĐS.                                             Nguyễn Văn An
    """)
    assert doc.title == "góp ý dự thảo Kế hoạch kiểm tra cải cách hành chính năm 2026"
    sig = doc.signature
    assert sig and (sig.signer, sig.positions) == ("Nguyễn Văn An", ["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    assert doc.recipients == ["Như trên;"] and doc.storage == "Lưu: VT, CĐS."
