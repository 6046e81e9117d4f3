"""The numbers and words of Nghị định 30/2020/NĐ-CP, each with the clause it comes from.

This is the one place where the decree's values live; parse, rules, writers and templates
read them from here. "PL I" is Phụ lục I (thể thức và kỹ thuật trình bày), "PL III" the
abbreviation table and the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

DECREE = "NĐ 30/2020"


def source(clause: str) -> str:
    """How a finding cites the decree: "NĐ 30/2020, Phụ lục I, mục II.3"."""
    return f"{DECREE}, {clause}"


# --- Words -------------------------------------------------------------------------------

# PL I, mục II.1.a and II.1.b
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

# Điều 7 and PL III, mục I: type name → abbreviation used in the symbol.
DOC_TYPES: dict[str, str | None] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Công văn": None,  # a công văn's symbol is agency-unit (PL I, mục II.3.b)
    "Thư công": None,
}
COPY_TYPES = {"Bản sao y": "SY", "Bản trích sao": "TrS", "Bản sao lục": "SL"}  # PL III, mục I

# Legal (quy phạm) documents also appear in căn cứ and in the corpus: their symbols carry the year.
LEGAL_TYPES: dict[str, str] = {
    "Luật": "QH",
    "Nghị định": "NĐ-CP",
    "Thông tư": "TT",
    "Pháp lệnh": "UBTVQH",
}

# PL I, mục II.5.b: points are lettered in the Vietnamese alphabet, followed by ")".
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

# Nghị định, Điều 13 and PL I, mục II.7.a: signing authority prefixes.
AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

# PL I, mục II.8: the recipients block.
NOI_NHAN = "Nơi nhận:"
LUU = "Lưu:"


# --- Numbers -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Range:
    low: float
    high: float

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int | float) and self.low <= value <= self.high


# PL I, Phần I, mục I.1–I.3
PAPER_A4_MM = (210.0, 297.0)
MARGINS_MM = {
    "top": Range(20, 25),
    "bottom": Range(20, 25),
    "left": Range(30, 35),
    "right": Range(15, 20),
}
FONT = "Times New Roman"  # PL I, mục I.4
PAGE_NUMBER_SIZE = Range(13, 14)  # PL I, mục I.7
