"""The child processes that read uploads: a hostile file can neither stall nor crash the server.

Every job (`vbhc.serve.jobs`) runs in a worker of a pebble process pool, started as the audit's
workers are (`vbhc.audit.forkserver.context`: forks of a warm fork server that has vbhc and the word
segmenter loaded). Around the readers' own limits, which apply in the child exactly as in the CLI,
the runner sets:
- a clock: a job past `timeout` seconds (60, as `vbhc audit --timeout`) has its worker killed and
  replaced, and the request gets a Vietnamese reason;
- a memory ceiling: the worker's address space is capped (RLIMIT_AS, `MEMORY_LIMIT_BYTES`), so a
  file that slips past the readers' limits fails alone instead of pushing the server into swap;
- a worker that dies (a segfault in a library) is replaced by pebble, and only its job fails.
The event loop awaits the job's future, so the server goes on answering while a child works.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from vbhc.errors import VbhcError

MB = 1024 * 1024
# The CLI keeps any refusal under 500 MB resident (tests/hostile); the address space of a warm
# child is ~90 MB and LibreOffice converting a .doc runs well within this.
MEMORY_LIMIT_BYTES = 1024 * MB
TIMEOUT_SECONDS = 60.0  # the audit's per-file clock (`vbhc audit --timeout`)


class JobFailed(VbhcError):
    """A job that ran out of time or whose worker died: the reason, in Vietnamese."""


def _on_sigterm(signum: int, frame: Any) -> None:
    """pebble stops a worker past its clock with SIGTERM: unwind (a LibreOffice converting a .doc
    is then stopped by the reader that started it), then the worker ends."""
    raise SystemExit(128 + signal.SIGTERM)


def start_child(memory_bytes: int | None, config_path: str | None) -> None:
    """Run once in each worker before its first job."""
    from vbhc.serve import jobs

    jobs.configure(config_path)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's business
    signal.signal(signal.SIGTERM, _on_sigterm)
    from vbhc.audit.worker import _die_with_parent

    _die_with_parent()
    if memory_bytes and sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


class Runner:
    """A pool of child processes for one server process."""

    def __init__(self, jobs: int | None = None, timeout: float = TIMEOUT_SECONDS,
                 memory_bytes: int | None = MEMORY_LIMIT_BYTES, config_path: str | None = None):
        from pebble import ProcessPool

        from vbhc.audit.forkserver import context

        self.timeout = timeout
        self.jobs = jobs or max(1, os.cpu_count() or 1)
        self.pool = ProcessPool(max_workers=self.jobs, initializer=start_child, initargs=(memory_bytes, config_path),
                                context=context())

    async def run(self, job: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        """The job's result in a child; JobFailed when it ran out of time or its worker died. A
        request that goes away (the officer closed the page) cancels the job and frees its worker."""
        from concurrent.futures import TimeoutError as JobTimeout

        from pebble import ProcessExpired

        from vbhc.audit.pool import CRASH_MESSAGE, exit_words, timeout_message

        future = self.pool.schedule(job, args, timeout=self.timeout)
        try:
            return await asyncio.wrap_future(future)
        except JobTimeout:
            raise JobFailed(f"{timeout_message(self.timeout)}; tệp bị từ chối") from None
        except ProcessExpired as exc:
            raise JobFailed(f"{CRASH_MESSAGE} ({exit_words(exc.exitcode)}); tệp bị từ chối") from None
        except asyncio.CancelledError:
            future.cancel()
            raise

    def close(self) -> None:
        self.pool.stop()
        self.pool.join()
