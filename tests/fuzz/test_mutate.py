"""A short seeded run of the mutation fuzzer (bench/fuzz_mutate.py): every corrupted .docx and
PDF ends as a parsed file or an InputError, nothing else. The long runs are done by hand and
recorded in bench/README.md."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "fuzz_mutate.py"


def _load():
    spec = importlib.util.spec_from_file_location("fuzz_mutate", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_mutate"] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load()


@pytest.mark.skipif(not fuzz.DOCX_SEEDS, reason="corpus .docx seeds are missing")
@pytest.mark.parametrize("kind, cases", [("zip", 60), ("xml", 60), ("tree", 100)])
def test_short_seeded_run_docx(kind: str, cases: int) -> None:
    report = fuzz.run(seed=20261127, cases=cases, kinds=(kind,))
    assert report.cases == cases
    assert not report.failures, report.failures[:5]


@pytest.mark.skipif(not fuzz.DOCX_SEEDS, reason="corpus .docx seeds are missing")
def test_short_seeded_run_pdf() -> None:
    """PDFs made by LibreOffice from the corpus (skipped without it)."""
    report = fuzz.run(seed=20261127, cases=12, kinds=("pdf",), pdf_sources=1)
    if report.by_kind.get("pdf", 0) == 0:
        pytest.skip("LibreOffice is not installed: no PDF seeds")
    assert not report.failures, report.failures[:5]


def test_mutations_are_reproducible() -> None:
    import random

    data = bytes(range(256)) * 20
    a = fuzz.mutate(data, random.Random(5), [data])
    b = fuzz.mutate(data, random.Random(5), [data])
    assert a == b and a[0] != data
