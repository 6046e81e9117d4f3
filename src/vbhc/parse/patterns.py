"""What each kind of line looks like: one table of patterns, tried in order.

Classification is loose on purpose (tone marks, spacing, case): a line that is almost a
Quốc hiệu is still the Quốc hiệu, and judging how it is written is a rule's job.
"""

from __future__ import annotations

import regex as re

from vbhc.nd30 import DOC_TYPES, LEGAL_TYPES
from vbhc.textnorm import fold

ROMAN = r"[IVXLC]{1,7}"
POINT = r"[a-zđ]"
# After "Chương I", "Mục 2", "Phần thứ hai": nothing, or a title in capitals ("Phần thứ nhất bao gồm…"
# is a sentence, not a heading).
HEADING_REST = r"\b\s*[.:\-–]?\s*(?P<rest>\p{Lu}.*)?$"

TYPE_NAMES = sorted({*DOC_TYPES, *LEGAL_TYPES, "Phụ lục"}, key=len, reverse=True)
TYPE_NAMES_FOLDED = {fold(name): name for name in TYPE_NAMES}

# (kind, pattern) in order; the first that matches the stripped text wins.
LINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("rule", re.compile(r"^[_\-–—=\.…]{3,}$")),
    ("stand_in", re.compile(r"^\[?\s*\((?:Đã ký|đã ký|Signature|signature|Ký tên.*|Chữ ký.*|Ký.*đóng dấu.*|"
                            r"Ký, ghi rõ.*|Chữ ký, dấu.*)\)\s*\]?$")),
    ("so_ky_hieu", re.compile(r"^Số\s*[:;.]?\s*(?P<number>\d+|[.…\s]*)\s*/\s*(?P<symbol>\S.*?)\s*$", re.I)),
    # before place_date: "Căn cứ Luật … ngày 16 tháng 6 năm 2025" is a căn cứ, not a place and date
    ("can_cu", re.compile(r"^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)\b")),
    ("place_date", re.compile(
        r"^(?P<place>\p{L}[\p{L} .'’-]{0,50}?)\s*,?\s*ngày\s*(?P<day>\d{1,2}|[.…]+)?\s*tháng\s*"
        r"(?P<month>\d{1,2}|[.…]+)?\s*năm\s*(?P<year>\d{4}|[\d.…]+)?\s*\.?$", re.I)),
    # the date written short ("Nghệ An, 05/02/2026"): still the place-date line; a rule judges it
    ("place_date", re.compile(
        r"^(?P<place>\p{L}[\p{L} .'’-]{0,50}?)\s*,\s*(?:ngày\s*)?(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})"
        r"\s*[/.\-]\s*(?P<year>\d{4})\s*\.?$", re.I)),
    ("vv", re.compile(r"^V/v\b\s*(?P<rest>.*)$", re.I)),
    ("kinh_gui", re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$")),
    ("enacting", re.compile(r"^(?:QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|QUYẾT\s+NGHỊ|CHỈ\s+THỊ)\s*:\s*$")),
    ("kem_theo", re.compile(r"^\(?\s*(?:Kèm|Ban\s+hành\s+kèm)\s+theo\b", re.I)),
    ("phu_luc", re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?P<num>[IVXLC\d]+[a-z]?))?\s*[.:]?\s*(?P<rest>.{0,80})$")),
    ("noi_nhan", re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I)),
    ("luu", re.compile(r"^[-–+•]?\s*Lưu\s*:\s*(?P<rest>.*)$")),
    ("authority", re.compile(r"^(?P<prefix>TM|KT|TL|TUQ|Q)\s*\.\s*(?P<rest>[\p{Lu}\d][\p{Lu}\p{M}\d\s,.()-]*)$")),
    ("part", re.compile(r"^(?P<word>Phần|PHẦN)\s+(?P<num>" + ROMAN + r"|\d+|thứ\s+\p{L}+|THỨ\s+\p{L}+)"
                        + HEADING_REST)),
    ("chapter", re.compile(r"^(?P<word>Chương|CHƯƠNG)\s+(?P<num>" + ROMAN + r"|\d+)" + HEADING_REST)),
    ("muc", re.compile(r"^(?P<word>Mục|MỤC)\s+(?P<num>\d+)" + HEADING_REST)),
    ("article", re.compile(r"^(?P<word>Điều|ĐIỀU)\s+(?P<num>\d+[a-z]?)\s*[.:]\s*(?P<rest>.*)$")),
    ("roman", re.compile(r"^(?P<num>" + ROMAN + r")\s*[.)]\s*(?P<rest>\S.*)$")),
    ("decimal", re.compile(r"^(?P<num>[1-9]\d{0,2}(?:\.(?:[1-9]\d{0,2}))*)(?P<end>[.)])(?!\d)\s*(?P<rest>.*)$")),
    ("decimal", re.compile(r"^(?P<num>[1-9]\d{0,2}(?:\.(?:[1-9]\d{0,2}))+)(?P<end>)\s+(?P<rest>\S.*)$")),
    ("point", re.compile(r"^(?P<lead>[-–+•]\s*)?(?P<num>" + POINT + r")\s*\)\s*(?P<rest>.*)$")),
    ("bullet", re.compile(r"^(?P<mark>[-–—+•*·▪●○◦➢✓])\s*(?P<rest>\S.*)$")),
    ("page_number", re.compile(r"^-?\s*\d{1,3}\s*-?$")),
]

# Head words that begin an agency's name: where a new agency starts in a stacked header.
AGENCY_HEADS = re.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HỘI\s+ĐỒNG|HĐND|SỞ|BỘ|BAN|PHÒNG|CHÍNH\s+PHỦ|VĂN\s+PHÒNG|CỤC|TỔNG\s+CỤC|"
    r"TRUNG\s+TÂM|CÔNG\s+AN|THANH\s+TRA|KHO\s+BẠC|TRƯỜNG|BỆNH\s+VIỆN|ĐẢNG\s+ỦY|TỈNH\s+ỦY|VIỆN|"
    r"TOÀ\s+ÁN|TÒA\s+ÁN|CHI\s+CỤC|QUỸ|ĐÀI|BÁO|NGÂN\s+HÀNG|BỘ\s+CHỈ\s+HUY|ĐOÀN|LIÊN\s+ĐOÀN)\b"
)

# Positions that close a body and open a signature block when no "Nơi nhận" came first.
POSITIONS = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|TRƯỞNG\s+\p{Lu}+|CHÁNH\s+\p{Lu}+|"
    r"VIỆN\s+TRƯỞNG|CỤC\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|THỦ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|"
    r"BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG)\b"
)

PERSON_NAME = re.compile(r"^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$")
