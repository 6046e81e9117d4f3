"""What two processes get from this machine: the bound on any audit's two-worker speed-up (run by hand).

    .venv/bin/python bench/ceiling.py [--set DIR] [--rounds R]

`vbhc audit --jobs 2` cannot be faster than two processes that share nothing: this runs the audit's
own per-file work (`audit.worker.check_one` after the worker's warm-up, the parent plan's profile given)
on every file of the set in one plain process alone, then in two such processes started together, in
turn, R rounds, and prints the speed-up two independent processes give (2 × alone / the slower of the
pair: the throughput a perfect pool with no parent, no start-up and no reports would reach). On a
2-vCPU virtual machine this is less than 2 (the vCPUs share a core's caches or its clock); the audit's
checking phase is to be read against it, the whole command against it and its fixed part.
The set is bench/make_audit_set.py's (made in a temporary folder unless --set names one).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from make_audit_set import PARENT, make_set  # noqa: E402

# one process: load what a worker loads, say "ready", wait for the word to start, check every file
CHILD = """
import sys, time
from vbhc.audit import discover, worker
from vbhc.audit.run import profile_json
from vbhc.check import Config
from vbhc.profile import from_parent
config, profile = Config(), from_parent(sys.argv[2])
worker._state.update(check=worker.check_row, config=config, profile=profile, view=profile_json(profile), busy=False)
worker.warm_up(config, profile)
tasks = discover(sys.argv[1])[0]
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
for task in tasks:
    worker.check_one(task.path, task.rel)
print(time.perf_counter() - started, flush=True)
"""


def together(n: int, folder: Path) -> list[float]:
    """Seconds each of n processes took to check the whole set, all started at the same moment."""
    cmd = [sys.executable, "-c", CHILD, str(folder), str(PARENT)]
    procs = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(n)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("\n")
        p.stdin.flush()
    return [float(p.communicate()[0].strip()) for p in procs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, help="a set made by make_audit_set.py (default: a new one)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.set or Path(tmp) / "set"
        if args.set is None:
            make_set(folder)
        alone: list[float] = []
        pairs: list[float] = []
        for r in range(args.rounds):
            one = together(1, folder)[0]
            two = max(together(2, folder))
            alone.append(one)
            pairs.append(two)
            print(f"round {r + 1}: alone {one:.2f} s, two at once {two:.2f} s (speed-up {2 * one / two:.2f}×)",
                  flush=True)
    print(f"alone: median {statistics.median(alone):.2f} s; two at once, the slower: median "
          f"{statistics.median(pairs):.2f} s")
    print(f"two independent processes: {2 * statistics.median(alone) / statistics.median(pairs):.2f}× "
          f"(medians), {statistics.median(2 * a / p for a, p in zip(alone, pairs, strict=True)):.2f}× (paired)")


if __name__ == "__main__":
    main()
