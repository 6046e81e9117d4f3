"""The `vbhc` group imports a command's module only when that command runs (or help lists it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from vbhc.cli.app import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "eval" / "so-y-te-phan-i.txt"
# the command-line modules `vbhc check` has no use for
NOT_FOR_CHECK = ("vbhc.cli.auditing", "vbhc.cli.drafting", "vbhc.cli.fixing", "vbhc.cli.serving", "vbhc.audit",
                 "vbhc.generate.template", "vbhc.serve")


def _modules_after(*args: str) -> tuple[int, set[str]]:
    """(exit code, modules imported) of one `vbhc` run in a fresh interpreter."""
    code = ("import sys, runpy\nsys.argv = ['vbhc', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('vbhc', run_name='__main__')\n"
            "except SystemExit as e:\n    print(e.code)\n"
            "print(' '.join(sys.modules), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    return int(out.stdout.strip().splitlines()[-1]), set(out.stderr.split("\n")[-2].split())


def test_every_command_is_listed_and_loads_under_its_name() -> None:
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(COMMANDS)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name, name
    assert cli.get_command(ctx, "khong-co") is None


def test_check_imports_no_other_command() -> None:
    code, modules = _modules_after("check", str(PLAN), "--format", "json")
    assert code in (0, 1) and "vbhc.cli.reading" in modules and "vbhc.check" in modules
    assert not [m for m in modules if m.startswith(NOT_FOR_CHECK)], sorted(modules)
    assert not {"tempfile", "shutil"} & modules  # vbhc.fileio imports them to write, and check only reads


def test_a_lazy_command_runs_and_shows_in_help() -> None:
    code, modules = _modules_after("templates", "--format", "json")
    assert code == 0 and "vbhc.cli.drafting" in modules and "vbhc.cli.auditing" not in modules
    listing = subprocess.run([sys.executable, "-m", "vbhc", "--help"], capture_output=True, text=True,
                             env={**os.environ, "COLUMNS": "100"}, check=True).stdout
    assert all(f"  {name} " in listing for name in COMMANDS)


def test_a_mistyped_command_is_still_matched_to_the_near_one() -> None:
    out = subprocess.run([sys.executable, "-m", "vbhc", "chek"], capture_output=True, text=True, check=False)
    assert out.returncode == 2 and "'check'" in out.stderr and "Traceback" not in out.stderr
