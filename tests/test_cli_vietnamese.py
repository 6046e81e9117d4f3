"""Every word of the command line an officer reads is Vietnamese: help frames, usage errors,
suggestions, "Aborted!"; each command's help has examples; `vbhc --help` does not truncate."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from vbhc.cli import cli
from vbhc.cli.vietnamese import CATALOG

COMMANDS = cli.list_commands(click.Context(cli))
ENGLISH = ["Usage:", "Options:", "Commands:", "Show this message", "Show the version", "[required]", "default:",
           "Error:", "Missing", "No such", "Did you mean", "Invalid value", "is not one of", "Try '", "Aborted",
           "[OPTIONS]", "COMMAND [ARGS]", " TEXT", " PATH", "INTEGER", "FLOAT"]


def run(*args: str, **kwargs: object) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), **kwargs)  # type: ignore[arg-type]


def english_in(text: str) -> list[str]:
    return [w for w in ENGLISH if w in text]


def test_group_help_lists_every_command_in_full() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert not english_in(result.stdout), english_in(result.stdout)
    assert result.stdout.startswith("Cách dùng: vbhc [TÙY_CHỌN] LỆNH [THAM_SỐ]...")
    listing = result.stdout.split("Lệnh:\n", 1)[1]
    for name in COMMANDS:
        short = cli.get_command(click.Context(cli), name).short_help
        assert short and " ".join(short.split()) in " ".join(listing.split()), name
    assert "..." not in listing  # nothing cut short


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_is_vietnamese_with_examples(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    assert not english_in(result.stdout), (name, english_in(result.stdout))
    assert result.stdout.startswith(f"Cách dùng: vbhc {name} [TÙY_CHỌN]")
    assert "Tùy chọn:" in result.stdout and "hiện hướng dẫn này rồi thoát" in result.stdout
    examples = result.stdout.split("Ví dụ:\n", 1)[1].splitlines()
    assert examples and all(line.strip().startswith(f"vbhc {name}") for line in examples if line.strip())


@pytest.mark.parametrize("args, words", [
    (["chek"], "không có lệnh 'chek'. Có phải ý bạn là 'check'?"),
    (["new", "ke-hoach", "--data", "d.yaml"], "thiếu tùy chọn '-o' / '--output'."),
    (["parse"], "thiếu tham số 'TỆP'."),
    (["parse", "--format", "xml", "a.txt"], "giá trị không hợp lệ cho '--format': 'xml' không phải một trong"),
    (["check", "--formt", "json", "a.txt"], "không có tùy chọn '--formt'. Có phải ý bạn là '--format'?"),
    (["audit", "nop", "--jobs", "0"], "giá trị không hợp lệ cho '--jobs': 0 nằm ngoài khoảng cho phép"),
    (["check", "--profile"], "tùy chọn '--profile' cần một giá trị."),
    (["rules", "a", "b"], "thừa tham số"),
    (["draft", "--agency", "A", "-o", "x.docx", "--date", "30/02/2026"], "'30/02/2026' không phải một ngày có thật"),
])
def test_usage_errors_are_one_vietnamese_line(args: list[str], words: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vbhc: "), result.stderr
    assert words in lines[0], lines[0]
    assert not english_in(lines[0]), english_in(lines[0])


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("vbhc, phiên bản ")


def test_every_message_of_the_installed_click_is_translated() -> None:
    """An upgrade of click that adds a message fails here instead of printing English."""
    source = "".join(p.read_text(encoding="utf-8") for p in Path(click.__file__).parent.glob("*.py"))
    literals = r'((?:"[^"\n]*"\s*)+)'
    found: set[str] = set()
    for m in re.finditer(r"\b_\(\s*" + literals + r"\)", source):
        found.add("".join(re.findall(r'"([^"]*)"', m.group(1))))
    for m in re.finditer(r"ngettext\(\s*" + literals + r",\s*" + literals + ",", source):
        for group in (1, 2):
            found.add("".join(re.findall(r'"([^"]*)"', m.group(group))))
    found = {f.encode().decode("unicode_escape") if "\\" in f else f for f in found}
    assert found, "no message found: the pattern no longer matches click's source"
    missing = sorted(found - set(CATALOG))
    assert not missing, missing


def test_translations_keep_the_placeholders() -> None:
    for english, vietnamese in CATALOG.items():
        assert sorted(re.findall(r"\{[^}]*\}|%\(\w+\)s", english)) == sorted(
            re.findall(r"\{[^}]*\}|%\(\w+\)s", vietnamese)), english


def test_the_cached_group_help_is_click_s_own() -> None:
    """`vbhc --help` is answered without importing click; the text is click's, kept in step here
    (when this fails: .venv/bin/python -c "from vbhc.cli.app import write_cached_help; write_cached_help()")."""
    import subprocess
    import sys

    from vbhc.cli.app import group_help
    from vbhc.cli.helptext import GROUP_HELP

    assert GROUP_HELP == group_help(80)
    code = ("import sys; sys.argv = ['vbhc', '--help']\nfrom vbhc.cli import main\nmain()\n"
            "assert 'click' not in sys.modules, 'click was imported'\n")
    import os

    env = {**os.environ, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout == GROUP_HELP
    for columns in (80, 120):  # click itself, past the cache
        code = "import sys; sys.argv = ['vbhc', '--help']\nfrom vbhc.cli.app import main\nmain()\n"
        real = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                              env={**env, "COLUMNS": str(columns)})
        assert real.returncode == 0 and real.stdout == group_help(columns), columns
