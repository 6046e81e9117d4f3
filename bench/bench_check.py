"""Benchmark of `vbhc check`: CPU time in the rules against the CPU time of the parse. Run by hand,
not by pytest:

    .venv/bin/python bench/bench_check.py [--runs N] [--no-pdf] [--rules [K]] [--base SRC]

For each file: parse (vbhc.parse.parse_file: read + classify + tree) and check (vbhc.check.run_rules
over the parse just made: every rule of the catalogue, format and plan scope), each the minimum thread
CPU time over N interleaved runs (parse, check, next file, next round) after a warm-up: on a shared
machine that is the steadiest figure. Target (issue 17): check <= 0.15 x parse on every .docx.

Files: every .docx of corpus/ (the eval plans), the decree's six Phụ lục (../shared/corpus/nd30-2020/
docx), every .docx of ../shared/corpus/real/ (each folder read in place, when present), the generated
50-page plan of bench_parse.make_plan; the Nghệ An plan (.txt) and the plan's LibreOffice PDF (when
soffice is installed, unless --no-pdf) are shown too, outside the target.

--rules [K]: the cost of each rule (minimum CPU time over the runs) on the K files with the highest
check/parse (default 3). The context's indexes (nodes, sibling lists, node of each block, lines by
role) are timed first, on their own line; then the rules run in catalogue order and share the
per-document memo as in a check, so an index of a rule module (typography's judged lines and body
lines, body's numbering faults) is paid by the first rule that asks for it.

--base SRC: the same figures for another checkout's `src` (e.g. the starting commit, made with
`git worktree add /tmp/base COMMIT`), measured side by side: two worker processes, one per tree,
take turns round by round, so both see the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared" / "corpus"
TARGET = 0.15


def bench_files(tmp: Path, pdf: bool) -> list[tuple[Path, bool]]:
    """(file, held to the target): the .docx set of issue 17, then the text and PDF rows."""
    sys.path.insert(0, str(BENCH))
    from bench_parse import make_plan

    plan = tmp / "ke-hoach-50-trang.docx"
    make_plan(plan)
    docx = [*sorted((ROOT / "corpus").rglob("*.docx")), *sorted((SHARED / "nd30-2020" / "docx").glob("*.docx")),
            *sorted((SHARED / "real").glob("*.docx")), plan]
    files = [(p, True) for p in docx]
    files.append((ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt", False))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if pdf and soffice:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "pdf",
                        "--outdir", str(tmp), str(plan)], check=True, capture_output=True, timeout=300)
        files.append((plan.with_suffix(".pdf"), False))
    return files


class Timer:
    """Times rounds: for every file, the parse, then the check of the parse just made (as `vbhc check`
    does: nothing the check computes is kept on a parse from one round to the next)."""

    def __init__(self, paths: list[Path]) -> None:
        from vbhc.check import run_rules
        from vbhc.parse import parse_file
        from vbhc.rules import all_rules

        all_rules()
        self.parse_file, self.run_rules = parse_file, run_rules
        self.paths = paths
        self.findings = [len(run_rules(parse_file(p))[0]) for p in paths]  # also the warm-up

    def round(self) -> list[tuple[float, float]]:
        out = []
        for path in self.paths:
            t0 = time.thread_time()
            parsed = self.parse_file(path)
            t1 = time.thread_time()
            self.run_rules(parsed)
            out.append((t1 - t0, time.thread_time() - t1))
        return out


def worker() -> None:
    """`--worker FILE...`: one round per line read on stdin, its times as one JSON line."""
    timer = Timer([Path(p) for p in sys.argv[2:]])
    print(json.dumps(timer.findings), flush=True)
    for _ in sys.stdin:
        print(json.dumps(timer.round()), flush=True)


class Remote:
    """A worker process running the tree at `src`."""

    def __init__(self, src: Path, paths: list[Path]) -> None:
        env = {**os.environ, "PYTHONPATH": str(src)}
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", *map(str, paths)], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.findings = self._read()

    def _read(self):  # type: ignore[no-untyped-def]
        assert self.proc.stdout is not None
        return json.loads(self.proc.stdout.readline())

    def round(self) -> list[tuple[float, float]]:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        return [tuple(t) for t in self._read()]  # type: ignore[misc]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def best_of(timers: list, runs: int) -> list[list[tuple[float, float]]]:  # type: ignore[type-arg]
    """Per timer, per file: the minimum parse and check CPU times over interleaved rounds."""
    best = [[(float("inf"), float("inf"))] * len(t.findings) for t in timers]
    for _ in range(runs):
        for i, t in enumerate(timers):
            for j, (p, c) in enumerate(t.round()):
                best[i][j] = (min(best[i][j][0], p), min(best[i][j][1], c))
    return best


SHARED_INDEXES = "(the context's indexes)"


def rule_costs(path: Path, runs: int) -> list[tuple[str, float, int]]:
    """(rule id, minimum CPU time, findings) of each rule of a check of `path`, in catalogue order."""
    from vbhc.check import Config, _rules_for, _run_rule, applicable, contexts
    from vbhc.parse import parse_file

    parsed = parse_file(path)
    rules = [r for r in _rules_for(parsed, Config(), ("format", "plan")) if applicable(r, parsed, None)]
    best = {r.id: float("inf") for r in rules}
    best[SHARED_INDEXES] = float("inf")
    found: dict[str, int] = {SHARED_INDEXES: 0}
    for _ in range(runs + 1):
        ctxs = contexts(parsed)
        t0 = time.thread_time()
        for ctx in ctxs:  # the context's own indexes, so that no rule is charged for them
            ctx.nodes(), ctx.sibling_lists(), ctx.node_of_block(), ctx.by_role()
        best[SHARED_INDEXES] = min(best[SHARED_INDEXES], time.thread_time() - t0)
        for r in rules:
            t0 = time.thread_time()
            out = _run_rule(r, ctxs, Config())
            best[r.id] = min(best[r.id], time.thread_time() - t0)
            found[r.id] = len(out)
    return sorted(((rid, s, found[rid]) for rid, s in best.items()), key=lambda x: -x[1])


def print_rules(rows: list[tuple[Path, float, float]], k: int, runs: int) -> None:
    """The rule table of the k files of highest check/parse."""
    for path, check_s, _ratio in sorted(rows, key=lambda x: -x[2])[:k]:
        costs = rule_costs(path, runs)
        total = sum(s for _, s, _ in costs)
        print(f"\nper rule, {path.name} (check {check_s * 1000:.1f} ms; rules alone {total * 1000:.1f} ms):")
        print(f"  {'rule':<40} {'ms':>7} {'share':>6} {'findings':>8}")
        for rid, s, n in costs[:12]:
            print(f"  {rid:<40} {s * 1000:7.2f} {s / total:6.1%} {n:8d}")
        rest = costs[12:]
        print(f"  {f'the other {len(rest)} rules':<40} {sum(s for _, s, _ in rest) * 1000:7.2f} "
              f"{sum(s for _, s, _ in rest) / total:6.1%}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker()
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--rules", type=int, nargs="?", const=3, default=0, metavar="K")
    ap.add_argument("--base", type=Path, help="another checkout's src/, measured side by side")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = bench_files(Path(tmp), not args.no_pdf)
        paths = [p for p, _ in files]
        timers: list = [Remote(ROOT / "src", paths)]  # type: ignore[type-arg]
        if args.base:
            timers.insert(0, Remote(args.base.resolve(), paths))
        best = best_of(timers, args.runs)
        for t in timers:
            t.close()
        here = best[-1]
        head = f"{'file':<44} {'parse ms':>9} {'check ms':>9} {'check/parse':>11}"
        if args.base:
            head += f" {'before':>7} {'findings':>8} {'before':>6}"
        print(head + "  target")
        worst = 0.0
        for j, (path, held) in enumerate(files):
            parse_s, check_s = here[j]
            ratio = check_s / parse_s
            line = f"{path.name[:44]:<44} {parse_s * 1000:9.1f} {check_s * 1000:9.2f} {ratio:11.3f}"
            if args.base:
                b_parse, b_check = best[0][j]
                line += f" {b_check / b_parse:7.3f} {timers[-1].findings[j]:8d} {timers[0].findings[j]:6d}"
            if held:
                worst = max(worst, ratio)
                line += f"  {'ok (≤ 0.15)' if ratio <= TARGET else 'NO (> 0.15)'}"
            print(line)
        print(f"\nworst check/parse over the .docx: {worst:.3f} (target ≤ {TARGET}); {args.runs} runs, "
              f"minimum thread CPU time")
        print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if args.rules:
            print_rules([(p, here[j][1], here[j][1] / here[j][0]) for j, (p, held) in enumerate(files) if held],
                        args.rules, args.runs)


if __name__ == "__main__":
    main()
