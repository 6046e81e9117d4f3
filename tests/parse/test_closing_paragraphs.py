"""Paragraphs after the last numbered item that close the whole document belong to no item."""

from __future__ import annotations

from parse_helpers import one

PLAN = """\
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
1. Nâng cao chất lượng phục vụ.
II. TỔ CHỨC THỰC HIỆN
1. Các phòng triển khai thực hiện.
2. Văn phòng theo dõi, tổng hợp.
{closing}
"""


def test_closing_paragraph_moves_to_the_top_level():
    doc = one(PLAN.format(closing="Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo về Văn phòng./."))
    assert [n.kind for n in doc.body] == ["section", "section", "paragraph"]
    assert doc.body[-1].id == "para_1"
    assert doc.body[1].children[-1].label == "2."


def test_an_ordinary_last_paragraph_stays_in_its_item():
    doc = one(PLAN.format(closing="Thời gian: hoàn thành trong quý I năm 2026./."))
    assert [n.kind for n in doc.body] == ["section", "section"]
    assert doc.body[1].children[-1].children[-1].kind == "paragraph"
