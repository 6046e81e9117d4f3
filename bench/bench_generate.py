"""Benchmark of `vbhc new` / `vbhc draft` writing against python-docx writing the same content.
Run by hand, not by pytest:

    .venv/bin/python bench/bench_generate.py [--runs N]

Documents: every template's example data rendered (`vbhc new TEMPLATE --data TEMPLATE.example.yaml`)
and the sub-plan drafted from the Nghệ An plan with its decision (`vbhc draft --with-decision`,
the largest: a 60-row task table). For each, side by side in one run:

  - vbhc: `vbhc.writers.docx.to_bytes(documents)`: the .docx as `vbhc new -o x.docx` writes it
    (page setup, styles, header with the page number, every paragraph with its formatting);
  - python-docx, the same content: a new `docx.Document()`, then every body paragraph and table of
    vbhc's output, in order, written through python-docx's API: `add_paragraph`, its alignment,
    `add_run` per run with the run's text, bold, italic and size; tables with `add_table(rows, cols)`
    and each cell's paragraphs and runs the same way; `save` to memory. (What vbhc writes beyond
    that, page setup, indents, spacing, borders, the page-number header, is not in the baseline.)
    target: vbhc <= 1.5x
  - Markdown: `vbhc new -o x.md` as it now runs (Markdown from the Documents, no .docx) against the
    old way (write the .docx, read it back, Markdown of the parse).

Figures are the minimum over N runs (default 7) of the thread's CPU time, interleaved (vbhc, then
python-docx, then the next run): on a shared machine the minimum of CPU time is the steadiest figure.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "src" / "vbhc" / "templates"
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Run = tuple[str, bool, bool, float | None]
Para = tuple[str | None, list[Run]]


def documents() -> dict[str, list[Any]]:
    """name → the Documents `vbhc new` (every template's example) and `vbhc draft` would write."""
    from vbhc.generate.template import load_data, render

    out: dict[str, list[Any]] = {}
    for example in sorted(TEMPLATES.glob("*.example.yaml")):
        name = example.name.removesuffix(".example.yaml")
        out[f"new {name}"] = render(name, load_data(str(example)))
    from vbhc.generate.subplan import draft, parent_plan
    from vbhc.profile import from_parent

    profile = from_parent(str(NGHE_AN))
    out["draft nghe-an --with-decision"] = draft(profile, "Sở Tư pháp", parent=parent_plan(profile, str(NGHE_AN)),
                                                 date="2025-07-25", with_decision=True).documents
    return out


# --- the content of vbhc's output, as python-docx would be asked to write it ----------------------

def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(W + "val", "1") not in ("0", "false")


def _para(p: etree._Element) -> Para:
    ppr = p.find(W + "pPr")
    jc = ppr.find(W + "jc") if ppr is not None else None
    runs: list[Run] = []
    for r in p.iter(W + "r"):
        text = "".join(t.text or "" for t in r.iter(W + "t"))
        if not text:
            continue
        rpr = r.find(W + "rPr")
        sz = rpr.find(W + "sz") if rpr is not None else None
        runs.append((text, _on(rpr.find(W + "b")) if rpr is not None else False,
                     _on(rpr.find(W + "i")) if rpr is not None else False,
                     int(sz.get(W + "val")) / 2 if sz is not None else None))
    return (jc.get(W + "val") if jc is not None else None), runs


def content(docx_bytes: bytes) -> list[tuple[str, Any]]:
    """Body paragraphs ("p", Para) and tables ("tbl", rows of cells of Paras), in order."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(W + "body")
    out: list[tuple[str, Any]] = []
    for el in body:
        if el.tag == W + "p":
            out.append(("p", _para(el)))
        elif el.tag == W + "tbl":
            out.append(("tbl", [[[_para(p) for p in tc.iter(W + "p")] for tc in tr.iter(W + "tc")]
                                for tr in el.iter(W + "tr")]))
    return out


def python_docx_write(items: list[tuple[str, Any]]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
             "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}

    def fill(paragraph: Any, para: Para) -> None:
        if para[0] in align:
            paragraph.alignment = align[para[0]]
        for text, bold, italic, size in para[1]:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = Pt(size)

    d = docx.Document()
    for kind, item in items:
        if kind == "p":
            fill(d.add_paragraph(), item)
            continue
        table = d.add_table(rows=len(item), cols=max(len(r) for r in item))
        for row, table_row in zip(item, table.rows, strict=True):
            cells = table_row.cells
            for c, paras in enumerate(row):
                for k, para in enumerate(paras):
                    fill(cells[c].paragraphs[0] if k == 0 else cells[c].add_paragraph(), para)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# --- Markdown, old and new ------------------------------------------------------------------------

def md_from_documents(docs: list[Any]) -> str:
    from vbhc.writers.md import documents_md

    return documents_md(docs)


def md_by_reading_back(docs: list[Any]) -> str:
    from vbhc.parse import parse_file
    from vbhc.writers.docx import to_bytes
    from vbhc.writers.md import parsed_md

    fd, tmp = tempfile.mkstemp(suffix=".docx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(to_bytes(docs))
        return parsed_md(parse_file(tmp))
    finally:
        os.unlink(tmp)


def best(fns: list[Callable[[], object]], runs: int) -> list[float]:
    """Minimum thread CPU time of each function over `runs` interleaved runs, after a warm-up."""
    for fn in fns:
        fn()
    times = [float("inf")] * len(fns)
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = time.thread_time()
            fn()
            times[i] = min(times[i], time.thread_time() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    from vbhc.writers.docx import to_bytes

    print(f"{'documents':<34} {'paras':>5} {'python-docx ms':>14} {'vbhc ms':>8} {'ratio':>6}  target  ok")
    worst = 0.0
    sets = documents()
    for name, docs in sets.items():
        items = content(to_bytes(docs))
        paras = sum(1 if k == "p" else sum(len(c) for row in v for c in row) for k, v in items)
        base, ours = best([lambda items=items: python_docx_write(items), lambda docs=docs: to_bytes(docs)], args.runs)
        worst = max(worst, ours / base)
        print(f"{name:<34} {paras:>5} {base * 1000:>14.1f} {ours * 1000:>8.1f} {ours / base:>6.2f}  <= 1.5  "
              f"{'yes' if ours / base <= 1.5 else 'NO'}")
    print(f"worst ratio: {worst:.2f}\n")
    print(f"{'-o x.md':<34} {'read back ms':>12} {'direct ms':>10}")
    for name, docs in sets.items():
        old, new = best([lambda docs=docs: md_by_reading_back(docs), lambda docs=docs: md_from_documents(docs)],
                        args.runs)
        print(f"{name:<34} {old * 1000:>12.1f} {new * 1000:>10.1f}")
    print(f"\nmachine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    sys.exit(main())
