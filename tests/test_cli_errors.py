"""The one error handler (vbhc.cli.frame): a VbhcError is one Vietnamese line and its exit code,
anything else is "lỗi nội bộ" (exit 2) unless VBHC_DEBUG=1, Ctrl-C is 130, a closed pipe is quiet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbhc.parse
from vbhc.cli import cli
from vbhc.errors import InputError, VbhcError

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"


def parse_raising(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def boom(path: object) -> None:
        raise exc

    monkeypatch.setattr(vbhc.parse, "parse_file", boom)


@pytest.mark.parametrize("exc, line", [
    (InputError("a.docx", "tệp hỏng"), "vbhc: a.docx: tệp hỏng"),
    (VbhcError("không ghi được \x1b[2J"), "vbhc: không ghi được \\x1b[2J"),
])
def test_a_vbhc_error_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch, exc: VbhcError, line: str) -> None:
    parse_raising(monkeypatch, exc)
    result = CliRunner().invoke(cli, ["parse", "a.docx"])
    assert result.exit_code == 2 and result.stderr == line + "\n" and result.stdout == ""


def test_a_bug_is_an_internal_error_naming_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VBHC_DEBUG", raising=False)
    parse_raising(monkeypatch, ZeroDivisionError("chia cho 0"))
    result = CliRunner().invoke(cli, ["parse", "kh.docx"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("vbhc: kh.docx: lỗi nội bộ của vbhc (ZeroDivisionError: chia cho 0)")
    assert "VBHC_DEBUG=1" in line and "Traceback" not in result.output


def test_vbhc_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBHC_DEBUG", "1")
    parse_raising(monkeypatch, ZeroDivisionError("chia cho 0"))
    result = CliRunner().invoke(cli, ["parse", "kh.docx"])
    assert isinstance(result.exception, ZeroDivisionError)


def test_ctrl_c_is_130_in_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    parse_raising(monkeypatch, KeyboardInterrupt())
    result = CliRunner().invoke(cli, ["parse", "kh.docx"])
    assert result.exit_code == 130
    assert "vbhc: đã dừng theo yêu cầu" in result.stderr and "Aborted" not in result.output


def test_a_closed_pipe_is_quiet() -> None:
    """`vbhc rules | head -1`: the reader leaves early; no BrokenPipeError traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "vbhc", "parse", str(NGHE_AN), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_fail_never_returns() -> None:
    from typing import get_type_hints

    from vbhc.cli.frame import fail

    assert get_type_hints(fail)["return"].__name__ == "NoReturn"
    with pytest.raises(VbhcError):
        fail("x")


@pytest.mark.parametrize("value, on", [("", False), ("0", False), ("1", True), ("yes", True)])
def test_one_reading_of_vbhc_debug(monkeypatch, value, on):
    """check_file, the audit worker, the CLI handler and template messages all ask `errors.debugging`."""
    from vbhc import errors

    monkeypatch.setenv("VBHC_DEBUG", value)
    assert errors.debugging() is on
