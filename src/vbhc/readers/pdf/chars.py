"""Characters, images and rulings of one PDF page, through PDFium (pypdfium2's raw API).

pdfplumber builds a dict per character (91% of the old reader's time); PDFium gives the same
facts, at the same positions, for a few ctypes calls each: unicode, loose box (the advance width,
the font's ascent to descent), and per text object the font's name and weight, the size, the
render mode and the matrix. The calls are bound once with plain `c_void_p` arguments, so a call
costs no pointer-type conversion.

E-signing systems stamp the number and day into annotation appearance streams; each page with
annotations is flattened into its content first (FLAT_NORMALDISPLAY: what a viewer shows) and
reloaded, and characters past the page's own count are marked as stamped (`STAMP`): the blank the
drafter left under a stamp is not text.

Coordinates are turned into the displayed page: x from the left edge, y (top, bottom) from the
top edge, /Rotate applied. Characters are tuples for speed: see `Char`.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

V = ctypes.c_void_p
_INT, _UINT, _DOUBLE, _ULONG = ctypes.c_int, ctypes.c_uint, ctypes.c_double, ctypes.c_ulong


def _bind(name: str, restype: Any, *argtypes: Any) -> Any:
    """The PDFium function `name` with untyped pointer arguments (no per-call conversion)."""
    address = ctypes.cast(getattr(raw, name), V).value
    assert address is not None, name
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_count_chars = _bind("FPDFText_CountChars", _INT, V)
_unicode = _bind("FPDFText_GetUnicode", _UINT, V, _INT)
_loose_box = _bind("FPDFText_GetLooseCharBox", _INT, V, _INT, V)
_text_object = _bind("FPDFText_GetTextObject", V, V, _INT)
_char_matrix = _bind("FPDFText_GetMatrix", _INT, V, _INT, V)
_map_error = _bind("FPDFText_HasUnicodeMapError", _INT, V, _INT)
_obj_font = _bind("FPDFTextObj_GetFont", V, V)
_obj_font_size = _bind("FPDFTextObj_GetFontSize", _INT, V, V)
_obj_render_mode = _bind("FPDFTextObj_GetTextRenderMode", _INT, V)
_font_name = _bind("FPDFFont_GetBaseFontName", _ULONG, V, ctypes.c_char_p, _ULONG)
_font_weight = _bind("FPDFFont_GetWeight", _INT, V)
_count_objects = _bind("FPDFPage_CountObjects", _INT, V)
_get_object = _bind("FPDFPage_GetObject", V, V, _INT)
_form_count = _bind("FPDFFormObj_CountObjects", _INT, V)
_form_object = _bind("FPDFFormObj_GetObject", V, V, _ULONG)
_obj_type = _bind("FPDFPageObj_GetType", _INT, V)
_obj_bounds = _bind("FPDFPageObj_GetBounds", _INT, V, V, V, V, V)
_path_draw_mode = _bind("FPDFPath_GetDrawMode", _INT, V, V, V)
_annot_count = _bind("FPDFPage_GetAnnotCount", _INT, V)
_flatten = _bind("FPDFPage_Flatten", _INT, V, _INT)

# Word exports its non-breaking and optional hyphens with control codes ("03/2025/TT\x02VPCP").
WORD_HYPHENS = (0x02, 0x1E, 0x1F)
INVISIBLE_MODES = (3, 7)  # Tr 3: neither fill nor stroke (OCR layers); 7: clip only
BOLD_WEIGHT = 700
STAMP = 1  # flag: drawn by an annotation (e-signature stamp), not the page content
BOLD = 2  # flag: the font descriptor's weight says bold
DRAWN_TWICE = 4  # flag: the same text drawn again on itself (fake bold; PDFium keeps one copy)
DOUBLED_COVER = 0.6  # glyphs under a dropped text object covering this share of its width: a copy
MAX_FORM_DEPTH = 4  # form XObjects nested deeper are not searched for images and rulings
RULING_MAX_PT = 2.0  # a path this thin is a line (table ruling, footnote separator)
RULING_MIN_PT = 8.0  # … and at least this long

# (bottom, x0, x1, top, text, fontname, size, shear, flags); y from the page top, in points.
Char = tuple[float, float, float, float, str, str, float, float, int]


@dataclass
class Ruling:
    """A horizontal or vertical line drawn on the page (a thin path), in display coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass
class PageData:
    """What the reader takes from one page."""

    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rotated: int = 0  # glyphs not drawn horizontally (margin stamps), left out
    invisible: int = 0  # glyphs in an invisible render mode
    unmapped: int = 0  # glyphs without a Unicode value
    image_cover: float = 0.0  # share of the page area under images (capped at 1)
    rulings: list[Ruling] = field(default_factory=list)
    lines: list[Any] = field(default_factory=list)  # the page's printed lines (readers.pdf.lines.Line)
    skipped: str | None = None  # why the page was left out unread (preflight), else None


class _Frame:
    """User space → displayed page (x right, y down from the top-left corner), /Rotate applied."""

    def __init__(self, box: tuple[float, float, float, float], rotation: int):
        self.x0, self.y0, self.x1, self.y1 = box
        self.rotation = rotation % 360
        w, h = self.x1 - self.x0, self.y1 - self.y0
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)

    def rect(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space rectangle."""
        r = self.rotation
        if r == 0:
            return left - self.x0, self.y1 - top, right - self.x0, self.y1 - bottom
        if r == 90:
            return bottom - self.y0, left - self.x0, top - self.y0, right - self.x0
        if r == 180:
            return self.x1 - right, bottom - self.y0, self.x1 - left, top - self.y0
        return self.y1 - top, self.x1 - right, self.y1 - bottom, self.x1 - left

    def matrix(self, a: float, b: float, c: float, d: float) -> tuple[float, float, float, float]:
        """A text matrix's linear part as seen on the displayed page (y still upwards)."""
        for _ in range(self.rotation // 90):
            a, b, c, d = b, -a, d, -c
        return a, b, c, d


def open_document(source: Any) -> pdfium.PdfDocument:
    """Open with PDFium; raises pdfium.PdfiumError (see `load_error`)."""
    return pdfium.PdfDocument(source)


def load_error() -> str:
    """"password" or "broken": why the last PDFium load failed."""
    code = raw.FPDF_GetLastError()
    return "password" if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY) else "broken"


def read_page(doc: pdfium.PdfDocument, index: int, clock: Any = None) -> PageData:
    """Flatten the page's annotations, then read its characters, images and rulings."""
    page = doc[index]
    own = None
    try:
        if _annot_count(_handle(page)) > 0:
            text = page.get_textpage()
            own = _count_chars(_handle(text))
            text.close()
            if _flatten(_handle(page), raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
                page.close()
                page = doc[index]  # a flattened page must be reloaded before its text is read
            else:
                own = None
        frame = _Frame(tuple(page.get_mediabox()), page.get_rotation())
        data = PageData(width=frame.width, height=frame.height)
        text = page.get_textpage()
        try:
            seen = _read_chars(_handle(text), frame, data, own, clock)
        finally:
            text.close()
        doubled = _read_objects(_handle(page), frame, data, seen)
        if doubled:
            _mark_doubled(data, doubled)
        return data
    finally:
        page.close()


def _handle(obj: Any) -> int:
    return ctypes.cast(obj.raw, V).value or 0


def _font_facts(obj: int, buf: Any, size_out: ctypes.c_float) -> tuple[str, float, int, bool]:
    """(font name, font size, render mode, bold by weight) of one text object."""
    font = _obj_font(obj)
    name = ""
    bold = False
    if font:
        n = _font_name(font, buf, len(buf))
        name = buf.raw[: max(n - 1, 0)].decode("latin-1") if n else ""
        bold = _font_weight(font) >= BOLD_WEIGHT
    size = float(size_out.value) if _obj_font_size(obj, ctypes.addressof(size_out)) else 0.0
    return name, size, _obj_render_mode(obj), bold


def _object_facts(tp: int, i: int, obj: int, frame: _Frame, buf: Any, size_out: ctypes.c_float,
                  m: Any, m_p: int) -> tuple[str, float, bool, int, float, bool]:
    """(font name, size as drawn, invisible, flags, shear, upright) of the text object of char i."""
    name, fsize, mode, bold = _font_facts(obj, buf, size_out)
    _char_matrix(tp, i, m_p)
    a, b, c, d = frame.matrix(m.a, m.b, m.c, m.d)
    det = a * d - b * c
    scale = abs(det) / (math.hypot(a, b) or 1.0)
    shear = (a * c + b * d) / det if det else 0.0
    return name, fsize * scale, mode in INVISIBLE_MODES, BOLD if bold else 0, shear, a * d > 0 and b * c <= 0


def _odd_char(tp: int, i: int, code: int, data: PageData) -> str:
    """A code outside the ordinary planes: Word's hyphen controls, a control or a private-use
    value PDFium could not map to Unicode (counted, shown as U+FFFD), or a real private-use or
    astral character."""
    if code in WORD_HYPHENS:
        return "-"
    if code < 0x20 or 0xFFFD <= code < 0x10000 or code >= 0x110000 or (code <= 0xF8FF and _map_error(tp, i)):
        data.unmapped += 1
        return "\ufffd"
    return chr(code)


def _glue(target: list[Char], x1: float, mark: str) -> None:
    """A tone mark drawn as a glyph of its own stays on its letter (the glyph drawn before it)."""
    p = target[-1]
    target[-1] = (p[0], p[1], max(p[2], x1), p[3], p[4] + mark, p[5], p[6], p[7], p[8])


def _read_chars(tp: int, frame: _Frame, data: PageData, own: int | None, clock: Any) -> set[int]:
    """Every drawn glyph of the text page, as `Char` tuples; generated spaces and breaks skipped.
    Returns the text objects the glyphs came from."""
    n = _count_chars(tp)
    box = raw.FS_RECTF()
    box_p = ctypes.addressof(box)
    m = raw.FS_MATRIX()
    m_p = ctypes.addressof(m)
    buf = ctypes.create_string_buffer(256)
    size_out = ctypes.c_float()
    objects: dict[int, tuple[str, float, bool, int, float, bool]] = {}
    out = data.chars
    invisible: list[Char] = []
    rect = frame.rect
    width, height = frame.width, frame.height
    combining = unicodedata.combining
    for i in range(n):
        if i & 0x3FFF == 0x3FFF and clock is not None and clock.expired():
            break
        obj = _text_object(tp, i)
        if not obj:
            continue  # a space or line break PDFium generated
        facts = objects.get(obj)
        if facts is None:
            facts = objects[obj] = _object_facts(tp, i, obj, frame, buf, size_out, m, m_p)
        name, size, hidden, flags, shear, upright = facts
        if not upright:
            data.rotated += 1
            continue
        code = _unicode(tp, i)
        text = chr(code) if 0x20 <= code < 0xE000 else _odd_char(tp, i, code, data)
        _loose_box(tp, i, box_p)
        x0, _, x1, bottom = rect(box.left, box.bottom, box.right, box.top)
        if x1 < 0 or x0 > width or bottom < 0 or bottom - size > height:
            continue
        if own is not None and i >= own:
            flags |= STAMP
        target = invisible if hidden else out
        if text >= "\u0300" and combining(text) and target:
            _glue(target, x1, text)
            continue
        target.append((bottom, x0, x1, bottom - size, text, name, size, shear, flags))
    data.invisible = len(invisible)
    if len(invisible) > len(out):  # an OCR layer: the page's only text is its invisible one
        data.chars = invisible
    return set(objects)


def _read_objects(page: int, frame: _Frame, data: PageData, seen: set[int]) -> list[tuple[float, ...]]:
    """Images (how much of the page they cover) and thin paths (rulings), forms included; returns
    the boxes of text objects that gave no glyph (PDFium drops text drawn again on itself)."""
    left = ctypes.c_float()
    bottom = ctypes.c_float()
    right = ctypes.c_float()
    top = ctypes.c_float()
    ptrs = [ctypes.addressof(v) for v in (left, bottom, right, top)]
    area = 0.0
    doubled: list[tuple[float, ...]] = []
    todo: list[tuple[int, int]] = [(_get_object(page, i), 0) for i in range(_count_objects(page))]
    while todo:
        obj, depth = todo.pop()
        if not obj:
            continue
        kind = _obj_type(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            todo.extend((_form_object(obj, k), depth + 1) for k in range(_form_count(obj)))
            continue
        wanted = kind in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH) or (
            kind == raw.FPDF_PAGEOBJ_TEXT and obj not in seen)
        if not wanted or not _obj_bounds(obj, *ptrs):
            continue
        x0, y0, x1, y1 = frame.rect(left.value, bottom.value, right.value, top.value)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            if x1 - x0 >= 0.5 * (y1 - y0):  # narrower: a folded space, not a copy of a word
                doubled.append((x0, y0, x1, y1))
            continue
        x0, x1 = max(x0, 0.0), min(x1, frame.width)
        y0, y1 = max(y0, 0.0), min(y1, frame.height)
        if x1 <= x0 or y1 < y0:
            continue
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            area += (x1 - x0) * (y1 - y0)
            continue
        thin = min(x1 - x0, y1 - y0) <= RULING_MAX_PT and max(x1 - x0, y1 - y0) >= RULING_MIN_PT
        if thin:
            data.rulings.append(Ruling(x0, y0, x1, y1))
    page_area = frame.width * frame.height
    data.image_cover = min(area / page_area, 1.0) if page_area > 0 else 0.0
    return doubled


def _mark_doubled(data: PageData, boxes: list[tuple[float, ...]]) -> None:
    """Flag the glyphs lying under a text object PDFium dropped as a copy drawn on them.

    Text objects without glyphs are mostly spaces PDFium folded; a copy is told by the glyphs
    whose centres lie inside its box covering most of its width.
    """
    keyed = sorted(((c[1] + c[2]) / 2, k) for k, c in enumerate(data.chars))
    centres = [x for x, _ in keyed]
    order = [k for _, k in keyed]
    for x0, y0, x1, y1 in boxes:
        if x1 - x0 < 1.0:
            continue
        lo, hi = bisect.bisect_left(centres, x0), bisect.bisect_right(centres, x1)
        inside = [k for k in order[lo:hi] if y0 <= (data.chars[k][0] + data.chars[k][3]) / 2 <= y1
                  and not data.chars[k][4].isspace()]
        covered = sum(data.chars[k][2] - data.chars[k][1] for k in inside)
        if inside and covered >= DOUBLED_COVER * (x1 - x0):
            for k in inside:
                c = data.chars[k]
                data.chars[k] = (*c[:8], c[8] | DRAWN_TWICE)
