"""KH006 reads which citation was meant as the parent: a plan "of cải cách hành chính" of the same year and
symbol suffix is taken for a miscited parent only when it does not name another issuer.

A commune that cites its own plan ("Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND xã Hưng Nguyên về cải
cách hành chính năm 2025") and not the province's was told "ghi “12/KH-UBND …”, đúng là “2228/QĐ-UBND …”",
as if its own plan were the province's written wrong; it is told that the province's is not cited.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.check import run_rules
from vbhc.citation import find_all
from vbhc.parse import parse_text
from vbhc.profile import from_parent
from vbhc.profile.model import Parent
from vbhc.profile.subplan import Cited, find_parent_citation, other_issuer

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
PLANS = ROOT / "tests" / "fixtures" / "plans"
PARENT = Parent(number="2228", symbol="QĐ-UBND", date="2025-07-15", issuer="ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN",
                doc_type="Quyết định")
OWN_PLAN = "Kế hoạch số 12/KH-UBND ngày 05/01/2025 {of}về cải cách hành chính năm 2025"


def cited(sentence: str) -> list[Cited]:
    return [Cited(c, sentence) for c in find_all(sentence)]


@pytest.mark.parametrize("of", ["của UBND xã Hưng Nguyên ", "của Ủy ban nhân dân huyện Hưng Nguyên ",
                                "của UBND tỉnh Lâm Đồng ", "của Sở Nội vụ "])
def test_a_reform_plan_of_another_issuer_is_not_the_parent_miscited(of):
    assert find_parent_citation(PARENT, cited("Căn cứ " + OWN_PLAN.format(of=of) + ";")) == (False, None)


@pytest.mark.parametrize("of", ["của UBND tỉnh Nghệ An ", "của UBND tỉnh ", "của Ủy ban nhân dân tỉnh ", ""])
def test_a_reform_plan_of_the_parents_issuer_or_of_no_one_named_is_taken_as_miscited(of):
    ok, wrong = find_parent_citation(PARENT, cited("Căn cứ " + OWN_PLAN.format(of=of) + ";"))
    assert not ok and wrong is not None and wrong.cite() == "12/KH-UBND ngày 5/1/2025"


def test_the_parent_cited_right_is_right_whoever_else_is_cited():
    text = ("Căn cứ " + OWN_PLAN.format(of="của UBND xã Hưng Nguyên ") + "; Căn cứ Quyết định số 2228/QĐ-UBND "
            "ngày 15/7/2025 của UBND tỉnh Nghệ An;")
    assert find_parent_citation(PARENT, cited(text)) == (True, None)


@pytest.mark.parametrize(("a", "b", "other"), [
    ("UBND xã Hưng Nguyên", "UBND tỉnh Nghệ An", True),
    ("UBND tỉnh Lâm Đồng", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", True),
    ("UBND tỉnh Nghệ An", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", False),
    ("UBND tỉnh", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", False),  # no province named: the same, as far as is known
    (None, "UBND tỉnh Nghệ An", False),
    ("UBND xã Hưng Nguyên", None, False),
])
def test_other_issuer(a, b, other):
    assert other_issuer(a, b) is other


def test_a_commune_citing_only_its_own_plan_is_told_the_parent_is_not_cited():
    text = (PLANS / "stp-khong-trich-dan.txt").read_text(encoding="utf-8")
    own = "Căn cứ " + OWN_PLAN.format(of="của UBND xã Hưng Nguyên ") + ";\n\n"
    assert text.startswith("UBND TỈNH NGHỆ AN\nSỞ TƯ PHÁP\n") and "Sở Tư pháp ban hành" in text
    text = text.replace("UBND TỈNH NGHỆ AN\nSỞ TƯ PHÁP\n", "ỦY BAN NHÂN DÂN\nXÃ HƯNG NGUYÊN\n", 1)
    findings, _ = run_rules(parse_text(text.replace("Sở Tư pháp ban hành", own + "Sở Tư pháp ban hành", 1)),
                            profile=from_parent(NGHE_AN), scopes=("plan",))
    kh006 = [f for f in findings if f.rule == "KH006"]
    assert [f.data for f in kh006] == [{"expected": "2228/QĐ-UBND ngày 15/7/2025", "found": None}]
    assert kh006[0].message.startswith("Không trích dẫn văn bản cấp trên")
