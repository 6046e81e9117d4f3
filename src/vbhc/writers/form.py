"""The printed form of header and closing fields, as Nghị định 30/2020 writes them.

Shared by the .docx writer and the templates: one place that knows "Số: 05/QĐ-UBND",
"Nghệ An, ngày 05 tháng 02 năm 2026" and "KT. CHỦ TỊCH".
"""

from __future__ import annotations

from vbhc import dates
from vbhc.model import Signature
from vbhc.nd30 import AUTHORITIES, DOC_TYPES, STORAGE_OFFICE

PLACEHOLDER = "…"


def number_text(number: str | int | None) -> str:
    """The number as printed: numbers below 10 take a leading 0 (PL I, mục II.3.c)."""
    if number is None or str(number).strip() == "":
        return ""
    text = str(number).strip()
    return text.zfill(2) if len(text) < 3 and text.isdigit() and int(text) < 10 else text


def symbol_for(doc_type: str, agency_abbr: str, unit_abbr: str | None = None) -> str:
    """The symbol: type abbreviation and agency ("QĐ-UBND"); a công văn's is agency-unit ("UBND-VX")."""
    abbr = DOC_TYPES.get(doc_type)
    if abbr is None:
        return "-".join(x for x in (agency_abbr, unit_abbr) if x)
    return f"{abbr}-{agency_abbr}"


def number_line(number: str | None, symbol: str | None, year: str | None = None) -> str:
    """ "Số: 12/QĐ-UBND"; without a number yet, the văn thư fills the blank: "Số:      /QĐ-UBND"."""
    num = number_text(number) or "     "
    parts = [num] + ([year] if year else []) + [symbol or PLACEHOLDER]
    return "Số: " + "/".join(parts)


def date_line(place: str | None, iso: str | None) -> str:
    return f"{place or PLACEHOLDER}, {dates.words(iso)}"


def signature_lines(sig: Signature) -> list[str]:
    """The lines above the signer's name: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".

    The model's convention (as parse builds it): `on_behalf_of` is the collective after "TM.";
    any other authority prefixes the first position.
    """
    lines: list[str] = []
    if sig.on_behalf_of:
        lines.append(f"TM. {sig.on_behalf_of}")
    for i, position in enumerate(sig.positions):
        if i == 0 and sig.authority and sig.authority in AUTHORITIES and sig.authority != "TM.":
            position = f"{sig.authority} {position}"
        lines.append(position)
    return lines


def recipient_items(recipients: list[str]) -> list[str]:
    """Each recipient on its own line, ending ";" (PL I, mục II.9.d)."""
    out = []
    for item in recipients:
        text = item.strip().lstrip("-–+• ").rstrip(" ;.,")
        if text:
            out.append(text + ";")
    return out


def storage_line(units: str | list[str] | None, copies: str | int | None = None) -> str:
    """ "Lưu: VT, KSTT." or, with the number of copies kept, "Lưu: VT, KSTT (02)."."""
    if units is not None and not isinstance(units, list):  # a data file's `luu: 12` is text too
        units = [u.strip() for u in str(units).split(",")]
    names = [str(u).strip().rstrip(".") for u in (units or []) if u is not None and str(u).strip()]
    names = [n for n in names if n != STORAGE_OFFICE]
    text = ", ".join([STORAGE_OFFICE, *names])
    if copies not in (None, ""):
        text += f" ({number_text(copies)})"
    return f"Lưu: {text}."
