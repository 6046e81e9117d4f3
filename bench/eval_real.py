"""Measure vbhc on real documents against hand-written gold (issue 11).  Run by hand or by
tests/real/test_eval_real.py:

    .venv/bin/python bench/eval_real.py                     # every file with a gold
    .venv/bin/python bench/eval_real.py --only cv04         # one file (stem prefix or name)
    .venv/bin/python bench/eval_real.py --json figures.json --runs 5

For every gold in corpus/gold/real/ (format: corpus/gold/real/README.md) whose file is in
../shared/corpus/real/ (or --real DIR), in-process:
  - `vbhc.parse.parse_file` (timed), then `vbhc.check.check_file` (timed: what a user waits for);
  - header fields right, n/7 per document (issuer, number, symbol, place, date, type, trích
    yếu), compared after squashing spaces, NFC and the new tone placement, case-insensitively
    unless the gold lists the field under `case_matters`; scans are scored apart;
  - documents count, outline counts (chapters, sections, articles, clauses, points), signature
    and Nơi nhận count;
  - error findings real or false: real when the gold lists that rule for that document, up to
    its count; every other error finding is false (the scan finding itself excepted);
  - gold defects found as errors, found only as warnings, missed;
  - scan told (a finding "VBHC.BanQuet" or Source.scanned), refused (InputError), crashed;
  - for PDFs, the parse time against pypdfium2's plain text extraction of the same file.
A file that makes vbhc (or this script) raise is a figure, never a stop.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "corpus" / "gold" / "real"
REAL_DIR = ROOT.parent / "shared" / "corpus" / "real"

HEADER_FIELDS = ("issuer", "number", "symbol", "place", "date", "doc_type", "title")
OUTLINE_KINDS = {"parts": "part", "chapters": "chapter", "sections": "section", "articles": "article",
                 "clauses": "clause", "points": "point"}
SCAN_RULE = "VBHC.BanQuet"
INTERNAL_ERROR = "VBHC.LoiNoiBo"
PDF_TARGET_RATIO = 10.0
QUICK_PARSE = 1.0  # seconds: a parse this quick is repeated to steady its time


# ------------------------------------------------------------------------------------ gold
def load_gold(gold_dir: Path = GOLD_DIR) -> list[dict[str, Any]]:
    """Every gold file, in name order (a README or other non-YAML file is skipped)."""
    golds = []
    for p in sorted(gold_dir.glob("*.yaml")):
        try:
            golds.append(yaml.safe_load(p.read_text(encoding="utf-8")) | {"_gold": p.name})
        except (OSError, yaml.YAMLError, TypeError) as exc:
            raise SystemExit(f"{p}: not a readable gold file ({exc})") from None
    return golds


def _norm(value: Any, keep_case: bool) -> str | None:
    from vbhc.textnorm import modern_tones, squash

    if value is None:
        return None
    text = squash(modern_tones(str(value)))
    if text == "":
        return None
    return text if keep_case else text.casefold()


def _title_norm(value: Any, keep_case: bool) -> str | None:
    """A công văn's trích yếu is kept without its "V/v"; accept either side writing it."""
    text = _norm(value, keep_case)
    if text and text[:3].casefold() == "v/v":
        text = text[3:].lstrip(" :") or None
    return text


def field_right(name: str, gold_value: Any, found: Any, keep_case: bool = False) -> bool:
    """Does vbhc's value match the gold (or one of the gold's accepted values)?"""
    norm = _title_norm if name == "title" else _norm
    accepted = gold_value if isinstance(gold_value, list) else [gold_value]
    return norm(found, keep_case) in {norm(v, keep_case) for v in accepted}


# ------------------------------------------------------------------------------ the figures
@dataclass
class DocEval:
    index: int
    doc_type: Any
    own_header: bool = True  # printed with a header of its own (not an appendix or attached document)
    header: dict[str, bool] = field(default_factory=dict)
    header_found: dict[str, Any] = field(default_factory=dict)
    parent_issuer: bool = False
    outline: dict[str, list[int]] = field(default_factory=dict)  # kind -> [gold, found]
    outline_right: bool = False
    signature_right: bool = False
    signature_found: Any = None
    recipients: list[Any] = field(default_factory=list)  # [gold, found]


@dataclass
class FileEval:
    file: str
    format: str
    scan: bool
    sound: bool
    status: str = "ok"  # ok | refused | crashed | missing
    error: str | None = None
    parse_seconds: float | None = None  # vbhc.parse.parse_file
    check_seconds: float | None = None  # check_file on that parse (rules); with --fresh-check, parse included
    parse_cpu_seconds: float | None = None
    pdfium_seconds: float | None = None
    pdfium_cpu_seconds: float | None = None
    pdf_ratio: float | None = None  # CPU time of vbhc's parse / CPU time of pypdfium2's text
    docs_gold: int = 0
    docs_found: int = 0
    docs: list[DocEval] = field(default_factory=list)
    errors_real: int = 0
    errors_false: int = 0
    false_findings: list[dict[str, Any]] = field(default_factory=list)
    false_on_gold_warning: int = 0
    rule_crashes: int = 0
    defects: int = 0
    defects_found: int = 0
    defects_as_warning: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    defects_without_rule: int = 0
    scan_told: bool = False

    @property
    def header_right(self) -> int:
        return sum(sum(d.header.values()) for d in self.docs)

    @property
    def header_total(self) -> int:
        return len(HEADER_FIELDS) * self.docs_gold


def _outline_counts(doc: Any) -> Counter[str]:
    return Counter(node.kind for node in doc.nodes())


def eval_document(index: int, gold: dict[str, Any], doc: Any) -> DocEval:
    """Header, outline, signature and recipients of one document (doc None: not found)."""
    out = DocEval(index=index, doc_type=gold.get("doc_type"),
                  own_header=not gold.get("is_appendix") and not gold.get("attached_to"))
    keep_case = set(gold.get("case_matters", []))
    for name in HEADER_FIELDS:
        found = getattr(doc, name, None) if doc is not None else None
        out.header[name] = doc is not None and field_right(name, gold.get(name), found, name in keep_case)
        out.header_found[name] = found
    out.parent_issuer = doc is not None and field_right("parent_issuer", gold.get("parent_issuer"),
                                                        getattr(doc, "parent_issuer", None))
    counts = _outline_counts(doc) if doc is not None else Counter()
    want = gold.get("outline") or {}
    for key, kind in OUTLINE_KINDS.items():
        if want.get(key, 0) or counts.get(kind, 0):
            out.outline[key] = [want.get(key, 0), counts.get(kind, 0)]
    out.outline_right = doc is not None and all(g == f for g, f in out.outline.values())
    out.signature_right = doc is not None and _signature_right(gold.get("signature"), doc.signature)
    if doc is not None and doc.signature is not None:
        out.signature_found = {"authority": doc.signature.authority, "signer": doc.signature.signer}
    found_recipients = len(doc.recipients) if doc is not None else None
    out.recipients = [gold.get("recipients", 0), found_recipients]
    return out


def _signature_right(gold: dict[str, Any] | None, found: Any) -> bool:
    if gold is None:
        return found is None or not (found.signer or found.authority)
    if found is None:
        return False
    return (field_right("authority", gold.get("authority"), found.authority)
            and field_right("signer", gold.get("signer"), found.signer))


def score_findings(out: FileEval, gold_docs: list[dict[str, Any]], findings: list[Any]) -> None:
    """Error findings real or false; gold defects found, found only as warnings, or missed."""
    errors: dict[tuple[int, str], int] = Counter()
    others: dict[tuple[int, str], int] = Counter()
    for f in findings:
        if f.rule == SCAN_RULE:
            continue
        if f.rule == INTERNAL_ERROR:
            out.rule_crashes += 1
        (errors if f.severity == "error" else others)[(f.document, f.rule)] += 1
    budget: dict[tuple[int, str], int] = Counter()
    warned: set[tuple[int, str]] = set()
    for i, doc in enumerate(gold_docs):
        for d in doc.get("defects") or []:
            budget[(i, d["rule"])] += d["count"]
        warned |= {(i, w["rule"]) for w in doc.get("warnings") or []}
        out.defects_without_rule += sum(d.get("count", 1) for d in doc.get("defects_without_rule") or [])
    for key, n in errors.items():
        real = min(n, budget.get(key, 0))
        out.errors_real += real
        out.errors_false += n - real
        if n - real:
            out.false_findings.append({"document": key[0], "rule": key[1], "count": n - real})
            out.false_on_gold_warning += (n - real) if key in warned else 0
    for key, want in budget.items():
        found = min(want, errors.get(key, 0))
        as_warning = min(want - found, others.get(key, 0))
        out.defects += want
        out.defects_found += found
        out.defects_as_warning += as_warning
        if want - found:
            out.missed.append({"document": key[0], "rule": key[1], "count": want - found})


# --------------------------------------------------------------------------------- running
class Timer:
    """Wall time and this process's CPU time of a block: the CPU time is what the PDF ratio
    compares, since other jobs on a shared machine stretch wall times unevenly."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def pdfium_seconds(path: Path, runs: int) -> tuple[float, float]:
    """Best wall and CPU time of pypdfium2's plain text extraction of every page."""
    import pypdfium2  # type: ignore[import-untyped]

    walls, cpus = [], []
    for _ in range(runs):
        with Timer() as t:
            pdf = pypdfium2.PdfDocument(str(path))
            try:
                for page in pdf:
                    page.get_textpage().get_text_range()
            finally:
                pdf.close()
        walls.append(t.wall)
        cpus.append(t.cpu)
    return min(walls), min(cpus)


def _parse(out: FileEval, path: Path, runs: int = 1) -> Any:
    """vbhc's parse, timed; a parse under QUICK_PARSE seconds is repeated `runs` times (best kept)."""
    from vbhc.errors import InputError
    from vbhc.parse import parse_file

    timer = Timer()
    try:
        with timer:
            parsed = parse_file(path)
    except InputError as exc:
        out.status, out.error = "refused", exc.reason
        return None
    except Exception as exc:  # a crash is a figure
        out.status = "crashed"
        out.error = f"{type(exc).__name__}: {exc} ({_where(exc)})"
        return None
    finally:
        out.parse_seconds, out.parse_cpu_seconds = timer.wall, timer.cpu
    for _ in range(runs - 1 if timer.wall < QUICK_PARSE else 0):
        with Timer() as again:
            parse_file(path)
        out.parse_seconds = min(out.parse_seconds, again.wall)
        out.parse_cpu_seconds = min(out.parse_cpu_seconds, again.cpu)
    return parsed


def _where(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def _check(out: FileEval, path: Path, parsed: Any) -> list[Any]:
    """`check_file` as a user runs it; with `parsed`, its parse is the one already timed.

    check_file imports `vbhc.parse.parse_file` when called, so handing it the parsed file
    keeps everything check_file does (config, crash containment, any finding it adds) without
    paying for a second parse (16 s on a slow PDF).
    """
    from unittest import mock

    from vbhc.check import check_file

    start = time.perf_counter()
    if parsed is None:
        result = check_file(str(path))
    else:
        with mock.patch("vbhc.parse.parse_file", lambda _path: parsed):
            result = check_file(str(path))
    out.check_seconds = time.perf_counter() - start
    if result.error is not None and out.status == "ok":
        out.status = "crashed" if "lỗi nội bộ" in result.error else "refused"
        out.error = result.error
    return result.findings


def evaluate_file(gold: dict[str, Any], real_dir: Path = REAL_DIR, runs: int = 3,
                  fresh_check: bool = False) -> FileEval:
    """Every figure for one gold file; never raises."""
    path = real_dir / gold["file"]
    out = FileEval(file=gold["file"], format=path.suffix.lstrip(".").lower(),
                   scan=bool(gold.get("scan")), sound=bool(gold.get("sound", True)))
    gold_docs = gold.get("documents") or []
    out.docs_gold = len(gold_docs)
    if not path.is_file():
        out.status, out.error = "missing", f"no such file: {path}"
        return out
    try:
        parsed = _parse(out, path, runs)
        findings = [] if out.status != "ok" else _check(out, path, None if fresh_check else parsed)
        documents = parsed.documents if parsed is not None else []
        out.docs_found = len(documents)
        out.docs = [eval_document(i, g, documents[i] if i < len(documents) else None)
                    for i, g in enumerate(gold_docs)]
        score_findings(out, gold_docs, findings)
        out.scan_told = any(f.rule == SCAN_RULE for f in findings) or bool(
            getattr(getattr(parsed, "source", None), "scanned", False))
        if out.format == "pdf" and out.parse_cpu_seconds is not None:
            out.pdfium_seconds, out.pdfium_cpu_seconds = pdfium_seconds(path, runs)
            out.pdf_ratio = out.parse_cpu_seconds / max(out.pdfium_cpu_seconds, 1e-6)
    except Exception as exc:  # this script's own failure on a file is a figure too
        out.status = "crashed"
        out.error = f"eval: {type(exc).__name__}: {exc} ({_where(exc)})"
    return out


def warm_up() -> None:
    """Import the readers and run one tiny parse, so the first file does not pay for imports."""
    import pypdfium2  # type: ignore[import-untyped]  # noqa: F401

    import vbhc.check  # noqa: F401
    import vbhc.readers.docx  # noqa: F401
    import vbhc.readers.pdf  # noqa: F401
    from vbhc.parse import parse_text

    parse_text("ỦY BAN NHÂN DÂN\nSố: 01/KH-UBND\nKẾ HOẠCH\nThử\nI. MỤC TIÊU\n1. Một\n")


def evaluate(golds: list[dict[str, Any]], real_dir: Path = REAL_DIR, runs: int = 3,
             fresh_check: bool = False, progress: Any = None) -> list[FileEval]:
    warm_up()
    results = []
    for gold in golds:
        result = evaluate_file(gold, real_dir, runs, fresh_check)
        if progress:
            progress(result)
        results.append(result)
    return results


# ------------------------------------------------------------------------------- summaries
def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def summarize(results: list[FileEval]) -> dict[str, Any]:
    """The overall figures (what the test asserts and bench/README.md records)."""
    present = [r for r in results if r.status != "missing"]
    text = [r for r in present if not r.scan]
    scans = [r for r in present if r.scan]
    docs = [d for r in present for d in r.docs]
    errors = sum(r.errors_real + r.errors_false for r in present)
    false = sum(r.errors_false for r in present)
    ratios = [r.pdf_ratio for r in present if r.pdf_ratio is not None]
    per_field = {name: _pct(sum(d.header[name] for r in text for d in r.docs), sum(r.docs_gold for r in text))
                 for name in HEADER_FIELDS}
    return {
        "by_format": _by_format(text),
        "files": len(present), "missing": [r.file for r in results if r.status == "missing"],
        "header_right": sum(r.header_right for r in text), "header_total": sum(r.header_total for r in text),
        "header_right_pct": _pct(sum(r.header_right for r in text), sum(r.header_total for r in text)),
        "header_by_field_pct": per_field,
        "header_own_pct": _pct(sum(sum(d.header.values()) for r in text for d in r.docs if d.own_header),
                               len(HEADER_FIELDS) * sum(d.own_header for r in text for d in r.docs)),
        "header_scans": [sum(r.header_right for r in scans), sum(r.header_total for r in scans)],
        "documents_right": sum(r.docs_found == r.docs_gold for r in present),
        "outline_right": sum(d.outline_right for d in docs), "documents_gold": len(docs),
        "signature_right": sum(d.signature_right for d in docs),
        "recipients_right": sum(d.recipients[0] == d.recipients[1] for d in docs),
        "error_findings": errors, "errors_real": errors - false, "errors_false": false,
        "false_error_pct": _pct(false, errors),
        "false_on_gold_warning": sum(r.false_on_gold_warning for r in present),
        "false_by_rule": dict(_false_by_rule(present)),
        "defects": sum(r.defects for r in present), "defects_found": sum(r.defects_found for r in present),
        "defects_as_warning": sum(r.defects_as_warning for r in present),
        "defects_missed": sum(r.defects - r.defects_found for r in present),
        "defects_without_rule": sum(r.defects_without_rule for r in present),
        "scans": len(scans), "scans_told": sum(r.scan_told for r in scans),
        "scans_told_falsely": [r.file for r in text if r.scan_told],
        "refused": [r.file for r in present if r.status == "refused"],
        "refused_sound": [r.file for r in present if r.status == "refused" and r.sound],
        "crashed": [r.file for r in present if r.status == "crashed"],
        "rule_crashes": sum(r.rule_crashes for r in present),
        "parse_seconds_total": round(sum(r.parse_seconds or 0 for r in present), 2),
        "check_seconds_total": round(sum(r.check_seconds or 0 for r in present), 2),
        "pdf_ratio_max": round(max(ratios, default=0.0), 1),
        "pdf_within_target": sum(ratio <= PDF_TARGET_RATIO for ratio in ratios),
        "pdfs": len(ratios),
    }


FORMATS = {"docx": "Word", "doc": "Word", "pdf": "PDF", "md": "text", "txt": "text"}


def _by_format(results: list[FileEval]) -> dict[str, dict[str, Any]]:
    """Header fields right and false error share for Word drafts, PDFs and texts (scans apart)."""
    out: dict[str, dict[str, Any]] = {}
    for name in dict.fromkeys(FORMATS.values()):
        group = [r for r in results if FORMATS.get(r.format) == name]
        errors = sum(r.errors_real + r.errors_false for r in group)
        out[name] = {"files": len(group),
                     "header_right_pct": _pct(sum(r.header_right for r in group), sum(r.header_total for r in group)),
                     "false_error_pct": _pct(sum(r.errors_false for r in group), errors), "error_findings": errors}
    return out


def _false_by_rule(results: list[FileEval]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for r in results:
        for f in r.false_findings:
            counts[f["rule"]] += f["count"]
    return counts


def file_line(r: FileEval) -> str:
    """One line per file: what a reader scans the table for."""
    header = f"{r.header_right}/{r.header_total}"
    outline = f"{sum(d.outline_right for d in r.docs)}/{r.docs_gold}"
    ratio = f"{r.pdf_ratio:6.1f}x" if r.pdf_ratio is not None else "      -"
    parse = f"{r.parse_seconds:6.2f}" if r.parse_seconds is not None else "     -"
    check = f"{r.check_seconds:6.2f}" if r.check_seconds is not None else "     -"
    status = r.status if r.status == "ok" else f"{r.status.upper()}"
    return (f"{r.file[:44]:44} {header:>6} {r.docs_found:>2}/{r.docs_gold:<2} {outline:>5} "
            f"{r.errors_real:>4} {r.errors_false:>5} {r.defects - r.defects_found:>6} "
            f"{'yes' if r.scan_told else ('NO' if r.scan else '-'):>4} {parse} {check} {ratio}  {status}")


HEAD = (f"{'file':44} {'header':>6} {'docs':>5} {'outl.':>5} {'real':>4} {'false':>5} {'missed':>6} "
        f"{'scan':>4} {'parse':>6} {'check':>6} {'/pdfium':>7}  status")


def details(r: FileEval) -> list[str]:
    """What went wrong in one file, for the reader who fixes it."""
    lines = []
    if r.error:
        lines.append(f"    {r.status}: {r.error}")
    for d in r.docs:
        wrong = [f"{k}={d.header_found[k]!r}" for k, ok in d.header.items() if not ok]
        if wrong:
            lines.append(f"    doc {d.index} header wrong: " + "; ".join(wrong))
        bad = {k: v for k, v in d.outline.items() if v[0] != v[1]}
        if bad:
            lines.append(f"    doc {d.index} outline gold/found: {bad}")
        if not d.signature_right:
            lines.append(f"    doc {d.index} signature wrong: {d.signature_found}")
        if d.recipients[0] != d.recipients[1]:
            lines.append(f"    doc {d.index} Nơi nhận items gold/found: {d.recipients}")
    for f in r.false_findings:
        lines.append(f"    false: doc {f['document']} {f['rule']} x{f['count']}")
    for m in r.missed:
        lines.append(f"    missed: doc {m['document']} {m['rule']} x{m['count']}")
    return lines


def print_report(results: list[FileEval], summary: dict[str, Any], verbose: bool) -> None:
    print(HEAD)
    for r in results:
        print(file_line(r))
        if verbose:
            for line in details(r):
                print(line)
    s = summary
    print()
    print(f"files {s['files']} (missing {len(s['missing'])}); header fields right {s['header_right']}/"
          f"{s['header_total']} = {s['header_right_pct']}% (scans apart: {s['header_scans'][0]}/"
          f"{s['header_scans'][1]}); documents with a header of their own {s['header_own_pct']}%; "
          f"by field {s['header_by_field_pct']}")
    print("by format (scans apart): " + "; ".join(
        f"{k} {v['files']} files, header {v['header_right_pct']}%, false errors {v['false_error_pct']}% of "
        f"{v['error_findings']}" for k, v in s["by_format"].items()))
    print(f"documents count right in {s['documents_right']}/{s['files']} files; outline right "
          f"{s['outline_right']}/{s['documents_gold']} documents; signature {s['signature_right']}/"
          f"{s['documents_gold']}; Nơi nhận count {s['recipients_right']}/{s['documents_gold']}")
    print(f"error findings {s['error_findings']}: real {s['errors_real']}, false {s['errors_false']} = "
          f"{s['false_error_pct']}% (of which on a gold warning {s['false_on_gold_warning']}); false by rule "
          f"{dict(sorted(s['false_by_rule'].items(), key=lambda kv: -kv[1]))}")
    print(f"gold defects {s['defects']}: found {s['defects_found']}, only as warning "
          f"{s['defects_as_warning']}, missed {s['defects_missed']}; defects no rule names: "
          f"{s['defects_without_rule']}")
    print(f"scans told {s['scans_told']}/{s['scans']} (told falsely: {s['scans_told_falsely']}); refused "
          f"{s['refused']}; crashed {s['crashed']}; rule crashes {s['rule_crashes']}")
    print(f"time: parse {s['parse_seconds_total']} s + check {s['check_seconds_total']} s; "
          f"PDF parse / pypdfium2 text: max {s['pdf_ratio_max']}x, "
          f"within {PDF_TARGET_RATIO:g}x on {s['pdf_within_target']}/{s['pdfs']} PDFs")


def select(golds: list[dict[str, Any]], only: str | None) -> list[dict[str, Any]]:
    if not only:
        return golds
    return [g for g in golds if g["file"] == only or g["file"].startswith(only) or g["_gold"] == only]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", metavar="OUT", help="write the figures (per file and overall) as JSON")
    ap.add_argument("--only", metavar="FILE", help="one file: its name, or a prefix of it (cv04)")
    ap.add_argument("--real", metavar="DIR", default=str(REAL_DIR), help="folder of the real documents")
    ap.add_argument("--gold", metavar="DIR", default=str(GOLD_DIR), help="folder of the gold YAML files")
    ap.add_argument("--runs", type=int, default=3,
                    help="timing runs per file, best kept (pypdfium2; vbhc's parse when under 1 s)")
    ap.add_argument("--fresh-check", action="store_true",
                    help="let check_file parse the file again instead of reusing the timed parse")
    ap.add_argument("-q", "--quiet", action="store_true", help="no per-file details")
    args = ap.parse_args(argv)
    golds = select(load_gold(Path(args.gold)), args.only)
    if not golds:
        print(f"no gold matches {args.only!r}", file=sys.stderr)
        return 2
    results = evaluate(golds, Path(args.real), args.runs, args.fresh_check)
    summary = summarize(results)
    print_report(results, summary, verbose=not args.quiet)
    if args.json:
        from vbhc.fileio import write_atomic

        payload = {"summary": summary, "files": [asdict(r) | {"header_right": r.header_right,
                                                               "header_total": r.header_total}
                                                 for r in results]}
        write_atomic(args.json, json.dumps(payload, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
