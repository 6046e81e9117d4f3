"""The audit's own error: bad usage, a journal that does not fit or is in use, workers that cannot start."""

from __future__ import annotations

from vbhc.errors import VbhcError


class AuditError(VbhcError):
    """One Vietnamese line, exit code 2."""
