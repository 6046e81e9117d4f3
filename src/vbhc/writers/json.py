"""The JSON of `vbhc parse`: the keys pinned by contract/parse.schema.json, and a few more."""

from __future__ import annotations

from typing import Any

from vbhc.model import Document, Node, PageSetup, ParsedFile, Signature


def node_dict(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": node.kind, "label": node.label, "number": node.number, "heading": node.heading,
        "text": node.text, "id": node.id, "line": node.line,
        "children": [node_dict(c) for c in node.children],
    }
    if node.rows is not None:
        out["rows"] = node.rows
    return out


def page_setup_dict(ps: PageSetup | None) -> dict[str, Any] | None:
    if ps is None:
        return None
    return {
        "paper": ps.paper, "orientation": ps.orientation,
        "width_mm": round(ps.width_mm, 1), "height_mm": round(ps.height_mm, 1),
        "margins_mm": {k: round(v, 1) for k, v in ps.margins_mm.items()},
    }


def signature_dict(sig: Signature | None) -> dict[str, Any] | None:
    if sig is None:
        return None
    return {"authority": sig.authority, "positions": sig.positions, "signer": sig.signer,
            "on_behalf_of": sig.on_behalf_of, "stand_in": sig.stand_in}


def document_dict(doc: Document) -> dict[str, Any]:
    sig = doc.signature
    return {
        "doc_type": doc.doc_type, "number": doc.number, "symbol": doc.symbol, "year": doc.year,
        "number_raw": doc.number_raw, "issuer": doc.issuer, "parent_issuer": doc.parent_issuer,
        "place": doc.place, "date": doc.date, "date_raw": doc.date_raw, "title": doc.title,
        "is_appendix": doc.is_appendix, "attached_to": doc.attached_to, "attached": doc.attached,
        "kinh_gui": doc.kinh_gui, "enacting_authority": doc.enacting_authority,
        "can_cu": doc.can_cu, "enacting": doc.enacting,
        "body": [node_dict(n) for n in doc.body],
        "signature": None if sig is None else {
            "authority": sig.authority, "positions": sig.positions, "signer": sig.signer,
            "on_behalf_of": sig.on_behalf_of, "stand_in": sig.stand_in,
        },
        "co_signatures": [signature_dict(x) for x in doc.co_signatures],
        "recipients": doc.recipients, "storage": doc.storage,
        "page_setup": page_setup_dict(doc.page_setup),
        "problems": doc.problems, "party": doc.party, "marks": doc.marks,
        "digital_signature": doc.digital_signature, "contact": doc.contact, "copy_form": doc.copy_form,
    }


def parsed_dict(parsed: ParsedFile) -> dict[str, Any]:
    return {
        "path": parsed.source.path,
        "format": parsed.source.format,
        "documents": [document_dict(d) for d in parsed.documents],
        **({"notes": list(parsed.source.notes)} if parsed.source.notes else {}),
    }
