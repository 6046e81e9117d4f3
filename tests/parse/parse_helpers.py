"""Helpers for the parse tests: parse a string as the text reader would read it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vbhc.model import Document, Node, ParsedFile, Source
from vbhc.parse import parse_source
from vbhc.readers.text import lines_to_blocks

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"


def parse_text(text: str, *, dedent: bool = True) -> ParsedFile:
    """Parse a hand-written document given as a string (dedented, like a text file)."""
    if dedent:
        text = textwrap.dedent(text).strip("\n")
    source = Source(path="<test>", format="text", blocks=lines_to_blocks(text))
    return parse_source(source)


def one(text: str) -> Document:
    """Parse a string that holds exactly one document."""
    parsed = parse_text(text)
    assert len(parsed.documents) == 1, [d.doc_type for d in parsed.documents]
    return parsed.documents[0]


def outline(nodes: list[Node]) -> list:
    """The body as nested (label, number, kind) tuples, children after their parent."""
    out: list = []
    for node in nodes:
        item: tuple = (node.label, node.number, node.kind)
        if node.children:
            item = (*item, outline(node.children))
        out.append(item)
    return out


def find(doc: Document, node_id: str) -> Node:
    for node in doc.nodes():
        if node.id == node_id:
            return node
    raise AssertionError(f"no node {node_id!r}; ids: {[n.id for n in doc.nodes()]}")


# A conformant decision, for tests that add one line kind to it and expect it as it was otherwise.
DECISION = """\
ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 05/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 05 tháng 02 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch cải cách hành chính năm 2026
ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Theo đề nghị của Giám đốc Sở Nội vụ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.
Điều 2. Quyết định này có hiệu lực từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""
