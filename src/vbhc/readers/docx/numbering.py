"""numbering.xml: Word's automatic list numbering, rendered into the label Word shows ("a)", "2.").

Counters live per abstract list, or per w:num when it overrides a start; a numbering style
(w:numStyleLink) is followed to the list it names. Labels are built from w:lvlText with each
"%n" replaced by level n's counter in its own format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from vbhc.numbering import roman
from vbhc.readers.docx.names import VAL, local, w
from vbhc.readers.docx.properties import Theme, read_ppr, read_rpr, to_int, toggle
from vbhc.readers.docx.styles import Styles

LEVELS = 9  # w:ilvl 0–8
MAX_LINK_DEPTH = 5
MAX_LETTER_REPEAT = 40  # past "zz…z" (40 letters) a crafted number is shown as digits
_DASHES = {"-", "–", "—", "‐", "‑", "−", "\uf02d", "\uf0ad", "\uf0a8"}
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class Level:
    start: int = 0  # the spec's default; Word's UI always writes w:start
    fmt: str = "decimal"
    text: str | None = None
    suff: str = "tab"
    restart: int | None = None
    legal: bool = False
    pstyle: str | None = None
    ppr: dict[str, Any] = field(default_factory=dict)
    rpr: dict[str, Any] = field(default_factory=dict)


def _set_start(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.start = to_int(el.get(VAL)) or 0


def _set_fmt(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.fmt = el.get(VAL) or "decimal"


def _set_text(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.text = el.get(VAL)


def _set_suff(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.suff = el.get(VAL) or "tab"


def _set_restart(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.restart = to_int(el.get(VAL))


def _set_legal(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.legal = toggle(el)


def _set_pstyle(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.pstyle = el.get(VAL)


def _set_ppr(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.ppr = read_ppr(el)


def _set_rpr(lvl: Level, el: etree._Element, theme: Theme) -> None:
    lvl.rpr = read_rpr(el, theme)


_LEVEL_READERS = {
    "start": _set_start, "numFmt": _set_fmt, "lvlText": _set_text, "suff": _set_suff,
    "lvlRestart": _set_restart, "isLgl": _set_legal, "pStyle": _set_pstyle, "pPr": _set_ppr, "rPr": _set_rpr,
}


def read_level(lvl: etree._Element, theme: Theme) -> Level:
    out = Level()
    for el in lvl:
        reader = _LEVEL_READERS.get(local(el.tag) or "")
        if reader is not None:
            reader(out, el, theme)
    return out


# --- numbers as Word writes them (Roman numerals from vbhc.numbering; Word's letters are its own) --

def letter(n: int) -> str:
    """Word's lowerLetter: a…z, then aa…zz, aaa…: the English alphabet, as Word shows it."""
    if n <= 0 or n > 26 * MAX_LETTER_REPEAT:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "lowerLetter": letter,
    "upperLetter": lambda n: letter(n).upper(),
    "lowerRoman": lambda n: roman(n).lower(),
    "upperRoman": roman,
    "decimalZero": lambda n: f"{n:02d}",
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """A counter in a w:numFmt; formats we do not know are shown as decimal digits."""
    fn = _FORMATS.get(fmt)
    return fn(n) if fn is not None else str(n)


# --- the lists -------------------------------------------------------------------------------

@dataclass
class _Num:
    """One w:num: its abstract list, the starts it overrides and the levels it redefines."""

    abstract: str
    starts: dict[int, int]
    levels: dict[int, Level]


class Numbering:
    """numbering.xml with Word's counters: per abstract list, or per w:num when it overrides."""

    def __init__(self, root: etree._Element | None, styles: Styles):
        self._abstract_elements: dict[str, etree._Element] = {}  # read into levels when first used
        self._abstract: dict[str, dict[int, Level]] = {}
        self.abstract_link: dict[str, str] = {}  # abstractNumId → numbering style id (numStyleLink)
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[int | None]] = {}
        self._abstract_of: dict[str, str | None] = {}
        self._level_of: dict[tuple[str, int], Level | None] = {}
        self.styles = styles
        if root is None:
            return
        for ab in root.iter(w("abstractNum")):
            self._read_abstract(ab)
        for num in root.iter(w("num")):
            self._read_num(num)

    def _read_abstract(self, ab: etree._Element) -> None:
        aid = ab.get(w("abstractNumId")) or ""
        self._abstract_elements[aid] = ab
        self._abstract.pop(aid, None)
        link = ab.find(w("numStyleLink"))
        if link is not None and link.get(VAL):
            self.abstract_link[aid] = link.get(VAL) or ""

    def _read_num(self, num: etree._Element) -> None:
        nid = num.get(w("numId")) or ""
        ab_el = num.find(w("abstractNumId"))
        entry = _Num((ab_el.get(VAL) if ab_el is not None else None) or "", {}, {})
        for ov in num.iter(w("lvlOverride")):
            ilvl = to_int(ov.get(w("ilvl"))) or 0
            so = ov.find(w("startOverride"))
            start = to_int(so.get(VAL)) if so is not None else None
            if start is not None:
                entry.starts[ilvl] = start
            lvl = ov.find(w("lvl"))
            if lvl is not None:
                entry.levels[ilvl] = read_level(lvl, self.styles.theme)
                entry.starts.setdefault(ilvl, entry.levels[ilvl].start)
        self.nums[nid] = entry

    def _abstract_for(self, nid: str) -> str | None:
        """The abstract list a w:num stands for, through numbering styles (memoised: it never changes)."""
        if nid not in self._abstract_of:
            self._abstract_of[nid] = self._find_abstract(nid, 0)
        return self._abstract_of[nid]

    def _find_abstract(self, nid: str, depth: int) -> str | None:
        entry = self.nums.get(nid)
        if entry is None:
            return None
        link = self.abstract_link.get(entry.abstract)
        if link and depth < MAX_LINK_DEPTH:  # the list is defined by a numbering style: follow its numId
            ppr, _ = self.styles.chain(link)
            if ppr.get("numId") and ppr["numId"] != nid:
                return self._find_abstract(ppr["numId"], depth + 1)
        return entry.abstract

    def levels(self, aid: str | None) -> dict[int, Level]:
        """The levels of one abstract list, read on first use; {} for an unknown list."""
        got = self._abstract.get(aid or "")
        if got is None:
            ab = self._abstract_elements.get(aid or "")
            got = {} if ab is None else {
                to_int(lvl.get(w("ilvl"))) or 0: read_level(lvl, self.styles.theme) for lvl in ab.iter(w("lvl"))}
            self._abstract[aid or ""] = got
        return got

    def level(self, nid: str, ilvl: int) -> Level | None:
        """Level ilvl of list nid: the w:num's own override, else its abstract list's (memoised)."""
        key = (nid, ilvl)
        if key not in self._level_of:
            entry = self.nums.get(nid)
            if entry is None:
                got = None
            elif ilvl in entry.levels:
                got = entry.levels[ilvl]
            else:
                got = self.levels(self._abstract_for(nid)).get(ilvl)
            self._level_of[key] = got
        return self._level_of[key]

    def level_for_style(self, nid: str, pstyle: str | None) -> int:
        """A style that carries numPr without ilvl uses the level whose w:pStyle names it."""
        aid = self._abstract_for(nid)
        for ilvl, lvl in self.levels(aid).items():
            if lvl.pstyle is not None and lvl.pstyle == pstyle:
                return ilvl
        return 0

    def _advance(self, nid: str, entry: _Num, ilvl: int, lvl: Level) -> list[int | None]:
        """Count one more paragraph at ilvl and reset the deeper levels that restart after it."""
        key = f"num:{nid}" if entry.starts else f"abs:{self._abstract_for(nid)}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * LEVELS
        ilvl = max(0, min(ilvl, LEVELS - 1))
        cur = counters[ilvl]
        counters[ilvl] = entry.starts.get(ilvl, lvl.start) if cur is None else cur + 1
        for deeper in range(ilvl + 1, LEVELS):
            dl = self.level(nid, deeper)
            limit = deeper if dl is None or dl.restart is None else dl.restart
            if ilvl < limit:
                counters[deeper] = None
        return counters

    def _label(self, nid: str, entry: _Num, lvl: Level, counters: list[int | None]) -> str:
        if lvl.fmt == "bullet":
            glyph = (lvl.text or "").strip()
            return "-" if glyph[:1] in _DASHES else "•"
        if lvl.text is None:
            return ""

        def sub(m: re.Match[str]) -> str:
            ref = int(m.group(1)) - 1
            rl = self.level(nid, ref)
            value = counters[ref]
            if value is None:
                value = entry.starts.get(ref, rl.start if rl else 1)
            fmt = rl.fmt if rl else "decimal"
            if lvl.legal and fmt != "none":
                fmt = "decimal"
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(sub, lvl.text)

    def next_label(self, nid: str, ilvl: int) -> tuple[str, str, Level] | None:
        """Advance the counter of (nid, ilvl) and return (label, separator, level)."""
        entry = self.nums.get(nid)
        lvl = self.level(nid, ilvl)
        if entry is None or lvl is None:
            return None
        counters = self._advance(nid, entry, ilvl, lvl)
        sep = "" if lvl.suff == "nothing" else " "
        return self._label(nid, entry, lvl, counters), sep, lvl
