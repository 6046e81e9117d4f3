"""Font names as PDFs carry them → the family Word shows, bold, italic; legacy Vietnamese fonts.

Legacy fonts (TCVN3/ABC .VnTime, .VnTimeH …; VNI-Times …): a PDF printed from such a document
without a ToUnicode map gives each byte decoded through the font's simple encoding (WinAnsi: the
byte read as Windows-1252). Runs of legacy glyphs are mapped back to their bytes (Windows-1252,
else Latin-1) and converted with the legacy tables (capitals for the "H" fonts). WinAnsi has no
glyph for TCVN3's 0xAD (ư): PDFium decodes it as "-" (pdfminer as a space), so a "-" or space as
wide as a letter (≥ 0.4 em) in a TCVN3 font is taken back as 0xAD.
"""

from __future__ import annotations

from vbhc import rx
from vbhc.readers import legacy

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
U_HORN_WIDTH = 0.4  # × font size: a TCVN3 "-" or space this wide is the letter ư (byte 0xAD)
CACHE_MAX = 4096  # a hostile file naming a new font per glyph must not grow the caches forever

_NAME_ESCAPE = rx.compile(r"#([0-9A-Fa-f]{2})")
_FAMILY_CACHE: dict[str, tuple[str, bool, bool]] = {}
_LEGACY_CACHE: dict[str, tuple[str, bool, str] | None] = {}
_BYTES: dict[str, str] = {}


def _unescape(name: str) -> str:
    """A PDF name's #xx escapes (".VnArial#20NarrowH"), in case the parser left them."""
    return _NAME_ESCAPE.sub(lambda m: chr(int(m[1], 16)), name) if "#" in name else name


def _parse_family(fontname: str) -> tuple[str, bool, bool]:
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


# Names a PDF writer makes up instead of the font's own: cairo (Firefox's and GNOME's "print to PDF",
# pdftocairo) calls every font "CairoFont-<n>-<m>", poppler a Type 3 font "T3Font_<n>". Face and style unknown.
_PLACEHOLDER = rx.compile(r"CairoFont-\d+-\d+|T3Font_\d+")


def is_placeholder(fam: str) -> bool:
    """A family (as `family` gives it) that names no real font."""
    return _PLACEHOLDER.fullmatch(fam) is not None


def family(fontname: str) -> tuple[str, bool, bool]:
    """PostScript name → (family, bold, italic): "ABCDEF+TimesNewRomanPS-BoldMT" → Times New Roman."""
    info = _FAMILY_CACHE.get(fontname)
    if info is None:
        if len(_FAMILY_CACHE) > CACHE_MAX:
            _FAMILY_CACHE.clear()
        info = _FAMILY_CACHE[fontname] = _parse_family(fontname)
    return info


def legacy_font(fontname: str) -> tuple[str, bool, str] | None:
    """(encoding, all-capitals, family) of a legacy font ("ABCDEF+.VnTimeH,Bold"), else None."""
    if fontname in _LEGACY_CACHE:
        return _LEGACY_CACHE[fontname]
    fam = family(fontname)[0]
    enc = legacy.font_encoding(fam)
    info = (enc, legacy.is_caps_font(fam), fam) if enc else None
    if len(_LEGACY_CACHE) > CACHE_MAX:
        _LEGACY_CACHE.clear()
    _LEGACY_CACHE[fontname] = info
    return info


def is_tcvn3(fontname: str) -> bool:
    info = legacy_font(fontname)
    return info is not None and info[0] == legacy.TCVN3_NAME


def legacy_byte(text: str) -> str:
    """The legacy bytes (as Latin-1 characters) behind a glyph's decoded text: Windows-1252 (what
    WinAnsiEncoding decodes to), else Latin-1."""
    got = _BYTES.get(text)
    if got is None:
        out = []
        for ch in text:
            try:
                out.append(ch.encode("cp1252").decode("latin-1"))
            except UnicodeEncodeError:
                out.append(ch)  # Latin-1 controls are their byte already; anything else stays
        got = "".join(out)
        if len(_BYTES) < CACHE_MAX:
            _BYTES[text] = got
    return got
