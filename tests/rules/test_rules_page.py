"""Page rules on .docx files built with python-docx: each fixture breaks exactly one rule."""

from __future__ import annotations

import pytest
from docx_builder import build, conformant_decision
from rule_helpers import file_findings, findings

from vbhc.parse import parse_file


def _ids(layout, tmp_path):
    return {f.rule for f in file_findings(build(layout, tmp_path / "qd.docx"))}


def _page(**changes):
    layout = conformant_decision()
    for key, value in changes.items():
        if key == "margins_mm":
            layout.page.margins_mm.update(value)
        else:
            setattr(layout.page, key, value)
    return layout


BREAKS = [
    ("ND30.Trang.KhoGiay", {"width_mm": 215.9, "height_mm": 279.4}),
    ("ND30.Trang.ChieuGiay", {"width_mm": 297, "height_mm": 210}),
    ("ND30.Trang.LeTrang", {"margins_mm": {"left": 25}}),
    ("ND30.Trang.LeTrang", {"margins_mm": {"top": 30}}),
    ("ND30.Trang.LeTrang", {"margins_mm": {"right": 10}}),
    ("ND30.Trang.SoTrangDau", {"different_first_page": False}),
    ("ND30.Trang.ViTriSoTrang", {"page_number_align": "right"}),
    ("ND30.Trang.ViTriSoTrang", {"page_number_in_footer": True}),
    ("ND30.Trang.CoChuSoTrang", {"page_number_size": 12}),
]


@pytest.mark.parametrize(("rule", "changes"), BREAKS, ids=[f"{r}:{c}" for r, c in BREAKS])
def test_one_change_breaks_one_rule(tmp_path, rule, changes):
    assert _ids(_page(**changes), tmp_path) == {rule}


def test_conformant_page_setup(tmp_path):
    assert _ids(conformant_decision(), tmp_path) == set()


def test_margin_finding_data(tmp_path):
    [f] = file_findings(build(_page(margins_mm={"left": 25}), tmp_path / "qd.docx"))
    assert f.data["side"] == "left" and f.data["expected"] == [30, 35] and abs(f.data["found"] - 25) < 0.2


def test_multi_page_document_without_page_numbers(tmp_path):
    parsed = parse_file(build(_page(page_number=False), tmp_path / "qd.docx"))
    assert {f.rule for f in findings(parsed)} == set()  # page count unknown: not judged
    parsed.source.pages = 3
    assert {f.rule for f in findings(parsed)} == {"ND30.Trang.DanhSoTrang"}


def test_page_rules_not_applicable_to_text():
    from rule_helpers import DECISION, parse_text

    from vbhc.check import run_rules

    _, not_applicable = run_rules(parse_text(DECISION))
    assert {"ND30.Trang.KhoGiay", "ND30.Trang.LeTrang", "ND30.Font.TimesNewRoman",
            "ND30.Doan.CanDeu"} <= set(not_applicable)
