"""Word .docx: the visible text of every paragraph and table cell, with the style Word shows.

The parts, in the order a file flows through them:
  package    the zip and its XML parts, opened as a hostile file (bombs, entities, macros, OLE2)
  properties w:rPr / w:pPr as set at one level, and the theme's fonts
  styles     the basedOn chain, document defaults, table styles and borders, merged once each
  numbering  Word's automatic numbering rendered into the label Word shows
  walker     paragraphs, runs, table cells and text boxes → Blocks with their resolved style
  sections   paper, margins, the PAGE fields of the headers Word shows, the page count

A damaged file ends in an `InputError` with a Vietnamese reason, never in a traceback.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from vbhc.errors import InputError
from vbhc.model import PageSetup, Source
from vbhc.readers import legacy
from vbhc.readers.docx import sections
from vbhc.readers.docx.names import STRICT_W_NS, w
from vbhc.readers.docx.numbering import Numbering
from vbhc.readers.docx.package import Package, check_macros, check_not_ole2
from vbhc.readers.docx.properties import Theme
from vbhc.readers.docx.styles import Styles
from vbhc.readers.docx.walker import BODY, Walker

__all__ = ["read_docx"]

NO_DOCUMENT = "tệp .docx không có phần nội dung word/document.xml"
_DEFAULT_DOCUMENT = "word/document.xml"


def read_docx(path: Path) -> Source:
    """Read a .docx into blocks with resolved style, rendered numbering and the page setup."""
    path = Path(path)
    check_not_ole2(path)
    pkg = Package(path)
    try:
        check_macros(pkg)
        return _read(pkg, path)
    finally:
        pkg.close()


def _main_part(pkg: Package) -> tuple[str, etree._Element]:
    """The main document part (found through the package relationships) and its root w:document."""
    doc_part = next((target for rtype, target in pkg.rels("").values() if rtype.endswith("/officeDocument")),
                    None)
    if doc_part is None or not pkg.has(doc_part):
        if not pkg.has(_DEFAULT_DOCUMENT):
            raise InputError(pkg.name, NO_DOCUMENT)
        doc_part = _DEFAULT_DOCUMENT
    root = pkg.xml(doc_part)
    if root is None:
        raise InputError(pkg.name, NO_DOCUMENT)
    if root.tag == f"{{{STRICT_W_NS}}}document":
        raise InputError(pkg.name, "định dạng Strict Open XML chưa được hỗ trợ; hãy lưu lại thành .docx")
    if root.tag != w("document"):
        raise InputError(pkg.name, "tệp .docx không chứa tài liệu Word (phần chính không phải w:document)")
    return doc_part, root


def _read(pkg: Package, path: Path) -> Source:
    doc_part, root = _main_part(pkg)
    body = root.find(w("body"))
    by_type = {rtype.rsplit("/", 1)[-1]: target for rtype, target in pkg.rels(doc_part).values()}

    def part(kind: str) -> etree._Element | None:
        return pkg.xml(by_type[kind]) if kind in by_type else None

    theme = Theme(load=lambda: part("theme"))
    styles_part = by_type.get("styles")
    styles = Styles.read(pkg.read(styles_part) if styles_part else None,
                         lambda data: pkg.parse(data, styles_part or ""), theme)
    first = sections.first_sectpr(body) if body is not None else None
    walker = Walker(styles, Numbering(part("numbering"), styles), lambda: sections.text_width(first))
    page_header = sections.first_page_header(pkg, doc_part, first) if first is not None else None
    if page_header is not None:
        walker.walk_page_header(page_header)
    setup = None
    all_sections: list[PageSetup] = []
    if body is not None:
        walker.walk(body, BODY)
        if first is not None:
            setup = sections.page_setup(pkg, doc_part, first, styles, by_type.get("settings"))
            all_sections = [setup, *sections.section_setups(body)[1:]]
    if walker.rendered_breaks == 0:  # without Word's rendered page breaks we do not know pages
        for block in walker.blocks:
            block.location.page = None
    pages = sections.pages(pkg)
    if pages is None and walker.rendered_breaks:
        pages = walker.page
    notes = [legacy.legacy_note(walker.legacy_encodings, walker.legacy_fonts)] if walker.legacy_encodings else []
    return Source(
        path=str(path),
        format="docx",
        blocks=walker.blocks,
        page_setup=setup,
        sections=all_sections,
        carries_style=True,
        carries_paragraph_format=True,
        pages=pages,
        notes=notes,
        legacy_fonts=walker.legacy_fonts,
        legacy_encodings=walker.legacy_encodings,
    )
