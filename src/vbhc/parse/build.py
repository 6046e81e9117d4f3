"""Second pass: walk the classified lines and build Documents.

A small state machine per document (header → title → preamble → body → closing). It never
refuses input: a line that fits nowhere is kept as a body paragraph or noted as a problem,
always in order. A file may hold several documents (a decision and its attached plan, an
appendix); a new one starts where a second header appears after a body.
"""

from __future__ import annotations

import datetime as dt

import regex as re

from vbhc.model import Block, Document, Line, Node, Signature, Source
from vbhc.parse.patterns import AGENCY_HEADS, PERSON_NAME, POSITIONS
from vbhc.textnorm import is_upper, squash

# How deep each kind of label sits; a new label closes every open node at its depth or deeper.
RANK = {"part": 0, "chapter": 1, "muc": 2, "roman": 3, "article": 4, "point": 20, "bullet": 30}
NODE_KIND = {"part": "part", "chapter": "chapter", "muc": "section", "roman": "section",
             "article": "article", "decimal": "clause", "point": "point", "bullet": "bullet"}
ID_PREFIX = {"part": "part", "chapter": "chp", "section": "sec", "article": "art", "clause": "cl",
             "point": "pt", "bullet": "bul", "paragraph": "para", "table": "table"}
STRUCTURAL = {"part", "chapter", "muc", "roman", "article", "decimal", "point", "bullet"}
HEADER_KINDS = {"quoc_hieu", "tieu_ngu", "so_ky_hieu", "place_date", "vv"}
_SENTENCE_END = re.compile(r"[.;:,!?…]\s*$|\./\.$")
_END_MARK = re.compile(r"\s*/\s*\.\s*$")
_PLACEHOLDER = re.compile(r"…|\.{3}")
_DATE_WITHOUT_YEAR = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*$", re.I)


def _rank(line: Line) -> int:
    if line.kind == "decimal":
        return 5 + line.fields["num"].count(".")
    if line.kind == "bullet":
        return RANK["bullet"] + (1 if line.fields.get("mark") == "+" else 0)
    return RANK[line.kind]


def _iso_date(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


class _DocBuilder:
    """Builds one Document: one handler per state; `feed_all` stops where the next document begins."""

    def __init__(self, source: Source, layout_tables: set[int]):
        self.layout_tables = layout_tables
        self.doc = Document(page_setup=source.page_setup, blocks=source.blocks)
        self.blocks: list[Block] = source.blocks
        self.state = "header"
        self.agency: list[Line] = []
        self.stack: list[tuple[int, Node]] = []
        self.awaiting_heading: Node | None = None
        self.title_lines: list[str] = []
        self.kem_theo_open = False
        self.signature_started = False
        self.signature = Signature()
        self.table_node: tuple[int, Node] | None = None
        self._siblings: dict[int, tuple[list[Node], dict[str, int], set[str], dict[str, int]]] = {}

    # --- helpers -----------------------------------------------------------------------
    def text(self, line: Line) -> str:
        return self.blocks[line.index].text.strip()

    def keep(self, line: Line, kind: str | None = None) -> None:
        if kind:
            line.kind = kind
        self.doc.lines.append(line)

    @property
    def started_body(self) -> bool:
        return self.state in ("body", "closing")

    # --- header ------------------------------------------------------------------------
    def header(self, line: Line) -> bool:
        k, t, f = line.kind, self.text(line), line.fields
        if k == "caps":
            self.agency.append(line)
            self.keep(line, "agency")
        elif k == "quoc_hieu":
            self.doc.national_title = t
            self.keep(line)
        elif k == "tieu_ngu":
            self.doc.motto = t
            self.keep(line)
        elif k == "so_ky_hieu":
            self.set_number(t, f)
            self.keep(line)
        elif k == "place_date":
            self.doc.place = squash(f.get("place", "")) or None
            self.doc.date_raw = t
            if all(f.get(x, "").isdigit() for x in ("day", "month", "year")):
                self.doc.date = _iso_date(f["day"], f["month"], f["year"])
                if self.doc.date is None:
                    self.doc.problems.append(f"ngày không có thật: {t}")
            self.keep(line)
        elif k == "vv":
            self.doc.doc_type = self.doc.doc_type or "Công văn"
            self.doc.title = squash(f.get("rest", "")) or None
            self.keep(line)
        elif k == "rule":
            self.keep(line)
        elif k == "text" and t[:1].islower() and self.doc.lines and self.doc.lines[-1].kind in ("vv", "vv_more"):
            self.doc.title = squash(f"{self.doc.title or ''} {t}")  # "V/v" wrapped over two lines
            self.keep(line, "vv_more")
        elif k == "text" and self.year_of_wrapped_date(t):
            self.keep(line, "place_date")
        elif k == "type_name":
            self.doc.doc_type = f["doc_type"]
            self.doc.type_line = t
            self.keep(line)
            self.state = "title"
        elif k == "phu_luc":
            self.doc.doc_type = "Phụ lục"
            self.doc.is_appendix = True
            self.doc.number = f.get("num")
            self.doc.type_line = t
            if f.get("rest"):
                self.title_lines.append(f["rest"])
            self.keep(line)
            self.state = "title"
        elif k == "kem_theo":
            self.state = "title"
            return self.title(line)
        elif k == "text" and not self.doc.lines and self.agency == []:
            self.keep(line, "preface")  # a stray line before any header (a source note, a stamp)
        elif k == "text" and self.in_header_table(line):
            self.keep(line)  # a stray line in one column of the header table ("." under the V/v): not the body
        else:
            self.finish_header()
            self.state = "preamble"
            return self.preamble(line)
        return True

    def in_header_table(self, line: Line) -> bool:
        """A line in a column of the layout table the header is in (a .doc header is often one row
        of two cells, read column by column: the left column ends before the Quốc hiệu begins)."""
        pos, column = self.blocks[line.index].table, self.blocks[line.index].column
        prev = self.blocks[self.doc.lines[-1].index].table if self.doc.lines else None
        return (pos is not None and column is not None and prev is not None and prev.table == pos.table
                and pos.table in self.layout_tables)

    def year_of_wrapped_date(self, t: str) -> bool:
        """"…, ngày 05 tháng 8 năm" then "2025": a place-date wrapped in a narrow header column (PDF)."""
        last = self.doc.lines[-1].kind if self.doc.lines else None
        m = _DATE_WITHOUT_YEAR.search(self.doc.date_raw or "")
        if self.doc.date is not None or last != "place_date" or not m or not re.fullmatch(r"\d{4}\s*\.?", t):
            return False
        self.doc.date_raw = f"{self.doc.date_raw} {t}"
        self.doc.date = _iso_date(m.group(1), m.group(2), t.rstrip("."))
        return True

    def set_number(self, raw: str, f: dict[str, str]) -> None:
        self.doc.number_raw = raw
        number = f.get("number", "").strip()
        self.doc.number = number if number.isdigit() else None
        symbol = squash(f.get("symbol", ""))
        year = re.match(r"^(\d{4})\s*/\s*(.+)$", symbol)
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
            ln.kind = "parent_agency"

    # --- title -------------------------------------------------------------------------
    def title(self, line: Line) -> bool:
        k, t = line.kind, self.text(line)
        if self.kem_theo_open or k == "kem_theo":
            self.doc.attached_to = squash(f"{self.doc.attached_to or ''} {t}")
            self.kem_theo_open = self.doc.attached_to.count("(") > self.doc.attached_to.count(")")
            self.keep(line, "kem_theo")
            return True
        if k == "rule":
            self.keep(line)
            return True
        first = not self.title_lines
        continues = (not first and (t[:1].islower() or (is_upper(t) and is_upper(self.title_lines[-1]))))
        # a caps line straight after the type name is the enacting authority ("ỦY BAN NHÂN DÂN TỈNH …")
        # of a decision with no trích yếu, except in an appendix, whose title is in capitals
        authority = k == "caps" and first and not self.doc.is_appendix
        if k in ("text", "caps", "decimal") and self.doc.attached_to is None and (first or continues) \
                and not authority:
            self.title_lines.append(t)
            self.doc.title = squash(" ".join(self.title_lines))
            self.keep(line, "title")
            return True
        self.finish_header()
        self.state = "preamble"
        return self.preamble(line)

    # --- preamble ----------------------------------------------------------------------
    def preamble(self, line: Line) -> bool:
        k, t = line.kind, self.text(line)
        if k == "caps" and not self.doc.can_cu and self.doc.enacting is None:
            self.doc.enacting_authority = squash(f"{self.doc.enacting_authority or ''} {t}")
            self.keep(line, "issuer_line")
        elif k == "can_cu":
            self.doc.can_cu.append(t)
            self.keep(line)
        elif k == "enacting":
            self.doc.enacting = t
            self.keep(line)
            self.state = "body"
        elif k == "kinh_gui":
            rest = line.fields.get("rest", "")
            if rest:
                self.doc.kinh_gui.append(rest)
            self.keep(line)
        elif k == "bullet" and self.doc.lines and self.doc.lines[-1].kind in ("kinh_gui", "kinh_gui_item"):
            self.doc.kinh_gui.append(line.fields.get("rest", t))
            self.keep(line, "kinh_gui_item")
        elif k == "kem_theo" and not self.doc.can_cu:
            self.state = "title"
            return self.title(line)
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
            if k in ("caps", "text") and (block.style.bold or is_upper(t)):
                node.heading = squash(t)
                node.blocks.append(line.index)
                self.keep(line, "heading")
                return True
        if k in STRUCTURAL:
            self.add_node(line)
        else:
            self.add_paragraph(line)
        return True

    def opens_closing(self, line: Line) -> bool:
        """Nơi nhận, a signing authority or a position with a signer below ends the body.

        An appendix has no closing of its own: sample headers and signatures in it are content.
        """
        if self.doc.is_appendix:
            return False
        k = line.kind
        return k in ("noi_nhan", "authority", "stand_in", "luu") or (
            k == "caps" and bool(POSITIONS.match(self.text(line))) and self.closing_follows(line)) or (
            k == "caps" and self.after_end_mark())

    def after_end_mark(self) -> bool:
        """The last body line ended with "./.", the decree's mark for the end of the content."""
        prev = self.doc.lines[-1] if self.doc.lines else None
        return prev is not None and _END_MARK.search(self.text(prev)) is not None

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
        self.keep(line, "table_cell")

    def add_node(self, line: Line) -> None:
        k, f, t = line.kind, line.fields, self.text(line)
        rank = _rank(line)
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        rest = (f.get("rest") or "").strip()
        label = t[: len(t) - len(rest)].strip() if rest else t
        kind = NODE_KIND[k]
        number = f.get("num")
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

    def add_paragraph(self, line: Line) -> None:
        node = Node(kind="paragraph", text=self.text(line), line=self.blocks[line.index].location.line,
                    blocks=[line.index])
        self.attach(node, self.stack[-1][1] if self.stack else None)
        self.keep(line, "paragraph" if line.kind in ("text", "caps") else line.kind)

    def attach(self, node: Node, parent: Node | None) -> None:
        siblings = parent.children if parent else self.doc.body
        # Per sibling list: kind counts, ids taken and the next free suffix per base id, kept
        # up to date here (the only place children are added), so attaching n siblings is O(n),
        # not O(n²) (a hostile text of 20,000 "Điều 1." lines took a minute).
        state = self._siblings.get(id(siblings))
        if state is None:
            state = self._siblings[id(siblings)] = (siblings, {}, set(), {})
        _, counts, taken, next_n = state
        prefix = ID_PREFIX[node.kind]
        if node.kind in ("paragraph", "table", "bullet") or not node.number:
            own = f"{prefix}_{counts.get(node.kind, 0) + 1}"
        else:
            own = f"{prefix}_{node.number}"
            n = next_n.get(own, 2)
            base = own
            while own in taken:
                own = f"{base}_{n}"
                n += 1
            next_n[base] = n
        node.id = f"{parent.id}__{own}" if parent else own
        siblings.append(node)
        counts[node.kind] = counts.get(node.kind, 0) + 1
        taken.add(own)

    def closing_follows(self, line: Line) -> bool:
        """A caps position line ends the body only if a signer or stand-in follows closely."""
        lines = self.pending
        pos = next((i for i, ln in enumerate(lines) if ln is line), None)
        if pos is None:
            return False
        for nxt in lines[pos + 1: pos + 5]:
            t = self.text(nxt)
            if nxt.kind == "stand_in" or PERSON_NAME.match(t):
                return True
        return False

    # --- closing -----------------------------------------------------------------------
    def closing(self, line: Line) -> bool:
        k, t, f = line.kind, self.text(line), line.fields
        column = self.blocks[line.index].column
        sig = self.signature
        in_recipients = self.doc.recipients_label is not None and column != 1 and not (
            k in ("authority", "caps", "stand_in") or (self.signature_started and column is None
                                                       and k not in ("bullet", "luu", "text"))
        )
        if k == "noi_nhan":
            self.doc.recipients_label = t
            if f.get("rest"):
                self.doc.recipients.append(f["rest"])
            self.keep(line)
        elif k == "luu":
            self.doc.storage = re.sub(r"^[-–+•]\s*", "", t)
            self.keep(line)
        elif in_recipients and k in ("bullet", "text", "point") and not (
            k == "text" and (self.doc.storage or self.signature_started) and PERSON_NAME.match(t)
        ):
            item = re.sub(r"^[-–+•]\s*", "", t)
            if k == "bullet" or not self.doc.recipients:
                self.doc.recipients.append(item)
                self.keep(line, "recipient")
            else:
                self.doc.recipients[-1] = f"{self.doc.recipients[-1]} {item}"
                self.keep(line, "recipient")
        elif k == "authority":
            self.signature_started = True
            prefix, rest = f["prefix"] + ".", squash(f.get("rest", ""))
            if prefix == "TM." and sig.authority is None:
                sig.on_behalf_of = rest
            else:
                sig.positions.append(rest)
            sig.authority = prefix
            sig.lines.append(t)
            sig.blocks.append(line.index)
            self.keep(line)
        elif k == "stand_in":
            sig.stand_in = t
            sig.blocks.append(line.index)
            self.signature_started = True
            self.keep(line)
        elif k in ("caps", "type_name") and sig.signer is None:
            self.signature_started = True
            sig.positions.append(squash(t))
            sig.lines.append(t)
            sig.blocks.append(line.index)
            self.keep(line, "position")
        elif sig.signer is None and self.signature_started and len(t) <= 60 and not _SENTENCE_END.search(t):
            sig.signer = squash(t)
            sig.lines.append(t)
            sig.blocks.append(line.index)
            self.keep(line, "signer")
        else:
            self.doc.problems.append(f"dòng {self.blocks[line.index].location.line}: không xếp được vào phần "
                                     f"ký hoặc nơi nhận: {t[:60]}")
            self.keep(line, "unplaced")
        if self.signature_started:
            self.doc.signature = sig
        return True

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
            return (k == "phu_luc" and not _PLACEHOLDER.search(self.text(line))
                    and self.pending_is_header(i + 1))
        if k == "phu_luc" and (self.state == "closing" or self.pending_is_header(i + 1)):
            return True
        if k in ("quoc_hieu",) or (k == "type_name" and self.state == "closing"):
            return True
        if k in ("caps", "type_name") and self.state == "closing" and self.signature.signer is not None:
            return True
        if k == "caps":
            return any(ln.kind == "quoc_hieu" for ln in self.pending[i + 1: i + 3])
        return False

    def pending_is_header(self, i: int) -> bool:
        return any(ln.kind in ("caps", "kem_theo", "title") for ln in self.pending[i: i + 3])

    def feed_all(self, lines: list[Line], start: int) -> int:
        """Consume lines from `start` until the next document begins; return where it stopped."""
        self.pending = lines
        i = start
        while i < len(lines):
            if i > start and self.starts_new_document(i):
                break
            line = lines[i]
            handler = getattr(self, self.state)
            handler(line)
            i += 1
        self.finish_header()
        for node in self.doc.nodes():
            if node.kind == "table" and node.rows is not None:  # once, not per cell: tables can be large
                node.text = "\n".join(" | ".join(r) for r in node.rows)
        if self.title_lines and not self.doc.title:
            self.doc.title = squash(" ".join(self.title_lines))
        return i


LAYOUT_KINDS = {"quoc_hieu", "tieu_ngu", "so_ky_hieu", "place_date", "noi_nhan", "authority", "luu"}


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


def build_documents(source: Source, lines: list[Line]) -> list[Document]:
    documents: list[Document] = []
    layout = layout_tables(source, lines)
    i = 0
    while i < len(lines):
        builder = _DocBuilder(source, layout)
        nxt = builder.feed_all(lines, i)
        documents.append(builder.doc)
        if nxt <= i:
            break
        i = nxt
    if not documents:
        documents.append(Document(page_setup=source.page_setup, blocks=source.blocks))
    for doc in documents[1:]:
        if doc.attached_to and not doc.issuer and documents[0].issuer:
            doc.issuer = documents[0].issuer
    return documents
