"""Helpers for the rule tests: a conformant decision as text, and running the checker on it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import shared_corpus
from vbhc.check import run_rules
from vbhc.parse import parse_file
from vbhc.parse import parse_text as parse_string
from vbhc.rules import Finding

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
PHU_LUC_DOCX = shared_corpus.PHU_LUC_DOCX  # the decree's Phụ lục, read in place from ../shared

# A decision written as the decree says (Phụ lục III, Mẫu 1.3), as plain text.
DECISION = """\
ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 05/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 05 tháng 02 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch cải cách hành chính năm 2026
ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 02 tháng 02 năm 2026.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.
Điều 2. Tổ chức thực hiện
1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch này.
2. Các sở, ban, ngành có trách nhiệm:
a) Xây dựng kế hoạch của cơ quan, đơn vị;
b) Bố trí kinh phí thực hiện;
c) Báo cáo kết quả hằng quý;
d) Tự đánh giá, chấm điểm;
đ) Tuyên truyền về cải cách hành chính;
e) Thực hiện các nhiệm vụ khác.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 15/QĐ-UBND ngày 05 tháng 01 năm 2025./.
Nơi nhận:
- Như Điều 3;
- Bộ Nội vụ;
- Lưu: VT, KSTT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Nguyễn Văn A
"""


def parse_text(text: str):
    text = textwrap.dedent(text).strip("\n")
    return parse_string(text, "<test>")


def findings(parsed_or_text, prefix: str = "ND30.") -> list[Finding]:
    parsed = parse_text(parsed_or_text) if isinstance(parsed_or_text, str) else parsed_or_text
    found, _ = run_rules(parsed, scopes=("format",))
    return [f for f in found if f.rule.startswith(prefix)]


def ids(parsed_or_text, prefix: str = "ND30.") -> set[str]:
    return {f.rule for f in findings(parsed_or_text, prefix)}


def replace(old: str, new: str, text: str = DECISION) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def file_findings(path: Path) -> list[Finding]:
    return findings(parse_file(path))
