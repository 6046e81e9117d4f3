"""The YAML that `yamlio.to_yaml` writes, read without PyYAML: importing it and building its loader is
≈ 12 ms of a 150 ms `vbhc check --profile`, for a file whose shape vbhc itself fixed.

to_yaml writes comments, `key: SCALAR`, `key: {k: SCALAR, …}`, `key: []` and `key: {}`, and under a
top-level `key:` a block of `  - k: SCALAR` items continued by `    k: SCALAR`, of `  - SCALAR` items, or
of `  k: VALUE` entries; every scalar a JSON string (only the escapes \\" \\\\ \\/ \\n \\r \\t), a number,
null, true, false or a lower-case name (`the_che`). A text of exactly that shape is read here to the
value PyYAML gives it. Anything else (an edit that changed the shape, "95%", a tab, a character YAML
reads specially such as U+2028) is not ours: `loads` returns None and `vbhc.yamlsafe` reads the text as
any YAML, with its limits and its messages. tests/profile/test_ownyaml.py compares the two on every
profile of the corpora and on mutated ones.
"""

from __future__ import annotations

import json
import re
from typing import Any

from vbhc import limits

# What PyYAML's reader refuses or reads as a line break (\x85, U+2028, U+2029), a byte-order mark,
# tabs and carriage returns: a text with any of them is left to yamlsafe.
_SPECIAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")

_STRING = r'"[^"\\]*(?:\\["\\/nrt][^"\\]*)*"'  # unrolled: no backtracking state per character
_NUMBER = r"-?(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,17})?"
_NAME = r"[a-z_][a-z0-9_]*"
_SCALAR = f"(?:{_STRING}|{_NUMBER}|{_NAME})"
_PAIR = f"{_NAME}: {_SCALAR}"
_VALUE = f"(?:{_SCALAR}|\\[\\]|\\{{\\}}|\\{{{_PAIR}(?:, {_PAIR})*\\}})"
# One line: its indentation, a list dash, then `key:` with or without a value, or a scalar list item;
# a comment may end it. Blank and comment lines are skipped before.
_LINE = re.compile(f"(?P<indent> *)(?P<dash>- )?(?:(?P<key>{_NAME}):(?: (?P<value>{_VALUE}))?|(?P<scalar>{_SCALAR}))"
                   "(?: +#.*)?")
# (indentation, dash, key, value) → the `_Reading` method a line of that shape calls; any other shape is
# not one to_yaml writes.
KINDS = {
    ("", False, True, True): "top",
    ("", False, True, False): "open",
    ("  ", True, True, True): "list_item",
    ("    ", False, True, True): "more",
    ("  ", False, True, True): "entry",
    ("  ", True, False, True): "scalar_item",
}
_PAIRS = re.compile(f"({_NAME}): ({_SCALAR})")

# Plain words YAML 1.1 reads as booleans (PyYAML's resolver), and y/n for good measure: not ours.
_YAML11_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})
_WORDS = {"null": None, "true": True, "false": False}


class _NotOurs(Exception):
    pass


def _name(text: str) -> str:
    if text in _YAML11_WORDS or text in _WORDS:
        raise _NotOurs
    return text


def _scalar(token: str) -> Any:
    first = token[0]
    if first == '"':
        return json.loads(token)
    if first == "-" or first.isdigit():
        return float(token) if "." in token else int(token)
    return _WORDS[token] if token in _WORDS else _name(token)


def _value(token: str) -> tuple[Any, int]:
    """A value and the nodes PyYAML would count for it (a flow mapping: two for each pair, and itself)."""
    if token == "[]":
        return [], 1
    if token == "{}":
        return {}, 1
    if token[0] == "{":
        pairs = _PAIRS.findall(token)
        return {_name(k): _scalar(v) for k, v in pairs}, 1 + 2 * len(pairs)
    return _scalar(token), 1


class _Reading:
    """The mapping being built: the top-level key whose indented block is open, its list or mapping,
    and the mapping of the list item last begun."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}
        self.block: str | None = None
        self.container: list[Any] | dict[str, Any] | None = None
        self.item: dict[str, Any] | None = None
        self.nodes = 1

    def close(self) -> None:
        if self.block is not None and self.container is None:
            self.root[self.block] = None  # `key:` and nothing under it: null
        self.block, self.container, self.item = None, None, None

    def value(self, token: str) -> Any:
        value, nodes = _value(token)
        self.nodes += nodes + 1
        if self.nodes > limits.MAX_YAML_NODES:
            raise _NotOurs
        return value

    def top(self, key: str, token: str) -> None:
        self.close()
        self.root[_name(key)] = self.value(token)

    def open(self, key: str) -> None:
        self.close()
        self.block = _name(key)

    def in_block(self, kind: type) -> Any:
        if self.block is None:
            raise _NotOurs
        if self.container is None:
            self.container = self.root[self.block] = kind()
        if not isinstance(self.container, kind):
            raise _NotOurs
        return self.container

    def list_item(self, key: str, token: str) -> None:
        self.item = {_name(key): self.value(token)}
        self.in_block(list).append(self.item)

    def scalar_item(self, token: str) -> None:
        self.in_block(list).append(self.value(token))
        self.item = None

    def more(self, key: str, token: str) -> None:
        if self.item is None:
            raise _NotOurs
        self.item[_name(key)] = self.value(token)

    def entry(self, key: str, token: str) -> None:
        self.in_block(dict)[_name(key)] = self.value(token)
        self.item = None


def _parse(text: str) -> dict[str, Any]:
    reading = _Reading()
    for line in text.split("\n"):
        if line.lstrip(" ")[:1] in ("", "#"):
            continue
        m = _LINE.fullmatch(line)
        if m is None:
            raise _NotOurs
        key = m["key"]
        value = m["value"] if key else m["scalar"]
        kind = KINDS.get((m["indent"], bool(m["dash"]), bool(key), value is not None))
        if kind is None:
            raise _NotOurs
        getattr(reading, kind)(*(part for part in (key, value) if part is not None))
    reading.close()
    if not reading.root:
        raise _NotOurs
    return reading.root


def loads(text: str) -> dict[str, Any] | None:
    """The mapping a text in to_yaml's shape holds, as PyYAML reads it; None for any other text."""
    if _SPECIAL.search(text):
        return None
    try:
        return _parse(text)
    except _NotOurs:
        return None
