"""What the audit must know of a submitted file beyond its findings: is it a plan at all, and is it
filled in. Computed in the worker from the parsed file (the row's "submission"), so that a journal
row keeps it; `plan_status` (vbhc.audit.status) reads it with the other rows.

- A plan is a Kế hoạch, or a Quyết định that issues one (its plan attached or not split off).
- A draft is not filled in while it holds `[ĐIỀN: …]` marks (what `vbhc draft` leaves for the agency
  to decide, counted as the rule VBHC.ChoCanDien counts them), or headings with nothing under
  them (a skeleton whose marks were deleted but whose parts were never written).
"""

from __future__ import annotations

from typing import Any

from vbhc import ids
from vbhc.generate.placeholder import PLACEHOLDER_RE
from vbhc.model import Document, ParsedFile
from vbhc.textnorm import fold

PLAN_TYPE = "ke hoach"
ISSUES_A_PLAN = "ban hanh ke hoach"  # "Quyết định ban hành Kế hoạch …" (its title, folded)
HEADED = ("part", "chapter", "section", "clause")


def is_plan(doc: Document) -> bool:
    if doc.is_appendix:
        return False
    doc_type = fold(doc.doc_type or "")
    return doc_type == PLAN_TYPE or (doc_type == "quyet dinh" and ISSUES_A_PLAN in fold(doc.title or ""))


def empty_headings(doc: Document) -> list[dict[str, Any]]:
    """Headings of the plan with no text and nothing under them: "3. Cải cách tài chính công" then "4."."""
    out = []
    for top in doc.body:
        for node in top.walk():
            if node.kind in HEADED and node.heading and not (node.text or "").strip() and not node.children:
                out.append({"node": node.id, "part": ids.describe(node.id), "heading": node.heading,
                            "line": node.line})
    return out


def placeholders(parsed: ParsedFile) -> int:
    return sum(len(PLACEHOLDER_RE.findall(line.text)) for doc in parsed.documents for line in doc.lines)


def facts(parsed: ParsedFile) -> dict[str, Any]:
    """The row's "submission": {"plan", "doc_types", "placeholders", "empty_headings", "text",
    "scanned"} ("text": the file has a visible character; "scanned": an image scan)."""
    from vbhc.rules.content import has_text

    plans = [d for d in parsed.documents if is_plan(d)]
    plan = next((d for d in plans if fold(d.doc_type or "") == PLAN_TYPE), plans[0] if plans else None)
    return {
        "plan": plan is not None,
        "doc_types": [d.doc_type for d in parsed.documents if not d.is_appendix],
        "placeholders": placeholders(parsed),
        "empty_headings": empty_headings(plan) if plan is not None else [],
        "text": has_text(parsed),
        "scanned": parsed.source.scanned,
    }
