"""What each kind of line looks like: one table of patterns, tried in order.

Classification is loose on purpose (tone marks, spacing, case): a line that is almost a
Quốc hiệu is still the Quốc hiệu, and judging how it is written is a rule's job.
"""

from __future__ import annotations

from collections.abc import Callable

import regex as re

from vbhc import rx
from vbhc.model import (
    AppendixField,
    AuthorityField,
    Fields,
    LabelField,
    LineKind,
    NumberField,
    PlaceDateField,
    RestField,
    TypeNameField,
)
from vbhc.nd30 import (
    AGENDA_EVENTS,
    CIRCULATION_MARKS,
    COPY_FORMS,
    DOC_TYPES,
    ISSUED_TYPES,
    LEGAL_TYPES,
    OTHER_PAPERS,
    SECRECY_MARKS,
    URGENCY_MARKS,
)
from vbhc.textnorm import fold, squash

ROMAN = r"[IVXLC]{1,7}"
POINT = r"[a-zđ]"
# After "Chương I", "Mục 2", "Phần thứ hai": nothing, or a title in capitals ("Phần thứ nhất bao gồm…"
# is a sentence, not a heading).
HEADING_REST = r"\b\s*[.:\-–]?\s*(?P<rest>\p{Lu}.*)?$"

TYPE_NAMES = sorted({*DOC_TYPES, *LEGAL_TYPES, *ISSUED_TYPES, *OTHER_PAPERS, "Phụ lục"},
                    key=lambda t: (-len(t), t))
# A type name followed on its line by a qualifier: "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)".
TYPE_WITH_QUALIFIER = rx.compile(r"^(?P<type>[^()]+?)\s*(?P<rest>\([^()]{2,60}\))$")


def _caps(words: str) -> str:
    return words.upper().replace(" ", r"\s+")


# The heading of a paper that is no văn bản hành chính runs on with words of its own ("PHIẾU TRÌNH KÝ VĂN BẢN",
# "BÀI PHÁT BIỂU KHAI MẠC"), an event's agenda with the event ("CHƯƠNG TRÌNH HỘI NGHỊ …"), a report or a notice
# with the kind it is ("BÁO CÁO TÓM TẮT", "BÁO CÁO SƠ KẾT", "THÔNG BÁO KẾT LUẬN").
_RUNNING_ON_HEADS = [_caps(n) for n in sorted(OTHER_PAPERS, key=len, reverse=True)]
_KINDS_OF = {"Chương trình": AGENDA_EVENTS,
             "Báo cáo": ("Tóm tắt", "Tổng kết", "Sơ kết", "Nhanh", "Tổng hợp", "Định kỳ", "Chuyên đề"),
             "Thông báo": ("Kết luận",)}
_KIND_HEADS = [_caps(name) + r"(?=\s+(?:" + "|".join(map(_caps, kinds)) + r")\b)" for name, kinds in _KINDS_OF.items()]
TYPE_RUNNING_ON = rx.compile(r"^(?P<type>" + "|".join(_RUNNING_ON_HEADS + _KIND_HEADS)
                             + r")\s+(?P<rest>\p{Lu}[\p{Lu}\d\s,.\-–]{1,80})$")
TYPE_NAMES_FOLDED = {fold(name): name for name in TYPE_NAMES}
# Where the type's name stands (after the place-date) a line in capitals that opens with one runs on with the
# trích yếu's words ("KẾ HOẠCH TUYÊN TRUYỀN", "DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO"): longest names first.
_OPENING_NAMES = (*DOC_TYPES, *ISSUED_TYPES)
# words in the name (most first) → its folded form → the name
_OPENING_TYPES = {count: {fold(n): n for n in _OPENING_NAMES if len(n.split()) == count}
                  for count in sorted({len(n.split()) for n in _OPENING_NAMES}, reverse=True)}


def type_opening(text: str) -> TypeNameField | None:
    """The type's name a line opens with (the longest that fits) and the words after it; None when it opens
    with none."""
    words = text.split()
    for count, names in _OPENING_TYPES.items():
        name = names.get(fold(" ".join(words[:count]))) if len(words) > count else None
        if name is not None:
            return TypeNameField(name, rest=" ".join(words[count:]))
    return None


def _number(m: re.Match[str]) -> NumberField:
    return NumberField(word=m["word"], mark=m["mark"], number=m["number"].strip(), rest=m["rest"],
                       symbol=squash(m["symbol"]), gap=m["gap"] if m["mark"] else "",
                       joint=m.groupdict().get("joint") or "/")


def _place_date(m: re.Match[str], short: bool = False) -> PlaceDateField:
    return PlaceDateField(place=squash(m["place"]), comma="," in m["comma"], day=m["day"], month=m["month"],
                          year=m["year"], date_text=squash(m["date"]), short=short)


def _place_date_short(m: re.Match[str]) -> PlaceDateField:
    return _place_date(m, short=True)


def _label(m: re.Match[str]) -> LabelField:
    g = m.groupdict()
    return LabelField(num=g.get("num"), rest=g.get("rest") or "", word=g.get("word"), end=g.get("end"),
                      lead=g.get("lead"), mark=g.get("mark"))


def _rest(m: re.Match[str]) -> RestField:
    return RestField(rest=m["rest"] or "")


def _authority(m: re.Match[str]) -> AuthorityField:
    return AuthorityField(prefix=m["prefix"], rest=m["rest"])


def _appendix(m: re.Match[str]) -> AppendixField:
    return AppendixField(num=m["num"], rest=m["rest"] or "")


def _none(m: re.Match[str]) -> None:
    return None


def _words(phrases: tuple[str, ...]) -> str:
    """Phrases as alternatives, longest first, any spacing between words, "HOẢ" for "HỎA" too."""
    spaced = (re.escape(p).replace(r"\ ", r"\s+").replace("HỎA", "H(?:ỎA|OẢ)") for p in phrases)
    return "|".join(sorted(spaced, key=len, reverse=True))


# "KHẨN", "TỐI MẬT", "LƯU HÀNH NỘI BỘ" (nd30); "DỰ THẢO", "Dự thảo lần 2", "(Dự thảo 15/8/2025)"
_MARKS = _words((*URGENCY_MARKS, *SECRECY_MARKS, *CIRCULATION_MARKS))
_DRAFT = (r"(?:BẢN\s+|Bản\s+)?(?:DỰ\s+THẢO|Dự\s+thảo)(?:\s+(?:LẦN|lần)\s*\d{1,2}|\s+\d{1,2}|\s+(?:ngày\s+)?"
          r"\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?)?")

# A mark alone on its line: "KHẨN", "(MẬT)", "DỰ THẢO", "Dự thảo lần 2" (and a watermark's text)
MARK_LINE = rx.compile(r"^\(?\s*(?:" + _MARKS + "|" + _DRAFT + r")\s*\)?$")

# What a digital signature's stamp says, drawn on the page by the signing tool, not written by the drafter:
# VGCA's and VNPT-CA's "Ký bởi: …", "Email: …", "Cơ quan: …", "Thời gian ký: 15.07.2025 10:20:33 +07:00";
# the Government portal's "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ"; Adobe's "Digitally signed by";
# and what the decree has the văn thư put at the top right of a plan or appendix in a file of its own, or of
# an electronic copy: the number and symbol, a copy's form and copier, and the signing time to the second
# (PL I, Phần I, mục II.8.b and III.1.c; Phần II, mục I.3: "2228/QĐ-UBND" / "15.07.2025 10:20:33 +07:00").
# Some tools print it without tone marks ("Ky boi:"). A signing time is a stamp alone; "Ký bởi: …" is one
# only with another line of a stamp near it ("Người ký: …" may be a form's own field); the details are
# stamps only near one (`classify.mark_digital_signatures`).
_ZONE = r"(?:[+-]\d{2}:?\d{2}|GMT\s*[+-]\s*\d{1,2}|Z)"
# a date, then the time to the second or with its zone (a time to the minute alone is a schedule's)
_DATE_TIME = (r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})(?:T|\s*,?\s*)\d{1,2}:\d{2}"
              r"(?::\d{2}(?:\.\d+)?(?:\s*" + _ZONE + r")?|\s*" + _ZONE + r")"
              r"|\d{1,2}:\d{2}:\d{2}\s+(?:ngày\s+)?\d{1,2}[./-]\d{1,2}[./-]\d{4}")
SIGNING_TIME = rx.compile(r"^(?=.{0,160}$)(?:(?:Th[ờo]i\s+gian\s+k[ýy]|Ng[àa]y\s+(?:gi[ờo]\s+)?k[ýy])\s*:\s*\d.*"
                          r"|Signature\s+(?:Not\s+Verified|Valid|Verified)\b.*"
                          r"|(?:\d+/[\p{L}\d&.\-]+[\s,;]+)?(?:" + _DATE_TIME + r")\s*)$", re.I)
_SIGNED_BY = (r"(?:Ng[ưu][ờo]i\s+k[ýy]|K[ýy]\s+b[ởo]i|[ĐD][ưu][ợo]c\s+k[ýy]\s+b[ởo]i|Signed\s+by)\s*:\s*\S"
              r"|Digitally\s+signed\s+by\s+\S")
DIGITAL_SIGNATURE_DETAIL = rx.compile(r"^(?:(?:E-?mail|C[ơo]\s+quan|Ch[ứu]c\s+v[ụu]|[ĐD][ơo]n\s+v[ịi]|T[ổo]\s+ch[ứu]c|"
                                      r"L[ýy]\s+do|N[ơo]i\s+k[ýy]|"
                                      r"Reason|Location|Date)\s*:|\d+/[\p{Lu}Đ][\p{L}\d&.\-]*$)", re.I)
DIGITAL_SIGNATURE_REACH = 3  # lines: how far a detail may stand from the stamp's own line (columns interleave)
DIGITAL_SIGNATURE_LINE_MAX = 80  # characters: a line between two lines of a stamp is one of it (a copier's name)

# PL I, Phần I, mục III.4 (ô số 13): the agency's address, e-mail, website, telephone and fax, at the foot of
# the first page ("Số 3 đường Trường Thi, TP Vinh" / "ĐT: 0238.3844.555, Fax: …" / "E-mail: …, Website: …").
# Lines that begin so are the agency's contacts when two such labels stand together (one line or the next):
# "Điện thoại: …" alone may be a Giấy mời's own text (`classify.mark_contacts`).
_CONTACT = (r"(?:Địa\s+chỉ|ĐT|Đ/T|Điện\s+thoại|Fax|E-?mail|Website|Trang\s+thông\s+tin\s+điện\s+tử|"
            r"Cổng\s+thông\s+tin\s+điện\s+tử)\s*:")
CONTACT_LABEL = rx.compile(r"(?:^|[,;.]\s*|\s)" + _CONTACT, re.I)
CONTACT_LINE = rx.compile(r"^" + _CONTACT, re.I)
ADDRESS_FIRST = rx.compile(r"^Số\s*:?\s*\d+[\p{L}\d/]*\s*,?\s+(?:đường|phố|ngõ|ngách|hẻm|đại\s+lộ|quốc\s+lộ)\b", re.I)

Reader = Callable[[re.Match[str]], Fields | None]
K = LineKind
BULLET_MARKS = "-–—+•*·▪●○◦➢✓"
POINT_LETTERS = "abcdefghijklmnopqrstuvwxyzđ"  # what a point label may be typed with (rules judge f, j, w, z)

# (kind, pattern, what to pull out, first characters) in order; the first pattern that matches the stripped
# text wins. A row's last column lists the characters a matching line can begin with (None: any), so that a line
# is tried only against the rows it could match; tests/parse/test_patterns.py checks the table both ways.
LINE_PATTERNS: list[tuple[LineKind, re.Pattern[str], Reader, str | None]] = [
    (K.RULE, rx.compile(r"^[_\-–—=\.…]{3,}$"), _none, "_-–—=.…"),
    (K.STAND_IN, rx.compile(r"^\[?\s*\((?:Đã ký|đã ký|Signature|signature|Ký tên.*|Chữ ký.*|Ký.*đóng dấu.*|"
                            r"Ký, ghi rõ.*|Chữ ký, dấu.*)\)\s*\]?$"), _none, "[("),
    (K.SO_KY_HIEU, rx.compile(r"^(?P<word>Số)(?P<gap>\s*)(?P<mark>[:;.]?)\s*(?P<number>\d+|[.…\s]*?)"
                              r"(?P<rest>\s*/\s*(?P<symbol>\S.*?))\s*$", re.I), _number, "Ss"),
    # the Party's way (Hướng dẫn 36-HD/VPTW): "Số 60-NQ/TW", the type then the body after the "-"
    (K.SO_KY_HIEU, rx.compile(r"^(?P<word>(?i:số))(?P<gap>\s*)(?P<mark>[:;.]?)\s*(?P<number>\d+)"
                              r"(?P<rest>\s*(?P<joint>-)\s*(?P<symbol>\p{Lu}+\s*/\s*\p{Lu}[\p{Lu}\d-]*))\s*$"), _number,
     "Ss"),
    # before place_date: "Căn cứ Luật … ngày 16 tháng 6 năm 2025" is a căn cứ, not a place and date
    (K.CAN_CU, rx.compile(r"^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+(?:đề\s+nghị|Tờ\s+trình|báo\s+cáo))\b"), _none, "CTX"),
    (K.PLACE_DATE, rx.compile(
        r"^(?P<place>\p{L}[\p{L} .'’-]{0,50}?)(?P<comma>\s*,?\s*)(?P<date>ngày\s*(?P<day>\d{1,2}|[.…]+)?\s*tháng\s*"
        r"(?P<month>\d{1,2}|[.…]+)?\s*năm\s*(?P<year>\d{4}|[\d.…]+)?)\s*\.?$", re.I), _place_date, None),
    # the date written short ("Nghệ An, 05/02/2026"): still the place-date line; a rule judges it
    (K.PLACE_DATE, rx.compile(
        r"^(?P<place>\p{L}[\p{L} .'’-]{0,50}?)(?P<comma>\s*,\s*)(?P<date>(?:ngày\s*)?(?P<day>\d{1,2})\s*[/.\-]\s*"
        r"(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4}))\s*\.?$", re.I), _place_date_short, None),
    (K.VV, rx.compile(r"^V/v\b\s*(?P<rest>.*)$", re.I), _rest, "Vv"),
    (K.KINH_GUI, rx.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$"), _rest, "K"),
    (K.ENACTING, rx.compile(r"^(?:QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|QUYẾT\s+NGHỊ|CHỈ\s+THỊ)\s*:\s*$"), _none, "QNC"),
    # "(Kèm theo …)", "(Ban hành kèm theo …)"; a charter's "(Phê duyệt kèm theo Quyết định …)", "(Được công
    # nhận theo …)" in brackets only (unbracketed, such words open a sentence of the body)
    (K.KEM_THEO, rx.compile(r"^(?:\(?\s*(?:Kèm|Ban\s+hành\s+kèm)\s+theo\b|\(\s*(?:Được\s+)?(?:Ban\s+hành|Phê\s+duyệt|"
                            r"Công\s+nhận)\s+(?:kèm\s+)?theo\b)", re.I), _none, "(KkBb"),
    (K.PHU_LUC, rx.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?P<num>[IVXLC\d]+[a-z]?))?\s*[.:]?\s*(?P<rest>.{0,80})$"),
     _appendix, "P"),
    (K.NOI_NHAN, rx.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I), _rest, "Nn"),
    (K.LUU, rx.compile(r"^[-–+•]?\s*Lưu\s*:\s*(?P<rest>.*)$"), _rest, "-–+•L"),
    (K.AUTHORITY, rx.compile(r"^(?P<prefix>TM|KT|TL|TUQ|Q)\s*\.\s*(?P<rest>[\p{Lu}\d][\p{Lu}\p{M}\d\s,.()-]*)$"),
     _authority, "TKQ"),
    (K.PART, rx.compile(r"^(?P<word>Phần|PHẦN)\s+(?P<num>" + ROMAN + r"|\d+|thứ\s+\p{L}+|THỨ\s+\p{L}+)"
                        + HEADING_REST), _label, "P"),
    (K.CHAPTER, rx.compile(r"^(?P<word>Chương|CHƯƠNG)\s+(?P<num>" + ROMAN + r"|\d+)" + HEADING_REST), _label, "C"),
    (K.MUC, rx.compile(r"^(?P<word>Mục|MỤC)\s+(?P<num>\d+)" + HEADING_REST), _label, "M"),
    (K.ARTICLE, rx.compile(r"^(?P<word>Điều|ĐIỀU)\s+(?P<num>\d+[a-z]?)\s*[.:]\s*(?P<rest>.*)$"), _label, "Đ"),
    (K.ROMAN, rx.compile(r"^(?P<num>" + ROMAN + r")\s*[.)]\s*(?P<rest>\S.*)$"), _label, "IVXLC"),
    (K.DECIMAL, rx.compile(r"^(?P<num>[1-9]\d{0,2}(?:\.(?:[1-9]\d?))*)(?P<end>[.)])(?!\d)\s*(?P<rest>.*)$"),
     _label, "123456789"),
    # "1.2.3 Tiểu mục" without the last dot; a sub-number has at most two digits ("1.500 người" is a count)
    (K.DECIMAL, rx.compile(r"^(?P<num>[1-9]\d{0,2}(?:\.(?:[1-9]\d?))+)(?P<end>)\s+(?P<rest>\S.*)$"), _label,
     "123456789"),
    # "a) Rà soát"; "a. Rà soát" too (a rule asks for the ")"), but only before a capital: "v.v." is no point
    (K.POINT, rx.compile(r"^(?P<lead>[-–+•]\s*)?(?P<num>" + POINT + r")\s*(?P<end>\)|\.(?=\s+\p{Lu}))\s*"
                         r"(?P<rest>.*)$"), _label,
     "-–+•" + POINT_LETTERS),
    (K.BULLET, rx.compile(r"^(?P<mark>[" + BULLET_MARKS + r"])\s*(?P<rest>\S.*)$"), _label, BULLET_MARKS),
    (K.PAGE_NUMBER, rx.compile(r"^-?\s*\d{1,3}\s*-?$"), _none, "-0123456789"),
    (K.DIGITAL_SIGNATURE, rx.compile(r"^(?=.{0,160}$)(?:" + _SIGNED_BY + ")", re.I), _none, "NKĐSDnkđsd"),
    (K.CONTACT, rx.compile(r"^(?=.{0,240}$)" + _CONTACT + r".*?(?:[,;.]\s*|\s)" + _CONTACT, re.I), _none,
     "ĐđDdFfEeWwTtCc"),
    (K.DIGITAL_SIGNATURE, SIGNING_TIME, _none, "TtNnSs0123456789"),
    (K.COPY_FORM, rx.compile(r"^(?:" + _words(tuple(COPY_FORMS)) + r")\s*:?$"), _none, "ST"),
    (K.MARK, MARK_LINE, _none, "(KTHMXLDB"),
]


# The longest line a kind's pattern takes (each pattern says so itself): a longer line, a paragraph of the
# body, is not tried against it (most lines of a plan are such paragraphs, and try every row of their first
# character).
LONGEST: dict[LineKind, int] = {K.COPY_FORM: 30, K.MARK: 60, K.DIGITAL_SIGNATURE: 160, K.CONTACT: 240}


# Head words that begin an agency's name: where a new agency starts in a stacked header.
AGENCY_HEADS = rx.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HỘI\s+ĐỒNG|HĐND|SỞ|BỘ|BAN|PHÒNG|CHÍNH\s+PHỦ|VĂN\s+PHÒNG|CỤC|TỔNG\s+CỤC|"
    r"TRUNG\s+TÂM|CÔNG\s+AN|THANH\s+TRA|KHO\s+BẠC|TRƯỜNG|BỆNH\s+VIỆN|ĐẢNG\s+ỦY|TỈNH\s+ỦY|VIỆN|"
    r"TOÀ\s+ÁN|TÒA\s+ÁN|CHI\s+CỤC|QUỸ|ĐÀI|BÁO|NGÂN\s+HÀNG|BỘ\s+CHỈ\s+HUY|ĐOÀN|LIÊN\s+ĐOÀN)\b"
)

# Positions that close a body and open a signature block when no "Nơi nhận" came first.
POSITIONS = rx.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|TRƯỞNG\s+\p{Lu}+|CHÁNH\s+\p{Lu}+|"
    r"VIỆN\s+TRƯỞNG|CỤC\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|THỦ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|"
    r"BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG)\b"
)

# "BAN HÀNH …" begins a trích yếu, not the agency "BAN …".
_NOT_AN_AGENCY = rx.compile(r"^BAN\s+HÀNH\b")


def names_authority(text: str) -> bool:
    """Does a line in capitals name who enacts ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ NỘI VỤ",
    "CHÍNH PHỦ"), rather than say what about ("QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH …")?"""
    return bool((AGENCY_HEADS.match(text) and not _NOT_AN_AGENCY.match(text)) or POSITIONS.match(text))

# Paragraphs that close a whole document after its last numbered item ("Trên đây là báo cáo …").
CLOSING_PARAGRAPH = rx.compile(r"^(?:Trên\s+đây\s+là|Trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?"
                               r"thực\s+hiện|Rất\s+mong|Vậy,?\s+(?:kính\s+)?(?:đề\s+nghị|báo\s+cáo|trình))", re.I)

PERSON_NAME = rx.compile(r"^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$")
