"""Per-file CPU time inside an audit worker against the same files in one plain process.

    .venv/bin/python bench/audit_probe.py DIR PARENT [--jobs N]

Wall time per file depends on what else the machine runs; CPU time much less. This runs
`run_audit` with a check that wraps the product's (`check_row`) and records the CPU seconds
(time.process_time) and wall seconds of each file inside the worker, then runs the same check on
the same files one after the other in this process (after the same warm-up), and prints one JSON
object: {"worker": {"cpu", "wall"}, "in_process": {"cpu", "wall"}} summed over the files.
The wrapper is a module-level class so that it reaches the workers (bench/ is on sys.path).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


class CpuTimed:
    def __call__(self, path: str, config: Any, profile: Any) -> dict[str, Any]:
        from vbhc.audit import check_row

        cpu, wall = time.process_time(), time.perf_counter()
        row = check_row(path, config, profile)
        row["_probe"] = [time.process_time() - cpu, time.perf_counter() - wall]
        return row


def main() -> None:
    from audit_probe import CpuTimed as Picklable  # by its module name, not __main__

    from vbhc.audit import discover, run_audit, worker
    from vbhc.check import Config
    from vbhc.profile import from_parent

    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("parent")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    config, profile = Config(), from_parent(args.parent)
    with tempfile.TemporaryDirectory() as tmp:
        outcome = run_audit(args.folder, profile=profile, config=config, jobs=args.jobs,
                            journal=Path(tmp) / "j.jsonl", check=Picklable())
    inside = [r["_probe"] for r in outcome.result["files"] if "_probe" in r]
    worker.warm_up(config, profile)
    timed = Picklable()
    plain = [timed(t.path, config, profile)["_probe"] for t in discover(args.folder)[0]]
    print(json.dumps({"worker": {"cpu": sum(c for c, _ in inside), "wall": sum(w for _, w in inside)},
                      "in_process": {"cpu": sum(c for c, _ in plain), "wall": sum(w for _, w in plain)}}))


if __name__ == "__main__":
    main()
