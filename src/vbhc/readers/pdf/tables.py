"""Ruled tables (filled in by the next commits)."""

from __future__ import annotations

from typing import Any


def mark_tables(lines: list[Any], pages: list[Any]) -> list[Any]:
    """Not yet: no line is marked as a table cell."""
    return []


def place_cells(blocks: list[Any], lines: list[Any], cells: list[Any]) -> list[Any]:
    """Not yet: blocks are returned as they are."""
    return blocks
