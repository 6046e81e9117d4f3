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

from vbhc.model import Document, Node, ParsedFile

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# What a rule needs from the input; a rule whose needs the input cannot carry is not applicable.
Need = Literal["style", "paragraph_format", "page_setup", "profile"]


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    source: str
    document: int = 0
    node: str | None = None
    line: int | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "severity": self.severity, "message": self.message, "source": self.source,
            "location": {"document": self.document, "node": self.node, "line": self.line},
            "data": self.data,
        }


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
        """Every node of the document's body, in document order."""
        if "nodes" not in self.memo:
            self.memo["nodes"] = list(self.doc.nodes())
        return self.memo["nodes"]  # type: ignore[no-any-return]

    def node_of_block(self) -> dict[int, Node]:
        """Which node holds each block of the body (its label line, heading line, table cells)."""
        if "node_of_block" not in self.memo:
            owners: dict[int, Node] = {}
            for node in self.nodes():
                for b in node.blocks:
                    owners.setdefault(b, node)
            self.memo["node_of_block"] = owners
        return self.memo["node_of_block"]  # type: ignore[no-any-return]

    def finding(self, message: str, *, node: str | None = None, line: int | None = None,
                data: dict[str, Any] | None = None, severity: Severity | None = None) -> Finding:
        """A finding of the running rule, located in this document."""
        assert self.current is not None
        return Finding(rule=self.current.id, severity=severity or self.current.severity, message=message,
                       source=self.current.source, document=self.index, node=node, line=line, data=data or {})

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


def all_rules() -> dict[str, Rule]:
    """Import every rule module in this package, then return the registry."""
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")
    return REGISTRY
