"""The audit's journal: JSON lines, a header (what the audit was run with), then one line per file.

Each finished file is appended at once, so an interrupted audit keeps what it did and `--resume`
finishes the rest. The journal is locked (flock) while an audit writes it: a second audit on the
same journal stops with a clear message instead of interleaving lines. File names are kept
losslessly: a name that is not UTF-8 (bytes the OS gave as surrogate escapes) is written as JSON
"\\udcff" escapes, which read back to the same name.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import IO, Any

import orjson

from vbhc.audit.discovery import Task
from vbhc.audit.errors import AuditError

JOURNAL_DEFAULT = "vbhc-audit.jsonl"
JOURNAL_VERSION = 1
MAGIC = "vbhc audit"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Fields of the header a resumed audit must share with the journal, and how to name each.
MUST_MATCH = (("root", "thư mục"), ("profile", "kế hoạch cấp trên (hồ sơ)"), ("config", "cấu hình"))


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON that is valid UTF-8 whatever the strings hold: readable Vietnamese, and lone
    surrogates (undecodable file names) as \\u escapes, which json.loads turns back into them.

    orjson writes it (4× the standard encoder: a 200-plan audit's 5 MB result in 10 ms instead of
    40) where it can; it refuses a lone surrogate, which the standard encoder then writes."""
    if indent is None:
        return json_bytes(value).decode("utf-8")
    return _standard_text(value, indent)


def json_value(text: str | bytes) -> Any:
    """`json.loads`, by orjson where it can (3–4× faster: the parent reads every worker's row while
    the workers use both cores); a lone surrogate escape ("\\udcff" of an undecodable file name),
    which orjson refuses, by the standard decoder."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def json_bytes(value: Any) -> bytes:
    """`json_text` as UTF-8 bytes: what is written to a file is not decoded from orjson's bytes and
    encoded back (the --json result of 200 plans is 5 MB: that was half the time of making it)."""
    try:
        return orjson.dumps(value, default=str)
    except TypeError:  # orjson.JSONEncodeError: a lone surrogate, an integer past 64 bits
        return _standard_text(value).encode("utf-8")


def _standard_text(value: Any, indent: int | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def journal_path(*outputs: str | None) -> Path:
    """Next to the first chosen output (same stem, .jsonl), or vbhc-audit.jsonl here."""
    for out in outputs:
        if out:
            return Path(out).with_suffix(".jsonl")
    return Path(JOURNAL_DEFAULT)


def _lock(file: IO[bytes], path: Path) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; one audit per journal is then the user's care
        return
    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        file.close()
        raise AuditError(f"{path}: nhật ký đang được một lượt vbhc audit khác ghi; chờ lượt đó xong "
                         "hoặc ghi báo cáo vào chỗ khác") from None
    except OSError:  # a file system without locks (some network shares): go on unlocked
        return


def _open_locked(path: Path) -> IO[bytes]:
    """The journal opened for reading and writing, created if absent, locked, and not yet
    truncated: a second audit must not empty the journal the first is writing."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise AuditError(f"{path}: không mở được nhật ký ({exc.strerror or exc})") from None
    file = os.fdopen(fd, "r+b")
    _lock(file, path)
    return file


class Journal:
    """An open, locked journal. `done` holds what a resumed journal already has, by file."""

    def __init__(self, path: str | os.PathLike[str], header: dict[str, Any], resume: bool):
        self.path = Path(path)
        self.done: dict[str, dict[str, Any]] = {}  # rel → {"key", "row", "seconds"}
        existed = self.path.exists()
        self.file = _open_locked(self.path)
        self.resumed = resume and existed
        try:
            if self.resumed:
                self._load(header)
                self.file.seek(0, os.SEEK_END)
            else:
                self.file.truncate(0)
                self._write({"journal": MAGIC, "version": JOURNAL_VERSION, **header})
        except BaseException:
            self.file.close()
            raise

    def _load(self, header: dict[str, Any]) -> None:
        raw = self.file.read()
        if raw and not raw.endswith(b"\n"):  # a line cut short by the interruption
            raw = raw[: raw.rfind(b"\n") + 1]
            self.file.truncate(len(raw))
        lines = raw.decode("utf-8", errors="replace").splitlines()
        first = _entry(lines[0]) if lines else None
        if first is None or first.get("journal") != MAGIC:
            raise AuditError(f"{self.path}: không phải nhật ký của vbhc audit; bỏ --resume để chạy lại từ đầu")
        for name, words in MUST_MATCH:
            if first.get(name) != header.get(name):
                raise AuditError(f"{self.path}: nhật ký được tạo với {words} khác; bỏ --resume để chạy lại từ đầu")
        for line in lines[1:]:
            entry = _entry(line)
            key = entry.get("key") if entry else None
            if entry and isinstance(key, list) and key and isinstance(key[0], str) and "row" in entry:
                self.done[key[0]] = entry

    def _write(self, entry: dict[str, Any]) -> None:
        self.file.write((json_text(entry) + "\n").encode("utf-8"))
        self.file.flush()

    def lookup(self, task: Task) -> dict[str, Any] | None:
        """The journal's row for this file, if it is the same file (same size and time)."""
        entry = self.done.get(task.rel)
        return entry if entry and entry.get("key") == task.key else None

    def record(self, task: Task, row_text: str, seconds: float) -> None:
        """One finished file; `row_text` is its row as `json_text` wrote it (the worker's own text)."""
        line = f'{{"key": {json_text(task.key)}, "seconds": {json.dumps(seconds)}, "row": {row_text}}}\n'
        self.file.write(line.encode("utf-8"))
        self.file.flush()

    def close(self) -> None:
        self.file.close()  # closing releases the lock


def _entry(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None
