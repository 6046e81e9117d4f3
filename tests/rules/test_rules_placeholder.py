"""VBHC.ChoCanDien: an unfilled `[ĐIỀN: …]` mark is a warning, a filled document has none."""

from __future__ import annotations

from vbhc.check import run_rules
from vbhc.parse import parse_text

PLAN = """ỦY BAN NHÂN DÂN
XÃ NGHI LỘC
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghi Lộc, ngày 25 tháng 7 năm 2025
KẾ HOẠCH
Cải cách hành chính năm 2025
I. MỤC ĐÍCH, YÊU CẦU
1. Đơn vị chủ trì: {who}.
2. Thời gian hoàn thành: {when}.
"""


def _findings(text: str) -> list:
    parsed = parse_text(text, "<test>")
    findings, _ = run_rules(parsed)
    return [f for f in findings if f.rule == "VBHC.ChoCanDien"]


def test_placeholders_left_are_one_warning_counting_them() -> None:
    (finding,) = _findings(PLAN.format(who="[ĐIỀN: đơn vị chủ trì]", when="[ĐIỀN: thời hạn]"))
    assert finding.severity == "warning"
    assert finding.data == {"count": 2, "lines": [10, 11]} and finding.line == 10


def test_filled_plan_has_none() -> None:
    assert _findings(PLAN.format(who="Văn phòng HĐND và UBND xã", when="Quý III/2025")) == []
