"""The evaluation's own arithmetic, on small hand-made cases (no real document needed): how a
field is compared, how error findings are counted real or false, how defects count as found."""

from __future__ import annotations

import unicodedata

from real_helpers import load_eval

from vbhc.parse import parse_text
from vbhc.rules import Finding

ev = load_eval()


def finding(rule: str, document: int = 0, severity: str = "error") -> Finding:
    return Finding(rule=rule, severity=severity, message="", source="", document=document)


def scored(gold_docs: list[dict], findings: list[Finding]):
    out = ev.FileEval(file="x.pdf", format="pdf", scan=False, sound=True)
    ev.score_findings(out, gold_docs, findings)
    return out


# ---------------------------------------------------------------------------- field_right
def test_fields_compare_after_spaces_nfc_and_tone_placement():
    assert ev.field_right("issuer", "UỶ BAN NHÂN DÂN TỈNH BẮC NINH", "ỦY BAN  NHÂN DÂN\nTỈNH BẮC NINH")
    assert ev.field_right("place", "Lâm Đồng", unicodedata.normalize("NFD", "Lâm Đồng"))
    assert ev.field_right("place", "Hòa Bình", "Hoà Bình")


def test_case_is_ignored_unless_the_gold_says_it_matters():
    assert ev.field_right("issuer", "SỞ NỘI VỤ", "Sở Nội vụ")
    assert not ev.field_right("issuer", "SỞ NỘI VỤ", "Sở Nội vụ", keep_case=True)


def test_a_wrong_or_missing_value_is_wrong():
    assert not ev.field_right("number", "171", None)
    assert not ev.field_right("number", None, "171")
    assert not ev.field_right("number", "05", "5")
    assert ev.field_right("number", None, "")


def test_vv_prefix_and_accepted_alternatives():
    assert ev.field_right("title", "góp ý dự thảo", "V/v góp ý dự thảo")
    assert ev.field_right("issuer", [None, "ỦY BAN NHÂN DÂN TỈNH SƠN LA"], None)
    assert ev.field_right("issuer", [None, "ỦY BAN NHÂN DÂN TỈNH SƠN LA"], "ỦY BAN NHÂN DÂN TỈNH SƠN LA")
    assert not ev.field_right("issuer", [None, "ỦY BAN NHÂN DÂN TỈNH SƠN LA"], "QUỸ KHUYẾN HỌC")


# ------------------------------------------------------------------------- score_findings
GOLD_DOCS = [
    {"defects": [{"rule": "ND30.KieuChu.CoChu", "count": 2}],
     "warnings": [{"rule": "ND30.NoiNhan.Luu", "count": 1}],
     "defects_without_rule": [{"id": "TrichYeu.NgoacKep", "count": 1}]},
    {"defects": [{"rule": "ND30.Trang.LeTrang", "count": 1}], "warnings": [], "defects_without_rule": []},
]


def test_real_up_to_the_gold_count_then_false():
    out = scored(GOLD_DOCS, [finding("ND30.KieuChu.CoChu")] * 3)
    assert (out.errors_real, out.errors_false) == (2, 1)
    assert out.false_findings == [{"document": 0, "rule": "ND30.KieuChu.CoChu", "count": 1}]


def test_a_rule_real_in_one_document_is_false_in_another():
    out = scored(GOLD_DOCS, [finding("ND30.Trang.LeTrang", document=0), finding("ND30.Trang.LeTrang", document=1)])
    assert (out.errors_real, out.errors_false) == (1, 1)


def test_findings_on_a_phantom_document_are_false():
    out = scored(GOLD_DOCS, [finding("ND30.CoQuan.Thieu", document=2)])
    assert (out.errors_real, out.errors_false) == (0, 1)


def test_an_error_on_a_gold_warning_is_false_and_counted_apart():
    out = scored(GOLD_DOCS, [finding("ND30.NoiNhan.Luu")])
    assert (out.errors_false, out.false_on_gold_warning) == (1, 1)


def test_warnings_and_infos_are_not_error_findings():
    out = scored(GOLD_DOCS, [finding("ND30.CoQuan.Thieu", severity="warning"), finding("X", severity="info")])
    assert (out.errors_real, out.errors_false) == (0, 0)


def test_defects_found_found_as_warning_and_missed():
    out = scored(GOLD_DOCS, [finding("ND30.KieuChu.CoChu"), finding("ND30.KieuChu.CoChu", severity="warning")])
    assert (out.defects, out.defects_found, out.defects_as_warning) == (3, 1, 1)
    assert out.missed == [{"document": 0, "rule": "ND30.KieuChu.CoChu", "count": 1},
                          {"document": 1, "rule": "ND30.Trang.LeTrang", "count": 1}]
    assert out.defects_without_rule == 1


def test_the_scan_finding_is_neither_real_nor_false_and_a_rule_crash_is_counted():
    out = scored([{"defects": []}], [finding(ev.SCAN_RULE), finding(ev.INTERNAL_ERROR)])
    assert (out.errors_real, out.errors_false, out.rule_crashes) == (0, 1, 1)


# ------------------------------------------------------------------------- eval_document
PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 05/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 05 tháng 02 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
1. Một
a) Điểm a
b) Điểm b
2. Hai
Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT, NC.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""
PLAN_GOLD = {"doc_type": "Kế hoạch", "issuer": "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "parent_issuer": None,
             "number": "05", "symbol": "KH-UBND", "place": "Nghệ An", "date": "2026-02-05",
             "title": "Cải cách hành chính năm 2026", "outline": {"sections": 1, "clauses": 2, "points": 2},
             "signature": {"authority": "KT.", "signer": "Nguyễn Văn A"}, "recipients": 1}


def test_a_document_read_right_scores_seven_of_seven():
    doc = parse_text(PLAN).documents[0]
    d = ev.eval_document(0, PLAN_GOLD, doc)
    assert all(d.header.values()), d.header_found
    assert d.outline == {"sections": [1, 1], "clauses": [2, 2], "points": [2, 2]} and d.outline_right
    assert d.signature_right and d.recipients == [1, 1]


def test_a_wrong_count_or_field_is_reported():
    doc = parse_text(PLAN).documents[0]
    d = ev.eval_document(0, PLAN_GOLD | {"number": "5", "outline": {"sections": 1, "clauses": 3, "points": 2}}, doc)
    assert d.header["number"] is False and sum(d.header.values()) == 6
    assert d.outline["clauses"] == [3, 2] and not d.outline_right


def test_a_document_vbhc_did_not_find_scores_nothing():
    d = ev.eval_document(1, PLAN_GOLD, None)
    assert not any(d.header.values()) and not d.outline_right and not d.signature_right
