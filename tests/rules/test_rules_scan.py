"""VBHC.BanQuet: a scan gets one warning, and no format rule runs on it (vbhc.check.applicable);
plan rules still run on a scan whose OCR text was kept, not on one without text."""

from __future__ import annotations

from rule_helpers import DECISION

from vbhc.check import applicable, run_rules
from vbhc.model import PageSetup, Source
from vbhc.parse import parse_source
from vbhc.readers.text import lines_to_blocks
from vbhc.rules import all_rules

SETUP = PageSetup(width_mm=210, height_mm=297, margins_mm={"top": 20, "bottom": 20, "left": 30, "right": 15})


def parsed(text: str, scanned: bool):
    source = Source(path="quet.pdf", format="pdf", blocks=lines_to_blocks(text), page_setup=SETUP,
                    carries_style=True, scanned=scanned)
    return parse_source(source)


def test_a_textless_scan_has_one_warning_and_nothing_else() -> None:
    findings, not_applicable = run_rules(parsed("", scanned=True))
    assert [(f.rule, f.severity) for f in findings] == [("VBHC.BanQuet", "warning")]
    assert "bản quét" in findings[0].message and "không có lớp chữ" in findings[0].message
    assert findings[0].data == {"pages": None, "ocr_text": False}
    assert {"ND30.QuocHieu.Thieu", "ND30.Trang.LeTrang", "ND30.KieuChu.CoChu"} <= set(not_applicable)


def test_a_scan_with_ocr_text_runs_no_format_rule() -> None:
    findings, not_applicable = run_rules(parsed(DECISION.replace("Số: 05/", "Số: 5/"), scanned=True))
    assert [f.rule for f in findings] == ["VBHC.BanQuet"]  # not SoKyHieu.SoDuoi10, although it is there
    assert "đối chiếu với kế hoạch" in findings[0].message


def test_plan_rules_apply_to_ocr_text_only() -> None:
    rules = all_rules()
    plan = next(r for r in rules.values() if r.scope == "plan")
    assert applicable(plan, parsed(DECISION, scanned=True), profile=object())
    assert not applicable(plan, parsed("", scanned=True), profile=object())


def test_a_document_is_not_told_as_a_scan() -> None:
    findings, not_applicable = run_rules(parsed(DECISION, scanned=False))
    assert "VBHC.BanQuet" not in {f.rule for f in findings}
    assert "VBHC.BanQuet" not in not_applicable  # not listed as "not applicable" either: nothing to say
    assert not applicable(all_rules()["VBHC.BanQuet"], parsed(DECISION, scanned=False), profile=None)
