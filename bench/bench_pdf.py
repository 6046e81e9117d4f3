"""Benchmark of vbhc's PDF reader against PDFium's plain text extraction.  Run by hand, not by pytest:

    .venv/bin/python bench/bench_pdf.py [--runs N] [FILE_OR_DIR ...]

For every PDF given (default: ../shared/corpus/real/*.pdf beside the project, plus the small PDFs
the reader tests build with tests/readers/pdf_builder.py), side by side in one run:
  - pypdfium2: open, `get_textpage().get_text_range()` on every page (the reference);
  - vbhc.readers.pdf.read_pdf (characters, flattening, lines, paragraphs, tables, scan);
  - vbhc.parse.parse_file (read + classify + tree);
  - pdfplumber: `extract_text()` on every page (what the reader was built on before), once.
Target (issue 11): read ≤ 10× pypdfium2 on every file. Times are the process's CPU time (as
bench/eval_real.py measures: other jobs on a shared 2-core machine stretch wall times unevenly,
by 10 ms slices on files that take 1 ms), `--wall` for wall-clock time. The runs of pypdfium2 and
of vbhc's read alternate, N of each (default 9) after one warm-up; both the fastest run and the
median are shown, and the ratio of each. Imports are not counted; garbage left by the previous
file is collected before each file. The results go into bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
TARGET = 10.0


def pdfium_text(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    n = 0
    try:
        for page in doc:
            text = page.get_textpage()
            n += len(text.get_text_range())
            text.close()
            page.close()
    finally:
        doc.close()
    return n


def plumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def vbhc_read(path: Path) -> int:
    from vbhc.readers.pdf import read_pdf

    return len(read_pdf(path).blocks)


def vbhc_parse(path: Path) -> int:
    from vbhc.parse import parse_file

    return len(parse_file(str(path)).documents)


CLOCK = time.process_time  # CPU time of this process (PDFium runs in it, on one thread)


def timed(call: Callable[[Path], int], path: Path) -> float:
    start = CLOCK()
    call(path)
    return CLOCK() - start


def side_by_side(calls: list[Callable[[Path], int]], path: Path, runs: int) -> list[list[float]]:
    """Each call's times over `runs` alternating rounds, after one warm-up round."""
    for call in calls:
        call(path)
    times: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for k, call in enumerate(calls):
            times[k].append(timed(call, path))
    return times


def built_pdfs(folder: Path) -> list[Path]:
    """The PDFs the tests build: hand-made (header, legacy fonts) and, where LibreOffice is
    installed, the two decisions tests/readers/test_pdf.py and tests/parse/test_pdf_matches_docx.py
    print from .docx."""
    sys.path.insert(0, str(ROOT / "tests" / "readers"))
    sys.path.insert(0, str(ROOT / "tests" / "parse"))
    import test_pdf
    import test_pdf_legacy
    import test_pdf_matches_docx
    from pdf_builder import build_pdf

    out = []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        for name, make in (("lo-quyet-dinh", test_pdf.make_decision_docx),
                           ("lo-quyet-dinh-2", test_pdf_matches_docx.build_decision)):
            docx = folder / f"{name}.docx"
            make(docx)
            subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                           check=True, capture_output=True, timeout=180)
            out.append(folder / f"{name}.pdf")
    header = folder / "built-header.pdf"
    header.write_bytes(build_pdf([test_pdf.HEADER] * 3))
    out.append(header)
    items, _ = test_pdf_legacy.decision()
    legacy_pdf = folder / "built-legacy.pdf"
    legacy_pdf.write_bytes(build_pdf([items], fonts=test_pdf_legacy.FONTS))
    out.append(legacy_pdf)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of CPU time")
    ap.add_argument("paths", nargs="*", type=Path)
    args = ap.parse_args()
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
    with tempfile.TemporaryDirectory() as tmp:
        files: list[Path] = []
        for p in args.paths or ([REAL] if REAL.is_dir() else []):
            files.extend(sorted(p.glob("*.pdf")) if p.is_dir() else [p])
        if not args.paths:
            files.extend(built_pdfs(Path(tmp)))
        print(f"{'file':34} {'pages':>5} {'pdfium ms':>14} {'read ms':>14} {'ratio':>10} "
              f"{'parse ms':>9} {'plumber ms':>11}  ok")
        print(f"{'':34} {'':5} {'min / median':>14} {'min / median':>14} {'min / med':>10}")
        worst = worst_median = 0.0
        for path in files:
            import pypdfium2 as pdfium

            pages = len(pdfium.PdfDocument(str(path)))
            gc.collect()  # what the previous file left (pdfplumber's objects above all) is not this file's cost
            base, read = side_by_side([pdfium_text, vbhc_read], path, args.runs)
            parse = statistics.median(side_by_side([vbhc_parse], path, max(1, args.runs // 3))[0])
            plumber = timed(plumber_text, path)
            ratio = min(read) / min(base)
            ratio_median = statistics.median(read) / statistics.median(base)
            worst, worst_median = max(worst, ratio), max(worst_median, ratio_median)
            print(f"{path.name[:34]:34} {pages:5d} {min(base) * 1000:6.1f} / {statistics.median(base) * 1000:5.1f} "
                  f"{min(read) * 1000:6.1f} / {statistics.median(read) * 1000:5.1f} {ratio:4.1f} / {ratio_median:3.1f} "
                  f"{parse * 1000:9.1f} {plumber * 1000:11.1f}  {'yes' if ratio <= TARGET else 'NO'}")
        print(f"worst ratio {worst:.1f} on the fastest runs, {worst_median:.1f} on the medians (target ≤ {TARGET:g})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
