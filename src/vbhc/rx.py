"""`regex.compile`, with the compiled patterns kept between runs (`vbhc.cache`).

`regex` parses and compiles a pattern in pure Python: ≈0.2 ms a pattern, 30 ms for the ≈140 that a
check compiles, a fifth of the whole command. A compiled pattern pickles to its engine code, and
unpickling hands that code straight to `regex`'s C engine without parsing again (≈10 µs). So the
patterns this process compiled are pickled at exit, and the next process on the machine unpickles them
all at its first `compile` (≈1 ms). The entry's stamp is the `regex` version, whose engine code it
holds; the unpickler accepts nothing but `regex`'s own compile function, so the file cannot make it
call anything else.
"""

from __future__ import annotations

import atexit
import threading
from typing import Any, AnyStr

import regex

from vbhc import cache
from vbhc.limits import MAX_CACHED_PATTERNS

NAME = "patterns"
STAMP = f"regex {regex.__version__}"
_ENGINE = ("regex._regex", "compile")

_lock = threading.Lock()
Patterns = dict[tuple[str | bytes, int], "regex.Pattern[Any]"]
_kept: Patterns | None = None
_new: Patterns = {}


def compile(pattern: AnyStr, flags: int = 0) -> regex.Pattern[AnyStr]:  # noqa: A001 - regex's own name
    """The compiled pattern, from the cache when an earlier run compiled it."""
    key = (pattern, int(flags))
    kept = _kept if _kept is not None else _load()
    found: regex.Pattern[AnyStr] | None = kept.get(key)
    if found is None:
        found = regex.compile(pattern, flags)
        with _lock:
            if len(kept) < MAX_CACHED_PATTERNS:
                if not _new:
                    atexit.register(_save)
                kept[key] = _new[key] = found
    return found


def _unpickle(data: object) -> Patterns:
    """The patterns in a cache entry; empty when it is not one (it never calls anything but regex's
    compile)."""
    import io
    import pickle

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            if (module, name) != _ENGINE:
                raise pickle.UnpicklingError(f"{module}.{name}")
            return super().find_class(module, name)

    if not isinstance(data, bytes):
        return {}
    try:
        value = Unpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - a damaged entry is an empty cache, whatever the unpickler says
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: p for k, p in value.items() if isinstance(p, regex.Pattern) and isinstance(k, tuple)
            and len(k) == 2 and k == (p.pattern, k[1])}


def _load() -> Patterns:
    global _kept
    with _lock:
        if _kept is None:
            _kept = _unpickle(cache.load(NAME, STAMP))
        return _kept


def _save() -> None:
    """At exit: this run's new patterns join those of the file as it is now (another process may have
    written it since this one read it)."""
    import pickle

    if not _new or not cache.writable():
        return
    merged = _unpickle(cache.load(NAME, STAMP))
    for key, pattern in _new.items():
        if len(merged) >= MAX_CACHED_PATTERNS:
            break
        merged.setdefault(key, pattern)
    try:
        data = pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, ValueError):
        return
    cache.store(NAME, STAMP, data)
    _new.clear()
