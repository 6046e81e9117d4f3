"""The readable outline for a person: header fields, then labels, headings and first words.

Every line holds text from the document, so each passes through `vbhc.terminal.printable`: a
control character (ESC]0; sets the window title) is shown escaped, never sent to the terminal.
"""

from __future__ import annotations

from vbhc import dates
from vbhc.model import Document, Node, ParsedFile
from vbhc.nd30 import PARTY_GUIDE
from vbhc.terminal import printable
from vbhc.textnorm import squash

WIDTH = 70


def _short(text: str | None) -> str:
    if not text:
        return ""
    return text if len(text) <= WIDTH else text[: WIDTH - 1].rstrip() + "…"


def _node(node: Node, prefix: str, last: bool, out: list[str]) -> None:
    branch = "└─ " if last else "├─ "
    if node.kind == "table":
        desc = f"[bảng {len(node.rows or [])} dòng]"
    elif node.kind == "paragraph":
        desc = _short(node.text)
    else:
        desc = " ".join(x for x in (node.label, _short(node.heading or node.text)) if x)
    out.append(f"{prefix}{branch}{desc}")
    child_prefix = prefix + ("   " if last else "│  ")
    for i, child in enumerate(node.children):
        _node(child, child_prefix, i == len(node.children) - 1, out)


def _header_lines(doc: Document) -> list[str]:
    fields = (
        ("Cơ quan chủ quản", doc.parent_issuer), ("Cơ quan ban hành", doc.issuer),
        ("Địa danh, ngày", f"{doc.place or '?'}, {dates.display(doc.date) if doc.date else '?'}"
         if doc.place or doc.date else None),
        ("Trích yếu", doc.title), ("Kèm theo", doc.attached_to), ("Độ mật, khẩn, chỉ dẫn", ", ".join(doc.marks)),
        ("Chữ ký số", "; ".join(doc.digital_signature)), ("Địa chỉ, liên hệ", " / ".join(doc.contact)),
        ("Căn cứ", f"{len(doc.can_cu)} dòng" if doc.can_cu else None),
        ("Thể thức", f"văn bản của Đảng, theo {PARTY_GUIDE} (không kiểm tra theo Nghị định 30)"
         if doc.party and not doc.attached else None),
    )
    return [f"  {label}: {value}" for label, value in fields if value]


def _closing_lines(doc: Document) -> list[str]:
    out = []
    sig = doc.signature
    if sig:
        # the lines as printed: "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG" keeps both prefixes
        printed = [squash(t) for t in sig.lines if squash(t) != sig.signer]
        who = " / ".join(printed or [*([sig.authority] if sig.authority else []), *sig.positions])
        out.append(f"  Ký: {who} — {sig.signer or '(không có tên người ký)'}")
    if doc.recipients or doc.storage:
        out.append(f"  Nơi nhận: {len(doc.recipients)} nơi; {doc.storage or '(không có dòng Lưu)'}")
    return out + [f"  ! {problem}" for problem in doc.problems]


def document_tree(doc: Document, index: int) -> str:
    number = "/".join(x for x in (doc.number, doc.year, doc.symbol) if x)
    out = [f"Văn bản {index + 1}: {doc.doc_type or '(không rõ loại)'}" + (f" số {number}" if number else "")]
    out += _header_lines(doc)
    for i, node in enumerate(doc.body):
        _node(node, "  ", i == len(doc.body) - 1, out)
    out += _closing_lines(doc)
    return "\n".join(printable(line) for line in out)


def parsed_tree(parsed: ParsedFile) -> str:
    return "\n\n".join(document_tree(d, i) for i, d in enumerate(parsed.documents)) + "\n"
