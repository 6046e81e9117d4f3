"""PDF reader: text lines rebuilt from character positions, one Block per line segment.

A PDF holds glyphs at positions, not paragraphs. Text extractors that read a page line by line
run the two header columns of an administrative document together ("ỦY BAN NHÂN DÂN CỘNG HÒA
XÃ HỘI…"), so this reader works from `page.chars` directly:

1. chars are grouped into lines by their bottom edge (≈ baseline) with a tolerance of 0.3 × the
   font size; a smaller raised or lowered line (superscript) is merged into the line it sits in;
2. a line is cut into segments where two visible chars are more than max(15 pt, 1.5 × size)
   apart (a table cell or column boundary), except after a short label at the start of the line
   whose text continues in the left half (Word numbering "1.<tab>text" stays one segment);
3. each segment becomes one Block, in reading order: page by page, line by line from the top,
   segments left to right. The parser groups header and signature blocks by `Block.column`.

`Block.column` is set (0 left half, 1 right half of the estimated text area, whose middle is
where the two header tables divide better than the paper's middle) only for segments of a line
with several segments, and for the single-segment lines of a run that forms a two-column layout
(the header at the top of a page, the signature area); see `_mark_columns`. Table rows are lines
with several segments too, so their cells get columns as well.

Words: the PDF's own space glyphs are kept as they are (double spaces included); where glyphs
stand apart by more than 0.15 × the font size without a space glyph, one space is inserted (a
Times space is 0.25 em, so the threshold must sit below it). A glyph drawn twice on itself
(fake bold) is kept once and counts as bold. Digit-only lines in the top or bottom 60 pt are page
numbers: part "header"/"footer", listed in `PageSetup.page_numbers`.

Legacy Vietnamese fonts (TCVN3/ABC .VnTime, .VnTimeH …; VNI-Times …): a PDF printed from such a
document without a ToUnicode map gives each byte decoded through the font's simple encoding
(WinAnsi: the byte read as Windows-1252). A segment that uses such a font (checked once per
segment) has its runs of legacy glyphs mapped back to their bytes (Windows-1252, else Latin-1,
"(cid:N)" to byte N) and converted with the legacy tables (capitals for the "H" fonts); spaces,
the PDF's and the inserted ones, stay as they are. WinAnsi has no glyph for TCVN3's 0xAD (ư):
pdfminer decodes it as a space, so a "space" as wide as a letter (≥ 0.4 em) in a TCVN3 font is
taken back as 0xAD. `Style.fonts` keeps the legacy font's name; `Source.legacy_fonts` and
`legacy_encodings` count the converted characters.

Paragraph formatting is not in a PDF: `carries_paragraph_format` is False and only "center" is
inferred, for single lines visibly centred on the estimated text area. Margins are estimates of
the text area (where the ink is), not the margins the author set.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pdfplumber
import regex as re

from vbhc import limits
from vbhc.errors import InputError
from vbhc.model import Block, Location, PageSetup, Source, Style
from vbhc.readers import guard, legacy

MSG_SCAN = "tệp PDF không có lớp văn bản (bản quét ảnh); cần nhận dạng ký tự (OCR) trước khi kiểm tra"
MSG_ENCRYPTED = "tệp PDF được mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi kiểm tra lại"
MSG_BROKEN = "tệp PDF bị hỏng hoặc không đầy đủ"
NOTE_MARGINS = (
    "lề trang của PDF là ước lượng từ vùng có chữ (mép chữ ngoài cùng trên mọi trang), "
    "không phải lề khai báo trong tệp gốc"
)

PT_TO_MM = 25.4 / 72
MARGIN_BAND_PT = 60.0  # page numbers live within this distance of the top or bottom edge
LINE_TOL = 0.3  # × font size: bottoms closer than this are on the same line
SPACE_GAP = 0.15  # × font size: a gap wider than this between glyphs is a word space
SPLIT_MIN_PT = 15.0  # a gap wider than max(this, SPLIT_SIZE × size) cuts a line into segments
SPLIT_SIZE = 1.5
LABEL_MAX_CHARS = 12  # "1.", "a)", "Điều 12.", "-", "Số:" before a tab or blank are kept with their text
LABEL_ENDS = ".):"
BULLETS = "-+–•*▪◦o"
RUN_GAP = 2.0  # × font size: a vertical gap this large ends a two-column run
U_HORN_WIDTH = 0.4  # × font size: a TCVN3 "space" this wide is the letter ư (byte 0xAD), see above

# Compact PostScript family names → the family name Word shows (what rules compare against).
FAMILIES = {
    "TimesNewRoman": "Times New Roman",
    "LiberationSerif": "Liberation Serif",
    "LiberationSans": "Liberation Sans",
    "LiberationMono": "Liberation Mono",
    "CourierNew": "Courier New",
    "ArialNarrow": "Arial Narrow",
    "DejaVuSerif": "DejaVu Serif",
    "DejaVuSans": "DejaVu Sans",
    "NotoSerif": "Noto Serif",
    "NotoSans": "Noto Sans",
    "SegoeUI": "Segoe UI",
}
STYLE_WORDS = ("bold", "italic", "oblique", "regular", "black", "heavy", "semibold", "demi", "light",
               "medium", "roman", "book", "it", "bd", "condensed")

# A char as this reader keeps it: (bottom, x0, x1, top, text, fontname, size, skew).
Char = tuple[float, float, float, float, str, str, float, float]


class _Seg:
    """One run of a line between two wide gaps: becomes one Block."""

    __slots__ = ("chars", "x0", "x1", "top", "bottom", "text", "size", "legacy")

    def __init__(self, chars: list[Char]):
        self.chars = chars
        vis = [c for c in chars if not c[4].isspace()] or chars
        self.x0 = min(c[1] for c in vis)
        self.x1 = max(c[2] for c in vis)
        self.top = min(c[3] for c in vis)
        self.bottom = max(c[0] for c in vis)
        self.size = max(c[6] for c in vis)
        # legacy font family → (encoding, characters converted); None: no legacy font here
        self.legacy: dict[str, tuple[str, int]] | None = None
        if any(_legacy_font(f) for f in {c[5] for c in chars}):
            self.text, self.legacy = _legacy_text(chars)
        else:
            self.text = _seg_text(chars)


class _Line:
    """The segments sharing a baseline on one page, with what post-processing decides."""

    __slots__ = ("page", "segs", "top", "bottom", "number", "part", "columns")

    def __init__(self, page: int, segs: list[_Seg]):
        self.page = page
        self.segs = segs
        self.top = min(s.top for s in segs)
        self.bottom = max(s.bottom for s in segs)
        self.number = 0
        self.part = "body"
        self.columns = False


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs warnings about broken structure; the user gets one InputError instead."""
    log = logging.getLogger("pdfminer")
    old = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(old)


def _input_error(path: Path, exc: BaseException) -> InputError:
    """Name what pdfminer/pdfplumber choked on in the user's terms (password or broken file)."""
    seen: list[BaseException] = []
    todo: list[Any] = [exc]
    while todo:
        e = todo.pop()
        if not isinstance(e, BaseException) or any(e is s for s in seen):
            continue
        seen.append(e)
        todo.extend([e.__cause__, e.__context__, *e.args])
    names = " ".join(type(e).__name__ for e in seen).lower()
    if "timeout" in names:
        return InputError(str(path), _timeout_reason(limits.pdf_time_limit(1)))
    if "password" in names or "encrypt" in names:
        return InputError(str(path), MSG_ENCRYPTED)
    return InputError(str(path), MSG_BROKEN)


def _close(pdf: Any) -> None:
    """Close the PDF; pdfplumber walks the page tree again on close, which a broken file fails."""
    try:
        pdf.close()
    except Exception:
        pdf.stream.close()


def _timeout_reason(seconds: float) -> str:
    return (f"quá thời gian đọc PDF ({seconds:.0f} giây); tệp có thể bị hỏng hoặc được tạo bất thường, "
            "hãy xuất lại PDF từ tệp gốc")


def _too_many_pages(path: Path, pages: int) -> InputError:
    return InputError(str(path), f"tệp PDF có {pages} trang, vượt giới hạn {limits.MAX_PDF_PAGES} trang")


def _declared_pages(pdf: Any) -> int | None:
    """The page count the page tree declares (/Count), read before any page object is built."""
    from pdfminer.pdftypes import resolve1

    try:
        tree = resolve1(pdf.doc.catalog.get("Pages"))
        count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    except Exception:
        return None
    return count if isinstance(count, int) and count >= 0 else None


def _check_streams(path: Path, page_obj: Any) -> None:
    """Refuse a page whose content stream inflates past the limit, measuring before pdfminer does."""
    import zlib

    from pdfminer.pdftypes import resolve1

    contents = getattr(page_obj, "contents", None) or []
    for ref in contents if isinstance(contents, list) else [contents]:
        stream = resolve1(ref)
        raw = getattr(stream, "rawdata", None)
        if not isinstance(raw, bytes | bytearray):
            continue
        filters = resolve1(stream.attrs.get("Filter")) if hasattr(stream, "attrs") else None
        names = [str(resolve1(f)) for f in (filters if isinstance(filters, list) else [filters]) if f is not None]
        if not names or "Fl" not in names[0]:
            continue
        inflater = zlib.decompressobj()
        total = 0
        data = bytes(raw)
        try:
            while data and total <= limits.MAX_PDF_STREAM_BYTES:
                total += len(inflater.decompress(data, limits.INFLATE_CHUNK_BYTES))
                data = inflater.unconsumed_tail
        except zlib.error:
            continue  # pdfminer decides what a broken stream means
        if total > limits.MAX_PDF_STREAM_BYTES:
            raise InputError(str(path), f"tệp PDF có luồng nội dung giải nén quá lớn (trên "
                                        f"{limits.MAX_PDF_STREAM_BYTES // limits.MB} MB; nghi tệp độc hại, bị từ chối)")


def read_pdf(path: Path) -> Source:
    """Read a PDF's text layer into blocks; refuse scans, encrypted and broken files."""
    path = Path(path)
    with _quiet_pdfminer():
        return _read(path)


def _read(path: Path) -> Source:
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - 2048))
            truncated = b"%%EOF" not in fh.read()
    except OSError as exc:
        raise InputError(str(path), f"không mở được tệp ({exc.strerror or exc})") from None
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for bad input
        raise _input_error(path, exc) from None
    lines: list[_Line] = []
    sizes: list[tuple[float, float]] = []
    notes: list[str] = []
    no_text: list[int] = []
    rotated = 0
    seconds = limits.pdf_time_limit(1)
    try:
        declared = _declared_pages(pdf)
        if declared is not None and declared > limits.MAX_PDF_PAGES:
            raise _too_many_pages(path, declared)
        seconds = limits.pdf_time_limit(declared or 1)
        clock = guard.Clock(seconds)
        with guard.deadline(seconds):
            try:
                pages = pdf.pages
            except Exception as exc:
                raise _input_error(path, exc) from None
            if not pages:
                raise InputError(str(path), MSG_BROKEN)
            if len(pages) > limits.MAX_PDF_PAGES:
                raise _too_many_pages(path, len(pages))
            for number, page in enumerate(pages, 1):
                if clock.expired():
                    raise InputError(str(path), _timeout_reason(seconds))
                try:
                    _check_streams(path, page.page_obj)
                    raw = page.chars
                    width, height = float(page.width), float(page.height)
                    page.close()  # drop pdfplumber's per-page caches: memory stays flat on long files
                except InputError:
                    raise
                except Exception as exc:
                    raise _input_error(path, exc) from None
                chars, skipped = _collect(raw, width, height)
                rotated += skipped
                sizes.append((width, height))
                if not chars:
                    no_text.append(number)
                lines.extend(_page_lines(number, chars, width))
    except guard.Timeout:
        raise InputError(str(path), _timeout_reason(seconds)) from None
    finally:
        _close(pdf)
    if not lines:
        raise InputError(str(path), MSG_BROKEN if truncated else MSG_SCAN)
    if truncated:
        notes.append("tệp PDF có thể bị cắt cụt (không thấy dấu kết thúc %%EOF); nội dung có thể thiếu")
    if no_text:
        notes.append("trang không có lớp văn bản (có thể là ảnh quét): " + ", ".join(map(str, no_text)))
    if rotated:
        notes.append(f"bỏ qua {rotated} ký tự viết xoay (không nằm ngang)")
    page_numbers = _mark_page_numbers(lines, sizes)
    margins = _margins(lines, sizes)
    areas = [(margins["left"], w - margins["right"]) for w, _ in sizes]
    _mark_columns(lines, areas)
    blocks = _blocks(lines, areas)
    legacy_fonts: dict[str, int] = {}
    legacy_encodings: dict[str, int] = {}
    for ln in lines:
        for seg in ln.segs:
            for family, (enc, n) in (seg.legacy or {}).items():
                legacy_fonts[family] = legacy_fonts.get(family, 0) + n
                legacy_encodings[enc] = legacy_encodings.get(enc, 0) + n
    if legacy_encodings:
        notes.append(legacy.legacy_note(legacy_encodings, legacy_fonts))
    if any("(cid:" in b.text for b in blocks):
        notes.append("một số ký tự không giải mã được (hiện dạng '(cid:…)'): phông chữ thiếu bảng mã Unicode")
    notes.append(NOTE_MARGINS)
    w, h = sizes[0]
    setup = PageSetup(
        width_mm=round(w * PT_TO_MM, 1),
        height_mm=round(h * PT_TO_MM, 1),
        margins_mm={k: round(v * PT_TO_MM, 1) for k, v in margins.items()},
        page_numbers=page_numbers,
    )
    return Source(
        path=str(path),
        format="pdf",
        blocks=blocks,
        page_setup=setup,
        carries_style=True,
        carries_paragraph_format=False,
        pages=len(sizes),
        notes=notes,
        legacy_fonts=legacy_fonts,
        legacy_encodings=legacy_encodings,
    )


def _collect(raw: list[dict[str, Any]], width: float, height: float) -> tuple[list[Char], int]:
    """One pass over pdfplumber's chars: keep horizontal glyphs on the page, as tuples.

    A combining mark (fonts that draw Vietnamese tone marks as separate glyphs) is glued to the
    glyph before it in drawing order, so sorting by x cannot move it off its letter.
    """
    out: list[Char] = []
    rotated = 0
    for c in raw:
        if not c["upright"]:
            rotated += 1
            continue
        text = c["text"]
        x0 = c["x0"]
        x1 = c["x1"]
        bottom = c["bottom"]
        if x1 < 0 or x0 > width or bottom < 0 or c["top"] > height or not text:
            continue
        if text == " " and x1 - x0 >= U_HORN_WIDTH * c["size"] and _is_tcvn3(c["fontname"]):
            text = "\xad"  # TCVN3's ư, which WinAnsi decodes as a space
        elif text[0] >= "\u0300" and unicodedata.combining(text[0]) and out:
            p = out[-1]
            out[-1] = (p[0], p[1], max(p[2], x1), p[3], p[4] + text, p[5], p[6], p[7])
            continue
        out.append((bottom, x0, x1, c["top"], text, c["fontname"], c["size"], c["matrix"][2]))
    return out, rotated


def _page_lines(page: int, chars: list[Char], width: float) -> list[_Line]:
    """Group a page's chars into lines (top to bottom), then cut each line into segments."""
    if not chars:
        return []
    chars.sort()
    groups: list[list[Char]] = []
    cur = [chars[0]]
    ref = chars[0][0]
    tol = LINE_TOL * chars[0][6]
    for c in chars[1:]:
        if c[0] - ref <= tol:
            cur.append(c)
        else:
            groups.append(cur)
            cur = [c]
            ref = c[0]
            tol = LINE_TOL * c[6]
    groups.append(cur)
    groups = _merge_scripts(groups)
    mid = width / 2
    lines = [_Line(page, segs) for segs in (_split(g, mid, width) for g in groups) if segs]
    return lines


def _merge_scripts(groups: list[list[Char]]) -> list[list[Char]]:
    """Put superscripts and subscripts (smaller glyphs inside a neighbour's band) into it."""
    if len(groups) < 2:
        return groups
    info = [(min(c[3] for c in g), max(c[0] for c in g), max(c[6] for c in g)) for g in groups]
    out: list[list[Char]] = []
    merged = [False] * len(groups)
    for i, g in enumerate(groups):
        top, bottom, size = info[i]
        for j in (i + 1, i - 1):
            if 0 <= j < len(groups) and not merged[j]:
                ntop, nbottom, nsize = info[j]
                inside = min(bottom, nbottom) - max(top, ntop)
                if size < 0.85 * nsize and inside >= 0.6 * (bottom - top):
                    groups[j].extend(g)
                    merged[i] = True
                    break
    for i, g in enumerate(groups):
        if not merged[i]:
            out.append(g)
    return out


def _split(chars: list[Char], mid: float, width: float) -> list[_Seg]:
    """Cut a line at wide gaps between visible glyphs (see the module docstring)."""
    chars.sort(key=lambda c: c[1])
    segs: list[list[Char]] = []
    cur: list[Char] = []
    prev: Char | None = None
    visible = 0
    for c in chars:
        if c[4].isspace():
            cur.append(c)
            continue
        if prev is not None and c[1] - prev[2] > max(SPLIT_MIN_PT, SPLIT_SIZE * prev[6]):
            label = (not segs and visible <= LABEL_MAX_CHARS and c[1] < mid - 0.1 * width
                     and (prev[4][-1] in LABEL_ENDS or (visible == 1 and prev[4] in BULLETS)))
            if not label:
                segs.append(cur)
                cur = []
                visible = 0
        cur.append(c)
        visible += 1
        prev = c
    segs.append(cur)
    return [_Seg(s) for s in segs if any(not c[4].isspace() for c in s)]


def _pieces(chars: list[Char], fonts: list[str | None] | None = None) -> list[str]:
    """Glyphs left to right; a space where the PDF has one or where glyphs stand apart.
    With `fonts`, each piece's font is appended to it (None for an inserted space)."""
    parts: list[str] = []
    prev: Char | None = None
    for c in chars:
        t = c[4]
        if prev is not None:
            if t == prev[4] and abs(c[1] - prev[1]) < 1.0 and abs(c[0] - prev[0]) < 1.0:
                continue  # the same glyph drawn twice (fake bold): keep one
            if not t.isspace() and not prev[4].isspace() and c[1] - prev[2] > SPACE_GAP * c[6]:
                parts.append(" ")
                if fonts is not None:
                    fonts.append(None)
        parts.append(t)
        if fonts is not None:
            fonts.append(c[5])
        prev = c
    return parts


def _seg_text(chars: list[Char]) -> str:
    return unicodedata.normalize("NFC", "".join(_pieces(chars)).strip())


_LEGACY_CACHE: dict[str, tuple[str, bool, str] | None] = {}
_NAME_ESCAPE = re.compile(r"#([0-9A-Fa-f]{2})")


def _unescape(name: str) -> str:
    """A PDF name's #xx escapes (".VnArial#20NarrowH"), in case the parser left them."""
    return _NAME_ESCAPE.sub(lambda m: chr(int(m[1], 16)), name) if "#" in name else name


def _legacy_font(fontname: str) -> tuple[str, bool, str] | None:
    """(encoding, all-capitals, family) of a legacy font ("ABCDEF+.VnTimeH,Bold"), else None."""
    if fontname in _LEGACY_CACHE:
        return _LEGACY_CACHE[fontname]
    family = _family(fontname)[0]
    enc = legacy.font_encoding(family)
    info = (enc, legacy.is_caps_font(family), family) if enc else None
    if len(_LEGACY_CACHE) > 4096:  # a hostile file naming a new font per glyph
        _LEGACY_CACHE.clear()
    _LEGACY_CACHE[fontname] = info
    return info


def _is_tcvn3(fontname: str) -> bool:
    info = _legacy_font(fontname)
    return info is not None and info[0] == legacy.TCVN3_NAME


_CID = re.compile(r"\(cid:(\d+)\)")
_BYTES: dict[str, str] = {}


def _byte(text: str) -> str:
    """The legacy bytes (as Latin-1 characters) behind a glyph's decoded text: Windows-1252 (what
    WinAnsiEncoding decodes to), else Latin-1; "(cid:N)" (a code WinAnsi leaves undefined) is N."""
    got = _BYTES.get(text)
    if got is None:
        if text.startswith("(cid:"):
            got = _CID.sub(lambda m: chr(int(m[1])) if int(m[1]) < 256 else m[0], text)
        else:
            out = []
            for ch in text:
                try:
                    out.append(ch.encode("cp1252").decode("latin-1"))
                except UnicodeEncodeError:
                    out.append(ch)  # Latin-1 controls are their byte already; anything else stays
            got = "".join(out)
        if len(_BYTES) < 4096:
            _BYTES[text] = got
    return got


def _legacy_text(chars: list[Char]) -> tuple[str, dict[str, tuple[str, int]]]:
    """A segment holding legacy glyphs: each run of one legacy font back to bytes, then to Unicode."""
    fonts: list[str | None] = []
    parts = _pieces(chars, fonts)
    out: list[str] = []
    counts: dict[str, tuple[str, int]] = {}
    i, n = 0, len(parts)
    while i < n:
        font = fonts[i]
        j = i + 1
        while j < n and (fonts[j] == font or fonts[j] is None):  # an inserted space joins the run
            j += 1
        info = _legacy_font(font) if font is not None else None
        if info is None:
            out.extend(parts[i:j])
        else:
            enc, caps, family = info
            raw = "".join(_byte(p) for p in parts[i:j])
            out.append(legacy.convert(raw, enc, caps))
            k = sum(1 for ch in raw if not ch.isspace())
            counts[family] = (enc, counts[family][1] + k if family in counts else k)
        i = j
    return unicodedata.normalize("NFC", "".join(out).strip()), counts


def _family(fontname: str) -> tuple[str, bool, bool]:
    """PostScript name → (family, bold, italic): "ABCDEF+TimesNewRomanPS-BoldMT" → Times New Roman."""
    name = _unescape(fontname.split("+", 1)[1] if "+" in fontname[:7] else fontname)
    low = name.lower()
    bold = any(w in low for w in ("bold", "black", "heavy", "semibold", "demibold"))
    italic = "italic" in low or "oblique" in low
    base = name
    for sep in (",", "-"):
        if sep in base:
            head, tail = base.rsplit(sep, 1)
            t = tail.lower()
            if head and (any(t.startswith(w) for w in STYLE_WORDS) or t in ("mt", "ps", "psmt")):
                if t.endswith("it") or t.endswith("itmt"):
                    italic = True
                base = head
    for suffix in ("PSMT", "MT", "PS"):
        if base.endswith(suffix) and len(base) > len(suffix) + 2:
            base = base[: -len(suffix)]
    return FAMILIES.get(base, base), bold, italic


_FAMILY_CACHE: dict[str, tuple[str, bool, bool]] = {}


def _style(seg: _Seg) -> Style:
    """Majority font, size, bold and italic by visible character count; every font used."""
    fonts: Counter[str] = Counter()
    sizes: Counter[float] = Counter()
    bold = italic = doubled = total = 0
    prev: Char | None = None
    order: list[str] = []
    for c in seg.chars:
        if c[4].isspace():
            continue
        info = _FAMILY_CACHE.get(c[5])
        if info is None:
            info = _FAMILY_CACHE[c[5]] = _family(c[5])
        family, b, i = info
        if family not in fonts:
            order.append(family)
        fonts[family] += 1
        sizes[round(c[6] * 2) / 2] += 1
        total += 1
        bold += b
        italic += i or abs(c[7]) > 0.05 * c[6]  # a slanted matrix is synthetic italic
        if prev is not None and prev[4] == c[4] and abs(c[1] - prev[1]) < 1.0:
            doubled += 1
        prev = c
    if not total:
        return Style()
    return Style(
        font=fonts.most_common(1)[0][0],
        size_pt=sizes.most_common(1)[0][0],
        bold=bold * 2 >= total or doubled * 3 >= total,
        italic=italic * 2 >= total,
        fonts=order,
    )


def _is_page_number(line: _Line) -> bool:
    return len(line.segs) == 1 and line.segs[0].text.isdigit() and len(line.segs[0].text) <= 3


def _mark_page_numbers(lines: list[_Line], sizes: list[tuple[float, float]]) -> list[dict[str, Any]]:
    """Digit-only lines in the top/bottom band (or centred alone atop a page) are page numbers."""
    found: list[dict[str, Any]] = []
    by_page: dict[int, list[_Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    for page, page_lines in by_page.items():
        width, height = sizes[page - 1]
        for k, ln in enumerate(page_lines):
            if not _is_page_number(ln):
                continue
            seg = ln.segs[0]
            centred = abs((seg.x0 + seg.x1) / 2 - width / 2) < 0.1 * width
            if ln.top < MARGIN_BAND_PT or (k == 0 and centred):
                ln.part = "header"
            elif ln.bottom > height - MARGIN_BAND_PT or (k == len(page_lines) - 1 and centred
                                                          and ln.top > height * 0.85):
                ln.part = "footer"
            else:
                continue
            found.append({"page": page, "where": ln.part, "text": seg.text,
                          "size_pt": round(seg.size * 2) / 2})
    return found


def _mark_columns(lines: list[_Line], areas: list[tuple[float, float]]) -> None:
    """Decide which lines get `Block.column`.

    Every line with several segments does. A single-segment line does when it lies in one half
    of the page and belongs to a run of such lines (consecutive, same page, no big vertical gap)
    that forms a two-column layout: the run holds a multi-segment line or a line in the right
    half (the header at a page top, the signature area). Left-half lines before the first such
    line of a run are body text (a short last line of a paragraph above the signature) and stay
    without a column.
    """
    run: list[_Line] = []

    def close() -> None:
        start = next((i for i, ln in enumerate(run) if ln.columns or _half(ln, areas) == 1), None)
        if start is not None:
            for ln in run[start:]:
                ln.columns = True
        run.clear()

    for ln in lines:
        if ln.part != "body":
            continue
        if run and (ln.page != run[-1].page or ln.top - run[-1].bottom > RUN_GAP * ln.segs[0].size):
            close()
        if len(ln.segs) > 1:
            ln.columns = True
            run.append(ln)
        elif _half(ln, areas) is not None:
            run.append(ln)
        else:
            close()
    close()


def _half(line: _Line, areas: list[tuple[float, float]]) -> int | None:
    """0 or 1 when a single-segment line sits clearly in the left or right half of the text area.

    A line centred on the text area ("QUYẾT ĐỊNH") or spanning the middle belongs to neither.
    """
    if len(line.segs) != 1:
        return None
    left, right = areas[line.page - 1]
    mid, span = (left + right) / 2, right - left
    seg = line.segs[0]
    centre = (seg.x0 + seg.x1) / 2
    if centre < mid - 0.1 * span and seg.x1 <= mid + 0.05 * span:
        return 0
    if centre > mid + 0.1 * span and seg.x0 >= left + 0.25 * span:
        return 1
    return None


def _style_of_group(group: list[_Line]) -> Style:
    """The style of a wrapped paragraph: its lines' styles by majority of characters."""
    styles = [(_style(g.segs[0]), len(g.segs[0].text)) for g in group]
    first = styles[0][0]
    total = sum(n for _, n in styles) or 1
    for attr in ("bold", "italic"):
        setattr(first, attr, sum(n for st, n in styles if getattr(st, attr)) * 2 > total)
    first.fonts = sorted({f for st, _ in styles for f in st.fonts})
    return first


def _margins(lines: list[_Line], sizes: list[tuple[float, float]]) -> dict[str, float]:
    """Estimated text area in points: extremes of the body ink over all pages."""
    top = left = right = bottom = float("inf")
    for ln in lines:
        if ln.part != "body":
            continue
        width, height = sizes[ln.page - 1]
        top = min(top, ln.top)
        bottom = min(bottom, height - ln.bottom)
        left = min(left, ln.segs[0].x0)
        right = min(right, width - ln.segs[-1].x1)
    if top == float("inf"):
        return {"top": 0.0, "bottom": 0.0, "left": 0.0, "right": 0.0}
    return {"top": max(top, 0.0), "bottom": max(bottom, 0.0), "left": max(left, 0.0),
            "right": max(right, 0.0)}


_LABEL_START = re.compile(r"^(?:Điều\s+\d|Chương\s|Mục\s+\d|Phần\s|[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]\s|"
                          r"[a-zđ]\)\s|[-–+•]\s|Nơi nhận|Căn cứ|Theo đề nghị)")


def _wraps_into(prev: _Line, nxt: _Line, area: tuple[float, float], last_on_page: bool) -> bool:
    """Is `nxt` the continuation of the paragraph that `prev` ends?

    Word and LibreOffice wrap a paragraph into full lines: the previous line reaches the right
    edge of the text area, the next starts at the left edge (a new paragraph is usually
    indented), close below, and does not start with a label of its own.
    """
    if prev.part != "body" or nxt.part != "body" or len(prev.segs) != 1 or len(nxt.segs) != 1:
        return False
    if prev.columns or nxt.columns:
        return False
    a, b = prev.segs[0], nxt.segs[0]
    size = max(a.size, b.size)
    left, right = area
    if right - left < 20 * size:  # the text area is estimated from the ink: too narrow to judge
        return False
    if right - a.x1 > 3.0 * size or abs(b.x0 - left) > 0.5 * size or abs(a.size - b.size) > 0.6:
        return False
    if nxt.page == prev.page:
        if not 0 <= nxt.top - prev.bottom < 0.45 * size:
            return False
    elif not (last_on_page and nxt.page == prev.page + 1):
        return False
    return not _LABEL_START.match(b.text)


def _paragraphs(lines: list[_Line], areas: list[tuple[float, float]]) -> list[list[_Line]]:
    """Group the lines of wrapped paragraphs, so a PDF parses like the .docx it came from.

    Page-number lines between two pages stay groups of their own and do not break a paragraph.
    """
    last_body_on_page = {ln.page: ln for ln in lines if ln.part == "body"}
    groups: list[list[_Line]] = []
    current: list[_Line] | None = None
    for ln in lines:
        if ln.part != "body":
            groups.append([ln])
            continue
        if current is not None:
            prev = current[-1]
            if _wraps_into(prev, ln, areas[ln.page - 1], last_body_on_page[prev.page] is prev):
                current.append(ln)
                continue
        current = [ln]
        groups.append(current)
    return groups


def _blocks(lines: list[_Line], areas: list[tuple[float, float]]) -> list[Block]:
    """One Block per segment, in reading order; running line numbers across the file.

    A column is 0 or 1 by the segment's centre against the middle of the estimated text area
    (not the paper: the left margin is twice the right one in Nghị định 30).
    """
    blocks: list[Block] = []
    numbers = {id(ln): n for n, ln in enumerate(lines, 1)}
    for group in _paragraphs(lines, areas):
        ln = group[0]
        number = numbers[id(ln)]
        area_left, area_right = areas[ln.page - 1]
        if len(group) > 1:
            seg = ln.segs[0]
            blocks.append(Block(
                text=" ".join(g.segs[0].text.strip() for g in group),
                style=_style_of_group(group),
                location=Location(line=number, page=ln.page),
                x0=round(seg.x0, 2),
                part=ln.part,
            ))
            continue
        mid = (area_left + area_right) / 2
        for seg in ln.segs:
            style = _style(seg)
            column = (0 if (seg.x0 + seg.x1) / 2 < mid else 1) if ln.columns else None
            if column is None and ln.part == "body" and len(ln.segs) == 1:
                gap_l, gap_r = seg.x0 - area_left, area_right - seg.x1
                if min(gap_l, gap_r) > 6.0 and abs(gap_l - gap_r) <= max(3.0, 0.03 * (area_right - area_left)):
                    style.align = "center"
            blocks.append(Block(
                text=seg.text,
                style=style,
                location=Location(line=number, page=ln.page),
                column=column,
                x0=round(seg.x0, 2),
                part=ln.part,
            ))
    return blocks
