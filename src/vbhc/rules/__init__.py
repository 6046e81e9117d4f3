"""The rule catalogue: small functions, one concern each, registered with an id and a clause.

A rule is `def rule(ctx: Context) -> Iterable[Finding]`, decorated with `@rule(...)`. Format
rules (Nghị định 30/2020) read the Document and its blocks; plan rules (scope="plan") also get
the parent plan's profile. Rule modules register themselves on import; `all_rules()` imports
them all.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from vbhc.fixes import Fix, within
from vbhc.model import Document, Line, Node, ParsedFile

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# What a rule needs from the input; a rule whose needs the input cannot carry is not applicable.
Need = Literal["style", "paragraph_format", "page_setup", "profile", "scanned"]


@dataclass
class Finding:
    """One finding: what, where (for machines: node and line; for officers: quote, part, page), and
    the fix that would resolve it, if there is a mechanical one."""

    rule: str
    severity: Severity
    message: str
    source: str
    document: int = 0
    node: str | None = None
    line: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    quote: str | None = None  # a few words of the text it is about, as written
    part: str | None = None  # the part as an officer names it: "Căn cứ thứ hai", "mục II.4, điểm đ"
    page: int | None = None  # where the file carries pages (PDF; .docx saved with page breaks)
    paragraph: int | None = None  # the .docx paragraph it is about (the reader's count)
    blocks: tuple[int, ...] = ()  # the file's blocks it is about (review tools anchor there)
    fix: Fix | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {
            "rule": self.rule, "severity": self.severity, "message": self.message, "source": self.source,
            "location": {"document": self.document, "node": self.node, "line": self.line, "quote": self.quote,
                         "part": self.part, "page": self.page, "paragraph": self.paragraph},
            "data": self.data,
        }
        if self.fix is not None:
            out["fix"] = self.fix.as_dict()
        return out


def editable(parsed: ParsedFile) -> bool:
    """Whether `vbhc fix` can edit the file: a .docx itself (a .doc, .odt or .rtf is read as the .docx LibreOffice
    makes of it, which is not the file the officer has)."""
    return parsed.source.format == "docx" and parsed.source.path.lower().endswith(".docx")


@dataclass
class Context:
    """What a rule sees: one document of a parsed file (and the profile, for plan rules)."""

    parsed: ParsedFile
    doc: Document
    index: int  # the document's position in the file
    profile: Any = None  # vbhc.profile.Profile for plan rules
    current: Rule | None = None
    plan: Any = None  # vbhc.profile.summary.PlanSummary: the file's sub-plan against the profile
    # What the rules compute once per document and share (the check passes one dict per document):
    # walking the tree once, not once per rule.
    memo: dict[str, Any] = field(default_factory=dict)

    def nodes(self) -> list[Node]:
        """Every node of the document's body, in document order (Document.nodes' order, walked
        without a generator per node)."""
        if "nodes" not in self.memo:
            out: list[Node] = []
            stack = self.doc.body[::-1]
            while stack:
                node = stack.pop()
                out.append(node)
                stack.extend(node.children[::-1])
            self.memo["nodes"] = out
        return self.memo["nodes"]  # type: ignore[no-any-return]

    def sibling_lists(self) -> list[list[Node]]:
        """The body's top level and every node's children, in document order (each list once)."""
        if "siblings" not in self.memo:
            self.memo["siblings"] = [self.doc.body, *(n.children for n in self.nodes() if n.children)]
        return self.memo["siblings"]  # type: ignore[no-any-return]

    def by_role(self) -> dict[str | None, list[Line]]:
        """The document's lines of each role, in document order: a rule asking for the "Nơi nhận" line
        of a plan that has none does not read all its lines."""
        if "by_role" not in self.memo:
            index: dict[str | None, list[Line]] = {}
            for ln in self.doc.lines:
                index.setdefault(ln.role, []).append(ln)
            self.memo["by_role"] = index
        return self.memo["by_role"]  # type: ignore[no-any-return]

    def node_of_block(self) -> dict[int, Node]:
        """Which node holds each block of the body (its label line, heading line, table cells)."""
        if "node_of_block" not in self.memo:
            owners: dict[int, Node] = {}
            for node in self.nodes():
                for b in node.blocks:
                    owners.setdefault(b, node)
            self.memo["node_of_block"] = owners
        return self.memo["node_of_block"]  # type: ignore[no-any-return]

    def finding(self, message: str, *, at: Line | Node | None = None, node: str | None = None,
                line: int | None = None, part: str | None = None, data: dict[str, Any] | None = None,
                severity: Severity | None = None, fix: Fix | None = None) -> Finding:
        """A finding of the running rule, located in this document.

        `at` is the line or node it is about: the line number, node id, quote, part and page come
        from it. Without it a node id or a line number is looked up; `part` names the part when
        there is no text to point at ("Lề trang"). A fix is kept for a .docx only (`vbhc fix` edits
        .docx files)."""
        assert self.current is not None
        from vbhc.rules import _location

        if at is None:
            at = self._node_by_id(node) if node else self._line_by_number(line)
        if isinstance(at, Line):
            node = node or (n.id if (n := self.node_of_block().get(at.index)) is not None else None)
            line = line if line is not None else self.line_of_block(at.index)
        elif isinstance(at, Node):
            node = node or at.id or None
            line = line if line is not None else at.line
        here = _location.where(self.doc, self.index, at, self.node_of_block(), part)
        if not editable(self.parsed):
            fix = None  # what `vbhc fix` edits is a .docx; a PDF, a text file, a .doc is fixed by its author
        elif fix is not None:
            blocks = self.parsed.source.blocks
            fix = within(fix, lambda i: blocks[i].part == "body")  # nor does it edit Word's page header
        return Finding(rule=self.current.id, severity=severity or self.current.severity, message=message,
                       source=self.current.source, document=self.index, node=node, line=line, data=data or {},
                       quote=here.quote, part=here.part, page=here.page, paragraph=here.paragraph,
                       blocks=here.blocks, fix=fix)

    def _node_by_id(self, node_id: str) -> Node | None:
        if "by_id" not in self.memo:
            self.memo["by_id"] = {n.id: n for n in self.nodes()}
        return self.memo["by_id"].get(node_id)  # type: ignore[no-any-return]

    def _line_by_number(self, number: int | None) -> Line | None:
        if number is None:
            return None
        blocks = self.doc.blocks
        return next((ln for ln in self.doc.lines if blocks[ln.index].location.line == number), None)

    def line_of_block(self, index: int) -> int | None:
        return self.parsed.source.blocks[index].location.line


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass
class Rule:
    id: str
    severity: Severity
    source: str
    summary: str  # one Vietnamese line for `vbhc rules`
    doc: str  # the documentation text for `vbhc rules ID`
    func: RuleFunc
    needs: frozenset[str] = frozenset()
    scope: Literal["format", "plan"] = "format"
    applies_to_appendix: bool = True


REGISTRY: dict[str, Rule] = {}


def rule(id: str, *, severity: Severity, source: str, summary: str, needs: Iterable[Need] = (),
         scope: Literal["format", "plan"] = "format",
         applies_to_appendix: bool = True) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule; its docstring is its documentation."""

    def register(func: RuleFunc) -> RuleFunc:
        if id in REGISTRY:
            raise ValueError(f"rule id registered twice: {id}")
        REGISTRY[id] = Rule(id=id, severity=severity, source=source, summary=summary,
                            doc=inspect.cleandoc(func.__doc__ or summary), func=func, needs=frozenset(needs),
                            scope=scope, applies_to_appendix=applies_to_appendix)
        return func

    return register


_IMPORTED: list[bool] = []  # the rule modules are imported once: listing the package costs more than a check


def all_rules() -> dict[str, Rule]:
    """Import every rule module in this package (the first time), then return the registry."""
    if not _IMPORTED:
        for mod in pkgutil.iter_modules(__path__):
            if not mod.name.startswith("_"):
                importlib.import_module(f"{__name__}.{mod.name}")
        _IMPORTED.append(True)
    return REGISTRY
