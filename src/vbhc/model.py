"""The one model in the middle: readers produce `Block`s, parse produces `Document`s.

Everything a checker or a writer needs is here; neither goes back to the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
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
    section: int = 0  # the file's section (Word's page setup) the block is in: index into Source.sections


@dataclass
class PageSetup:
    """Paper and margins of the first section, in millimetres."""

    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]  # top, bottom, left, right
    header_mm: float | None = None
    different_first_page: bool | None = None
    page_numbers: list[dict[str, Any]] = field(default_factory=list)
    watermark: str | None = None  # the text drawn behind every page (Word's watermark: "DỰ THẢO", "MẬT")

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
    sections: list[PageSetup] = field(default_factory=list)  # every section's paper and margins, in order
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
    align: str | None = None  # a paragraph the form centres (PL III, Mẫu 1.6 "… điện:"); None: justified

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


class LineKind(StrEnum):
    """What one line is, judged from its text alone (the table in parse/patterns.py)."""

    QUOC_HIEU = "quoc_hieu"
    TIEU_NGU = "tieu_ngu"
    RULE = "rule"  # a drawn line of ___ or ---
    STAND_IN = "stand_in"  # "(Đã ký)", "(Signature)"
    SO_KY_HIEU = "so_ky_hieu"
    CAN_CU = "can_cu"
    PLACE_DATE = "place_date"
    VV = "vv"
    KINH_GUI = "kinh_gui"
    ENACTING = "enacting"  # "QUYẾT ĐỊNH:"
    KEM_THEO = "kem_theo"  # "(Kèm theo Quyết định số …)"
    PHU_LUC = "phu_luc"
    NOI_NHAN = "noi_nhan"
    LUU = "luu"
    AUTHORITY = "authority"  # "KT. CHỦ TỊCH"
    PART = "part"
    CHAPTER = "chapter"
    MUC = "muc"
    ARTICLE = "article"
    ROMAN = "roman"  # "II. NHIỆM VỤ"
    DECIMAL = "decimal"  # "1.", "1.1.", "2)"
    POINT = "point"  # "a)", "đ)"
    BULLET = "bullet"
    PAGE_NUMBER = "page_number"
    MARK = "mark"  # "KHẨN", "MẬT", "DỰ THẢO", "Dự thảo lần 2": a mark beside the components
    DIGITAL_SIGNATURE = "digital_signature"  # "Ký bởi: …", "Thời gian ký: …": a digital signature's stamp
    CONTACT = "contact"  # "ĐT: …, Fax: …", "E-mail: …, Website: …": the agency's address and contacts (ô số 13)
    COPY_FORM = "copy_form"  # "SAO Y", "SAO LỤC", "TRÍCH SAO": heads the part a copy adds (nd30.COPY_FORMS)
    TYPE_NAME = "type_name"  # "QUYẾT ĐỊNH", "KẾ HOẠCH"
    CAPS = "caps"  # any other line in capitals
    TEXT = "text"


class Role(StrEnum):
    """What a line is in its document, decided by the builder from its kind and its neighbours.

    A line whose kind needs no decision keeps it as its role (a "can_cu" line is a căn cứ); the
    roles below the kinds are the builder's own.
    """

    QUOC_HIEU = "quoc_hieu"
    TIEU_NGU = "tieu_ngu"
    RULE = "rule"
    STAND_IN = "stand_in"
    SO_KY_HIEU = "so_ky_hieu"
    CAN_CU = "can_cu"
    PLACE_DATE = "place_date"
    VV = "vv"
    KINH_GUI = "kinh_gui"
    ENACTING = "enacting"
    KEM_THEO = "kem_theo"
    PHU_LUC = "phu_luc"
    NOI_NHAN = "noi_nhan"
    LUU = "luu"
    AUTHORITY = "authority"
    PART = "part"
    CHAPTER = "chapter"
    MUC = "muc"
    ARTICLE = "article"
    ROMAN = "roman"
    DECIMAL = "decimal"
    POINT = "point"
    BULLET = "bullet"
    PAGE_NUMBER = "page_number"
    MARK = "mark"
    DIGITAL_SIGNATURE = "digital_signature"
    CONTACT = "contact"
    COPY_FORM = "copy_form"
    TYPE_NAME = "type_name"
    CAPS = "caps"
    TEXT = "text"
    # the builder's own
    PREFACE = "preface"  # a stray line before any header (a source note, a stamp)
    AGENCY = "agency"  # the issuing agency's name
    PARENT_AGENCY = "parent_agency"  # the cơ quan chủ quản above it
    VV_MORE = "vv_more"  # a V/v wrapped onto the next line
    TITLE = "title"  # trích yếu
    ISSUER_LINE = "issuer_line"  # "ỦY BAN NHÂN DÂN TỈNH …" naming who decides, before the căn cứ
    KINH_GUI_ITEM = "kinh_gui_item"
    HEADING = "heading"  # the title line under "Chương I", "Phần thứ nhất"
    TABLE_CELL = "table_cell"
    PARAGRAPH = "paragraph"
    RECIPIENT = "recipient"
    POSITION = "position"  # "CHỦ TỊCH", "PHÓ GIÁM ĐỐC"
    SIGNER = "signer"
    UNPLACED = "unplaced"  # in the closing, but neither signature nor Nơi nhận

    @classmethod
    def of(cls, kind: LineKind) -> Role:
        return cls(kind.value)


# --- What the classifier pulls out of a line, one record per family of kinds ----------------------

@dataclass(frozen=True)
class NumberField:
    """"Số: 2228 /QĐ-UBND" as printed: the word, its mark, the number, and what follows it."""

    word: str  # "Số" (or "SỐ", "số": a rule judges it)
    mark: str  # what follows the word: ":" as the decree asks, or ";", ".", ""
    number: str  # "2228", "05"; "" or "…" where a draft leaves it for the văn thư
    rest: str  # from the end of the number on, as printed: " /QĐ-UBND"
    symbol: str  # after "/", single-spaced: "QĐ-UBND", "2020/NĐ-CP"
    gap: str = ""  # spaces between the word and its mark: "Số :" has one
    joint: str = "/"  # between the number and the symbol: "/" by the decree, "-" by the Party's guide ("60-NQ/TW")

    @property
    def blank(self) -> bool:
        return not self.number.isdigit()


@dataclass(frozen=True)
class PlaceDateField:
    """"Nghệ An, ngày 05 tháng 02 năm 2026" as printed: the place, the comma, the parts of the date."""

    place: str
    comma: bool  # a comma follows the place (PL I, mục II.4.c)
    day: str | None  # as printed: "05", "5", "…"; None when left out
    month: str | None
    year: str | None
    date_text: str  # from the date on, single-spaced: "ngày 05 tháng 02 năm 2026", "05/02/2026"
    short: bool = False  # written "05/02/2026" instead of "ngày … tháng … năm …"

    @property
    def numeric(self) -> bool:
        return all(x is not None and x.isdigit() for x in (self.day, self.month, self.year))


@dataclass(frozen=True)
class LabelField:
    """A numbered line: "Điều 2. Tên", "II. NHIỆM VỤ", "1.1. Chung", "- a) …", "+ …"."""

    num: str | None  # "2", "II", "1.1", "đ"; None for a bullet
    rest: str  # what follows the label
    word: str | None = None  # "Điều", "Chương", "Phần", "Mục" as printed
    end: str | None = None  # "." or ")" after a decimal number, "" when left out
    lead: str | None = None  # a dash before a point: "- a)"
    mark: str | None = None  # a bullet's mark: "-", "+", "•"


@dataclass(frozen=True)
class RestField:
    """A line that opens with a fixed word ("V/v", "Kính gửi:", "Nơi nhận:", "Lưu:"): what follows it."""

    rest: str


@dataclass(frozen=True)
class AuthorityField:
    """"KT. CHỦ TỊCH": the signing authority's prefix (without its dot) and what follows it."""

    prefix: str
    rest: str


@dataclass(frozen=True)
class AppendixField:
    """"PHỤ LỤC II" and, on the same line, the start of its title."""

    num: str | None
    rest: str


@dataclass(frozen=True)
class TypeNameField:
    """A type name in capitals ("KẾ HOẠCH"), as the name vbhc knows it by ("Kế hoạch")."""

    doc_type: str
    rest: str = ""  # a qualifier printed after it: "(SỬA ĐỔI, BỔ SUNG)"


Fields = NumberField | PlaceDateField | LabelField | RestField | AuthorityField | AppendixField | TypeNameField


@dataclass
class Line:
    """A block after classification: its kind, what was pulled out of it, and its role in the document.

    `kind` and `fields` are the classifier's and never change; `role` is set by the builder.
    """

    index: int  # index into Document.blocks: the (first) block the line was read from
    kind: LineKind
    fields: Fields | None = None
    role: Role | None = None
    text: str = ""  # the line as classified: its block's text, stripped (blocks joined where it wrapped)
    more: tuple[int, ...] = ()  # further blocks joined into this line (a V/v wrapped in its header column)

    @property
    def indexes(self) -> tuple[int, ...]:
        return (self.index, *self.more)


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
    attached: bool = False  # issued with a decision: the document before it (a plan, a charter), or a charter alone
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
    co_signatures: list[Signature] = field(default_factory=list)  # beside `signature`: a Biên bản's thư ký (Mẫu 1.9)
    party: bool = False  # headed "ĐẢNG CỘNG SẢN VIỆT NAM": a document of the Party's own system, outside NĐ 30
    marks: list[str] = field(default_factory=list)  # "KHẨN", "MẬT", "DỰ THẢO" as printed (nd30.URGENCY_MARKS …)
    digital_signature: list[str] = field(default_factory=list)  # the lines a signing tool drew: "Ký bởi: …"
    contact: list[str] = field(default_factory=list)  # the agency's address and contacts, as printed (ô số 13)
    copy_form: str | None = None  # "SAO Y": this document is the part a copy adds under the original
    header_again: list[int] = field(default_factory=list)  # later pages its header was printed again atop (no lines)

    def nodes(self):
        for node in self.body:
            yield from node.walk()

    def line_of(self, role: Role) -> Line | None:
        return next((ln for ln in self.lines if ln.role == role), None)


@dataclass
class ParsedFile:
    """A file as parsed: its source (blocks, page setup) and the documents in it."""

    source: Source
    documents: list[Document]
