"""Which expected agency a submission comes from, by the issuer its plan names.

The audit's own matching (issue "The audit a Sở Nội vụ needs": `--expected`, issuer and symbol,
short names) is not built yet; until it is, a collection matches names written either way:
"UBND xã Hưng Nguyên" = "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN" = "xã Hưng Nguyên" (letters folded,
the abbreviations officers write expanded, the "Ủy ban nhân dân" of a commune's name optional).
"""

from __future__ import annotations

import regex as re

from vbhc.textnorm import fold

# Written abbreviations and what they stand for (folded).
ABBREVIATIONS = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "tp": "thanh pho"}
COLLECTIVE = "uy ban nhan dan "  # a commune plan is issued by its People's Committee
MAX_NAME = 200
MAX_AGENCIES = 1000


def key(name: str) -> str:
    """The form two names of one agency share."""
    words = re.sub(r"[^\p{L}\p{N}]+", " ", fold(name)).split()
    text = " ".join(ABBREVIATIONS.get(w, w) for w in words)
    return text.removeprefix(COLLECTIVE)


def parse_expected(text: str) -> list[str]:
    """One agency per line (blank lines and repeats dropped), as typed into the form or a .txt."""
    seen: set[str] = set()
    names = []
    for line in text.splitlines():
        name = " ".join(line.split())[:MAX_NAME]
        if name and key(name) and key(name) not in seen:
            seen.add(key(name))
            names.append(name)
    return names[:MAX_AGENCIES]


CSV_HEADERS = {"ten", "name", "co quan", "ten co quan", "don vi", "ten don vi"}


def csv_names(text: str) -> str:
    """The first column of a .csv, one name a line, without its header line."""
    import csv

    names = [row[0].strip() for row in csv.reader(text.splitlines()) if row]
    if names and fold(names[0]) in CSV_HEADERS:
        names = names[1:]
    return "\n".join(names)


def match(expected: list[str], issuer: str | None) -> str | None:
    """The expected agency the issuer names, or None."""
    if not issuer:
        return None
    wanted = key(issuer)
    return next((name for name in expected if key(name) == wanted), None)
