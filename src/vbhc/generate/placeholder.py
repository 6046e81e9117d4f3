"""The mark `vbhc draft` leaves where the agency must still decide, and that a check looks for."""

from __future__ import annotations

import regex as re

PLACEHOLDER_OPEN = "[ĐIỀN:"
PLACEHOLDER_RE = re.compile(r"\[ĐIỀN:[^\]]*\]")
