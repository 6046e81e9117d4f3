"""styles.xml: the basedOn chain, document defaults, the toggle rule, table styles and borders.

Real decree files put almost nothing on the run: the font comes from the paragraph style, its
`basedOn` chain or `w:docDefaults`. Each merge is computed once per style id or per combination
of (table, paragraph, character) style and kept, so a paragraph costs a dictionary look-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from vbhc.readers.docx.names import PPR, RPR, TPR, VAL, local, w
from vbhc.readers.docx.properties import TOGGLES, Theme, on_attr, read_ppr, read_rpr, to_int
from vbhc.readers.docx.stylecut import Parse, StyleElements, cut

MAX_CHAIN = 50  # a basedOn chain longer than this (or a loop) is cut there
_EDGES = {"top": "top", "left": "left", "bottom": "bottom", "right": "right", "insideH": "insideH",
          "insideV": "insideV", "start": "left", "end": "right"}
_INVISIBLE = {"nil", "none"}
_WHITE = {"ffffff", "white"}
_STYLE, _STYLE_ID, _TYPE, _DEFAULT, _BASED_ON = w("style"), w("styleId"), w("type"), w("default"), w("basedOn")


@dataclass
class StyleDef:
    type: str
    based_on: str | None
    ppr: dict[str, Any]
    rpr: dict[str, Any]
    borders: dict[str, bool]  # table styles: edge → visible


def borders(el: etree._Element | None) -> dict[str, bool]:
    """Edge name → visible, for w:tblBorders or w:tcBorders; start/end read as left/right."""
    out: dict[str, bool] = {}
    if el is None:
        return out
    for child in el:
        name = _EDGES.get(local(child.tag) or "")
        if name is None:
            continue
        val = (child.get(VAL) or "none").lower()
        size = to_int(child.get(w("sz")))
        color = (child.get(w("color")) or "").lower()
        out[name] = val not in _INVISIBLE and (size is None or size > 0) and color not in _WHITE
    return out


class Styles:
    """styles.xml resolved with caches: one merge per style id or style combination."""

    def __init__(self, root: etree._Element | None, theme: Theme, lazy: StyleElements | None = None):
        self.theme = theme
        # read into a StyleDef when first used; `lazy`: the styles after the head, parsed when first used
        self._elements: dict[str, etree._Element] | StyleElements = {} if lazy is None else lazy
        self._defs: dict[str, StyleDef] = {}
        self.default: dict[str, str] = {}
        self.doc_rpr: dict[str, Any] = {}
        self.doc_ppr: dict[str, Any] = {}
        self._chain_cache: dict[str | None, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._run_cache: dict[tuple[str | None, str | None, str | None], dict[str, Any]] = {}
        self._para_cache: dict[tuple[str | None, str | None], dict[str, Any]] = {}
        self._border_cache: dict[str | None, dict[str, bool]] = {}
        if root is None:
            return
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.doc_rpr = read_rpr(defaults.find(f"{w('rPrDefault')}/{RPR}"), theme)
            self.doc_ppr = read_ppr(defaults.find(f"{w('pPrDefault')}/{PPR}"))
        for st in root.iter(_STYLE):
            sid = st.get(_STYLE_ID)
            if sid is None:
                continue
            self._elements[sid] = st  # a later definition of the same id wins
            if on_attr(st.get(_DEFAULT)):
                self.default.setdefault(st.get(_TYPE) or "paragraph", sid)

    @classmethod
    def read(cls, data: bytes | None, parse: Parse, theme: Theme) -> Styles:
        """styles.xml from its bytes: cut at its styles when it can be (stylecut), else parsed whole."""
        if data is None:
            return cls(None, theme)
        parts = cut(data)
        if parts is None:
            return cls(parse(data), theme)
        styles = cls(parse(parts.head), theme, StyleElements(data, parts, parse))
        for kind, sid in parts.defaults:
            styles.default.setdefault(kind, sid)
        return styles

    def __contains__(self, sid: str) -> bool:
        return sid in self._elements

    def define(self, sid: str) -> StyleDef:
        """One style's own properties (a KeyError for an id styles.xml does not define)."""
        got = self._defs.get(sid)
        if got is None:
            st = self._elements[sid]
            based = st.find(_BASED_ON)
            tblpr = st.find(TPR)
            got = self._defs[sid] = StyleDef(
                type=st.get(_TYPE) or "paragraph",
                based_on=based.get(VAL) if based is not None else None,
                ppr=read_ppr(st.find(PPR)),
                rpr=read_rpr(st.find(RPR), self.theme),
                borders=borders(tblpr.find(w("tblBorders")) if tblpr is not None else None),
            )
        return got

    def _ids(self, sid: str | None) -> list[str]:
        """The style and its basedOn ancestors, nearest first; loops and dangling ids end it."""
        ids: list[str] = []
        cur = sid
        while cur is not None and cur in self._elements and cur not in ids and len(ids) < MAX_CHAIN:
            ids.append(cur)
            cur = self.define(cur).based_on
        return ids

    def chain(self, sid: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
        """(pPr, rPr) of one style merged down its basedOn chain; within a chain, later wins."""
        got = self._chain_cache.get(sid)
        if got is None:
            ppr: dict[str, Any] = {}
            rpr: dict[str, Any] = {}
            for s in reversed(self._ids(sid)):
                ppr.update(self.define(s).ppr)
                rpr.update(self.define(s).rpr)
            got = self._chain_cache[sid] = (ppr, rpr)
        return got

    def para_style_id(self, sid: str | None) -> str | None:
        if sid is not None and sid in self._elements:
            return sid
        return self.default.get("paragraph")

    def table_style_id(self, sid: str | None) -> str | None:
        if sid is not None and sid in self._elements:
            return sid
        return self.default.get("table")

    def run_base(self, tstyle: str | None, pstyle: str | None, cstyle: str | None) -> dict[str, Any]:
        """Run properties before direct formatting: defaults, then table, paragraph, character
        styles; toggles (bold, italic, caps, hidden) XOR across those three, as the spec says."""
        key = (tstyle, pstyle, cstyle)
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        out = dict(self.doc_rpr)
        toggles: dict[str, bool] = {}
        for sid in key:
            for k, v in (self.chain(sid)[1] if sid else {}).items():
                if k in TOGGLES:
                    toggles[k] = toggles.get(k, False) ^ v
                else:
                    out[k] = v
        out.update(toggles)
        self._run_cache[key] = out
        return out

    def para_base(self, tstyle: str | None, pstyle: str | None) -> dict[str, Any]:
        """Paragraph properties before numbering and direct formatting."""
        key = (tstyle, pstyle)
        cached = self._para_cache.get(key)
        if cached is not None:
            return cached
        out = dict(self.doc_ppr)
        if tstyle:
            out.update(self.chain(tstyle)[0])
        if pstyle:
            out.update(self.chain(pstyle)[0])
        self._para_cache[key] = out
        return out

    def table_borders(self, tstyle: str | None) -> dict[str, bool]:
        """A table style's borders merged down its basedOn chain."""
        got = self._border_cache.get(tstyle)
        if got is None:
            got = {}
            for s in reversed(self._ids(tstyle)):
                got.update(self.define(s).borders)
            self._border_cache[tstyle] = got
        return got
