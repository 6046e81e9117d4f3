"""Body rules: căn cứ punctuation, numbering, point letters, citations with "số"."""

from __future__ import annotations

import pytest
from rule_helpers import DECISION, NGHE_AN, file_findings, findings, ids, replace

BREAKS = [
    ("ND30.Diem.DauNgoac", "a) Xây dựng kế hoạch", "a. Xây dựng kế hoạch"),
    ("ND30.CanCu.DauCau", "ngày 16 tháng 6 năm 2025;", "ngày 16 tháng 6 năm 2025"),
    ("ND30.CanCu.DauCau", "ngày 16 tháng 6 năm 2025;", "ngày 16 tháng 6 năm 2025."),
    ("ND30.CanCu.DauCau", "ngày 02 tháng 02 năm 2026.\nQUYẾT ĐỊNH:", "ngày 02 tháng 02 năm 2026;\nQUYẾT ĐỊNH:"),
    ("ND30.DanhSo.TrungLap", "Điều 3. Quyết định", "Điều 2. Quyết định"),
    ("ND30.DanhSo.TrungLap", "đ) Tuyên truyền", "d) Tuyên truyền"),
    ("ND30.DanhSo.TrungLap", "2. Các sở", "1. Các sở"),
    ("ND30.DanhSo.NhayCoc", "Điều 3. Quyết định", "Điều 4. Quyết định"),
    ("ND30.DanhSo.NhayCoc", "đ) Tuyên truyền về cải cách hành chính;\n", ""),
    ("ND30.DanhSo.NhayCoc", "2. Các sở", "3. Các sở"),
    ("ND30.Diem.ChuCai", "e) Thực hiện", "e) Báo cáo;\nf) Thực hiện"),
    ("ND30.TrichDan.ThieuSo", "thay thế Quyết định số 15/QĐ-UBND", "thay thế Quyết định 15/QĐ-UBND"),
    ("ND30.TrichDan.ThieuSo", "Nghị quyết số 76/NQ-CP", "Nghị quyết 76/NQ-CP"),
]


@pytest.mark.parametrize(("rule", "old", "new"), BREAKS, ids=[f"{r}:{n[:24]}" for r, _, n in BREAKS])
def test_one_change_breaks_one_rule(rule, old, new):
    assert ids(replace(old, new)) == {rule}


def test_comma_before_theo_de_nghi_is_accepted():
    text = replace("của Chính phủ;\nTheo đề nghị", "của Chính phủ,\nTheo đề nghị")
    assert ids(text) == set()


def test_can_cu_finding_is_located():
    [f] = findings(replace("ngày 16 tháng 6 năm 2025;", "ngày 16 tháng 6 năm 2025"))
    assert f.line == 10 and f.data["expected"] == ";"


def test_latin_alphabet_skips_dj():
    # "a b c d e" uses the Latin alphabet: after d) comes đ)
    text = replace("đ) Tuyên truyền về cải cách hành chính;\ne) Thực hiện", "e) Thực hiện")
    [f] = findings(text)
    assert f.rule == "ND30.DanhSo.NhayCoc" and f.data["expected"] == "đ)"


def test_duplicate_then_sequence_continues_without_a_second_finding():
    # "d) d) e)": the second d) took the place of đ); e) is in place, only the duplicate is reported
    [f] = findings(replace("đ) Tuyên truyền", "d) Tuyên truyền"))
    assert f.rule == "ND30.DanhSo.TrungLap"
    assert f.node == "art_2__cl_2__pt_d_2"
    assert f.data["expected"] == "đ)" and f.data["first"]["node"] == "art_2__cl_2__pt_d"


def test_articles_run_on_through_chapters():
    text = """\
    Chương I
    QUY ĐỊNH CHUNG
    Điều 1. Phạm vi điều chỉnh
    Điều 2. Đối tượng áp dụng
    Chương II
    QUY ĐỊNH CỤ THỂ
    Điều 3. Trách nhiệm
    Điều 4. Hiệu lực
    """
    assert ids(text) == set()
    assert ids(text.replace("Điều 3.", "Điều 1.")) == {"ND30.DanhSo.TrungLap"}


def test_citation_with_so_and_laws_without_number_are_fine():
    text = replace("Căn cứ Luật Tổ chức", "Căn cứ Luật số 72/2025/QH15 Tổ chức")
    assert ids(text) == set()


def test_nghe_an_duplicate_points_in_ii4_and_ii5_are_found_and_located():
    dups = [f for f in file_findings(NGHE_AN) if f.rule == "ND30.DanhSo.TrungLap"]
    assert [(f.document, f.node, f.line) for f in dups] == [
        (1, "sec_II__cl_4__pt_d_2", 150),
        (1, "sec_II__cl_5__pt_d_2", 164),
    ]
    for f in dups:
        assert f.data["label"] == "d)" and f.data["expected"] == "đ)"
        assert f.data["first"]["line"] == f.line - 2


def test_nghe_an_gives_exactly_the_known_findings():
    assert sorted((f.rule, f.line) for f in file_findings(NGHE_AN)) == [
        ("ND30.DanhSo.TrungLap", 150),
        ("ND30.DanhSo.TrungLap", 164),
        ("ND30.SoKyHieu.KhoangTrang", 6),
    ]


def test_decision_template_parses_clean():
    assert findings(DECISION) == []


def test_a_gap_in_points_or_clauses_is_an_error():
    gap = replace("d) Tự đánh giá, chấm điểm;", "e) Tự đánh giá, chấm điểm;")
    assert [f.severity for f in findings(gap) if f.rule == "ND30.DanhSo.NhayCoc"] == ["error"]


def test_a_point_run_into_the_one_before_is_no_gap():
    # a page that lost a line break: "… hằng quý; c) …" ran into b)'s paragraph; a b c d follow on
    run_in = replace("b) Bố trí kinh phí thực hiện;\nc) Báo cáo", "b) Bố trí kinh phí thực hiện; c) Báo cáo")
    assert "ND30.DanhSo.NhayCoc" not in ids(run_in)


def test_a_latin_point_run_into_the_one_before_is_seen():
    # 01bf9d04 of the legal-site dataset: "e) Cấm rải tiền … đưa tang. f) Người qua đời …" then "g)"
    run_in = replace("e) Thực hiện các nhiệm vụ khác.", "e) Báo cáo hằng tháng. f) Thực hiện các nhiệm vụ khác.")
    [f] = [f for f in findings(run_in) if f.rule == "ND30.Diem.ChuCai"]
    assert (f.data["found"], f.data["expected"], f.data["run_in"]) == ("f)", "g)", True)
    assert "viết liền trong điểm “e)”" in f.message


def test_a_latin_label_cited_inside_a_sentence_is_no_point():
    # "theo điểm f) khoản 2" cites a point of another text (of a law, whose alphabet the rule does not judge)
    cited = replace("e) Thực hiện các nhiệm vụ khác.", "e) Thực hiện theo điểm f) Khoản 2 Điều 5 Luật Đất đai.")
    assert "ND30.Diem.ChuCai" not in ids(cited)


def test_a_label_inside_a_sentence_does_not_hide_a_gap():
    # "điểm c) khoản 2" is a citation, not the point c) run in: d) after b) still skips c)
    cited = replace("b) Bố trí kinh phí thực hiện;\nc) Báo cáo kết quả hằng quý;\n",
                    "b) Bố trí kinh phí thực hiện theo điểm c) Khoản 2;\n")
    assert [f.data["expected"] for f in findings(cited) if f.rule == "ND30.DanhSo.NhayCoc"] == ["c)"]


def test_a_gap_in_sections_is_a_warning():
    plan = "KẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n1. Một.\nIII. NHIỆM VỤ\n1. Hai./.\n"  # no section II
    assert [f.severity for f in findings(plan) if f.rule == "ND30.DanhSo.NhayCoc"] == ["warning"]


def test_can_cu_prose_in_a_cong_van_is_body_not_preamble():
    # cv08 of ../shared/corpus/real: a công văn's first paragraph begins "Căn cứ …"
    from rule_helpers import parse_text

    doc = parse_text("""\
        ỦY BAN NHÂN DÂN
        TỈNH BÌNH THUẬN
        Số: 12/UBND-NC
        V/v gia hạn thời gian tổ chức đại hội
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Bình Thuận, ngày 05 tháng 02 năm 2026
        Kính gửi: Sở Nội vụ
        Căn cứ Công văn số 215/SNV-TCBC ngày 14/01/2026 của Sở Nội vụ, Ủy ban nhân dân tỉnh có ý kiến như sau.
        Đồng ý gia hạn./.
        """).documents[0]
    assert doc.can_cu == []
    assert doc.body[0].text.startswith("Căn cứ Công văn số 215")


def test_the_quoc_hois_comma_before_quyet_nghi_is_a_warning():
    # Nghị quyết 1659/NQ-UBTVQH15 (dvhcvn/20250701): "Xét đề nghị …, Báo cáo thẩm tra …," then "QUYẾT NGHỊ:"
    resolution = """\
ỦY BAN THƯỜNG VỤ QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1659/NQ-UBTVQH15
Hà Nội, ngày 16 tháng 6 năm 2025
NGHỊ QUYẾT
Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Đà Nẵng năm 2025
ỦY BAN THƯỜNG VỤ QUỐC HỘI
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Xét đề nghị của Chính phủ tại Tờ trình số 402/TTr-CP,
QUYẾT NGHỊ:
Điều 1. Sắp xếp các đơn vị hành chính cấp xã.
Điều 2. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua./.
"""
    [f] = [f for f in findings(resolution) if f.rule == "ND30.CanCu.DauCau"]
    assert f.severity == "warning" and "Quốc hội" in f.message
    ubnd = resolution.replace("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
    assert [f.severity for f in findings(ubnd) if f.rule == "ND30.CanCu.DauCau"] == ["error"]


def _severities(text: str, rule: str) -> list[str]:
    return [f.severity for f in findings(text) if f.rule == rule]


def test_a_label_alone_on_its_line_in_text_is_a_warning():
    # pdftotext writes a table's STT cells one per line ("3.1." / "Số sở, ngành đã kiểm tra"): such a
    # label may be a cell whose frame was lost, so a gap in its numbering is not surely the document's
    alone = replace("2. Các sở", "3.\nCác sở")
    assert _severities(alone, "ND30.DanhSo.NhayCoc") == ["warning"]
    assert "ô “STT”" in next(f.message for f in findings(alone) if f.rule == "ND30.DanhSo.NhayCoc")
    assert _severities(replace("2. Các sở", "3. Các sở"), "ND30.DanhSo.NhayCoc") == ["error"]
    assert _severities(replace("2. Các sở", "1.\nCác sở"), "ND30.DanhSo.TrungLap") == ["warning"]
