"""What a finding's fix changes: plain data, built by the rules, applied by `vbhc.review.fix`.

A fix is safe when it changes layout only (paper, margins, fonts, sizes, bold/italic/capitals,
alignment, indents, spacing, the page-number field, the borders of the header and signature
tables): the words stay as the officer wrote them. A fix that changes characters (a space, a
colon, a leading zero, a dash, the spelling of the Quốc hiệu, the ";" and "." at the end of a
line) is not safe: `vbhc fix` applies it only with `--unsafe-fixes`. A missing part,
renumbering or a wording question is never a fix.

Every change names the blocks it applies to (indexes into the file's blocks, as `Line.index`);
a text change also names where in its block's text the characters are, and what they were, so
the editor can refuse a change whose text is no longer there.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from vbhc.model import Block, Line

Target = Literal["text", "run", "paragraph", "page", "page_number", "table"]

# Run properties a fix may set, with how an officer names them.
RUN_PROPS = {"font": "phông chữ", "size_pt": "cỡ chữ", "bold": "chữ đậm", "italic": "chữ nghiêng",
             "all_caps": "chữ in hoa (All caps)"}
PARAGRAPH_PROPS = {"align": "canh lề", "first_line_indent_mm": "lùi đầu dòng", "space_after_pt": "cách đoạn sau",
                   "line_spacing": "giãn dòng"}
PAGE_PROPS = {"paper": "khổ giấy", "orientation": "chiều giấy", "margin.top": "lề trên",
              "margin.bottom": "lề dưới", "margin.left": "lề trái", "margin.right": "lề phải",
              "different_first_page": "trang đầu khác (không hiện số trang ở trang 1)",
              "page_number": "số trang ở lề trên, từ trang 2"}
PAGE_NUMBER_PROPS = {"size_pt": "cỡ chữ số trang", "align": "canh lề số trang"}
TABLE_PROPS = {"borders": "đường viền bảng"}
BORDER_WORDS = {"none": "không kẻ viền", "visible": "có viền"}
ALIGN_WORDS = {"justify": "đều hai lề", "center": "giữa", "left": "trái", "right": "phải"}


@dataclass(frozen=True)
class Change:
    """One change: a property of some runs, paragraphs or the page, or characters of one block."""

    target: Target
    prop: str  # "text", a key of RUN_PROPS, PARAGRAPH_PROPS, PAGE_PROPS, PAGE_NUMBER_PROPS or TABLE_PROPS
    old: Any
    new: Any
    blocks: tuple[int, ...] = ()  # the file's blocks it applies to (text: exactly one)
    at: int | None = None  # text: where `old` starts in the block's text
    line: int | None = None  # text: the block's line (a .docx paragraph as the reader counts them)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"target": self.target, "property": self.prop, "from": self.old, "to": self.new}
        if self.blocks:
            out["blocks"] = list(self.blocks)
        if self.at is not None:
            out["offset"] = self.at
        return out


@dataclass(frozen=True)
class Fix:
    """What a finding's fix does, in Vietnamese, whether it is safe, and its changes."""

    description: str
    safe: bool
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def blocks(self) -> set[int]:
        return {b for c in self.changes for b in c.blocks}

    def as_dict(self) -> dict[str, Any]:
        return {"description": self.description, "safe": self.safe,
                "applicability": "safe" if self.safe else "unsafe",
                "changes": [c.as_dict() for c in self.changes]}


# --- building fixes ------------------------------------------------------------------------------

def within(fix: Fix, keep: Callable[[int], bool]) -> Fix | None:
    """The fix with its changes cut to the blocks `keep` accepts (a property change keeps the rest of its
    blocks; a text change is all or nothing); None when nothing is left."""
    changes = []
    for change in fix.changes:
        kept = tuple(i for i in change.blocks if keep(i))
        if len(kept) == len(change.blocks):
            changes.append(change)
        elif kept and change.target != "text":
            changes.append(replace(change, blocks=kept))
    return replace(fix, changes=tuple(changes)) if changes else None


def retext(blocks: Sequence[Block], line: Line, new_text: str, description: str) -> Fix | None:
    """A text fix that makes `line` read `new_text`, as the few characters that differ; None when
    nothing differs or a change would fall outside the line's first block (a wrapped line)."""
    if new_text == line.text:
        return None
    block = blocks[line.index]
    first = block.text.strip()
    if not first or not line.text.startswith(first):
        return None
    base = len(block.text) - len(block.text.lstrip())
    changes = []
    for at, removed, inserted in text_edits(line.text, new_text):
        if at + len(removed) > len(first):
            return None
        changes.append(Change("text", "text", removed, inserted, (line.index,), base + at, block.location.line))
    return Fix(description, safe=False, changes=tuple(changes)) if changes else None


def text_edits(old: str, new: str) -> list[tuple[int, str, str]]:
    """The smallest character edits turning `old` into `new`: (offset in old, removed, inserted)."""
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            out.append((i1, old[i1:i2], new[j1:j2]))
    return out


def run_format(lines: Iterable[Line], prop: str, new: Any, old: Any = None) -> Fix:
    """A safe fix setting one run property (RUN_PROPS) on every run of the lines' blocks."""
    blocks = tuple(dict.fromkeys(b for ln in lines for b in ln.indexes))
    return Fix(f"Đặt {RUN_PROPS[prop]} {_shown(prop, new)}", safe=True,
               changes=(Change("run", prop, old, new, blocks),))


def paragraph_format(lines: Iterable[Line], prop: str, new: Any, old: Any = None) -> Fix:
    """A safe fix setting one paragraph property (PARAGRAPH_PROPS) on the lines' paragraphs."""
    blocks = tuple(dict.fromkeys(ln.index for ln in lines))
    return Fix(f"Đặt {PARAGRAPH_PROPS[prop]} {_shown(prop, new)}", safe=True,
               changes=(Change("paragraph", prop, old, new, blocks),))


def paragraph_values(items: Iterable[tuple[Line, Any]], prop: str, description: str) -> Fix | None:
    """A safe fix setting one paragraph property to a value of its own on each line's paragraph: one
    change per value, over the paragraphs that take it (a 50-page plan has 700 lines, a few values)."""
    by_value: dict[Any, list[int]] = {}
    for ln, value in items:
        by_value.setdefault(value, []).append(ln.index)
    changes = tuple(Change("paragraph", prop, None, value, tuple(dict.fromkeys(blocks)))
                    for value, blocks in by_value.items())
    return Fix(description, safe=True, changes=changes) if changes else None


def page(prop: str, new: Any, old: Any = None) -> Fix:
    """A safe fix of the first section's page setup (PAGE_PROPS)."""
    return Fix(f"Đặt {PAGE_PROPS[prop]} {_shown(prop, new)}".rstrip(), safe=True,
               changes=(Change("page", prop, old, new),))


def page_number(prop: str, new: Any, old: Any = None) -> Fix:
    """A safe fix of the PAGE fields in the headers and footers Word shows (PAGE_NUMBER_PROPS)."""
    return Fix(f"Đặt {PAGE_NUMBER_PROPS[prop]} {_shown(prop, new)}", safe=True,
               changes=(Change("page_number", prop, old, new),))


def table_borders(blocks: Iterable[int]) -> Fix:
    """A safe fix taking every border off the table that holds these blocks (the file's blocks of
    one table: the editor finds the table through them)."""
    return Fix(f"Bỏ {TABLE_PROPS['borders']} (No Border)", safe=True,
               changes=(Change("table", "borders", "visible", "none", tuple(dict.fromkeys(blocks))),))


def _shown(prop: str, value: Any) -> str:
    """A value as an officer reads it: "13", "đều hai lề", "12,7 mm", "có"/"không"."""
    if isinstance(value, bool):
        return "" if prop in ("different_first_page", "page_number") else ("có" if value else "không")
    if prop == "borders":
        return BORDER_WORDS.get(str(value), str(value))
    if prop in ("align",):
        return ALIGN_WORDS.get(str(value), str(value))
    if isinstance(value, float | int):
        number = f"{value:g}".replace(".", ",")
        unit = " mm" if prop.endswith("_mm") or prop.startswith("margin.") else \
            " pt" if prop == "space_after_pt" else " dòng" if prop == "line_spacing" else ""
        return number + unit
    if prop == "orientation":
        return "dọc" if value == "portrait" else "ngang"
    return str(value)


def _visible(text: str) -> str:
    """Characters as an officer can read them in a message: a space is named, not shown."""
    return "dấu cách" if text.isspace() and text else f"“{text}”"


def describe_change(change: Change) -> str:
    """One change as an officer reads it: "cỡ chữ: 14 → 13", "“Số :” → “Số:”"."""
    if change.target == "text":
        old, new = _visible(change.old), _visible(change.new)
        if not change.old:
            return f"thêm {new}"
        return f"bỏ {old}" if not change.new else f"{old} → {new}"
    names = {"run": RUN_PROPS, "paragraph": PARAGRAPH_PROPS, "page": PAGE_PROPS,
             "page_number": PAGE_NUMBER_PROPS, "table": TABLE_PROPS}[change.target]
    name = names.get(change.prop, change.prop)
    if change.old is None:
        return f"{name}: {_shown(change.prop, change.new)}".rstrip(": ")
    return f"{name}: {_shown(change.prop, change.old)} → {_shown(change.prop, change.new)}"
