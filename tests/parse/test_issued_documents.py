"""Documents a decision issues "kèm theo": a type of their own (Điều lệ, Quy chế), no header of their own.

Shown on qd01 of ../shared/corpus/real/ (QĐ 779/QĐ-UBND with the attached "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from parse_helpers import parse_text

from vbhc.check import run_rules
from vbhc.parse import parse_file

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"

DECISION_WITH_CHARTER = """\
ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 779/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày 23 tháng 3 năm 2022
QUYẾT ĐỊNH
Về việc công nhận Điều lệ Quỹ Khuyến học tỉnh
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.
QUYẾT ĐỊNH:
Điều 1. Công nhận Điều lệ Quỹ Khuyến học tỉnh Bình Thuận./.
Nơi nhận:
- Như Điều 1;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Minh
ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)
QUỸ KHUYẾN HỌC TỈNH BÌNH THUẬN
(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)
Chương I
QUY ĐỊNH CHUNG
Điều 1. Tên gọi
Quỹ Khuyến học tỉnh Bình Thuận.
"""


def test_the_charter_is_a_document_of_its_own_type():
    decision, charter = parse_text(DECISION_WITH_CHARTER).documents
    assert decision.doc_type == "Quyết định"
    assert charter.doc_type == "Điều lệ"
    assert charter.title == "(SỬA ĐỔI, BỔ SUNG) QUỸ KHUYẾN HỌC TỈNH BÌNH THUẬN"
    assert charter.issuer == decision.issuer
    assert charter.attached_to.startswith("(Kèm theo Quyết định số 779/QĐ-UBND")


def test_the_charter_is_not_asked_for_a_header_or_closing_of_its_own():
    parsed = parse_text(DECISION_WITH_CHARTER)
    findings, _ = run_rules(parsed, scopes=("format",))
    assert [f.rule for f in findings if f.document == 1 and f.severity == "error"] == []


@pytest.mark.skipif(not (REAL / "qd01-binhthuan-qd-779-2022-dieule-quykhuyenhoc.pdf").exists(),
                    reason="../shared/corpus/real/ không có (bản sao không kèm thư mục dùng chung)")
def test_real_qd01():
    decision, charter = parse_file(REAL / "qd01-binhthuan-qd-779-2022-dieule-quykhuyenhoc.pdf").documents
    assert decision.title == "Về việc công nhận Điều lệ (sửa đổi, bổ sung) Quỹ Khuyến học tỉnh Bình Thuận"
    assert charter.doc_type == "Điều lệ"


def test_a_plan_printed_after_its_decision_without_a_kem_theo_line_is_attached():
    # md12 of ../shared/corpus/real: the legal-text site drops the plan's "(Ban hành kèm theo …)" line
    text = DECISION_WITH_CHARTER.split("ĐIỀU LỆ (SỬA ĐỔI")[0] + (
        "KẾ HOẠCH\nThực hiện chương trình khuyến học năm 2022\nI. MỤC TIÊU\n1. Nâng cao nhận thức./.\n")
    decision, plan = parse_text(text).documents
    assert plan.doc_type == "Kế hoạch" and plan.attached and plan.attached_to is None
    assert plan.issuer == decision.issuer
    findings, _ = run_rules(parse_text(text), scopes=("format",))
    assert [f.rule for f in findings if f.document == 1 and f.severity == "error"] == []


# The charter drafted in a file of its own, as a Sở Nội vụ sends it beside its Tờ trình and the draft decision.
CHARTER_ALONE = DECISION_WITH_CHARTER[DECISION_WITH_CHARTER.index("ĐIỀU LỆ"):] + """\
Chương II
TỔ CHỨC THỰC HIỆN
Điều 2. Hiệu lực thi hành
Điều lệ này có hiệu lực kể từ ngày được công nhận./.
"""


@pytest.mark.parametrize("kem_theo", [
    "(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)",
    "(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày     tháng     năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh)",
    "(Phê duyệt kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)",
    "(Được công nhận theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)",
])
def test_a_charter_alone_is_attached_to_the_decision_its_line_names(kem_theo):
    text = CHARTER_ALONE.replace(
        "(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)", kem_theo)
    [charter] = parse_text(text).documents
    assert (charter.doc_type, charter.attached, charter.attached_to) == ("Điều lệ", True, " ".join(kem_theo.split()))
    findings, _ = run_rules(parse_text(text), scopes=("format",))
    assert [f.rule for f in findings if f.severity == "error"] == []


def test_a_draft_charter_without_its_decisions_line_is_still_issued_with_one():
    # a hội's own draft, marked DỰ THẢO, signed by its board: no number, place-date or Nơi nhận by design
    text = "DỰ THẢO\n" + CHARTER_ALONE.replace(
        "(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)\n", "") + (
        "TM. BAN CHẤP HÀNH\nCHỦ TỊCH\nNguyễn Thị Cúc\n")
    [charter] = parse_text(text).documents
    assert charter.doc_type == "Điều lệ" and charter.attached and charter.attached_to is None
    findings, _ = run_rules(parse_text(text), scopes=("format",))
    assert [f.rule for f in findings if f.severity == "error"] == []


def test_words_of_approval_opening_a_sentence_are_no_kem_theo_line():
    # unbracketed, "Phê duyệt kèm theo …" is the body's own sentence, as in a decision's Điều 1
    text = DECISION_WITH_CHARTER.replace(
        "Điều 1. Công nhận Điều lệ Quỹ Khuyến học tỉnh Bình Thuận./.",
        "Điều 1. Công nhận Điều lệ Quỹ Khuyến học tỉnh Bình Thuận.\n"
        "Phê duyệt kèm theo Quyết định này Điều lệ của Quỹ./.")
    decision = parse_text(text).documents[0]
    assert decision.attached_to is None and not decision.attached


LIST_ALONE = """\
UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
DANH SÁCH
Cán bộ, công chức tham gia Đoàn kiểm tra công tác cải cách hành chính năm 2026
(Kèm theo Quyết định số 45/QĐ-SNV ngày 20 tháng 3 năm 2026 của Giám đốc Sở Nội vụ)
| STT | Họ và tên | Chức vụ | Nhiệm vụ |
|---|---|---|---|
| 1 | Nguyễn Văn An | Phó Giám đốc Sở | Trưởng đoàn |
| 2 | Trần Thị Bình | Chuyên viên | Thư ký |
"""


@pytest.mark.parametrize("heading, doc_type", [("DANH SÁCH", "Danh sách"), ("ĐỀ CƯƠNG", "Đề cương")])
def test_a_list_or_an_outline_alone_in_its_file_is_issued_with_the_document_it_names(heading, doc_type):
    # a list of members or tasks, a report's outline: sent "kèm theo" a decision or a letter; judged as one of
    # the decree's documents it drew six errors (the type glued to the issuer, no Quốc hiệu, number, signer …)
    text = LIST_ALONE.replace("DANH SÁCH\n", heading + "\n")
    [doc] = parse_text(text).documents
    assert (doc.doc_type, doc.issuer, doc.attached) == (doc_type, "SỞ NỘI VỤ", True)
    assert doc.attached_to is not None and doc.attached_to.startswith("(Kèm theo Quyết định số 45/QĐ-SNV")
    findings, _ = run_rules(parse_text(text), scopes=("format",))
    assert [f.rule for f in findings if f.severity == "error"] == []


def test_a_list_after_the_decision_s_signature_is_its_attachment():
    text = DECISION_WITH_CHARTER.split("ĐIỀU LỆ (SỬA ĐỔI")[0] + (
        "DANH SÁCH\nThành viên Ban Quản lý Quỹ Khuyến học tỉnh\n"
        "(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)\n"
        "1. Ông Nguyễn Văn Bảy, Chủ tịch Hội Khuyến học tỉnh, Trưởng ban.\n")
    decision, members = parse_text(text).documents
    assert (decision.doc_type, decision.attached) == ("Quyết định", False)
    assert (members.doc_type, members.title, members.attached) == (
        "Danh sách", "Thành viên Ban Quản lý Quỹ Khuyến học tỉnh", True)


@pytest.mark.parametrize("heading", ["KẾ HOẠCH", "DANH SÁCH"])
def test_an_appendix_s_heading_may_be_a_type_s_name_with_its_trich_yeu_under_it(heading):
    # "PHỤ LỤC I" / "KẾ HOẠCH" / "…": the appendix's title, and its "(Kèm theo …)" line is still read
    text = DECISION_WITH_CHARTER.split("ĐIỀU LỆ (SỬA ĐỔI")[0] + (
        f"PHỤ LỤC I\n{heading}\nCác nhiệm vụ trọng tâm năm 2022\n"
        "(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)\n"
        "1. Rà soát thủ tục hành chính.\n")
    appendix = parse_text(text).documents[1]
    assert (appendix.is_appendix, appendix.title) == (True, f"{heading} Các nhiệm vụ trọng tâm năm 2022")
    assert appendix.attached and appendix.attached_to is not None


def test_a_sentence_naming_the_list_is_no_list():
    decision = parse_text(DECISION_WITH_CHARTER.replace(
        "Điều 1. Công nhận Điều lệ Quỹ Khuyến học tỉnh Bình Thuận./.",
        "Điều 1. Công nhận các ông, bà có tên trong danh sách kèm theo./.")).documents[0]
    assert (decision.doc_type, decision.attached) == ("Quyết định", False)


def test_a_list_after_an_attached_charter_is_a_document_of_its_own():
    # the charter has no closing: the list of members after it was read as the charter's last paragraphs
    text = DECISION_WITH_CHARTER + (
        "DANH SÁCH\nThành viên Ban Quản lý Quỹ Khuyến học tỉnh\n"
        "(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 của Chủ tịch Ủy ban nhân dân tỉnh)\n"
        "1. Ông Nguyễn Văn Bảy, Chủ tịch Hội Khuyến học tỉnh, Trưởng ban.\n")
    documents = parse_text(text).documents
    assert [(d.doc_type, d.attached) for d in documents] == [
        ("Quyết định", False), ("Điều lệ", True), ("Danh sách", True)]
    assert "Trưởng ban" not in " ".join(n.text or "" for n in documents[1].nodes())


def test_a_type_s_name_in_a_body_without_a_kem_theo_line_stays_in_the_body():
    text = DECISION_WITH_CHARTER + "DANH SÁCH\nCác hội viên danh dự của Quỹ.\n"
    assert [d.doc_type for d in parse_text(text).documents] == ["Quyết định", "Điều lệ"]
