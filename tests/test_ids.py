"""Node ids: one generator for parse and generate, read back, and shown as officers write them."""

import pytest

from vbhc import ids
from vbhc.model import Node
from vbhc.parse import parse_text


@pytest.mark.parametrize("node_id, words", [
    ("sec_II__cl_4__pt_đ", "mục II.4, điểm đ"),
    ("sec_II__cl_4__pt_d_2", "mục II.4, điểm d thứ hai"),
    ("art_2__cl_1__pt_a", "Điều 2, khoản 1, điểm a"),
    ("chp_I__art_3", "Chương I, Điều 3"),
    ("sec_I__cl_2__cl_2.1__para_2", "mục I.2.1, đoạn thứ hai"),
    ("sec_I", "mục I"),
    ("table_1", "bảng thứ nhất"),
    ("", None),
])
def test_describe(node_id, words):
    assert ids.describe(node_id) == words


@pytest.mark.parametrize("node_id, number", [
    ("sec_I__cl_3", "I.3"), ("sec_IV__cl_1__pt_b", "IV.1.b"), ("sec_II__cl_2__cl_2.1", "II.2.1"),
    ("sec_II__cl_4__pt_d_2", "II.4.d"), ("para_1", None),
])
def test_section_number(node_id, number):
    assert ids.section_number(node_id) == number


def test_repeated_numbers_get_suffixes_and_counted_kinds_count():
    taken = ids.Siblings()
    got = [taken.own_id(k, n) for k, n in
           [("point", "d"), ("point", "d"), ("point", "đ"), ("paragraph", None), ("point", "d"), ("paragraph", None)]]
    assert got == ["pt_d", "pt_d_2", "pt_đ", "para_1", "pt_d_3", "para_2"]


def test_assign_joins_parent_id():
    parent = Node(kind="section", number="II", id="sec_II")
    child = Node(kind="clause", number="4")
    ids.assign(child, parent, ids.Siblings())
    assert child.id == "sec_II__cl_4"


def test_parse_and_describe_agree_on_a_plan():
    doc = parse_text("KẾ HOẠCH\nThử\nI. MỤC TIÊU\n1. Chung\na) Một việc.\nd) Hai.\nd) Ba.\n").documents[0]
    described = [ids.describe(n.id) for n in doc.nodes() if n.kind == "point"]
    assert described == ["mục I.1, điểm a", "mục I.1, điểm d", "mục I.1, điểm d thứ hai"]
