"""How one `vbhc serve` runs: its data folder, upload limit, child clock and pool size.

Held in the environment too (`VBHC_SERVE_*`), so that the worker processes uvicorn starts for
`--workers N` (each imports the app afresh) run with the options the command was given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from vbhc.serve.runner import TIMEOUT_SECONDS

MB = 1024 * 1024
DEFAULT_PORT = 8686
DEFAULT_UPLOAD_MB = 20.0
LOOPBACK = ("127.0.0.1", "localhost", "::1")
ENV = {"data": "VBHC_SERVE_DATA", "max_upload_mb": "VBHC_SERVE_MAX_UPLOAD_MB", "timeout": "VBHC_SERVE_TIMEOUT",
       "jobs": "VBHC_SERVE_JOBS", "host": "VBHC_SERVE_HOST", "config": "VBHC_SERVE_CONFIG"}


def default_data() -> Path:
    """Where the data lives without --data: the user's data folder (XDG), never the working folder."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "vbhc" / "serve"


@dataclass(frozen=True)
class Settings:
    data: Path
    max_upload_mb: float = DEFAULT_UPLOAD_MB
    timeout: float = TIMEOUT_SECONDS
    jobs: int | None = None  # child processes per server process (default: one per core)
    host: str = "127.0.0.1"
    config: str | None = None  # a vbhc.toml for the rules

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * MB)

    @property
    def allowed_hosts(self) -> list[str]:
        """Host headers answered: on loopback only the loopback names (a web page elsewhere cannot
        reach the server through a name of its own, DNS rebinding); bound wider, any."""
        if self.host in LOOPBACK:
            return ["127.0.0.1", "localhost", "[::1]"]
        return ["*"]

    def to_env(self) -> dict[str, str]:
        values = {"data": str(self.data), "max_upload_mb": repr(self.max_upload_mb), "timeout": repr(self.timeout),
                  "jobs": str(self.jobs or ""), "host": self.host, "config": self.config or ""}
        return {ENV[k]: v for k, v in values.items()}

    @classmethod
    def from_env(cls) -> Settings:
        get = os.environ.get
        jobs = get(ENV["jobs"])
        return cls(data=Path(get(ENV["data"]) or default_data()),
                   max_upload_mb=float(get(ENV["max_upload_mb"]) or DEFAULT_UPLOAD_MB),
                   timeout=float(get(ENV["timeout"]) or TIMEOUT_SECONDS),
                   jobs=int(jobs) if jobs else None,
                   host=get(ENV["host"]) or "127.0.0.1", config=get(ENV["config"]) or None)
