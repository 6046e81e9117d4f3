"""Shared paths for the test suite: the repository root, the corpus and its gold annotations, and
the shared folder beside the project (`shared_corpus`: the decree and its Phụ lục, read in place); and the
property tests' profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from shared_corpus import DECREE, ND30, PHU_LUC_DOCX, SHARED, needs, params  # noqa: F401  (re-exported)

# The property tests draw the same examples every run (a suite that passed passes again: CI lands what it tested);
# VBHC_FUZZ_RANDOM=1 draws new ones, as the long runs by hand do (bench/README.md).
settings.register_profile("vbhc", derandomize=os.environ.get("VBHC_FUZZ_RANDOM") != "1")
settings.load_profile("vbhc")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
CONTRACT = ROOT / "contract"
NGHE_AN = CORPUS / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"


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


def pytest_configure(config: pytest.Config) -> None:
    """A suite started in the background (`cmd &`, some CI runners) inherits SIGINT ignored, and
    so would every vbhc it starts: the tests of Ctrl-C could then never interrupt anything. Its
    default handler back here is inherited as the default by the children."""
    import signal

    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    _own_cache()


def _own_cache() -> None:
    """The suite's start-up cache (vbhc.cache) in a folder of its own, shared by every vbhc it starts
    and removed at the end: the tests run warm, as an officer's second command does, and nothing is
    left in the home folder. Removed at exit, after vbhc.rx has saved this process's patterns there
    (exit handlers run last registered first, and rx registers its own later than this)."""
    import atexit
    import os
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="vbhc-test-cache-")
    os.environ["VBHC_CACHE_DIR"] = folder
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
