"""Shared by the tests of the real-document evaluation: where the gold, the real documents and
bench/eval_real.py are, and the script loaded as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD_REAL = ROOT / "corpus" / "gold" / "real"
# The real documents stay in the shared folder beside the project (../shared/corpus/real).
REAL = ROOT.parent / "shared" / "corpus" / "real"
NO_REAL = "the real documents are not here: ../shared/corpus/real beside the project is absent"
EVAL_SCRIPT = ROOT / "bench" / "eval_real.py"


def load_eval() -> ModuleType:
    """bench/eval_real.py as a module (bench/ is not a package)."""
    if "eval_real" in sys.modules:
        return sys.modules["eval_real"]
    spec = importlib.util.spec_from_file_location("eval_real", EVAL_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_real"] = module
    spec.loader.exec_module(module)
    return module
