"""`vbhc fix`: the fixes of a .docx's findings applied to a copy, as linters apply theirs.

Safe fixes (layout only) are applied by default, text fixes only when asked (`unsafe`). Every
fix is checked before anything is changed: its text must still be where the finding saw it, and
it must not touch what another fix of the same run touches (the second waits for the next pass).
The copy is then checked again: a fix after which a finding appears that was not there before is
undone (the copy is rebuilt from the input without it), so a fix never makes a document worse.
Passes repeat while fixes were held back for each other; a file with nothing left to fix comes
out byte for byte as it went in.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import Any, Literal

from vbhc import fileio, limits
from vbhc.check import Config, evaluate
from vbhc.fixes import Change, Fix
from vbhc.model import Block, ParsedFile
from vbhc.review.edit import Editor, Refused, TextEdit
from vbhc.review.package import Docx
from vbhc.rules import Finding

Status = Literal["applied", "unsafe", "refused", "conflict", "undone", "unchanged"]
MAX_PASSES = 3
MAX_UNDO_ROUNDS = 3
SCOPES = ("format",)


@dataclass
class Outcome:
    """What happened to one finding's fix."""

    finding: Finding
    status: Status
    reason: str | None = None
    before: list[str] = field(default_factory=list)  # text fixes: the lines as they were
    after: list[str] = field(default_factory=list)  # … and as they are now

    @property
    def fix(self) -> Fix:
        assert self.finding.fix is not None
        return self.finding.fix


@dataclass
class FixResult:
    path: str
    output: bytes  # the fixed copy (the input's own bytes when nothing changed)
    outcomes: list[Outcome]
    remaining: list[Finding]  # the copy's findings
    changed: bool

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.remaining if f.severity == "error")


def key(f: Finding) -> tuple[Any, ...]:
    """What makes a finding the same finding in the copy (messages may change with counts)."""
    return (f.rule, f.document, f.line, f.data.get("side"), f.data.get("component"))


# --- one pass ------------------------------------------------------------------------------------

@dataclass
class Plan:
    """The fixes accepted for one pass, their located text edits, and what became of the others."""

    accepted: list[Outcome] = field(default_factory=list)
    edits: dict[int, list[TextEdit]] = field(default_factory=dict)  # id(outcome) → its edits
    outcomes: list[Outcome] = field(default_factory=list)
    layout_seen: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    text_seen: list[TextEdit] = field(default_factory=list)


def _overlaps(a: TextEdit, b: TextEdit) -> bool:
    """Two edits of the same characters (an insertion at the edge of a replacement is not: applied
    from the end of the paragraph backwards, both land where they should)."""
    if a.paragraph != b.paragraph:
        return False
    if not a.old and not b.old:
        return a.position == b.position
    if not a.old or not b.old:
        ins, rep = (a, b) if not a.old else (b, a)
        return rep.position < ins.position < rep.position + len(rep.old)
    return a.position < b.position + len(b.old) and b.position < a.position + len(a.old)


def _layout_keys(change: Change) -> list[tuple[Any, ...]]:
    if change.target in ("page", "page_number"):
        return [(change.target, change.prop)]
    return [(change.target, change.prop, b) for b in change.blocks]


def _admit(plan: Plan, editor: Editor, outcome: Outcome) -> None:
    """Accept a fix for this pass, or say why not (refused, or touching what an accepted fix touches)."""
    fix = outcome.fix
    try:
        edits = [editor.locate_text(c) for c in fix.changes if c.target == "text"]
    except Refused as exc:
        outcome.status, outcome.reason = "refused", str(exc)
        plan.outcomes.append(outcome)
        return
    layout = [(k, c.new) for c in fix.changes if c.target != "text" for k in _layout_keys(c)]
    clash = any(plan.layout_seen.get(k, v) != v for k, v in layout) or \
        any(_overlaps(e, seen) for e in edits for seen in plan.text_seen)
    if clash:
        outcome.status, outcome.reason = "conflict", "trùng chỗ với một sửa khác; chạy lại vbhc fix để sửa tiếp"
        plan.outcomes.append(outcome)
        return
    plan.layout_seen.update(layout)
    plan.text_seen.extend(edits)
    plan.edits[id(outcome)] = edits
    plan.accepted.append(outcome)
    plan.outcomes.append(outcome)


def apply(raw: bytes, name: str, blocks: list[Block], chosen: list[Finding], track: bool,
          date: str | None = None) -> tuple[bytes | None, list[Outcome]]:
    """The package with the chosen findings' fixes (None when nothing changed), and each outcome."""
    doc = Docx.from_bytes(raw, name)
    editor = Editor(doc, blocks, track) if date is None else Editor(doc, blocks, track, date)
    plan = Plan()
    for f in chosen:
        _admit(plan, editor, Outcome(f, "applied"))
    changed_any = False
    for outcome in plan.accepted:
        try:
            changed = editor.layout(outcome.fix)
        except Refused as exc:
            outcome.status, outcome.reason = "refused", str(exc)
            continue
        if not any(c.target == "text" for c in outcome.fix.changes) and not changed:
            outcome.status = "unchanged"
        changed_any |= changed
    texts = [(e, o) for o in plan.accepted if o.status == "applied" for e in plan.edits[id(o)]]
    for edit, _outcome in sorted(texts, key=lambda eo: (eo[0].paragraph, eo[0].position), reverse=True):
        changed_any |= editor.text(edit)
    for outcome in plan.accepted:
        if outcome.status == "applied":
            outcome.before, outcome.after = _lines(blocks, outcome.fix)
    if changed_any:
        editor.copy_text_boxes()
    return (doc.save() if changed_any else None), plan.outcomes


def _lines(blocks: list[Block], fix: Fix) -> tuple[list[str], list[str]]:
    """The text lines a fix changes, before and after (for --diff)."""
    before, after = [], []
    by_block: dict[int, list[Change]] = {}
    for c in fix.changes:
        if c.target == "text" and c.at is not None:
            by_block.setdefault(c.blocks[0], []).append(c)
    for b, changes in by_block.items():
        text = blocks[b].text
        new = text
        for c in sorted(changes, key=lambda c: c.at or 0, reverse=True):
            assert c.at is not None
            new = new[:c.at] + c.new + new[c.at + len(c.old):]
        before.append(text.strip())
        after.append(new.strip())
    return before, after


# --- checking a copy -----------------------------------------------------------------------------

def check_bytes(data: bytes, config: Config | None) -> tuple[ParsedFile, list[Finding]]:
    """Parse and check a package held in memory (through a private temporary file)."""
    from vbhc.parse import parse_file

    fd, tmp = tempfile.mkstemp(suffix=".docx", prefix="vbhc-fix-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        parsed = parse_file(tmp)
    finally:
        os.unlink(tmp)
    return parsed, evaluate(parsed, config, scopes=SCOPES).findings


def _culprits(new: list[Finding], applied: list[Outcome], paragraph_of: dict[int, int | None]) -> list[Outcome]:
    """The applied fixes a new finding can come from: those touching its paragraphs (or the page,
    for a finding about the page); if none does, every text fix; if there is none, every fix."""
    paragraphs = {paragraph_of.get(b) for f in new for b in f.blocks} - {None}
    paragraphs |= {f.paragraph for f in new if f.paragraph is not None}
    page_level = any(not f.blocks for f in new)
    out = [o for o in applied
           if {paragraph_of.get(b) for b in o.fix.blocks} & paragraphs
           or (page_level and any(c.target in ("page", "page_number") for c in o.fix.changes))]
    if not out:
        out = [o for o in applied if not o.fix.safe] or list(applied)
    return out


def _one_pass(raw: bytes, name: str, parsed: ParsedFile, findings: list[Finding], chosen: list[Finding],
              track: bool, config: Config | None) -> tuple[bytes, list[Outcome], ParsedFile, list[Finding]]:
    """Apply, check the copy, undo what made new findings; the copy, outcomes, and its check."""
    before = {key(f) for f in findings}
    paragraph_of = {i: b.location.paragraph for i, b in enumerate(parsed.source.blocks)}
    undone: list[Outcome] = []
    for _round in range(MAX_UNDO_ROUNDS + 1):
        out, outcomes = apply(raw, name, parsed.source.blocks, chosen, track)
        if out is None:
            return raw, outcomes + undone, parsed, findings
        new_parsed, after = check_bytes(out, config)
        new = [f for f in after if key(f) not in before]
        applied = [o for o in outcomes if o.status == "applied"]
        if not new or _round == MAX_UNDO_ROUNDS:
            return out, outcomes + undone, new_parsed, after
        for o in _culprits(new, applied, paragraph_of):
            o.status, o.reason = "undone", "sửa này làm xuất hiện phát hiện mới nên đã được hoàn tác"
            undone.append(o)
            chosen = [f for f in chosen if f is not o.finding]
    return raw, undone, parsed, findings


def _fixable(findings: list[Finding], unsafe: bool) -> tuple[list[Finding], list[Finding]]:
    """The findings whose fix this run applies, and those whose text fix waits for --unsafe-fixes."""
    chosen = [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
    waiting = [f for f in findings if f.fix is not None and not f.fix.safe and not unsafe]
    return chosen, waiting


def fix_file(path: str, *, unsafe: bool = False, track: bool = False, config: Config | None = None) -> FixResult:
    """Fix a .docx in memory: the fixed bytes, what happened to each fix, the copy's findings."""
    from vbhc.parse import parse_file

    parsed = parse_file(path)  # the reader refuses a damaged or hostile package before anything is edited
    raw = fileio.read_bounded(path, limits.MAX_TOTAL_UNCOMPRESSED_BYTES, "tệp .docx")
    findings = evaluate(parsed, config, scopes=SCOPES).findings
    chosen, waiting = _fixable(findings, unsafe)
    current, outcomes = raw, [Outcome(f, "unsafe") for f in waiting]
    for _pass in range(MAX_PASSES):
        if not chosen:
            break
        current, got, parsed, findings = _one_pass(current, path, parsed, findings, chosen, track, config)
        outcomes += [o for o in got if _pass == 0 or o.status == "applied"]
        held_back = any(o.status == "conflict" for o in got)
        if not held_back or not any(o.status == "applied" for o in got):
            break
        chosen = _fixable(findings, unsafe)[0]
    _settle(outcomes)
    return FixResult(path, current, outcomes, findings, current is not raw)


def _settle(outcomes: list[Outcome]) -> None:
    """A fix held back in one pass and applied in a later one is reported once, as applied."""
    applied = {key(o.finding) for o in outcomes if o.status == "applied"}
    outcomes[:] = [o for o in outcomes if not (o.status == "conflict" and key(o.finding) in applied)]
