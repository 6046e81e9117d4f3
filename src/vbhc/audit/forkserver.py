"""The fork server the audit's workers are forked from, started as early as the command can.

- Workers start from a multiprocessing fork server that has vbhc loaded (`vbhc.audit_preload`),
  so a worker, and a replacement after a timeout or a crash, is a fork of a warm process; where
  there is no fork server (Windows), spawn. Never a plain fork of the audit itself: it runs
  threads (pebble's, the progress bar).
- `prestart` starts it before anything else of the audit is imported: its loading (≈ 0.2 s) runs
  beside the parent's own work (imports, the parent plan's profile), which is why this module
  imports nothing of vbhc.
- It is started with SIGINT blocked, so that a Ctrl-C while it loads is ignored by it instead of
  printing its traceback.
- multiprocessing's resource tracker is started told to keep quiet about the locks a killed
  audit leaves behind (it removes them all the same).
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

PRELOAD = ["vbhc.audit_preload"]


def context() -> Any:
    """The fork server (preloaded) where there is one, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (the fork server would) with its "leaked
    semaphore" warning off: after a SIGKILL of the audit it would print one for pebble's locks."""
    from multiprocessing import resource_tracker

    sys.warnoptions.append(QUIET_TRACKER)  # passed on to the tracker's command line
    try:
        resource_tracker.ensure_running()
    finally:
        sys.warnoptions.remove(QUIET_TRACKER)


def prestart() -> None:
    """Start the fork server now, without waiting for it: it loads vbhc and the word list while
    the caller goes on (its imports, the parent plan's profile, finding the files). SIGINT is
    blocked while it is started, so it is born with SIGINT blocked and `vbhc.audit_preload`
    ignores it before unblocking. A no-op where workers are spawned or the server runs."""
    ctx = context()
    if ctx.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    try:
        _start_resource_tracker()  # first: starting it unblocks SIGINT again
        with _sigint_blocked():
            forkserver.ensure_running()
    except OSError:  # the pool will try again, and report a failure to start
        pass


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back (not lost) in this thread for the block; processes started in it inherit the mask."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if signal.SIGINT not in previous:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
