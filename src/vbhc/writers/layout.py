"""What each part of a generated document shows, line by line, as Phụ lục I lays it out.

One description for both writers: the .docx writer sets each line in its place with its look
(`nd30.WRITER_LOOK`), the Markdown writer prints the same lines in reading order, so that
`vbhc new -o x.md` shows what the .docx shows without writing it and reading it back.
"""

from __future__ import annotations

from dataclasses import dataclass

from vbhc import nd30
from vbhc.dates import cited as date_short
from vbhc.model import Document, Signature
from vbhc.writers.form import date_line, number_line, number_text, recipient_items, signature_lines

ISSUER_PLACEHOLDER = "TÊN CƠ QUAN, TỔ CHỨC"
KINH_GUI = "Kính gửi:"
SIGNING_SPACE_LINES = 4  # empty lines between the position and the signer's name, for the signature


@dataclass(frozen=True)
class Line:
    """One printed line (it may hold line breaks) with the look it is printed in."""

    text: str
    look: str  # a key of nd30.WRITER_LOOK
    before: float = 0  # space before, in points


Cell = list[Line]


def attached(doc: Document, index: int) -> bool:
    """An attached document (a plan issued by the decision before it) has no number row."""
    return bool(doc.attached_to) and index > 0


def header_rows(doc: Document, index: int) -> list[tuple[Cell, Cell]]:
    """The header table's rows as (left cell, right cell): agency | Quốc hiệu and Tiêu ngữ, then
    number (and V/v) | place and date. The rules under the agency and the Tiêu ngữ are the .docx
    writer's business. A Phụ lục has no header (PL III, Mẫu 2.1); a Biên bản no place and date (Mẫu 1.9)."""
    if doc.is_appendix:
        return []
    left: Cell = []
    if doc.parent_issuer:
        left.append(Line(doc.parent_issuer.upper(), "parent_agency"))
    left.append(Line((doc.issuer or ISSUER_PLACEHOLDER).upper(), "agency"))
    rows = [(left, [Line(nd30.QUOC_HIEU, "quoc_hieu"), Line(nd30.TIEU_NGU, "tieu_ngu")])]
    if attached(doc, index):
        return rows
    number: Cell = [Line(number_line(doc.number, doc.symbol, doc.year), "so_ky_hieu", before=4)]
    if doc.doc_type == "Công văn" and doc.title:
        number.append(Line(f"V/v {doc.title}", "vv", before=6))  # PL I, mục II.5.b: 6 pt under the number
    when = date_line(doc.place, doc.date) if (doc.place or doc.date) else (doc.date_raw or date_line(None, None))
    if doc.doc_type in nd30.UNDATED_TYPES and not (doc.place or doc.date or doc.date_raw):
        when = ""
    rows.append((number, [Line(when, "place_date", before=4)]))
    return rows


def type_line(doc: Document) -> str | None:
    """The type name as printed ("QUYẾT ĐỊNH"); a công văn has none; "Phụ lục II" keeps its lower case
    (PL I, mục III.1.b)."""
    if doc.doc_type == "Công văn":
        return None
    if doc.is_appendix and doc.type_line:
        return doc.type_line
    return (doc.type_line or (doc.doc_type or "").upper()).upper()


def kinh_gui_lines(items: list[str]) -> list[str]:
    """ "Kính gửi: Sở Nội vụ." on one line, or the label then one "- …;" line per recipient."""
    if len(items) == 1:
        return [f"{KINH_GUI} {items[0].rstrip(';. ')}.".replace("..", ".")]
    out = [KINH_GUI]
    for i, item in enumerate(items):
        text = item.strip().lstrip("-–+• ").rstrip(" ;.")
        out.append(f"- {text}{'.' if i == len(items) - 1 else ';'}")
    return out


def has_closing(doc: Document) -> bool:
    return doc.signature is not None or bool(doc.recipients) or bool(doc.storage)


def recipients_cell(doc: Document) -> list[str]:
    """Nơi nhận, its items and the Lưu line, each as printed; empty when the document has none."""
    if not (doc.recipients or doc.storage):
        return []
    out = [doc.recipients_label or nd30.NOI_NHAN]
    out += [f"- {item}" for item in recipient_items(doc.recipients)]
    if doc.storage:
        storage = doc.storage.strip().lstrip("-–+• ")
        out.append(f"- {storage if storage.endswith('.') else storage + '.'}")
    return out


def signature_cell(doc: Document) -> tuple[list[str], str] | None:
    """(the authority and position lines in capitals, the signer's name), or None."""
    sig = doc.signature
    if sig is None:
        return None
    return signing_block(sig)


def signing_block(sig: Signature) -> tuple[list[str], str]:
    """One signature's lines above the name, in capitals, and the name."""
    return [line.upper() for line in signature_lines(sig)], sig.signer or ""


# --- how a document cites an agency and the decision it is attached to ---------------------------

ADMIN_UNITS = ("TỈNH", "THÀNH PHỐ", "XÃ", "PHƯỜNG", "ĐẶC KHU", "HUYỆN", "QUẬN", "THỊ XÃ", "THỊ TRẤN")
_CAPITALISED_HEADS = ("Sở", "Bộ", "Ban", "Phòng", "Cục", "Viện", "Trung")


def agency_in_text(name: str) -> str:
    """An agency's name as a sentence cites it: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" → "Ủy ban nhân dân
    tỉnh Nghệ An", "SỞ NỘI VỤ" → "Sở Nội vụ". Names not in capitals are kept as written."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    words = name.split(" ")
    out: list[str] = []
    i = 0
    place = False
    while i < len(words):
        two = " ".join(words[i:i + 2])
        unit = two if two in ADMIN_UNITS else (words[i] if words[i] in ADMIN_UNITS else None)
        if unit and not place:
            out.append(unit.lower())
            i += len(unit.split(" "))
            place = True
            continue
        w = words[i]
        # after the place, every word is a name; before it, only the first and, after "Sở", "Bộ" …,
        # the field ("Sở Nội vụ", "Bộ Tư pháp")
        capital = place or not out or (len(out) == 1 and out[0] in _CAPITALISED_HEADS)
        out.append(w[:1] + w[1:].lower() if capital else w.lower())
        i += 1
    return " ".join(out)


def kem_theo_line(decision: Document) -> str:
    """ "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2026 của Ủy ban nhân dân tỉnh Nghệ An)"."""
    number = number_text(decision.number) or "…"
    who = agency_in_text(decision.issuer or "…")
    return (f"(Kèm theo {decision.doc_type or 'Quyết định'} số {number}/{decision.symbol or '…'} "
            f"ngày {date_short(decision.date)} của {who})")
