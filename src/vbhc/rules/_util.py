"""Small helpers shared by the format rules (not a rule module: the name starts with "_")."""

from __future__ import annotations

from collections.abc import Iterator

from vbhc import nd30
from vbhc.model import Block, Document, Line, NumberField, PlaceDateField, Role
from vbhc.rules import Context
from vbhc.textnorm import squash


def block(ctx: Context, line: Line) -> Block:
    return ctx.doc.blocks[line.index]


def text(ctx: Context, line: Line) -> str:
    return line.text


def line_no(ctx: Context, line: Line | None) -> int | None:
    return ctx.doc.blocks[line.index].location.line if line is not None else None


def lines(ctx: Context, *roles: Role) -> Iterator[Line]:
    """The document's lines of these roles, in document order."""
    if len(roles) == 1:
        return iter(ctx.by_role().get(roles[0], ()))
    return (ln for ln in ctx.doc.lines if ln.role in roles)


def first(ctx: Context, *roles: Role) -> Line | None:
    """The document's first line of one of these roles."""
    index = ctx.by_role()
    present = [r for r in roles if r in index]
    if len(present) <= 1:
        return index[present[0]][0] if present else None
    return next(lines(ctx, *present), None)


def number_line(ctx: Context) -> tuple[Line, NumberField] | None:
    """The "Số: …/…" line and what the classifier read in it."""
    ln = first(ctx, Role.SO_KY_HIEU)
    return (ln, ln.fields) if ln is not None and isinstance(ln.fields, NumberField) else None


def place_date_line(ctx: Context) -> tuple[Line, PlaceDateField] | None:
    """The place-date line written in words ("Nghệ An, ngày 15 tháng 7 năm 2025") and its parts.

    A date written short ("15/7/2025") is ND30.NgayThang.VietTat's concern alone.
    """
    ln = first(ctx, Role.PLACE_DATE)
    if ln is None or ctx.doc.date_raw is None or not isinstance(ln.fields, PlaceDateField) or ln.fields.short:
        return None
    return ln, ln.fields


BODY_START = frozenset({Role.ENACTING, Role.ARTICLE, Role.ROMAN, Role.PART, Role.CHAPTER, Role.DECIMAL, Role.POINT,
                        Role.BULLET, Role.PARAGRAPH, Role.NOI_NHAN, Role.AUTHORITY})


def header_lines(ctx: Context) -> list[Line]:
    """The classified lines before the body: header, title and preamble."""
    out = []
    for ln in ctx.doc.lines:
        if ln.role in BODY_START:
            break
        out.append(ln)
    return out


def is_attached(doc: Document) -> bool:
    """A plan attached to a decision ("(Kèm theo Quyết định số …)"): it carries no number, date or
    signature of its own, by design."""
    return (doc.attached or doc.attached_to is not None) and doc.number_raw is None


def is_draft(doc: Document) -> bool:
    """The document carries "DỰ THẢO" ("Dự thảo lần 2", "BẢN DỰ THẢO"): not signed yet, so what only signing
    adds (the signer's name) may be missing."""
    return any(nd30.DRAFT_MARK in squash(mark).upper() for mark in doc.marks)


def has_header(doc: Document) -> bool:
    """Did the parser see any header component at all (a fragment or a bare text has none)?"""
    return any(x is not None for x in (doc.national_title, doc.motto, doc.number_raw, doc.date_raw,
                                       doc.type_line, doc.issuer))
