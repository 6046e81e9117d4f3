"""The progress bar of `vbhc audit` on stderr (rich), silent when stderr is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from vbhc.audit.run import Progress


@contextmanager
def rich_progress(enabled: bool | None = None) -> Iterator[Progress]:
    """A context manager yielding the Progress callbacks of a rich bar."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield Progress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    from vbhc.report.rows import shown

    bar = RichProgress(TextColumn("[bold]Kiểm tra"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[name]}", markup=False), TimeElapsedColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
    state: dict[str, Any] = {}

    def start(total: int, done: int) -> None:
        state["task"] = bar.add_task("audit", total=total, completed=done, name="")

    def advance(rel: str) -> None:
        name = shown(rel)
        bar.update(state["task"], advance=1, name=name if len(name) < 40 else "…" + name[-39:])

    with bar:
        yield Progress(start=start, advance=advance)
