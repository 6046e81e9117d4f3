"""The command line: a stable contract (see README). Heavy imports happen inside commands."""

from __future__ import annotations

import sys

import click

from vbhc import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vbhc")
def cli() -> None:
    """vbhc: đọc, kiểm tra và soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP."""


def main() -> None:
    try:
        cli.main(prog_name="vbhc", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu.", err=True)
        sys.exit(130)
