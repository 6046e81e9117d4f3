"""The `vbhc` group: every command, under the one error handler (`frame.Group.main`)."""

from __future__ import annotations

import click

from vbhc import __version__
from vbhc.cli import auditing, drafting, fixing, reading, serving
from vbhc.cli.frame import Group


@click.group("vbhc", cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="vbhc")
def cli() -> None:
    """vbhc: đọc, kiểm tra và soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP.

    Mã thoát của mọi lệnh: 0 không có lỗi, 1 có ít nhất một lỗi, 2 sai cách dùng hoặc có tệp không đọc
    được (một dòng tiếng Việt nêu tên tệp và lý do). Xem hướng dẫn từng lệnh: vbhc LỆNH --help.
    """


for _command in (reading.parse, reading.check, fixing.fix, reading.rules, reading.profile_cmd, auditing.audit,
                 drafting.templates_cmd, drafting.new, drafting.draft_cmd, serving.serve):
    cli.add_command(_command)


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
