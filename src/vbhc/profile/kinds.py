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

from dataclasses import dataclass

from vbhc import rx
from vbhc.model import Document
from vbhc.textnorm import fold

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
