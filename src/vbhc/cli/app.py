"""The `vbhc` group: every command, under the one error handler (`frame.Group.main`)."""

from __future__ import annotations

import click

from vbhc import __version__
from vbhc.cli import auditing, drafting, fixing, reading
from vbhc.cli.frame import Group


@click.group("vbhc", cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="vbhc")
def cli() -> None:
    """vbhc: đọc, kiểm tra và soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP.

    Mã thoát của mọi lệnh: 0 không có lỗi, 1 có ít nhất một lỗi, 2 sai cách dùng hoặc có tệp không đọc
    được (một dòng tiếng Việt nêu tên tệp và lý do). Xem hướng dẫn từng lệnh: vbhc LỆNH --help.
    """


for _command in (reading.parse, reading.check, fixing.fix, reading.rules, reading.profile_cmd, auditing.audit,
                 drafting.templates_cmd, drafting.new, drafting.draft_cmd):
    cli.add_command(_command)


def main() -> None:
    """The console entry point (`vbhc = "vbhc.cli:main"`)."""
    cli.main(prog_name="vbhc")
