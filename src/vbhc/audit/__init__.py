"""`vbhc audit`: check every plan in a folder (format and plan rules) in worker processes.

The parts, in the order an audit runs them:
- `discovery`: which files of the folder are checked, and why each other entry is skipped;
- `journal`: the append-only JSON-lines record of finished files (`--resume`), locked while used;
- `pool` and `worker`: the worker processes (pebble on a warm fork server), a clock on every file,
  a crash or a timeout as one error row;
- `run`: the audit from start to end, and its result (rows in path order);
- `agencies`: the list of agencies that must submit (--expected) and which one sent each file;
- `submission` (in the worker) and `status`: what each file is (plan_status), which of two plans
  of one agency counts, who has not submitted;
- `progress`: the progress bar.
What the reports show of each row is computed in `vbhc.report.rows`, not here.
"""

from __future__ import annotations

from vbhc.audit.agencies import Agencies, Agency, read_agencies
from vbhc.audit.discovery import SUPPORTED, Task, discover
from vbhc.audit.errors import AuditError
from vbhc.audit.journal import JOURNAL_DEFAULT, Journal, journal_path, json_text
from vbhc.audit.pool import CRASH_MESSAGE, prestart, timeout_message
from vbhc.audit.progress import rich_progress
from vbhc.audit.run import AuditOutcome, Progress, exit_code, run_audit, write_json
from vbhc.audit.status import PLAN_STATUSES, assess
from vbhc.audit.worker import FileCheck, check_row, error_row

__all__ = ["CRASH_MESSAGE", "JOURNAL_DEFAULT", "PLAN_STATUSES", "SUPPORTED", "Agencies", "Agency", "AuditError",
           "AuditOutcome", "FileCheck", "Journal", "Progress", "Task", "assess", "check_row", "discover", "error_row",
           "exit_code", "journal_path", "json_text", "prestart", "read_agencies", "rich_progress", "run_audit",
           "timeout_message", "write_json"]
