"""ND30.KieuChu.CoChuBang: a body table's text has a size rule of its own (a warning), not the body's.

A task table set in 12 pt is common practice (kh02, bc02 of ../shared/corpus/real); the body's
13–14 pt error must not fire on it.
"""

from __future__ import annotations

import pytest

from vbhc.check import run_rules
from vbhc.model import Block, Source, Style, TablePos
from vbhc.parse import parse_source


def _plan(cell_size: float) -> Source:
    def para(text: str, size: float = 14, bold: bool = False) -> Block:
        return Block(text=text, style=Style(font="Times New Roman", size_pt=size, bold=bold, italic=False))

    cells = [Block(text=t, style=Style(font="Times New Roman", size_pt=cell_size, bold=False, italic=False),
                   table=TablePos(table=0, row=r, col=c, borderless=False))
             for r, row in enumerate([["STT", "Nhiệm vụ"], ["1", "Rà soát thủ tục hành chính"]])
             for c, t in enumerate(row)]
    blocks = [para("KẾ HOẠCH", bold=True), para("Cải cách hành chính năm 2026", bold=True),
              para("I. NHIỆM VỤ", bold=True), para("1. Rà soát các thủ tục hành chính."), *cells,
              para("2. Báo cáo kết quả./.")]
    return Source(path="<test>", format="docx", blocks=blocks, carries_style=True)


def _sizes(cell_size: float) -> list[tuple[str, str]]:
    findings, _ = run_rules(parse_source(_plan(cell_size)), scopes=("format",))
    return [(f.rule, f.severity) for f in findings if "CoChu" in f.rule]


@pytest.mark.parametrize("size", [12, 13, 11])
def test_common_table_sizes_draw_nothing(size):
    assert _sizes(size) == []


@pytest.mark.parametrize("size", [9, 16])
def test_a_tiny_or_huge_table_is_a_warning_of_its_own(size):
    assert _sizes(size) == [("ND30.KieuChu.CoChuBang", "warning")]
