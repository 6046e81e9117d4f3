"""One audit, start to end: find the files, take what the journal already has, check the rest in
the workers, and put the result together (rows in path order, so a resumed audit gives the same
result as one run straight through)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vbhc.audit import forkserver, pool, worker
from vbhc.audit.agencies import Agencies
from vbhc.audit.discovery import Task, discover
from vbhc.audit.errors import AuditError
from vbhc.audit.journal import JOURNAL_DEFAULT, Journal, json_bytes
from vbhc.audit.status import assess
from vbhc.fileio import write_atomic
from vbhc.readers import OFFICE_NAMES

if TYPE_CHECKING:
    from vbhc.report.rows import AuditRow, PlanView

PLAN_RULES = ("KH001", "KH002", "KH003", "KH004", "KH005", "KH006")


@dataclass
class Progress:
    """Callbacks for a progress display; the default does nothing."""

    start: Callable[[int, int], None] = lambda total, done: None
    advance: Callable[[str], None] = lambda rel: None


@dataclass
class AuditOutcome:
    result: dict[str, Any]
    journal: Path
    rows: list[AuditRow] = field(default_factory=list)  # the result's rows as the reports show them
    resumed: int = 0  # rows taken from the journal
    checked: int = 0  # rows computed in this run
    notes: list[str] = field(default_factory=list)
    stopping: threading.Thread | None = None  # the workers being stopped (run_audit's wait=False)

    def wait(self) -> None:
        """Return once every worker has stopped."""
        if self.stopping is not None:
            self.stopping.join()


def plan_rules_run(config: Any) -> list[str]:
    """The plan rules that exist and are switched on: only their absence means 'covered'."""
    from vbhc.rules import all_rules

    registry = all_rules()
    return sorted(r for r in PLAN_RULES if r in registry and config.enabled(r))


def profile_json(profile: Any) -> dict[str, Any] | None:
    """The parent plan's profile as the result carries it (every field of the Profile)."""
    if profile is None:
        return None
    data: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(profile), ensure_ascii=False, default=str))
    return data


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


def _header(directory: str | os.PathLike[str], view: dict[str, Any] | None, config: Any) -> dict[str, Any]:
    """What a resumed audit must share with its journal."""
    return {"root": os.path.realpath(directory), "profile": _digest(view),
            "config": _digest({"disabled": sorted(config.disabled), "severity": dict(config.severity)})}


def _check_folder(directory: str | os.PathLike[str]) -> None:
    if not os.path.exists(directory):
        raise AuditError(f"{directory}: không tìm thấy thư mục")
    if not os.path.isdir(directory):
        raise AuditError(f"{directory}: không phải thư mục")


@dataclass
class _Rows:
    """The rows of this audit as they come in (from the journal or from the workers)."""

    book: Journal
    progress: Progress
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    plans: dict[str, PlanView] = field(default_factory=dict)  # the workers' plan analyses, by row path
    checked: int = 0

    def resume(self, tasks: list[Task]) -> list[Task]:
        """Take the journal's rows for unchanged files; the files left to check."""
        todo = []
        for task in tasks:
            entry = self.book.lookup(task) if self.book.resumed else None
            if entry is None:
                todo.append(task)
            else:
                self.rows[task.rel], self.seconds[task.rel] = entry["row"], entry.get("seconds", 0.0)
        return todo

    def add(self, task: Task, outcome: pool.Outcome) -> None:
        self.rows[task.rel], self.seconds[task.rel] = outcome.row, outcome.seconds
        if outcome.plan is not None:
            self.plans[task.rel] = outcome.plan
        self.book.record(task, outcome.text, outcome.seconds)
        self.checked += 1
        self.progress.advance(task.rel)


def run_audit(directory: str | os.PathLike[str], *, profile: Any = None, config: Any = None,
              jobs: int | None = None, timeout: float = 60.0, journal: str | os.PathLike[str] = JOURNAL_DEFAULT,
              resume: bool = False, exclude: Iterable[str | os.PathLike[str]] = (),
              reference: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None,
              check: worker.FileCheck = worker.check_row, expected: Agencies | None = None,
              wait: bool = True) -> AuditOutcome:
    """Audit a folder; rows are written to the journal as they finish. Raises AuditError for bad
    usage. `check` is what a worker runs on each file (tests pass doubles here); `expected`: the
    agencies that must submit (--expected), matched with the files once all are checked. With
    `wait=False` the workers are still stopping when it returns: `AuditOutcome.wait()` waits."""
    from vbhc.check import Config

    config = config or Config()
    _check_folder(directory)
    progress = progress or Progress()
    forkserver.prestart()  # the fork server loads while the files are found and the journal is read
    journal_file = Path(journal)
    tasks, skipped = discover(directory, exclude=[*exclude, journal_file], reference=reference,
                              lists=[expected.source] if expected is not None and expected.source else [])
    view = profile_json(profile)
    book = Journal(journal_file, _header(directory, view, config), resume)
    state = _Rows(book=book, progress=progress)
    plan_rules = plan_rules_run(config) if profile is not None else []  # (imports the rules while the workers start)
    started = time.monotonic()
    stopping = None
    try:
        todo = state.resume(tasks)
        progress.start(len(tasks), len(state.rows))
        with _sigterm_as_interrupt():
            if todo:
                stopping = pool.run(todo, jobs=max(1, min(jobs or os.cpu_count() or 1, len(todo))), timeout=timeout,
                                    on_row=state.add, check=check, config=config, profile=profile, view=view,
                                    wait=wait)
    finally:
        book.close()
    outcome = AuditOutcome(result={}, journal=journal_file, resumed=len(tasks) - len(todo), checked=state.checked,
                           stopping=stopping)
    if not tasks:
        outcome.notes.append(f"không có tệp {OFFICE_NAMES} nào trong thư mục {directory}")
    if resume and not book.resumed:
        outcome.notes.append(f"không có nhật ký {journal_file}: kiểm tra toàn bộ thư mục")
    outcome.result, outcome.rows = _result(directory, view, plan_rules, tasks, state, skipped,
                                           time.monotonic() - started, expected)
    return outcome


def _result(directory: str | os.PathLike[str], view: dict[str, Any] | None, plan_rules: list[str],
            tasks: list[Task], state: _Rows, skipped: list[dict[str, str]], seconds: float,
            expected: Agencies | None = None) -> tuple[dict[str, Any], list[AuditRow]]:
    timing = {"seconds": round(seconds, 3), "files": {t.rel: state.seconds[t.rel] for t in tasks}}
    return audit_result([state.rows[t.rel] for t in tasks], tool="vbhc audit", root=os.path.realpath(directory),
                        view=view, plan_rules=plan_rules, expected=expected, skipped=skipped, timing=timing,
                        plans=state.plans)


def audit_result(rows: list[dict[str, Any]], *, tool: str, root: str, view: dict[str, Any] | None,
                 plan_rules: list[str], expected: Agencies | None, skipped: list[dict[str, str]],
                 timing: dict[str, Any], plans: dict[str, PlanView] | None = None,
                 ) -> tuple[dict[str, Any], list[AuditRow]]:
    """The result the reports read, for `vbhc audit` and a collection of `vbhc serve` alike: the
    rows (changed in place) given their plan_status and agency, the agencies, the summary; and the
    rows as the reports show them (made once: the summary counts them, the reports show them).
    `plans`: the rows' plan analyses the workers made, by path; the others are made here."""
    from vbhc.report.rows import audit_row, rows_summary

    assessment = assess(rows, expected)
    plans = plans or {}
    shown = [audit_row(r, view, plans.get(r["path"])) for r in rows]
    return {
        "tool": tool,
        "root": root,
        "profile": view,
        "plan_rules": plan_rules,
        "expected": {"path": expected.source, "agencies": len(expected)} if expected is not None else None,
        "files": rows,
        "agencies": assessment.agencies,
        "summary": {**rows_summary(shown, skipped, view), **assessment.summary},
        "skipped": skipped,
        "timing": timing,
    }, shown


class Terminated(KeyboardInterrupt):
    """SIGTERM during an audit: unwind like Ctrl-C so the workers are stopped and the journal closed."""


class _sigterm_as_interrupt:  # noqa: N801 - used as a `with` statement
    """SIGTERM raises Terminated in the main thread for the duration of the block."""

    def __enter__(self) -> None:
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, self._raise)

    @staticmethod
    def _raise(signum: int, frame: Any) -> None:
        raise Terminated()

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def exit_code(result: dict[str, Any]) -> int:
    """`report.results.exit_status` of the rows: the one policy `check` follows too (the findings
    of a file that is not a plan are not counted)."""
    from vbhc.report.results import exit_status

    rows = result["files"]
    plans = [r for r in rows if r.get("plan_status") != "not_a_plan"]  # a note's layout is not the audit's
    return exit_status(unreadable=sum(r.get("status") == "error" for r in rows),
                       errors=sum(f.get("severity") == "error" for r in plans for f in r.get("findings", [])))


def result_json(result: dict[str, Any]) -> bytes:
    """The result as JSON (UTF-8): the top level indented, each file's row on one line. (An indented
    dump of every row goes through Python's slow encoder: 4× the time on 200 plans.)"""
    parts = []
    for key, value in result.items():
        if key == "files" and value:
            body = b",\n    ".join([json_bytes(row) for row in value])
            parts.append(b'  "files": [\n    ' + body + b"\n  ]")
        else:
            parts.append(b"  " + json_bytes(key) + b": " + json_bytes(value))
    return b"{\n" + b",\n".join(parts) + b"\n}\n"


def write_json(result: dict[str, Any], path: str | os.PathLike[str]) -> None:
    write_atomic(path, result_json(result))
