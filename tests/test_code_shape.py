"""The shape the code keeps (issue 10): no function in src/ above cyclomatic complexity 20 or 80 lines.

Complexity is radon's (the number the issue names); length is counted from the `def` line to the
function's last line, docstring included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "vbhc"
MAX_COMPLEXITY = 20
MAX_LINES = 80

radon = pytest.importorskip("radon.complexity", reason="radon is in the test extra (pip install -e '.[test]')")


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_function_is_too_complex():
    too = [f"{p.relative_to(SRC)}:{b.lineno} {b.name} ({b.complexity})"
           for p in _sources() for b in radon.cc_visit(p.read_text(encoding="utf-8"))
           if b.complexity > MAX_COMPLEXITY]
    assert too == []


def test_no_function_is_too_long():
    too = []
    for p in _sources():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_LINES:
                    too.append(f"{p.relative_to(SRC)}:{node.lineno} {node.name} ({length} lines)")
    assert too == []


_TAKES_A_PATTERN = {"search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _regex_compiles(tree: ast.AST) -> list[ast.Call]:
    """Calls `regex.compile(...)` (or `re.compile(...)` where `re` is `regex`), and regex's functions given a
    pattern written out (`re.search(r"…", text)`)."""
    names = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
             if a.name == "regex"}
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and isinstance(n.func.value, ast.Name) and n.func.value.id in names
            and (n.func.attr == "compile" or (n.func.attr in _TAKES_A_PATTERN and bool(n.args)
                                              and isinstance(n.args[0], ast.Constant)))]


def test_patterns_are_compiled_through_rx():
    """vbhc.rx keeps compiled patterns between runs (≈30 ms of every command); a pattern compiled
    by regex itself is compiled again by every run."""
    found = [f"{p.relative_to(SRC)}:{c.lineno}" for p in _sources() if p.name != "rx.py"
             for c in _regex_compiles(ast.parse(p.read_text(encoding="utf-8")))]
    assert found == []
