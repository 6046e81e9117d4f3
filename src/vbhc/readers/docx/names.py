"""WordprocessingML names shared by every part of the reader, built once (they are compared in
the hot loops)."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"


def w(tag: str) -> str:
    """The Clark name of a w: element or attribute."""
    return W + tag


def local(tag: object) -> str | None:
    """The local name of a w: tag; None for comments, processing instructions and other namespaces."""
    if isinstance(tag, str) and tag.startswith(W):
        return tag[len(W):]
    return None


P, TBL, TR, TC, R = w("p"), w("tbl"), w("tr"), w("tc"), w("r")
PPR, RPR, TPR, TCPR, TRPR = w("pPr"), w("rPr"), w("tblPr"), w("tcPr"), w("trPr")
T, TAB, BR, CR, PTAB = w("t"), w("tab"), w("br"), w("cr"), w("ptab")
NBH, SOFTH, SYM, LRPB = w("noBreakHyphen"), w("softHyphen"), w("sym"), w("lastRenderedPageBreak")
SDT, SDTCONTENT, CUSTOMXML, SMARTTAG = w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")
HYPERLINK, INS, MOVETO, FLDSIMPLE, DIR, BDO = (
    w("hyperlink"), w("ins"), w("moveTo"), w("fldSimple"), w("dir"), w("bdo"))
SECTPR, PSTYLE, RSTYLE, TBLSTYLE = w("sectPr"), w("pStyle"), w("rStyle"), w("tblStyle")
TABS = w("tabs")
TXBX = w("txbxContent")  # a text box's paragraphs, inside a w:drawing (DrawingML) or a w:pict (VML) of a run
# What a run draws instead of text: a text box, if any, is in one of them.
DRAWN = frozenset({w("drawing"), w("pict"), w("object"), f"{{{MC_NS}}}AlternateContent"})
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
VAL = w("val")

# Containers whose children are paragraph content (runs or more containers).
RUN_CONTAINERS = frozenset({HYPERLINK, INS, MOVETO, SMARTTAG, CUSTOMXML, FLDSIMPLE, DIR, BDO, SDTCONTENT})
# Containers whose children are block content (paragraphs, tables, rows or cells).
BLOCK_CONTAINERS = frozenset({SDT, SDTCONTENT, CUSTOMXML, INS, MOVETO})
