"""Mutation fuzzer for the readers: corrupt real files and check that vbhc only ever answers with
a parsed file or an `InputError`, never another exception, and never takes too long.

Seeds: the decree's official Phụ lục .docx files (`../shared/corpus/nd30-2020/docx`, read in place
from the shared folder beside the project) and PDFs made from them by LibreOffice
when it is installed (cached in a temporary folder for the run). Mutations:

- `zip`: bytes of the .docx file itself: flip bits, overwrite, cut (truncate or delete a range),
  splice (insert a range copied from elsewhere in the same file or another seed), duplicate;
- `xml`: the same byte mutations applied to word/document.xml only, re-zipped into a valid zip
  (so the XML parser and the reader's walker see the damage, not the zip layer);
- `tree`: structural mutations that keep the XML well-formed (drop, duplicate, move, rename or
  wrap elements; junk attribute values such as "-1", "1e400", "%1.%2.…"; random text) in one of
  document.xml, styles.xml, numbering.xml, settings.xml, a header or footer, app.xml or the
  relationships, so the walker, the style chain and the numbering see damage the zip and XML
  layers do not catch;
- `pdf`: the byte mutations on a PDF.

Each case is read and parsed in this process (`vbhc.readers.read` + `vbhc.parse.parse_source`).
A case fails when anything other than `InputError` escapes, or when it takes longer than
`--slow` seconds. Failures are printed with the seed and case number that reproduce them.

    .venv/bin/python bench/fuzz_mutate.py --cases 2000 --seed 1
    .venv/bin/python bench/fuzz_mutate.py --minutes 30 --seed 7 --kinds zip,xml,pdf

Importable: `run(seed=…, cases=…)` returns a `Report` (the test suite runs a short seeded run).
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCX_SEEDS = sorted((ROOT.parent / "shared" / "corpus" / "nd30-2020" / "docx").glob("*.docx"))


@dataclass
class Failure:
    kind: str
    case: int
    mutation: str
    error: str
    seconds: float


@dataclass
class Report:
    seed: int
    cases: int = 0
    parsed: int = 0
    refused: int = 0
    failures: list[Failure] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    slowest: float = 0.0

    def summary(self) -> str:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(self.by_kind.items()))
        return (f"seed {self.seed}: {self.cases} cases ({kinds}) in {self.seconds:.1f} s; "
                f"{self.parsed} parsed, {self.refused} refused with InputError, "
                f"{len(self.failures)} failures; slowest case {self.slowest:.2f} s")


# --- mutations ----------------------------------------------------------------------------------

def mutate(data: bytes, rng: random.Random, donors: list[bytes]) -> tuple[bytes, str]:
    """One to three byte-level mutations; returns the new bytes and a description."""
    buf = bytearray(data)
    done = []
    for _ in range(rng.randint(1, 3)):
        if not buf:
            buf = bytearray(b"\0")
        op = rng.choice(["flip", "overwrite", "truncate", "delete", "splice", "duplicate", "zero"])
        at = rng.randrange(len(buf))
        if op == "flip":
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(buf))
                buf[i] ^= 1 << rng.randrange(8)
        elif op == "overwrite":
            n = rng.randint(1, 64)
            buf[at:at + n] = bytes(rng.randrange(256) for _ in range(n))
        elif op == "truncate":
            del buf[at:]
        elif op == "delete":
            del buf[at:at + rng.randint(1, 4096)]
        elif op == "splice":
            donor = rng.choice(donors) if donors else bytes(buf)
            start = rng.randrange(max(len(donor), 1))
            buf[at:at] = donor[start:start + rng.randint(1, 4096)]
        elif op == "duplicate":
            n = rng.randint(1, 4096)
            buf[at:at] = buf[at:at + n]
        else:
            buf[at:at + rng.randint(1, 512)] = b"\0" * rng.randint(1, 512)
        done.append(f"{op}@{at}")
    return bytes(buf), "+".join(done)


def mutate_document_xml(docx: bytes, rng: random.Random, donors: list[bytes]) -> tuple[bytes, str]:
    """Mutate word/document.xml only and re-zip (a valid zip around damaged XML)."""
    out = io.BytesIO()
    desc = "no document.xml"
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data, desc = mutate(data, rng, donors)
            dst.writestr(info.filename, data)
    return out.getvalue(), "document.xml:" + desc


_JUNK_VALUES = ["", "-1", "0", "1", "999999999999", "abc", "1.5", "nan", "inf", "auto", "true", "off",
                "-2147483649", "1e400", "%1.%2.%3.%4.%5.%6.%7.%8.%9.", "%", "rId999", "ĐĐ", "\u202e", "0x10"]
_TREE_PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
               "word/footer1.xml", "word/header1.xml", "docProps/app.xml", "word/_rels/document.xml.rels"]


def mutate_tree(docx: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Structural mutations that keep the XML well-formed, so the reader's walker, style chain
    and numbering see them: drop, duplicate, move or rename elements, junk attribute values."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        names = [n for n in _TREE_PARTS if n in src.namelist()]
        part = rng.choice(names)
        root = etree.fromstring(src.read(part))
        elements = [el for el in root.iter() if isinstance(el.tag, str)]
        tags = sorted({el.tag for el in elements})
        attrs = sorted({(a, v) for el in elements for a, v in el.attrib.items()})
        done = []
        for _ in range(rng.randint(1, 5)):
            elements = [el for el in root.iter() if isinstance(el.tag, str)]
            el = rng.choice(elements)
            op = rng.choice(["drop", "dup", "move", "attr", "delattr", "text", "rename", "nest"])
            parent = el.getparent()
            if op == "drop" and parent is not None:
                parent.remove(el)
            elif op == "dup" and parent is not None:
                for _ in range(rng.choice([1, 1, 2, 50])):
                    parent.insert(parent.index(el) + 1, etree.fromstring(etree.tostring(el)))
            elif op == "move" and parent is not None:
                target = rng.choice(elements)
                if el not in target.iterancestors() and target is not el and el not in list(target.iter()):
                    target.append(el)
            elif op == "attr":
                if attrs and rng.random() < 0.5:
                    name, value = rng.choice(attrs)
                    el.set(name, rng.choice([value, *_JUNK_VALUES]))
                elif el.attrib:
                    el.set(rng.choice(list(el.attrib)), rng.choice(_JUNK_VALUES))
            elif op == "delattr" and el.attrib:
                del el.attrib[rng.choice(list(el.attrib))]
            elif op == "text":
                el.text = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0xA0, 0x2000)]))
                                  for _ in range(rng.randint(0, 40)))
            elif op == "rename":
                el.tag = rng.choice(tags)
            elif op == "nest" and parent is not None:
                wrapper = etree.SubElement(parent, rng.choice(tags))
                parent.replace(el, wrapper)
                wrapper.append(el)
            done.append(f"{op}:{etree.QName(el).localname}")
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, data if info.filename == part else src.read(info.filename))
    return out.getvalue(), f"{part}:" + "+".join(done)


# --- seeds --------------------------------------------------------------------------------------

def make_pdfs(docx_files: list[Path], folder: Path) -> list[Path]:
    """PDFs of the seed .docx files by LibreOffice, or [] when it is not installed."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None or not docx_files:
        return []
    try:
        subprocess.run([exe, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), *map(str, docx_files)],
                       check=True, timeout=180, capture_output=True)
    except (subprocess.SubprocessError, OSError):
        return []
    return sorted(folder.glob("*.pdf"))


# --- running ------------------------------------------------------------------------------------

def check_one(path: Path) -> str:
    """"parsed" or "refused: reason"; anything else raises."""
    from vbhc.errors import InputError
    from vbhc.parse import parse_source
    from vbhc.readers import read

    try:
        parse_source(read(path))
    except InputError as exc:
        return "refused: " + exc.reason
    return "parsed"


def run(seed: int = 1, cases: int = 200, kinds: tuple[str, ...] = ("zip", "xml", "tree", "pdf"),
        minutes: float | None = None, slow: float = 10.0, pdf_share: float = 0.2,
        pdf_sources: int = 3, log: bool = False) -> Report:
    rng = random.Random(seed)
    report = Report(seed=seed)
    docx_seeds = [p.read_bytes() for p in DOCX_SEEDS]
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="vbhc-fuzz-") as tmp:
        folder = Path(tmp)
        pdf_seeds = [p.read_bytes() for p in make_pdfs(DOCX_SEEDS[:pdf_sources], folder)] if "pdf" in kinds else []
        doc_kinds = [k for k in kinds if k in ("zip", "xml", "tree", "tree")]
        case = 0
        while True:
            if minutes is not None:
                if time.monotonic() - start > minutes * 60:
                    break
            elif case >= cases:
                break
            case += 1
            use_pdf = pdf_seeds and (not doc_kinds or rng.random() < pdf_share)
            if use_pdf:
                kind = "pdf"
                data, desc = mutate(rng.choice(pdf_seeds), rng, pdf_seeds)
                path = folder / f"case {case} bản sao.pdf"
            else:
                kind = rng.choice(doc_kinds)
                base = rng.choice(docx_seeds)
                if kind == "zip":
                    data, desc = mutate(base, rng, docx_seeds)
                elif kind == "tree":
                    data, desc = mutate_tree(base, rng)
                else:
                    data, desc = mutate_document_xml(base, rng, docx_seeds)
                path = folder / f"case {case} bản sao.docx"
            path.write_bytes(data)
            t0 = time.monotonic()
            try:
                outcome = check_one(path)
            except Exception as exc:  # the fuzzer's whole point: any escape is a failure
                tb = traceback.extract_tb(exc.__traceback__)[-1]
                report.failures.append(Failure(kind, case, desc, f"{type(exc).__name__}: {exc} "
                                               f"({Path(tb.filename).name}:{tb.lineno})", time.monotonic() - t0))
                outcome = "failure"
            elapsed = time.monotonic() - t0
            report.slowest = max(report.slowest, elapsed)
            if outcome != "failure" and elapsed > slow:
                report.failures.append(Failure(kind, case, desc, f"slow: {elapsed:.1f} s", elapsed))
            report.cases += 1
            report.by_kind[kind] += 1
            if outcome == "parsed":
                report.parsed += 1
            elif outcome.startswith("refused"):
                report.refused += 1
                report.reasons[outcome.split("(")[0][9:].strip()[:70]] += 1
            path.unlink()
            if log and report.failures and report.failures[-1].case == case:
                print(f"FAIL {kind} case {case} {desc}: {report.failures[-1].error}", file=sys.stderr)
    report.seconds = time.monotonic() - start
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--minutes", type=float, default=None, help="run for this long instead of --cases")
    ap.add_argument("--kinds", default="zip,xml,tree,pdf")
    ap.add_argument("--slow", type=float, default=10.0, help="a case slower than this is a failure")
    args = ap.parse_args()
    report = run(seed=args.seed, cases=args.cases, kinds=tuple(args.kinds.split(",")), minutes=args.minutes,
                 slow=args.slow, log=True)
    print(report.summary())
    for reason, n in report.reasons.most_common(12):
        print(f"  {n:6d}  {reason}")
    for f in report.failures[:50]:
        print(f"FAIL {f.kind} case {f.case} ({f.mutation}): {f.error}")
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
