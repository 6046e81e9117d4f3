"""Labels are kept as printed; ids stay unique (pt_d, pt_d_2); đ is not d."""

from __future__ import annotations

from parse_helpers import one

PLAN = """\
ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
KẾ HOẠCH
Cải cách hành chính năm 2025
II. NHIỆM VỤ
4. Cải cách chế độ công vụ
a) Thực hiện cơ cấu lại đội ngũ;
d) Quan tâm cử cán bộ tham gia bồi dưỡng;
d) Tiếp tục hướng dẫn, đôn đốc các cơ quan;
d) Lần thứ ba;
đ) Tăng cường kỷ luật;
4. Cải cách tài chính công
a) Thực hiện đúng quy định.
"""


def test_duplicates_kept_with_unique_ids():
    doc = one(PLAN)
    first = doc.body[0].children[0]
    assert [c.label for c in first.children] == ["a)", "d)", "d)", "d)", "đ)"]
    assert [c.number for c in first.children] == ["a", "d", "d", "d", "đ"]
    assert [c.id for c in first.children] == ["sec_II__cl_4__pt_a", "sec_II__cl_4__pt_d", "sec_II__cl_4__pt_d_2",
                                              "sec_II__cl_4__pt_d_3", "sec_II__cl_4__pt_đ"]


def test_duplicate_clause_numbers():
    doc = one(PLAN)
    assert [c.id for c in doc.body[0].children] == ["sec_II__cl_4", "sec_II__cl_4_2"]
    assert doc.body[0].children[1].children[0].id == "sec_II__cl_4_2__pt_a"


def test_dash_before_point_label():
    doc = one(PLAN.replace("a) Thực hiện cơ cấu lại đội ngũ;", "- a) Thực hiện cơ cấu lại đội ngũ;"))
    point = doc.body[0].children[0].children[0]
    assert (point.kind, point.label, point.number, point.id) == ("point", "- a)", "a", "sec_II__cl_4__pt_a")


def test_all_ids_unique():
    doc = one(PLAN)
    ids = [n.id for n in doc.nodes()]
    assert len(ids) == len(set(ids))
