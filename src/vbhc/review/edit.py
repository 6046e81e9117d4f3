"""A fix's changes applied to the document's XML, in place.

Layout changes set one property on the runs of a block (a run holding characters outside the
block is split first), on a paragraph, on the first section or on the page-number paragraphs of
the headers Word shows. Text changes replace characters inside the w:t that holds them: the
new characters go where the old ones were, in the same run; a run is split at the edit, never
merged. A table's borders are taken off (`borders`). With `track` every change is a Word revision
by "vbhc": w:del/w:ins for text, w:rPrChange/w:pPrChange/w:sectPrChange/w:tblPrChange/w:tcPrChange
for properties, so the officer accepts or rejects each.

A change whose text is no longer where the finding said (the reader converted a legacy font, a
run is hidden by its style, the characters are a tab or a field) is refused, never guessed.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from vbhc import nd30
from vbhc.errors import InputError
from vbhc.fixes import Change, Fix
from vbhc.model import Block
from vbhc.readers.docx.names import FLDSIMPLE, MC_FALLBACK, MC_NS, R_NS, TXBX, P, R, T, w
from vbhc.readers.docx.sections import first_sectpr
from vbhc.readers.docx.walker import runs
from vbhc.review import borders, locate, ooxml
from vbhc.review.ooxml import PPR, PPR_ORDER, RPR, RPR_ORDER, SECTPR_ORDER, Revisions, ensure, first_child
from vbhc.review.package import Docx

TWIPS_PER_MM = 1440 / 25.4
A4_TWIPS = (11906, 16838)
JC = {"justify": "both", "center": "center", "left": "left", "right": "right"}
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_INSTR, _INSTR_TEXT = w("instr"), w("instrText")
_NOT_IN_REVISION = {w("ins"), w("del"), w("moveTo"), w("moveFrom"), FLDSIMPLE}
_ALTERNATE, _CHOICE = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Refused(Exception):
    """A change the editor will not make: the reason, in Vietnamese, for the fix's report."""


@dataclass
class TextEdit:
    """One text change, located: the paragraph, the stream position, what goes and what comes."""

    paragraph: int
    position: int
    old: str
    new: str


@dataclass
class Editor:
    """Edits one package's main document (and its headers) in place."""

    doc: Docx
    blocks: list[Block]
    track: bool = False
    date: str = field(default_factory=now)

    def __post_init__(self) -> None:
        self.part = self.doc.main_part()
        root = self.doc.xml(self.part)
        body = root.find(w("body")) if root is not None else None
        if body is None:
            raise InputError(self.doc.name, "tệp .docx không có phần nội dung (w:body) để sửa hoặc chú thích")
        self.body = body
        self.paragraphs = locate.paragraphs(body)
        self._spans: dict[int, locate.Span | None] = {}
        self.revisions = Revisions(self.date, ooxml.max_id([root]) + 1)
        self._boxes = _box_pairs(body)

    def copy_text_boxes(self) -> None:
        """Give the VML copy (mc:Fallback) of each text box the fixes changed the box's new content: Word 2010 and
        later show the DrawingML box (mc:Choice), older readers the copy, which would keep the old text."""
        for box, vml_box, before in self._boxes:
            if etree.tostring(box) != before:
                vml_box[:] = [_fallback_copy(el, self.revisions) for el in box]
                self.doc.changed(self.part)

    # -- where blocks are ----------------------------------------------------------------------

    def span(self, block: int) -> locate.Span | None:
        """Where a block's text is (cached; computed for its whole paragraph at once)."""
        if block not in self._spans:
            number = self.blocks[block].location.paragraph
            if number is None or not 0 < number <= len(self.paragraphs):
                self._spans[block] = None
            else:
                mates = [(i, b) for i, b in self._paragraph_blocks(number)]
                found = locate.spans(locate.stream(self.paragraphs[number - 1]).text, mates, number - 1)
                for i, _b in mates:
                    self._spans[i] = found.get(i)
        return self._spans.get(block)

    def _paragraph_blocks(self, number: int) -> Iterable[tuple[int, Block]]:
        if not hasattr(self, "_by_paragraph"):
            self._by_paragraph: dict[int, list[tuple[int, Block]]] = {}
            for i, b in enumerate(self.blocks):
                if b.location.paragraph is not None:
                    self._by_paragraph.setdefault(b.location.paragraph, []).append((i, b))
        return self._by_paragraph.get(number, [])

    def paragraph_of(self, block: int) -> etree._Element | None:
        number = self.blocks[block].location.paragraph
        return self.paragraphs[number - 1] if number is not None and 0 < number <= len(self.paragraphs) else None

    def block_runs(self, block: int) -> list[etree._Element]:
        """The runs holding the block's characters, split so that none holds characters outside it."""
        sp = self.span(block)
        if sp is None:
            raise Refused("không tìm thấy đoạn văn trong tệp")
        p = self.paragraphs[sp.paragraph]
        self._cut(p, sp.end)
        self._cut(p, sp.start)
        st = locate.stream(p)
        return list(dict.fromkeys(c.run for c in st.chars[sp.start:sp.end]))

    def _cut(self, p: etree._Element, position: int) -> None:
        """Split the run that holds characters on both sides of `position` (if one does)."""
        st = locate.stream(p)
        if not 0 < position < len(st.chars):
            return
        before, after = st.chars[position - 1], st.chars[position]
        if before.run is not after.run:
            return
        if after.t is not None and after.offset is not None:
            ooxml.split_run(after.run, after.t, after.offset)
        elif after.t is None:
            target = _child_at(after.run, st.chars, position)
            if target is not None:
                ooxml.split_run(after.run, target, 0)

    # -- layout --------------------------------------------------------------------------------

    def run_property(self, change: Change) -> bool:
        """Every run of the blocks that can be found; Refused when none can."""
        located = [b for b in change.blocks if self.span(b) is not None]
        if not located:
            raise Refused("không tìm thấy đoạn văn trong tệp")
        changed = False
        for b in located:
            for r in self.block_runs(b):
                changed |= self._set_run(r, change.prop, change.new)
        return changed

    def _set_run(self, r: etree._Element, prop: str, value: Any) -> bool:
        if not _RUN_SETTERS[prop](_props(r, RPR), value, dry=True):
            return False
        rpr = first_child(r, RPR)
        if self.track:
            self.revisions.before_properties(rpr, ooxml.RPR_CHANGE, ())
        _RUN_SETTERS[prop](rpr, value, dry=False)
        self.doc.changed(self.part)
        return True

    def paragraph_property(self, change: Change) -> bool:
        """Every paragraph of the blocks that can be found; Refused when none can."""
        found = [(self.paragraph_of(b), b) for b in change.blocks if self.span(b) is not None]
        if not found:
            raise Refused("không tìm thấy đoạn văn trong tệp")
        changed = False
        for p, _b in found:
            if p is not None:
                changed |= self._set_paragraph(p, change.prop, change.new, self.part)
        return changed

    def _set_paragraph(self, p: etree._Element, prop: str, value: Any, part: str) -> bool:
        if not _PARAGRAPH_SETTERS[prop](_props(p, PPR), value, dry=True):
            return False
        ppr = first_child(p, PPR)
        if self.track:
            self.revisions.before_properties(ppr, ooxml.PPR_CHANGE, (RPR, ooxml.SECTPR))
        _PARAGRAPH_SETTERS[prop](ppr, value, dry=False)
        self.doc.changed(part)
        return True

    def page(self, change: Change) -> bool:
        sect = first_sectpr(self.body)
        if sect is None:
            raise Refused("văn bản không có thiết lập trang (w:sectPr)")
        if change.prop == "page_number":
            return self._add_page_number(sect)
        if change.prop == "different_first_page":
            self._first_page_loses_nothing_but_the_number()
        setter = _page_setter(change.prop)
        if not setter(sect, change.new, dry=True):
            return False
        if self.track:
            self.revisions.before_properties(sect, ooxml.SECTPR_CHANGE, (w("headerReference"), w("footerReference")))
        setter(sect, change.new, dry=False)
        self.doc.changed(self.part)
        return True

    def table(self, change: Change) -> bool:
        """Every border of the one table that holds the change's blocks (`borders.take_off`)."""
        paragraphs = [p for p in map(self.paragraph_of, change.blocks) if p is not None]
        tbl = borders.table_of(paragraphs) if paragraphs else None
        if tbl is None:
            raise Refused("không tìm thấy bảng cần bỏ viền trong tệp")
        if not borders.take_off(tbl, self.revisions if self.track else None):
            return False
        self.doc.changed(self.part)
        return True

    def _first_page_loses_nothing_but_the_number(self) -> None:
        """"Different First Page" without a first-page header shows page 1 with none: refused when
        the headers or footers hold anything but the page number (a logo, a line of text)."""
        for _part, root in self._shown_headers():
            shown = "".join(t.text or "" for t in root.iter(T)).strip()
            pictures = any(True for _ in root.iter(w("drawing"), w("pict"), w("object")))
            if pictures or (shown and not shown.isdigit()):
                raise Refused("đầu trang hoặc chân trang có nội dung khác ngoài số trang; hãy chọn “Different "
                              "First Page” trong Word và giữ lại nội dung cho trang 1")

    def page_number(self, change: Change) -> bool:
        """The PAGE fields of the headers and footers the first section shows."""
        changed = False
        found = False
        for part, root in self._shown_headers():
            for p in root.iter(P):
                if not _has_page_field(p):
                    continue
                found = True
                if change.prop == "align":
                    changed |= self._set_paragraph(p, "align", change.new, part)
                else:
                    for r in runs(p):
                        if _set_size(_props(r, RPR), change.new, dry=True):
                            rpr = first_child(r, RPR)
                            if self.track:
                                self.revisions.before_properties(rpr, ooxml.RPR_CHANGE, ())
                            _set_size(rpr, change.new, dry=False)
                            self.doc.changed(part)
                            changed = True
        if not found:
            raise Refused("không tìm thấy trường số trang (PAGE) trong đầu trang")
        return changed

    def _shown_headers(self) -> list[tuple[str, etree._Element]]:
        sect = first_sectpr(self.body)
        if sect is None:
            return []
        rels = self.doc.relationships(self.part)
        titled = ooxml.on(ooxml.child(sect, w("titlePg"))) is True
        out = []
        for ref in sect:
            if ref.tag not in (w("headerReference"), w("footerReference")):
                continue
            kind = ref.get(w("type")) or "default"
            if kind == "first" and not titled:
                continue
            target = rels.get(ref.get(ooxml.R_ID) or "")
            root = self.doc.xml(target[1]) if target is not None else None
            if root is not None:
                out.append((target[1], root))  # type: ignore[index]
        return out

    def _add_page_number(self, sect: etree._Element) -> bool:
        """A new default header with a centred PAGE field (Times New Roman 14) and "Different First
        Page", for a section with no header or footer at all (one that has some is left alone)."""
        if any(el.tag in (w("headerReference"), w("footerReference")) for el in sect):
            raise Refused("văn bản đã có đầu trang hoặc chân trang riêng; hãy chèn số trang trong Word")
        part = self.doc.unused_name("word/header{}.xml")
        rid = self.doc.relate(self.part, HEADER_REL, part)
        self.doc.add(part, _page_number_header(), HEADER_TYPE)
        if self.track:
            self.revisions.before_properties(sect, ooxml.SECTPR_CHANGE, (w("headerReference"), w("footerReference")))
        ref = etree.Element(w("headerReference"))
        ref.set(w("type"), "default")
        ref.set(ooxml.R_ID, rid)
        sect.insert(0, ref)
        _set_title_page(sect, True, dry=False)
        self.doc.changed(self.part)
        return True

    # -- text ----------------------------------------------------------------------------------

    def locate_text(self, change: Change) -> TextEdit:
        """Where a text change goes; Refused when its characters are not there as plain text."""
        if change.at is None or len(change.blocks) != 1:
            raise Refused("thay đổi chữ không rõ vị trí")
        sp = self.span(change.blocks[0])
        pos = sp.position(change.at) if sp is not None else None
        if sp is None or pos is None:
            raise Refused("không tìm thấy chữ cần sửa trong tệp")
        st = locate.stream(self.paragraphs[sp.paragraph])
        if st.text[pos:pos + len(change.old)] != change.old or pos + len(change.old) > sp.end:
            raise Refused("chữ trong tệp không còn như khi kiểm tra")
        touched = st.chars[pos:pos + len(change.old)] if change.old else _host(st.chars, pos)
        if not touched or any(c.t is None or c.offset is None for c in touched):
            raise Refused("chữ cần sửa nằm trong ký tự đặc biệt (tab, ký hiệu) hoặc bị chuẩn hóa")
        if any(_inside(c.run, _NOT_IN_REVISION) for c in touched):
            raise Refused("chữ cần sửa nằm trong một trường (field) hoặc một thay đổi đang theo dõi")
        return TextEdit(sp.paragraph, pos, change.old, change.new)

    def text(self, edit: TextEdit) -> bool:
        p = self.paragraphs[edit.paragraph]
        st = locate.stream(p)
        if self.track:
            _tracked_text(st, edit, self.revisions)
        else:
            _plain_text(st, edit)
        self.doc.changed(self.part)
        return True

    # -- a whole fix ---------------------------------------------------------------------------

    def layout(self, fix: Fix) -> bool:
        """Apply a fix's layout changes; True when the XML changed."""
        changed = False
        for change in fix.changes:
            if change.target != "text":
                changed |= _LAYOUT[change.target](self, change)
        return changed


def _box_pairs(body: etree._Element) -> list[tuple[etree._Element, etree._Element, bytes]]:
    """(the box in mc:Choice, its copy in mc:Fallback, the box's XML now) for every text box Word wrote twice,
    when both sides hold the same number of boxes (a box inside a box goes with its outer box)."""
    pairs = []
    for alt in body.iter(_ALTERNATE):
        choice, fallback = alt.find(_CHOICE), alt.find(MC_FALLBACK)
        if choice is None or fallback is None:
            continue
        drawn, copies = _outer_boxes(choice), _outer_boxes(fallback)
        if len(drawn) == len(copies):
            pairs += [(box, copy_, etree.tostring(box)) for box, copy_ in zip(drawn, copies, strict=True)]
    return pairs


def _outer_boxes(el: etree._Element) -> list[etree._Element]:
    """The text boxes under `el` that are not inside another of them."""
    boxes = list(el.iter(TXBX))
    inside = {id(b) for outer in boxes for b in outer.iter(TXBX) if b is not outer}
    return [b for b in boxes if id(b) not in inside]


_NOT_COPIED = {w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd")}


def _fallback_copy(el: etree._Element, revisions: Revisions) -> etree._Element:
    """A deep copy for the VML side: no bookmark or comment marks (each may stand once in a document), the
    revision marks given ids of their own."""
    out = copy.deepcopy(el)
    for mark in [m for m in out.iter(*_NOT_COPIED)]:
        parent = mark.getparent()
        if parent is not None:
            parent.remove(mark)
    for ref in [r for r in out.iter(R) if r.find(w("commentReference")) is not None]:
        parent = ref.getparent()
        if parent is not None:
            parent.remove(ref)
    for mark in out.iter():
        if isinstance(mark.tag, str) and mark.get(ooxml.ID) is not None:
            mark.set(ooxml.ID, str(revisions.next_id))
            revisions.next_id += 1
    return out


_LAYOUT: dict[str, Callable[[Editor, Change], bool]] = {
    "run": Editor.run_property, "paragraph": Editor.paragraph_property, "page": Editor.page,
    "page_number": Editor.page_number, "table": Editor.table,
}


def _props(parent: etree._Element, tag: str) -> etree._Element:
    """An element's rPr/pPr for a dry run: an empty one stands in when it has none (none is added)."""
    found = ooxml.child(parent, tag)
    return found if found is not None else etree.Element(tag)


def _child_at(run: etree._Element, chars: list[locate.Char], position: int) -> etree._Element | None:
    """The child of `run` that shows the non-text character at `position` (a tab, a break)."""
    k = sum(1 for c in chars[:position] if c.run is run and c.t is None)
    shown = [el for el in run if el.tag not in (RPR, T) and el.tag in _NON_TEXT]
    return shown[k] if k < len(shown) else None


_NON_TEXT = {w("tab"), w("ptab"), w("noBreakHyphen"), w("br"), w("cr"), w("sym")}


def _inside(run: etree._Element, tags: set[str]) -> bool:
    el = run.getparent()
    while el is not None and el.tag != P:
        if el.tag in tags:
            return True
        el = el.getparent()
    return False


def _host(chars: list[locate.Char], position: int) -> list[locate.Char]:
    """Where an insertion goes: after the character before it, else before the one after it."""
    if position > 0 and chars[position - 1].t is not None:
        return [chars[position - 1]]
    return [chars[position]] if position < len(chars) else []


def _groups(chars: list[locate.Char]) -> list[tuple[locate.Char, int, int]]:
    """Consecutive characters of one w:t: (first char, start offset, end offset)."""
    out: list[tuple[locate.Char, int, int]] = []
    for c in chars:
        assert c.offset is not None
        if out and out[-1][0].t is c.t and out[-1][2] == c.offset:
            out[-1] = (out[-1][0], out[-1][1], c.offset + 1)
        else:
            out.append((c, c.offset, c.offset + 1))
    return out


def _plain_text(st: locate.Stream, edit: TextEdit) -> None:
    """The new characters in the w:t of the first old one (or beside the insertion point)."""
    if not edit.old:
        (host,) = _host(st.chars, edit.position)
        assert host.t is not None and host.offset is not None
        at = host.offset + 1 if edit.position > 0 and host is st.chars[edit.position - 1] else host.offset
        text = host.t.text or ""
        host.t.text = ooxml.clean(text[:at] + edit.new + text[at:])
        ooxml.preserve(host.t)
        return
    groups = _groups(st.chars[edit.position:edit.position + len(edit.old)])
    for k, (c, start, end) in reversed(list(enumerate(groups))):
        assert c.t is not None
        text = c.t.text or ""
        c.t.text = ooxml.clean(text[:start] + (edit.new if k == 0 else "") + text[end:])
        ooxml.preserve(c.t)


def _isolate(c: locate.Char, start: int, end: int) -> etree._Element:
    """Split runs so that one run holds exactly characters start..end of c's w:t; return it."""
    run, t = c.run, c.t
    assert t is not None
    items = ooxml.content(run)
    at = items.index(t)
    if end < len(t.text or ""):
        ooxml.split_run(run, t, end)
    elif at < len(items) - 1:
        ooxml.split_run(run, items[at + 1], 0)
    if start > 0 or at > 0:
        return ooxml.split_run(run, t, start)
    return run


def _tracked_text(st: locate.Stream, edit: TextEdit, revisions: Revisions) -> None:
    """w:del around the old characters (their own runs) and w:ins with the new ones after them."""
    if not edit.old:
        (host,) = _host(st.chars, edit.position)
        assert host.t is not None and host.offset is not None
        after = edit.position > 0 and host is st.chars[edit.position - 1]
        at = host.offset + 1 if after else host.offset
        text = host.t.text or ""
        if 0 < at < len(text):
            ooxml.split_run(host.run, host.t, at)
        anchor, where = (host.run, "after") if after or at >= len(text) else (host.run, "before")
        _insert(anchor, where, host.run, edit.new, revisions)
        return
    groups = _groups(st.chars[edit.position:edit.position + len(edit.old)])
    first_deleted: etree._Element | None = None
    style_from: etree._Element | None = None
    for c, start, end in reversed(groups):
        mid = _isolate(c, start, end)
        deleted = revisions.mark(ooxml.DEL)
        mid.addprevious(deleted)
        deleted.append(mid)
        for t in mid.iter(T):
            t.tag = ooxml.DEL_TEXT
            ooxml.preserve(t)
        first_deleted, style_from = deleted, mid
    if edit.new and first_deleted is not None and style_from is not None:
        _insert(first_deleted, "after", style_from, edit.new, revisions)


def _insert(anchor: etree._Element, where: str, style_from: etree._Element, text: str,
            revisions: Revisions) -> None:
    inserted = revisions.mark(ooxml.INS)
    run = etree.SubElement(inserted, R)
    rpr = ooxml.child(style_from, RPR)
    if rpr is not None:
        run.append(_copy_without_revision(rpr))
    run.append(ooxml.text_element(T, text))
    if where == "after":
        anchor.addnext(inserted)
    else:
        anchor.addprevious(inserted)


def _copy_without_revision(rpr: etree._Element) -> etree._Element:
    import copy

    out = copy.deepcopy(rpr)
    for el in list(out):
        if el.tag == ooxml.RPR_CHANGE:
            out.remove(el)
    return out


# --- property setters: `dry` says whether they would change anything ------------------------------

def _toggle(name: str) -> Callable[..., bool]:
    def setter(rpr: etree._Element, value: Any, *, dry: bool) -> bool:
        el = ooxml.child(rpr, w(name))
        if el is not None and ooxml.on(el) is bool(value):
            return False
        return True if dry else ooxml.set_toggle(rpr, name, bool(value))
    return setter


def _set_size(rpr: etree._Element, value: Any, *, dry: bool) -> bool:
    half = str(round(float(value) * 2))
    sz, szcs = ooxml.child(rpr, w("sz")), ooxml.child(rpr, w("szCs"))
    if sz is not None and sz.get(ooxml.VAL) == half and (szcs is None or szcs.get(ooxml.VAL) == half):
        return False
    if not dry:
        ensure(rpr, w("sz"), RPR_ORDER).set(ooxml.VAL, half)
        if szcs is not None:
            szcs.set(ooxml.VAL, half)
    return True


def _set_font(rpr: etree._Element, value: Any, *, dry: bool) -> bool:
    fonts = ooxml.child(rpr, w("rFonts"))
    wanted = {"ascii": str(value), "hAnsi": str(value), "cs": str(value)}
    themed = ("asciiTheme", "hAnsiTheme", "cstheme")
    if fonts is not None and all(fonts.get(w(k)) == v for k, v in wanted.items()) \
            and not any(w(t) in fonts.attrib for t in themed):
        return False
    if not dry:
        ooxml.set_attrs(ensure(rpr, w("rFonts"), RPR_ORDER), wanted, drop=themed)
    return True


_RUN_SETTERS: dict[str, Callable[..., bool]] = {
    "size_pt": _set_size, "font": _set_font, "bold": _toggle("b"), "italic": _toggle("i"),
    "all_caps": _toggle("caps"),
}


def _attr_setter(tag: str, values: Callable[[Any], dict[str, str]], drop: tuple[str, ...] = (),
                 order: dict[str, int] = PPR_ORDER) -> Callable[..., bool]:
    def setter(props: etree._Element, value: Any, *, dry: bool) -> bool:
        el = ooxml.child(props, w(tag))
        want = values(value)
        if el is not None and all(el.get(w(k)) == v for k, v in want.items()) \
                and not any(w(d) in el.attrib for d in drop):
            return False
        if not dry:
            ooxml.set_attrs(ensure(props, w(tag), order), want, drop)
        return True
    return setter


def _indent(mm: Any) -> dict[str, str]:
    tw = twips(float(mm))
    return {"firstLine": str(tw)} if tw >= 0 else {"hanging": str(-tw)}


def _indent_setter() -> Callable[..., bool]:
    plain = _attr_setter("ind", _indent, drop=("firstLineChars", "hangingChars"))

    def setter(ppr: etree._Element, value: Any, *, dry: bool) -> bool:
        el = ooxml.child(ppr, w("ind"))
        other = "hanging" if twips(float(value)) >= 0 else "firstLine"
        stale = el is not None and w(other) in el.attrib
        if dry:
            return stale or plain(ppr, value, dry=True)
        changed = plain(ppr, value, dry=False)
        el = ooxml.child(ppr, w("ind"))
        if el is not None and w(other) in el.attrib:
            del el.attrib[w(other)]
            changed = True
        return changed
    return setter


_PARAGRAPH_SETTERS: dict[str, Callable[..., bool]] = {
    "align": _attr_setter("jc", lambda v: {"val": JC[str(v)]}),
    "first_line_indent_mm": _indent_setter(),
    "space_after_pt": _attr_setter("spacing", lambda v: {"after": str(round(float(v) * 20))},
                                   drop=("afterLines", "afterAutospacing")),
    "line_spacing": _attr_setter("spacing", lambda v: {"line": str(round(float(v) * 240)), "lineRule": "auto"}),
}


def _paper(sect: etree._Element, value: Any, *, dry: bool) -> bool:
    size = ooxml.child(sect, w("pgSz"))
    landscape = size is not None and (size.get(w("orient")) == "landscape"
                                      or int(size.get(w("w")) or 0) > int(size.get(w("h")) or 1))
    width, height = (A4_TWIPS[1], A4_TWIPS[0]) if landscape else A4_TWIPS
    return _attr_setter("pgSz", lambda _v: {"w": str(width), "h": str(height)}, order=SECTPR_ORDER)(
        sect, value, dry=dry)


def _orientation(sect: etree._Element, value: Any, *, dry: bool) -> bool:
    size = ooxml.child(sect, w("pgSz"))
    a, b = (int(size.get(w("w")) or A4_TWIPS[0]), int(size.get(w("h")) or A4_TWIPS[1])) if size is not None \
        else A4_TWIPS
    return _attr_setter("pgSz", lambda _v: {"w": str(min(a, b)), "h": str(max(a, b))}, drop=("orient",),
                        order=SECTPR_ORDER)(sect, value, dry=dry)


def _margin(side: str) -> Callable[..., bool]:
    def setter(sect: etree._Element, value: Any, *, dry: bool) -> bool:
        mar = ooxml.child(sect, w("pgMar"))
        name = side
        if mar is not None and side in ("left", "right") and mar.get(w(side)) is None \
                and mar.get(w({"left": "start", "right": "end"}[side])) is not None:
            name = {"left": "start", "right": "end"}[side]
        return _attr_setter("pgMar", lambda v: {name: str(twips(float(v)))}, order=SECTPR_ORDER)(
            sect, value, dry=dry)
    return setter


def _set_title_page(sect: etree._Element, value: Any, *, dry: bool) -> bool:
    el = ooxml.child(sect, w("titlePg"))
    if ooxml.on(el) is True:
        return False
    if not dry:
        ooxml.drop_attr(ensure(sect, w("titlePg"), SECTPR_ORDER), ooxml.VAL)
    return True


def _page_setter(prop: str) -> Callable[..., bool]:
    if prop.startswith("margin."):
        return _margin(prop.split(".", 1)[1])
    return {"paper": _paper, "orientation": _orientation, "different_first_page": _set_title_page}[prop]


def _has_page_field(p: etree._Element) -> bool:
    for fs in p.iter(FLDSIMPLE):
        if (fs.get(_INSTR) or "").strip().upper().startswith("PAGE"):
            return True
    instr = "".join(it.text or "" for it in p.iter(_INSTR_TEXT)).strip().upper()
    return instr.startswith("PAGE") and not instr.startswith("PAGES")


def _page_number_header() -> etree._Element:
    root = etree.Element(w("hdr"), nsmap={"w": ooxml.W_NS, "r": R_NS})
    p = etree.SubElement(root, P)
    ppr = etree.SubElement(p, PPR)
    etree.SubElement(ppr, w("jc")).set(ooxml.VAL, "center")
    field_el = etree.SubElement(p, FLDSIMPLE)
    field_el.set(_INSTR, " PAGE ")
    r = etree.SubElement(field_el, R)
    rpr = etree.SubElement(r, RPR)
    fonts = etree.SubElement(rpr, w("rFonts"))
    for k in ("ascii", "hAnsi", "cs"):
        fonts.set(w(k), nd30.FONT)
    etree.SubElement(rpr, w("sz")).set(ooxml.VAL, str(round(nd30.WRITER_LOOK["page_number"].size * 2)))
    r.append(ooxml.text_element(T, "2"))
    return root

