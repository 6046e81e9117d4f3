"""Where the time of one `vbhc audit` goes, from process start to exit (run by hand, not by pytest):

    .venv/bin/python bench/audit_timeline.py DIR PARENT [--jobs N ...] [--runs R] [--src TREE ...]

`--src` names the src/ folders to measure (default: this checkout's); give a baseline's (e.g.
`git archive OLD src | tar -x -C /tmp/old`, then `--src src /tmp/old/src`) to compare side by side:
the runs are interleaved (every tree and every --jobs in turn, R rounds), and the whole command's
wall time ("end") of each is printed with the speed-up from the first --jobs to the last.

The product has no timing hooks. This copies src/ to a temporary folder, adds a line that prints a
mark (a name and time.time_ns()) at each step of the audit below, runs `vbhc audit DIR --against
PARENT --json F --jobs N` from that copy, and prints each mark in milliseconds from the moment the
command was started (median of R runs). The marks, in the order they usually come:
  audit-cmd      the command's function is entered (interpreter, click, the CLI's imports before)
  preload-start  the fork server begins `vbhc.audit_preload` (it was started by `prestart`)
  profile-start  the parent plan's profile begins (after the audit's imports, the config)
  profile-end    ... and ends
  pool-create    pebble's pool is created (after the plan rules' and pebble's imports)
  preload-end    the fork server has loaded vbhc and checked its sample plan
  worker-enter   a worker (forked by the fork server) enters its initializer
  worker-warm    ... and has warmed up with the parent's profile
  row-1, row-N   the first and the last file's row reach the parent
  pool-done      run_audit has every row (the workers are still stopping)
  outputs        the result is made (assess, the rows, the summary); the JSON is written next
  table          the terminal table begins
  exit           the command calls sys.exit
  end            the process has exited (as the runner saw it)
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = "__import__('sys').stderr.write(f\"TL {name} {__import__('time').time_ns()}\\n\")"

# (file under src/vbhc, the line a mark goes before, the mark's name, the line's indent)
PLACES = [
    ("audit_preload.py", "try:\n    import ", "preload-start", 0),
    ("audit_preload.py", "gc.freeze()", "preload-end", 0),
    ("audit/worker.py", "    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is", "worker-enter", 4),
    ("audit/worker.py", "\n\ndef check_one(", "worker-warm", 4),
    ("cli/auditing.py", "    if not os.path.exists(directory):", "audit-cmd", 4),
    ("cli/auditing.py", "    profile = load_profile(", "profile-start", 4),
    ("cli/auditing.py", "    place = _report_place(", "profile-end", 4),
    ("cli/auditing.py", "    if json_out:\n        write_json", "outputs", 4),
    ("cli/auditing.py", "    emit(table_text(result", "table", 4),
    ("cli/auditing.py", "    sys.exit(exit_code(result))", "exit", 4),
    ("audit/pool.py", "    pool = ProcessPool(", "pool-create", 4),
    ("audit/run.py", "    outcome = AuditOutcome(", "pool-done", 4),
]
ROW_PLACE = ("audit/run.py", "        self.checked += 1\n")


def patched_copy(source: Path, dest: Path, last_row: int) -> None:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
    for rel, line, name, indent in PLACES:
        path = dest / "vbhc" / rel
        text = path.read_text(encoding="utf-8")
        if line not in text:
            sys.exit(f"{rel}: the line before the mark {name!r} is gone; update PLACES")
        path.write_text(text.replace(line, " " * indent + MARK.replace("{name}", name) + "\n" + line, 1),
                        encoding="utf-8")
    rel, line = ROW_PLACE
    path = dest / "vbhc" / rel
    mark = MARK.replace("{name}", "row-{self.checked}")
    row_mark = f"        if self.checked in (1, {last_row}):\n            {mark}\n"
    path.write_text(path.read_text(encoding="utf-8").replace(line, line + row_mark, 1), encoding="utf-8")
    # Compiled once, as a user's install is: where PYTHONDONTWRITEBYTECODE is set, every run would
    # otherwise compile the copy's modules again (≈ 150 ms of each command).
    compileall.compile_dir(dest, quiet=1)


def one_run(src: Path, folder: str, parent: str, jobs: int, out: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "vbhc", "audit", folder, "--against", parent, "--json", str(out / "r.json"),
           "--jobs", str(jobs)]
    for stale in out.iterdir():
        stale.unlink()
    start = time.time_ns()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    end = time.time_ns()
    marks: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "TL":
            marks.setdefault(parts[1], (int(parts[2]) - start) / 1e6)  # the first of each (two workers)
    marks["end"] = (end - start) / 1e6
    return marks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("parent")
    ap.add_argument("--jobs", type=int, nargs="+", default=[2])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--src", type=Path, nargs="+", default=[ROOT / "src"])
    args = ap.parse_args()
    files = sum(1 for p in Path(args.folder).iterdir() if p.suffix in (".docx", ".doc", ".pdf", ".txt"))
    load = os.getloadavg()[0]
    runs: dict[tuple[int, int], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        out.mkdir()
        trees = [Path(tmp) / f"src{i}" for i in range(len(args.src))]
        for source, tree in zip(args.src, trees, strict=True):
            patched_copy(source, tree, files)
        for _ in range(args.runs):
            for i, tree in enumerate(trees):
                for jobs in args.jobs:
                    runs.setdefault((i, jobs), []).append(one_run(tree, args.folder, args.parent, jobs, out))
    print(f"load {load:.2f} before, {os.getloadavg()[0]:.2f} after; {files} files; ms from the command's start, "
          f"median of {args.runs} runs")
    for (i, jobs), these in runs.items():
        print(f"\n{args.src[i]}, --jobs {jobs}")
        names = sorted({n for r in these for n in r}, key=lambda n: statistics.median(r.get(n, 0) for r in these))
        for name in names:
            print(f"{statistics.median(r[name] for r in these if name in r):8.0f}  {name}")
    first, last = args.jobs[0], args.jobs[-1]
    print()
    for i, source in enumerate(args.src):
        walls = {j: statistics.median(r["end"] for r in runs[(i, j)]) for j in args.jobs}
        walls_text = ", ".join(f"--jobs {j} {walls[j] / 1000:.2f} s" for j in args.jobs)
        print(f"{source}: {walls_text}; speed-up {walls[first] / walls[last]:.2f}×")


if __name__ == "__main__":
    main()
