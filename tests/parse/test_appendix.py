"""Appendices: "Phụ lục" with its number, title and "(Kèm theo …)", and a decision's attached plan."""

from __future__ import annotations

from parse_helpers import one, parse_text

APPENDIX = """\
Phụ lục I
THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH
(Kèm theo Nghị định số 30/2020/NĐ-CP
ngày 05 tháng 3 năm 2020 của Chính phủ)
Phần I
THỂ THỨC VÀ KỸ THUẬT TRÌNH BÀY
I. THỂ THỨC
1. Quốc hiệu và Tiêu ngữ
a) Quốc hiệu: “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.
b) Tiêu ngữ: “Độc lập - Tự do - Hạnh phúc”.
"""


def test_appendix_fields():
    doc = one(APPENDIX)
    assert doc.doc_type == "Phụ lục"
    assert doc.is_appendix is True
    assert doc.number == "I"
    assert doc.title == "THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH"
    assert doc.attached_to == "(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)"


def test_appendix_body():
    doc = one(APPENDIX)
    part = doc.body[0]
    assert (part.kind, part.label, part.number, part.heading) == ("part", "Phần I", "I",
                                                                  "THỂ THỨC VÀ KỸ THUẬT TRÌNH BÀY")
    assert [n.id for n in doc.nodes()] == ["part_I", "part_I__sec_I", "part_I__sec_I__cl_1",
                                          "part_I__sec_I__cl_1__pt_a", "part_I__sec_I__cl_1__pt_b"]


def test_sample_lines_inside_an_appendix_are_content():
    doc = one(APPENDIX + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n")
    assert doc.signature is None
    assert [n.kind for n in doc.body[0].children[0].children[0].children[-1].children] == ["paragraph"] * 3


def test_two_appendices_in_one_file():
    parsed = parse_text(APPENDIX + APPENDIX.replace("Phụ lục I", "Phụ lục II"))
    assert [(d.doc_type, d.number) for d in parsed.documents] == [("Phụ lục", "I"), ("Phụ lục", "II")]


def test_placeholder_appendix_is_a_sample_not_a_new_document():
    sample = "Phụ lục …1...\n……… 2 ……….\n(Kèm theo Văn bản số…3….. ngày…4 tháng…4 năm …4 của …5……)\n"
    parsed = parse_text(APPENDIX + sample)
    assert len(parsed.documents) == 1


DECISION_WITH_PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 2228/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 15 tháng 7 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch cải cách hành chính năm 2025
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Bùi Đình Long
ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
KẾ HOẠCH
Cải cách hành chính năm 2025
(Kèm theo Quyết định số 2228/QĐ-UBND ngày 15/7/2025
của Ủy ban nhân dân tỉnh Nghệ An)
I. MỤC TIÊU
1. Nâng cao chất lượng.
"""


def test_decision_with_attached_plan_is_two_documents():
    parsed = parse_text(DECISION_WITH_PLAN)
    decision, plan = parsed.documents
    assert decision.doc_type == "Quyết định" and plan.doc_type == "Kế hoạch"
    assert decision.signature.signer == "Bùi Đình Long"
    assert plan.attached_to == ("(Kèm theo Quyết định số 2228/QĐ-UBND ngày 15/7/2025 "
                                "của Ủy ban nhân dân tỉnh Nghệ An)")
    assert plan.is_appendix is False
    assert plan.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert plan.title == "Cải cách hành chính năm 2025"
    assert [n.label for n in plan.body] == ["I."]


def test_attached_plan_without_its_own_header():
    text = DECISION_WITH_PLAN.replace(
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH",
        "KẾ HOẠCH")
    parsed = parse_text(text)
    assert [d.doc_type for d in parsed.documents] == ["Quyết định", "Kế hoạch"]
    assert parsed.documents[1].attached_to.startswith("(Kèm theo Quyết định số 2228/QĐ-UBND")


def test_an_appendix_title_stops_at_its_table():
    # md12 of ../shared/corpus/real: Phụ lục 01's title took the table's "TT" and "Chỉ tiêu" cells
    from vbhc.model import Block, Source, TablePos
    from vbhc.parse import parse_source

    cells = [Block(text=t, table=TablePos(table=0, row=r, col=c))
             for r, row in enumerate([["TT", "Chỉ tiêu", "Năm 2026"], ["1", "Tỷ lệ hồ sơ trực tuyến", "80%"]])
             for c, t in enumerate(row)]
    blocks = [Block(text="PHỤ LỤC 01"), Block(text="CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2026 - 2030"), *cells]
    [appendix] = parse_source(Source(path="<test>", format="text", blocks=blocks)).documents
    assert appendix.title == "CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2026 - 2030"
    assert appendix.enacting_authority is None
    [table] = appendix.body
    assert table.kind == "table" and table.rows[0] == ["TT", "Chỉ tiêu", "Năm 2026"]
