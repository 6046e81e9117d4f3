"""Kinds of sub-plan, and the level of the agency that issues one.

A unit's own CCHC plan ("Kế hoạch cải cách hành chính năm 2026 của Sở Tư pháp") answers the whole
parent: every area, every target. A thematic plan implements one part of it ("Kế hoạch kiểm tra
công tác CCHC", "… phát động phong trào thi đua …", "… tuyên truyền CCHC", "… chuyển đổi số …"):
it is not asked to cover the areas or restate the targets. Which one a plan is, is read from what
its title is about (the words at its head, after "thực hiện", "triển khai", "công tác" …), then
from its own sections ("NỘI DUNG KIỂM TRA", "ĐỐI TƯỢNG THI ĐUA"); a plan that says neither is
taken as a full plan. The officer can say otherwise (`vbhc check --kind`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vbhc import rx
from vbhc.model import Document
from vbhc.textnorm import fold, letters_of

# Theme id → (what it is called in a message, words that make a title or a section about it).
THEMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "kiem_tra": ("kiểm tra", ("kiểm tra", "tự kiểm tra", "thanh tra")),
    "thi_dua": ("thi đua, khen thưởng", ("thi đua", "khen thưởng")),
    "tuyen_truyen": ("tuyên truyền", ("tuyên truyền", "thông tin, tuyên truyền", "phổ biến")),
    "chuyen_doi_so": ("chuyển đổi số", ("chuyển đổi số", "chính quyền số", "chính quyền điện tử",
                                        "ứng dụng công nghệ")),
    "tthc": ("thủ tục hành chính", ("rà soát", "kiểm soát thủ tục hành chính", "đơn giản hóa", "một cửa",
                                    "thủ tục hành chính")),
    "dao_tao": ("đào tạo, bồi dưỡng", ("đào tạo", "bồi dưỡng")),
    "chi_so": ("nâng cao chỉ số", ("nâng cao chỉ số", "cải thiện chỉ số", "chỉ số cải cách hành chính", "par index",
                                   "sipas", "papi")),
    "the_che": ("pháp luật", ("theo dõi thi hành pháp luật", "phổ biến, giáo dục pháp luật", "kiểm tra văn bản")),
}
# Words a title opens with that say nothing of its subject.
_LEAD = rx.compile(r"^(?:(?:ke hoach|thuc hien|trien khai|to chuc|cong tac|phat dong|phong trao|ban hanh|"
                   r"xay dung|day manh|tang cuong|ve viec|ve)\b[\s,:“”\"]*)+")
_REFORM = rx.compile(r"^(?:cai cach hanh chinh|cchc)\b")
# Sections only a thematic plan has.
_THEMATIC_SECTIONS: dict[str, tuple[str, ...]] = {
    "kiem_tra": ("noi dung kiem tra", "doan kiem tra", "phuong phap kiem tra", "don vi duoc kiem tra"),
    "thi_dua": ("doi tuong thi dua", "noi dung thi dua", "chi tieu thi dua", "hinh thuc khen thuong"),
    "tuyen_truyen": ("noi dung tuyen truyen", "hinh thuc tuyen truyen"),
}


@dataclass(frozen=True)
class Kind:
    kind: str  # "full" | "thematic"
    theme: str | None = None
    told: bool = False
    reason: str | None = None  # in Vietnamese, for the officer


def _head(title: str) -> str:
    from vbhc.profile.keys import expand_abbreviations

    return _LEAD.sub("", fold(expand_abbreviations(title)))


def theme_of_title(title: str | None) -> str | None:
    """The theme a title is about, or None for a reform plan of its own (or no title)."""
    if not title:
        return None
    head = _head(title)
    if _REFORM.match(head):
        return None
    words = " ".join(head.split()[:6])
    for theme, (_name, cues) in THEMES.items():
        if any(words.startswith(fold(c)) or f" {fold(c)}" in f" {words}"[:40] for c in cues):
            return theme
    return None


def theme_of_sections(doc: Document) -> str | None:
    for node in doc.body:
        title = fold(node.heading or node.text or "")
        for theme, cues in _THEMATIC_SECTIONS.items():
            if any(cue in title for cue in cues):
                return theme
    return None


def kind_of(doc: Document, told: str | None = None) -> Kind:
    """The plan's kind: as told (`--kind full|thematic`), else read from its title, then its sections."""
    if told:
        theme = theme_of_title(doc.title) or theme_of_sections(doc) if told == "thematic" else None
        return Kind(told, theme, told=True, reason="do người kiểm tra chỉ định (--kind)")
    theme = theme_of_title(doc.title)
    if theme:
        return Kind("thematic", theme, reason=f"tên kế hoạch “{doc.title}” là kế hoạch {THEMES[theme][0]}")
    theme = theme_of_sections(doc)
    if theme:
        return Kind("thematic", theme, reason=f"kế hoạch có mục riêng của kế hoạch {THEMES[theme][0]}")
    return Kind("full", reason="kế hoạch cải cách hành chính của cơ quan" if doc.title else
                "không rõ tên kế hoạch: coi là kế hoạch cải cách hành chính của cơ quan")


# --- levels ------------------------------------------------------------------------------------

_COMMUNE = rx.compile(r"\b(?:xa|phuong|dac khu|thi tran)\b")
_PROVINCE = rx.compile(r"^(?:uy ban nhan dan|ubnd|chu tich uy ban nhan dan)\s+(?:tinh|thanh pho)\b")


def level_of(issuer: str | None) -> str | None:
    """"tinh" (UBND tỉnh / thành phố), "xa" (xã, phường, đặc khu), "so" (a department or another agency)."""
    if not issuer:
        return None
    f = fold(issuer.replace("\n", " "))
    if _PROVINCE.match(f):
        return "tinh"
    if _COMMUNE.search(f):
        return "xa"
    return "so"


# --- the province an agency belongs to ----------------------------------------------------------------

# The cities run by the centre (Nghị quyết 202/2025/QH15, from 1 July 2025): "UBND THÀNH PHỐ HÀ NỘI" is a
# province's; "UBND THÀNH PHỐ VINH" (a city of a province until 2025) names no province.
CENTRAL_CITIES = frozenset({"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"})
_NAMED_PROVINCE = rx.compile(r"(?i:\b(?P<level>tỉnh|tinh|thành phố|thanh pho))\s+(?!(?i:ủy|uỷ|uy)\b)"
                             r"(?P<name>\p{L}+(?:\s*[\-–]\s*\p{L}+|\s+\p{L}+){0,3})\s*$")
# Words no province's name holds: a line that runs on into an agency ("UBND TỈNH NGHỆ AN SỞ Y TẾ") names none.
_AGENCY_WORDS = rx.compile(r"\b(?:so|ban|cuc|bo|hoi|doan|uy|ubnd|van phong|chi cuc|trung tam)\b")
_WRAPPED_AFTER_LEVEL = rx.compile(r"(?i:\b(tỉnh|thành phố))\s*\n\s*")


def province_of(headers: Iterable[str | None]) -> str | None:
    """"tỉnh Lâm Đồng", "thành phố Hà Nội": the province an agency's header lines name at their end ("UBND
    TỈNH LÂM ĐỒNG", "SỞ Y TẾ TỈNH NGHỆ AN"), or None when they name none (a department's line alone, a
    commune, a ministry, "BAN CHỈ ĐẠO … TỈNH")."""
    for header in headers:
        for line in _WRAPPED_AFTER_LEVEL.sub(r"\1 ", header or "").splitlines():
            m = _NAMED_PROVINCE.search(line.strip())
            if m is None:
                continue
            name = " ".join(m["name"].split())
            if _AGENCY_WORDS.search(fold(name)):
                continue
            city = fold(m["level"]) == "thanh pho"
            if city and fold(name) not in CENTRAL_CITIES:
                continue
            return f"{'thành phố' if city else 'tỉnh'} {name.title() if name.isupper() else name}"
    return None


def same_province(a: str, b: str) -> bool:
    """The same province however it is spelled: spaces, hyphens, tone marks and case aside."""
    return letters_of(a) == letters_of(b)
