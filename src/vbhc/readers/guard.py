"""Guards the readers use against hostile input: a wall-clock deadline, a zip preflight.

`deadline(seconds)` raises `Timeout` inside whatever runs too long, even inside one call into a
library (pdfminer interpreting one pathological page), by arming `SIGALRM` with `setitimer`.
That works only in the main thread of a process on a POSIX system; elsewhere (threads, Windows)
it does nothing and the caller's own between-steps clock checks are the limit. It also does
nothing when an interval timer is already armed (a caller such as a per-file audit worker
owns SIGALRM then), so it never steals or cancels someone else's alarm.
"""

from __future__ import annotations

import signal
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vbhc import limits


class Timeout(BaseException):
    """The deadline passed. A BaseException, so library code that catches `Exception` (pdfminer
    wraps everything it catches) lets it through to the reader that set the deadline."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise Timeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


class Clock:
    """Elapsed time against a limit, for checks between steps."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.start = time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() - self.start > self.seconds


_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


def zip_directory_facts(path: Path) -> tuple[int, int] | None:
    """(number of entries, central directory size) from the zip's end records, or None.

    Read from the last 64 KiB of the file, before `zipfile` builds an object per entry, so a
    directory of a million entries is refused without parsing it. None when the end record is
    not found (zipfile will then report the file as damaged).
    """
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        back = min(size, 65536 + 22 + 20)
        fh.seek(size - back)
        tail = fh.read(back)
    at = tail.rfind(_EOCD)
    if at < 0 or at + 22 > len(tail):
        return None
    _, _, _, _, entries, cd_size, _, _ = struct.unpack("<4sHHHHIIH", tail[at:at + 22])
    loc = at - 20
    if (entries == 0xFFFF or cd_size == 0xFFFFFFFF) and loc >= 0 and tail[loc:loc + 4] == _ZIP64_LOCATOR:
        (eocd64_offset,) = struct.unpack("<Q", tail[loc + 8:loc + 16])
        with path.open("rb") as fh:
            fh.seek(min(eocd64_offset, size))
            rec = fh.read(56)
        if len(rec) == 56 and rec[:4] == _ZIP64_EOCD:
            entries, cd_size = struct.unpack("<QQ", rec[32:48])
    return entries, cd_size


def zip_preflight_reason(path: Path) -> str | None:
    """Why a zip's directory is refused before it is parsed, or None."""
    facts = zip_directory_facts(path)
    if facts is None:
        return None
    entries, cd_size = facts
    if entries > limits.MAX_ZIP_ENTRIES:
        return (f"tệp .docx chứa {entries} phần, vượt giới hạn {limits.MAX_ZIP_ENTRIES} "
                "(nghi tệp độc hại, bị từ chối)")
    if cd_size > limits.MAX_ZIP_DIRECTORY_BYTES:
        return "tệp .docx có mục lục nén quá lớn (nghi tệp độc hại, bị từ chối)"
    return None
