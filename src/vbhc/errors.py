"""The one exception base: every error vbhc reports to a user is a `VbhcError`.

A `VbhcError` carries the whole Vietnamese line the user reads (naming the file when there is
one) and the exit code; the command line has one handler for all of them (exit 2, no
traceback). Anything else that escapes is a vbhc bug, reported as an internal error.
"""

from __future__ import annotations

import os


def debugging() -> bool:
    """VBHC_DEBUG=1 (any value but empty or 0): an internal error raises with its traceback, and
    messages add what Python said, for whoever is fixing vbhc or writing a template."""
    return os.environ.get("VBHC_DEBUG", "") not in ("", "0")


class VbhcError(Exception):
    """An error the user can act on: bad usage, unreadable input, data that cannot make a document."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(VbhcError):
    """An input that could not be read: the message names the file and the reason, in Vietnamese."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(VbhcError):
    """Options that do not go together, or an output that would overwrite an input."""


class OutputError(VbhcError):
    """An output that could not be written (disk full, no permission): names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Interrupted(VbhcError):
    """The user stopped vbhc (Ctrl-C, SIGTERM): what was done and what to do next; exit 130 as shells expect."""

    exit_code = 130
