"""The reform areas across years and provinces: their names as data, matched however a plan words them.

The 2021–2030 programme (Nghị quyết 76/NQ-CP) names six areas; the Bộ Nội vụ's index of reform
(Chỉ số CCHC, QĐ 1187/QĐ-BNV) and the 2026 plans rename some ("Chuyển đổi số trong các cơ quan nhà
nước", "Xây dựng và tổ chức thi hành pháp luật"), and most plans add a seventh group, "Công tác chỉ
đạo, điều hành". Each name carries the words that identify it in a heading or a task ("Cải cách thể
chế và TTHC" names two areas); `named(text)` says which areas a text names and under which name, so
that a profile and a plan summary can show it.

Matching is on folded copies (lower case, no diacritics, abbreviations expanded); tried in the
order below, so the general "tuyên truyền" of the seventh group comes last.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vbhc.textnorm import fold

PROGRAMME = "Chương trình tổng thể CCHC 2021–2030 (Nghị quyết 76/NQ-CP)"
INDEX = "Chỉ số CCHC (Quyết định 1187/QĐ-BNV)"
PLANS_2026 = "kế hoạch CCHC năm 2026"
USAGE = "cách gọi thường gặp trong kế hoạch"


@dataclass(frozen=True)
class AreaName:
    area: str  # the id used in profiles and JSON (design.md)
    name: str  # as the source writes it
    source: str
    words: tuple[str, ...]  # any of them names the area


# (area id, canonical title, [(name, source, words)]). The first name of each area is its canonical one.
AREA_NAMES: list[AreaName] = [
    AreaName("the_che", "Cải cách thể chế", PROGRAMME, ("thể chế",)),
    AreaName("the_che", "Xây dựng và tổ chức thi hành pháp luật", PLANS_2026,
             ("xây dựng và tổ chức thi hành pháp luật", "xây dựng và thi hành pháp luật", "thi hành pháp luật")),
    AreaName("tthc", "Cải cách thủ tục hành chính", PROGRAMME, ("thủ tục hành chính",)),
    AreaName("bo_may", "Cải cách tổ chức bộ máy hành chính nhà nước", PROGRAMME,
             ("tổ chức bộ máy", "bộ máy hành chính", "bộ máy nhà nước")),
    AreaName("cong_vu", "Cải cách chế độ công vụ", PROGRAMME, ("chế độ công vụ", "cải cách công vụ")),
    AreaName("tai_chinh_cong", "Cải cách tài chính công", PROGRAMME, ("tài chính công",)),
    AreaName("chinh_quyen_so", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", PROGRAMME,
             ("chính quyền điện tử", "chính quyền số", "chính phủ điện tử", "chính phủ số")),
    AreaName("chinh_quyen_so", "Chuyển đổi số trong các cơ quan nhà nước", INDEX, ("chuyển đổi số",)),
    AreaName("chi_dao_dieu_hanh", "Công tác chỉ đạo, điều hành cải cách hành chính", INDEX,
             ("chỉ đạo, điều hành", "chỉ đạo điều hành")),
    AreaName("chi_dao_dieu_hanh", "Công tác tuyên truyền cải cách hành chính", USAGE, ("tuyên truyền",)),
]

AREA_TITLES: dict[str, str] = {}
for _n in AREA_NAMES:
    AREA_TITLES.setdefault(_n.area, _n.name)
AREA_IDS: list[str] = list(AREA_TITLES)

_FOLDED = [(n, tuple(fold(w) for w in n.words)) for n in AREA_NAMES]


@lru_cache(maxsize=8192)
def named(text: str) -> tuple[AreaName, ...]:
    """Every area `text` names, once each, with the name that matched (in AREA_NAMES order)."""
    from vbhc.profile.keys import expand_abbreviations

    f = fold(expand_abbreviations(text))
    out: dict[str, AreaName] = {}
    for name, words in _FOLDED:
        if name.area not in out and any(w in f for w in words):
            out[name.area] = name
    return tuple(out.values())


def first_named(text: str) -> AreaName | None:
    found = named(text)
    return found[0] if found else None
