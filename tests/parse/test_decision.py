"""A decision: the enacting authority, căn cứ lines, "QUYẾT ĐỊNH:", articles."""

from __future__ import annotations

from parse_helpers import one, outline

from vbhc.model import Role

DECISION = """\
ỦY BAN NHÂN DÂN
XÃ NAM ĐÀN
Số: 12/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nam Đàn, ngày 02 tháng 8 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch cải cách hành chính năm 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM ĐÀN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh Nghệ An;
Xét đề nghị của Văn phòng HĐND và UBND xã.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Văn phòng HĐND và UBND xã, các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Trần Văn B
"""


def test_decision_preamble():
    doc = one(DECISION)
    assert doc.doc_type == "Quyết định"
    assert doc.title == "Ban hành Kế hoạch cải cách hành chính năm 2025"
    assert doc.can_cu == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh Nghệ An;",
        "Xét đề nghị của Văn phòng HĐND và UBND xã.",
    ]
    assert doc.enacting == "QUYẾT ĐỊNH:"
    assert doc.line_of(Role.ISSUER_LINE) is not None
    assert doc.blocks[doc.line_of(Role.ISSUER_LINE).index].text == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"


def test_decision_articles():
    doc = one(DECISION)
    assert outline(doc.body) == [("Điều 1.", "1", "article"), ("Điều 2.", "2", "article"),
                                 ("Điều 3.", "3", "article")]
    assert [n.id for n in doc.body] == ["art_1", "art_2", "art_3"]
    assert doc.body[0].text.startswith("Ban hành kèm theo")


def test_decision_signature_and_recipients():
    doc = one(DECISION)
    assert doc.signature.authority is None
    assert doc.signature.positions == ["CHỦ TỊCH"]
    assert doc.signature.signer == "Trần Văn B"
    assert doc.recipients == ["Như Điều 3;"]
    assert doc.storage == "Lưu: VT."


def test_articles_with_headings_clauses_and_points():
    doc = one(DECISION.replace(
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 2. Trách nhiệm thi hành\n1. Văn phòng có trách nhiệm:\na) Theo dõi;\nb) Báo cáo.\n"
        "2. Các đơn vị phối hợp thực hiện."))
    art2 = doc.body[1]
    assert art2.heading == "Trách nhiệm thi hành"
    assert outline(art2.children) == [("1.", "1", "clause", [("a)", "a", "point"), ("b)", "b", "point")]),
                                      ("2.", "2", "clause")]
    assert [n.id for n in art2.walk()] == ["art_2", "art_2__cl_1", "art_2__cl_1__pt_a", "art_2__cl_1__pt_b",
                                           "art_2__cl_2"]


def test_without_quyet_dinh_colon_the_articles_still_parse():
    doc = one(DECISION.replace("QUYẾT ĐỊNH:\n", ""))
    assert doc.enacting is None
    assert len(doc.can_cu) == 3
    assert [n.kind for n in doc.body] == ["article"] * 3


def test_can_cu_is_not_caught_inside_the_body():
    doc = one(DECISION.replace("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                               "Điều 2. Hiệu lực\nCăn cứ tình hình thực tế, Quyết định có hiệu lực từ ngày ký."))
    assert len(doc.can_cu) == 3
    assert doc.body[1].children[0].kind == "paragraph"
