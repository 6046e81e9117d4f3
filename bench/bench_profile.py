"""Benchmark of `vbhc profile` and of checking a sub-plan against a saved profile. Run by hand, not by
pytest:

    .venv/bin/python -m compileall -q src      # once: where PYTHONDONTWRITEBYTECODE is set, every run
                                               # would otherwise compile vbhc from source (≈0.1 s)
    .venv/bin/python bench/bench_profile.py [--runs N] [--processes-only] [--before OLD/src] [--phases]

1. Side by side, from process start (a fresh interpreter each run; A and B run in turn, A B A B …, and
   the ratio is taken pair by pair, median of N pairs; process CPU time of the child, user + system):
   - `vbhc check SUB --profile SAVED.yaml` (A) against `vbhc check SUB --against PARENT` (B): target
     A/B ≤ 0.5 (issue "Speed close to the floors");
   - `vbhc profile PARENT -o P.yaml` (A) against `vbhc parse PARENT --format json` (B).
   For the Nghệ An plan (corpus/, .txt) with corpus/eval/so-y-te-phan-i.txt, and for the Lâm Đồng plan
   (../shared/corpus/real/kh02, .docx) with kh03, when that folder is there. The start-up cache
   (vbhc.cache) is warm after the warm-up runs; `--cold` adds each row with it off, `--new-parent` with
   it warm but for the segmentation model's words (`profile.segmenter`): a parent read the first time.
   With `--before DIR` (an older tree's src/, compiled: `git archive REV src | tar -x -C /tmp/old &&
   python -m compileall -q /tmp/old/src`), every row is measured for both trees in the same run, in turn.
2. In one warm process, with the saved profile read once: for each document of corpus/eval, parse time
   and parse + plan rules; the difference is what checking adds: target < 100 ms.
3. Whether the segmentation model was loaded by checking against the saved profile (it must not be:
   the parent's keys are stored, the sub-plan's indicators are cut into the parent's words).

With `--phases`, after part 1: where A's and B's CPU time goes in one process (importing vbhc.cli.app,
reading the profile or the parent, importing vbhc.check, the first check_file and a second one).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
EVAL = ROOT / "corpus" / "eval"
REAL = ROOT.parent / "shared" / "corpus" / "real"
PAIRS = [(NGHE_AN, EVAL / "so-y-te-phan-i.txt"),
         (REAL / "kh02-lamdong-kh-cchc-2026.docx", REAL / "kh03-lamdong-kh-kiemtra-cchc-2026.docx")]
VBHC = [sys.executable, "-m", "vbhc"]
CHECK_TARGET_S = 0.100
RATIO_TARGET = 0.5
NEW_PARENT = "BENCH_NEW_PARENT"


def cpu_of(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """User + system seconds of one child process, from the operating system's accounting. With
    NEW_PARENT set in `env`, the segmentation model's kept words are removed first: the parent is one
    this machine has not read before (the rest of the start-up cache stays warm)."""
    if env is not None and env.get(NEW_PARENT):
        for kept in Path(env["VBHC_CACHE_DIR"]).glob("segments-*.marshal"):
            kept.unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, capture_output=True, check=False, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def side_by_side(a: list[str], b: list[str], runs: int, envs: list[dict[str, str] | None]
                 ) -> list[tuple[float, float, float]]:
    """For each environment (the code as it is, a `--before` tree), (median cpu of A, median cpu of B,
    median of the pairwise ratios A/B); every environment's A and B in turn, after one warm-up of each."""
    for env in envs:
        cpu_of(a, env)
        cpu_of(b, env)
    ta: list[list[float]] = [[] for _ in envs]
    tb: list[list[float]] = [[] for _ in envs]
    for _ in range(runs):
        for i, env in enumerate(envs):
            ta[i].append(cpu_of(a, env))
            tb[i].append(cpu_of(b, env))
    return [(statistics.median(x), statistics.median(y),
             statistics.median(p / q if q else float("nan") for p, q in zip(x, y, strict=True)))
            for x, y in zip(ta, tb, strict=True)]


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def process_figures(tmp: Path, runs: int, before: Path | None = None, cold: bool = False,
                    new_parent: bool = False) -> None:
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores; cpu s = user + system of the child")
    codes, envs = ["now"], [None]
    if cold:  # the start-up cache (vbhc.cache) turned off: every run compiles its patterns, reads the word list
        codes.append("cold")
        envs.append({**os.environ, "VBHC_CACHE_DIR": ""})
    if new_parent:  # a cache of its own, warm but for the model's words, removed before every run
        codes.append("new")
        (tmp / "cache").mkdir()
        envs.append({**os.environ, "VBHC_CACHE_DIR": str(tmp / "cache"), NEW_PARENT: "1"})
    if before is not None:  # the same commands on another tree's src/ (`git archive REV src | tar -x -C DIR`)
        codes.append("before")
        envs.append({**os.environ, "PYTHONPATH": str(before)})
    print(f"each row for: {', '.join(codes)} (this tree; cold: its start-up cache off; new: "
          f"a parent not read before, the model's words not kept; before: {before}), in turn")
    print(f"{'A':52} {'B':40} {'code':>6} {'A s':>6} {'B s':>6} {'A/B':>6}")
    for parent, sub in PAIRS:
        if not parent.exists() or not sub.exists():
            print(f"(skipped: {parent} is absent)")
            continue
        saved = tmp / f"{parent.stem}.yaml"
        subprocess.run([*VBHC, "profile", str(parent), "-o", str(saved)], check=True, capture_output=True)
        rows = [
            (f"check {sub.name[:20]} --profile saved.yaml", f"check … --against {parent.name[:20]}",
             [*VBHC, "check", str(sub), "--profile", str(saved), "--format", "json"],
             [*VBHC, "check", str(sub), "--against", str(parent), "--format", "json"]),
            (f"profile {parent.name[:30]} -o P.yaml", f"parse {parent.name[:20]} --format json",
             [*VBHC, "profile", str(parent), "-o", str(tmp / "p.yaml")],
             [*VBHC, "parse", str(parent), "--format", "json"]),
        ]
        for name_a, name_b, a, b in rows:
            for code, (ca, cb, ratio) in zip(codes, side_by_side(a, b, runs, envs), strict=True):
                print(f"{name_a:52} {name_b:40} {code:>6} {ca:6.3f} {cb:6.3f} {ratio:6.2f}")


def warm_figures(tmp: Path, runs: int) -> None:
    from vbhc.check import run_rules
    from vbhc.parse import parse_file
    from vbhc.profile import read_profile, segmenter, write_profile
    from vbhc.profile.extract import profile_of

    saved = tmp / "nghe-an.yaml"
    write_profile(profile_of(parse_file(NGHE_AN)), saved)
    segmenter.model.cache_clear()
    t = time.perf_counter()
    profile = read_profile(saved)
    print(f"\nread_profile (saved YAML): {1000 * (time.perf_counter() - t):.1f} ms")
    files = sorted(p for p in EVAL.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
    print(f"{'file':42} {'parse ms':>9} {'parse+check ms':>15} {'check adds ms':>14}  ok")
    worst = 0.0
    for path in files:
        def check(path=path):
            run_rules(parse_file(path), profile=profile, scopes=("plan",))

        check()  # warm-up
        parse = median_time(lambda path=path: parse_file(path), runs)
        both = median_time(check, runs)
        adds = max(0.0, both - parse)
        worst = max(worst, adds)
        print(f"{path.name:42} {1000 * parse:9.1f} {1000 * both:15.1f} {1000 * adds:14.1f}  "
              f"{'yes' if adds < CHECK_TARGET_S else 'NO'}")
    print(f"worst addition: {1000 * worst:.1f} ms (target < {1000 * CHECK_TARGET_S:.0f} ms)")
    loaded = segmenter.model.cache_info().currsize
    print(f"segmentation model loaded while checking against the saved profile: {'yes' if loaded else 'no'}")


# One fresh interpreter per run: where the CPU time of A (--profile) and B (--against) goes, phase by phase.
PHASES_CODE = """
import sys, time
T = time.process_time
t0 = T()
import vbhc.cli.app
t1 = T()
if sys.argv[1] == "A":
    from vbhc.profile import read_profile
    profile = read_profile(sys.argv[2])
else:
    from vbhc.profile import from_parent
    profile = from_parent(sys.argv[2])
t2 = T()
from vbhc.check import check_file
t3 = T()
check_file(sys.argv[3], profile=profile)
t4 = T()
check_file(sys.argv[3], profile=profile)
t5 = T()
print(*(round(1000 * x, 2) for x in (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t4 - t0)))
"""
PHASES = ("import vbhc.cli.app", "profile read / parent", "import vbhc.check", "check_file", "again", "total")


def phase_figures(tmp: Path, runs: int) -> None:
    """Median ms of each phase, A (saved profile) and B (parent plan), for the Nghệ An pair."""
    parent, sub = PAIRS[0]
    saved = tmp / "phases.yaml"
    subprocess.run([*VBHC, "profile", str(parent), "-o", str(saved)], check=True, capture_output=True)
    print(f"\nphases (CPU ms in one process, median of {runs}; the interpreter's own start not counted)")
    print(f"{'':4}" + "".join(f"{name:>24}" for name in PHASES))
    for mode, source in (("A", saved), ("B", parent)):
        rows = [[float(x) for x in subprocess.run([sys.executable, "-c", PHASES_CODE, mode, str(source), str(sub)],
                                                  capture_output=True, text=True, check=True).stdout.split()]
                for _ in range(runs)]
        print(f"{mode:4}" + "".join(f"{statistics.median(col):24.1f}" for col in zip(*rows, strict=True)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--processes-only", action="store_true", help="only the whole-process figures (part 1)")
    ap.add_argument("--before", type=Path, help="another tree's src/ folder, measured side by side with this one")
    ap.add_argument("--cold", action="store_true", help="also with the start-up cache off (VBHC_CACHE_DIR=)")
    ap.add_argument("--new-parent", action="store_true",
                    help="also with the parent's words not kept (the parent read for the first time)")
    ap.add_argument("--phases", action="store_true", help="also where A's and B's time goes, phase by phase")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        process_figures(Path(tmp), args.runs, args.before, args.cold, args.new_parent)
        if args.phases:
            phase_figures(Path(tmp), args.runs)
        if not args.processes_only:
            warm_figures(Path(tmp), args.runs)


if __name__ == "__main__":
    main()
