"""The audit's JSON text (`journal.json_text`): rows, journal lines and the --json result."""

from __future__ import annotations

import json

import pytest

from vbhc.audit.journal import json_text, json_value

VALUES = [
    {"path": "so-y-te.docx", "status": "findings", "findings": [{"rule": "KH002", "data": {"value": 95.5}}],
     "meta": {"issuer": "SỞ Y TẾ", "date": "2025-07-30"}, "draft": False, "error": None},
    ["Sở Nội vụ", 1, 2.25, True, None],
    {"big": 2**70},  # past orjson's 64 bits: the standard encoder writes it
    {"path": "ho\udcffso.txt"},  # a name that is not UTF-8 (surrogate escape): the standard encoder
]


@pytest.mark.parametrize("value", VALUES)
def test_the_text_reads_back_as_the_value_and_is_valid_utf8(value):
    text = json_text(value)
    text.encode("utf-8")  # raises on a lone surrogate
    assert json.loads(text) == value
    assert json_value(text) == value  # orjson where it can, the standard decoder for a lone surrogate
    assert "\n" not in text  # one journal line, one row line


def test_vietnamese_is_written_as_it_reads():
    assert "Sở Nội vụ" in json_text({"agency": "Sở Nội vụ"})
    assert "\\udcff" in json_text({"path": "ho\udcffso.txt"})


def test_a_value_json_has_no_type_for_is_written_as_its_text():
    from pathlib import PurePosixPath

    assert json.loads(json_text({"p": PurePosixPath("a/b.txt")})) == {"p": "a/b.txt"}


def test_indented_text_for_people():
    assert json_text({"a": [1]}, indent=2) == '{\n  "a": [\n    1\n  ]\n}'


@pytest.mark.parametrize("value", VALUES)
def test_bytes_are_the_text_encoded(value):
    from vbhc.audit.journal import json_bytes

    assert json_bytes(value) == json_text(value).encode("utf-8")


def test_the_result_file_reads_back_with_one_line_per_row():
    from vbhc.audit.run import result_json

    rows = [v for v in VALUES if isinstance(v, dict)]
    result = {"tool": "vbhc audit", "root": "/x", "files": rows, "summary": {"files": len(rows)}, "skipped": []}
    text = result_json(result).decode("utf-8")
    assert json.loads(text) == result
    lines = text.splitlines()
    assert lines[:4] == ["{", '  "tool": "vbhc audit",', '  "root": "/x",', '  "files": [']
    assert [json.loads(line.strip().rstrip(",")) for line in lines[4:4 + len(rows)]] == rows
    assert lines[4 + len(rows)] == "  ],"
