"""ND30.Bang.VienBang: a header or signature laid out in a Word table whose borders print is a
warning, once per table, with a safe fix; a borderless one, a bordered table in the body, an
unknown border (None) and a file that carries no borders (text) say nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_helpers import DECISION, ROOT, findings, parse_text
from table_borders import cell_bottom, decision, direct_single, grid_style, with_body_table

import shared_corpus
from vbhc.parse import parse_file

RULE = "ND30.Bang.VienBang"
REAL_DOCX = [shared_corpus.REAL / f"{name}.docx" for name in (
    "bc02-lamdong-bc-cchc-quy1-2026", "cv08-binhthuan-cv-giahan-daihoi-hhdn", "kh01-lamdong-kh-cchc-2026-2030",
    "kh02-lamdong-kh-cchc-2026", "kh03-lamdong-kh-kiemtra-cchc-2026", "kh05-lamdong-kh-thidua-cchc-2026",
    "qd04-lamdong-qd-thanhlap-hoidong-atvsld", "tb01-lamdong-tbkl-pci")]


def ours(path: Path):
    return [f for f in findings(parse_file(path)) if f.rule == RULE]


def test_borderless_header_and_signature_say_nothing(tmp_path: Path) -> None:
    assert ours(decision(tmp_path)) == []


@pytest.mark.parametrize("change", [grid_style, direct_single, cell_bottom])
def test_bordered_header_table(tmp_path: Path, change) -> None:
    path = decision(tmp_path, (change, 0))
    (f,) = ours(path)
    assert f.severity == "warning"
    assert f.part == "phần đầu văn bản" and f.quote == "ỦY BAN NHÂN DÂN"
    assert "Phụ lục I, Phần I, mục IV" in f.source and "Phụ lục III" in f.source
    assert f.fix is not None and f.fix.safe
    (change_,) = f.fix.changes
    assert (change_.target, change_.prop, change_.new) == ("table", "borders", "none")
    blocks = parse_file(path).source.blocks
    header = [i for i, b in enumerate(blocks) if b.table is not None and b.table.table == 0]
    assert list(change_.blocks) == header and len(header) == 6


def test_bordered_signature_table(tmp_path: Path) -> None:
    (f,) = ours(decision(tmp_path, (grid_style, 1)))
    assert f.part == "phần ký" and f.quote == "Nơi nhận:"
    assert "Nơi nhận và chữ ký" in f.message


def test_both_tables_bordered_give_one_finding_each(tmp_path: Path) -> None:
    got = ours(decision(tmp_path, (grid_style, 0), (grid_style, 1)))
    assert sorted(f.part for f in got) == ["phần ký", "phần đầu văn bản"]


def test_bordered_table_in_the_body_says_nothing(tmp_path: Path) -> None:
    path = with_body_table(decision(tmp_path))
    assert any(b.table is not None and b.table.borderless is False for b in parse_file(path).source.blocks)
    assert ours(path) == []


def test_unknown_borders_are_not_a_finding(tmp_path: Path) -> None:
    parsed = parse_file(decision(tmp_path, (grid_style, 0)))
    for b in parsed.source.blocks:
        if b.table is not None:
            b.table.borderless = None
    assert [f for f in findings(parsed) if f.rule == RULE] == []


def test_a_text_file_says_nothing() -> None:
    assert [f for f in findings(parse_text(DECISION)) if f.rule == RULE] == []


@pytest.mark.parametrize("path", [*sorted((ROOT / "corpus").rglob("*.docx")),
                                  *shared_corpus.params([*REAL_DOCX, *shared_corpus.PHU_LUC_DOCX])],
                         ids=lambda p: p.name)
def test_corpus_headers_are_borderless(path: Path) -> None:
    """Every header and signature table of corpus/, the real drafts and the decree's own samples
    (Phụ lục III) is borderless in its XML (looked at by hand): the rule says nothing on them."""
    assert ours(path) == []
