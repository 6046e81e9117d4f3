"""The one model in the middle: readers produce `Block`s, parse produces `Document`s.

Everything a checker or a writer needs is here; neither goes back to the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Align = Literal["left", "center", "right", "justify"]
NodeKind = Literal[
    "part", "chapter", "section", "article", "clause", "point", "bullet", "paragraph", "table"
]


@dataclass
class Style:
    """Effective formatting of a block, resolved as Word would show it.

    `None` means the format does not carry the property (plain text has no fonts),
    never "inherited": readers resolve inheritance before building a Style.
    """

    font: str | None = None
    size_pt: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    all_caps: bool | None = None
    align: Align | None = None
    first_line_indent_mm: float | None = None
    left_indent_mm: float | None = None
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    line_spacing: float | None = None  # a multiple of single spacing
    fonts: list[str] = field(default_factory=list)  # every font used by the block's runs


@dataclass
class TablePos:
    """Where a block sits in a table: which table of the file, which row and column."""

    table: int
    row: int
    col: int
    borderless: bool | None = None


@dataclass
class Location:
    """Where a block came from, for messages: 1-based line or paragraph, page when known."""

    line: int | None = None
    paragraph: int | None = None
    page: int | None = None


@dataclass
class Block:
    """The visible text of one paragraph, table-cell line or text line, with its style."""

    text: str
    style: Style = field(default_factory=Style)
    location: Location = field(default_factory=Location)
    table: TablePos | None = None
    auto_number: bool = False  # the leading label was rendered from Word numbering
    column: int | None = None  # 0 left, 1 right, for two-column header and signature layouts
    x0: float | None = None  # left edge in points (PDF only)
    part: str = "body"  # "body", "header" (page header), "footer", "footnote" (footnotes, notes at a page foot)


@dataclass
class PageSetup:
    """Paper and margins of the first section, in millimetres."""

    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]  # top, bottom, left, right
    header_mm: float | None = None
    different_first_page: bool | None = None
    page_numbers: list[dict[str, Any]] = field(default_factory=list)

    @property
    def paper(self) -> str | None:
        for name, (w, h) in {"A4": (210, 297), "A3": (297, 420), "A5": (148, 210), "Letter": (216, 279)}.items():
            if abs(min(self.width_mm, self.height_mm) - w) < 2 and abs(max(self.width_mm, self.height_mm) - h) < 2:
                return name
        return None

    @property
    def orientation(self) -> str:
        return "landscape" if self.width_mm > self.height_mm else "portrait"


@dataclass
class Source:
    """What a reader returns: the blocks of one file, in order, and what the format carries."""

    path: str
    format: Literal["docx", "pdf", "text"]
    blocks: list[Block]
    page_setup: PageSetup | None = None
    carries_style: bool = False  # fonts, sizes, bold, italic are real, not unknown
    carries_paragraph_format: bool = False  # alignment, indents, spacing are real
    pages: int | None = None
    notes: list[str] = field(default_factory=list)  # reader observations (e.g. encoding)
    # Legacy (non-Unicode) Vietnamese text converted by the reader: font → characters converted
    # (".VnTime": 1234), and encoding → characters ("tcvn3", "vni"); a text file has no fonts.
    legacy_fonts: dict[str, int] = field(default_factory=dict)
    legacy_encodings: dict[str, int] = field(default_factory=dict)
    scanned: bool = False  # an image scan (PDF): its layout cannot be checked; blocks are OCR text or none


@dataclass
class Node:
    """One unit of the body tree, generic as in Akoma Ntoso: kind, label, number, children."""

    kind: NodeKind
    label: str | None = None  # as printed: "Điều 1.", "II.", "- a)"
    number: str | None = None  # normalised: "1", "II", "2.1", "đ"
    heading: str | None = None
    text: str | None = None
    children: list[Node] = field(default_factory=list)
    id: str = ""
    blocks: list[int] = field(default_factory=list)  # indexes into Document.blocks
    line: int | None = None
    rows: list[list[str]] | None = None  # for kind == "table"

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Signature:
    """The signing block: authority prefix, position lines, signer."""

    authority: str | None = None  # the prefix that applies to the signer: TM., KT., TL., TUQ., Q.
    positions: list[str] = field(default_factory=list)
    signer: str | None = None
    on_behalf_of: str | None = None  # the collective after "TM."
    lines: list[str] = field(default_factory=list)  # every line as printed
    stand_in: str | None = None  # "(Đã ký)", "(Signature)"
    blocks: list[int] = field(default_factory=list)


@dataclass
class Line:
    """A block after classification: what kind of line it is and what was pulled out of it."""

    index: int  # index into Document.blocks
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """One administrative document (or an attached plan, or an appendix) of a file."""

    doc_type: str | None = None  # "Quyết định", "Kế hoạch", "Công văn", "Phụ lục", …
    number: str | None = None
    symbol: str | None = None
    year: str | None = None  # legal documents: 30/2020/NĐ-CP
    number_raw: str | None = None  # the "Số: …" line as printed
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    date: str | None = None  # ISO
    date_raw: str | None = None
    title: str | None = None
    national_title: str | None = None  # Quốc hiệu as printed
    motto: str | None = None  # Tiêu ngữ as printed
    type_line: str | None = None  # "QUYẾT ĐỊNH" as printed
    kinh_gui: list[str] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)  # căn cứ lines (and "Theo đề nghị …")
    enacting: str | None = None  # the "QUYẾT ĐỊNH:" line
    enacting_authority: str | None = None  # the line naming who decides, before the căn cứ ("ỦY BAN NHÂN DÂN TỈNH …")
    attached_to: str | None = None  # "(Kèm theo …)" as printed
    is_appendix: bool = False
    body: list[Node] = field(default_factory=list)
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    recipients_label: str | None = None  # "Nơi nhận:" as printed
    storage: str | None = None  # the "Lưu: …" line
    page_setup: PageSetup | None = None
    lines: list[Line] = field(default_factory=list)  # every classified line, in order
    blocks: list[Block] = field(default_factory=list)  # the file's blocks (shared)
    problems: list[str] = field(default_factory=list)  # what parse noticed but kept going

    def nodes(self):
        for node in self.body:
            yield from node.walk()

    def line_of(self, kind: str) -> Line | None:
        return next((ln for ln in self.lines if ln.kind == kind), None)


@dataclass
class ParsedFile:
    """A file as parsed: its source (blocks, page setup) and the documents in it."""

    source: Source
    documents: list[Document]
