"""Benchmark inputs for `vbhc fix` against `vbhc check` (the target: fix ≤ 2× check, whole process).

Run by hand, not by pytest. It writes into a folder a damaged copy of a real 30-page plan (every
body run at 12 pt instead of 14, the left margin at 25 mm, a few text faults: the worst case for
`vbhc fix`, which then edits hundreds of runs and checks its copy again), and prints the
farm-bench commands that time `vbhc fix` against `vbhc check` on it and on the real plans as
they are:

    .venv/bin/python bench/bench_fix.py /tmp/vbhc-bench-fix      # then run the printed commands
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import docx
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
PLANS = ["kh02-lamdong-kh-cchc-2026.docx", "kh01-lamdong-kh-cchc-2026-2030.docx", "bc02-lamdong-bc-cchc-quy1-2026.docx"]


def damaged(src: Path, out: Path) -> Path:
    """The plan with its body at 12 pt, a 25 mm left margin, and spaces around the "/" of its number."""
    d = docx.Document(str(src))
    d.sections[0].left_margin = Mm(25)
    cells = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    for p in [*d.paragraphs, *cells]:
        for r in p.runs:
            if r.font.size is None or r.font.size == Pt(14):
                r.font.size = Pt(12)
        if p.text.startswith("Số:") and "/" in p.text and p.runs:
            first = p.runs[0]
            first.text = first.text.replace("/", " / ", 1)
    d.save(str(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not REAL.exists():
        sys.exit(f"{REAL} is absent: the real plans are read from the shared folder beside the project")
    args.folder.mkdir(parents=True, exist_ok=True)
    files = [REAL / name for name in PLANS]
    files.append(damaged(files[0], args.folder / "kh02-hong.docx"))
    vbhc = ROOT / ".venv" / "bin" / "vbhc"
    for f in files:
        out = args.folder / f"{f.stem}.vbhc.docx"
        for extra in ("", " --unsafe-fixes --track-changes"):
            print(f"farm-bench -n {args.runs} --timeout 600 --vs '{vbhc} check {f}' -- "
                  f"{vbhc} fix {f} -o {out}{extra}")


if __name__ == "__main__":
    main()
