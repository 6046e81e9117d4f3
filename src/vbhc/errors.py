"""Errors that reach the user as one Vietnamese line and exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """An input that could not be read: the message names the file and the reason, in Vietnamese."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
