"""What runs inside an audit worker process: check one file, send back its row as JSON text.

A worker is started once (`start`: it keeps the check, the config and the parent plan's profile,
and warms up), then runs `check_one` for file after file: each file's row, and the row's plan
analysis as the reports show it (`report.rows.PlanView`), made here from the row as the parent would
make it after the last file, so that the workers make it side by side. The per-file check is a
parameter: the product passes `check_row`; the tests pass doubles that hang, crash or sleep (a
picklable callable with the same signature), so no hook lives in the product.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from vbhc.audit.journal import json_text

if TYPE_CHECKING:
    from vbhc.report.rows import PlanView

# (path to open, config, profile) -> the row of `vbhc check --format json` for that file
FileCheck = Callable[[str, Any, Any], dict[str, Any]]

_state: dict[str, Any] = {}

WARM_UP_PLAN = """ỦY BAN NHÂN DÂN
XÃ MẪU

Số: 1/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Xã Mẫu, ngày 1 tháng 7 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025

I. MỤC TIÊU

1. Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt từ 95% trở lên.

II. NHIỆM VỤ

1. Cải cách thể chế
a) Rà soát văn bản quy phạm pháp luật.

Nơi nhận:
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn A
"""


def check_row(path: str, config: Any, profile: Any) -> dict[str, Any]:
    """The product's per-file check: what `vbhc check` gives for the file (as `check_file` makes
    it), and what the audit must know of it besides ("submission": is it a plan, is it filled in)."""
    from vbhc.audit.submission import facts
    from vbhc.check import evaluate, file_result
    from vbhc.errors import InputError, debugging
    from vbhc.parse import parse_file
    from vbhc.report.results import FileResult

    try:
        parsed = parse_file(path)
    except InputError as exc:
        return FileResult(path=path, error=exc.reason).as_dict()
    except Exception as exc:  # a reader bug on one file must not stop the audit (as check_file)
        if debugging():
            raise
        return FileResult(path=path, error=f"không đọc được tệp (lỗi nội bộ: {type(exc).__name__}: {exc})").as_dict()
    row = file_result(path, parsed, evaluate(parsed, config, profile)).as_dict()
    row["submission"] = facts(parsed) if parsed.documents else None
    return row


def error_row(rel: str, reason: str) -> dict[str, Any]:
    return {"path": rel, "status": "error", "error": reason, "findings": [], "not_applicable": []}


def warm_up(config: Any = None, profile: Any = None) -> None:
    """Load what the first file would load (readers, rules, the language tools the plan rules
    use), so that no file's clock pays for it."""
    try:
        import vbhc.readers.docx  # noqa: F401
        import vbhc.readers.pdf  # noqa: F401
        from vbhc.check import run_rules
        from vbhc.model import Source
        from vbhc.parse import parse_source
        from vbhc.readers.text import lines_to_blocks

        source = Source(path="khoi-dong.txt", format="text", blocks=lines_to_blocks(WARM_UP_PLAN))
        run_rules(parse_source(source), config, profile)
    except Exception:  # noqa: BLE001 - warming up is only an optimisation
        pass


def _release_fork_server() -> None:
    """Close this worker's copy of the fork server's 'alive' pipe. Every process the fork server
    forks inherits it (so that it could start processes of its own, which a worker never does),
    and while one holds it the fork server outlives the audit; without it, the fork server ends
    when the audit ends."""
    try:
        from multiprocessing import forkserver

        server: Any = forkserver._forkserver  # type: ignore[attr-defined]
        fd = server._forkserver_alive_fd
        if fd is not None:
            server._forkserver_alive_fd = None
            os.close(fd)
    except (AttributeError, OSError):
        pass


def _die_with_parent() -> None:
    """Linux: be killed when the process that started this worker ends (the fork server, which
    ends with the audit), so that no worker outlives a killed audit, even one stuck in a file."""
    if not sys.platform.startswith("linux"):
        return
    _release_fork_server()
    try:
        import ctypes

        parent = os.getppid()
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before the call
            os._exit(1)
    except (OSError, AttributeError):
        pass


class Stopped(BaseException):
    """The pool stops this worker (its file ran past the timeout, or the audit ends) while it is in
    a file: unwind, so that what the file started (a LibreOffice converting a .doc) is stopped by
    the code that started it, then exit."""


STOPPED_EXIT = 128 + signal.SIGTERM


def _on_sigterm(signum: int, frame: Any) -> None:
    if _state.get("busy"):
        raise Stopped()
    os._exit(STOPPED_EXIT)


def start(check: FileCheck, config: Any, profile: Any, view: dict[str, Any] | None = None) -> None:
    """Run once in each worker before its first file; `view` is the parent's profile as the result
    carries it (`audit.run.profile_json`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the audit's business
    signal.signal(signal.SIGTERM, _on_sigterm)
    _die_with_parent()
    _state.update(check=check, config=config, profile=profile, view=view, busy=False)
    warm_up(config, profile)


def check_one(path: str, rel: str) -> tuple[str, float, PlanView | None]:
    """The row of one file as JSON text (what the journal keeps), the seconds it took, and its plan
    analysis as the reports show it (None where there is none to carry: no parent, no summary)."""
    started = time.perf_counter()
    _state["busy"] = True
    try:
        row = _state["check"](path, _state["config"], _state["profile"])
    except Stopped:
        os._exit(STOPPED_EXIT)
    except BaseException as exc:  # noqa: B036 - one file must never stop the worker
        row = error_row(rel, f"không kiểm tra được tệp (lỗi nội bộ: {type(exc).__name__}: {exc})")
    finally:
        _state["busy"] = False
    row["path"] = rel
    return json_text(row), round(time.perf_counter() - started, 3), _plan_view(row)


def _plan_view(row: dict[str, Any]) -> PlanView | None:
    view = _state.get("view")
    if view is None or not row.get("plan") or row.get("status") == "error":
        return None
    try:
        from vbhc.report.rows import plan_of

        return plan_of(row, view)
    except Exception:  # noqa: BLE001 - the parent makes it again from the row
        return None
