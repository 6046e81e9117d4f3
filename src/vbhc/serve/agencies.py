"""The agencies a collection expects, as the officer gives them: typed one per line, and/or a list
uploaded as `vbhc audit --expected` reads it (.txt one per line, .csv or .yaml with a name and
optionally the short name its symbols use and its level). Reading and matching are the audit's
(`vbhc.audit.agencies`); what the form adds: repeats dropped rather than refused (an officer may
type an agency and upload a list that names it too), and bounds on what is kept.
"""

from __future__ import annotations

import dataclasses

from vbhc.audit.agencies import READERS, Agency
from vbhc.audit.errors import AuditError

MAX_NAME = 200
MAX_AGENCIES = 1000
TYPED = "danh sách cơ quan đã nhập"  # how an error names the typed list


def _read(text: str, source: str) -> list[Agency]:
    """The agencies of a list; ValueError (the audit's Vietnamese reason) when it cannot be used."""
    suffix = next((s for s in READERS if source.lower().endswith(s)), ".txt")
    try:
        return READERS[suffix](text, source)
    except AuditError as exc:
        raise ValueError(exc.message) from None


def _bounded(agency: Agency) -> Agency:
    return dataclasses.replace(agency, name=agency.name[:MAX_NAME], short=(agency.short or "")[:MAX_NAME] or None)


def expected_agencies(typed: str, listed: str = "", listed_name: str = "") -> list[Agency]:
    """The typed agencies, then the uploaded list's (`listed`, from the file `listed_name`), each
    once (by the audit's matching key), at most MAX_AGENCIES."""
    found = _read(typed, TYPED) if typed.strip() else []
    if listed.strip():
        found += _read(listed, listed_name or "danh sách cơ quan")
    seen: set[str] = set()
    out = []
    for agency in map(_bounded, found):
        if agency.key not in seen:
            seen.add(agency.key)
            out.append(agency)
    return out[:MAX_AGENCIES]
