"""What the rules compute once and share: the per-document memo of a check, and the quick test that
spares most lines the citation grammar. Sharing must not change a finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rule_helpers import DECISION, NGHE_AN, ROOT, parse_text

import shared_corpus
from vbhc import citation
from vbhc.check import Config, _rules_for, _run_rule, applicable, contexts, run_rules
from vbhc.parse import parse_file
from vbhc.rules import body

REAL_DOCX = sorted(shared_corpus.REAL.glob("*.docx"))
FILES = [NGHE_AN, *sorted((ROOT / "corpus").rglob("*.docx")), *shared_corpus.PHU_LUC_DOCX, *REAL_DOCX]


def _alone(parsed) -> list[dict]:
    """Each rule on fresh contexts: nothing computed by another rule is reused."""
    out = []
    for r in _rules_for(parsed, Config(), ("format", "plan")):
        if applicable(r, parsed, None):
            out += [f.as_dict() for f in _run_rule(r, contexts(parsed), Config())]
    return out


def _key(f: dict) -> tuple:
    return (f["location"]["document"], f["location"]["line"] or 10**9, f["rule"], f["message"])


@pytest.mark.parametrize("path", shared_corpus.params(FILES))
def test_a_shared_memo_changes_no_finding(path: Path):
    parsed = parse_file(path)
    shared = [f.as_dict() for f in run_rules(parsed)[0]]
    assert sorted(shared, key=_key) == sorted(_alone(parsed), key=_key)


def test_a_check_run_twice_gives_the_same_findings():
    parsed = parse_text(DECISION.replace("Quyết định số 15/QĐ-UBND", "Quyết định 15/QĐ-UBND"))
    first = [f.as_dict() for f in run_rules(parsed)[0]]
    assert [f["rule"] for f in first] == ["ND30.TrichDan.ThieuSo"]
    assert [f.as_dict() for f in run_rules(parsed)[0]] == first


def _needs_grammar(text: str) -> bool:
    """Does the citation grammar find a citation that ND30.TrichDan.ThieuSo judges?"""
    return any(c.doc_type is not None and not c.has_so for c in citation.find_all(text))


@pytest.mark.parametrize("doc_type", citation.CITABLE_TYPES)
def test_every_type_name_cited_without_so_passes_the_quick_test(doc_type: str):
    for written in (doc_type, doc_type.upper(), doc_type.lower()):
        for ref in ("12/QĐ-UBND", "30/2020/NĐ-CP", "12 / KH - UBND"):
            line = f"Thực hiện {written} {ref} ngày 05/02/2026 của UBND tỉnh"
            assert _needs_grammar(line), line
            assert body._WITHOUT_SO.search(line), line
            assert not body._WITHOUT_SO.search(line.replace(f"{written} ", f"{written} số ")), line


LINE_PARTS = st.sampled_from([*citation.CITABLE_TYPES, "số", "so", "SỐ", " ", "  ", "12", "2020", "/", " / ", "QĐ",
                              "UBND", "-", "ngày", "05/02/2026", ",", "của", "Đ", "a", "x", ":", "\u00a0", "\t"])


@given(st.lists(LINE_PARTS, max_size=12).map("".join))
def test_the_quick_test_never_skips_a_judged_citation(text: str):
    if _needs_grammar(text):
        assert body._WITHOUT_SO.search(text)


@pytest.mark.parametrize("path", shared_corpus.params([NGHE_AN, *REAL_DOCX]))
def test_the_quick_test_keeps_every_judged_line_of_real_documents(path: Path):
    for doc in parse_file(path).documents:
        for ln in doc.lines:
            if _needs_grammar(ln.text):
                assert body._WITHOUT_SO.search(ln.text), ln.text
