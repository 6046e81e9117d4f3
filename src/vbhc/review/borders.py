"""A table's borders taken off in the XML, and nothing else of it touched.

Word draws a cell edge from the cell's own w:tcBorders, else from the table's w:tblBorders, else
from the table style. Setting the table's six edges (top, left, bottom, right, insideH, insideV)
to "nil" overrides the style; a cell's own edges are set to "nil" where it has any. Widths,
shading, margins and every paragraph are left as they were. Nested tables are tables of their
own: their borders are not this table's. With revisions, the old properties are recorded as Word
records a table or cell format change (w:tblPrChange, w:tcPrChange).
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from vbhc.readers.docx.names import TBL, TC, TR, w
from vbhc.readers.docx.walker import children
from vbhc.review import ooxml
from vbhc.review.ooxml import TBL_BORDER_EDGES, TBLPR, TBLPR_CHANGE, TBLPR_ORDER, TCPR, TCPR_CHANGE, Revisions

NIL = "nil"
TBL_BORDERS, TC_BORDERS = w("tblBorders"), w("tcBorders")
_NOT_IN_TCPR_CHANGE = (w("cellIns"), w("cellDel"), w("cellMerge"))  # CT_TcPrInner has no cell revisions


def table_of(paragraphs: Iterable[etree._Element]) -> etree._Element | None:
    """The one innermost table holding all these paragraphs; None when they are in none or in several."""
    found: etree._Element | None = None
    for p in paragraphs:
        el = p.getparent()
        while el is not None and el.tag != TBL:
            el = el.getparent()
        if el is None or (found is not None and el is not found):
            return None
        found = el
    return found


def _nil(el: etree._Element) -> bool:
    return len(el.attrib) == 1 and el.get(ooxml.VAL) == NIL


def _edges(current: etree._Element | None) -> list[str]:
    """The six table edges, each under the name the table already uses ("start" or "left")."""
    names = {etree.QName(el).localname for el in current if isinstance(el.tag, str)} if current is not None else set()
    return [next((n for n in slot if n in names), slot[0]) for slot in TBL_BORDER_EDGES]


def _table_edges(tbl: etree._Element, revisions: Revisions | None) -> bool:
    tblpr = ooxml.child(tbl, TBLPR)
    current = ooxml.child(tblpr, TBL_BORDERS) if tblpr is not None else None
    wanted = _edges(current)
    if current is not None and [el.tag for el in current] == [w(n) for n in wanted] and all(map(_nil, current)):
        return False
    tblpr = ooxml.first_child(tbl, TBLPR)
    if revisions is not None:
        revisions.before_properties(tblpr, TBLPR_CHANGE, ())
    if current is not None:
        tblpr.remove(current)  # written anew in its schema position (a writer may have put it last)
    borders = ooxml.ensure(tblpr, TBL_BORDERS, TBLPR_ORDER)
    for name in wanted:
        etree.SubElement(borders, w(name)).set(ooxml.VAL, NIL)
    return True


def _cell_edges(tc: etree._Element, revisions: Revisions | None) -> bool:
    tcpr = ooxml.child(tc, TCPR)
    borders = ooxml.child(tcpr, TC_BORDERS) if tcpr is not None else None
    if tcpr is None or borders is None or all(_nil(el) for el in borders if isinstance(el.tag, str)):
        return False
    if revisions is not None:
        revisions.before_properties(tcpr, TCPR_CHANGE, _NOT_IN_TCPR_CHANGE)
    for el in borders:
        if isinstance(el.tag, str):
            el.attrib.clear()
            el.set(ooxml.VAL, NIL)
    return True


def take_off(tbl: etree._Element, revisions: Revisions | None = None) -> bool:
    """Every border of the table and of its own cells set to none; True when the XML changed."""
    changed = _table_edges(tbl, revisions)
    for row in children(tbl, TR):
        for tc in children(row, TC):
            changed |= _cell_edges(tc, revisions)
    return changed
