"""Imported once by `vbhc audit`'s fork server (multiprocessing forkserver preload), never by users.

It loads what every audit worker needs before its first file (pebble's worker loop, the readers, the
rule catalogue, the sub-plan analysis, the word list a sub-plan's indicators are cut by) and checks a
small sample plan once, so that each worker is a fork of this warm process instead of a fresh
interpreter that imports all of it again (~0.6 s per worker, and again for every worker replaced
after a timeout or a crash).
The objects loaded are then frozen out of the garbage collector's reach, so that the workers'
collections do not copy the pages they share with this process.

The fork server ignores Ctrl-C (the audit handles it): it is started with SIGINT blocked
(`vbhc.audit.forkserver.prestart`), and ignores it here before unblocking, so that a Ctrl-C while it
loads prints no traceback. A worker that fails while it starts (the audit stopped by Ctrl-C or
SIGTERM while it was being forked removes the locks it was about to open) prints nothing either:
the fork server's children report through sys.excepthook, made silent here; the audit reports a
worker that cannot start by its exit code. Nothing here touches a file or the network; a failure
only means the workers load these themselves.
"""

from __future__ import annotations

import gc
import signal
import sys

signal.signal(signal.SIGINT, signal.SIG_IGN)
if hasattr(signal, "pthread_sigmask"):
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _silent(*_exc: object) -> None:
    """sys.excepthook of the fork server and the workers it forks: no traceback on the officer's terminal."""


sys.excepthook = _silent

try:
    import pebble.pool.process  # noqa: F401 - what a forked worker runs: else each worker imports it (≈ 35 ms)

    import vbhc.check  # noqa: F401
    import vbhc.parse  # noqa: F401
    import vbhc.profile.subplan  # noqa: F401 - what a check against the parent's profile runs (≈ 10 ms a worker)
    import vbhc.readers.docx  # noqa: F401
    import vbhc.readers.pdf  # noqa: F401
    import vbhc.readers.text  # noqa: F401
    import vbhc.report.rows  # noqa: F401 - each row's plan analysis as the reports show it
    from vbhc.audit.worker import warm_up
    from vbhc.profile.wordlist import general_words
    from vbhc.rules import all_rules

    all_rules()
    # Not the segmentation model: a worker checks against the parent's profile, whose keys are
    # made, and cuts a sub-plan's indicators into the parent's words and this list (0.3 s saved
    # on the way to the first file).
    general_words()
    warm_up()
except Exception:  # noqa: BLE001 - preloading is only an optimisation
    pass
gc.freeze()
