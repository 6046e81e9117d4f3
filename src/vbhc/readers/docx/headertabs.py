"""A header laid out with tab stops in plain paragraphs, read as the two columns it shows.

Some offices type the header without a table: "UBND TỈNH LÂM ĐỒNG<tab>CỘNG HÒA XÃ HỘI CHỦ
NGHĨA VIỆT NAM" in one paragraph, "Số: 12/SNV-VP<tab>Lâm Đồng, ngày …" in the next. The parser
keeps the two header columns apart by `Block.column`, as a borderless two-column header table
gives them, so such a line is cut at its wide tab into a left block (column 0) and a right one
(column 1). The walker does it only in the header area (the paragraphs at the start of the body,
before the first one not laid out this way; under a header table, only a line that goes on with the header:
"Số: …<tab>Hưng Nguyên, ngày …") and in a closing laid out the same way ("Nơi nhận:<tab>TM.
ỦY BAN NHÂN DÂN", from that line on); a tab anywhere else is kept as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vbhc import nd30
from vbhc.textnorm import letters_of

if TYPE_CHECKING:
    from vbhc.readers.docx.walker import Piece

_NOI_NHAN = nd30.NOI_NHAN.rstrip(":").lower()
FAR_STOP = 0.4  # a custom tab stop this far across the text width leads into the right column
MIN_TABS = 2  # or this many tab characters in a row (default stops are 12.7 mm apart)
_BLANK = " \t\xa0"


def far_stop(style: dict[str, Any], direct: dict[str, Any], width_twips: int) -> bool:
    """Whether the paragraph has a custom tab stop in the right part of the text width: its
    style's stops (less those the paragraph clears) and its own."""
    cleared = set(direct.get("tabs_cleared", ()))
    stops = [pos for pos in style.get("tabs", ()) if pos not in cleared] + list(direct.get("tabs", ()))
    return any(pos >= FAR_STOP * width_twips for pos in stops)


def split(pieces: list[Piece], far: bool) -> tuple[list[Piece], list[Piece]] | None:
    """(left, right) pieces of a line laid out by a wide tab: two runs of text with only tabs and
    spaces between them; left is empty for a line in the right column only. None otherwise. Tabs
    before the left text lead it to a centred stop of its own ("<tab>UBND XÃ<tab>CỘNG HÒA …")."""
    text = "".join(pc.text for pc in pieces)
    lead = len(text) - len(text.lstrip(_BLANK))
    first, last = text.find("\t", lead), text.rfind("\t")
    if first < 0:  # tabs only before the text: a line of the right column alone
        first = text.find("\t")
    if first < 0 or not text[last + 1:].strip(_BLANK) or text[first:last + 1].strip(_BLANK):
        return None
    if not far and text.count("\t", first, last + 1) < MIN_TABS:
        return None
    left = [] if not text[:first].strip(_BLANK) else _slice(pieces, lead, len(text[:first].rstrip(_BLANK)))
    right_start = len(text) - len(text[last + 1:].lstrip(_BLANK))
    return left, _slice(pieces, right_start, len(text))


def _slice(pieces: list[Piece], start: int, end: int) -> list[Piece]:
    """The pieces covering characters start…end of their joined text, cut at both ends."""
    out = []
    pos = 0
    for pc in pieces:
        lo, hi = max(start, pos), min(end, pos + len(pc.text))
        if lo < hi:
            out.append(type(pc)(pc.text[lo - pos:hi - pos], pc.rpr))
        pos += len(pc.text)
    return out


def continues_header(left: list[str], right: list[str]) -> bool:
    """A line laid out with tabs under a header table that goes on with the header: "Số: 15/KH-UBND" or "V/v …"
    on the left, or a place and date ("Hưng Nguyên, ngày 05 tháng 02 năm 2026") on the right. Any other line
    there ("Kính gửi:<tab>Sở Tài chính") is the body's."""
    return any(t.strip().lower().startswith(_HEADER_LEFT) for t in left) or any(
        all(word in t.lower() for word in _DATE_WORDS) for t in right)


_HEADER_LEFT = ("số:", "số ", "v/v")
_DATE_WORDS = ("ngày", "tháng", "năm")


def opens_closing(left: list[str], right: list[str]) -> bool:
    """A line laid out with tabs that begins a closing: "Nơi nhận:" on the left, or a signing authority
    ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") on the right."""
    return any(t.strip().lower().startswith(_NOI_NHAN) for t in left) or any(
        t.strip().upper().startswith(nd30.AUTHORITIES) for t in right)


_QUOC_HIEU_LETTERS = letters_of(nd30.QUOC_HIEU)
FRAME_LOOK = 600  # characters read from a one-cell table's start: the header sits in its first lines


def holds_quoc_hieu(text: str) -> bool:
    """Whether a text holds the Quốc hiệu, whatever its case, tones or spacing: a one-cell table whose first
    lines do frames the whole document (a border drawn around it with a table), it is no table of the body."""
    return _QUOC_HIEU_LETTERS in letters_of(text)

