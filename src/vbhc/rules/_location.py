"""Where a finding is, as an officer finds it in Word: a few words quoted from the text, the part
named as officers write it ("Căn cứ thứ 2", "mục II.4, điểm đ", "Nơi nhận", "dòng Số, ký hiệu"),
and the page where the file carries pages. Never a node id or a paragraph counter.

Not a rule module (the name starts with "_"): `Context.finding` calls it for every finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from vbhc import ids
from vbhc.model import Document, Line, Node, Role

QUOTE_CHARS = 48  # a few words: enough to find the text with Ctrl+F, short enough for one line

# How officers name the line of each role; roles of the body are named by their node instead.
ROLE_PART: dict[Role, str] = {
    Role.QUOC_HIEU: "Quốc hiệu",
    Role.TIEU_NGU: "Tiêu ngữ",
    Role.AGENCY: "Tên cơ quan ban hành",
    Role.PARENT_AGENCY: "Tên cơ quan chủ quản",
    Role.SO_KY_HIEU: "dòng Số, ký hiệu",
    Role.PLACE_DATE: "dòng địa danh và thời gian ban hành",
    Role.VV: "Trích yếu (V/v)",
    Role.VV_MORE: "Trích yếu (V/v)",
    Role.TYPE_NAME: "Tên loại văn bản",
    Role.TITLE: "Trích yếu",
    Role.ISSUER_LINE: "dòng thẩm quyền ban hành",
    Role.ENACTING: "dòng “QUYẾT ĐỊNH:”",
    Role.KINH_GUI: "Kính gửi",
    Role.KINH_GUI_ITEM: "Kính gửi",
    Role.KEM_THEO: "dòng “(Kèm theo …)”",
    Role.PHU_LUC: "tên phụ lục",
    Role.NOI_NHAN: "Nơi nhận",
    Role.LUU: "Nơi nhận, dòng “Lưu”",
    Role.AUTHORITY: "Phần ký, quyền hạn người ký",
    Role.POSITION: "Phần ký, chức vụ người ký",
    Role.SIGNER: "Phần ký, họ tên người ký",
    Role.STAND_IN: "Phần ký",
    Role.PAGE_NUMBER: "số trang",
    Role.PREFACE: "phần đầu văn bản",
}
_PROPOSAL = ("Theo", "Xét")
IN_PAGE_HEADER = "trong đầu trang (Header) của Word"  # a line of the page header, not of the body


@dataclass(frozen=True)
class Where:
    """A finding's location for officers, and the blocks it is anchored to."""

    quote: str | None = None
    part: str | None = None
    page: int | None = None
    paragraph: int | None = None  # the .docx paragraph (1-based, the reader's count)
    blocks: tuple[int, ...] = ()


def quote(text: str | None) -> str | None:
    """The first few words of a text, exactly as written (spaces collapsed), cut at a word."""
    words = " ".join((text or "").split())
    if len(words) <= QUOTE_CHARS:
        return words or None
    cut = words.rfind(" ", 0, QUOTE_CHARS - 1)
    return words[: cut if cut > QUOTE_CHARS // 2 else QUOTE_CHARS - 1].rstrip(" ,;:") + "…"


def node_of_blocks(doc: Document) -> dict[int, Node]:
    """Each block of the body and the deepest node it belongs to."""
    out: dict[int, Node] = {}
    for node in doc.nodes():  # parents come before children: the deepest node wins
        for b in node.blocks:
            out[b] = node
    return out


def document_prefix(doc: Document, index: int) -> str | None:
    """How officers name a document that is not the first of its file: "Phụ lục II", "Kế hoạch kèm theo"."""
    if index == 0:
        return None
    if doc.is_appendix:
        ln = doc.line_of(Role.PHU_LUC)
        num = getattr(ln.fields, "num", None) if ln is not None else None
        return f"Phụ lục {num}" if num else "Phụ lục"
    if doc.attached or doc.attached_to is not None:
        return f"{doc.doc_type or 'Văn bản'} kèm theo"
    return f"văn bản thứ {index + 1} của tệp"


def _ordinal_among(doc: Document, line: Line, roles: tuple[Role, ...]) -> int:
    n = 0
    for ln in doc.lines:
        if ln.role in roles:
            n += 1
        if ln is line:
            break
    return n


def line_part(doc: Document, line: Line, nodes: dict[int, Node]) -> str | None:
    """The part a line is in: its role's name, its ordinal among căn cứ and recipients, or its node."""
    if line.role == Role.CAN_CU:
        if line.text.startswith(_PROPOSAL):
            return "dòng “" + " ".join(line.text.split()[:3]) + " …”"
        return f"Căn cứ {ids.ordinal(_ordinal_among(doc, line, (Role.CAN_CU,)))}"
    if line.role == Role.RECIPIENT:
        return f"Nơi nhận, dòng {ids.ordinal(_ordinal_among(doc, line, (Role.RECIPIENT,)))}"
    node = nodes.get(line.index)
    if node is not None:
        return node_part(doc, node, line.index)
    if line.role is not None and line.role in ROLE_PART:
        return ROLE_PART[line.role]
    return None


def node_part(doc: Document, node: Node, block: int | None = None) -> str | None:
    """A node as officers name it ("mục II.4, điểm đ"); a table cell adds its row and column."""
    part = ids.describe(node.id)
    if node.kind == "table" and block is not None:
        pos = doc.blocks[block].table
        if pos is not None:
            part = f"{part or 'bảng'}, hàng {pos.row + 1}, cột {pos.col + 1}"
    return part


def where(doc: Document, index: int, at: Line | Node | None, nodes: dict[int, Node],
          part: str | None = None) -> Where:
    """The officer's location of `at` in document `index` of its file (`part` overrides the name)."""
    blocks: tuple[int, ...] = ()
    text = None
    if isinstance(at, Line):
        blocks = at.indexes
        text = at.text
        part = part or line_part(doc, at, nodes)
        if doc.blocks[at.index].part == "header":
            part = f"{part}, {IN_PAGE_HEADER}" if part else IN_PAGE_HEADER
    elif isinstance(at, Node):
        blocks = tuple(at.blocks[:1])
        text = doc.blocks[blocks[0]].text if blocks else (at.label or at.heading or at.text)
        part = part or node_part(doc, at, blocks[0] if blocks else None)
    prefix = document_prefix(doc, index)
    if prefix:
        part = f"{prefix}, {part}" if part else prefix
    first = doc.blocks[blocks[0]].location if blocks else None
    return Where(quote=quote(text), part=part, page=first.page if first else None,
                 paragraph=first.paragraph if first else None, blocks=blocks)
