"""Small helpers shared by the format rules (not a rule module: the name starts with "_")."""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.model import Block, Document, Line
from vbhc.rules import Context


def block(ctx: Context, line: Line) -> Block:
    return ctx.doc.blocks[line.index]


def text(ctx: Context, line: Line) -> str:
    return ctx.doc.blocks[line.index].text.strip()


def line_no(ctx: Context, line: Line | None) -> int | None:
    return ctx.doc.blocks[line.index].location.line if line is not None else None


def lines(ctx: Context, *kinds: str) -> Iterator[Line]:
    return (ln for ln in ctx.doc.lines if ln.kind in kinds)


def first(ctx: Context, *kinds: str) -> Line | None:
    return next(lines(ctx, *kinds), None)


def header_lines(ctx: Context) -> list[Line]:
    """The classified lines before the body: header, title and preamble."""
    out = []
    for ln in ctx.doc.lines:
        if ln.kind in ("enacting", "article", "roman", "part", "chapter", "decimal", "point", "bullet",
                       "paragraph", "noi_nhan", "authority"):
            break
        out.append(ln)
    return out


def is_attached(doc: Document) -> bool:
    """A plan attached to a decision ("(Kèm theo Quyết định số …)"): it carries no number, date or
    signature of its own, by design."""
    return doc.attached_to is not None and doc.number_raw is None


def has_header(doc: Document) -> bool:
    """Did the parser see any header component at all (a fragment or a bare text has none)?"""
    return any(x is not None for x in (doc.national_title, doc.motto, doc.number_raw, doc.date_raw,
                                       doc.type_line, doc.issuer))
