"""The annotated and fixed copies of every .docx of the corpus (corpus/, ../shared/corpus/real/,
../shared/corpus/nd30-2020/docx/, read in place) parse to the same text as their originals (the
fixed text aside), open in python-docx, put no property out of Word's order, and LibreOffice converts
them (the test that they open without a repair prompt that can run here)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest
from review_helpers import SOFFICE, order_faults, part, pdf_of, texts

import shared_corpus
from vbhc.check import evaluate
from vbhc.parse import parse_file
from vbhc.review.annotate import annotate
from vbhc.review.fix import fix_file

ROOT = Path(__file__).resolve().parents[2]
FILES = [*sorted((ROOT / "corpus").rglob("*.docx")), *sorted(shared_corpus.REAL.glob("*.docx")),
         *shared_corpus.PHU_LUC_DOCX]
KINDS = ("annotated", "fixed", "tracked")


def _copies(path: Path, folder: Path) -> dict[str, tuple[Path, list[tuple[str, str]]]]:
    """Each copy of one file, with the (before, after) lines its text fixes changed."""
    parsed = parse_file(path)
    data, _ = annotate(path.read_bytes(), str(path), parsed.source.blocks, evaluate(parsed).findings)
    out = {"annotated": (folder / f"{path.stem}.annotated.docx", [])}
    out["annotated"][0].write_bytes(data)
    for kind, track in (("fixed", False), ("tracked", True)):
        result = fix_file(str(path), unsafe=True, track=track)
        target = folder / f"{path.stem}.{kind}.docx"
        target.write_bytes(result.output)
        changed = [(b, a) for o in result.outcomes if o.status == "applied" for b, a in zip(o.before, o.after,
                                                                                             strict=True)]
        out[kind] = (target, changed)
    return out


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, dict[str, tuple[Path, list[tuple[str, str]]]]]:
    folder = tmp_path_factory.mktemp("copies")
    return {p: _copies(p, folder) for p in FILES if p.exists()}


@pytest.mark.parametrize("path", shared_corpus.params(FILES))
def test_copies_read_as_the_original(copies, path: Path) -> None:
    original = [unicodedata.normalize("NFC", t).strip() for t in texts(path)]
    faults = set(order_faults(part(path, "word/document.xml")))  # a few real files have some already
    for kind in KINDS:
        copy, changed = copies[path][kind]
        got = [unicodedata.normalize("NFC", t).strip() for t in texts(copy)]
        assert len(got) == len(original), kind
        differing = [(a, b) for a, b in zip(original, got, strict=True) if a != b]
        assert sorted(differing) == sorted(set(changed)), kind
        assert set(order_faults(part(copy, "word/document.xml"))) <= faults, kind
        assert len(docx.Document(str(copy)).paragraphs) == len(docx.Document(str(path)).paragraphs)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_every_copy(copies, tmp_path: Path) -> None:
    if not copies:
        pytest.skip("no .docx of the corpus is here (../shared/ is absent and corpus/ has none)")
    made = [copy for per in copies.values() for copy, _ in per.values()]
    pdfs = pdf_of(made, tmp_path)
    missing = [p.name for p in pdfs if not p.exists() or p.stat().st_size < 1000]
    assert missing == []


@pytest.mark.parametrize("path", shared_corpus.params(FILES))
def test_fixing_a_fixed_copy_changes_nothing(copies, path: Path) -> None:
    fixed, _ = copies[path]["fixed"]
    again = fix_file(str(fixed), unsafe=True)
    assert not again.changed and again.output == fixed.read_bytes()
    assert [o.status for o in again.outcomes if o.status == "applied"] == []
