"""Benchmark of `vbhc profile` and of checking a sub-plan against a saved profile. Run by hand, not by
pytest:

    .venv/bin/python bench/bench_profile.py [--runs N]

1. `vbhc profile` on the Nghệ An plan, wall time from process start (a fresh interpreter each run,
   `python -m vbhc profile PLAN -o P.yaml`): target < 1 s.
2. In one warm process (the saved profile read once, one warm-up run per file): for each document of
   corpus/eval, parse time (vbhc.parse.parse_file) and parse + plan rules (run_rules with the
   profile, scopes=("plan",)) on a fresh parse; the difference is what checking adds: target < 100 ms.
   "new doc" clears the indicator-key cache before each run (the parent's keys are recomputed too, as
   for a document never seen in this process; the model stays loaded). Medians of N runs.
3. underthesea's word-segmentation model: how many times it was loaded in this process (must be 1).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
EVAL = ROOT / "corpus" / "eval"
PROFILE_TARGET_S = 1.0
CHECK_TARGET_S = 0.100


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "nghe-an.yaml"
        cmd = [sys.executable, "-m", "vbhc", "profile", str(NGHE_AN), "-o", str(saved)]
        subprocess.run(cmd, check=True, capture_output=True)  # warm the OS file cache
        cli = median_time(lambda: subprocess.run(cmd, check=True, capture_output=True), args.runs)
        print(f"vbhc profile {NGHE_AN.name} -o P.yaml, from process start: {cli:.3f} s "
              f"(target < {PROFILE_TARGET_S:.0f} s: {'yes' if cli < PROFILE_TARGET_S else 'NO'})")

        from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

        loads = {"n": 0}
        original_load = FastCRFSequenceTagger.load

        def counting_load(self, *a, **kw):
            loads["n"] += 1
            return original_load(self, *a, **kw)

        FastCRFSequenceTagger.load = counting_load

        from vbhc.check import run_rules
        from vbhc.parse import parse_file
        from vbhc.profile import read_profile
        from vbhc.profile.keys import indicator_key

        t = time.perf_counter()
        profile = read_profile(saved)
        print(f"read_profile (saved YAML): {1000 * (time.perf_counter() - t):.1f} ms")

        files = sorted(p for p in EVAL.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
        print(f"\n{'file':42} {'parse ms':>9} {'parse+check ms':>15} {'check adds ms':>14} {'new doc ms':>11}  ok")
        worst = 0.0
        for path in files:
            def check(path=path, cold=False):
                if cold:  # a document never seen: its indicators not yet segmented (the model stays loaded)
                    indicator_key.cache_clear()
                run_rules(parse_file(path), profile=profile, scopes=("plan",))

            check()  # warm-up (loads the segmentation model on the first file)
            parse = median_time(lambda path=path: parse_file(path), args.runs)
            both = median_time(check, args.runs)
            cold = median_time(lambda path=path: check(path, cold=True), args.runs)
            adds = max(0.0, both - parse)
            adds_new = max(0.0, cold - parse)
            worst = max(worst, adds, adds_new)
            print(f"{path.name:42} {1000 * parse:9.1f} {1000 * both:15.1f} {1000 * adds:14.1f} "
                  f"{1000 * adds_new:11.1f}  "
                  f"{'yes' if max(adds, adds_new) < CHECK_TARGET_S else 'NO'}")
        print(f"\nworst addition: {1000 * worst:.1f} ms (target < {1000 * CHECK_TARGET_S:.0f} ms: "
              f"{'yes' if worst < CHECK_TARGET_S else 'NO'})")
        print(f"underthesea word-segmentation model loaded {loads['n']} time(s) in this process "
              f"({len(files)} files x {2 * args.runs + 1} checks)")


if __name__ == "__main__":
    main()
