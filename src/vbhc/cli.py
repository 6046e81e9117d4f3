"""The command line: a stable contract (see README). Heavy imports happen inside commands."""

from __future__ import annotations

import sys

import click

from vbhc import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vbhc")
def cli() -> None:
    """vbhc: đọc, kiểm tra và soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP."""


def fail(message: str) -> None:
    """Bad usage or unreadable input: one Vietnamese line on stderr, exit code 2."""
    click.echo(f"vbhc: {message}", err=True)
    sys.exit(2)


def load(path: str):
    """Parse a file, turning every failure into one Vietnamese line and exit code 2."""
    import os

    from vbhc.errors import InputError
    from vbhc.parse import parse_file

    try:
        return parse_file(path)
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
    except Exception as exc:  # a reader bug must not show a traceback to an officer
        if os.environ.get("VBHC_DEBUG"):
            raise
        fail(f"{path}: không đọc được tệp (lỗi nội bộ: {type(exc).__name__}: {exc})")


def emit(text: str) -> None:
    click.echo(text, nl=not text.endswith("\n"))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "md", "tree"]), default="tree", show_default=True,
              help="json: theo hợp đồng JSON; md: Markdown; tree: dàn ý dễ đọc")
def parse(file: str, fmt: str) -> None:
    """Đọc cấu trúc văn bản: tiêu đề, thân văn bản, chữ ký, nơi nhận."""
    parsed = load(file)
    if fmt == "json":
        import json

        from vbhc.writers.json import parsed_dict

        emit(json.dumps(parsed_dict(parsed), ensure_ascii=False, indent=2))
    elif fmt == "md":
        from vbhc.writers.md import parsed_md

        emit(parsed_md(parsed))
    else:
        from vbhc.writers.tree import parsed_tree

        emit(parsed_tree(parsed))


def main() -> None:
    try:
        cli.main(prog_name="vbhc", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu.", err=True)
        sys.exit(130)
