"""The decree's text and its six official Phụ lục .docx files against gold counts."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml
from parse_helpers import GOLD, ROOT

from shared_corpus import DECREE as DECREE_FILE
from shared_corpus import PHU_LUC_DOCX, needs
from vbhc.parse import parse_file

GOLD_DATA = yaml.safe_load((GOLD / "nd30-2020.yaml").read_text(encoding="utf-8"))
DECREE = GOLD_DATA["decree"]


pytestmark = needs(DECREE_FILE, *PHU_LUC_DOCX)


@pytest.fixture(scope="module")
def decree():
    parsed = parse_file(ROOT / DECREE["file"])
    assert len(parsed.documents) == DECREE["documents"]
    return parsed.documents[0]


def test_decree_header(decree):
    for field in ("doc_type", "number", "year", "symbol", "issuer", "place", "date", "title"):
        assert getattr(decree, field) == DECREE[field], field
    assert len(decree.can_cu) == DECREE["can_cu"]


def test_decree_counts(decree):
    counts = Counter(n.kind for n in decree.nodes())
    assert {k: counts[k] for k in DECREE["counts"]} == DECREE["counts"]


def test_decree_chapters_and_articles(decree):
    chapters = [n for n in decree.body if n.kind == "chapter"]
    assert [c.number for c in chapters] == DECREE["chapters"]
    per_chapter = {c.number: sum(1 for n in c.walk() if n.kind == "article") for c in chapters}
    assert per_chapter == DECREE["articles_per_chapter"]
    first, last = DECREE["articles"]
    assert [n.number for n in decree.nodes() if n.kind == "article"] == [str(i) for i in range(first, last + 1)]
    assert all(n.heading for n in chapters), "every chapter has its title as heading"


def test_decree_tree_shape(decree):
    """Points sit under clauses, clauses under articles, articles under chapters or sections."""
    allowed = {"chapter": {"section", "article", "paragraph"}, "section": {"article", "paragraph"},
               "article": {"clause", "paragraph", "point"}, "clause": {"point", "paragraph"},
               "point": {"paragraph"}}
    for node in decree.nodes():
        for child in node.children:
            assert child.kind in allowed.get(node.kind, set()), (node.id, child.kind)


def test_decree_closing(decree):
    sig = DECREE["signature"]
    assert decree.signature is not None
    for field, value in sig.items():
        assert getattr(decree.signature, field) == value, field
    assert len(decree.recipients) == DECREE["recipients"]
    assert decree.storage == DECREE["storage"]


@pytest.mark.parametrize("gold", GOLD_DATA["appendices"], ids=lambda g: g["number"])
def test_appendix_docx(gold):
    parsed = parse_file(ROOT / gold["file"])
    assert len(parsed.documents) == 1, [d.type_line for d in parsed.documents]
    doc = parsed.documents[0]
    assert doc.doc_type == "Phụ lục"
    assert doc.is_appendix is True
    assert doc.number == gold["number"]
    assert doc.title == gold["title"]
    assert doc.attached_to and doc.attached_to.startswith("(Kèm theo Nghị định số 30/2020/NĐ-CP")
    counts = Counter(n.kind for n in doc.nodes())
    assert {k: counts[k] for k in gold["counts"]} == gold["counts"]
    ids = [n.id for n in doc.nodes()]
    assert len(ids) == len(set(ids))
