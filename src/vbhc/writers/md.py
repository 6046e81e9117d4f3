"""A faithful Markdown rendering: every line of the document, in order, with its structure."""

from __future__ import annotations

from vbhc import rx
from vbhc.model import Document, Line, Node, ParsedFile

HEADING_LEVEL = {"part": 1, "chapter": 1, "section": 2, "article": 3}
MD_SPECIAL = rx.compile(r"^[#>=]")
_RULE_LINE = rx.compile(r"[_\-–—=.…*]{3,}")


def _plain(text: str) -> str:
    """A header or closing line as text: escape what Markdown would read as structure."""
    text = text.strip()
    if _RULE_LINE.fullmatch(text):
        return "".join("\\" + c if c in "_-=*." else c for c in text)
    return ("\\" + text) if MD_SPECIAL.match(text) else text


def _node_lines(node: Node, depth: int, aside: list[Line] | None = None) -> list[str]:
    """The node and its children; `aside` (in order, consumed) holds the lines kept apart from the body
    (a signature's stamp, the contacts at a page's foot) that are written where they stand in it."""
    out_before: list[str] = []
    if aside and node.blocks:
        while aside and aside[0].index < node.blocks[0]:
            out_before.append(_plain(aside.pop(0).text) + "  ")
        if out_before:
            out_before.append("")
    return out_before + _own_lines(node, depth, aside)


def _own_lines(node: Node, depth: int, aside: list[Line] | None) -> list[str]:
    label = node.label or ""
    head = " ".join(x for x in (label, node.heading) if x)
    out: list[str] = []
    if node.kind == "table" and node.rows:
        width = max(len(r) for r in node.rows)
        for i, row in enumerate(node.rows):
            cells = [c.replace("\n", "<br>").replace("|", "\\|") for c in row] + [""] * (width - len(row))
            out.append("| " + " | ".join(cells) + " |")
            if i == 0:
                out.append("|" + " --- |" * width)
        return out + [""]
    level = HEADING_LEVEL.get(node.kind)
    if level and head:
        out.append(f"{'#' * level} {head}")
        if node.text:
            out.append(node.text)
    elif node.kind == "paragraph":
        out.append(node.text or "")
    else:
        line = " ".join(x for x in (label, f"**{node.heading}**" if node.heading else None, node.text) if x)
        out.append(line)
    out.append("")
    for child in node.children:
        out.extend(_node_lines(child, depth + 1, aside))
    return out


def document_md(doc: Document, parsed: ParsedFile) -> str:
    """The lines before the body (header, title, preamble) and after it (closing) in their order."""
    body = {i for node in doc.nodes() for i in node.blocks}
    first_body = next((n for n, ln in enumerate(doc.lines) if ln.index in body), len(doc.lines))
    out: list[str] = []
    title_done = False
    for line in doc.lines[:first_body]:
        if line.kind == "type_name":
            out += ["", f"## {line.text}", ""]
        elif line.role == "title":  # the trích yếu is a role the builder gives, not a kind
            if not title_done and doc.title:
                out += ["", f"**{doc.title}**", ""]
            title_done = True
        else:
            out.append(_plain(line.text) + "  ")
    out.append("")
    lines, written = _body_lines(doc, doc.lines[first_body:], body)
    out += lines
    closing = [ln for ln in doc.lines[first_body:] if ln.index not in body and ln.index not in written]
    if closing:
        out.append("---")
        out.append("")
        for line in closing:
            out.append(_plain(line.text) + "  ")
    return "\n".join(out).rstrip() + "\n"


def _body_lines(doc: Document, after: list[Line], body: set[int]) -> tuple[list[str], set[int]]:
    """The body's nodes, with the lines kept apart from it written where they stand among them; and the
    indexes of those written (the rest come with the closing)."""
    last_body = max(body, default=-1)
    aside = [ln for ln in after if ln.index not in body and ln.index < last_body]
    written = {ln.index for ln in aside}
    out: list[str] = []
    for node in doc.body:
        out.extend(_node_lines(node, 0, aside))
    return out, written - {ln.index for ln in aside}  # what is left of `aside` stood after the last node's start


def parsed_md(parsed: ParsedFile) -> str:
    return "\n\n".join(document_md(d, parsed) for d in parsed.documents)


def documents_md(documents: list[Document]) -> str:
    """Markdown of generated Documents, straight from them (`vbhc new -o x.md`, `vbhc draft -o
    x.md`): the lines the .docx writer prints (`writers.layout`), in the order a reader of that
    .docx finds them, without writing it and reading it back."""
    return "\n\n".join(_generated_md(doc, i) for i, doc in enumerate(documents))


def _generated_md(doc: Document, index: int) -> str:
    from vbhc.writers import layout

    out: list[str] = []
    for row in layout.header_rows(doc, index):
        out += [_plain(text) + "  " for cell in row for line in cell for text in line.text.split("\n") if text.strip()]
    type_line = layout.type_line(doc)
    if type_line is not None:
        out += ["", f"## {type_line}", ""]
        if doc.title:
            out += ["", f"**{' '.join(doc.title.split())}**", ""]
        if doc.attached_to:
            out.append(_plain(doc.attached_to) + "  ")
    preamble = [*(layout.kinh_gui_lines(doc.kinh_gui) if doc.kinh_gui else []),
                *([doc.enacting_authority.upper()] if doc.enacting_authority else []), *doc.can_cu,
                *([doc.enacting] if doc.enacting else [])]
    out += [_plain(text) + "  " for text in preamble]
    out.append("")
    for node in doc.body:
        out.extend(_node_lines(_as_printed(node), 0))
    signing: list[str] = []
    for sig in [*doc.co_signatures, *([doc.signature] if doc.signature is not None else [])]:
        lines, signer = layout.signing_block(sig)
        signing += [*lines, *([signer] if signer else [])]
    # side by side signatures (PL III, Mẫu 1.9) sit above the Nơi nhận; one signature beside it
    closing = signing + layout.recipients_cell(doc) if doc.co_signatures else layout.recipients_cell(doc) + signing
    if closing:
        out += ["---", ""] + [_plain(text) + "  " for text in closing]
    return "\n".join(out).rstrip() + "\n"


def _as_printed(node: Node) -> Node:
    """The node as the .docx shows it: section, part and chapter headings in capitals; a clause's
    text under its heading in paragraphs of its own."""
    from dataclasses import replace

    children = [_as_printed(child) for child in node.children]
    heading, text = node.heading, node.text
    if heading and node.kind in ("part", "chapter", "section"):
        heading = heading.upper()
    if heading and text and node.kind == "clause":
        children = [Node(kind="paragraph", text=chunk) for chunk in text.split("\n")] + children
        text = None
    return replace(node, heading=heading, text=text, children=children)
