"""`vbhc audit`: check every plan in a folder (format and plan rules) in worker processes.

The parts, in the order an audit runs them:
- `discovery`: which files of the folder are checked, and why each other entry is skipped;
- `journal`: the append-only JSON-lines record of finished files (`--resume`), locked while used;
- `forkserver`: the warm process the workers are forked from, started first;
- `pool` and `worker`: the worker processes (pebble on a warm fork server), a clock on every file,
  a crash or a timeout as one error row;
- `run`: the audit from start to end, and its result (rows in path order);
- `agencies`: the list of agencies that must submit (--expected) and which one sent each file;
- `submission` (in the worker) and `status`: what each file is (plan_status), which of two plans
  of one agency counts, who has not submitted;
- `progress`: the progress bar.
What the reports show of each row is computed in `vbhc.report.rows`, not here.

The names below are imported from their module when first used, so that `vbhc audit` can start
the workers' fork server (`forkserver.prestart`) before it has imported the rest.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_HOMES = {
    "agencies": ("Agencies", "Agency", "read_agencies"),
    "discovery": ("SUPPORTED", "Task", "discover"),
    "errors": ("AuditError",),
    "journal": ("JOURNAL_DEFAULT", "Journal", "journal_path", "json_text"),
    "forkserver": ("prestart",),
    "pool": ("CRASH_MESSAGE", "timeout_message"),
    "progress": ("rich_progress",),
    "run": ("AuditOutcome", "Progress", "exit_code", "run_audit", "write_json"),
    "status": ("PLAN_STATUSES", "assess"),
    "worker": ("FileCheck", "check_row", "error_row"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = ["CRASH_MESSAGE", "JOURNAL_DEFAULT", "PLAN_STATUSES", "SUPPORTED", "Agencies", "Agency", "AuditError",
           "AuditOutcome", "FileCheck", "Journal", "Progress", "Task", "assess", "check_row", "discover", "error_row",
           "exit_code", "journal_path", "json_text", "prestart", "read_agencies", "rich_progress", "run_audit",
           "timeout_message", "write_json"]


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'vbhc.audit' has no attribute {name!r}")
    value = getattr(import_module(f"vbhc.audit.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from vbhc.audit.agencies import Agencies, Agency, read_agencies
    from vbhc.audit.discovery import SUPPORTED, Task, discover
    from vbhc.audit.errors import AuditError
    from vbhc.audit.forkserver import prestart
    from vbhc.audit.journal import JOURNAL_DEFAULT, Journal, journal_path, json_text
    from vbhc.audit.pool import CRASH_MESSAGE, timeout_message
    from vbhc.audit.progress import rich_progress
    from vbhc.audit.run import AuditOutcome, Progress, exit_code, run_audit, write_json
    from vbhc.audit.status import PLAN_STATUSES, assess
    from vbhc.audit.worker import FileCheck, check_row, error_row
