"""Second pass: walk the classified lines and build Documents.

A small state machine per document (header → title → preamble → body → closing). It never
refuses input: a line that fits nowhere is kept as a body paragraph or noted as a problem,
always in order. A file may hold several documents (a decision and its attached plan, an
appendix); a new one starts where a second header appears after a body.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import regex as re

from vbhc import dates, ids, rx
from vbhc.model import (
    AppendixField,
    AuthorityField,
    Block,
    Document,
    LabelField,
    Line,
    LineKind,
    Node,
    NodeKind,
    NumberField,
    PlaceDateField,
    RestField,
    Role,
    Signature,
    Source,
    TypeNameField,
)
from vbhc.nd30 import COPY_FORMS, ISSUED_TYPES, ISSUING_TYPES, PARTY_HEADING, PREAMBLE_TYPES, UNTITLED_TYPES
from vbhc.parse.patterns import (
    AGENCY_HEADS,
    CLOSING_PARAGRAPH,
    MARK_LINE,
    PERSON_NAME,
    POSITIONS,
    names_authority,
    type_opening,
)
from vbhc.textnorm import is_upper, letters_of, squash

K = LineKind

# How deep each kind of label sits; a new label closes every open node at its depth or deeper.
RANK = {K.PART: 0, K.CHAPTER: 1, K.MUC: 2, K.ROMAN: 3, K.ARTICLE: 4, K.POINT: 20, K.BULLET: 30}
NODE_KIND: dict[LineKind, NodeKind] = {K.PART: "part", K.CHAPTER: "chapter", K.MUC: "section", K.ROMAN: "section",
                                       K.ARTICLE: "article", K.DECIMAL: "clause", K.POINT: "point",
                                       K.BULLET: "bullet"}
STRUCTURAL = {K.PART, K.CHAPTER, K.MUC, K.ROMAN, K.ARTICLE, K.DECIMAL, K.POINT, K.BULLET}
_DASH = rx.compile(r"^[-–+•]\s*")
_SENTENCE_END = rx.compile(r"[.;:,!?…]\s*$|\./\.$")
_END_MARK = rx.compile(r"\s*/\s*\.\s*$")
_PLACEHOLDER = rx.compile(r"…|\.{3}")
_DATE_WITHOUT_YEAR = rx.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*$", re.I)

_ENDS_SENTENCE = rx.compile(r"[.;:!?…][\s)\]”\"']*$")  # a line that ends its sentence (a comma does not)
_YEAR_ALONE = rx.compile(r"\d{4}\s*\.?")  # "2025": the year a narrow column wrapped
_YEAR_FIRST = rx.compile(r"^(\d{4})\s*/\s*(.+)$")  # "2025/QĐ-UBND": the year written in the symbol


def _label(line: Line) -> LabelField:
    assert isinstance(line.fields, LabelField), line.kind
    return line.fields


def _rest(line: Line) -> str:
    return line.fields.rest if isinstance(line.fields, RestField | AppendixField | AuthorityField | LabelField) else ""


def _rank(line: Line) -> int:
    if line.kind == K.DECIMAL:
        return 5 + (_label(line).num or "").count(".")
    if line.kind == K.BULLET:
        return RANK[K.BULLET] + (1 if _label(line).mark == "+" else 0)
    return RANK[line.kind]


class _DocBuilder:
    """Builds one Document: one handler per state; `feed_all` stops where the next document begins."""

    def __init__(self, source: Source, layout_tables: set[int], width: int | None = None):
        self.layout_tables = layout_tables
        self.width = width  # characters of a printed line, when the file holds one a paragraph (`printed_width`)
        self.doc = Document(page_setup=source.page_setup, blocks=source.blocks)
        self.blocks: list[Block] = source.blocks
        self.pending: list[Line] = []  # every line of the file; the builder is at `pos`
        self.pos = 0
        self.state = "header"
        self.agency: list[Line] = []
        self.stack: list[tuple[float, Node]] = []
        self.awaiting_heading: Node | None = None
        self.title_lines: list[str] = []  # joined into Document.title when the title ends (not per line)
        self.kem_theo_parts: list[str] = []
        self.kem_theo_depth = 0  # "(" opened and not yet closed in the "(Kèm theo …)" lines
        self.signature_started = False
        self.signature = Signature()
        self.table_node: tuple[int, Node] | None = None
        self._siblings: dict[int, ids.Siblings] = {}  # per sibling list (keyed by id(list)): ids taken
        self.last_node: Node | None = None  # the body node attached last

    # --- helpers -----------------------------------------------------------------------
    def text(self, line: Line) -> str:
        return line.text

    def keep(self, line: Line, role: Role | None = None) -> None:
        line.role = role or Role.of(line.kind)
        self.doc.lines.append(line)

    def last_role(self) -> Role | None:
        return self.doc.lines[-1].role if self.doc.lines else None

    @property
    def started_body(self) -> bool:
        return self.state in ("body", "closing")

    # --- header ------------------------------------------------------------------------
    def header(self, line: Line) -> bool:
        """A header line fills its field; the first line that is none ends the header."""
        if line.kind == K.CAPS and self.doc.doc_type is None and (self.right_under_the_date()
                                                                  or self.kem_theo_under(self.pos)):
            typed = type_opening(self.text(line))  # "KẾ HOẠCH TUYÊN TRUYỀN" under the date: a type, no agency
            if typed is not None:
                line.kind, line.fields = K.TYPE_NAME, typed
        step = HEADER_STEPS.get(line.kind) or (self.text_in_header(line) if line.kind == K.TEXT else None)
        if step is None:
            self.finish_header()
            self.state = "preamble"
            return self.preamble(line)
        return step(self, line)

    def right_under_the_date(self) -> bool:
        """Only a rule or a mark ("DỰ THẢO") stands between the place-date and the line being read."""
        last = next((ln for ln in reversed(self.doc.lines) if ln.role not in (Role.RULE, Role.MARK)), None)
        return last is not None and last.role == Role.PLACE_DATE

    def text_in_header(self, line: Line) -> Step | None:
        """A plain line inside the header: a wrapped V/v or date, a stray note, a cell of the header table."""
        t = self.text(line)
        last = self.doc.lines[-1] if self.doc.lines else None
        if t[:1].islower() and last is not None and last.role in (Role.VV, Role.VV_MORE) \
                and self.blocks[last.index].column == self.blocks[line.index].column:
            return _DocBuilder.vv_more
        if self.year_of_wrapped_date(t):
            return lambda b, ln: b.keep_as(ln, Role.PLACE_DATE)
        if not self.doc.lines and self.agency == []:
            return lambda b, ln: b.keep_as(ln, Role.PREFACE)  # a source note or a stamp before the header
        if self.in_header_table(line):
            return _DocBuilder.keep_as  # a stray line in a column of the header table ("." under the V/v)
        return None

    def keep_as(self, line: Line, role: Role | None = None) -> bool:
        self.keep(line, role)
        return True

    def agency_line(self, line: Line) -> bool:
        self.agency.append(line)
        return self.keep_as(line, Role.AGENCY)

    def copy_form(self, line: Line) -> bool:
        """"SAO Y" heads the part a copy adds under the original: the copier's header and closing follow."""
        t = squash(self.text(line)).rstrip(":").strip()
        self.doc.copy_form = t
        self.doc.doc_type = COPY_FORMS.get(t.upper(), "Bản sao y")
        return self.keep_as(line)

    def mark(self, line: Line) -> bool:
        """"KHẨN", "MẬT", "DỰ THẢO" in the header or by the title: a mark, not part of a name or title."""
        self.doc.marks.append(squash(self.text(line)))
        return self.keep_as(line, Role.MARK)

    def quoc_hieu(self, line: Line) -> bool:
        self.doc.national_title = self.text(line)
        return self.keep_as(line)

    def tieu_ngu(self, line: Line) -> bool:
        self.doc.motto = self.text(line)
        return self.keep_as(line)

    def number_line(self, line: Line) -> bool:
        assert isinstance(line.fields, NumberField)
        self.set_number(self.text(line), line.fields)
        return self.keep_as(line)

    def place_date(self, line: Line) -> bool:
        assert isinstance(line.fields, PlaceDateField)
        self.set_place_date(self.text(line), line.fields)
        return self.keep_as(line)

    def vv(self, line: Line) -> bool:
        self.doc.doc_type = self.doc.doc_type or "Công văn"
        self.doc.title = squash(_rest(line)) or None
        return self.keep_as(line)

    def vv_more(self, line: Line) -> bool:
        self.doc.title = squash(f"{self.doc.title or ''} {self.text(line)}")  # "V/v" wrapped over two lines
        return self.keep_as(line, Role.VV_MORE)

    def type_name(self, line: Line) -> bool:
        assert isinstance(line.fields, TypeNameField)
        self.doc.doc_type = line.fields.doc_type
        self.doc.type_line = self.text(line)
        if line.fields.rest:
            self.title_lines.append(line.fields.rest)
        # PL III, Mẫu 1.8 and 1.10: a Giấy giới thiệu, a Giấy nghỉ phép have no trích yếu: the content follows
        self.state = "preamble" if line.fields.doc_type in UNTITLED_TYPES else "title"
        return self.keep_as(line)

    def appendix(self, line: Line) -> bool:
        assert isinstance(line.fields, AppendixField)
        self.doc.doc_type = "Phụ lục"
        self.doc.is_appendix = True
        self.doc.number = line.fields.num
        self.doc.type_line = self.text(line)
        if line.fields.rest:
            self.title_lines.append(line.fields.rest)
        self.state = "title"
        return self.keep_as(line)

    def kem_theo_in_header(self, line: Line) -> bool:
        self.state = "title"
        return self.title(line)

    def in_header_table(self, line: Line) -> bool:
        """A line in a column of the layout table the header is in (a .doc header is often one row
        of two cells, read column by column: the left column ends before the Quốc hiệu begins)."""
        pos, column = self.blocks[line.index].table, self.blocks[line.index].column
        prev = self.blocks[self.doc.lines[-1].index].table if self.doc.lines else None
        return (pos is not None and column is not None and prev is not None and prev.table == pos.table
                and pos.table in self.layout_tables)

    def year_of_wrapped_date(self, t: str) -> bool:
        """"…, ngày 05 tháng 8 năm" then "2025": a place-date wrapped in a narrow header column (PDF)."""
        m = _DATE_WITHOUT_YEAR.search(self.doc.date_raw or "")
        if self.doc.date is not None or self.last_role() != Role.PLACE_DATE or not m \
                or not _YEAR_ALONE.fullmatch(t):
            return False
        self.doc.date_raw = f"{self.doc.date_raw} {t}"
        self.doc.date = dates.iso(m.group(1), m.group(2), t.rstrip("."))
        return True

    def set_place_date(self, raw: str, f: PlaceDateField) -> None:
        self.doc.place = f.place or None
        self.doc.date_raw = raw
        if f.numeric:
            self.doc.date = dates.iso(f.day or "", f.month or "", f.year or "")
            if self.doc.date is None:
                self.doc.problems.append(f"ngày không có thật: {raw}")

    def set_number(self, raw: str, f: NumberField) -> None:
        self.doc.number_raw = raw
        self.doc.number = None if f.blank else f.number
        symbol = f.symbol
        year = _YEAR_FIRST.match(symbol)
        if year:
            self.doc.year, symbol = year.group(1), year.group(2)
        self.doc.symbol = symbol or None

    def finish_header(self) -> None:
        """Split the stacked agency lines into parent agency and issuing agency."""
        if not self.agency or self.doc.issuer:
            return
        lines = [ln for ln in self.agency if self.blocks[ln.index].column in (None, 0)]
        if not lines:
            return
        texts = [self.text(ln) for ln in lines]
        bolds = [self.blocks[ln.index].style.bold for ln in lines]
        # The issuing agency is bold under an upright parent (PL I, mục II.2.b) and begins with an
        # agency word ("SỞ …"); "TỈNH NGHỆ AN" under "ỦY BAN NHÂN DÂN" only continues the name.
        starts = [i for i, t in enumerate(texts) if AGENCY_HEADS.match(t)]
        first_bold = next((i for i, b in enumerate(bolds) if b), None)
        split = None
        if None not in bolds and first_bold and not all(bolds) and first_bold in starts:
            split = first_bold
        elif len(starts) >= 2:
            split = starts[-1]
        if split:
            self.doc.parent_issuer = squash(" ".join(texts[:split]))
            self.doc.issuer = squash(" ".join(texts[split:]))
        else:
            self.doc.issuer = squash(" ".join(texts))
        for ln in lines[:split or 0]:
            ln.role = Role.PARENT_AGENCY

    # --- title -------------------------------------------------------------------------
    def title(self, line: Line) -> bool:
        k, t = line.kind, self.text(line)
        if self.kem_theo_depth > 0 or k == K.KEM_THEO:
            self.kem_theo_parts.append(t)
            self.kem_theo_depth += t.count("(") - t.count(")")
            self.keep(line, Role.KEM_THEO)
            return True
        if k == K.RULE:
            self.keep(line)
            return True
        if k == K.MARK:
            return self.mark(line)
        first = not self.title_lines
        # an appendix's heading may name what it holds by a type's name ("PHỤ LỤC I" / "KẾ HOẠCH" / "Cải cách …")
        heading = k == K.TYPE_NAME and first and self.doc.is_appendix
        if self.in_body_table(line):
            self.finish_header()
            self.state = "body"
            return self.body(line)
        if (k in (K.TEXT, K.CAPS, K.DECIMAL) or heading) and not self.kem_theo_parts \
                and (first or self.continues_title(line)) and not self.is_authority(line, first):
            self.title_lines.append(t)
            self.keep(line, Role.TITLE)
            return True
        self.finish_header()
        self.state = "preamble"
        return self.preamble(line)

    def continues_title(self, line: Line) -> bool:
        """A line under the trích yếu's first that goes on with it: in lower case, in capitals under capitals,
        printed as it is, or right under a type's line that ran on with the trích yếu's first words ("BÁO CÁO
        TỔNG KẾT" / "Công tác …")."""
        k, t = line.kind, self.text(line)
        return t[:1].islower() or (is_upper(t) and is_upper(self.title_lines[-1])) or (k == K.TEXT and (
            self.doc.lines[-1].kind == K.TYPE_NAME or self.looks_like_title(line) or self.before_preamble(line)))

    def is_authority(self, line: Line, first: bool) -> bool:
        """A caps line just before the căn cứ is the enacting authority ("ỦY BAN NHÂN DÂN TỈNH …"), not a
        trích yếu in capitals ("TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 32/CT-TTG …"); an appendix's title is in
        capitals. With no trích yếu yet (`first`), only a line that names an agency or a position is: a
        trích yếu in capitals may come straight before the căn cứ ("QUY ĐỊNH THỰC HIỆN NẾP SỐNG …")."""
        return line.kind == K.CAPS and not self.doc.is_appendix and (
            self.next_kind() in (K.CAN_CU, K.ENACTING) or (first and self.next_kind() is None)) and (
            not first or names_authority(self.text(line)))

    def before_preamble(self, line: Line) -> bool:
        """With no style to compare (text), a line right before the enacting authority or the căn cứ,
        under a trích yếu line that ends no sentence, is the trích yếu's next line: nothing else stands
        between them ("Về việc công nhận Điều lệ (sửa đổi, bổ sung)" / "Quỹ Khuyến học tỉnh Bình Thuận")."""
        if self.blocks[line.index].style.bold is not None or _ENDS_SENTENCE.search(self.title_lines[-1]):
            return False
        nxt = self.pos + 1
        if nxt >= len(self.pending):
            return False
        after = self.pending[nxt]
        return after.kind in (K.CAN_CU, K.ENACTING) or (after.kind == K.CAPS and names_authority(self.text(after)))

    def end_title(self) -> None:
        """The trích yếu and the "(Kèm theo …)" line, each joined once from the lines read for it."""
        if self.title_lines:
            self.doc.title = squash(" ".join(self.title_lines))
        if self.kem_theo_parts:
            self.doc.attached_to = squash(" ".join(self.kem_theo_parts))

    def next_kind(self) -> LineKind | None:
        """The kind of the line after the one being built (the builder reads one line at a time)."""
        nxt = self.pos + 1
        return self.pending[nxt].kind if nxt < len(self.pending) else None

    def looks_like_title(self, line: Line) -> bool:
        """A line printed as the trích yếu's first line is (bold, same size and alignment) continues it:
        "Về việc công nhận Điều lệ (sửa đổi, bổ sung)" / "Quỹ Khuyến học tỉnh Bình Thuận"."""
        first = next((ln for ln in reversed(self.doc.lines) if ln.role == Role.TITLE), None)
        if first is None:
            return False
        a, b = self.blocks[first.index].style, self.blocks[line.index].style
        return bool(a.bold and b.bold) and a.size_pt == b.size_pt and a.italic == b.italic

    # --- preamble ----------------------------------------------------------------------
    def preamble(self, line: Line) -> bool:
        k, t = line.kind, self.text(line)
        if self.in_body_table(line):
            self.state = "body"
            return self.body(line)
        if k == K.CAPS and not self.doc.can_cu and self.doc.enacting is None:
            self.doc.enacting_authority = squash(f"{self.doc.enacting_authority or ''} {t}")
            self.keep(line, Role.ISSUER_LINE)
        elif k == K.CAN_CU and (self.doc.doc_type is None or self.doc.doc_type in PREAMBLE_TYPES):
            self.doc.can_cu.append(t)
            self.keep(line)
        elif k == K.ENACTING:
            self.doc.enacting = t
            self.keep(line)
            self.state = "body"
        elif k == K.KINH_GUI:
            if _rest(line):
                self.doc.kinh_gui.append(_rest(line))
            self.keep(line)
        elif k == K.BULLET and self.last_role() in (Role.KINH_GUI, Role.KINH_GUI_ITEM):
            self.doc.kinh_gui.append(_rest(line) or t)
            self.keep(line, Role.KINH_GUI_ITEM)
        elif k == K.KEM_THEO and not self.doc.can_cu:
            self.state = "title"
            return self.title(line)
        elif k == K.MARK and not self.doc.can_cu:
            return self.mark(line)
        else:
            self.state = "body"
            return self.body(line)
        return True

    # --- body --------------------------------------------------------------------------
    def body(self, line: Line) -> bool:
        k, t = line.kind, self.text(line)
        block = self.blocks[line.index]
        if block.table is not None and not self.layout_table(line):
            self.awaiting_heading = None  # a heading comes right under its label, not after a table
            self.add_table_cell(line)
            return True
        self.table_node = None
        if self.opens_closing(line):
            self.state = "closing"
            return self.closing(line)
        if self.awaiting_heading is not None:
            node = self.awaiting_heading
            self.awaiting_heading = None
            if k in (K.CAPS, K.TEXT) and (block.style.bold or is_upper(t)):
                node.heading = squash(t)
                node.blocks.append(line.index)
                self.keep(line, Role.HEADING)
                return True
        if k in STRUCTURAL:
            self.add_node(line)
        elif not self.continues_paragraph(line):
            self.add_paragraph(line)
        return True

    def continues_paragraph(self, line: Line) -> bool:
        """Plain text that goes on with the node above, as the printed page shows it: a line after a line break
        inside one Word paragraph ("… đường lối của<br>Đảng, chính sách …"), or a line that begins in lower case
        under one that ends inside its sentence (a text copied from a PDF into Word, a paragraph per printed
        line: "2. Tỷ lệ hồ sơ … tại Trung tâm" / "phường đạt từ 97% trở lên"; a new paragraph begins with a
        capital or a label). A break before a label ("- ý 1<br>- ý 2") still opens a node."""
        if line.kind != K.TEXT or not self.doc.lines:
            return False
        prev = self.doc.lines[-1]
        block, before = self.blocks[line.index], self.blocks[prev.index]
        node = self.last_node
        if (node is None or node.blocks[-1] != prev.index or block.table is not None or before.table is not None
                or block.column is not None or before.column is not None):
            return False
        text = self.text(line).strip()
        same_paragraph = block.location.paragraph is not None and block.location.paragraph == before.location.paragraph
        ran_on = text[:1].islower() or (self.width is not None and len(self.text(prev)) >= FULL_LINE * self.width)
        wrapped = ran_on and not _ENDS_SENTENCE.search(self.text(prev))
        if node.text is None and wrapped and node.heading is not None and len(node.blocks) == 1:
            node.text, node.heading = node.heading, None  # a clause's first line, read as its title
        if node.text is None or not (same_paragraph or wrapped):
            return False
        node.text = f"{node.text} {text}"
        node.blocks.append(line.index)
        self.keep(line, prev.role)
        return True

    def opens_closing(self, line: Line) -> bool:
        """Nơi nhận, a signing authority or a position with a signer below ends the body.

        An appendix has no closing of its own: sample headers and signatures in it are content.
        """
        if self.doc.is_appendix:
            return False
        k = line.kind
        return k in (K.NOI_NHAN, K.AUTHORITY, K.STAND_IN, K.LUU) or (
            k == K.CAPS and bool(POSITIONS.match(self.text(line))) and self.closing_follows(line)) or (
            k == K.CAPS and self.after_end_mark())

    def after_end_mark(self) -> bool:
        """The last body line ended with "./.", the decree's mark for the end of the content."""
        prev = self.doc.lines[-1] if self.doc.lines else None
        return prev is not None and _END_MARK.search(self.text(prev)) is not None

    def in_body_table(self, line: Line) -> bool:
        """A cell of a table that is content (a task table, an appendix's table), not header layout."""
        return self.blocks[line.index].table is not None and not self.layout_table(line)

    def layout_table(self, line: Line) -> bool:
        """Layout tables (header, signature) are read line by line; others become table nodes."""
        table = self.blocks[line.index].table
        return table is not None and table.table in self.layout_tables

    def add_table_cell(self, line: Line) -> None:
        table = self.blocks[line.index].table
        assert table is not None
        if self.table_node is None or self.table_node[0] != table.table:
            node = Node(kind="table", rows=[], line=self.blocks[line.index].location.line)
            self.attach(node, self.stack[-1][1] if self.stack else None)
            self.table_node = (table.table, node)
        node = self.table_node[1]
        assert node.rows is not None
        while len(node.rows) <= table.row:
            node.rows.append([])
        row = node.rows[table.row]
        while len(row) <= table.col:
            row.append("")
        row[table.col] = (row[table.col] + "\n" + self.text(line)).strip("\n")
        node.blocks.append(line.index)
        self.keep(line, Role.TABLE_CELL)

    def add_node(self, line: Line) -> None:
        k, f, t = line.kind, _label(line), self.text(line)
        rank: float = _rank(line)
        if k == K.DECIMAL and f.end == ")" and self._opens_under_a_dot(rank):
            rank += 0.5
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        rest = f.rest.strip()
        label = t[: len(t) - len(rest)].strip() if rest else t
        kind = NODE_KIND[k]
        number = f.num
        if kind == "bullet":
            number = None
        node = Node(kind=kind, label=label, number=number, line=self.blocks[line.index].location.line,
                    blocks=[line.index])
        if kind in ("point", "bullet") or (rest and _SENTENCE_END.search(rest)) or (rest and len(rest) > 200):
            node.text = rest or None
        else:
            node.heading = rest or None
        if kind in ("part", "chapter", "section") and not rest:
            self.awaiting_heading = node
        self.attach(node, self.stack[-1][1] if self.stack else None)
        self.stack.append((rank, node))
        self.keep(line)

    def _opens_under_a_dot(self, rank: float) -> bool:
        """"1)" under an open "1." of the same depth is a level below it, as Word numbers a list of
        another style inside a list item (and as GitHub's Markdown writes a list of points "a)", which it
        cannot letter); where no "1." is open, "1)" is the document's own style for that level."""
        return any(r == rank and n.kind == "clause" and (n.label or "").endswith(".") for r, n in self.stack)

    def add_paragraph(self, line: Line) -> None:
        node = Node(kind="paragraph", text=self.text(line), line=self.blocks[line.index].location.line,
                    blocks=[line.index])
        self.attach(node, self.stack[-1][1] if self.stack else None)
        self.keep(line, Role.PARAGRAPH if line.kind in (K.TEXT, K.CAPS, K.CAN_CU) else None)

    def attach(self, node: Node, parent: Node | None) -> None:
        self.last_node = node
        siblings = parent.children if parent else self.doc.body
        taken = self._siblings.get(id(siblings))
        if taken is None:
            taken = self._siblings[id(siblings)] = ids.Siblings()
        ids.assign(node, parent, taken)
        siblings.append(node)

    def closing_follows(self, line: Line) -> bool:
        """A caps position line ends the body only if a signer or stand-in follows closely."""
        lines, pos = self.pending, self.pos
        for nxt in lines[pos + 1: pos + 5]:
            t = self.text(nxt)
            if nxt.kind == K.STAND_IN or PERSON_NAME.match(t):
                return True
        return False

    # --- closing -----------------------------------------------------------------------
    def closing(self, line: Line) -> bool:
        """Nơi nhận (label, items, Lưu) and the signing block, side by side or one after the other."""
        handled = self.recipients_part(line) or self.signature_part(line)
        if not handled and line.kind == K.RULE:  # the line a copy's part is drawn under
            handled = self.keep_as(line)
        if not handled:
            t = self.text(line)
            self.doc.problems.append(f"dòng {self.blocks[line.index].location.line}: không xếp được vào phần "
                                     f"ký hoặc nơi nhận: {t[:60]}")
            self.keep(line, Role.UNPLACED)
        if self.signature_started:
            self.doc.signature = self.signature
        return True

    def in_recipients(self, line: Line) -> bool:
        """Is a dash or plain line in the closing one of the Nơi nhận items (not the signature beside it)?"""
        k, t = line.kind, self.text(line)
        column = self.blocks[line.index].column
        if self.doc.recipients_label is None or column == 1 or k not in (K.BULLET, K.TEXT, K.POINT):
            return False
        if self.signature_started and column is None and k not in (K.BULLET, K.LUU, K.TEXT):
            return False
        if k == K.TEXT and column is None and self.doc.storage and self.signature.signer:
            return False  # one column of text: the "Lưu" item and the signer are read; notes may follow
        return not (k == K.TEXT and (self.doc.storage or self.signature_started) and PERSON_NAME.match(t))

    def recipients_part(self, line: Line) -> bool:
        k, t = line.kind, self.text(line)
        if k == K.NOI_NHAN:
            self.doc.recipients_label = t
            if _rest(line):
                self.doc.recipients.append(_rest(line))
            return self.keep_as(line)
        if k == K.LUU:
            self.doc.storage = _DASH.sub("", t)
            return self.keep_as(line)
        if not self.in_recipients(line):
            return False
        item = _DASH.sub("", t)
        if k == K.BULLET or not self.doc.recipients:
            self.doc.recipients.append(item)
        else:
            self.doc.recipients[-1] = f"{self.doc.recipients[-1]} {item}"
        return self.keep_as(line, Role.RECIPIENT)

    def signature_part(self, line: Line) -> bool:
        k, t, f = line.kind, self.text(line), line.fields
        sig = self.signature
        if isinstance(f, AuthorityField):
            prefix, rest = f.prefix + ".", squash(f.rest)
            if prefix == "TM." and sig.authority is None:
                sig.on_behalf_of = rest
            else:
                sig.positions.append(rest)
            sig.authority = prefix
            role = Role.AUTHORITY
        elif k == K.STAND_IN:
            sig.stand_in = t
            role = Role.STAND_IN
        elif k in (K.CAPS, K.TYPE_NAME) and sig.signer is None:
            sig.positions.append(squash(t))
            role = Role.POSITION
        elif k == K.CAPS and self.beside_signature(line):
            # PL III, Mẫu 1.9: the thư ký signs on the left, the chủ tọa on the right: the last one is the main one
            self.doc.co_signatures.append(sig)
            sig = self.signature = Signature(positions=[squash(t)])
            role = Role.POSITION
        elif sig.signer is None and self.signature_started and len(t) <= 60 and not _SENTENCE_END.search(t):
            sig.signer = squash(t)
            role = Role.SIGNER
        else:
            return False
        self.signature_started = True
        if role != Role.STAND_IN:
            sig.lines.append(t)
        sig.blocks.append(line.index)
        return self.keep_as(line, role)

    def beside_signature(self, line: Line) -> bool:
        """A line in another column of the layout table that holds a finished signature (two signers side by side)."""
        sig = self.signature
        if sig.signer is None or not sig.blocks:
            return False
        here, there = self.blocks[line.index], self.blocks[sig.blocks[-1]]
        return (here.table is not None and there.table is not None and here.table.table == there.table.table
                and here.table.table in self.layout_tables and here.table.col != there.table.col)

    # --- document boundaries -------------------------------------------------------------
    def starts_new_document(self, i: int) -> bool:
        """Does line i open the next document (a second header, an attached plan, an appendix)?"""
        line = self.pending[i]
        if not self.started_body and self.state != "preamble":
            return False
        if self.blocks[line.index].table is not None and not self.layout_table(line):
            return False
        k = line.kind
        if self.doc.is_appendix:
            # "Phụ lục …1..." with a placeholder number is a sample form inside the appendix
            return (k == K.PHU_LUC and not _PLACEHOLDER.search(self.text(line))
                    and self.pending_is_header(i + 1))
        if k == K.PHU_LUC:
            return self.state == "closing" or self.pending_is_header(i + 1)
        if k == K.QUOC_HIEU or (k in (K.TYPE_NAME, K.CAPS) and self.type_opens_document(i)):
            return True
        if k in (K.CAPS, K.TYPE_NAME) and self.state == "closing" and self.signature.signer is not None:
            return not self.beside_signature(line)
        if k == K.CAPS:
            return any(ln.kind == K.QUOC_HIEU for ln in self.pending[i + 1: i + 3])
        if k == K.MARK:
            return self.mark_opens_document(i)
        return k == K.COPY_FORM

    def type_opens_document(self, i: int) -> bool:
        """A type's name after a closing opens a document; so does one with a "(Kèm theo …)" line under its
        trích yếu where the one before has no closing (an attached charter, then its decision's list of members),
        and a line in capitals that opens with a type's name there ("DANH SÁCH THÀNH VIÊN TỔ GIÚP VIỆC")."""
        line = self.pending[i]
        if line.kind == K.CAPS:
            return self.kem_theo_under(i) and type_opening(self.text(line)) is not None
        return self.state == "closing" or self.kem_theo_under(i)

    def kem_theo_under(self, i: int) -> bool:
        """A "(Kèm theo …)" line under line i's trích yếu, with no type's name between: i is where the type's name
        stands ("BAN QUẢN LÝ" / "DỰ ÁN ĐẦU TƯ XÂY DỰNG" / "KẾ HOẠCH" / … is an agency's name over the type's)."""
        for ln in self.pending[i + 1: i + 4]:
            if ln.kind in (K.TYPE_NAME, K.PHU_LUC):
                return False
            if ln.kind == K.KEM_THEO:
                return True
        return False

    def mark_opens_document(self, i: int) -> bool:
        """"DỰ THẢO" over the plan a Tờ trình submits: a header follows it."""
        after = self.pending[i + 1: i + 4]
        return any(ln.kind in (K.QUOC_HIEU, K.TYPE_NAME) for ln in after) or (
            self.state == "closing" and self.pending_is_header(i + 1))

    def pending_is_header(self, i: int) -> bool:
        return any(ln.kind in (K.CAPS, K.KEM_THEO) for ln in self.pending[i: i + 3])

    def feed_all(self, lines: list[Line], start: int) -> int:
        """Consume lines from `start` until the next document begins; return where it stopped."""
        self.pending = lines
        i = start
        while i < len(lines):
            if i > start and self.starts_new_document(i):
                break
            self.pos = i
            # not the document's text, but in a content table's cell (the decree's own table shows a contacts line)
            if lines[i].kind in _SET_ASIDE and not self.in_body_table(lines[i]):
                _SET_ASIDE[lines[i].kind](self.doc).append(squash(self.text(lines[i])))
                self.keep(lines[i])
            else:
                getattr(self, self.state)(lines[i])
            i += 1
        self.finish_header()
        for node in self.doc.nodes():
            if node.kind == "table" and node.rows is not None:  # once, not per cell: tables can be large
                node.text = "\n".join(" | ".join(r) for r in node.rows)
        self.end_title()
        self.lift_closing_paragraphs()
        return i

    def lift_closing_paragraphs(self) -> None:
        """"Trên đây là …", "Trong quá trình thực hiện, nếu có vướng mắc …" after the last numbered item
        close the whole document, not that item: they move to the top level of the body."""
        body = self.doc.body
        parent = body[-1] if body and body[-1].kind != "paragraph" else None
        while parent is not None and parent.children and parent.children[-1].kind != "paragraph":
            parent = parent.children[-1]
        if parent is None:
            return
        tail = list(itertools.takewhile(lambda n: n.kind == "paragraph", reversed(parent.children)))[::-1]
        start = next((i for i, n in enumerate(tail) if CLOSING_PARAGRAPH.match(n.text or "")), None)
        if start is None:
            return
        moved = tail[start:]
        del parent.children[len(parent.children) - len(moved):]
        for node in moved:
            self.attach(node, None)


Step = Callable[[_DocBuilder, Line], bool]

# Lines kept apart wherever they stand, and the field of the document they go to.
_SET_ASIDE: dict[LineKind, Callable[[Document], list[str]]] = {
    K.DIGITAL_SIGNATURE: lambda doc: doc.digital_signature, K.CONTACT: lambda doc: doc.contact}

# What each kind of line does in the header; a plain text line is judged by `text_in_header`.
HEADER_STEPS: dict[LineKind, Step] = {
    K.CAPS: _DocBuilder.agency_line, K.QUOC_HIEU: _DocBuilder.quoc_hieu, K.TIEU_NGU: _DocBuilder.tieu_ngu,
    K.SO_KY_HIEU: _DocBuilder.number_line, K.PLACE_DATE: _DocBuilder.place_date, K.VV: _DocBuilder.vv,
    K.RULE: _DocBuilder.keep_as, K.TYPE_NAME: _DocBuilder.type_name, K.PHU_LUC: _DocBuilder.appendix,
    K.KEM_THEO: _DocBuilder.kem_theo_in_header, K.MARK: _DocBuilder.mark, K.COPY_FORM: _DocBuilder.copy_form,
}

LAYOUT_KINDS = {K.QUOC_HIEU, K.TIEU_NGU, K.SO_KY_HIEU, K.PLACE_DATE, K.NOI_NHAN, K.AUTHORITY, K.LUU}


def layout_tables(source: Source, lines: list[Line]) -> set[int]:
    """Tables that lay out a header or a signature: borderless, or two columns holding such lines."""
    columns: dict[int, int] = {}
    kinds: dict[int, set[str]] = {}
    borderless: set[int] = set()
    for line in lines:
        pos = source.blocks[line.index].table
        if pos is None:
            continue
        columns[pos.table] = max(columns.get(pos.table, 0), pos.col + 1)
        kinds.setdefault(pos.table, set()).add(line.kind)
        if pos.borderless:
            borderless.add(pos.table)
    return {t for t, ks in kinds.items() if ks & LAYOUT_KINDS and (t in borderless or columns[t] <= 2)}


# A .docx that holds a text copied from a PDF, a paragraph per printed line: enough plain lines to tell, nine in ten
# of them no longer than one printed line of body text (≈ 90 characters at 13–14 pt across 145–165 mm; a form's
# short lines, 40 in Phụ lục IV, are no such text), and many of them that long.
PASTED_MIN_LINES = 20
PASTED_WIDTH = range(60, 121)
FULL_LINE = 0.8  # a line this long of the printed width ran to the margin: its sentence goes on below it


def printed_width(source: Source, lines: list[Line]) -> int | None:
    """The characters of a printed line when the .docx holds one per paragraph (a text copied from a PDF into
    Word): then a line that ran to the margin without ending its sentence goes on in the next, whatever its first
    letter ("… phần mềm quản lý văn bản và điều hành" / "VNPT Ioffice …"). None for any other file: its
    paragraphs hold many printed lines each."""
    plain = [ln for ln in lines if ln.kind == K.TEXT]
    if len(plain) < PASTED_MIN_LINES or sum(len(ln.text) > PASTED_WIDTH.stop for ln in plain) * 10 > len(plain):
        return None  # most files: their paragraphs run over many printed lines
    lengths = sorted(len(ln.text) for ln in plain if _own_paragraph(source.blocks[ln.index]))
    if len(lengths) < PASTED_MIN_LINES:
        return None
    width = lengths[len(lengths) * 9 // 10]
    long = sum(1 for n in lengths if n >= FULL_LINE * width)
    return width if width in PASTED_WIDTH and long * 5 >= len(lengths) * 2 else None


def _own_paragraph(block: Block) -> bool:
    return block.location.paragraph is not None and block.table is None and block.column is None


def build_documents(source: Source, lines: list[Line]) -> list[Document]:
    documents: list[Document] = []
    layout = layout_tables(source, lines)
    width = printed_width(source, lines)
    i = 0
    while i < len(lines):
        builder = _DocBuilder(source, layout, width)
        nxt = builder.feed_all(lines, i)
        documents.append(builder.doc)
        if nxt <= i:
            break
        i = nxt
    if not documents:
        documents.append(Document(page_setup=source.page_setup, blocks=source.blocks))
    for doc in documents[1:]:
        # a plan printed right after the decision that issues it, with no header and no "(Kèm theo …)"
        # line of its own (a legal-text site drops it): it is still the decision's attachment
        doc.attached = doc.attached_to is not None or (
            not doc.is_appendix and doc.number_raw is None and doc.national_title is None
            and documents[0].doc_type in ISSUING_TYPES)
        if doc.attached and not doc.issuer and documents[0].issuer:
            doc.issuer = documents[0].issuer
    for doc in documents:
        # a charter is only ever issued with a decision, drafted in a file of its own or not
        doc.attached = doc.attached or doc.doc_type in ISSUED_TYPES
    for doc in documents:
        doc.party = _headed_by_the_party(doc) or (doc.attached and documents[0].party)
    _watermark_marks(source, documents)
    return documents


def _watermark_marks(source: Source, documents: list[Document]) -> None:
    """A watermark that is a mark ("DỰ THẢO" behind every page, as Word's Watermark command draws it) marks
    every document of the file, as the same words printed in its header would."""
    text = source.page_setup.watermark if source.page_setup else None
    if text is None or not MARK_LINE.match(text):
        return
    for doc in documents:
        if text not in doc.marks:
            doc.marks.append(text)


_PARTY_LETTERS = letters_of(PARTY_HEADING)
_HEADER_LINES = 12  # the heading stands among the header's first lines, beside the issuer


def _headed_by_the_party(doc: Document) -> bool:
    """"ĐẢNG CỘNG SẢN VIỆT NAM" where the Quốc hiệu stands: a document of the Party's own system."""
    return doc.national_title is None and any(
        len(ln.text) < 40 and letters_of(ln.text) == _PARTY_LETTERS for ln in doc.lines[:_HEADER_LINES])
