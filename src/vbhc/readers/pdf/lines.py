"""Characters → printed lines → segments (the runs between wide gaps), with their text and style.

1. chars are grouped into lines by their bottom edge (the baseline + `chars.DESCENT` × size, the
   same for every glyph of a line) with a tolerance of 0.3 × the font size; a smaller raised or
   lowered line (superscript) is merged into the line it sits in;
2. a line is cut into segments where two visible chars are more than max(15 pt, 1.5 × size)
   apart (a table cell or column boundary), except after a short label at the start of the line
   whose text continues in the left half (Word numbering "1.<tab>text" stays one segment);
3. a segment's text: the PDF's own space glyphs are kept as they are (double spaces included:
   PDFium keeps one glyph of a run of spaces, so the blank after it counts in space widths);
   where glyphs stand apart by more than 0.1 × the font size without a space glyph, one space is
   inserted (a Times space is 0.25 em, and Word squeezes some to 0.15 em in justified lines). A glyph drawn twice on
   itself (fake bold) is kept once and counts as bold.

A stamp (the number or day an e-signing system draws over the blank the drafter left) replaces
that blank: the content's space glyphs between the stamp and the nearest content glyphs are
dropped, one space stands for each gap, and none before or after a "/" ("Số: 176/TTr-SNV"). The same
stamp printed flat into the page (the PDF printed again) is known by its digits' own font or size: no space
beside its "/" either. A space glyph PDFium puts where the glyph before it starts (cairo's PDFs, at each
change of font inside a word: "T ự do") is dropped. A font cairo renamed ("CairoFont-0-1") names no face.
"""

from __future__ import annotations

import copy
import unicodedata
from collections import Counter
from operator import itemgetter

from vbhc.model import Style
from vbhc.readers import legacy
from vbhc.readers.pdf.chars import BOLD, DRAWN_TWICE, STAMP, Char
from vbhc.readers.pdf.fonts import U_HORN_WIDTH, family, is_placeholder, is_tcvn3, legacy_byte, legacy_font

LINE_TOL = 0.3  # × font size: bottoms closer than this are on the same line
SPACE_GAP = 0.1  # × font size: a gap wider than this between glyphs is a word space (as poppler)
SPLIT_MIN_PT = 15.0  # a gap wider than max(this, SPLIT_SIZE × size) cuts a line into segments
SPLIT_SIZE = 1.5
LABEL_MAX_CHARS = 12  # "1.", "a)", "Điều 12.", "-", "Số:" before a tab or blank are kept with their text
LABEL_ENDS = ".):"
BULLETS = "-+–•*▪◦o"
SHEAR_ITALIC = 0.15  # a text matrix slanted this much (tan ≈ 8.5°) is synthetic italic
COLLAPSED_SPACE = 0.8  # × a space's width: a blank after a space glyph this wide held more spaces
MAX_COLLAPSED = 8
STAMP_GAP = 3.0  # × size: a blank left for a stamp, narrower than this, does not cut the line
SCRIPT_SIZE = 0.85  # a line of glyphs smaller than this × its neighbour's, inside its band, is a script
SMALL_PRINT = 0.8  # a stamp's glyphs smaller than this × the page's usual size are its own lines
STAMPED_SIZE = 0.02  # a number's digits this share larger or smaller than its "/" were stamped in apart


_BOTTOM, _X0, _X1, _TOP, _SIZE = (itemgetter(k) for k in (0, 1, 2, 3, 6))


class Seg:
    """One run of a line between two wide gaps: becomes one Block (or one table cell line)."""

    __slots__ = ("chars", "x0", "x1", "top", "bottom", "text", "size", "legacy", "_style")

    def __init__(self, chars: list[Char]):
        self.chars = chars
        vis = [c for c in chars if not c[4].isspace()] or chars
        self.x0 = min(map(_X0, vis))
        self.x1 = max(map(_X1, vis))
        self.top = min(map(_TOP, vis))
        self.bottom = max(map(_BOTTOM, vis))
        self.size = max(map(_SIZE, vis))
        # legacy font family → (encoding, characters converted); None: no legacy font here
        self.legacy: dict[str, tuple[str, int]] | None = None
        self._style: Style | None = None
        if any(legacy_font(f) for f in {c[5] for c in chars}):
            self.text, self.legacy = _legacy_text(chars)
        else:
            self.text = unicodedata.normalize("NFC", "".join(_pieces(chars)).strip())


class Line:
    """The segments sharing a baseline on one page, with what post-processing decides."""

    __slots__ = ("page", "segs", "top", "bottom", "part", "columns", "table")

    def __init__(self, page: int, segs: list[Seg]):
        self.page = page
        self.segs = segs
        self.top = min(s.top for s in segs)
        self.bottom = max(s.bottom for s in segs)
        self.part = "body"
        self.columns = False
        self.table: object | None = None  # set by tables.mark_tables: the line lies in a ruled table

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    @property
    def size(self) -> float:
        return max(s.size for s in self.segs)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)


def page_lines(page: int, chars: list[Char], width: float) -> list[Line]:
    """Group a page's chars into lines (top to bottom), then cut each line into segments. A stamp's
    small print (a signature's "Ký bởi: …" box drawn over the header) is grouped apart from the content it
    overlaps, so that neither is read into the other glyph by glyph."""
    if not chars:
        return []
    chars = _u_horn(chars)
    content, small_print = _small_print(chars)
    groups = _merge_scripts(_group(content)) + _merge_scripts(_group(small_print))
    groups.sort(key=lambda g: min(c[0] for c in g))
    mid = width / 2
    return [Line(page, segs) for segs in (split(g, mid, width) for g in groups) if segs]


def _group(chars: list[Char]) -> list[list[Char]]:
    """Chars by their bottom edge: a line is the chars within LINE_TOL × size of its first one's."""
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
    return groups


def _small_print(chars: list[Char]) -> tuple[list[Char], list[Char]]:
    """(the page's own glyphs and the stamps of its size, the stamps' glyphs in print smaller than
    SMALL_PRINT × the page's most common size). The number and day a stamp fills a blank with are of the
    content's size and stay with it."""
    stamped = [c for c in chars if c[8] & STAMP]
    if not stamped:
        return chars, []
    sizes = Counter(c[6] for c in chars if not c[8] & STAMP)
    if not sizes:
        return chars, []
    bound = SMALL_PRINT * sizes.most_common(1)[0][0]
    if all(c[6] >= bound for c in stamped):
        return chars, []
    return [c for c in chars if not (c[8] & STAMP and c[6] < bound)], [c for c in stamped if c[6] < bound]


def _u_horn(chars: list[Char]) -> list[Char]:
    """TCVN3's ư (0xAD), which WinAnsi has no glyph for, back from the "-" or space it decodes to."""
    out = chars
    for i, c in enumerate(chars):
        if c[4] in "- " and c[2] - c[1] >= U_HORN_WIDTH * c[6] and is_tcvn3(c[5]):
            if out is chars:
                out = list(chars)
            out[i] = (c[0], c[1], c[2], c[3], "\xad", c[5], c[6], c[7], c[8])
    return out


def _merge_scripts(groups: list[list[Char]]) -> list[list[Char]]:
    """Put superscripts and subscripts (smaller glyphs inside a neighbour's band) into it."""
    if len(groups) < 2:
        return groups
    info = [(min(c[3] for c in g), max(c[0] for c in g), max(c[6] for c in g)) for g in groups]
    merged = [False] * len(groups)
    for i, g in enumerate(groups):
        top, bottom, size = info[i]
        for j in (i + 1, i - 1):
            if 0 <= j < len(groups) and not merged[j]:
                ntop, nbottom, nsize = info[j]
                inside = min(bottom, nbottom) - max(top, ntop)
                if size < SCRIPT_SIZE * nsize and inside >= 0.6 * (bottom - top):
                    groups[j].extend(g)
                    merged[i] = True
                    break
    return [g for i, g in enumerate(groups) if not merged[i]]


def split(chars: list[Char], mid: float, width: float) -> list[Seg]:
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
            stamp = (c[8] | prev[8]) & STAMP and c[1] - prev[2] < STAMP_GAP * prev[6]
            if not label and not stamp:
                segs.append(cur)
                cur = []
                visible = 0
        cur.append(c)
        visible += 1
        prev = c
    segs.append(cur)
    return [Seg(s) for s in segs if any(not c[4].isspace() for c in s)]


def _unstamp(chars: list[Char]) -> list[Char]:
    """Drop the space glyphs (the content's and the stamp's own) on both sides of each stamp."""
    keep = [True] * len(chars)
    n = len(chars)
    for i, c in enumerate(chars):
        if not c[8] & STAMP or c[4].isspace():
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < n and chars[j][4].isspace():
                keep[j] = False
                j += step
    return [c for c, k in zip(chars, keep, strict=True) if k]


def _pieces(chars: list[Char], fonts: list[str | None] | None = None) -> list[str]:
    """Glyphs left to right; a space where the PDF has one or where glyphs stand apart.
    With `fonts`, each piece's font is appended to it (None for an inserted space)."""
    if any(c[8] & STAMP for c in chars):
        chars = _unstamp(chars)
    stretch = _stretch(chars)
    parts: list[str] = []
    prev: Char | None = None
    for c in chars:
        t = c[4]
        if prev is not None:
            if t == prev[4] and abs(c[1] - prev[1]) < 1.0 and abs(c[0] - prev[0]) < 1.0:
                continue  # the same glyph drawn twice (fake bold): keep one
            if t == " " and c[2] < prev[2] - SPACE_GAP * c[6]:
                continue  # a space PDFium put where the glyph before it starts ("T ự": cairo's font change)
            if prev[4] == " " and not t.isspace():
                extra = _collapsed_spaces(prev, c, stretch)
                if extra:
                    parts.append(" " * extra)
                    if fonts is not None:
                        fonts.append(None)
            elif not t.isspace() and not prev[4].isspace() and _word_gap(prev, c):
                parts.append(" ")
                if fonts is not None:
                    fonts.append(None)
        parts.append(t)
        if fonts is not None:
            fonts.append(c[5])
        prev = c
    return parts


def _word_gap(prev: Char, c: Char) -> bool:
    """Is there a word space between two visible glyphs that no space glyph stands for?

    Glyphs apart by more than SPACE_GAP × size are words apart. Beside a stamp, letters and digits
    are always words apart (the stamp fills a blank between words), "/" never ("176/TTr-SNV").
    """
    if (c[8] ^ prev[8]) & STAMP:
        if "/" in (c[4], prev[4][-1]):
            return False
        if c[4].isalnum() and prev[4][-1].isalnum():
            return True
    elif _stamped_number(prev, c):
        return False
    return c[1] - prev[2] > SPACE_GAP * c[6]


def _stamped_number(a: Char, b: Char) -> bool:
    """A number's digits beside its "/" in another font or size: a stamp printed into the page ("176" filled
    into the blank of "Số:      /TTr-SNV", then the PDF printed again), whose "/" no space parts from it."""
    pair = {a[4][-1], b[4][:1]}
    return "/" in pair and any(ch.isdigit() for ch in pair) and (
        family(a[5])[0] != family(b[5])[0] or abs(a[6] - b[6]) > STAMPED_SIZE * max(a[6], b[6]))


def _stretch(chars: list[Char]) -> float:
    """The blank a justified line adds after each of its spaces (median over 3 spaces or more)."""
    gaps = sorted(b[1] - a[2] for a, b in zip(chars, chars[1:], strict=False)
                  if a[4] == " " and not b[4].isspace())
    return gaps[len(gaps) // 2] if len(gaps) >= 3 else 0.0


def _collapsed_spaces(space: Char, nxt: Char, stretch: float) -> int:
    """Space glyphs PDFium folded into the one before `nxt` (it keeps one of a run): the blank
    after the kept space, beyond the line's justification stretch, in space widths."""
    width = space[2] - space[1]
    gap = nxt[1] - space[2] - stretch
    if width <= 0 or gap < COLLAPSED_SPACE * width:
        return 0
    return min(round(gap / width), MAX_COLLAPSED)


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
        info = legacy_font(font) if font is not None else None
        if info is None:
            out.extend(parts[i:j])
        else:
            enc, caps, fam = info
            raw = "".join(legacy_byte(p) for p in parts[i:j])
            out.append(legacy.convert(raw, enc, caps))
            k = sum(1 for ch in raw if not ch.isspace())
            counts[fam] = (enc, counts[fam][1] + k if fam in counts else k)
        i = j
    return unicodedata.normalize("NFC", "".join(out).strip()), counts


def style(seg: Seg) -> Style:
    """Majority font, size, bold and italic by visible character count; every font used (a fresh
    copy: callers may set what they infer, such as the alignment)."""
    if seg._style is None:
        seg._style = _style(seg)
    st = copy.copy(seg._style)
    st.fonts = list(st.fonts)
    return st


def majority_style(segs: list[Seg]) -> Style:
    """The style of several pieces read as one (a wrapped paragraph's lines, a cell's lines): the
    first piece's, bold and italic by majority of characters, every font used."""
    styles = [(style(s), len(s.text)) for s in segs]
    first = styles[0][0]
    total = sum(n for _, n in styles) or 1
    for attr in ("bold", "italic"):
        setattr(first, attr, sum(n for st, n in styles if getattr(st, attr)) * 2 > total)
    first.fonts = sorted({f for st, _ in styles for f in st.fonts})
    return first


def _style(seg: Seg) -> Style:
    runs = Counter((c[5], c[6], c[8], c[7]) for c in seg.chars if not c[4].isspace())
    if not runs:
        return Style()
    fonts: Counter[str] = Counter()
    sizes: Counter[float] = Counter()
    bold = italic = doubled = 0
    for (name, size, flags, shear), n in runs.items():
        fam, b, i = family(name)
        if not is_placeholder(fam):
            fonts[fam] += n
        sizes[round(size * 2) / 2] += n
        bold += n if b or flags & BOLD else 0
        italic += n if i or abs(shear) > SHEAR_ITALIC else 0
        doubled += n if flags & DRAWN_TWICE else 0
    total = sum(runs.values())
    # the fonts the letters are in: an arrow, a check mark or a footnote's digit that the text's font has no
    # glyph for is drawn in a fallback font ("→" in DejaVu Math, "✓" in OpenSymbol), which is no font of the text
    letter_fonts = dict.fromkeys(family(c[5])[0] for c in seg.chars if c[4].isalpha())
    lettered = [fam for fam in letter_fonts if not is_placeholder(fam)]
    bolded, slanted = bold * 2 >= total or doubled * 3 >= total, italic * 2 >= total
    if not fonts:  # a PDF printed again through cairo names every font "CairoFont-0-1": face and style unknown
        return Style(size_pt=sizes.most_common(1)[0][0], bold=bolded or None, italic=slanted or None)
    return Style(
        font=fonts.most_common(1)[0][0],
        size_pt=sizes.most_common(1)[0][0],
        bold=bolded,
        italic=slanted,
        fonts=list(lettered or fonts),
    )
