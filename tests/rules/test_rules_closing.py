"""Closing rules: signing authority, KT./TM., signer, Nơi nhận and Lưu."""

from __future__ import annotations

import pytest
from rule_helpers import findings, ids, replace

BREAKS = [
    ("ND30.ChuKy.ThamQuyen", "KT. CHỦ TỊCH", "KT CHỦ TỊCH"),
    ("ND30.ChuKy.ThamQuyen", "KT. CHỦ TỊCH", "K/T CHỦ TỊCH"),
    ("ND30.ChuKy.KyThay", "PHÓ CHỦ TỊCH\n(Đã ký)", "CHỦ TỊCH\n(Đã ký)"),
    ("ND30.ChuKy.ThayMat", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    ("ND30.ChuKy.ThieuTen", "(Đã ký)\nNguyễn Văn A", "(Đã ký)"),
    ("ND30.NoiNhan.DauHaiCham", "Nơi nhận:", "Nơi nhận"),
    ("ND30.NoiNhan.GachDauDong", "- Bộ Nội vụ;", "+ Bộ Nội vụ;"),
    ("ND30.NoiNhan.ChamPhay", "- Bộ Nội vụ;", "- Bộ Nội vụ,"),
    ("ND30.NoiNhan.Luu", "- Lưu: VT, KSTT.", "- Lưu: VT, KSTT"),
    ("ND30.NoiNhan.Luu", "- Lưu: VT, KSTT.", "- Lưu: VT, KSTT.\n- Sở Tư pháp;"),
]


@pytest.mark.parametrize(("rule", "old", "new"), BREAKS, ids=[f"{r}:{n[:24]}" for r, _, n in BREAKS])
def test_one_change_breaks_one_rule(rule, old, new):
    assert ids(replace(old, new)) == {rule}


@pytest.mark.parametrize("mark", ["DỰ THẢO", "Dự thảo lần 2", "(Dự thảo 15/8/2025)", "BẢN DỰ THẢO"])
def test_a_draft_without_the_signer_name_is_warned_not_returned(mark):
    """A draft is not signed yet: its missing name is something to add before signing, not an error."""
    text = replace("Số: 05/QĐ-UBND", f"{mark}\nSố:    /QĐ-UBND").replace("(Đã ký)\nNguyễn Văn A\n", "")
    got = [f for f in findings(text) if f.rule == "ND30.ChuKy.ThieuTen"]
    assert [f.severity for f in got] == ["warning"]
    assert "dự thảo" in got[0].message


def test_a_draft_without_any_signature_is_warned():
    text = replace("Số: 05/QĐ-UBND", "DỰ THẢO\nSố:    /QĐ-UBND").split("TM. ỦY BAN NHÂN DÂN")[0]
    assert [f.severity for f in findings(text) if f.rule == "ND30.ChuKy.ThieuTen"] == ["warning"]


def test_an_issued_document_without_the_signer_name_is_an_error():
    text = replace("(Đã ký)\nNguyễn Văn A\n", "")
    assert [f.severity for f in findings(text) if f.rule == "ND30.ChuKy.ThieuTen"] == ["error"]


def test_head_signing_without_authority_is_fine():
    text = replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "CHỦ TỊCH")
    assert ids(text) == set()


def test_tm_over_position_is_fine():
    assert ids(replace("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "CHỦ TỊCH")) == set()


def test_kt_minister_over_deputy_minister_is_fine():
    text = replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG")
    assert ids(text) == set()


def test_other_authorities_are_fine():
    for prefix in ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ", "Q. CHỦ TỊCH"):
        assert ids(replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", prefix)) == set(), prefix


def test_missing_noi_nhan():
    text = replace("Nơi nhận:\n- Như Điều 3;\n- Bộ Nội vụ;\n- Lưu: VT, KSTT.\n", "")
    assert ids(text) == {"ND30.NoiNhan.Thieu"}


def test_missing_luu_line():
    assert ids(replace("- Lưu: VT, KSTT.\n", "")) == {"ND30.NoiNhan.Luu"}


def test_recipient_wrapped_over_two_lines_is_one_item():
    text = replace("- Bộ Nội vụ;", "- Bộ Nội vụ, Bộ Tư pháp, Văn phòng Chính phủ,\nVụ Pháp chế;")
    assert ids(text) == set()


def test_kt_finding_data():
    [f] = findings(replace("PHÓ CHỦ TỊCH\n(Đã ký)", "CHỦ TỊCH\n(Đã ký)"))
    assert f.data == {"found": "CHỦ TỊCH", "expected": "PHÓ …"} and f.severity == "warning"


def test_thamquyen_data():
    [f] = findings(replace("KT. CHỦ TỊCH", "KT CHỦ TỊCH"))
    assert f.data == {"found": "KT CHỦ TỊCH", "expected": "KT. CHỦ TỊCH"}


def _severity(text: str, rule: str) -> list[str]:
    return [f.severity for f in findings(text) if f.rule == rule]


def test_drafters_mark_after_the_luu_dot_is_a_warning():
    # kh02, cv08, qd04 of ../shared/corpus/real: "- Lưu: VT, NC.Châu", the name in subscript
    assert _severity(replace("- Lưu: VT, KSTT.", "- Lưu: VT, KSTT.Châu"), "ND30.NoiNhan.Luu") == ["warning"]
    assert _severity(replace("- Lưu: VT, KSTT.", "- Lưu: VT, KSTT"), "ND30.NoiNhan.Luu") == ["error"]
    assert ids(replace("- Lưu: VT, KSTT.", "- Lưu: VT, KSTT (Huy).")) == set()


def test_kt_without_a_deputy_position_is_an_error_a_non_deputy_position_a_warning():
    no_position = replace("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)", "KT. CHỦ TỊCH\n(Đã ký)")
    assert _severity(no_position, "ND30.ChuKy.KyThay") == ["error"]
    not_deputy = replace("PHÓ CHỦ TỊCH\n(Đã ký)", "CHỦ TỊCH\n(Đã ký)")
    assert _severity(not_deputy, "ND30.ChuKy.KyThay") == ["warning"]
