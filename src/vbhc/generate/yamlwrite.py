"""YAML written for officers to read and edit: block style, a value plain wherever YAML reads it back
as the same text (double-quoted otherwise), and a comment beside a value that asks for attention
("# [XEM LẠI] …"). PyYAML's dumper writes no comments; this writes only what `vbhc new --from` needs
(mappings, lists, text, numbers) and is read back by `vbhc.yamlsafe` like any data file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import regex as re

from vbhc import rx

_PLAIN_START = rx.compile(r"^[\p{L}\p{N}(]")
_NOT_A_STRING = rx.compile(r"^(?:[-+.\d\s:eE_]+|true|false|yes|no|on|off|null|y|n|~)$", re.I)


class Noted(str):
    """A value written with a YAML comment beside it."""

    note: str

    def __new__(cls, value: str, note: str) -> Noted:
        obj = super().__new__(cls, value)
        obj.note = note
        return obj


def scalar(value: Any) -> str:
    """A value as a YAML scalar: plain where YAML reads it back as the same text, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    text = str(value)
    if (text and text == text.strip() and _PLAIN_START.match(text) and "\n" not in text and ": " not in text
            and " #" not in text and not text.endswith(":") and not _NOT_A_STRING.match(text)
            and "\t" not in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(value: Any) -> str:
    return f"  # {value.note}" if isinstance(value, Noted) else ""


def lines(value: Any, indent: int = 0) -> Iterator[str]:
    """The lines of a mapping or a list, indented by `indent` spaces."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, v in value.items():
            if isinstance(v, dict | list) and v:
                yield f"{pad}{key}:"
                yield from lines(v, indent + 2)
            elif isinstance(v, dict | list):
                yield f"{pad}{key}: {'{}' if isinstance(v, dict) else '[]'}"
            else:
                yield f"{pad}{key}: {scalar(v) if v != '' or not isinstance(v, Noted) else 'null'}{_comment(v)}"
        return
    for v in value:
        if isinstance(v, dict) and v:
            first, *rest = lines(v, indent + 2)
            yield f"{pad}- {first[indent + 2:]}"
            yield from rest
        elif isinstance(v, list) and all(not isinstance(c, dict | list) for c in v):
            yield f"{pad}- [{', '.join(json.dumps(str(c), ensure_ascii=False) for c in v)}]"
        elif isinstance(v, list):
            yield f"{pad}-"
            yield from lines(v, indent + 2)
        else:
            yield f"{pad}- {scalar(v)}{_comment(v)}"


def count_notes(value: Any, mark: str) -> int:
    """How many values carry a comment beginning with `mark`."""
    if isinstance(value, dict):
        return sum(count_notes(v, mark) for v in value.values())
    if isinstance(value, list):
        return sum(count_notes(v, mark) for v in value)
    return int(isinstance(value, Noted) and value.note.startswith(mark))
