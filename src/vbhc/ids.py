"""Node ids, the one generator: built by parse and generate alike, read back, and shown to officers.

An id is built like an Akoma Ntoso eId: one part per level, `<prefix>_<number>`, joined by "__"
(`sec_II__cl_4__pt_đ`; đ stays distinct from d). Numbered nodes take their printed number; a
number already taken among the siblings gets a suffix (`pt_d_2` for a second "d)"); paragraphs,
tables, bullets and unnumbered nodes are counted per kind (`para_3`). Ids are for machines
(JSON, SARIF, links): officers read `describe(id)`, never the id itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vbhc.model import Node

PREFIX = {"part": "part", "chapter": "chp", "section": "sec", "article": "art", "clause": "cl",
          "point": "pt", "bullet": "bul", "paragraph": "para", "table": "table"}
KIND_OF_PREFIX = {prefix: kind for kind, prefix in PREFIX.items()}
COUNTED = frozenset({"paragraph", "table", "bullet"})
SEPARATOR = "__"


@dataclass
class Siblings:
    """The ids taken in one list of siblings, kept as nodes are attached: attaching n is O(n)."""

    counts: dict[str, int] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    next_suffix: dict[str, int] = field(default_factory=dict)

    def own_id(self, kind: str, number: str | None) -> str:
        """The id part of the next sibling of this kind and number, and record it as taken."""
        prefix = PREFIX[kind]
        if kind in COUNTED or not number:
            own = f"{prefix}_{self.counts.get(kind, 0) + 1}"
        else:
            base = own = f"{prefix}_{number}"
            n = self.next_suffix.get(base, 2)
            while own in self.taken:
                own = f"{base}_{n}"
                n += 1
            self.next_suffix[base] = n
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.taken.add(own)
        return own


def join(parent_id: str | None, own: str) -> str:
    return f"{parent_id}{SEPARATOR}{own}" if parent_id else own


def assign(node: Node, parent: Node | None, siblings: Siblings) -> None:
    """Give `node` its id as a child of `parent` (None: the body's top level)."""
    node.id = join(parent.id if parent else None, siblings.own_id(node.kind, node.number))


@dataclass(frozen=True)
class Step:
    """One level of an id: the node's kind, its number as printed (or its count), and a repeat."""

    kind: str
    number: str
    repeat: int = 1  # 2 for the second sibling with the same number ("d)" twice)


def steps(node_id: str | None) -> list[Step]:
    """`sec_II__cl_4__pt_d_2` → [section II, clause 4, point d (the 2nd)]; unknown parts are skipped."""
    out: list[Step] = []
    for part in (node_id or "").split(SEPARATOR):
        prefix, _, rest = part.partition("_")
        kind = KIND_OF_PREFIX.get(prefix)
        if kind is None or not rest:
            continue
        number, repeat = rest, 1
        head, _, tail = rest.rpartition("_")
        if head and tail.isdigit() and kind not in COUNTED:
            number, repeat = head, int(tail)
        out.append(Step(kind, number, repeat))
    return out


def section_number(node_id: str | None) -> str | None:
    """The outline number a plan prints: `sec_I__cl_3` → "I.3", `sec_IV__cl_1__pt_b` → "IV.1.b".

    Paragraphs, bullets and tables are dropped; a clause "2.1" under "2" replaces it ("2.1", not
    "2.2.1").
    """
    parts: list[str] = []
    for step in steps(node_id):
        if step.kind in COUNTED:
            continue
        if parts and step.number.startswith(parts[-1] + "."):
            parts[-1] = step.number
        else:
            parts.append(step.number)
    return ".".join(parts) or None


# How officers name each level: in a decision "Điều 2, khoản 1, điểm a"; in a plan "mục II.4, điểm đ".
WORD = {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều", "clause": "khoản",
        "point": "điểm", "bullet": "gạch đầu dòng", "paragraph": "đoạn", "table": "bảng"}
ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", 6: "thứ sáu", 7: "thứ bảy",
           8: "thứ tám", 9: "thứ chín", 10: "thứ mười"}


def ordinal(n: int) -> str:
    """1 → "thứ nhất", 4 → "thứ tư", 12 → "thứ 12": how officers count items in prose."""
    return ORDINAL.get(n, f"thứ {n}")


def _counted(step: Step) -> str:
    n = int(step.number) if step.number.isdigit() else 0
    return f"{WORD[step.kind]} {ordinal(n)}" if n else WORD[step.kind]


@lru_cache(maxsize=4096)
def describe(node_id: str | None) -> str | None:
    """The part as an officer writes it: "Điều 2, khoản 1, điểm a", "mục II.4, điểm đ", "Chương I, Điều 3".

    In a plan (no articles) sections and clauses print as one outline number ("mục II.4.1"); under
    an article the clauses are khoản. A repeated label says which one ("điểm d thứ hai").
    """
    all_steps = steps(node_id)
    if not all_steps:
        return None
    words: list[str] = []
    outline: list[str] = []
    in_article = False

    def flush() -> None:
        if outline:
            words.append("mục " + ".".join(outline))
            outline.clear()

    for step in all_steps:
        repeat = f" {ordinal(step.repeat)}" if step.repeat > 1 else ""
        if step.kind in ("part", "chapter", "article"):
            flush()
            in_article = in_article or step.kind == "article"
            words.append(f"{WORD[step.kind]} {step.number}{repeat}")
        elif step.kind in ("section", "clause") and not in_article:
            if outline and step.number.startswith(outline[-1] + "."):
                outline[-1] = step.number
            else:
                outline.append(step.number + repeat)
        elif step.kind == "clause":
            words.append(f"khoản {step.number}{repeat}")
        elif step.kind == "point":
            flush()
            words.append(f"điểm {step.number}{repeat}")
        else:
            flush()
            words.append(_counted(step))
    flush()
    return ", ".join(words)
