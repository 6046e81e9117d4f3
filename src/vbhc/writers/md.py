"""A faithful Markdown rendering: every line of the document, in order, with its structure."""

from __future__ import annotations

from vbhc.model import Document, Node, ParsedFile

HEADING_LEVEL = {"part": 1, "chapter": 1, "section": 2, "article": 3}
HEADER_KINDS = {"agency", "parent_agency", "quoc_hieu", "tieu_ngu", "so_ky_hieu", "place_date", "vv", "vv_more",
                "preface", "kinh_gui", "kinh_gui_item", "issuer_line", "can_cu", "enacting", "kem_theo"}


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
    blocks = parsed.source.blocks
    out: list[str] = []
    for line in doc.lines:
        if line.kind in ("title", "type_name"):
            continue
        if line.kind in HEADER_KINDS or line.kind == "rule":
            if line.kind != "rule":
                out.append(blocks[line.index].text.strip() + "  ")
    if doc.type_line:
        out += ["", f"## {doc.type_line}"]
    if doc.title:
        out += ["", f"**{doc.title}**"]
    out.append("")
    for node in doc.body:
        out.extend(_node_lines(node, 0))
    closing = [ln for ln in doc.lines if ln.kind in (
        "noi_nhan", "recipient", "luu", "authority", "position", "signer", "stand_in", "unplaced")]
    if closing:
        out.append("---")
        out.append("")
        for line in closing:
            out.append(blocks[line.index].text.strip() + "  ")
    return "\n".join(out).rstrip() + "\n"


def parsed_md(parsed: ParsedFile) -> str:
    return "\n\n".join(document_md(d, parsed) for d in parsed.documents)
