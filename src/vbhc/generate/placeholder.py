"""The mark `vbhc draft` leaves where the agency must still decide, and that a check looks for."""

from __future__ import annotations

from vbhc import rx

PLACEHOLDER_OPEN = "[ĐIỀN:"
PLACEHOLDER_RE = rx.compile(r"\[ĐIỀN:[^\]]*\]")
