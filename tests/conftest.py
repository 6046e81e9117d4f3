"""Shared paths for the test suite: the repository root, the corpus and its gold annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
CONTRACT = ROOT / "contract"
NGHE_AN = CORPUS / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
DECREE = CORPUS / "nd30-2020" / "nd30-2020-noidung.txt"
PHU_LUC_DOCX = sorted((CORPUS / "nd30-2020" / "docx").glob("nd30-2020-phuluc*.docx"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def contract_dir() -> Path:
    return CONTRACT
