"""Characters, images and rulings of one PDF page, through PDFium (pypdfium2's raw API).

pdfplumber builds a dict per character (91% of the old reader's time); PDFium gives the same
facts, at the same positions, for a few ctypes calls each: unicode, loose box (the advance width,
the font's ascent to descent), and per text object the font's name and weight, the size, the
render mode and the matrix. The calls are bound once with plain `c_void_p` arguments, so a call
costs no pointer-type conversion.

E-signing systems stamp the number and day into annotation appearance streams; a page with an
annotation that draws text is flattened into its content first (FLAT_NORMALDISPLAY: what a viewer
shows; annotations without text, such as signature images and links, are removed first) and
reloaded, and characters past the page's own count are marked as stamped (`STAMP`): the blank the
drafter left under a stamp is not text.

A page mostly covered by images whose text layer does not read as Vietnamese (a scanner's OCR) is
not read glyph by glyph: see readers.pdf.scan.

Coordinates are turned into the displayed page: x from the left edge, y (top, bottom) from the
top edge, /Rotate applied. Characters are tuples for speed: see `Char`.
"""

from __future__ import annotations

import ctypes
import logging
import math
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from vbhc.readers.pdf.scan import IMAGE_PAGE, reads_vietnamese


def _quiet_pypdfium2() -> None:
    """pypdfium2 reports its own bookkeeping at exit ("Weakref … was not cleaned up from ObjectTracker?")
    after a page's clock stopped it mid-call: the user has had the refusal in Vietnamese, not a library's
    line. Version 4 logs it; version 5 writes it to the stderr descriptor itself, at or above the level in
    `pypdfium2_cfg.DEBUG_AUTOCLOSE`."""
    logging.getLogger("pypdfium2").addHandler(logging.NullHandler())
    try:
        import pypdfium2_cfg
    except ImportError:
        return
    level = getattr(pypdfium2_cfg, "DEBUG_AUTOCLOSE", None)
    if level is not None and hasattr(level, "value"):
        level.value = logging.CRITICAL + 1


_quiet_pypdfium2()

V = ctypes.c_void_p
_INT, _UINT, _DOUBLE, _ULONG = ctypes.c_int, ctypes.c_uint, ctypes.c_double, ctypes.c_ulong


def _bind(name: str, restype: Any, *argtypes: Any) -> Any:
    """The PDFium function `name` with untyped pointer arguments (no per-call conversion)."""
    address = ctypes.cast(getattr(raw, name), V).value
    assert address is not None, name
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_count_chars = _bind("FPDFText_CountChars", _INT, V)
_unicode = _bind("FPDFText_GetUnicode", _UINT, V, _INT)
_get_text = _bind("FPDFText_GetText", _INT, V, _INT, _INT, V)
_loose_box = _bind("FPDFText_GetLooseCharBox", _INT, V, _INT, V)
_origin = _bind("FPDFText_GetCharOrigin", _INT, V, _INT, V, V)
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
_get_annot = _bind("FPDFPage_GetAnnot", V, V, _INT)
_close_annot = _bind("FPDFPage_CloseAnnot", None, V)
_annot_objects = _bind("FPDFAnnot_GetObjectCount", _INT, V)
_annot_object = _bind("FPDFAnnot_GetObject", V, V, _INT)
_remove_annot = _bind("FPDFPage_RemoveAnnot", _INT, V, _INT)
_flatten = _bind("FPDFPage_Flatten", _INT, V, _INT)

# Word exports its non-breaking and optional hyphens with control codes ("03/2025/TT\x02VPCP").
WORD_HYPHENS = (0x02, 0x1E, 0x1F, 0xFFFE)  # PDFium's text gives U+FFFE for 0x02
INVISIBLE_MODES = (3, 7)  # Tr 3: neither fill nor stroke (OCR layers); 7: clip only
BOLD_WEIGHT = 700
STAMP = 1  # flag: drawn by an annotation (e-signature stamp), not the page content
BOLD = 2  # flag: the font descriptor's weight says bold
DRAWN_TWICE = 4  # flag: the same text drawn again on itself (fake bold; PDFium keeps one copy)
BAND_PT = 8.0  # height of the bands glyphs are looked up by
DOUBLED_COVER = 0.6  # glyphs under a dropped text object covering this share of its width: a copy
MAX_FORM_DEPTH = 4  # form XObjects nested deeper are not searched for images and rulings
# A glyph's bottom is its baseline plus this × its size: Times New Roman's descent, where the loose box
# of every real PDF at hand sits (Word, Aspose, DevExpress, docx4j: 0.216 em, glyph after glyph). A
# font subset of LibreOffice's has its own (−0.41 to 0.30 em between the glyph runs of one line),
# which set the "p" of "Độc lập" and the "Ộ" of "CHỦ TỊCH" apart from their line.
DESCENT = 0.216
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
    garbage: int = 0  # words of an image page's text layer that does not read as Vietnamese (not read)


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
        if _annot_count(_handle(page)) and _stamps_text(_handle(page)):
            text = page.get_textpage()
            own = _count_chars(_handle(text))
            text.close()
            if _flatten(_handle(page), raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
                page.close()
                page = doc[index]  # a flattened page must be reloaded before its text is read
            else:
                own = None
        box = tuple(page.get_mediabox())
        data = _read_in(page, _Frame(box, page.get_rotation()), own, clock)
        if page.get_rotation() and data.rotated > len(data.chars):
            # the text stands sideways on the page as shown: someone turned the page, not the text
            data = _read_in(page, _Frame(box, 0), own, clock)
        return data
    finally:
        page.close()


def _read_in(page: Any, frame: _Frame, own: int | None, clock: Any) -> PageData:
    """The page's glyphs, images and rulings, placed in `frame`."""
    data = PageData(width=frame.width, height=frame.height)
    texts = _read_objects(_handle(page), frame, data)
    textpage = page.get_textpage()
    try:
        tp = _handle(textpage)
        n = _count_chars(tp)
        text = _page_text(tp, n)
        if data.image_cover >= IMAGE_PAGE and text is not None and not reads_vietnamese(text):
            data.garbage = len(text.split())  # a scan's OCR layer: not worth reading glyph by glyph
            return data
        seen = _read_chars(tp, n, text, frame, data, own, clock)
    finally:
        textpage.close()
    doubled = _dropped_boxes(texts, seen, frame)
    if doubled:
        _mark_doubled(data, doubled)
    return data


def _stamps_text(page: int) -> bool:
    """Does an annotation of the page draw text? Then the others (signature images, links) are
    removed and the page is flattened: flattening costs a reload of the page, and what is merged
    in is parsed again."""
    keep = [_has_text(page, i) for i in range(_annot_count(page))]
    if not any(keep):
        return False
    for i in reversed(range(len(keep))):
        if not keep[i]:
            _remove_annot(page, i)
    return True


def _has_text(page: int, index: int) -> bool:
    annot = _get_annot(page, index)
    if not annot:
        return False
    try:
        todo = [(_annot_object(annot, k), 0) for k in range(_annot_objects(annot))]
        while todo:
            obj, depth = todo.pop()
            kind = _obj_type(obj) if obj else 0
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                return True
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                todo.extend((_form_object(obj, k), depth + 1) for k in range(_form_count(obj)))
        return False
    finally:
        _close_annot(annot)


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
    upright = a > 0 and d > 0 and b * c <= 0  # horizontal, not upside down (a slight tilt is kept)
    return name, fsize * scale, mode in INVISIBLE_MODES, BOLD if bold else 0, shear, upright


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


def _page_text(tp: int, n: int) -> str | None:
    """The text page's characters in one call, one per char index (None if they do not align)."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = _get_text(tp, 0, n, ctypes.addressof(buf))
    text = ctypes.string_at(ctypes.addressof(buf), max(got - 1, 0) * 2).decode("utf-16-le", "surrogatepass")
    return text if len(text) == n else None


class _CharReader:
    """Reads the glyphs of one text page into a PageData (see `_read_chars`)."""

    def __init__(self, tp: int, frame: _Frame, data: PageData, clock: Any):
        self.tp, self.frame, self.data, self.clock = tp, frame, data, clock
        self.box = raw.FS_RECTF()
        self.m = raw.FS_MATRIX()
        self.buf = ctypes.create_string_buffer(256)
        self.size_out = ctypes.c_float()
        self.objects: dict[int, tuple[str, float, bool, int, float, bool]] = {}
        self.invisible: list[Char] = []
        self.origin_x, self.origin_y = ctypes.c_double(), ctypes.c_double()  # kept alive: PDFium writes here

    def facts(self, i: int, obj: int) -> tuple[str, float, bool, int, float, bool]:
        facts = self.objects[obj] = _object_facts(self.tp, i, obj, self.frame, self.buf, self.size_out, self.m,
                                                  ctypes.addressof(self.m))
        return facts

    def run(self, start: int, stop: int, text: str | None, stamp: int) -> bool:
        """Glyphs start..stop-1, with `stamp` added to their flags; False when the clock ran out."""
        tp, data, objects, box = self.tp, self.data, self.objects, self.box
        box_p = ctypes.addressof(box)
        frame = self.frame
        plain = frame.rotation == 0
        fx0, fy1, width, height = frame.x0, frame.y1, frame.width, frame.height
        out, invisible = data.chars, self.invisible
        combining = unicodedata.combining
        origin_y = self.origin_y
        x_p, y_p = ctypes.addressof(self.origin_x), ctypes.addressof(origin_y)
        for i in range(start, stop):
            if i & 0x3FFF == 0x3FFF and self.clock is not None and self.clock.expired():
                return False
            obj = _text_object(tp, i)
            if not obj:
                continue  # a space or line break PDFium generated
            name, size, hidden, flags, shear, upright = objects.get(obj) or self.facts(i, obj)
            if not upright:
                data.rotated += 1
                continue
            ch = text[i] if text is not None else chr(_unicode(tp, i))
            if not " " <= ch < "\ue000":
                ch = _odd_char(tp, i, ord(ch), data)
            _loose_box(tp, i, box_p)
            if plain:
                x0, x1, bottom = box.left - fx0, box.right - fx0, fy1 - box.bottom
                if _origin(tp, i, x_p, y_p):  # the loose box's descent varies between glyphs of one object
                    bottom = fy1 - origin_y.value + DESCENT * size
            else:
                x0, _, x1, bottom = frame.rect(box.left, box.bottom, box.right, box.top)
            if x1 < 0 or x0 > width or bottom < 0 or bottom - size > height:
                continue
            target = invisible if hidden else out
            if ch >= "\u0300" and combining(ch) and target:
                _glue(target, x1, ch)
                continue
            target.append((bottom, x0, x1, bottom - size, ch, name, size, shear, flags | stamp))
        return True


def _read_chars(tp: int, n: int, text: str | None, frame: _Frame, data: PageData, own: int | None,
                clock: Any) -> set[int]:
    """Every drawn glyph of the text page, as `Char` tuples; generated spaces and breaks skipped;
    glyphs past `own` (the page's own before flattening) are stamped. Returns the text objects
    the glyphs came from."""
    reader = _CharReader(tp, frame, data, clock)
    split = n if own is None else min(own, n)
    if reader.run(0, split, text, 0):
        reader.run(split, n, text, STAMP)
    invisible = reader.invisible
    data.invisible = len(invisible)
    if len(invisible) > len(data.chars):  # an OCR layer: the page's only text is its invisible one
        data.chars = invisible
    return set(reader.objects)


class _Bounds:
    """FPDFPageObj_GetBounds with its four out-values, in display coordinates."""

    def __init__(self, frame: _Frame):
        self.frame = frame
        self.values = [ctypes.c_float() for _ in range(4)]
        self.ptrs = [ctypes.addressof(v) for v in self.values]

    def of(self, obj: int) -> tuple[float, float, float, float] | None:
        if not _obj_bounds(obj, *self.ptrs):
            return None
        left, bottom, right, top = (v.value for v in self.values)
        return self.frame.rect(left, bottom, right, top)


def _dropped_boxes(texts: list[int], seen: set[int], frame: _Frame) -> list[tuple[float, ...]]:
    """The boxes of text objects that gave no glyph (PDFium drops text drawn again on itself),
    save the narrow ones (folded spaces)."""
    bounds = _Bounds(frame)
    out: list[tuple[float, ...]] = []
    for obj in texts:
        if obj in seen:
            continue
        box = bounds.of(obj)
        if box is not None and box[2] - box[0] >= 0.5 * (box[3] - box[1]):
            out.append(box)
    return out


def _read_objects(page: int, frame: _Frame, data: PageData) -> list[int]:
    """Images (how much of the page they cover) and thin paths (rulings), forms included; returns
    the page's text objects."""
    bounds = _Bounds(frame)
    area = 0.0
    texts: list[int] = []
    todo: list[tuple[int, int]] = [(_get_object(page, i), 0) for i in range(_count_objects(page))]
    while todo:
        obj, depth = todo.pop()
        if not obj:
            continue
        kind = _obj_type(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            todo.extend((_form_object(obj, k), depth + 1) for k in range(_form_count(obj)))
            continue
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            texts.append(obj)
            continue
        box = bounds.of(obj) if kind in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH) else None
        if box is None:
            continue
        x0, y0, x1, y1 = box
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
    return texts


def _mark_doubled(data: PageData, boxes: list[tuple[float, ...]]) -> None:
    """Flag the glyphs lying under a text object PDFium dropped as a copy drawn on them.

    Text objects without glyphs are mostly spaces PDFium folded; a copy is told by the glyphs
    whose centres lie inside its box covering most of its width. Glyphs are looked up by bands
    of their centre's height.
    """
    bands: dict[int, list[int]] = {}
    for k, c in enumerate(data.chars):
        if not c[4].isspace():
            bands.setdefault(int((c[0] + c[3]) / 2 / BAND_PT), []).append(k)
    chars = data.chars
    for x0, y0, x1, y1 in boxes:
        inside = [k for band in range(int(y0 / BAND_PT), int(y1 / BAND_PT) + 1) for k in bands.get(band, ())
                  if x0 <= (chars[k][1] + chars[k][2]) / 2 <= x1 and y0 <= (chars[k][0] + chars[k][3]) / 2 <= y1]
        covered = sum(chars[k][2] - chars[k][1] for k in inside)
        if inside and covered >= DOUBLED_COVER * (x1 - x0):
            for k in inside:
                c = chars[k]
                chars[k] = (*c[:8], c[8] | DRAWN_TWICE)
