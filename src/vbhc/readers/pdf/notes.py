"""Footnotes, and the agency name printed on the Quốc hiệu's line (filled in by the next commits)."""

from __future__ import annotations

from typing import Any


def mark_footnotes(lines: list[Any], pages: list[Any]) -> None:
    """Not yet: footnote lines keep part "body"."""


def split_header_lines(lines: list[Any], areas: list[Any]) -> list[Any]:
    """Not yet: lines are returned as they are."""
    return lines
