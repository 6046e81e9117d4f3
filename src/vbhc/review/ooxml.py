"""WordprocessingML as the editor needs it: names, the order of properties, runs split at a
character, and Word's revision marks.

Word refuses a file whose property elements are out of the schema's order, so a property is
always inserted where the schema puts it (`ensure`). A run is split, never merged: the characters
after the split move to a new run with a copy of the same properties, so inline formatting
stays as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from vbhc import rx
from vbhc.readers.docx.names import R_NS, W_NS, P, R, T, w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RPR, PPR, SECTPR = w("rPr"), w("pPr"), w("sectPr")
DEL_TEXT, INS, DEL = w("delText"), w("ins"), w("del")
RPR_CHANGE, PPR_CHANGE, SECTPR_CHANGE = w("rPrChange"), w("pPrChange"), w("sectPrChange")
TBLPR, TCPR, TBLPR_CHANGE, TCPR_CHANGE = w("tblPr"), w("tcPr"), w("tblPrChange"), w("tcPrChange")
ID, AUTHOR, DATE, VAL = w("id"), w("author"), w("date"), w("val")
R_ID = f"{{{R_NS}}}id"
AUTHOR_NAME = "vbhc"


def _order(*names: str) -> dict[str, int]:
    return {w(n): i for i, n in enumerate(names)}


# ECMA-376 Part 1, CT_RPr (EG_RPrBase), CT_PPr (CT_PPrBase), CT_SectPr and CT_TblPr, in schema order.
RPR_ORDER = _order(
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath")
PPR_ORDER = _order(
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr")
SECTPR_ORDER = _order(
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
    "bidi", "rtlGutter", "docGrid", "printerSettings")
SECTPR_ORDER[w("footerReference")] = SECTPR_ORDER[w("headerReference")]  # the references come in any order
TBLPR_ORDER = _order(
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription")
# CT_TblBorders in schema order; an edge is named "left" or "start" ("right" or "end"), never both
TBL_BORDER_EDGES = (("top",), ("left", "start"), ("bottom",), ("right", "end"), ("insideH",), ("insideV",))
_LAST = {RPR_CHANGE, PPR_CHANGE, SECTPR_CHANGE, TBLPR_CHANGE, TCPR_CHANGE}  # a revision record is the last child
_NOT_XML = rx.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FALSE_VALUES = {"0", "false", "off", "none"}


def clean(text: str) -> str:
    """Text that XML can hold (control characters other than tab and newline removed)."""
    return _NOT_XML.sub("", text)


def child(parent: etree._Element, tag: str) -> etree._Element | None:
    for el in parent:
        if el.tag == tag:
            return el
    return None


def ensure(parent: etree._Element, tag: str, order: dict[str, int]) -> etree._Element:
    """The child with this tag, created in its schema position when absent."""
    found = child(parent, tag)
    if found is not None:
        return found
    el = etree.Element(tag)
    rank = order[tag]
    for i, other in enumerate(parent):
        if other.tag in _LAST or order.get(other.tag, len(order)) > rank:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def first_child(parent: etree._Element, tag: str) -> etree._Element:
    """A run's w:rPr or a paragraph's w:pPr: always the first child."""
    found = child(parent, tag)
    if found is None:
        found = etree.Element(tag)
        parent.insert(0, found)
    return found


def on(el: etree._Element | None) -> bool | None:
    """An on/off property element's value; None when the element is absent."""
    if el is None:
        return None
    v = el.get(VAL)
    return v is None or v.lower() not in FALSE_VALUES


def set_toggle(rpr: etree._Element, name: str, value: bool) -> bool:
    """<w:b/> or <w:b w:val="0"/>; True when the element changed."""
    el = child(rpr, w(name))
    if on(el) is value and el is not None:
        return False
    el = ensure(rpr, w(name), RPR_ORDER)
    if value:
        drop_attr(el, VAL)
    else:
        el.set(VAL, "0")
    return True


def drop_attr(el: etree._Element, name: str) -> None:
    if name in el.attrib:
        del el.attrib[name]


def set_attrs(el: etree._Element, values: dict[str, str], drop: Iterable[str] = ()) -> bool:
    """Set attributes (w: names) and remove others; True when anything changed."""
    changed = False
    for name, value in values.items():
        if el.get(w(name)) != value:
            el.set(w(name), value)
            changed = True
    for name in drop:
        if w(name) in el.attrib:
            del el.attrib[w(name)]
            changed = True
    return changed


def preserve(t: etree._Element) -> None:
    """xml:space="preserve" on a w:t whose text starts or ends with a space."""
    text = t.text or ""
    if text[:1].isspace() or text[-1:].isspace():
        t.set(XML_SPACE, "preserve")


def text_element(tag: str, text: str) -> etree._Element:
    el = etree.Element(tag)
    el.text = clean(text)
    preserve(el)
    return el


# --- runs ----------------------------------------------------------------------------------------

def split_run(run: etree._Element, at: etree._Element, offset: int) -> etree._Element:
    """Split `run` before character `offset` of its child `at` (a w:t; or before `at` itself when
    offset is 0): what follows moves to a new run, right after, with a copy of the properties."""
    new = etree.Element(run.tag, attrib={str(k): str(v) for k, v in run.attrib.items()})
    rpr = child(run, RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    moving: list[etree._Element] = []
    seen = False
    for el in run:
        if el is at:
            seen = True
            text = el.text or ""
            if el.tag == T and 0 < offset < len(text):
                el.text = text[:offset]
                preserve(el)
                moving.append(text_element(T, text[offset:]))
                continue
            if offset >= len(text) and el.tag == T and text:
                continue
        if seen:
            moving.append(el)
    for el in moving:
        new.append(el)
    run.addnext(new)
    return new


def content(run: etree._Element) -> list[etree._Element]:
    """A run's children other than its properties."""
    return [el for el in run if el.tag != RPR]


# --- revisions -----------------------------------------------------------------------------------

@dataclass
class Revisions:
    """Word's revision marks, all by "vbhc" at one time, with ids no other mark of the file uses."""

    date: str
    next_id: int

    def attrs(self, el: etree._Element) -> etree._Element:
        el.set(ID, str(self.next_id))
        self.next_id += 1
        el.set(AUTHOR, AUTHOR_NAME)
        el.set(DATE, self.date)
        return el

    def mark(self, tag: str) -> etree._Element:
        return self.attrs(etree.Element(tag))

    def before_properties(self, props: etree._Element, change_tag: str, kept_out: Iterable[str]) -> None:
        """Record the properties as they are, once, before the first change (rPr/pPr/sectPrChange)."""
        if child(props, change_tag) is not None:
            return  # an earlier revision already records the original
        record = self.mark(change_tag)
        old = etree.SubElement(record, props.tag)
        skip = {change_tag, *kept_out}
        for el in props:
            if el.tag not in skip and isinstance(el.tag, str):
                old.append(copy.deepcopy(el))
        props.append(record)


def max_id(roots: Iterable[etree._Element | None]) -> int:
    """The largest w:id in these parts (comments, revisions, bookmarks share the space here)."""
    top = -1
    for root in roots:
        if root is None:
            continue
        for el in root.iter():
            v = el.get(ID) if isinstance(el.tag, str) else None
            if v is not None and v.lstrip("-").isdigit():
                top = max(top, int(v))
    return top


def new_paragraph(*texts: str) -> etree._Element:
    p = etree.Element(P)
    for text in texts:
        r = etree.SubElement(p, R)
        r.append(text_element(T, text))
    return p


NSMAP = {"w": W_NS, "r": R_NS}
