"""The part a copy adds under the original: one notice, none of the original's layout rules (before: "thiếu
Quốc hiệu" and "thiếu V/v" on every copy, two false errors)."""

from __future__ import annotations

from rule_helpers import DECISION, findings

COPY = """\
______________________________
SAO Y
UBND HUYỆN NAM ĐÀN
Số: 12/SY-UBND
Nam Đàn, ngày 10 tháng 02 năm 2026
Nơi nhận:
- Các xã, thị trấn;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Trần Văn B
"""


def test_a_copy_gets_one_notice_and_the_original_its_own_findings():
    got = findings(DECISION + COPY)
    assert [(f.rule, f.severity) for f in got if f.rule != "ND30.BanSao.PhanSao"] == [
        (f.rule, f.severity) for f in findings(DECISION)]
    [notice] = [f for f in got if f.rule == "ND30.BanSao.PhanSao"]
    assert notice.severity == "info" and "SAO Y" in notice.message and "12/SY-UBND" in notice.message


def test_an_original_alone_gets_no_notice():
    assert "ND30.BanSao.PhanSao" not in {f.rule for f in findings(DECISION)}
