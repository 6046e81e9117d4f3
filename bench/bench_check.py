"""Benchmark of `vbhc check`: time spent in the rules against the time spent parsing. Run by hand,
not by pytest:

    .venv/bin/python bench/bench_check.py [--runs N] [--no-pdf]

For each file: parse time (vbhc.parse.parse_file: read + classify + tree) and check time
(vbhc.check.run_rules over the parsed file, every rule of the catalogue), medians of N runs after
one warm-up. Target: check time <= 50 % of parse time (checking adds at most half to the parse).
Files: the Nghệ An plan (text), the decree's Phụ lục .docx files, a generated 50-page plan
(.docx, from bench_parse.make_plan) and its PDF made by LibreOffice (when soffice is installed).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_parse import make_plan  # noqa: E402

from vbhc.check import run_rules  # noqa: E402
from vbhc.parse import parse_file  # noqa: E402
from vbhc.rules import all_rules  # noqa: E402

TARGET = 0.5


def median_time(fn, runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    all_rules()
    files = [ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt",
             *sorted((ROOT.parent / "shared" / "corpus" / "nd30-2020" / "docx").glob("*.docx"))]  # read in place
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "ke-hoach-50-trang.docx"
        make_plan(plan)
        files.append(plan)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice and not args.no_pdf:
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "pdf",
                            "--outdir", tmp, str(plan)], check=True, capture_output=True, timeout=300)
            files.append(plan.with_suffix(".pdf"))
        print(f"{'file':<36} {'parse s':>9} {'check s':>9} {'check/parse':>12} {'findings':>9}  ok")
        worst = 0.0
        for path in files:
            parse_s = median_time(lambda p=path: parse_file(p), args.runs)
            parsed = parse_file(path)
            check_s = median_time(lambda pf=parsed: run_rules(pf), args.runs)
            n = len(run_rules(parsed)[0])
            ratio = check_s / parse_s
            worst = max(worst, ratio)
            print(f"{path.name:<36} {parse_s:9.4f} {check_s:9.4f} {ratio:12.2f} {n:9d}  "
                  f"{'yes' if ratio <= TARGET else 'NO'}")
        print(f"\nworst check/parse: {worst:.2f} (target <= {TARGET})")


if __name__ == "__main__":
    main()
