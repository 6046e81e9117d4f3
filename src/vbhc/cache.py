"""What vbhc keeps between runs on this machine, so that each command does not redo the same start-up
work: the compiled regular expressions (`vbhc.rx`) and the index of the general word list
(`profile.wordlist`), together ≈50 ms of a 150 ms check; and the segmentation model's words for a
parent plan's indicators (`profile.segmenter`), ≈170 ms of a check against a parent read before.

An entry is one file, named by what it holds and by a stamp of where it came from (the `regex`
version, the word list's size and time, the interpreter), in `$VBHC_CACHE_DIR`, else
`$XDG_CACHE_HOME/vbhc`, else `~/.cache/vbhc`; `VBHC_CACHE_DIR=` (empty) turns the cache off. It is
only a cache: a missing, foreign, stale or damaged file (its checksum is kept in it) counts as absent,
and a write that fails (a read-only home, a full disk) is dropped, so nothing here raises or prints.
Writes are atomic (`fileio.write_atomic`): processes side by side, like audit workers, each read a
whole file, and the last writer wins.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import Any, cast

from vbhc.limits import MAX_CACHE_BYTES

FORMAT = 1
ENV = "VBHC_CACHE_DIR"


def folder() -> Path | None:
    """Where the cache lives, or None when it is turned off or no home folder is known."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative value is ignored
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "vbhc"


def _stamp(stamp: str) -> str:
    return f"{FORMAT} {sys.implementation.cache_tag} {stamp}"


def _file(name: str, stamp: str) -> Path | None:
    where = folder()
    return None if where is None else where / f"{name}-{zlib.crc32(_stamp(stamp).encode()):08x}.marshal"


def load(name: str, stamp: str) -> object | None:
    """The value stored under this name and stamp, or None."""
    path = _file(name, stamp)
    if path is None:
        return None
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO there would block `open` for ever
            return None
        with open(path, "rb") as f:
            data = f.read(MAX_CACHE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_CACHE_BYTES or len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "big"):
        return None
    try:
        kept, value = marshal.loads(data[4:])
    except (ValueError, EOFError, TypeError):
        return None
    return value if kept == _stamp(stamp) else None


def writable() -> bool:
    """Whether a store is likely to be kept: the cache is on and its folder, or the nearest folder above
    it that exists, may be written (what is costly to prepare for the cache can be skipped otherwise)."""
    where = folder()
    while where is not None and not where.exists():
        where = None if where.parent == where else where.parent
    return where is not None and where.is_dir() and os.access(where, os.W_OK)


def store(name: str, stamp: str, value: object) -> None:
    """Keep a value made of marshal's types (str, bytes, int, tuple, list, dict) for the next runs."""
    from vbhc.errors import VbhcError
    from vbhc.fileio import write_atomic

    path = _file(name, stamp)
    if path is None:
        return
    try:
        payload = marshal.dumps(cast(Any, (_stamp(stamp), value)))
        if len(payload) + 4 > MAX_CACHE_BYTES:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, zlib.crc32(payload).to_bytes(4, "big") + payload)
    except (OSError, ValueError, VbhcError):
        pass
