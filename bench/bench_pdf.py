"""Benchmark of vbhc's PDF reader against PDFium's plain text extraction.  Run by hand, not by pytest:

    .venv/bin/python bench/bench_pdf.py [--runs N] [FILE_OR_DIR ...]

For every PDF given (default: ../shared/corpus/real/*.pdf beside the project, plus the small PDFs
the reader tests build with tests/readers/pdf_builder.py), side by side in one run:
  - pypdfium2: open, `get_textpage().get_text_range()` on every page (the reference);
  - vbhc.readers.pdf.read_pdf (characters, flattening, lines, paragraphs, tables, scan);
  - vbhc.parse.parse_file (read + classify + tree);
  - pdfplumber: `extract_text()` on every page (what the reader was built on before), once.
Target (issue 11): read ≤ 10× pypdfium2 on every file. Figures are medians of N runs (default
5) after one warm-up; imports are not counted. The results go into bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import statistics
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


def median_time(call: Callable[[Path], int], path: Path, runs: int) -> float:
    call(path)  # warm-up: caches, lazy imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def built_pdfs(folder: Path) -> list[Path]:
    """The hand-made PDFs of tests/readers (header, legacy fonts, a footnote page)."""
    sys.path.insert(0, str(ROOT / "tests" / "readers"))
    import test_pdf
    import test_pdf_legacy
    from pdf_builder import build_pdf

    out = []
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
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("paths", nargs="*", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files: list[Path] = []
        for p in args.paths or ([REAL] if REAL.is_dir() else []):
            files.extend(sorted(p.glob("*.pdf")) if p.is_dir() else [p])
        if not args.paths:
            files.extend(built_pdfs(Path(tmp)))
        print(f"{'file':34} {'pages':>5} {'pdfium ms':>10} {'read ms':>9} {'ratio':>6} "
              f"{'parse ms':>9} {'plumber ms':>11}  ok")
        worst = 0.0
        for path in files:
            import pypdfium2 as pdfium

            pages = len(pdfium.PdfDocument(str(path)))
            base = median_time(pdfium_text, path, args.runs)
            read = median_time(vbhc_read, path, args.runs)
            parse = median_time(vbhc_parse, path, max(1, args.runs // 2))
            start = time.perf_counter()
            plumber_text(path)
            plumber = time.perf_counter() - start
            ratio = read / base if base else float("inf")
            worst = max(worst, ratio)
            print(f"{path.name[:34]:34} {pages:5d} {base * 1000:10.1f} {read * 1000:9.1f} {ratio:6.1f} "
                  f"{parse * 1000:9.1f} {plumber * 1000:11.1f}  {'yes' if ratio <= TARGET else 'NO'}")
        print(f"worst ratio {worst:.1f} (target ≤ {TARGET:g})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
