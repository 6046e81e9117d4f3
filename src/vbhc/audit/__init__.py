"""`vbhc audit`: check every plan in a folder (format and plan rules) in worker processes.

The parts, in the order an audit runs them:
- `discovery`: which files of the folder are checked, and why each other entry is skipped;
- `journal`: the append-only JSON-lines record of finished files (`--resume`), locked while used;
- `pool` and `worker`: the worker processes (pebble on a warm fork server), a clock on every file,
  a crash or a timeout as one error row;
- `run`: the audit from start to end, and its result (rows in path order);
- `progress`: the progress bar.
What the reports show of each row is computed in `vbhc.report.rows`, not here.
"""

from __future__ import annotations

from vbhc.audit.discovery import SUPPORTED, Task, discover
from vbhc.audit.errors import AuditError
from vbhc.audit.journal import JOURNAL_DEFAULT, Journal, journal_path, json_text
from vbhc.audit.pool import CRASH_MESSAGE, prestart, timeout_message
from vbhc.audit.progress import rich_progress
from vbhc.audit.run import AuditOutcome, Progress, exit_code, run_audit, write_json
from vbhc.audit.worker import FileCheck, check_row, error_row

__all__ = ["CRASH_MESSAGE", "JOURNAL_DEFAULT", "SUPPORTED", "AuditError", "AuditOutcome", "FileCheck", "Journal",
           "Progress", "Task", "check_row", "discover", "error_row", "exit_code", "journal_path", "json_text",
           "prestart", "rich_progress", "run_audit", "timeout_message", "write_json"]
