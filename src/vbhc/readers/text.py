"""Plain text and Markdown: undo what text extraction leaves behind.

Real .txt files come out of PDF or Word converters: `**bold**` marks, sentences hard-wrapped
across blank lines, two header columns printed on one line, lone page numbers, tables as
`| a | b |` rows. The reader turns them back into blocks; it never changes the words.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex as re

from vbhc import limits, rx
from vbhc.errors import InputError
from vbhc.fileio import read_bounded
from vbhc.model import Block, Location, Source, Style, TablePos
from vbhc.nd30 import QUOC_HIEU, TIEU_NGU
from vbhc.readers import legacy
from vbhc.readers.markdown import LINE_BREAK, PIPE_RULE, is_legal_site, legal_site_blocks
from vbhc.readers.pandoc import is_pandoc, pandoc_blocks
from vbhc.textnorm import letters_of

_MARK = rx.compile(r"\*\*\*|\*\*|\*|(?<!_)__(?!_)")  # "___" and longer is a drawn rule, not bold
_MD_HEADING = rx.compile(r"^#{1,6}\s+")
_PAGE_NUMBER = rx.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
# A line break inside a cell: " / " as a legal-text site writes it, "<br>" as Markdown converters do
_CELL_BREAK = rx.compile(r"\s/\s|<br\s*/?>", re.I)
_BREAK_TAG = rx.compile(r"<br\s*/?>", re.I)
# Converters' inline HTML ("<p align="center"><b>TỜ TRÌNH</b><br/>…</p>") read as the marks it stands for: "**"
# for bold, "*" for italic; a paragraph's or a span's tags are dropped, a bold run closed and reopened is one run.
HTML_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*"}  # the tags that stand for Markdown's bold and italic
_BOLD_TAGS = "|".join(tag for tag, mark in HTML_MARKS.items() if mark == "**")
_ITALIC_TAGS = "|".join(tag for tag, mark in HTML_MARKS.items() if mark == "*")
_TAGS_AS_MARKS = [(rx.compile(rf"</(?:{_BOLD_TAGS})>(\s*)<(?:{_BOLD_TAGS})(?:\s[^<>]*)?>", re.I), r"\1"),
                  (rx.compile(rf"</?(?:{_BOLD_TAGS})(?:\s[^<>]*)?>", re.I), "**"),
                  (rx.compile(rf"</?(?:{_ITALIC_TAGS})(?:\s[^<>]*)?>", re.I), "*"),
                  (rx.compile(r"</?(?:p|div|span|font|u|center)(?:\s[^<>]*)?>", re.I), "")]
_HAS_TAG = rx.compile(r"</?(?:b|strong|i|em|p|div|span|font|u|center|br)\b", re.I)
_PERCENT_START = rx.compile(r"\d{1,3}(?:[.,]\d+)?\s*%")
_TABLE_ROW = rx.compile(r"^\s*\|.*\|\s*$")
_LABEL_START = rx.compile(r"^(?:[a-zđ]\s*\)|[-–+•]\s)")
_SENTENCE_END = rx.compile(r"[.;:!?…)\]”\"'/]\s*$")
_ABBR_START = rx.compile(r"^\p{Lu}{2,8}(?=[\s,;.)])(?!\.\s)")
_NUMBERED_START = rx.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]\s|^(?:Điều|Chương|Mục|Phần)\s", re.I)
_OPEN_END = rx.compile(r"(?:^|\s)(?:tại|của|và|về|với|cho|các|những|trên|theo|đối với|trong|từ|đến|được|là|"
                       r"hoặc|qua|do|bởi|để)$")
# "… tại Công văn số" / "06/KHBT ngày 21 …": the cited number on the next line ("chính quyền số" ends a heading)
_SO_END = rx.compile(r"(?:^|\s)số$")
_CITED_NUMBER = rx.compile(r"^\d{1,6}/[\p{Lu}\d]")

# Where a second column starts inside one extracted line: (left part, right part) patterns.
_COLUMN_SPLITS = [
    rx.compile(r"^(?P<left>\S.*?)\s+(?P<right>" + QUOC_HIEU.replace(" ", r"\s+") + r".*)$", re.I),
    rx.compile(r"^(?P<left>\S.*?)\s+(?P<right>Độc\s+lập\s*[-–—]\s*Tự\s+do.*)$"),
    rx.compile(r"^(?P<left>Số\s*:?\s*[\d.…]*\s*/\s*\S+)\s+(?P<right>\p{Lu}[\p{L} .'-]{1,40},\s*ngày\b.*)$"),
    # "Nơi nhận:" beside the signing authority; "Nơi nhận: Như trên;" is one line, not two columns
    rx.compile(r"^(?P<left>Nơi nhận\s*:)\s+(?P<right>(?:(?:TM|KT|TL|TUQ|Q)\.\s*)?\p{Lu}[\p{Lu}\s]{3,})$"),
    rx.compile(
        r"^(?P<left>[-–]\s.*?[;.])\s+(?P<right>(?:(?:TM|KT|TL|TUQ|Q)\.\s*)?\p{Lu}[\p{Lu}\s]{3,})$"
    ),
]


@dataclass
class _Line:
    text: str
    number: int
    bold: bool | None
    italic: bool | None


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 (with BOM, or detected from zero bytes)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        encodings = ["utf-8"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif data[1::2].count(0) > len(data) // 4:
        encodings = ["utf-16-le"]
    elif data[0::2].count(0) > len(data) // 4:
        encodings = ["utf-16-be"]
    else:
        encodings = ["utf-8"]
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise InputError(name, "không đọc được văn bản: không phải mã UTF-8 hoặc UTF-16 (có thể là tệp nhị phân)")


def _strip_marks(raw: str, state: dict[str, bool]) -> tuple[str, bool | None, bool | None]:
    """Remove Markdown emphasis marks, tracking bold/italic across lines; majority style."""
    out: list[str] = []
    bold_chars = italic_chars = 0
    pos = 0
    for m in _MARK.finditer(raw):
        chunk = raw[pos:m.start()]
        out.append(chunk)
        visible = len(chunk.strip())
        bold_chars += visible if state["bold"] else 0
        italic_chars += visible if state["italic"] else 0
        mark = m.group()
        if mark in ("**", "__"):
            state["bold"] = not state["bold"]
        elif mark == "*":
            state["italic"] = not state["italic"]
        else:
            state["bold"] = not state["bold"]
            state["italic"] = not state["italic"]
        pos = m.end()
    chunk = raw[pos:]
    out.append(chunk)
    visible_total = len(chunk.strip())
    bold_chars += visible_total if state["bold"] else 0
    italic_chars += visible_total if state["italic"] else 0
    text = "".join(out)
    total = len(text.strip()) or 1
    return text, bold_chars * 2 > total, italic_chars * 2 > total


def _split_columns(text: str) -> list[str]:
    """Split a line that holds two header or closing columns side by side."""
    stripped = text.strip()
    for pattern in _COLUMN_SPLITS:
        m = pattern.match(stripped)
        if m and m.group("left").strip():
            return [m.group("left").strip(), m.group("right").strip()]
    return _split_at_gap(stripped) or [text]


# Two columns printed on one line a wide gap apart (`pdftotext -layout`): where the gap is, what may stand
# on one side by itself (the agency's "Số:", a place-date, Nơi nhận, a signing authority; the Quốc hiệu
# and Tiêu ngữ are told by their letters, any tone style), a Nơi nhận item beside the signing block, and
# the gaps a form leaves unfilled ("Số:      /QĐ-UBND", "ngày      tháng 7"), which are no column.
_GAP = rx.compile(r"\S(?P<gap>[ \t]{4,})\S")
_SIDE = rx.compile(r"^(?:Số\s*:|Nơi\s+nhận\s*:|(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}|\p{Lu}[\p{L} .'-]{1,40},\s*ngày\b)")
_MOTTO_LETTERS = {letters_of(QUOC_HIEU), letters_of(TIEU_NGU)}
_ITEM = rx.compile(r"^[-–+•]\s.*[;.,:]$")
_SIGNING = rx.compile(r"^(?:\p{Lu}[\p{Lu}\s,]{2,}|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}*){1,4}|\((?:Đã\s+)?ký[^)]*\))$")
_LEFT_UNFILLED = rx.compile(r"(?:^Số\s*:?[\s\d.…]*|\b(?:ngày|tháng)[\s\d.…]*)$", re.I)
_RIGHT_UNFILLED = rx.compile(r"^(?:/|(?:tháng|năm)\b)", re.I)


def _stands_beside(part: str) -> bool:
    return bool(_SIDE.match(part)) or letters_of(part) in _MOTTO_LETTERS


def _split_at_gap(stripped: str) -> list[str] | None:
    """Two columns printed on one line with a wide gap between ("BỘ TƯ PHÁP      CỘNG HOÀ XÃ HỘI …",
    "Số: 3917/BTP-BTTP      Hà Nội, ngày 01 …"), when one side is a header or closing line by itself."""
    m = _GAP.search(stripped)
    if m is None or _GAP.search(stripped, m.end("gap")):
        return None
    left, right = stripped[:m.start("gap")].strip(), stripped[m.end("gap"):].strip()
    if _LEFT_UNFILLED.search(left) or _RIGHT_UNFILLED.match(right):
        return None
    if _stands_beside(left) or _stands_beside(right) or (_ITEM.match(left) and _SIGNING.match(right)):
        return [left, right]
    return None


def _joinable(prev: str, nxt: str, long: bool = False) -> bool:
    """A line cut in mid-sentence: the first does not end a sentence and the next starts lowercase."""
    p, n = prev.rstrip(), nxt.lstrip()
    # only the tail is searched: `search` on a paragraph that grows with every joined line is
    # quadratic on a hostile file of thousands of wrapped lines
    if not p or not n or _SENTENCE_END.search(p[-8:]) or (len(p) < 40 and not long):
        return False
    if _TABLE_ROW.match(nxt) or _PAGE_NUMBER.match(nxt) or _LABEL_START.match(n):
        return False
    if n[0].islower():
        return True
    # A wrapped line that starts with an abbreviation ("… giải quyết / TTHC của phường", "… về / UBND
    # tỉnh") or follows a word no sentence ends on ("… tại / Trung tâm …"): still the same sentence.
    # Never when the next line is all capitals (a header or signature line) or a numbered label.
    if _PERCENT_START.match(n) or (_CITED_NUMBER.match(n) and _SO_END.search(p[-6:])):  # "… công khai / 100% …"
        return True
    if n.upper() == n or _NUMBERED_START.match(n):
        return False
    return bool(_ABBR_START.match(n)) or bool(_OPEN_END.search(p[-12:]))


def _visible_lines(text: str, markdown: bool) -> list[_Line | None]:
    """The file's lines with Markdown marks taken off (bold/italic kept as style); None = blank."""
    raw_lines = LINE_BREAK.split(text)
    has_marks = markdown and bool(_MARK.search(text))
    state = {"bold": False, "italic": False}
    lines: list[_Line | None] = []
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            lines.append(None)
            continue
        if has_marks and not _TABLE_ROW.match(raw):
            visible, bold, italic = _strip_marks(_MD_HEADING.sub("", raw), state)
        else:
            visible, bold, italic = raw, None, None
        if not visible.strip():
            lines.append(None)
            continue
        lines.append(_Line(visible, number, bold if has_marks else None, italic if has_marks else None))
    return lines


class _Assembler:
    """Blocks from visible lines: table rows into cells, lone page numbers moved after the
    paragraph they interrupt, wrapped sentences rejoined (the pieces joined once, at the end:
    joining as we go is quadratic), two header columns on one line split."""

    def __init__(self, lines: list[_Line | None], marks: bool = False):
        self.lines = lines
        self.marks = marks  # the text has Markdown marks: a cell's are taken off as its bold and italic
        self.blocks: list[Block] = []
        self.table_index = -1
        self.row_index = 0
        self.in_table = False
        self.last_text_block: Block | None = None
        self.last_line_number: int | None = None
        self.pending_page_numbers: list[Block] = []
        self.wraps: dict[int, tuple[Block, list[str]]] = {}

    def run(self) -> list[Block]:
        for i, line in enumerate(self.lines):
            if line is None:
                continue
            if _TABLE_ROW.match(line.text):
                self.table_row(line)
            elif _PAGE_NUMBER.match(line.text) and _isolated(self.lines, i):
                self.in_table = False
                self.pending_page_numbers.append(Block(text=line.text.strip(), location=Location(line=line.number),
                                                       part="header"))
            else:
                self.in_table = False
                self.lines_of(line)
        self.blocks.extend(self.pending_page_numbers)
        for block, pieces in self.wraps.values():
            block.text = " ".join(pieces)
        return self.blocks

    def lines_of(self, line: _Line) -> None:
        """A line of the file, or its pieces between "<br>": only the first may continue the paragraph before."""
        pieces = _BREAK_TAG.split(line.text) if "<" in line.text else [line.text]
        for n, piece in enumerate(p for p in pieces if p.strip()):
            part = _Line(piece, line.number, line.bold, line.italic) if len(pieces) > 1 else line
            if n or not self.join(part):
                self.text_line(part)

    def table_row(self, line: _Line) -> None:
        if PIPE_RULE.match(line.text):
            return
        if not self.in_table:
            self.table_index += 1
            self.row_index = 0
            self.in_table = True
        cells = line.text.strip()[1:-1].split("|")
        for col, cell in enumerate(cells):
            state = {"bold": False, "italic": False}
            for para in _CELL_BREAK.split(cell):
                text, bold, italic = _strip_marks(para, state) if self.marks else (para, None, None)
                if text.strip():
                    self.blocks.append(Block(text=text.strip(), style=Style(bold=bold, italic=italic),
                                             location=Location(line=line.number),
                                             table=TablePos(self.table_index, self.row_index, col),
                                             column=col if len(cells) == 2 else None))
        self.row_index += 1
        self.last_text_block = None

    def join(self, line: _Line) -> bool:
        """Join `line` to the paragraph it continues, if it does."""
        last = self.last_text_block
        if last is None:
            return False
        joined = self.wraps.get(id(last))
        if not (_joinable(_tail(joined[1]) if joined else last.text, line.text, long=joined is not None)
                and _only_blank_between(self.lines, self.last_line_number, line.number)):
            return False
        if joined is None:
            joined = self.wraps[id(last)] = (last, [last.text.rstrip()])
        joined[1].append(line.text.strip())
        self.last_line_number = line.number
        self.flush_page_numbers()
        return True

    def text_line(self, line: _Line) -> None:
        self.flush_page_numbers()
        parts = _split_columns(line.text)
        for col, part in enumerate(parts):
            self.blocks.append(Block(text=part.strip(), style=Style(bold=line.bold, italic=line.italic),
                                     location=Location(line=line.number), column=col if len(parts) > 1 else None))
        self.last_text_block = self.blocks[-1]
        self.last_line_number = line.number

    def flush_page_numbers(self) -> None:
        self.blocks.extend(self.pending_page_numbers)
        self.pending_page_numbers = []


def lines_to_blocks(text: str, *, markdown: bool = True) -> list[Block]:
    """The heart of the reader, separate from file handling so tests can feed strings."""
    text = unicodedata.normalize("NFC", text)
    if markdown and is_legal_site(text):  # a legal-text site's layout: tables as lines of "|"
        return legal_site_blocks(text)
    if markdown and is_pandoc(text):  # pandoc's markdown of a Word file: grid tables, escapes, line breaks
        return pandoc_blocks(text)
    if markdown:
        text = inline_html_as_marks(text)
    return _Assembler(_visible_lines(text, markdown), marks=markdown and bool(_MARK.search(text))).run()


def inline_html_as_marks(text: str) -> str:
    """Converters' inline HTML as the Markdown marks it stands for (`_TAGS_AS_MARKS`): "<b>TỜ TRÌNH</b>" is
    "**TỜ TRÌNH**", a paragraph's or a span's tags are dropped; text without such a tag is returned as it is."""
    if _HAS_TAG.search(text):
        for tag, mark in _TAGS_AS_MARKS:
            text = tag.sub(mark, text)
    return text


def _tail(pieces: list[str]) -> str:
    """The end of the joined text (at least 64 characters of it), without joining it all."""
    out: list[str] = []
    size = 0
    for piece in reversed(pieces):
        out.append(piece)
        size += len(piece) + 1
        if size >= 64:
            break
    return " ".join(reversed(out))


def _isolated(lines: list[_Line | None], i: int) -> bool:
    """A lone number is a page number only when blank lines (or the file's edge) surround it."""
    before = i == 0 or lines[i - 1] is None
    after = i == len(lines) - 1 or lines[i + 1] is None
    return before and after


def _only_blank_between(lines: list[_Line | None], first: int | None, last: int) -> bool:
    """Between two line numbers there are only blank lines or lone page numbers."""
    if first is None:
        return False
    for line in lines[first:last - 1]:
        if line is not None and not _PAGE_NUMBER.match(line.text):
            return False
    return True


def read_text(path: Path) -> Source:
    name = str(path)
    data = read_bounded(path, limits.MAX_TEXT_BYTES, "tệp văn bản")
    try:
        text = decode(data, name)
    except InputError:
        # An old 8-bit file typed with a TCVN3 or VNI keyboard is not UTF-8; accept it only
        # when its characters read as legacy Vietnamese.
        if b"\x00" in data or legacy.detect(data.decode("latin-1")) is None:
            raise
        text = data.decode("latin-1")
    notes: list[str] = []
    encodings: dict[str, int] = {}
    enc = legacy.detect(text)
    if enc is not None:
        encodings[enc] = sum(1 for c in text if "\xa0" <= c <= "\xff")
        text = legacy.convert_text(text, enc)
        notes.append(f"đã chuyển mã {legacy.LABELS[enc]} → Unicode (nhận biết theo thống kê ký tự, "
                     "tệp văn bản không có tên phông)")
    lines = sum(1 for ln in text.splitlines() if ln.strip())
    if lines > limits.MAX_BLOCKS:
        raise InputError(name, f"tệp văn bản có {lines} dòng, vượt giới hạn {limits.MAX_BLOCKS} dòng")
    blocks = lines_to_blocks(text, markdown=True)
    if not any(b.text.strip() for b in blocks):
        raise InputError(name, "tệp không có nội dung văn bản")
    return Source(path=name, format="text", blocks=blocks, notes=notes, legacy_encodings=encodings)
