"""One grammar for a cited document, as officers write it in căn cứ, "Thực hiện …" and "(Kèm theo …)".

    "Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh Nghệ An về …"
    "Kế hoạch số 9669/KH-UBND ngày 24/12/2025", "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020"
    "Công văn số 3798/SNV-CCHC&VTLT", "2228/QĐ-UBND ngày 15 tháng 7 năm 2025"

The type name, "số", the year inside the reference, the date and the issuer ("của …") are each
optional; the number and the symbol are not. `find_all(text)` gives every citation of a text as a
typed `Citation` with its span, so that the rule about "số" and the plan rules read the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from vbhc import dates, nd30, rx

# Type names that are cited with a number ("Luật" too: "Luật số 80/2015/QH13").
CITABLE_TYPES: tuple[str, ...] = tuple(sorted(
    {*(k for k in nd30.DOC_TYPES if k != "Thư công"), *nd30.LEGAL_TYPES, "Công văn", "Văn bản"},
    key=lambda t: (-len(t), t)))

# Words that end an issuer: what follows "của UBND tỉnh Nghệ An" is the document's subject.
_ISSUER_END = ("về", "ban hành", "phê duyệt", "quy định", "hướng dẫn", "triển khai", "thực hiện", "việc",
               "tại", "theo", "và", "năm", "giai đoạn", "đã", "trong", "đối với")

_TYPE = (r"(?:(?<![\p{L}])(?i:(?P<type>" + "|".join(re.escape(t) for t in CITABLE_TYPES) + r")\s+"
         r"(?:(?P<so>số|so)\s*:?\s*)?))?")
_REF = (r"(?<![\p{L}\d/])(?P<num>\d{1,6})\s*/\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?"
        r"(?P<sym>[\p{Lu}Đ][\p{L}\d&]*(?:\s?[\-–]\s?[\p{L}\d&]+)*)")
_DATE = r"(?:\s*,?\s*(?i:(?:ngày|ngay)\s+)?(?P<date>(?i:" + dates.ANY.pattern + ")))?"
_ISSUER = (r"(?:\s*,?\s+(?i:của)\s+(?P<issuer>(?:(?!\s(?:" + "|".join(_ISSUER_END) + r")\b)[^,;.()\n:“”\"])"
           r"{2,120}))?")
PATTERN = rx.compile(_TYPE + _REF + _DATE + _ISSUER)
_SPACES = rx.compile(r"\s+")


@dataclass(frozen=True)
class Citation:
    """One cited document. `date` is ISO; `text` is the cited span as written, `start`/`end` its place."""

    number: str
    symbol: str  # "QĐ-UBND", "NĐ-CP" (without the year), spaces removed
    year: str | None = None  # "2020" in "30/2020/NĐ-CP"
    doc_type: str | None = None  # "Quyết định" as written; None when the reference stands alone
    date: str | None = None
    issuer: str | None = None  # "UBND tỉnh Nghệ An"
    has_so: bool = False  # the word "số" is written before the number
    text: str = ""
    head: str = ""  # the span up to the end of the symbol: "Quyết định số 2228/QĐ-UBND"
    start: int = 0
    end: int = 0

    @property
    def ref(self) -> str:
        """"2228/QĐ-UBND", "30/2020/NĐ-CP"."""
        return f"{self.number}/{self.year}/{self.symbol}" if self.year else f"{self.number}/{self.symbol}"

    def cite(self) -> str:
        """"2228/QĐ-UBND ngày 15/7/2025": the reference and the date as the plan rules compare them."""
        if not self.date:
            return self.ref
        y, m, d = self.date.split("-")
        return f"{self.ref} ngày {int(d)}/{int(m)}/{y}"


def _date(m: re.Match[str]) -> str | None:
    raw = m.group("date")
    return dates.find(raw) if raw else None


def _issuer(raw: str | None) -> str | None:
    if not raw:
        return None
    issuer = _SPACES.sub(" ", raw).strip(" -–")
    return issuer if any(ch.isupper() for ch in issuer[:1]) or issuer.lower().startswith(("ủy", "uỷ")) else None


def find_all(text: str) -> list[Citation]:
    """Every citation in `text`, in order."""
    if "/" not in text:  # every citation has "number/symbol": most lines need no regex at all
        return []
    out = []
    for m in PATTERN.finditer(text):
        doc_type = m.group("type")
        out.append(Citation(
            number=m.group("num"), symbol=_SPACES.sub("", m.group("sym")).replace("–", "-"), year=m.group("year"),
            doc_type=_canonical_type(doc_type) if doc_type else None, date=_date(m),
            issuer=_issuer(m.group("issuer")), has_so=bool(m.group("so")),
            text=m.group(0), head=text[m.start():m.end("sym")], start=m.start(), end=m.end()))
    return out


def first(text: str) -> Citation | None:
    found = find_all(text)
    return found[0] if found else None


_TYPE_BY_LOWER = {t.lower(): t for t in CITABLE_TYPES}


def _canonical_type(written: str) -> str:
    """"quyết định" → "Quyết định": the type name as the decree spells it."""
    return _TYPE_BY_LOWER.get(_SPACES.sub(" ", written).lower(), written)
