"""What the commands share: Vietnamese options, dates as officers write them, inputs loaded
under the one error handler, and the guard that keeps every output off every input."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import click

from vbhc.cli.frame import Command, Option, about, fail
from vbhc.terminal import printable

option = functools.partial(click.option, cls=Option)
CONFIG_HELP = "tệp cấu hình quy tắc (mặc định: vbhc.toml hoặc [tool.vbhc] trong pyproject.toml, tìm từ thư mục này lên)"


def command(name: str, *, examples: Iterable[str], **kwargs: Any) -> Callable[[Callable[..., Any]], Command]:
    """A vbhc command with its example lines (shown under "Ví dụ" in its help)."""
    return click.command(name, cls=Command, examples=list(examples), **kwargs)  # type: ignore[return-value]


class DateParam(click.ParamType):
    """A date as officers write it: 25/07/2025, 25/7/2025, 2025-07-25, "ngày 25 tháng 7 năm 2025"."""

    name = "ngày"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from vbhc import dates

        found = dates.parse(value)
        if found is None:
            self.fail(f"{value!r} không phải một ngày có thật (viết như 25/07/2025 hoặc 2025-07-25).", param, ctx)
        return found


DATE = DateParam()


def emit(text: str, raw_input_text: bool = False) -> None:
    """Print a command's result on stdout. `raw_input_text`: the text holds a document's words as
    they are (Markdown); on a terminal their control characters are shown escaped, into a file
    or a pipe they are left exactly as made. (Text reports and outlines escape their own.)

    A file name with bytes that are not UTF-8 ("bad\\xff.txt") comes as lone surrogates, which no
    UTF-8 stream can write: each is written as its escape "\\udcff" (in JSON, the same string)."""
    import re

    if raw_input_text and sys.stdout.isatty():
        text = printable(text, keep_newlines=True)
    text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    click.echo(text, nl=not text.endswith("\n"))


def load(path: str) -> Any:
    """Parse a file for a command (an unreadable file is an InputError for the handler)."""
    from vbhc.parse import parse_file

    with about(path):
        return parse_file(path)


def load_profile(against: str | None, profile: str | None) -> Any:
    """The parent plan's profile, from the plan itself or from a saved YAML profile; None without either."""
    if against and profile:
        fail("chỉ dùng một trong hai: --against (kế hoạch cấp trên) hoặc --profile (tệp hồ sơ YAML)")
    if not against and not profile:
        return None
    from vbhc.profile import from_parent, read_profile

    with about(against or profile):
        return from_parent(against) if against else read_profile(profile)  # type: ignore[arg-type]


def no_overwrite(outputs: Mapping[str, str | None], inputs: Iterable[str | None],
                 folders: Iterable[str] = ()) -> None:
    """Refuse, before anything is written, an output that is one of the command's inputs."""
    from vbhc.fileio import refuse_overwrite
    from vbhc.readers import SUPPORTED

    refuse_overwrite(outputs, inputs, folders=folders, folder_files=SUPPORTED)


def shown(path: str | os.PathLike[str]) -> str:
    """A file name as it may be printed (control characters escaped)."""
    return printable(os.fspath(path))
