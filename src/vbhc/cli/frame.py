"""The frame every vbhc command shares: Vietnamese help, examples, full command descriptions,
and the one error handler.

`Group.main` is where every run of `vbhc` ends, from a shell or from click's test runner: a
`VbhcError` becomes one Vietnamese line on stderr and its exit code (2), click's usage errors are
shown in Vietnamese, Ctrl-C says so in Vietnamese (exit 130), and anything else is a vbhc bug,
reported as "lỗi nội bộ" (exit 2; VBHC_DEBUG=1 shows the traceback instead).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from vbhc.cli import vietnamese
from vbhc.errors import VbhcError, debugging
from vbhc.terminal import printable

vietnamese.install()

OPTIONS_METAVAR = "[TÙY_CHỌN]"
# click's type names, shown as the value an option takes ("--jobs SỐ")
METAVARS = {"text": "CHUỖI", "path": "TỆP", "filename": "TỆP", "integer": "SỐ", "integer range": "SỐ",
            "float": "SỐ", "float range": "SỐ", "boolean": "CÓ/KHÔNG", "ngày": "NGÀY"}
INTERRUPTED = 130
FILE_NOTE = "vbhc_file"  # set on an unexpected exception: the file being worked on


def say(message: str) -> None:
    """One line for the user on stderr, prefixed "vbhc: ", with control characters escaped."""
    click.echo(f"vbhc: {printable(message)}", err=True)


def fail(message: str) -> NoReturn:
    """Stop with one Vietnamese line on stderr and exit code 2 (through the handler)."""
    raise VbhcError(message)


@contextmanager
def about(path: str | None) -> Iterator[None]:
    """Name `path` in the internal-error line if a vbhc bug surfaces while working on it."""
    try:
        yield
    except Exception as exc:
        if path and not isinstance(exc, VbhcError | click.ClickException) and not hasattr(exc, FILE_NOTE):
            setattr(exc, FILE_NOTE, path)
        raise


def _first_paragraph(text: str | None) -> str:
    lines = []
    for line in (text or "").strip().splitlines():
        if not line.strip() or line.strip() == "\b":
            break
        lines.append(line.strip())
    return " ".join(lines)


class Option(click.Option):
    """An option whose value is named in Vietnamese ("--jobs SỐ", "--against TỆP")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.metavar is None and not self.is_flag and not isinstance(self.type, click.Choice):
            self.metavar = METAVARS.get(self.type.name, self.type.name.upper())


class Command(click.Command):
    """A command with Vietnamese usage and a "Ví dụ" section of example lines, kept as written."""

    def __init__(self, *args: Any, examples: Sequence[str] = (), **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)
        self.examples = list(examples)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        if self.examples:
            with formatter.section("Ví dụ"):
                for line in self.examples:
                    formatter.write(f"{'':>{formatter.current_indent}}{line}\n")


class Group(click.Group):
    """The `vbhc` group: commands listed with their whole description, and the one error handler."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM_SỐ]...")
        super().__init__(*args, **kwargs)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.short_help or _first_paragraph(cmd.help)))
        if rows:
            with formatter.section(vietnamese.gettext("Commands")):
                formatter.write_dl(rows)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        code = run_guarded(lambda: super(Group, self).main(args, prog_name, complete_var,
                                                           standalone_mode=False, **extra))
        if standalone_mode:
            gc.freeze()  # the interpreter's last collection at exit skips them: 25 ms after a 200-file audit
            sys.exit(code)
        return code


def _internal(exc: BaseException) -> str:
    where = getattr(exc, FILE_NOTE, None)
    return ((f"{where}: " if where else "") + f"lỗi nội bộ của vbhc ({type(exc).__name__}: {exc}); tệp đầu vào "
            "không bị thay đổi. Hãy báo lỗi này kèm lệnh đã chạy; chạy lại với VBHC_DEBUG=1 để xem chi tiết")


def _usage_line(exc: click.UsageError) -> str:
    """click's usage error on one line, with where to read the command's help."""
    hint = ""
    if exc.ctx is not None:
        hint = " " + vietnamese.gettext("Try '{command} {option}' for help.").format(
            command=exc.ctx.command_path, option="--help")
    return exc.format_message() + hint


def run_guarded(call: Callable[[], Any]) -> int:
    """Run the command line and turn whatever ends it into an exit code, printing one message."""
    try:
        rv = call()
        return rv if isinstance(rv, int) else 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except VbhcError as exc:
        say(exc.message)
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(file=sys.stderr)
        say(vietnamese.gettext("Aborted!"))
        return INTERRUPTED
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `vbhc` (click >= 8.2): the help itself
            exc.show()
        else:
            say(_usage_line(exc))
        return 2
    except click.ClickException as exc:
        say(exc.format_message())
        return 2
    except BrokenPipeError:
        _quiet_stdout()  # `vbhc parse x | head`: the reader left, nothing to say
        return 1
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            _quiet_stdout()
            return 1
        return _unexpected(exc)
    except Exception as exc:
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    if debugging():
        raise exc
    say(_internal(exc))
    return 2


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
