"""The `vbhc` group: every command, under the one error handler (`frame.Group.main`).

A command's module is imported when that command runs (or the group's help lists it): `vbhc check` does
not import the audit's, the drafting's or the web server's command-line code."""

from __future__ import annotations

import importlib

import click

from vbhc import __version__
from vbhc.cli.frame import Group

# command name → (module in vbhc.cli, the click command in it)
COMMANDS = {
    "parse": ("reading", "parse"),
    "check": ("reading", "check"),
    "fix": ("fixing", "fix"),
    "rules": ("reading", "rules"),
    "profile": ("reading", "profile_cmd"),
    "audit": ("auditing", "audit"),
    "templates": ("drafting", "templates_cmd"),
    "new": ("drafting", "new"),
    "draft": ("drafting", "draft_cmd"),
    "serve": ("serving", "serve"),
}


class LazyGroup(Group):
    """click's lazy group: `list_commands` from the table, `get_command` imports the one module."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(f"vbhc.cli.{module}"), attribute), cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                              list[str]]:
        if args and args[0] not in COMMANDS:  # no such command: click suggests the near ones among those loaded
            for name in COMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


@click.group("vbhc", cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"],
                                                      "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="vbhc")
def cli() -> None:
    """vbhc: đọc, kiểm tra và soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP.

    Mã thoát của mọi lệnh: 0 không có lỗi, 1 có ít nhất một lỗi, 2 sai cách dùng hoặc có tệp không đọc
    được (một dòng tiếng Việt nêu tên tệp và lý do). Xem hướng dẫn từng lệnh: vbhc LỆNH --help.
    """


def main() -> None:
    """Run the `vbhc` group (through `vbhc.cli.main`, the console entry point)."""
    cli.main(prog_name="vbhc")


def group_help(terminal_width: int = 80) -> str:
    """`vbhc --help` as click prints it on a terminal of this width (click's bounds applied)."""
    width = max(min(terminal_width, cli.context_settings["max_content_width"]) - 2, 50)
    settings = {**cli.context_settings, "terminal_width": width}
    with click.Context(cli, info_name="vbhc", **settings) as ctx:
        return ctx.get_help() + "\n"


def write_cached_help() -> None:
    """Rewrite `helptext.py` from click's rendering (a test says when it is needed)."""
    from pathlib import Path

    lines = "".join(f"    {line!r}\n" for line in group_help().splitlines(keepends=True))
    Path(__file__).with_name("helptext.py").write_text(
        '"""`vbhc --help` at click\'s width 78 (vbhc.cli.app.write_cached_help wrote it; do not edit)."""\n\n'
        f"GROUP_HELP = (\n{lines})\n", encoding="utf-8")
