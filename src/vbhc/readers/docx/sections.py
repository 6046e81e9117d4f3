"""The first section: paper, margins, the headers and footers Word shows, their PAGE fields; and
the page count the writing application saved."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lxml import etree

from vbhc.model import PageSetup
from vbhc.readers.docx.names import FLDSIMPLE, PPR, PSTYLE, R_NS, RPR, RSTYLE, SECTPR, W_NS, P, R, w
from vbhc.readers.docx.package import Package
from vbhc.readers.docx.properties import WORD_DEFAULT_HALF_POINTS, read_ppr, read_rpr, to_int, toggle
from vbhc.readers.docx.styles import Styles
from vbhc.readers.docx.walker import mm, style_id

_PAGE_FIELD = re.compile(r"^\s*PAGE(?:\s|\\|$)", re.I)
_INSTR, _INSTR_TEXT = w("instr"), w("instrText")
_R_ID = f"{{{R_NS}}}id"
_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
_TITLE_PG = w("titlePg")
# Word's defaults when w:pgSz or w:pgMar leave a value out (twips): US Letter, 1-inch margins
_DEFAULT_WIDTH, _DEFAULT_HEIGHT, _DEFAULT_MARGIN, _DEFAULT_HEADER = 12240, 15840, 1440, 720
_SIDES = ("top", "bottom", "left", "right")
_REFERENCES = (("headerReference", "header"), ("footerReference", "footer"))
_REFERENCE_TAGS = {w("headerReference"), w("footerReference")}


_FIRST_SECTPR = etree.XPath("(w:p/w:pPr/w:sectPr)[1]", namespaces={"w": W_NS})


def first_sectpr(body: etree._Element) -> etree._Element | None:
    """The first section's properties: the first paragraph-level sectPr, else the body's own
    (section breaks sit in body-level paragraphs only)."""
    found = _FIRST_SECTPR(body)
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0]
    return body.find(SECTPR)


def text_width(sect: etree._Element | None) -> int:
    """A section's text width in twips (its w:sectPr): page width less the left and right margins."""
    pgsz = sect.find(w("pgSz")) if sect is not None else None
    pgmar = sect.find(w("pgMar")) if sect is not None else None
    left = _twips(pgmar, "left", _twips(pgmar, "start", _DEFAULT_MARGIN))
    right = _twips(pgmar, "right", _twips(pgmar, "end", _DEFAULT_MARGIN))
    return max(1, _twips(pgsz, "w", _DEFAULT_WIDTH) - abs(left) - abs(right))


def _twips(el: etree._Element | None, name: str, default: int) -> int:
    v = to_int(el.get(w(name))) if el is not None else None
    return default if v is None else v


def even_and_odd(settings: etree._Element | None) -> bool:
    """Whether Word shows even-page headers and footers at all (w:evenAndOddHeaders in settings.xml);
    without it an even-page header is kept in the file but never printed."""
    el = settings.find(w("evenAndOddHeaders")) if settings is not None else None
    return el is not None and toggle(el)


_SECTIONS = etree.XPath("w:p/w:pPr/w:sectPr | w:sectPr", namespaces={"w": W_NS})


def section_setups(body: etree._Element) -> list[PageSetup]:
    """Paper and margins of every section, in order (a Phụ lục often has a section of its own)."""
    found = _SECTIONS(body)
    return [paper(sect) for sect in found if isinstance(sect, etree._Element)] if isinstance(found, list) else []


def page_setup(pkg: Package, doc_part: str, sect: etree._Element, styles: Styles,
               settings_part: str | None = None) -> PageSetup:
    """Paper, margins and the shown PAGE fields of a section (the first: `first_sectpr`); settings.xml is
    read only when the section has an even-page header or footer."""
    setup = paper(sect)
    shown = {"default", "first"} if setup.different_first_page else {"default"}
    has_even = any(ref.get(w("type")) == "even" for ref in sect if ref.tag in _REFERENCE_TAGS)
    if has_even and settings_part and even_and_odd(pkg.xml_mentioning(settings_part, "evenAndOddHeaders")):
        shown.add("even")
    setup.page_numbers, setup.watermark = _headers_and_footers(pkg, doc_part, sect, styles, shown)
    return setup


def paper(sect: etree._Element) -> PageSetup:
    """A section's paper size, margins and first-page rule (its PAGE fields are read apart)."""
    pgsz = sect.find(w("pgSz"))
    pgmar = sect.find(w("pgMar"))
    title_pg = sect.find(w("titlePg"))
    different_first = title_pg is not None and toggle(title_pg)
    setup = PageSetup(
        width_mm=mm(_twips(pgsz, "w", _DEFAULT_WIDTH)),
        height_mm=mm(_twips(pgsz, "h", _DEFAULT_HEIGHT)),
        margins_mm={side: mm(abs(_twips(pgmar, side, _DEFAULT_MARGIN))) for side in _SIDES},
        header_mm=mm(_twips(pgmar, "header", _DEFAULT_HEADER)) if pgmar is not None else None,
        different_first_page=different_first,
    )
    if pgmar is not None and pgmar.get(w("left")) is None and pgmar.get(w("start")) is not None:
        setup.margins_mm["left"] = mm(_twips(pgmar, "start", _DEFAULT_MARGIN))
        setup.margins_mm["right"] = mm(_twips(pgmar, "end", _DEFAULT_MARGIN))
    return setup


def _headers_and_footers(pkg: Package, doc_part: str, sect: etree._Element, styles: Styles,
                         shown: set[str]) -> tuple[list[dict[str, Any]], str | None]:
    """The PAGE fields of the headers and footers that Word shows for this section (the first-page ones
    only with w:titlePg, the even-page ones only with w:evenAndOddHeaders), and the watermark their
    headers draw: a part that has neither is never parsed."""
    rels = pkg.rels(doc_part)
    found: list[dict[str, Any]] = []
    mark = None
    for ref_tag, where in _REFERENCES:
        for ref in sect.iter(w(ref_tag)):
            kind = ref.get(w("type")) or "default"
            if kind not in shown:
                continue
            target = rels.get(ref.get(_R_ID) or "")
            root = pkg.xml_mentioning(target[1], "PAGE", "textpath") if target is not None else None
            if root is None:
                continue
            for field in page_fields(root, styles):
                field.update(where=where, first_page=kind == "first", type=kind)
                found.append(field)
            if where == "header" and mark is None:
                mark = watermark(root)
    return found, mark


_TEXT_RUN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?t[\s>]")


def first_page_header(pkg: Package, doc_part: str, sect: etree._Element) -> etree._Element | None:
    """The page header Word prints on the first page (the first-page one with w:titlePg, else the default
    one), parsed only when it holds two pieces of text or more: a page number's header holds one or none
    and is never parsed here. Some templates put the agency, the Quốc hiệu and the number there."""
    kind = "first" if any(el.tag == _TITLE_PG and toggle(el) for el in sect) else "default"
    ref = next((r for r in sect.iter(w("headerReference")) if (r.get(w("type")) or "default") == kind), None)
    target = pkg.rels(doc_part).get(ref.get(_R_ID) or "") if ref is not None else None
    if target is None:
        return None
    return pkg.xml_if(target[1], lambda data: len(_TEXT_RUN.findall(data, 0, 1 << 20)) >= 2)


def watermark(root: etree._Element) -> str | None:
    """The text of a header's watermark: Word draws it as a VML WordArt shape whose v:textpath carries the
    text in `string` (the shape type's own v:textpath has none)."""
    for path in root.iter(_TEXTPATH):
        text = unicodedata.normalize("NFC", " ".join((path.get("string") or "").split()))
        if text:
            return text
    return None


def _field_runs(p: etree._Element) -> list[etree._Element]:
    """The runs of a paragraph's PAGE field, simple (w:fldSimple) or complex (w:instrText)."""
    runs: list[etree._Element] = []
    for fs in p.iter(FLDSIMPLE):
        if _PAGE_FIELD.match(fs.get(_INSTR) or ""):
            runs.extend(fs.iter(R))
    if runs:
        return runs
    instr = "".join(it.text or "" for it in p.iter(_INSTR_TEXT))
    if _PAGE_FIELD.match(instr):
        runs = [parent for it in p.iter(_INSTR_TEXT) if (parent := it.getparent()) is not None]
    return runs


def page_fields(root: etree._Element, styles: Styles) -> list[dict[str, Any]]:
    """PAGE fields of one header or footer part, with the alignment and size they print at."""
    out = []
    for p in root.iter(P):
        runs = _field_runs(p)
        if not runs:
            continue
        ppr_el = p.find(PPR)
        psid = styles.para_style_id(style_id(ppr_el, PSTYLE))
        ppr = dict(styles.para_base(None, psid))
        ppr.update(read_ppr(ppr_el))
        rpr_el = runs[0].find(RPR)
        rpr = dict(styles.run_base(None, psid, style_id(rpr_el, RSTYLE)))
        rpr.update(read_rpr(rpr_el, styles.theme))
        out.append({
            "align": ppr.get("jc", "left"),
            "size_pt": rpr.get("sz", WORD_DEFAULT_HALF_POINTS) / 2,
            "font": rpr.get("ascii") or rpr.get("hAnsi"),
        })
    return out


def pages(pkg: Package) -> int | None:
    """Page count as the writing application saved it in docProps/app.xml, if it did."""
    root = pkg.xml("docProps/app.xml")
    if root is None:
        return None
    for el in root:
        if isinstance(el.tag, str) and el.tag.endswith("}Pages"):
            n = to_int((el.text or "").strip())
            return n if n and n > 0 else None
    return None
