"""First pass: say what each block is from its own text (a block that runs printed lines together is cut into them:
`run_together`); only the lines of a digital signature's stamp and of the agency's contacts are judged by their
neighbours (`mark_digital_signatures`, `mark_contacts`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import regex as re

from vbhc import rx
from vbhc.model import Block, Fields, Line, LineKind, TypeNameField
from vbhc.nd30 import QUOC_HIEU, TIEU_NGU
from vbhc.parse.patterns import (
    ADDRESS_FIRST,
    CONTACT_LABEL,
    CONTACT_LINE,
    DIGITAL_SIGNATURE_DETAIL,
    DIGITAL_SIGNATURE_LINE_MAX,
    DIGITAL_SIGNATURE_REACH,
    LINE_PATTERNS,
    LONGEST,
    SIGNING_TIME,
    TYPE_NAMES_FOLDED,
    TYPE_RUNNING_ON,
    TYPE_WITH_QUALIFIER,
)
from vbhc.textnorm import fold, is_upper, letters_of

_LETTERS_ONLY = rx.compile(r"[^a-z]")
MOTTO_KINDS = (LineKind.QUOC_HIEU, LineKind.TIEU_NGU)  # the lines that head every document: its own header
_QH = _LETTERS_ONLY.sub("", fold(QUOC_HIEU))
_TN = _LETTERS_ONLY.sub("", fold(TIEU_NGU))


Row = tuple[LineKind, re.Pattern[str], Callable[[re.Match[str]], Fields | None], str | None]
# The rows of the table a line beginning with a given character, and of a length past so many of the
# kinds' longest (`LONGEST`), can match, in the table's order.
_ROWS_BY_FIRST: dict[tuple[str, int], list[Row]] = {}
_LIMITS = sorted(set(LONGEST.values()))
# Quốc hiệu and Tiêu ngữ are matched on their letters alone (any spacing, case, tone marks): only a
# line of about their length whose first letter folds to "c" or "d" is folded to be compared.
_FOLDED_LENGTHS = range(len(TIEU_NGU) - 10, len(QUOC_HIEU) + 25)


def _rows_for(first: str, length: int) -> list[Row]:
    over = bisect_left(_LIMITS, length)  # how many of the kinds' longest lengths this line passes
    rows = _ROWS_BY_FIRST.get((first, over))
    if rows is None:
        floor = _LIMITS[over - 1] if over else 0
        rows = _ROWS_BY_FIRST[(first, over)] = [row for row in LINE_PATTERNS if (row[3] is None or first in row[3])
                                                and LONGEST.get(row[0], floor + 1) > floor]
    return rows


def _motto_or_national_title(t: str) -> LineKind | None:
    if len(t) not in _FOLDED_LENGTHS:
        return None
    first = next((ch for ch in t if ch.isalpha()), "")
    if fold(first) not in ("c", "d"):
        return None
    letters = _LETTERS_ONLY.sub("", fold(t))
    return LineKind.QUOC_HIEU if letters == _QH else LineKind.TIEU_NGU if letters == _TN else None


def classify_text(text: str, rows: list[Row] | None = None) -> tuple[LineKind, Fields | None]:
    """The kind of one line of text and the fields its pattern pulled out.

    `rows` is for tests: the whole table, to check that trying only a first character's rows
    classifies every line as trying them all would."""
    t = text.strip()
    heading = _motto_or_national_title(t)
    if heading is not None:
        return heading, None
    for kind, pattern, read, _first in (rows if rows is not None else _rows_for(t[:1], len(t))):
        m = pattern.match(t)
        if m:
            return kind, read(m)
    if is_upper(t):
        doc_type = TYPE_NAMES_FOLDED.get(fold(t))
        if doc_type:
            return LineKind.TYPE_NAME, TypeNameField(doc_type)
        for qualified in (TYPE_WITH_QUALIFIER, TYPE_RUNNING_ON):
            m = qualified.match(t)
            doc_type = TYPE_NAMES_FOLDED.get(fold(m["type"])) if m else None
            if m and doc_type:
                return LineKind.TYPE_NAME, TypeNameField(doc_type, rest=m["rest"])
        return LineKind.CAPS, None
    return LineKind.TEXT, None


def classify(blocks: list[Block]) -> list[Line]:
    """One Line per body block (or per piece of a block that runs lines together), in order; page headers and
    footers are left out (`pages` takes back a page header that holds the document's header)."""
    lines = []
    for i, block in enumerate(blocks):
        if block.part != "body" or not block.text.strip():
            continue
        kind, fields = classify_text(block.text)
        pieces = run_together(block.text, kind) if kind in _RUN_TOGETHER_KINDS else None
        if pieces is None:
            lines.append(Line(index=i, kind=kind, fields=fields, text=block.text.strip()))
            continue
        for piece in pieces:
            k, f = classify_text(piece)
            lines.append(Line(index=i, kind=k, fields=f, text=piece))
    mark_digital_signatures(lines, blocks)
    mark_contacts(lines)
    return lines


# Two components printed one under the other, run together in one paragraph: the kind the whole line reads as, a
# pattern that cuts it in two, and what its first and second pieces must read as for the cut to stand (None: the
# pattern is enough).
_CUTS: tuple[tuple[LineKind, re.Pattern[str], tuple[LineKind, ...] | None, tuple[LineKind, ...] | None], ...] = (
    # "Số: /UBND-NCKSTTHC V/v gia hạn …", "Số: 3310/KH-STC Nghệ An, ngày …"
    (LineKind.SO_KY_HIEU, rx.compile(r"^(?P<first>Số\b.*?/\S+)\s+(?P<second>\S.*)$"), None,
     (LineKind.VV, LineKind.PLACE_DATE)),
    # "Nghệ An, ngày 29 tháng 7 năm 2025 KẾ HOẠCH"
    (LineKind.TEXT, rx.compile(r"^(?P<first>[^,]{2,40},\s*ngày\b.*?\bnăm\s+\d{4})\s+(?P<second>\S.*)$"),
     (LineKind.PLACE_DATE,), (LineKind.TYPE_NAME,)),
    # "KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG": the signing authority and the deputy's position under it
    (LineKind.AUTHORITY, rx.compile(r"^(?P<first>KT\.\s*(?P<head>\S.*?))\s+(?P<second>PHÓ\s+(?P=head))\s*$"), None,
     None),
)
_CUTS_OF: dict[LineKind, list[tuple[re.Pattern[str], tuple[LineKind, ...] | None, tuple[LineKind, ...] | None]]] = {}
for _whole, _pattern, _first, _second in _CUTS:
    _CUTS_OF.setdefault(_whole, []).append((_pattern, _first, _second))
_RUN_TOGETHER_KINDS = {LineKind.TEXT, LineKind.CAPS, *_CUTS_OF}


def run_together(text: str, kind: LineKind) -> list[str] | None:
    """A paragraph that holds lines printed one under the other, run together (a .docx made from a PDF joins each
    block's lines), read as `kind`: its pieces; None for any other line. The Quốc hiệu with the agency in
    capitals before it and the Tiêu ngữ after it ("CỘNG HÒA … VIỆT NAMĐộc lập - Tự do - Hạnh phúc", "BỘ TƯ PHÁP
    CỘNG HÒA … VIỆT NAM"), found by its letters (any tone marks, spacing, "Ð"); the pairs of `_CUTS`."""
    if "NAM" in text and kind in (LineKind.TEXT, LineKind.CAPS):
        pieces = _around_quoc_hieu(text)
        if pieces:
            return pieces
    cuts = _CUTS_OF.get(kind)
    if cuts is None or (kind == LineKind.TEXT and not ("ngày" in text and "năm" in text)):
        return None
    for pattern, first_kinds, second_kinds in cuts:
        m = pattern.match(text.strip())
        if m is None:
            continue
        first, second = m["first"].strip(), m["second"].strip()
        if (first_kinds is None or classify_text(first)[0] in first_kinds) and (
                second_kinds is None or classify_text(second)[0] in second_kinds):
            return [first, second]
    return None


def _around_quoc_hieu(text: str) -> list[str] | None:
    where = [(k, letters_of(ch)) for k, ch in enumerate(text)]
    letters = "".join(got for _k, got in where)
    start = letters.find(_QH)
    if start < 0 or letters == _QH:
        return None
    spots = [k for k, got in where for _ in got]  # the text index of each letter
    qh_from, qh_to = spots[start], spots[start + len(_QH) - 1] + 1
    before, title, after = text[:qh_from].strip(), text[qh_from:qh_to].strip(), text[qh_to:].strip()
    if letters[start + len(_QH):] not in ("", _TN) or (before and not is_upper(before)):
        return None
    return [piece for piece in (before, title, after) if piece]


def mark_contacts(lines: list[Line]) -> None:
    """Runs of lines that begin with a contact label ("ĐT:", "E-mail:") and hold two labels together are the
    agency's contacts (ô số 13), with the address line before them ("Số 3 đường Trường Thi, …")."""
    starts = [i for i, ln in enumerate(lines) if ln.kind == LineKind.CONTACT or (
        ln.kind in _PLAIN_KINDS and ln.text[:1] in _CONTACT_FIRST and CONTACT_LINE.match(ln.text))]
    runs: list[list[int]] = []
    for i in starts:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if sum(len(CONTACT_LABEL.findall(lines[i].text)) for i in run) < 2:
            continue
        i = run[0]
        if i and lines[i - 1].kind in (*_PLAIN_KINDS, LineKind.SO_KY_HIEU) and ADDRESS_FIRST.match(lines[i - 1].text):
            run.insert(0, i - 1)
        for k in run:
            lines[k].kind, lines[k].fields = LineKind.CONTACT, None


_CONTACT_FIRST = frozenset("ĐđDdFfEeWwTtCc")  # what a contact label begins with (CONTACT_LINE)


def mark_digital_signatures(lines: list[Line], blocks: list[Block]) -> None:
    """The lines of a digital signature's stamp around the ones classified as such: "Email: …", "Cơ quan:
    …", a number and symbol near one are its details, a short line of text between two of its lines in its
    column is one of it (a copier's name, in lower case: never an agency's line of the header beside it); a
    "Ký bởi: …" with no other line of a stamp near it is text."""
    stamp = LineKind.DIGITAL_SIGNATURE
    found = [i for i, ln in enumerate(lines) if ln.kind == stamp]
    if not found:
        return
    for i in found:
        for j in _near(i, len(lines)):
            if (lines[j].kind in _PLAIN_KINDS and DIGITAL_SIGNATURE_DETAIL.match(lines[j].text)) \
                    or lines[j].kind == LineKind.COPY_FORM:  # an electronic copy's form, by its signing time
                lines[j].kind, lines[j].fields = stamp, None
    for i in range(1, len(lines) - 1):
        before, here, after = lines[i - 1], lines[i], lines[i + 1]
        if before.kind == stamp == after.kind and here.kind == LineKind.TEXT \
                and len(here.text) <= DIGITAL_SIGNATURE_LINE_MAX \
                and blocks[before.index].column == blocks[here.index].column == blocks[after.index].column:
            here.kind, here.fields = stamp, None
    for i in found:
        if not SIGNING_TIME.match(lines[i].text) and not any(j != i and lines[j].kind == stamp
                                                            for j in _near(i, len(lines))):
            lines[i].kind = LineKind.CAPS if is_upper(lines[i].text) else LineKind.TEXT


_PLAIN_KINDS = (LineKind.TEXT, LineKind.CAPS)


def _near(i: int, n: int) -> range:
    return range(max(0, i - DIGITAL_SIGNATURE_REACH), min(n, i + DIGITAL_SIGNATURE_REACH + 1))
