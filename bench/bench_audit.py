"""Benchmark `vbhc audit` on a generated set of sub-plans (run by hand, not part of the test suite).

    .venv/bin/python bench/bench_audit.py                  # 200 plans, --jobs 1 and 2, best of 2 runs
    .venv/bin/python bench/bench_audit.py --count 100 --runs 3 --jobs 1 2
    .venv/bin/python bench/bench_audit.py --set DIR        # reuse a set made by make_audit_set.py

The set is made by `bench/make_audit_set.py` (seeded: same seed, same set) in a temporary folder.
Each figure runs `vbhc audit DIR --against PARENT --json out.json --jobs N` as a subprocess and
times it from process start to exit (interpreter start, imports, the parent's profile, worker
start-up, every file, the reports); the better of `--runs` runs is kept.
The speed-up is printed twice: best against best, and paired (each round's --jobs 1 run over the
--jobs 2 run right after it, median over the rounds), which a machine whose speed drifts by a fifth
from one minute to the next (this kind of 2-vCPU virtual machine does) moves far less.

Peak memory is that of the whole process tree: every 50 ms the VmRSS of the audit process and of
all its descendants (/proc/<pid>/status, /proc/<pid>/task/*/children: the fork server and the
workers it forks) is summed, and the largest sum is reported ("tree RSS"). Pages shared between
processes (the interpreter, libraries, and with a fork server everything it preloaded) are counted
once per process, so this overstates what the machine actually lost; it is what `ps` would add up.
The largest single process (getrusage(RUSAGE_CHILDREN).ru_maxrss of a fresh runner process) is
printed too, and the CPU seconds of the tree (polled, see run_once).

"In a worker / in process" (bench/audit_probe.py, once per round): the CPU and wall seconds of each
file's check inside a worker (`run_audit --jobs 1` with a wrapper of the product's check that
times it) against the same check of the same files one after the other in one plain process,
after the same warm-up, summed over the set; the two run one right after the other, and CPU
time is what load changes least. The same probe with the most workers (two) says what the machine
gives when both cores are busy: if each file then takes x times the CPU it takes in a process
alone, no pool can make the checking phase more than 2/x times as fast as one process. Runs are
interleaved (jobs 1, jobs 2, the probes, then again).

Then, from the JSON of the last run: recall of the seeded defects (each file's manifest rules
against the rule ids of its findings) and every error finding the manifest did not expect (a
false positive, or a side effect of a seeded defect).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from make_audit_set import PARENT, make_set  # noqa: E402

VBHC = ROOT / ".venv" / "bin" / "vbhc"
PROBE = ROOT / "bench" / "audit_probe.py"


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """utime + stime of one process so far, in seconds (/proc/<pid>/stat fields 14 and 15)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, IndexError, ValueError):
        return 0.0


def tree(pid: int) -> list[int]:
    """pid and all its descendants (the fork server's workers are its grandchildren)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        if p not in out:
            out.append(p)
            todo += _children(p)
    return out


def run_once(cmd: list[str]) -> tuple[float, int, int, int, float]:
    """(wall seconds, peak tree RSS KiB, largest single process KiB, exit code, CPU seconds) of one run.

    The command runs under a fresh runner (`python -c` that only waits for the audit), so
    RUSAGE_CHILDREN of that runner covers only this audit's processes: the largest single process
    among those it reaped (the audit and, with spawn, its workers; a fork server's workers are not
    its children, their peak is in the polled tree figure). CPU seconds are polled too: the last
    utime + stime seen of every process of the tree (up to 50 ms of each process's end is lost)."""
    runner = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(rc)")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", runner, *cmd], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    peak = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        pids = tree(proc.pid)[1:]  # the runner itself is not counted
        peak = max(peak, sum(_rss_kib(p) for p in pids))
        for p in pids:
            cpu[p] = max(cpu.get(p, 0.0), _cpu_s(p))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    err = proc.stderr.read().strip().splitlines()
    single = int(err[-1]) if err and err[-1].isdigit() else 0
    return wall, peak, single, proc.returncode, sum(cpu.values())


def probe(folder: Path, jobs: int = 1) -> dict[str, dict[str, float]]:
    """CPU and wall seconds of the files inside `jobs` workers and in one plain process (audit_probe.py)."""
    out = subprocess.run([sys.executable, str(PROBE), str(folder), str(PARENT), "--jobs", str(jobs)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def journal_seconds(journal: Path) -> dict[str, float]:
    lines = journal.read_text(encoding="utf-8").splitlines()[1:]
    return {e["key"][0]: e["seconds"] for e in map(json.loads, lines)}


def recall(result: dict, manifest: dict) -> tuple[int, int, list[str], list[str]]:
    """(found, expected, missed "file: rule", unexpected error findings "file: rule message")."""
    by_path = {row["path"]: row for row in result["files"]}
    found = expected = 0
    missed: list[str] = []
    unexpected: list[str] = []
    for name, entry in manifest["files"].items():
        row = by_path.get(name)
        rules = {f["rule"] for f in (row or {}).get("findings", [])}
        for rule in entry["rules"]:
            expected += 1
            if rule in rules:
                found += 1
            else:
                missed.append(f"{name}: {rule} ({', '.join(entry['defects'])})")
        if row is None or row.get("status") == "error":
            unexpected.append(f"{name}: không kiểm tra được ({(row or {}).get('error', 'không có trong kết quả')})")
            continue
        for f in row.get("findings", []):
            if f.get("severity") == "error" and f["rule"] not in entry["rules"]:
                unexpected.append(f"{name}: {f['rule']} {f.get('message', '')[:100]}")
    return found, expected, missed, unexpected


def machine() -> str:
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in open("/proc/meminfo") if x.startswith("MemTotal"))
    except (OSError, StopIteration):
        mem = 0
    return (f"nproc {os.cpu_count()}, CPU {model}, memory {mem / 1024 / 1024:.1f} GiB, "
            f"Python {sys.version.split()[0]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=2, help="runs per figure; the best is kept")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--set", type=Path, help="an existing set (with manifest.json) instead of a new one")
    ap.add_argument("--target", type=float, default=20.0, help="plans per second with the most jobs")
    args = ap.parse_args()
    load_before = os.getloadavg()

    with tempfile.TemporaryDirectory(prefix="vbhc-bench-audit-") as tmp:
        folder = args.set
        if folder is None:
            folder = Path(tmp) / "plans"
            t = time.perf_counter()
            make_set(folder, args.count, args.seed)
            print(f"made {args.count} plans (seed {args.seed}) in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        names = list(manifest["files"])
        n = len(names)
        docx = sum(1 for x in names if x.endswith(".docx"))
        runs: dict[int, list[tuple[float, int, int, int, float]]] = {j: [] for j in args.jobs}
        inside: dict[int, list[dict[str, float]]] = {j: [] for j in args.jobs}
        phase: dict[int, list[float]] = {j: [] for j in args.jobs}  # the result's timing: workers' start to stop
        probes: list[dict[str, dict[str, float]]] = []
        crowded: list[dict[str, dict[str, float]]] = []  # the probe with the most workers at once
        for _ in range(args.runs):
            for jobs in args.jobs:
                out = Path(tmp) / f"out-{jobs}.json"
                cmd = [str(VBHC), "audit", str(folder), "--against", str(PARENT), "--json", str(out),
                       "--jobs", str(jobs)]
                runs[jobs].append(run_once(cmd))
                inside[jobs].append(journal_seconds(out.with_suffix(".jsonl")))
                phase[jobs].append(json.loads(out.read_text(encoding="utf-8"))["timing"]["seconds"])
                print(f"--jobs {jobs}: {runs[jobs][-1][0]:.2f} s, CPU {runs[jobs][-1][4]:.2f} s "
                      f"(exit {runs[jobs][-1][3]}), load {os.getloadavg()[0]:.2f}", file=sys.stderr)
            probes.append(probe(folder))
            print(f"probe: {probes[-1]}, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
            if max(args.jobs) > 1:
                crowded.append(probe(folder, max(args.jobs)))
                print(f"probe --jobs {max(args.jobs)}: {crowded[-1]}, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
        figures = []
        for jobs in args.jobs:
            best = min(runs[jobs], key=lambda r: r[0])
            figures.append((jobs, best, max(r[1] for r in runs[jobs]), max(r[2] for r in runs[jobs]),
                            [r[0] for r in runs[jobs]]))
        result = json.loads((Path(tmp) / f"out-{args.jobs[-1]}.json").read_text(encoding="utf-8"))
        per_file = sorted(inside[args.jobs[-1]][-1].values())
        found, expected, missed, unexpected = recall(result, manifest)
        load_after = os.getloadavg()

    print(f"machine: {machine()}")
    print(f"set: {n} plans ({docx} .docx, {n - docx} .txt), seed {args.seed}, "
          f"{sum(1 for f in manifest['files'].values() if f['defects'])} with seeded defects")
    print("command: vbhc audit DIR --against corpus/nghe-an-2025/qd-2228-ubnd-2025-ke-hoach-cchc.txt "
          "--json out.json --jobs N")
    print()
    print(f"{'jobs':>4}  {'wall s (best)':>13}  {'runs s':>13}  {'plans/s':>8}  {'speed-up':>8}  "
          f"{'CPU s':>6}  {'peak tree RSS MiB':>17}  {'max 1 proc MiB':>14}")
    base = None
    for jobs, best, peak, single, walls in figures:
        rate = n / best[0]
        base = base or rate
        print(f"{jobs:>4}  {best[0]:>13.2f}  {'/'.join(f'{w:.2f}' for w in walls):>13}  {rate:>8.1f}  "
              f"{rate / base:>7.2f}×  {best[4]:>6.2f}  {peak / 1024:>17.0f}  {single / 1024:>14.0f}")
    if len(args.jobs) > 1:
        one, most = args.jobs[0], args.jobs[-1]
        pairs = [a[0] / b[0] for a, b in zip(runs[one], runs[most], strict=True)]
        print(f"paired speed-up (each round's --jobs {one} / --jobs {most}, run one right after the other, so a "
              f"machine that drifts between rounds moves both): {' / '.join(f'{x:.2f}' for x in pairs)}; "
              f"median {statistics.median(pairs):.2f}×")
    if per_file:
        print(f"time per file inside a worker (journal of the last run, --jobs {figures[-1][0]}): "
              f"median {per_file[len(per_file) // 2] * 1000:.0f} ms, "
              f"mean {sum(per_file) / len(per_file) * 1000:.0f} ms, max {per_file[-1] * 1000:.0f} ms")
    first = min(phase[args.jobs[0]])
    for jobs in args.jobs:
        print(f"checking phase (workers' start to stop, --jobs {jobs}): best {min(phase[jobs]):.2f} s, "
              f"{n / min(phase[jobs]):.1f} plans/s, {first / min(phase[jobs]):.2f}× --jobs {args.jobs[0]}")
    for i, p in enumerate(probes, start=1):
        w, q = p["worker"], p["in_process"]
        print(f"files inside a worker / in process (probe {i}, side by side): CPU {w['cpu']:.2f} / {q['cpu']:.2f} s "
              f"= {w['cpu'] / q['cpu']:.3f}×, wall {w['wall']:.2f} / {q['wall']:.2f} s = {w['wall'] / q['wall']:.3f}×")
    for i, p in enumerate(crowded, start=1):
        w, q = p["worker"], p["in_process"]
        factor = w["cpu"] / q["cpu"]
        most = max(args.jobs)
        print(f"files inside {most} workers at once / in process alone (probe {i}): CPU {w['cpu']:.2f} / "
              f"{q['cpu']:.2f} s = {factor:.3f}×: the checking phase can be at most {most / factor:.2f}× one process")
    print(f"load average before the runs: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    print(f"load average after the runs: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    print()
    print(f"recall of seeded defects: {found}/{expected}" + (f" ({found / expected:.1%})" if expected else ""))
    for m in missed:
        print(f"  missed {m}")
    print(f"unexpected error findings: {len(unexpected)}")
    for u in unexpected[:40]:
        print(f"  {u}")
    last = figures[-1]
    rate = n / last[1][0]
    print(f"\ntarget: >= {args.target:g} plans/s with --jobs {last[0]}: {'met' if rate >= args.target else 'NOT met'} "
          f"({rate:.1f} plans/s)")


if __name__ == "__main__":
    main()
