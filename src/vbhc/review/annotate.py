"""`vbhc check --annotate OUT.docx`: a copy of the .docx with a Word comment at each finding.

Each comment is anchored to the runs of the text the finding is about (w:commentRangeStart and
w:commentRangeEnd around them, a w:commentReference after), signed "vbhc", and says the message,
the rule, the clause and the fix if there is one. A finding about the page or the whole file is
anchored at the document's first text. The comments part, its relationship and its content type
are added when the document has none; the document's own comments are kept as they are. Nothing
else changes: the copy reads as the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from vbhc.fixes import describe_change
from vbhc.model import Block
from vbhc.readers.docx.names import PPR, P, R, T, w
from vbhc.review import locate, ooxml
from vbhc.review.edit import Editor, now
from vbhc.review.package import Docx
from vbhc.rules import Finding

COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
SEVERITY_WORDS = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}
_START, _END, _REF = w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")


@dataclass
class Anchor:
    """Where a comment goes: its paragraph and, when known, the top-level children it spans."""

    paragraph: etree._Element
    first: etree._Element | None = None
    last: etree._Element | None = None


def comment_text(f: Finding) -> list[str]:
    """The comment's paragraphs: severity and message; rule and clause; the fix, if any."""
    lines = [f"{SEVERITY_WORDS.get(f.severity, f.severity)}: {f.message}", f"{f.rule} · {f.source}"]
    if f.fix is not None:
        what = "; ".join(describe_change(c) for c in f.fix.changes[:3])
        how = "vbhc fix" if f.fix.safe else "vbhc fix --unsafe-fixes"
        lines.append(f"Sửa được bằng {how}: {f.fix.description}" + (f" ({what})" if what else ""))
    return lines


def _top(p: etree._Element, el: etree._Element) -> etree._Element:
    """The ancestor of `el` that is a child of paragraph `p`."""
    while el.getparent() is not p:
        parent = el.getparent()
        assert parent is not None
        el = parent
    return el


def anchor_of(editor: Editor, f: Finding) -> Anchor | None:
    """The runs of the finding's first block of the body; its whole paragraph when the runs are not found; the
    first paragraph with text for a finding with no block there (one of the page, or of the page header's lines:
    a comment cannot be anchored in Word's page header)."""
    blocks = [b for b in f.blocks if editor.blocks[b].part == "body"] or _first_text(editor.blocks)
    if not blocks:
        return None
    b = blocks[0]
    p = editor.paragraph_of(b)
    if p is None:
        return None
    sp = editor.span(b)
    if sp is None:
        return Anchor(p)
    chars = locate.stream(p).chars[sp.start:sp.end]
    if not chars:
        return Anchor(p)
    return Anchor(p, _top(p, chars[0].run), _top(p, chars[-1].run))


def _first_text(blocks: list[Block]) -> tuple[int, ...]:
    return next(((i,) for i, b in enumerate(blocks) if b.text.strip() and b.location.paragraph), ())


def _mark(tag: str, cid: int) -> etree._Element:
    el = etree.Element(tag)
    el.set(ooxml.ID, str(cid))
    return el


def _place(anchor: Anchor, cid: int) -> None:
    start, end = _mark(_START, cid), _mark(_END, cid)
    ref_run = etree.Element(R)
    ref_run.append(_mark(_REF, cid))
    p = anchor.paragraph
    if anchor.first is not None and anchor.last is not None:
        anchor.first.addprevious(start)
        anchor.last.addnext(end)
    else:
        ppr = ooxml.child(p, PPR)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)
    end.addnext(ref_run)


def _comment(cid: int, f: Finding, date: str) -> etree._Element:
    el = etree.Element(w("comment"))
    el.set(ooxml.ID, str(cid))
    el.set(ooxml.AUTHOR, ooxml.AUTHOR_NAME)
    el.set(ooxml.DATE, date)
    el.set(w("initials"), ooxml.AUTHOR_NAME)
    for k, text in enumerate(comment_text(f)):
        p = etree.SubElement(el, P)
        if k == 0:
            etree.SubElement(etree.SubElement(p, R), w("annotationRef"))
        r = etree.SubElement(p, R)
        r.append(ooxml.text_element(T, text))
    return el


def comments_part(doc: Docx, main: str) -> tuple[str, etree._Element]:
    """The document's comments part, or a new empty one related to the main part."""
    part = doc.target_of(main, COMMENTS_REL)
    root = doc.xml(part) if part else None
    if part is not None and root is not None:
        return part, root
    part = "word/comments.xml" if not doc.has("word/comments.xml") else doc.unused_name("word/comments{}.xml")
    root = etree.Element(w("comments"), nsmap=ooxml.NSMAP)
    doc.relate(main, COMMENTS_REL, part)
    doc.add(part, root, COMMENTS_TYPE)
    return part, root


def annotate(raw: bytes, name: str, blocks: list[Block], findings: list[Finding],
             date: str | None = None) -> tuple[bytes, int]:
    """The package with one comment per finding, and how many comments were placed."""
    doc = Docx.from_bytes(raw, name)
    editor = Editor(doc, blocks, date=date or now())
    if not findings:
        return raw, 0
    part, root = comments_part(doc, editor.part)
    cid = max(ooxml.max_id([doc.xml(editor.part), root]), editor.revisions.next_id - 1) + 1
    placed = 0
    for f in findings:
        anchor = anchor_of(editor, f)
        if anchor is None:
            continue
        _place(anchor, cid)
        root.append(_comment(cid, f, editor.date))
        cid += 1
        placed += 1
    doc.changed(part)
    doc.changed(editor.part)
    return doc.save(), placed


def annotate_file(path: str, findings: list[Finding], output: str) -> int:
    """Write the annotated copy of a .docx atomically; how many comments it holds."""
    from vbhc import fileio, limits
    from vbhc.parse import parse_file

    parsed = parse_file(path)  # the reader refuses a damaged or hostile package before anything is edited
    raw = fileio.read_bounded(path, limits.MAX_TOTAL_UNCOMPRESSED_BYTES, "tệp .docx")
    data, placed = annotate(raw, path, parsed.source.blocks, findings)
    fileio.write_atomic(output, data)
    return placed
