"""The review tests build their documents with the rule tests' builder (tests/rules/docx_builder.py) and the
readers' raw-XML pieces (tests/readers/docx_fixtures.py: a text box, a numbering)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rules"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
