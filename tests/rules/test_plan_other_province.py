"""KH008: a plan of another province than its parent's is not checked against that parent.

An officer of Lâm Đồng who picks the built-in Nghệ An plan on the web page (or a stray file in an audit
folder) got "trích dẫn văn bản cấp trên sai", "thiếu nội dung bắt buộc" and areas marked missing: every
plan finding false, since the parent was the wrong one. Now one warning says so, and KH001–KH007 stay
silent; a province is judged only when both headers name one, so a department's or a commune's plan
that names only itself is checked as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.check import run_rules
from vbhc.parse import parse_file, parse_text
from vbhc.profile import from_parent
from vbhc.profile.kinds import province_of, same_province
from vbhc.report.rows import UNKNOWN_AREA, plan_of

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
PLANS = ROOT / "tests" / "fixtures" / "plans"
REAL = ROOT.parent / "shared" / "corpus" / "real"
PLAN_IDS = {f"KH00{i}" for i in range(1, 8)}

NAMED = [
    (["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"], "tỉnh Lâm Đồng"),
    (["SỞ NỘI VỤ", "UBND TỈNH LÂM ĐỒNG"], "tỉnh Lâm Đồng"),  # a department: its superior's line
    (["CÔNG AN TỈNH NGHỆ AN"], "tỉnh Nghệ An"),
    (["Ủy ban nhân dân tỉnh Nghệ An"], "tỉnh Nghệ An"),
    (["ỦY BAN NHÂN DÂN TỈNH\nBÀ RỊA - VŨNG TÀU"], "tỉnh Bà Rịa - Vũng Tàu"),  # wrapped after "TỈNH"
    (["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"], "thành phố Hồ Chí Minh"),  # "chí" is no "chi cục"
    (["UBND THÀNH PHỐ HẢI PHÒNG"], "thành phố Hải Phòng"),
]
UNNAMED = [
    ["SỞ Y TẾ"], ["ỦY BAN NHÂN DÂN XÃ YÊN THÀNH"], ["BỘ NỘI VỤ"], [None],
    ["UBND THÀNH PHỐ VINH"],  # a city of a province, not one run by the centre
    ["BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH"],  # "TỈNH" with no name
    ["TỈNH ỦY NGHỆ AN"],
    ["UBND TỈNH NGHỆ AN SỞ Y TẾ"],  # two header lines run together: no name is sure
]


@pytest.mark.parametrize(("headers", "province"), NAMED)
def test_the_province_a_header_names(headers, province):
    assert province_of(headers) == province


@pytest.mark.parametrize("headers", UNNAMED)
def test_headers_that_name_no_province(headers):
    assert province_of(headers) is None


def test_a_province_however_spelled():
    assert same_province("tỉnh Bà Rịa - Vũng Tàu", "tỉnh BÀ RỊA-VŨNG TÀU")
    assert not same_province("tỉnh Nghệ An", "tỉnh Hà Tĩnh")


@pytest.fixture(scope="module")
def profile():
    return from_parent(NGHE_AN)


def _findings(text: str, profile) -> list:
    return run_rules(parse_text(text, "ke-hoach.txt"), profile=profile)[0]


def test_another_province_plan_gets_one_warning_and_no_plan_error(profile):
    """The Sở Tư pháp plan of the fixtures, as Hà Tĩnh's: it cites no Hà Tĩnh plan, misses nothing of it."""
    text = (PLANS / "stp-khong-trich-dan.txt").read_text(encoding="utf-8")
    own = {f.rule for f in _findings(text, profile)}
    assert "KH006" in own and "KH008" not in own  # as Nghệ An's: the citation is missing
    moved = text.replace("UBND TỈNH NGHỆ AN", "UBND TỈNH HÀ TĨNH").replace("Nghệ An, ngày", "Hà Tĩnh, ngày")
    findings = _findings(moved, profile)
    (warning,) = [f for f in findings if f.rule == "KH008"]
    assert warning.severity == "warning"
    assert warning.data == {"province": "tỉnh Hà Tĩnh", "parent_province": "tỉnh Nghệ An"}
    assert "tỉnh Hà Tĩnh" in warning.message and "KH 2228/QĐ-UBND" in warning.message
    assert not PLAN_IDS & {f.rule for f in findings}


@pytest.mark.parametrize("name", ["stp-tot.txt", "xa-bay-nhom.txt"])
def test_a_plan_of_the_province_or_naming_none_is_checked(name, profile):
    """A Nghệ An department (its header names the province) and a commune (it names none)."""
    findings, _ = run_rules(parse_file(PLANS / name), profile=profile)
    assert "KH008" not in {f.rule for f in findings}


def _real(name: str) -> Path:
    if not (REAL / name).is_file():
        pytest.skip(f"thiếu {REAL / name}: các văn bản thật nằm ở ../shared/corpus/real")
    return REAL / name


def test_a_real_lam_dong_plan_against_nghe_an(profile):
    """kh03 (UBND tỉnh Lâm Đồng) against Nghệ An drew "trích dẫn sai" (its own parent, KH 9669/KH-UBND)
    and "thiếu sản phẩm đầu ra"; its audit row marked areas missing."""
    parsed = parse_file(_real("kh03-lamdong-kh-kiemtra-cchc-2026.docx"))
    from vbhc.check import evaluate

    result = evaluate(parsed, profile=profile)
    rules = [f.rule for f in result.findings]
    assert rules.count("KH008") == 1 and not PLAN_IDS & set(rules)
    assert result.plan.foreign
    row = {"status": "ok", "plan": result.plan.as_dict()}
    view = {"areas": [{"id": a.id} for a in profile.areas], "deadline": profile.deadline}
    cells = list(plan_of(row, view).areas.values())
    assert len(cells) == len(profile.areas) >= 6 and all(cell is UNKNOWN_AREA for cell in cells)


def test_a_real_lam_dong_plan_against_its_own_parent():
    parent = from_parent(_real("kh02-lamdong-kh-cchc-2026.docx"))
    findings, _ = run_rules(parse_file(_real("kh03-lamdong-kh-kiemtra-cchc-2026.docx")), profile=parent)
    assert "KH008" not in {f.rule for f in findings}
