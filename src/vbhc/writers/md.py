"""A faithful Markdown rendering: every line of the document, in order, with its structure."""

from __future__ import annotations

import regex as re

from vbhc.model import Document, Node, ParsedFile

HEADING_LEVEL = {"part": 1, "chapter": 1, "section": 2, "article": 3}
MD_SPECIAL = re.compile(r"^[#>=]")


def _plain(text: str) -> str:
    """A header or closing line as text: escape what Markdown would read as structure."""
    text = text.strip()
    if re.fullmatch(r"[_\-–—=.…*]{3,}", text):
        return "".join("\\" + c if c in "_-=*." else c for c in text)
    return ("\\" + text) if MD_SPECIAL.match(text) else text


def _node_lines(node: Node, depth: int) -> list[str]:
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
        out.extend(_node_lines(child, depth + 1))
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
        elif line.kind == "title":
            if not title_done and doc.title:
                out += ["", f"**{doc.title}**", ""]
            title_done = True
        else:
            out.append(_plain(line.text) + "  ")
    out.append("")
    for node in doc.body:
        out.extend(_node_lines(node, 0))
    closing = [ln for ln in doc.lines[first_body:] if ln.index not in body]
    if closing:
        out.append("---")
        out.append("")
        for line in closing:
            out.append(_plain(line.text) + "  ")
    return "\n".join(out).rstrip() + "\n"


def parsed_md(parsed: ParsedFile) -> str:
    return "\n\n".join(document_md(d, parsed) for d in parsed.documents)
