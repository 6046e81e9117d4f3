"""YAML from officers' files (template data, saved profiles), read within bounds.

PyYAML's safe loader never runs code, but left alone it reads a 20 MB file for a minute, hands
back an alias bomb (4 KB whose aliases stand for billions of items, for whoever walks the
result), recurses into RecursionError on deep nesting, builds self-referencing lists (`&a [*a]`),
and raises ValueError on an unquoted impossible date (`date: 2026-02-30`). Here the file's size,
the nodes it holds, and its depth and size once every alias is expanded are limited
(`vbhc.limits`), and a scalar that cannot become a Python value stays the text it was.
Every problem is an `InputError` naming the file, in Vietnamese. The events come from libyaml when
PyYAML has it (≈5× faster on a saved profile), else, and to word every error, from PyYAML's own parser.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

import yaml

from vbhc import limits
from vbhc.errors import InputError
from vbhc.fileio import read_utf8
from vbhc.terminal import printable

# PyYAML's problem words → the officer's; matched as substrings, first match wins.
PROBLEMS = (
    ("cannot start any token", "có ký tự không được phép (YAML thụt lề bằng dấu cách, không bằng Tab)"),
    ("mapping values are not allowed", "dấu hai chấm không đúng chỗ (giá trị có dấu ':' cần đặt trong ngoặc kép)"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường"),
    ("expected <block end>", "thụt lề không thẳng hàng"),
    ("undefined alias", "tham chiếu (*) tới một tên chưa khai báo"),
    ("duplicate anchor", "một tên (&) được khai báo hai lần"),
    ("unhashable key", "tên trường không hợp lệ (một danh sách hoặc nhóm dùng làm tên)"),
    ("could not determine a constructor", "có thẻ (!!...) không được phép"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép hoặc ngoặc đóng"),
    ("expected ',' or ']'", "thiếu dấu ']' đóng danh sách"),
    ("expected ',' or '}'", "thiếu dấu '}' đóng nhóm"),
    ("special characters are not allowed", "có ký tự điều khiển không được phép"),
    ("but found another document", "có nhiều hơn một văn bản YAML (dấu ---)"),
)


# What a value the constructor could not build means, in the officer's words.
VALUE_PROBLEMS = {ValueError: "giá trị sai dạng", OverflowError: "số quá lớn", RecursionError: "lồng nhau quá sâu",
                  TypeError: "kiểu giá trị không dùng được"}


def _value_problem(exc: Exception) -> str:
    return next((words for kind, words in VALUE_PROBLEMS.items() if isinstance(exc, kind)), "giá trị sai dạng")


class _Limit(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _too_deep() -> _Limit:
    return _Limit(f"có danh sách lồng nhau quá sâu (quá {limits.MAX_YAML_DEPTH} tầng danh sách hoặc nhóm)")


def _too_many() -> _Limit:
    count = f"{limits.MAX_YAML_NODES:,}".replace(",", ".")
    return _Limit(f"có quá nhiều mục (hơn {count} mục khi mở hết các tham chiếu &/*)")


class _Bounded(yaml.composer.Composer, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """The safe composer and constructor, counting depth and nodes while composing, keeping odd scalars as
    text; the events come from the parser a subclass adds (libyaml's or PyYAML's own)."""

    def _start(self) -> None:
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        self._nodes += 1
        if self._depth > limits.MAX_YAML_DEPTH:
            raise _too_deep()
        if self._nodes > limits.MAX_YAML_NODES:
            raise _too_many()
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _Bounded):
    """PyYAML's pure-Python parser: the one whose errors vbhc words (line, column, problem)."""

    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        self._start()


_FAST: Callable[[str], Any] | None = None  # libyaml's parser, when PyYAML was built with it (≈9× faster)

if yaml.__with_libyaml__:
    class _CLoader(_Bounded, yaml.CSafeLoader):
        """libyaml's events (`check_event`, `get_event`: the parser's interface) under the same composer."""

        def __init__(self, stream: str):
            yaml.CSafeLoader.__init__(self, stream)
            self._start()

    _FAST = _CLoader


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date, when it is one; "2026-02-30" stays the text, so the field check can name it."""
    try:
        value = yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)
    return value


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """An int, unless it is too long for Python to read (over 4,300 digits): then the text."""
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


def _refused(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    raise _Limit(f"có kiểu giá trị {node.tag.rsplit(':', 1)[-1]} (dòng {node.start_mark.line + 1}) không dùng được "
                 "trong văn bản: chỉ chữ, số, ngày, danh sách và nhóm trường")


_Bounded.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Bounded.add_constructor("tag:yaml.org,2002:int", _int)
# what a document cannot hold, or JSON cannot write: bytes, sets, ordered pairs
for _tag in ("binary", "set", "omap", "pairs"):
    _Bounded.add_constructor(f"tag:yaml.org,2002:{_tag}", _refused)

# Characters XML 1.0 cannot carry (a .docx is XML): C0 controls but tab and line ends, surrogates,
# U+FFFE/U+FFFF. YAML lets them in through escapes ("\x1b", "\0") in double-quoted scalars.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _expanded(node: yaml.Node, depth: int, memo: dict[int, tuple[int, int]], open_: set[int]) -> tuple[int, int]:
    """(nodes, height) under `node` with every alias expanded, a shared node counted wherever it
    is used. Raises as soon as the expansion at `depth` is too deep or too large, or loops."""
    key = id(node)
    if key in open_:
        raise _Limit("có tham chiếu vòng (một mục chứa chính nó qua &/*)")
    if key not in memo:
        if isinstance(node, yaml.SequenceNode):
            children: list[yaml.Node] = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
            bad = _NOT_XML.search(node.value) if isinstance(node.value, str) else None
            if bad:
                raise _Limit(f"có ký tự điều khiển {printable(bad.group())} ở dòng {node.start_mark.line + 1} "
                             "(không viết được vào văn bản)")
        open_.add(key)
        total, height = 1, 1
        for child in children:
            count, below = _expanded(child, depth + 1, memo, open_)
            total += count
            height = max(height, below + 1)
            if total > limits.MAX_YAML_NODES:
                raise _too_many()
        open_.discard(key)
        memo[key] = (total, height)
    total, height = memo[key]
    if depth + height - 1 > limits.MAX_YAML_DEPTH:
        raise _too_deep()
    return total, height


def _syntax(exc: yaml.YAMLError, text: str) -> str:
    mark = getattr(exc, "problem_mark", None)
    where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML refuses (NUL, most controls)
        where = f" ở dòng {text.count(chr(10), 0, exc.position) + 1}"
    problem = str(getattr(exc, "problem", None) or exc)
    words = next((w for needle, w in PROBLEMS if needle in problem), None)
    return f"không đúng cú pháp YAML{where}" + (f": {words}" if words else "")


# Where libyaml reads what PyYAML's own parser refuses (a tab in a plain scalar, "?" in a flow mapping:
# found by comparing the two on mutated profiles and data files): such a text is read by PyYAML's parser
# only, as it always was.
_PURE_ONLY = re.compile("[\t?!\ufeff]")
# What reading can raise on bad input: each becomes the officer's message below.
_FAILURES = (_Limit, yaml.YAMLError, ValueError, OverflowError, RecursionError, TypeError)


def _value_of(loader_class: Callable[[str], Any], text: str) -> Any:
    loader = loader_class(text)  # the reader refuses control characters here already
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded(node, 1, {}, set())
        return loader.construct_document(node)
    finally:
        loader.dispose()


def loads(text: str, name: str, what: str = "tệp") -> Any:
    """The value of one YAML document within the limits; InputError(name, reason) otherwise.

    Read by libyaml when PyYAML has it; a text libyaml refuses is read again by PyYAML's own parser,
    whose errors are the ones worded here: the same value and the same message with or without libyaml."""
    if _FAST is not None and not _PURE_ONLY.search(text):
        try:
            return _value_of(_FAST, text)
        except _FAILURES:
            pass
    try:
        return _value_of(_Loader, text)
    except _Limit as exc:
        raise InputError(name, f"{what} {exc.reason}") from None
    except yaml.YAMLError as exc:
        raise InputError(name, f"{what} {_syntax(exc, text)}") from None
    except (ValueError, OverflowError, RecursionError, TypeError) as exc:
        raise InputError(name, f"{what} có giá trị không đọc được ({_value_problem(exc)})") from None


def load(path: str | os.PathLike[str], what: str = "tệp") -> Any:
    """A YAML (or JSON) file read whole within `limits.MAX_YAML_BYTES`, then `loads`."""
    return loads(read_utf8(path, limits.MAX_YAML_BYTES, what), str(path), what)

