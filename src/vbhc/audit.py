"""`vbhc audit`: check every plan in a folder (format and plan rules) in worker processes.

The parent process finds the files, builds the parent plan's profile once and hands it (pickled)
to a small pool of worker processes of its own (forked from a fork server that has vbhc and the
word segmenter loaded, `vbhc.audit_preload`; spawned where there is none). Each worker parses and checks one file at a
time and sends the result back as JSON text over its own pipe. The parent keeps a clock on every
file: a file that runs past the timeout has its worker killed and replaced, and a worker that
dies (segfault, os._exit) is replaced too; either way the file becomes an error row and the audit
goes on. Every finished row is appended to a journal (JSON lines) at once, so an interrupted
audit keeps what it did and `--resume` finishes the rest; rows are sorted by path, so a resumed
audit gives the same result as one run straight through.

Test hooks (honoured by the workers only when set; for the test suite, never for users):
  VBHC_TEST_HANG_ON=<substring>    a file whose relative path contains it hangs its worker
  VBHC_TEST_CRASH_ON=<substring>   ... makes its worker exit at once (os._exit(70)), like a crash
  VBHC_TEST_SLOW_ON=<substring>    ... sleeps VBHC_TEST_SLOW_SECONDS (default 30) before checking
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, is_dataclass
from multiprocessing.connection import wait as wait_for
from pathlib import Path
from typing import Any

from vbhc.errors import VbhcError
from vbhc.fileio import write_atomic
from vbhc.quantities import vn_number

SUPPORTED = (".docx", ".pdf", ".txt")
CRASH_MESSAGE = "tiến trình kiểm tra bị dừng bất thường"
JOURNAL_DEFAULT = "vbhc-audit.jsonl"
JOURNAL_VERSION = 1
HOOKS = ("VBHC_TEST_HANG_ON", "VBHC_TEST_CRASH_ON", "VBHC_TEST_SLOW_ON", "VBHC_TEST_SLOW_SECONDS")
PLAN_RULES = ("KH001", "KH002", "KH003", "KH004", "KH005", "KH006")


class AuditError(VbhcError):
    """Bad usage or a journal that does not fit: one Vietnamese line, exit code 2."""


def timeout_message(seconds: float) -> str:
    return f"quá thời gian xử lý ({vn_number(seconds)} giây)"


# ---------------------------------------------------------------------------------------------
# Finding the files


@dataclass(frozen=True)
class Task:
    rel: str  # path relative to the audited folder, with "/" separators: the row's "path"
    path: str  # the path to open
    size: int
    mtime_ns: int

    @property
    def key(self) -> list[Any]:
        return [self.rel, self.size, self.mtime_ns]


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def discover(directory: str | os.PathLike[str], exclude: Iterable[str | os.PathLike[str]] = (),
             reference: Iterable[str | os.PathLike[str]] = ()) -> tuple[list[Task], list[dict[str, str]]]:
    """Every .docx, .pdf and .txt under `directory`, and the other entries with why they are skipped.

    Links are followed only when they point inside the folder (a file reached twice is audited
    once). `exclude` (the audit's own outputs and journal) is left out silently; `reference` (the
    parent plan) is listed as skipped.
    """
    root = os.path.realpath(directory)
    excluded = {os.path.realpath(p) for p in exclude}
    referenced = {os.path.realpath(p) for p in reference}
    found: list[tuple[bool, str, str, os.stat_result]] = []  # (via link, rel, real, stat)
    skipped: list[dict[str, str]] = []
    visited = {root}

    def skip(rel: str, reason: str) -> None:
        skipped.append({"path": rel, "reason": reason})

    def walk(folder: str, prefix: str, via_link: bool) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skip(prefix.rstrip("/") or ".", f"không mở được thư mục ({exc.strerror or exc})")
            return
        for entry in entries:
            rel = prefix + entry.name
            try:
                is_link = entry.is_symlink()
                real = os.path.realpath(entry.path)
                if real in excluded:
                    continue
                if is_link:
                    if not _within(real, root):
                        skip(rel, "liên kết trỏ ra ngoài thư mục được kiểm tra (không đi theo)")
                        continue
                    if not os.path.exists(real):
                        skip(rel, "liên kết hỏng (tệp đích không tồn tại)")
                        continue
                st = os.stat(entry.path)
            except OSError as exc:
                skip(rel, f"không đọc được thông tin tệp ({exc.strerror or exc})")
                continue
            if entry.name.startswith("."):
                skip(rel + ("/" if stat.S_ISDIR(st.st_mode) else ""), "tệp hoặc thư mục ẩn")
                continue
            if stat.S_ISDIR(st.st_mode):
                if is_link and not via_link and (entry.path, rel) not in deferred:
                    deferred.append((entry.path, rel))  # after the real folders, so they keep their own paths
                    continue
                if real in visited:
                    skip(rel + "/", "thư mục đã được duyệt (liên kết vòng hoặc trùng)")
                    continue
                visited.add(real)
                walk(entry.path, rel + "/", via_link or is_link)
                continue
            if not stat.S_ISREG(st.st_mode):
                skip(rel, "không phải tệp thông thường")
                continue
            ext = os.path.splitext(entry.name)[1].lower()
            if entry.name.startswith("~$"):
                skip(rel, "tệp khóa tạm của Word (không phải văn bản)")
            elif real in referenced:
                skip(rel, "kế hoạch cấp trên dùng để đối chiếu")
            elif ext in SUPPORTED:
                found.append((via_link or is_link, rel, real, st))
            elif ext == ".doc":
                skip(rel, "tệp Word 97–2003 (.doc): vbhc audit chỉ kiểm tra .docx, .pdf, .txt; hãy lưu lại thành .docx")
            else:
                skip(rel, f"phần mở rộng '{ext or '(không có)'}' không thuộc loại được kiểm tra (.docx, .pdf, .txt)")

    deferred: list[tuple[str, str]] = []
    walk(root if os.path.isdir(root) else str(directory), "", False)
    done: set[tuple[str, str]] = set()
    while len(done) < len(deferred):
        path, rel = next(d for d in deferred if d not in done)
        done.add((path, rel))
        real = os.path.realpath(path)
        if real in visited:
            skip(rel + "/", "thư mục đã được duyệt (liên kết vòng hoặc trùng)")
            continue
        visited.add(real)
        walk(path, rel + "/", True)
    tasks: list[Task] = []
    seen: dict[str, str] = {}
    for _via_link, rel, real, st in sorted(found, key=lambda f: (f[0], f[1])):
        if real in seen:
            skip(rel, f"trùng với tệp {seen[real]} (qua liên kết)")
            continue
        seen[real] = rel
        tasks.append(Task(rel=rel, path=os.path.join(str(directory), *rel.split("/")),
                          size=st.st_size, mtime_ns=st.st_mtime_ns))
    tasks.sort(key=lambda t: t.rel)
    skipped.sort(key=lambda s: s["path"])
    return tasks, skipped


# ---------------------------------------------------------------------------------------------
# The workers


def _hooks_from_env() -> dict[str, str]:
    return {k: os.environ[k] for k in HOOKS if os.environ.get(k)}


def _apply_hooks(hooks: dict[str, str], rel: str, parent_pid: int) -> None:
    """Test doubles for a hanging, crashing or slow file (see the module docstring).

    `parent_pid` is the worker's parent when it started (the audit, or the fork server that dies
    with it): once the worker is orphaned, a hang or a sleep ends."""
    if not hooks:
        return
    if hooks.get("VBHC_TEST_CRASH_ON") and hooks["VBHC_TEST_CRASH_ON"] in rel:
        os._exit(70)
    hang = hooks.get("VBHC_TEST_HANG_ON")
    slow = hooks.get("VBHC_TEST_SLOW_ON")
    seconds = 3600.0 if hang and hang in rel else None
    if seconds is None and slow and slow in rel:
        seconds = float(hooks.get("VBHC_TEST_SLOW_SECONDS", "30"))
    if seconds is not None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and os.getppid() == parent_pid:  # never outlive the audit
            time.sleep(0.05)


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


def _warm_up(config, profile) -> None:
    """Load what the first file would load (readers, rules, the language tools the plan rules use),
    so that no file's clock pays for the worker's start."""
    try:
        import vbhc.readers.docx  # noqa: F401
        import vbhc.readers.pdf  # noqa: F401
        from vbhc.check import run_rules
        from vbhc.model import Source
        from vbhc.parse import parse_source
        from vbhc.readers.text import lines_to_blocks

        source = Source(path="khoi-dong.txt", format="text", blocks=lines_to_blocks(WARM_UP_PLAN))
        run_rules(parse_source(source), config, profile)
    except Exception:  # warming up is only an optimisation
        pass


def _worker(conn, config, profile, hooks: dict[str, str], audit_pid: int) -> None:
    """One worker process: check the files it is sent, one at a time, until it gets None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    parent_pid = os.getppid()  # the audit (spawn) or its fork server (forkserver)
    from vbhc.check import check_file
    from vbhc.rules import all_rules

    all_rules()
    _warm_up(config, profile)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task_id, path, rel = message
        started = time.perf_counter()
        _apply_hooks(hooks, rel, parent_pid)
        try:
            row = check_file(path, config, profile).as_dict()
        except BaseException as exc:  # noqa: B036 - one file must never stop the worker
            row = error_row(rel, f"không kiểm tra được tệp (lỗi nội bộ: {type(exc).__name__}: {exc})")
        row["path"] = rel
        text = json.dumps(row, ensure_ascii=False, default=str)
        conn.send(("done", task_id, text, round(time.perf_counter() - started, 3)))


def error_row(rel: str, reason: str) -> dict[str, Any]:
    return {"path": rel, "status": "error", "error": reason, "findings": [], "not_applicable": []}


PRELOAD = ["vbhc.audit_preload"]


def _context():
    """How workers start: from a fork server that has vbhc and the word segmenter loaded
    (`vbhc.audit_preload`), so a worker, and a replacement after a timeout or a crash, is a fork
    of a warm process; where there is no fork server (Windows), spawn. Never a plain fork of the
    audit itself: it may be running threads (the progress bar)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def prestart() -> None:
    """Start the fork server now, without waiting for it: it loads vbhc and the word segmenter
    while the caller goes on (finding the files, building the parent plan's profile). A no-op
    where workers are spawned, or when the server already runs."""
    ctx = _context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        try:
            forkserver.ensure_running()
        except OSError:  # the pool will try again, and report a failure to start
            pass


@dataclass
class _Slot:
    process: Any
    conn: Any
    ready: bool = False
    task: tuple[int, Task] | None = None
    started: float = 0.0


class _Pool:
    """N worker processes, each with its own pipe, so one file's worker can be killed and replaced."""

    def __init__(self, size: int, config: Any, profile: Any, hooks: dict[str, str]):
        self.ctx = _context()
        self.args = (config, profile, hooks, os.getpid())
        self.slots: list[_Slot] = []
        self.startup_failures = 0
        for _ in range(size):
            self.slots.append(self._start())

    def _start(self) -> _Slot:
        parent_end, child_end = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(target=_worker, args=(child_end, *self.args), daemon=True,
                                   name="vbhc-audit-worker")
        process.start()
        child_end.close()
        return _Slot(process=process, conn=parent_end)

    def _retire(self, slot: _Slot) -> None:
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(5)
        slot.conn.close()

    def _replace(self, slot: _Slot) -> None:
        self._retire(slot)
        if not slot.ready:
            self.startup_failures += 1
            if self.startup_failures > 3:
                raise AuditError("không khởi động được tiến trình kiểm tra (tiến trình con dừng ngay khi chạy)")
        self.slots[self.slots.index(slot)] = self._start()

    def run(self, tasks: list[Task], timeout: float,
            on_row: Callable[[Task, dict[str, Any], float], None]) -> None:
        pending = deque(enumerate(tasks))
        while pending or any(s.task for s in self.slots):
            for slot in self.slots:
                if slot.ready and slot.task is None and pending:
                    item = pending.popleft()
                    try:
                        slot.conn.send((item[0], item[1].path, item[1].rel))
                    except OSError:
                        pending.appendleft(item)  # the worker died while idle: replaced below
                        continue
                    slot.task, slot.started = item, time.monotonic()
            now = time.monotonic()
            waits = [s.started + timeout - now for s in self.slots if s.task]
            wait_for([s.conn for s in self.slots] + [s.process.sentinel for s in self.slots],
                     timeout=max(0.0, min(waits)) if waits else 1.0)
            for slot in list(self.slots):
                alive = self._receive(slot, on_row)
                if alive and slot.task and time.monotonic() - slot.started > timeout:
                    task = slot.task[1]
                    slot.task = None
                    self._replace(slot)
                    on_row(task, error_row(task.rel, timeout_message(timeout)), round(timeout, 3))
                elif not alive:
                    task = slot.task[1] if slot.task else None
                    # the pipe closes before the exit status is known (a fork server reports it
                    # once it has reaped the worker): wait for it, briefly
                    slot.process.join(2)
                    code = slot.process.exitcode
                    slot.task = None
                    self._replace(slot)
                    if task is not None:
                        on_row(task, error_row(task.rel, f"{CRASH_MESSAGE} ({_exit_words(code)})"), 0.0)

    def _receive(self, slot: _Slot, on_row) -> bool:
        """Read what the worker sent; False when the worker is gone."""
        try:
            while slot.conn.poll():
                message = slot.conn.recv()
                if message[0] == "ready":
                    slot.ready = True
                    self.startup_failures = 0
                elif message[0] == "done" and slot.task and slot.task[0] == message[1]:
                    task = slot.task[1]
                    slot.task = None
                    on_row(task, json.loads(message[2]), message[3])
        except (EOFError, OSError):
            return False
        return slot.process.is_alive()

    def close(self) -> None:
        for slot in self.slots:
            try:
                if slot.task is None and slot.process.is_alive():
                    slot.conn.send(None)
            except OSError:
                pass
        deadline = time.monotonic() + 2
        for slot in self.slots:
            if slot.task is None:
                slot.process.join(max(0.0, deadline - time.monotonic()))
            self._retire(slot)


def _exit_words(code: int | None) -> str:
    if code is None:
        return "không rõ mã thoát"
    if code < 0:
        try:
            return f"tín hiệu {signal.Signals(-code).name}"
        except ValueError:
            return f"tín hiệu {-code}"
    return f"mã thoát {code}"


# ---------------------------------------------------------------------------------------------
# The profile, seen defensively (an object with attributes, a dataclass or a dict)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def plain(value: Any) -> Any:
    """JSON-ready copy of a profile or any part of it."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    for method in ("as_dict", "to_dict"):
        if callable(getattr(value, method, None)):
            return plain(getattr(value, method)())
    if is_dataclass(value):
        return {f: plain(getattr(value, f)) for f in value.__dataclass_fields__}
    if hasattr(value, "__dict__"):
        return {k: plain(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)


def profile_view(profile: Any) -> dict[str, Any] | None:
    """What the reports need of a profile: parent, areas, targets, deadline (plus all else)."""
    if profile is None:
        return None
    data = plain(profile)
    if not isinstance(data, dict):
        data = {}
    view = dict(data)
    view["parent"] = plain(_get(profile, "parent")) or {}
    view["areas"] = [{"id": _get(a, "id"), "title": _get(a, "title") or _get(a, "id"), "node": _get(a, "node")}
                     for a in (_get(profile, "areas") or [])]
    view["targets"] = [{"indicator": _get(t, "indicator"), "key": _get(t, "key"), "text": _get(t, "text"),
                        "op": _get(t, "op"), "value": _get(t, "value"), "unit": _get(t, "unit"),
                        "node": _get(t, "node")}
                       for t in (_get(profile, "targets") or [])]
    deadline = _get(profile, "deadline")
    view["deadline"] = plain(deadline) if deadline else None
    return view


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# The journal


class Journal:
    """JSON lines: a header (what the audit was run with), then one line per finished file."""

    def __init__(self, path: str | os.PathLike[str], header: dict[str, Any], resume: bool):
        self.path = Path(path)
        self.done: dict[str, dict[str, Any]] = {}  # rel → {"key", "row", "seconds"}
        self.resumed = False
        if resume and self.path.exists():
            self._load(header)
            self.resumed = True
            self.file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115
        else:
            self.file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115
            self._write(header)

    def _load(self, header: dict[str, Any]) -> None:
        raw = self.path.read_bytes()
        if raw and not raw.endswith(b"\n"):  # a line cut short by the interruption
            raw = raw[: raw.rfind(b"\n") + 1]
            with open(self.path, "r+b") as f:
                f.truncate(len(raw))
        lines = raw.decode("utf-8", errors="replace").splitlines()
        try:
            first = json.loads(lines[0]) if lines else None
        except json.JSONDecodeError:
            first = None
        if not isinstance(first, dict) or first.get("journal") != "vbhc audit":
            raise AuditError(f"{self.path}: không phải nhật ký của vbhc audit; bỏ --resume để chạy lại từ đầu")
        for name, words in (("root", "thư mục"), ("profile", "kế hoạch cấp trên (hồ sơ)"), ("config", "cấu hình")):
            if first.get(name) != header.get(name):
                raise AuditError(f"{self.path}: nhật ký được tạo với {words} khác; bỏ --resume để chạy lại từ đầu")
        for line in lines[1:]:
            try:
                entry = json.loads(line)
                self.done[entry["key"][0]] = entry
            except (json.JSONDecodeError, KeyError, TypeError, IndexError):
                continue

    def _write(self, entry: dict[str, Any]) -> None:
        self.file.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
        self.file.flush()

    def lookup(self, task: Task) -> dict[str, Any] | None:
        entry = self.done.get(task.rel)
        return entry if entry and entry.get("key") == task.key else None

    def record(self, task: Task, row: dict[str, Any], seconds: float) -> None:
        self._write({"key": task.key, "seconds": seconds, "row": row})

    def close(self) -> None:
        self.file.close()


def journal_path(json_out: str | None, html_out: str | None, xlsx_out: str | None) -> Path:
    """Next to the first chosen output (same stem, .jsonl), or vbhc-audit.jsonl here."""
    for out in (json_out, html_out, xlsx_out):
        if out:
            return Path(out).with_suffix(".jsonl")
    return Path(JOURNAL_DEFAULT)


# ---------------------------------------------------------------------------------------------
# Running an audit


@dataclass
class Progress:
    """Callbacks for a progress display; the default does nothing."""

    start: Callable[[int, int], None] = lambda total, done: None
    advance: Callable[[str], None] = lambda rel: None


@dataclass
class AuditOutcome:
    result: dict[str, Any]
    journal: Path
    resumed: int = 0  # rows taken from the journal
    checked: int = 0  # rows computed in this run
    notes: list[str] = field(default_factory=list)


def plan_rules_run(config: Any) -> list[str]:
    """The plan rules that exist and are switched on: only their absence means 'covered'."""
    from vbhc.rules import all_rules

    registry = all_rules()
    enabled = getattr(config, "enabled", None)
    return sorted(r for r in PLAN_RULES if r in registry and (enabled is None or enabled(r)))


def run_audit(directory: str | os.PathLike[str], *, profile: Any = None, config: Any = None,
              jobs: int | None = None, timeout: float = 60.0, journal: str | os.PathLike[str] = JOURNAL_DEFAULT,
              resume: bool = False, exclude: Iterable[str | os.PathLike[str]] = (),
              reference: Iterable[str | os.PathLike[str]] = (), progress: Progress | None = None) -> AuditOutcome:
    """Audit a folder; rows are written to the journal as they finish. Raises AuditError for bad usage."""
    from vbhc.check import Config

    config = config or Config()
    if not os.path.isdir(directory):
        raise AuditError(f"{directory}: không tìm thấy thư mục" if not os.path.exists(directory)
                         else f"{directory}: không phải thư mục")
    progress = progress or Progress()
    prestart()  # the fork server loads while the files are found and the journal is read
    journal_file = Path(journal)
    tasks, skipped = discover(directory, exclude=[*exclude, journal_file], reference=reference)
    view = profile_view(profile)
    plan_rules = plan_rules_run(config) if profile is not None else []
    header = {"journal": "vbhc audit", "version": JOURNAL_VERSION, "root": os.path.realpath(directory),
              "profile": _digest(view),
              "config": _digest({"disabled": plain(set(getattr(config, "disabled", ()))),
                                 "severity": plain(getattr(config, "severity", {}))})}
    book = Journal(journal_file, header, resume)
    rows: dict[str, dict[str, Any]] = {}
    seconds: dict[str, float] = {}
    todo: list[Task] = []
    for task in tasks:
        entry = book.lookup(task) if book.resumed else None
        if entry is not None:
            rows[task.rel], seconds[task.rel] = entry["row"], entry.get("seconds", 0.0)
        else:
            todo.append(task)
    outcome = AuditOutcome(result={}, journal=journal_file, resumed=len(rows))
    if not tasks:
        outcome.notes.append(f"không có tệp .docx, .pdf hoặc .txt nào trong thư mục {directory}")
    if resume and not book.resumed:
        outcome.notes.append(f"không có nhật ký {journal_file}: kiểm tra toàn bộ thư mục")

    def on_row(task: Task, row: dict[str, Any], spent: float) -> None:
        row = json.loads(json.dumps(row, ensure_ascii=False, default=str))  # exactly what the journal keeps
        rows[task.rel], seconds[task.rel] = row, spent
        book.record(task, row, spent)
        outcome.checked += 1
        progress.advance(task.rel)

    started = time.monotonic()
    progress.start(len(tasks), len(rows))
    previous = _install_sigterm()
    pool = None
    try:
        if todo:
            size = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
            pool = _Pool(size, config, profile, _hooks_from_env())
            pool.run(todo, timeout, on_row)
    finally:
        if pool is not None:
            pool.close()
        book.close()
        _restore_sigterm(previous)
    ordered = [rows[t.rel] for t in tasks]
    outcome.result = {
        "tool": "vbhc audit",
        "root": os.path.realpath(directory),
        "profile": view,
        "plan_rules": plan_rules,
        "files": ordered,
        "summary": audit_summary(ordered, skipped, view, plan_rules),
        "skipped": skipped,
        "timing": {"seconds": round(time.monotonic() - started, 3), "files": {t.rel: seconds[t.rel] for t in tasks}},
    }
    return outcome


class Terminated(KeyboardInterrupt):
    """SIGTERM during an audit: unwind like Ctrl-C so the workers are stopped and the journal closed."""


def _install_sigterm():
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise Terminated()

    return signal.signal(signal.SIGTERM, handler)


def _restore_sigterm(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def exit_code(result: dict[str, Any]) -> int:
    """`report.results.exit_status` of the rows: the one policy `check` follows too."""
    from vbhc.report.results import exit_status

    rows = result["files"]
    return exit_status(unreadable=sum(r.get("status") == "error" for r in rows),
                       errors=sum(f.get("severity") == "error" for r in rows for f in r.get("findings", [])))


# ---------------------------------------------------------------------------------------------
# What the reports show for each row


def _clean(text: Any) -> str | None:
    return " ".join(str(text).split()) if text else None


def _internal_failure(row: dict[str, Any], rule_id: str) -> bool:
    return any(f.get("rule") == "VBHC.LoiNoiBo" and (f.get("data") or {}).get("rule") == rule_id
               for f in row.get("findings", []))


def rule_ran(row: dict[str, Any], rule_id: str, plan_rules: list[str]) -> bool:
    """Did the rule really look at this file (so that no finding means 'fine')?"""
    return (row.get("status") != "error" and rule_id in plan_rules
            and rule_id not in row.get("not_applicable", []) and not _internal_failure(row, rule_id))


def _norm(text: Any) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())


def target_id(data: dict[str, Any]) -> str:
    return _norm(data.get("key") or data.get("indicator"))


def _names(data: dict[str, Any]) -> set[str]:
    """Every name a target or a finding's data goes by: its key and its indicator, normalised."""
    return {n for n in (_norm(data.get("key")), _norm(data.get("indicator"))) if n}


def _same_target(finding_data: dict[str, Any], target: dict[str, Any]) -> bool:
    return bool(_names(finding_data) & _names(target))


def analyse(row: dict[str, Any], view: dict[str, Any] | None, plan_rules: list[str]) -> dict[str, Any]:
    """One row as the reports show it: agency, number, date, on time, areas, targets, counts."""
    meta = row.get("meta") or {}
    findings = row.get("findings", [])
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        by_rule.setdefault(f.get("rule", ""), []).append(f)
    number = "/".join(x for x in (meta.get("number"), meta.get("symbol")) if x) or None
    out: dict[str, Any] = {
        "path": row["path"], "status": row.get("status"), "error": row.get("error"),
        "agency": _clean(meta.get("issuer")), "name": _clean(meta.get("issuer")) or Path(row["path"]).stem,
        "doc_type": meta.get("doc_type"), "number": number, "date": meta.get("date"),
        "title": _clean(meta.get("title")),
        "errors": sum(1 for f in findings if f.get("severity") == "error"),
        "warnings": sum(1 for f in findings if f.get("severity") == "warning"),
        "infos": sum(1 for f in findings if f.get("severity") == "info"),
    }
    deadline = (view or {}).get("deadline")
    out["deadline"] = deadline
    late = by_rule.get("KH005", [])
    days = None
    if late:
        data = late[0].get("data") or {}
        deadline = data.get("deadline") or deadline
        issued = data.get("issued") or out["date"]
        out["on_time"], days = False, _days_between(deadline, issued)
    elif deadline and out["date"] and row.get("status") != "error":
        days = _days_between(deadline, out["date"])
        out["on_time"] = days is None or days <= 0
    else:
        out["on_time"] = None
    out["days_late"] = days
    areas = (view or {}).get("areas", [])
    if view is not None and rule_ran(row, "KH001", plan_rules):
        missing = {(f.get("data") or {}).get("area") for f in by_rule.get("KH001", [])}
        out["areas"] = {a["id"]: a["id"] not in missing for a in areas}
        out["areas_covered"] = sum(1 for ok in out["areas"].values() if ok)
        out["areas_missing"] = [a for a in out["areas"] if not out["areas"][a]]
    else:
        out["areas"], out["areas_covered"], out["areas_missing"] = {a["id"]: None for a in areas}, None, None
    out["areas_total"] = len(areas) if view is not None else None
    weaker = [f.get("data") or {} for f in by_rule.get("KH002", [])]
    absent = [f.get("data") or {} for f in by_rule.get("KH003", [])]
    out["weaker"] = weaker
    out["not_addressed"] = absent
    out["targets_checked"] = view is not None and rule_ran(row, "KH002", plan_rules)
    out["weaker_count"] = len(weaker) if out["targets_checked"] or weaker else None
    out["targets"] = {}
    for t in (view or {}).get("targets", []):
        tid = target_id(t)
        hit = next((w for w in weaker if _same_target(w, t)), None)
        gap = next((w for w in absent if _same_target(w, t)), None)
        if hit is not None:
            out["targets"][tid] = {"state": "weaker", "found": hit.get("found")}
        elif gap is not None:
            out["targets"][tid] = {"state": "absent", "found": None}
        elif out["targets_checked"]:
            out["targets"][tid] = {"state": "ok", "found": None}
        else:
            out["targets"][tid] = {"state": "unknown", "found": None}
    return out


def _days_between(deadline: Any, issued: Any) -> int | None:
    from datetime import date

    try:
        return (date.fromisoformat(str(issued)[:10]) - date.fromisoformat(str(deadline)[:10])).days
    except (TypeError, ValueError):
        return None


def target_columns(view: dict[str, Any] | None, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The profile's targets, plus any indicator a KH002 finding names that the profile lacks."""
    columns = []
    known: set[str] = set()
    names: set[str] = set()
    for t in (view or {}).get("targets", []):
        tid = target_id(t)
        if tid in known:
            continue
        known.add(tid)
        names |= _names(t)
        columns.append({"id": tid, "indicator": t.get("indicator") or t.get("text"), "text": t.get("text"),
                        "parent": {"op": t.get("op"), "value": t.get("value"), "unit": t.get("unit")}})
    for row in rows:
        for w in row["weaker"]:
            tid = target_id(w)
            if not tid or _names(w) & names and tid not in known:
                continue  # a profile target under another of its names: already a column
            if tid not in known:
                known.add(tid)
                names |= _names(w)
                columns.append({"id": tid, "indicator": w.get("indicator"), "text": None,
                                "parent": w.get("parent") or {}})
            row["targets"].setdefault(tid, {"state": "weaker", "found": w.get("found")})
    return columns


OPS = {">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<", "reduce_by": "giảm", "increase": "tăng",
       "improve": "cải thiện"}


def show_target(value: dict[str, Any] | None) -> str:
    """{"op": ">=", "value": 95, "unit": "%"} → "≥ 95%"."""
    if not value:
        return ""
    op = OPS.get(str(value.get("op")), str(value.get("op") or ""))
    number = vn_number(value.get("value"))
    unit = value.get("unit") or ""
    amount = f"{number}{unit}" if unit == "%" else " ".join(x for x in (number, unit) if x)
    return " ".join(x for x in (op, amount) if x)


def audit_summary(rows: list[dict[str, Any]], skipped: list[dict[str, str]], view: dict[str, Any] | None,
                  plan_rules: list[str]) -> dict[str, Any]:
    seen = [analyse(r, view, plan_rules) for r in rows]
    return {
        "files": len(rows),
        "errors": sum(s["errors"] for s in seen),
        "warnings": sum(s["warnings"] for s in seen),
        "infos": sum(s["infos"] for s in seen),
        "unreadable": sum(1 for s in seen if s["status"] == "error"),
        "files_with_errors": sum(1 for s in seen if s["status"] == "error" or s["errors"]),
        "ok": sum(1 for s in seen if s["status"] == "ok"),
        "late": sum(1 for s in seen if s["on_time"] is False),
        "missing_areas": sum(1 for s in seen if s["areas_missing"]),
        "weaker_targets": sum(1 for s in seen if s["weaker"]),
        "skipped": len(skipped),
        "plan_checked": view is not None,
    }


def report_rows(result: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The analysed rows and the target columns of an audit result, for the reports."""
    view = result.get("profile")
    rows = [analyse(r, view, result.get("plan_rules", [])) for r in result["files"]]
    return rows, target_columns(view, rows)


def write_json(result: dict[str, Any], path: str | os.PathLike[str]) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=2)
            f.write("\n")

    write_atomic(path, write)


def rich_progress(enabled: bool | None = None):
    """A rich progress bar on stderr (a context manager yielding a Progress); silent off a terminal."""
    from contextlib import contextmanager

    enabled = sys.stderr.isatty() if enabled is None else enabled

    @contextmanager
    def manager():
        if not enabled:
            yield Progress()
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        bar = RichProgress(TextColumn("[bold]Kiểm tra"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[name]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                           console=Console(stderr=True), transient=True)
        state: dict[str, Any] = {}

        def start(total: int, done: int) -> None:
            state["task"] = bar.add_task("audit", total=total, completed=done, name="")

        def advance(rel: str) -> None:
            bar.update(state["task"], advance=1, name=rel if len(rel) < 40 else "…" + rel[-39:])

        with bar:
            yield Progress(start=start, advance=advance)

    return manager()
