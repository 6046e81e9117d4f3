"""A list numbered "1)", "2)" under a clause "1." is a level below it (Word numbers a list of another
style inside a list item; GitHub's Markdown writes a list of points "a)", "b)" as "1)", "2)"), and where
no "1." is open, "1)" is the document's own style for its clauses."""

from __future__ import annotations

from parse_helpers import one, outline, parse_text

from vbhc.check import run_rules

HEAD = """\
ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
KẾ HOẠCH
Cải cách hành chính năm 2026
II. TỔ CHỨC THỰC HIỆN
"""

UNDER = HEAD + """\
1. Công tác triển khai
1) Các sở, ban, ngành xây dựng kế hoạch triển khai.
2) Sở Nội vụ theo dõi, đôn đốc.
2. Kinh phí thực hiện
1) Kinh phí bố trí từ ngân sách nhà nước.
2) Các cơ quan đề xuất bố trí kinh phí./.
"""


def rule_ids(text: str, severity: str = "error") -> set[str]:
    return {f.rule for f in run_rules(parse_text(text))[0] if f.severity == severity}


def test_paren_list_under_a_dotted_clause_is_its_children():
    doc = one(UNDER)
    assert outline(doc.body[0].children) == [
        ("1.", "1", "clause", [("1)", "1", "clause"), ("2)", "2", "clause")]),
        ("2.", "2", "clause", [("1)", "1", "clause"), ("2)", "2", "clause")]),
    ]


def test_paren_list_under_a_dotted_clause_draws_no_numbering_error():
    assert not rule_ids(UNDER) & {"ND30.DanhSo.TrungLap", "ND30.DanhSo.NhayCoc"}


def test_paren_clauses_alone_stay_at_the_clause_level():
    doc = one(HEAD + "1) Xây dựng kế hoạch.\n2) Theo dõi, đôn đốc.\n")
    assert outline(doc.body[0].children) == [("1)", "1", "clause"), ("2)", "2", "clause")]


def test_a_repeated_paren_number_among_paren_clauses_is_still_a_duplicate():
    assert "ND30.DanhSo.TrungLap" in rule_ids(HEAD + "1) Xây dựng kế hoạch.\n1) Theo dõi, đôn đốc.\n")


def test_a_dotted_clause_after_the_paren_list_closes_it():
    text = UNDER.replace("2. Kinh phí thực hiện", "3. Kinh phí thực hiện")
    assert [c.label for c in one(text).body[0].children] == ["1.", "3."]
    assert "ND30.DanhSo.NhayCoc" in rule_ids(text)
