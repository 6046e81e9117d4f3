"""Run and paragraph properties (w:rPr, w:pPr) as set at one level, and the theme's fonts.

Each reader returns a plain dict of what that one element sets, nothing inherited; the style
chain (styles.py) and the walker merge the levels in Word's order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from vbhc.readers.docx.names import A_NS, PSTYLE, RSTYLE, SECTPR, VAL, w

TOGGLES = ("b", "i", "caps", "vanish")
WORD_DEFAULT_HALF_POINTS = 20  # Word's built-in size when no w:sz is set anywhere: 10 pt

_JC = {
    "both": "justify", "distribute": "justify", "thaiDistribute": "justify", "lowKashida": "justify",
    "mediumKashida": "justify", "highKashida": "justify", "center": "center",
    "right": "right", "end": "right", "left": "left", "start": "left",
}
_FALSE = {"0", "false", "off", "none"}

A_ASCII, A_HANSI, A_ASCII_TH, A_HANSI_TH = w("ascii"), w("hAnsi"), w("asciiTheme"), w("hAnsiTheme")
A_LEFT, A_START, A_HANGING, A_FIRST = w("left"), w("start"), w("hanging"), w("firstLine")
A_BEFORE, A_AFTER, A_LINE, A_RULE = w("before"), w("after"), w("line"), w("lineRule")
ILVL, NUMID, A_POS = w("ilvl"), w("numId"), w("pos")


_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


def to_int(value: str | None) -> int | None:
    """Integers as Word writes them; LibreOffice sometimes writes "240.0"; junk is None."""
    if value is None:
        return None
    try:
        n = int(value)
    except ValueError:
        try:
            n = int(float(value))
        except (ValueError, OverflowError):  # "abc", "nan", "1e400" (found by bench/fuzz_mutate.py)
            return None
    # OOXML numbers are 32-bit; a crafted "999999999999" must not become a 10^12-letter label
    if _INT_MIN <= n <= _INT_MAX:
        return n
    return _INT_MIN if n < 0 else _INT_MAX


def toggle(el: etree._Element) -> bool:
    """An on/off property element: present without w:val means on."""
    v = el.get(VAL)
    return v is None or v.lower() not in _FALSE


def on_attr(v: str | None) -> bool:
    """An on/off attribute (w:default="1"): absent means off."""
    return v is not None and v.lower() in ("1", "true", "on")


class Theme:
    """Theme fonts (`minorHAnsi` → "Calibri"), resolved only if a style asks for them: the theme
    part (7–11 KB in a Word file) is parsed then, through `load`, or never."""

    def __init__(self, root: etree._Element | None = None, load: Callable[[], etree._Element | None] | None = None):
        self._load = load
        self.fonts: dict[str, str] = {}
        self._read(root)

    def _read(self, root: etree._Element | None) -> None:
        if root is None:
            return
        for kind in ("major", "minor"):
            el = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
            if el is not None and el.get("typeface"):
                self.fonts[kind] = el.get("typeface") or ""

    def font(self, theme_name: str | None) -> str | None:
        if not theme_name:
            return None
        if self._load is not None:
            load, self._load = self._load, None
            self._read(load())
        return self.fonts.get("major" if theme_name.startswith("major") else "minor")


# --- w:rPr ------------------------------------------------------------------------------------

def _fonts(el: etree._Element, out: dict[str, Any], theme: Theme) -> None:
    for key, plain, themed in (("ascii", A_ASCII, A_ASCII_TH), ("hAnsi", A_HANSI, A_HANSI_TH)):
        theme_name = el.get(themed)
        if theme_name is not None:  # a theme attribute wins over the plain one at this level
            out[key] = theme.font(theme_name)
        else:
            value = el.get(plain)
            if value is not None:
                out[key] = value


def _size(el: etree._Element, out: dict[str, Any], theme: Theme) -> None:
    sz = to_int(el.get(VAL))
    if sz is not None:
        out["sz"] = sz


def _underline(el: etree._Element, out: dict[str, Any], theme: Theme) -> None:
    out["u"] = (el.get(VAL) or "single").lower() != "none"


def _toggle_into(name: str) -> Callable[[etree._Element, dict[str, Any], Theme], None]:
    def read(el: etree._Element, out: dict[str, Any], theme: Theme) -> None:
        out[name] = toggle(el)
    return read


_RPR_READERS: dict[str, Callable[[etree._Element, dict[str, Any], Theme], None]] = {
    w("rFonts"): _fonts, w("sz"): _size, w("u"): _underline, **{w(n): _toggle_into(n) for n in TOGGLES},
}


def read_rpr(rpr: etree._Element | None, theme: Theme) -> dict[str, Any]:
    """The run properties we report, as set at this one level (nothing inherited)."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    for el in rpr:
        reader = _RPR_READERS.get(el.tag)
        if reader is not None:
            reader(el, out, theme)
    return out


def read_run(rpr: etree._Element, theme: Theme) -> tuple[str | None, dict[str, Any]]:
    """(character style id, run properties) of a run's w:rPr, in one pass over it."""
    out: dict[str, Any] = {}
    style: str | None = None
    seen = False
    for el in rpr:
        tag = el.tag
        if tag == RSTYLE:
            if not seen:  # the first w:rStyle counts, as find() would take it
                style, seen = el.get(VAL), True
            continue
        reader = _RPR_READERS.get(tag)
        if reader is not None:
            reader(el, out, theme)
    return style, out


# --- w:pPr ------------------------------------------------------------------------------------

def _jc(el: etree._Element, out: dict[str, Any]) -> None:
    jc = _JC.get(el.get(VAL) or "")
    if jc:
        out["jc"] = jc


def _ind(el: etree._Element, out: dict[str, Any]) -> None:
    left = to_int(el.get(A_LEFT) if el.get(A_LEFT) is not None else el.get(A_START))
    if left is not None:
        out["left"] = left
    hanging, first = to_int(el.get(A_HANGING)), to_int(el.get(A_FIRST))
    if hanging is not None:
        out["first"] = -hanging
    elif first is not None:
        out["first"] = first


def _spacing(el: etree._Element, out: dict[str, Any]) -> None:
    for key, attr in (("before", A_BEFORE), ("after", A_AFTER), ("line", A_LINE)):
        v = to_int(el.get(attr))
        if v is not None:
            out[key] = v
    rule = el.get(A_RULE)
    if rule is not None:
        out["lineRule"] = rule
    elif "line" in out:
        out["lineRule"] = "auto"


def _num_pr(el: etree._Element, out: dict[str, Any]) -> None:
    ilvl = el.find(ILVL)
    num = el.find(NUMID)
    level = to_int(ilvl.get(VAL)) if ilvl is not None else None
    if level is not None:
        out["ilvl"] = level
    if num is not None and num.get(VAL) is not None:
        out["numId"] = num.get(VAL)


def _tabs(el: etree._Element, out: dict[str, Any]) -> None:
    """Custom tab stop positions set here, and the inherited ones this level clears."""
    stops: list[int] = []
    cleared: list[int] = []
    for tab in el:
        pos = to_int(tab.get(A_POS))
        if pos is not None:
            (cleared if tab.get(VAL) == "clear" else stops).append(pos)
    out["tabs"] = tuple(stops)
    if cleared:
        out["tabs_cleared"] = tuple(cleared)


_PPR_READERS: dict[str, Callable[[etree._Element, dict[str, Any]], None]] = {
    w("jc"): _jc, w("ind"): _ind, w("spacing"): _spacing, w("numPr"): _num_pr, w("tabs"): _tabs,
}


def read_ppr(ppr: etree._Element | None) -> dict[str, Any]:
    """The paragraph properties we report, as set at this one level."""
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    for el in ppr:
        reader = _PPR_READERS.get(el.tag)
        if reader is not None:
            reader(el, out)
    return out


def read_paragraph(ppr: etree._Element | None) -> tuple[str | None, dict[str, Any], bool]:
    """(paragraph style id, paragraph properties, whether a section ends here: a w:sectPr) of a paragraph's
    w:pPr, in one pass over it."""
    out: dict[str, Any] = {}
    if ppr is None:
        return None, out, False
    style: str | None = None
    seen = ends_section = False
    for el in ppr:
        tag = el.tag
        if tag == PSTYLE:
            if not seen:
                style, seen = el.get(VAL), True
            continue
        reader = _PPR_READERS.get(tag)
        if reader is not None:
            reader(el, out)
        elif tag == SECTPR:
            ends_section = True
    return style, out, ends_section
