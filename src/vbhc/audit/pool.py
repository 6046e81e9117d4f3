"""The audit's worker processes: pebble's ProcessPool on a warm fork server.

pebble does what the audit needs of a pool: a clock on every file (a file past the timeout has
its worker killed and replaced), a worker that dies (segfault, os._exit) is replaced and its file
fails alone, workers ignore Ctrl-C and stop on SIGTERM, and `stop()` leaves no worker behind.
Here only what pebble does not do:
- workers start from a warm fork server (`vbhc.audit.forkserver`), so a worker, and a replacement
  after a timeout or a crash, is a fork of a process that has vbhc loaded;
- each worker lets go of the fork server (closes its copy of the server's "alive" pipe, which
  would keep the server running as long as any worker lives) and asks Linux to kill it when the
  fork server ends (`worker.start`), which then happens when the audit ends, even by SIGKILL:
  no orphan stays behind, busy or not;
- a worker stopped in a file (pebble's SIGTERM on a timeout) unwinds first, so that what the
  file started (LibreOffice converting a .doc) is stopped by the code that started it;
- a file's outcome (row, timeout, crash) becomes one row in the audit's words.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vbhc.audit import worker
from vbhc.audit.discovery import Task
from vbhc.audit.errors import AuditError
from vbhc.audit.forkserver import context
from vbhc.audit.journal import json_text, json_value
from vbhc.quantities import vn_number

if TYPE_CHECKING:
    from vbhc.report.rows import PlanView

CRASH_MESSAGE = "tiến trình kiểm tra bị dừng bất thường"
BROKEN_MESSAGE = ("các tiến trình kiểm tra dừng bất thường, không kiểm tra tiếp được; kết quả đã có nằm trong nhật ký, "
                  "chạy lại với --resume để làm tiếp")

# How often the audit looks whether the pool still stands while no file finishes: workers that all die as they
# start break pebble's pool, and the files still queued then never finish.
WATCH_SECONDS = 2.0

# How long a kind of file takes to check, in rank: a .doc, .odt or .rtf goes through LibreOffice (≈1 s), a
# PDF's text is drawn page by page, a .docx is read from its XML, a .txt is read as it is.
COST_RANK = {".doc": 3, ".odt": 3, ".rtf": 3, ".pdf": 2, ".docx": 1, ".txt": 0}


def longest_first(tasks: list[Task]) -> list[Task]:
    """The order files are handed to the workers: the slowest kind first and, within a kind, the
    largest file first, so that the workers finish together (a 5 s PDF handed out last would keep one
    worker busy while the others wait). Rows still come out in the folder's order."""
    def cost(t: Task) -> tuple[int, int]:
        dot = t.rel.rfind(".")
        return COST_RANK.get(t.rel[dot:].lower() if dot >= 0 else "", 0), t.size

    return sorted(tasks, key=cost, reverse=True)


@dataclass
class Outcome:
    """A file's row, the same as JSON text (what the journal keeps), the seconds it took, and the
    row's plan analysis as the reports show it when the worker made it."""

    row: dict[str, Any]
    text: str
    seconds: float
    plan: PlanView | None = None

    @classmethod
    def error(cls, rel: str, reason: str, seconds: float) -> Outcome:
        row = worker.error_row(rel, reason)
        return cls(row, json_text(row), seconds)


OnRow = Callable[[Task, Outcome], None]


def timeout_message(seconds: float) -> str:
    return f"quá thời gian xử lý ({vn_number(seconds)} giây)"


def exit_words(code: int | None) -> str:
    if code is None:
        return "không rõ mã thoát"
    if code < 0:
        try:
            return f"tín hiệu {signal.Signals(-code).name}"
        except ValueError:
            return f"tín hiệu {-code}"
    return f"mã thoát {code}"


def _outcome(future: Future[tuple[str, float, PlanView | None]], task: Task, timeout: float) -> Outcome:
    """What a finished future stands for: the worker's row, or an error row for a timeout or a crash."""
    from concurrent.futures import TimeoutError as FileTimeout
    from concurrent.futures.process import BrokenProcessPool

    from pebble import ProcessExpired

    try:
        text, seconds, plan = future.result()
    except FileTimeout:
        return Outcome.error(task.rel, timeout_message(timeout), round(timeout, 3))
    except ProcessExpired as exc:
        return Outcome.error(task.rel, f"{CRASH_MESSAGE} ({exit_words(exc.exitcode)})", 0.0)
    except (BrokenProcessPool, RuntimeError) as exc:
        raise AuditError(BROKEN_MESSAGE) from exc
    return Outcome(json_value(text), text, seconds, plan)


def run(tasks: list[Task], *, jobs: int, timeout: float, on_row: OnRow,
        check: worker.FileCheck = worker.check_row, config: Any = None, profile: Any = None,
        view: dict[str, Any] | None = None, wait: bool = True) -> threading.Thread | None:
    """Check `tasks` in `jobs` workers; `on_row` gets each file's outcome as it finishes (in the
    caller's thread). Returns when every file has a row; Ctrl-C or SIGTERM (raised in the caller)
    stops the workers before it goes on up.

    With `wait=False`, once every file has its row the workers are stopped behind the caller's back:
    the thread returned joins the pool (pebble's threads notice a stop at their next 0.1 s tick),
    and the caller joins it when it is done with the result. It is not a daemon: the interpreter
    waits for it, so no worker outlives the audit either way."""
    from pebble import ProcessPool

    pool = ProcessPool(max_workers=jobs, initializer=worker.start, initargs=(check, config, profile, view),
                       context=context())
    try:
        try:
            futures: dict[Future[tuple[str, float, PlanView | None]], Task] = {
                pool.schedule(worker.check_one, (t.path, t.rel), timeout=timeout): t for t in longest_first(tasks)}
        except RuntimeError as exc:  # the pool broke while the files were handed out
            raise AuditError(BROKEN_MESSAGE) from exc
        pending = set(futures)
        while pending:
            try:
                for future in as_completed(pending, timeout=WATCH_SECONDS):
                    pending.discard(future)
                    task = futures[future]
                    on_row(task, _outcome(future, task, timeout))
            except TimeoutError:
                if not pool.active:  # broken before these files reached a worker: pebble never ends them
                    raise AuditError(BROKEN_MESSAGE) from None
    except BaseException:
        pool.stop()
        pool.join()
        raise
    pool.stop()
    if wait:
        pool.join()
        return None
    joining = threading.Thread(target=pool.join, name="vbhc-audit-stop")
    joining.start()
    return joining
