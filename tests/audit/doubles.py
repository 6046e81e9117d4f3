"""Test doubles for the audit's per-file check: a file whose path holds a marker hangs, crashes or
is slow; every other file is checked for real. They are picklable (module-level classes), so
they reach the worker processes through `run_audit(check=...)`; the product reads no hook."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

from vbhc.audit import check_row


def _sleep_while_parent_lives(seconds: float) -> None:
    """Sleep, but end once the worker is orphaned (its fork server gone with the audit)."""
    parent = os.getppid()
    end = time.monotonic() + seconds
    while time.monotonic() < end and os.getppid() == parent:
        time.sleep(0.05)


@dataclass(frozen=True)
class Hang:
    marker: str

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        if self.marker in path:
            _sleep_while_parent_lives(3600)
        return check_row(path, config, profile)


@dataclass(frozen=True)
class Crash:
    marker: str
    code: int = 70

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        if self.marker in path:
            os._exit(self.code)
        return check_row(path, config, profile)


@dataclass(frozen=True)
class Slow:
    marker: str
    seconds: float = 30.0

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        if self.marker in path:
            _sleep_while_parent_lives(self.seconds)
        return check_row(path, config, profile)


@dataclass(frozen=True)
class Stuck:
    """Hangs and never notices that the audit is gone (like a loop inside a C library)."""

    marker: str

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        if self.marker in path:
            while True:
                time.sleep(0.05)
        return check_row(path, config, profile)


def parse(spec: str) -> Any:
    """"hang:MARKER", "stuck:MARKER", "crash:MARKER", "slow:MARKER:SECONDS" (the launcher's argument)."""
    kind, marker, *rest = spec.split(":")
    if kind == "hang":
        return Hang(marker)
    if kind == "stuck":
        return Stuck(marker)
    if kind == "crash":
        return Crash(marker)
    if kind == "slow":
        return Slow(marker, float(rest[0]) if rest else 30.0)
    raise ValueError(spec)


@dataclass(frozen=True)
class StartsChild:
    """Starts a long child process in its own session and waits for it, stopping it if interrupted
    (as the .doc reader does with LibreOffice); writes the child's pid to `pid_file`."""

    marker: str
    pid_file: str

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        import signal
        import subprocess

        if self.marker in path:
            child = subprocess.Popen(["sleep", "600"], start_new_session=True)
            with open(self.pid_file, "w") as f:
                f.write(str(child.pid))
            try:
                child.wait()
            except BaseException:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                raise
        return check_row(path, config, profile)


def _refuse_in_worker(creator: int) -> Any:
    if os.getpid() != creator:
        raise RuntimeError("this check cannot start in a worker")
    return BrokenStart(creator)


@dataclass(frozen=True)
class BrokenStart:
    """A check that pickles in the audit but cannot be loaded in a worker: every worker dies as it starts."""

    creator: int

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        return _refuse_in_worker, (self.creator,)

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        return check_row(path, config, profile)


@dataclass(frozen=True)
class Pid:
    """Checks for real and says which worker process did it (the row's "worker_pid")."""

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        return {**check_row(path, config, profile), "worker_pid": os.getpid()}


@dataclass(frozen=True)
class When:
    """Checks for real and says when it began (the row's "began_ns", a clock all processes share)."""

    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        began = time.monotonic_ns()
        return {**check_row(path, config, profile), "began_ns": began}
