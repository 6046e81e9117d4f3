"""How parse and check grow with the size of a document: 1× to 100× the Nghệ An plan. Run by hand:

    .venv/bin/python bench/bench_growth.py [--runs 5] [--sizes 1 3 10 30 100]

Two shapes of k× the Nghệ An file (Quyết định 2228/QĐ-UBND and its attached plan, 224 lines,
24 KB): "files", the whole file written k times one after the other (2k documents), and "one
plan", a single plan whose part II (Nhiệm vụ, 82 lines: most of the plan) is written k times, so
that one document's tree, its repeated labels and the rules that walk it grow. Each is parsed in
process by `vbhc.parse.parse_text` (the text reader, classification, the tree: the .txt reader's
file-size limit is not in the way at 100×, 2.4 MB) and checked by `vbhc.check.evaluate` (every
rule, format and plan scope). Each
figure is the minimum over `--runs` runs of the thread's CPU time, which load changes least. The
exponent is the slope of log(time) against log(k), least squares over all sizes: 1.0 is linear,
2.0 quadratic. Target (issue 17): parse and check stay linear (exponent ≤ 1.1).
"""

from __future__ import annotations

import argparse
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from vbhc.check import evaluate
from vbhc.parse import parse_text

ROOT = Path(__file__).resolve().parent.parent
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
LINEAR = 1.1


def cpu_min(fn: Callable[[], object], runs: int) -> float:
    best = math.inf
    for _ in range(runs):
        start = time.thread_time()
        fn()
        best = min(best, time.thread_time() - start)
    return best


def slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def shapes(text: str) -> dict[str, Callable[[int], str]]:
    lines = text.splitlines(keepends=True)
    start = next(i for i, ln in enumerate(lines) if ln.startswith("II. "))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("III. "))
    head, tasks, tail = "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])
    return {"files": lambda k: text * k, "one plan": lambda k: head + tasks * k + tail}


def measure(name: str, make: Callable[[int], str], sizes: list[int], runs: int) -> None:
    print(f"\n{name}:")
    print(f"{'size':>5} {'lines':>7} {'documents':>9} {'findings':>8} {'parse s':>9} {'check s':>9} "
          f"{'parse ms/×':>10} {'check ms/×':>10}")
    parse_s, check_s = [], []
    for k in sizes:
        text = make(k)
        parsed = parse_text(text)
        findings = len(evaluate(parsed).findings)
        p = cpu_min(lambda text=text: parse_text(text), runs)
        c = cpu_min(lambda parsed=parsed: evaluate(parsed), runs)
        parse_s.append(p)
        check_s.append(c)
        print(f"{k:>4}× {text.count(chr(10)):>7} {len(parsed.documents):>9} {findings:>8} {p:>9.3f} {c:>9.3f} "
              f"{1000 * p / k:>10.1f} {1000 * c / k:>10.1f}")
    for what, times in (("parse", parse_s), ("check", check_s)):
        e = slope([float(k) for k in sizes], times)
        print(f"{name}, {what}: exponent {e:.2f} from {sizes[0]}× to {sizes[-1]}× "
              f"({'linear' if e <= LINEAR else 'NOT linear'}: target ≤ {LINEAR})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 3, 10, 30, 100])
    args = ap.parse_args()
    one = NGHE_AN.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    parse_text(one)  # warm-up: patterns compiled, rules registered
    evaluate(parse_text(one))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, make in shapes(one).items():
        measure(name, make, args.sizes, args.runs)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
