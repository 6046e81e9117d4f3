"""The command line: a stable contract (see README). Heavy imports happen inside commands.

`frame` holds the Vietnamese help and the one error handler, `vietnamese` click's own words,
`common` what the commands share; the commands are in `reading` (parse, check, rules, profile),
`auditing` (audit) and `drafting` (templates, new, draft); `app` puts them in the `vbhc` group.

`vbhc --help`, the first command a new user types, is answered from `helptext` (click's own
rendering of it, kept in step by a test) without importing click, which alone costs four times
an empty Python start.
"""

from __future__ import annotations

import os
import sys
from typing import Any

CACHED_WIDTH = 78  # click's width on an 80-column terminal, in a pipe or a file


def _click_width() -> int:
    """The width click would format help at (shutil.get_terminal_size and click's bounds, without
    importing shutil): COLUMNS, else the terminal's, else 80; at most 100, less 2, at least 50."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return max(min(columns or 80, 100) - 2, 50)


def main() -> None:
    """The console entry point (`vbhc = "vbhc.cli:main"`)."""
    if sys.argv[1:] in (["--help"], ["-h"]) and _click_width() == CACHED_WIDTH:
        from vbhc.cli.helptext import GROUP_HELP

        sys.stdout.write(GROUP_HELP)
        sys.stdout.flush()
        return
    from vbhc.cli.app import main as run

    run()


def __getattr__(name: str) -> Any:
    if name == "cli":  # `from vbhc.cli import cli`: the click group, imported on first use
        from vbhc.cli.app import cli

        return cli
    raise AttributeError(name)


__all__ = ["cli", "main"]
