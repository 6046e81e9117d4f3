"""The shared folder beside the project (`../shared/`, relative to the project root): documents
that belong to others (the decree and its official Phụ lục .docx, the real documents) are read
there in place and never copied into the project. A test that needs one skips, saying which
file is absent, on a machine without the folder.

Import it as a module (`from shared_corpus import ...`): tests/ is on sys.path through the root
conftest, which re-exports these names.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ND30 = SHARED / "corpus" / "nd30-2020"
DECREE = ND30 / "nd30-2020-noidung.txt"
PHU_LUC_DOCX = [ND30 / "docx" / f"nd30-2020-phuluc{i}.docx" for i in range(1, 7)]
REAL = SHARED / "corpus" / "real"


def _reason(path: Path) -> str:
    return f"{os.path.relpath(path, ROOT)} is absent: the shared folder ../shared/ beside the project holds it"


def needs(*paths: Path) -> pytest.MarkDecorator:
    """Skip the test, naming the first absent file, unless every path exists."""
    missing = [p for p in paths if not p.exists()]
    return pytest.mark.skipif(bool(missing), reason=_reason(missing[0]) if missing else "")


def params(paths: Iterable[Path]) -> list[Any]:
    """`pytest.param`s for a parametrize over shared files, each skipping alone when absent."""
    return [pytest.param(p, marks=needs(p), id=p.name) for p in paths]
