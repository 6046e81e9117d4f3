"""Dates, read as officers write them and written as the decree and the reports want them.

Read: "2025-07-25", "25/07/2025", "25/7/2025", "25.7.2025", "25-7-2025", "ngày 25 tháng 7 năm
2025". Written: `words` for the place-date line ("ngày 05 tháng 02 năm 2026": PL I, mục II.4.b),
`cited` for căn cứ and "(Kèm theo …)" ("05/02/2026", "15/7/2025": the same leading zeros), and
`display` for report tables (dd/mm/yyyy, sortable by eye). ISO strings travel in the model.

A draft often leaves the day (or the day and the month) for the văn thư ("ngày … tháng 3 năm 2026"):
`parse_partial` reads such a date as ISO "2026-03" (or "2026"), and `words` and `cited` write it with
the blanks left.
"""

from __future__ import annotations

import datetime as dt

import regex as re

from vbhc import rx
from vbhc.nd30 import LEADING_ZERO_MONTHS

NUMERIC = rx.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
WORDS = rx.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
ANY = rx.compile(NUMERIC.pattern + "|" + WORDS.pattern, re.I)
_ISO = rx.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_ISO_PARTIAL = rx.compile(r"^\s*(?P<year>\d{4})(?:-(?P<month>\d{1,2}))?\s*$")
_GAP = r"[.…_\s]*"
# "3/2026", "…/3/2026", "tháng 3 năm 2026", "ngày … tháng 3 năm 2026"; "năm 2026", "…/…/2026",
# "ngày … tháng … năm 2026": a date whose day (and month) are still blank
_PARTIAL = rx.compile(r"^(?:ngày" + _GAP + r")?(?:[.…_]+\s*/\s*)?(?:tháng\s*)?(?:(?P<month>\d{1,2})|[.…_]*)\s*"
                      r"(?:/|năm)\s*(?P<year>\d{4})$|^năm\s*(?P<year_only>\d{4})$", re.I)
BLANK = "…"


def iso(day: str | int, month: str | int, year: str | int) -> str | None:
    """The ISO date of day, month, year; None when there is no such day (30 February)."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (ValueError, OverflowError):
        return None


def find(text: str) -> str | None:
    """The first date written in a text ("… ngày 15/7/2025 của …"), as ISO; None if none."""
    m = ANY.search(text)
    if not m:
        return None
    day, month, year = (g for g in m.groups() if g is not None)
    return iso(day, month, year)


def parse(value: str | dt.date) -> str | None:
    """A date given by an officer (option, data file, form) as ISO; None if it is not a real date.

    The whole text must be the date: "2025-07-25", "25/07/2025", "ngày 25 tháng 7 năm 2025".
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        return iso(m.group(3), m.group(2), m.group(1))
    m = ANY.fullmatch(text.rstrip("."))
    if not m:
        return None
    day, month, year = (g for g in m.groups() if g is not None)
    return iso(day, month, year)


def parse_partial(value: str | dt.date) -> str | None:
    """A date whose day, or day and month, are left blank, as ISO "2026-03" or "2026"; None for
    anything else (a whole date included: `parse` reads those)."""
    if isinstance(value, dt.date):
        return None
    text = " ".join(str(value).split()).rstrip(".")
    m = _ISO_PARTIAL.match(text) or _PARTIAL.match(text)
    if not m:
        return None
    year = str(m.group("year") or m.groupdict().get("year_only"))
    month = m.group("month")
    if month is None:
        return f"{int(year):04d}"
    return f"{int(year):04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None


def _parts(value: str) -> tuple[str, str, int | str]:
    partial = _ISO_PARTIAL.match(value)
    if partial:
        month_number = int(partial["month"]) if partial["month"] else None
        year: int | str = int(partial["year"])
        day = BLANK
    else:
        d = dt.date.fromisoformat(value)
        year, month_number, day = d.year, d.month, f"{d.day:02d}"
    if month_number is None:
        return day, BLANK, year
    month = f"{month_number:02d}" if month_number in LEADING_ZERO_MONTHS else str(month_number)
    return day, month, year


def words(value: str | None) -> str:
    """"ngày 05 tháng 02 năm 2026": day < 10 and months 1, 2 take a leading 0 (PL I, mục II.4.b);
    "ngày … tháng 3 năm 2026" for a month whose day is blank."""
    if not value:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    day, month, year = _parts(value)
    return f"ngày {day} tháng {month} năm {year}"


def cited(value: str | None) -> str:
    """"15/7/2025", "05/02/2026": a date as căn cứ and "(Kèm theo …)" lines cite it."""
    if not value:
        return BLANK
    day, month, year = _parts(value)
    return f"{day}/{month}/{year}"


def display(value: object) -> str:
    """"15/07/2025" for report tables; "—" for no date; anything not ISO is shown as it is."""
    if not value:
        return "—"
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    return text
