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
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex as re

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
    """PDFs of the seed .docx files by LibreOffice, or [] when it is not installed (VBHC_SOFFICE=""
    says it is not, as for the .doc reader)."""
    from vbhc.readers.doc import soffice

    exe = soffice()
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
        doc_kinds = [k for k in kinds if k in ("zip", "xml", "tree")] if docx_seeds else []
        if not doc_kinds and not pdf_seeds:  # no seed for any kind asked (no LibreOffice, no corpus)
            report.seconds = time.monotonic() - start
            return report
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


# =================================================================================================
# The CLI campaign (issue 12): whole commands on hostile inputs, each case in a forked child
#
# The parent imports vbhc and warms it (rules, word segmenter, a profile) once; every case is a
# fork of it running `vbhc ARGS` in its own folder, so a case costs its own work only, and its
# peak memory (`ru_maxrss` from wait4, the parent's pages included, as a real run has them) and
# wall time are its own. Families: parse, check, new --data, check --profile, audit, and the
# attacks of issue 12 (outputs over inputs, devices/FIFOs/sockets, names with escapes, markup and
# non-UTF-8 bytes, files without text, broken configs, dates, usage errors). A case fails when
# the exit code is not 0/1/2, a traceback or "lỗi nội bộ" appears, click's English leaks, exit 2
# comes without a Vietnamese line, an input file changed, it ran over 10 s, or over 500 MB.
# Every case is rebuilt from (seed, case) alone: `--cli --seed S --replay N` runs one again.

ROOT_CORPUS = ROOT / "corpus"
NGHE_AN = ROOT_CORPUS / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
TEMPLATE_DATA = sorted((ROOT / "src" / "vbhc" / "templates").glob("*.example.yaml"))
CLI_FAMILIES = {"parse": 24, "check": 20, "new-data": 18, "check-profile": 14, "attack": 18, "audit": 6}
CLI_SLOW_S, CLI_KILL_S, CLI_MEMORY_MB = 10.0, 60.0, 500.0
ENGLISH = ("Usage:", "Error:", "Aborted", "Traceback", "Try '", "Missing option", "No such")


@dataclass
class CliSeeds:
    docx: list[bytes]
    pdf: list[bytes]
    text: list[str]
    data: list[tuple[str, str]]  # (template name, YAML text)
    profile: str
    plans: list[Path]


@dataclass
class CliCase:
    family: str
    desc: str
    args: list[str]
    inputs: list[Path] = field(default_factory=list)
    # A case's processor time (user + system) is held to this bound: on 2 cores shared with other
    # jobs wall time says more about the machine than about vbhc. An audit's work is done in
    # worker processes its own accounting does not see, so an audit is held to wall time instead:
    # 10 s for the start and the reports + 5 s a file.
    bound_s: float = CLI_SLOW_S
    wall_bound: bool = False


@dataclass
class CliResult:
    case: int
    family: str
    desc: str
    code: int
    seconds: float  # wall
    cpu: float  # user + system
    mb: float
    problem: str | None
    stderr: str


@dataclass
class CliReport:
    seed: int
    results: list[CliResult] = field(default_factory=list)
    seconds: float = 0.0
    baseline_mb: float = 0.0

    @property
    def failures(self) -> list[CliResult]:
        return [r for r in self.results if r.problem]

    def summary(self) -> str:
        by = Counter(r.family for r in self.results)
        codes = Counter(r.code for r in self.results)
        kinds = Counter((r.problem or "").split(":")[0] for r in self.failures)
        slowest = max((r.seconds for r in self.results), default=0.0)
        busiest = max((r.cpu for r in self.results), default=0.0)
        peak = max((r.mb for r in self.results), default=0.0)
        return (f"seed {self.seed}: {len(self.results)} cases ({', '.join(f'{k} {n}' for k, n in sorted(by.items()))}) "
                f"in {self.seconds / 60:.1f} min; exit codes {dict(sorted(codes.items()))}; "
                f"{len(self.failures)} failures {dict(kinds)}; slowest {slowest:.2f} s wall, {busiest:.2f} s cpu; "
                f"peak {peak:.0f} MB "
                f"(forked from a warm parent of {self.baseline_mb:.0f} MB)")


def cli_seeds(folder: Path) -> CliSeeds:
    """Real and generated seeds: the decree's Phụ lục (shared folder), the five templates' drafts,
    the Nghệ An plan and the evaluation sub-plans, the templates' data, the Nghệ An profile."""
    from vbhc.generate.template import load_data, render
    from vbhc.profile import from_parent, to_yaml
    from vbhc.writers.docx import to_bytes

    drafts = [to_bytes(render(p.name.split(".")[0], load_data(p))) for p in TEMPLATE_DATA]
    docx = [p.read_bytes() for p in DOCX_SEEDS] + drafts
    pdf_dir = folder / "pdf"
    pdf_dir.mkdir()
    sources = []
    for i, data in enumerate(drafts[:2]):
        sources.append(pdf_dir / f"mau{i}.docx")
        sources[-1].write_bytes(data)
    pdf = [p.read_bytes() for p in make_pdfs(sources + DOCX_SEEDS[:1], pdf_dir)]
    plans = [NGHE_AN, *sorted((ROOT_CORPUS / "eval").glob("*.txt"))]
    text = [p.read_text(encoding="utf-8") for p in plans]
    data = [(p.name.split(".")[0], p.read_text(encoding="utf-8")) for p in TEMPLATE_DATA]
    return CliSeeds(docx, pdf, text, data, to_yaml(from_parent(NGHE_AN)), plans)


# --- inputs ------------------------------------------------------------------------------------

_CONTROL = ["\x1b]0;tiêu đề\x07", "\x1b[2J", "\x00", "\u202e", "\x08", "[/]", "[bold red]x[/]", "\ufeff", "\r"]


def mutate_text(text: str, rng: random.Random) -> tuple[bytes, str]:
    """Line-level damage to a plan's text (duplicated blocks, control characters, markup, odd
    numbers, cut lines), sometimes followed by byte-level damage."""
    lines = text.splitlines()
    done = []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["dup", "block", "drop", "swap", "control", "number", "cut", "join", "unicode"])
        i = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = ["x"]
        if op == "dup":
            lines[i:i] = [lines[i]] * rng.choice([1, 2, 10, 100])
        elif op == "block":
            j = min(len(lines), i + rng.randint(1, 40))
            lines[i:i] = lines[i:j] * rng.choice([1, 3, 20])
        elif op == "drop":
            del lines[i:i + rng.randint(1, 20)]
        elif op == "swap" and len(lines) > 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "control":
            at = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + rng.choice(_CONTROL) + lines[i][at:]
        elif op == "number":
            lines[i] = re.sub(r"\d+", lambda _m: rng.choice(["0", "1e400", "999999999999", "-1", "٣", "Ⅻ"]),
                              lines[i], count=1)
        elif op == "cut":
            lines[i] = lines[i][:rng.randrange(len(lines[i]) + 1)]
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
        else:
            lines[i] = "".join(chr(rng.choice([rng.randrange(32, 0x250), rng.randrange(0x1E00, 0x1F00),
                                                rng.randrange(0x300, 0x370)])) for _ in range(rng.randint(1, 60)))
        done.append(op)
    data = "\n".join(lines).encode(rng.choice(["utf-8", "utf-8", "utf-8", "utf-16"]))
    if rng.random() < 0.15:
        data, more = mutate(data, rng, [])
        done.append(more)
    return data, "text:" + "+".join(done)


def document(seeds: CliSeeds, rng: random.Random) -> tuple[bytes, str, str]:
    """(bytes, extension, description) of one damaged document of any format."""
    pick = rng.random()
    if pick < 0.35 or not (seeds.docx or seeds.pdf):
        data, desc = mutate_text(rng.choice(seeds.text), rng)
        return data, ".txt", desc
    if pick < 0.85 or not seeds.pdf:
        base = rng.choice(seeds.docx)
        kind = rng.choice(["zip", "xml", "tree", "tree", "none"])
        if kind == "zip":
            data, desc = mutate(base, rng, seeds.docx)
        elif kind == "xml":
            data, desc = mutate_document_xml(base, rng, seeds.docx)
        elif kind == "tree":
            data, desc = mutate_tree(base, rng)
        else:
            data, desc = base, "intact"
        return data, ".docx", "docx:" + desc
    data, desc = mutate(rng.choice(seeds.pdf), rng, seeds.pdf)
    return data, ".pdf", "pdf:" + desc


_YAML_JUNK = ["2026-02-30", "2025-13-01", "31/02/2026", "25/07/2025", "1e400", "-1", "0", "~", "[]", "{}", "''",
              "!!binary AAAA", "!!python/object/apply:os.system ['echo x']", "&a x", "*undefined", "\"\\x1b[2J\"",
              "'[/] [bold]'", "!!float nan", "\"" + "x" * 100_000 + "\"", "1" * 5000, "yes", "2025-07-25 10:00:00"]


def _yaml_bomb(key: str, rng: random.Random) -> str:
    width, depth = rng.choice([(9, 8), (10, 6), (4, 20), (2, 40)])
    lines = ["z0: &z0 [\"Căn cứ Luật Tổ chức chính quyền địa phương;\"]"]
    lines += [f"z{i + 1}: &z{i + 1} [" + ", ".join([f"*z{i}"] * width) + "]" for i in range(depth)]
    return "\n".join(lines) + f"\n{key}: *z{depth}\n"


def mutate_yaml(text: str, rng: random.Random) -> tuple[bytes, str]:
    """A YAML file damaged as text: values replaced by junk (impossible dates, tags, huge numbers,
    aliases), nesting, alias bombs, duplicated items, bytes."""
    lines = text.splitlines()
    done = []
    for _ in range(rng.randint(1, 3)):
        op = rng.choice(["value", "value", "bomb", "deep", "dup", "drop", "indent", "bytes", "control"])
        i = rng.randrange(len(lines))
        keyed = [j for j, ln in enumerate(lines) if re.match(r"^\s*[\w.]+:", ln)]
        if op == "value" and keyed:
            j = rng.choice(keyed)
            key = lines[j].split(":", 1)[0]
            lines[j] = f"{key}: {rng.choice(_YAML_JUNK)}"
        elif op == "bomb" and keyed:
            key = lines[rng.choice(keyed)].split(":", 1)[0].strip()
            lines.append(_yaml_bomb(key if not lines[0].startswith(" ") else "can_cu", rng))
        elif op == "deep":
            n = rng.choice([50, 70, 200, 10_000])
            lines.append(f"sau: {'[' * n}{']' * n}")
        elif op == "dup":
            j = min(len(lines), i + rng.randint(1, 10))
            lines[i:i] = lines[i:j] * rng.choice([2, 50, 500])
        elif op == "drop":
            del lines[i:i + rng.randint(1, 5)]
        elif op == "indent":
            lines[i] = rng.choice(["\t", "  ", "", "- "]) + lines[i].lstrip()
        elif op == "control":
            lines[i] += rng.choice(_CONTROL)
        else:
            data, more = mutate("\n".join(lines).encode(), rng, [])
            return data, "yaml:" + "+".join([*done, "bytes", more])
        done.append(op)
    return "\n".join(lines).encode(), "yaml:" + "+".join(done)


# --- cases -------------------------------------------------------------------------------------

def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)  # "a[/]b.docx" is a file "]b.docx" in a folder "a["
    path.write_bytes(data)
    return path


def case_parse(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    data, ext, desc = document(seeds, rng)
    path = _write(folder, f"văn bản{ext}", data)
    return CliCase("parse", desc, ["parse", str(path), "--format", rng.choice(["json", "md", "tree"])], [path])


def case_check(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    paths, descs = [], []
    for i in range(rng.choice([1, 1, 1, 2, 3])):
        data, ext, desc = document(seeds, rng)
        paths.append(_write(folder, f"kế hoạch {i}{ext}", data))
        descs.append(desc)
    args = ["check", *map(str, paths), "--format", rng.choice(["text", "json", "sarif"])]
    if rng.random() < 0.3:
        args += ["--against", str(NGHE_AN)]
    return CliCase("check", "+".join(descs), args, paths, bound_s=CLI_SLOW_S * len(paths))


def case_new_data(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    name, text = rng.choice(seeds.data)
    data, desc = mutate_yaml(text, rng)
    path = _write(folder, "dữ liệu.yaml", data)
    out = folder / f"ra.{rng.choice(['docx', 'docx', 'md', 'json'])}"
    return CliCase("new-data", f"{name}:{desc}", ["new", name, "--data", str(path), "-o", str(out)], [path])


def case_check_profile(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    data, desc = mutate_yaml(seeds.profile, rng)
    path = _write(folder, "hồ sơ.yaml", data)
    plan = rng.choice(seeds.plans)
    if rng.random() < 0.2:
        out = folder / "kh.docx"
        return CliCase("check-profile", "draft:" + desc,
                       ["draft", "--profile", str(path), "--agency", "Sở Tư pháp", "-o", str(out)], [path])
    return CliCase("check-profile", desc, ["check", str(plan), "--profile", str(path), "--format",
                                           rng.choice(["text", "json"])], [path])


def _folder_of_plans(seeds: CliSeeds, rng: random.Random, folder: Path, n: int) -> tuple[Path, list[Path], str]:
    root = folder / "nộp"
    (root / "sở").mkdir(parents=True)
    paths, descs = [], []
    for i in range(n):
        data, ext, desc = document(seeds, rng)
        paths.append(_write(root / ("sở" if i % 2 else ""), f"đơn vị {i}{ext}", data))
        descs.append(desc)
    return root, paths, "+".join(descs)


def case_audit(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    root, paths, desc = _folder_of_plans(seeds, rng, folder, rng.randint(1, 4))
    args = ["audit", str(root), "--jobs", "1", "--timeout", "20"]
    if rng.random() < 0.5:
        args += ["--against", str(NGHE_AN)]
    for option in ("--json", "--html", "--xlsx"):
        if rng.random() < 0.4:
            args += [option, str(folder / f"báo cáo{option.replace('--', '.')}")]
    return CliCase("audit", desc, args, paths, bound_s=CLI_SLOW_S + 5 * len(paths), wall_bound=True)


def _special(kind: str, folder: Path, name: str) -> Path:
    """A path that is not a regular file: a FIFO, a link to a device, a socket, a folder, a dangling link."""
    path = folder / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind in ("zero", "null", "urandom"):
        path.symlink_to(f"/dev/{kind}")
    elif kind == "socket":
        import socket

        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.bind(str(path))  # the socket file stays after the socket is closed
    elif kind == "dir":
        path.mkdir()
    else:
        path.symlink_to(folder / "không có")
    return path


def attack_kind(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    kind = rng.choice(["fifo", "fifo", "zero", "null", "urandom", "socket", "dir", "dangling"])
    plan = _write(folder, "kh.txt", seeds.text[0].encode())
    slot = rng.choice(["parse", "check", "against", "profile", "data", "config", "audit", "profile-cmd"])
    bad = _special(kind, folder, f"đặc biệt.{'yaml' if slot in ('profile', 'data') else 'txt'}")
    args = {
        "parse": ["parse", str(bad)], "check": ["check", str(plan), str(bad)],
        "against": ["check", str(plan), "--against", str(bad)], "profile": ["check", str(plan), "--profile", str(bad)],
        "data": ["new", "thong-bao", "--data", str(bad), "-o", str(folder / "ra.docx")],
        "config": ["check", str(plan), "--config", str(bad)], "profile-cmd": ["profile", str(bad)],
    }.get(slot)
    if slot == "audit":
        root = folder / "nộp"
        root.mkdir()
        shutil_copy(plan, root / "a.txt")
        _special(kind, root, "b.txt")
        args = ["audit", str(root), "--jobs", "1"]
    return CliCase("attack", f"kind:{kind}:{slot}", args or [], [plan])


def shutil_copy(src: Path, dst: Path) -> None:
    dst.write_bytes(src.read_bytes())


def attack_overwrite(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    """An output that is an input: the same path, a symbolic or a hard link, a plan in the audited folder."""
    parent = _write(folder, "kế hoạch tỉnh.txt", NGHE_AN.read_bytes())
    name, text = rng.choice(seeds.data)
    data = _write(folder, "dữ liệu.yaml", text.encode())
    how = rng.choice(["same", "symlink", "hardlink"])
    cmd = rng.choice(["profile", "new", "draft", "audit-plan", "audit-parent"])
    target = data if cmd == "new" else parent
    out = target
    if how == "symlink":
        out = folder / "liên kết"
        out.symlink_to(target)
    elif how == "hardlink":
        out = folder / "cùng inode"
        os.link(target, out)
    if cmd == "profile":
        args = ["profile", str(parent), "-o", str(out)]
    elif cmd == "new":
        args = ["new", name, "--data", str(data), "-o", str(out)]
    elif cmd == "draft":
        args = ["draft", "--against", str(parent), "--agency", "Sở Tư pháp", "-o", str(out)]
    else:
        root, plans, _ = _folder_of_plans(seeds, rng, folder, 2)
        victim = plans[0] if cmd == "audit-plan" else out
        args = ["audit", str(root), "--against", str(parent), rng.choice(["--json", "--html", "--xlsx"]), str(victim)]
        return CliCase("attack", f"overwrite:{cmd}", args, [parent, data, *plans])
    return CliCase("attack", f"overwrite:{cmd}:{how}", args, [parent, data])


def attack_names(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    """File and folder names with escapes, rich markup, bidi controls or bytes that are not UTF-8."""
    raw = rng.choice([b"a\x1b]0;x\x07b", b"a\x1b[2Jb", b"a[/]b", b"[bold]x[/bold]", b"bad\xff\xfe", b"\xe2\x80\xaeabc",
                      b"t\xc3\xaan \xc4\x91\xc3\xa0i", b"-rf", b"--help"])
    data, ext, desc = document(seeds, rng)
    name = os.fsdecode(raw + ext.encode())
    if rng.random() < 0.5:
        path = _write(folder, name, data)
        return CliCase("attack", f"name:{raw!r}:{desc}", [rng.choice(["parse", "check"]), str(path)], [path])
    root = folder / os.fsdecode(raw)
    root.mkdir(parents=True, exist_ok=True)
    path = _write(root, name, data)
    return CliCase("attack", f"name-audit:{raw!r}:{desc}", ["audit", str(root), "--jobs", "1",
                                                            "--json", str(folder / "kq.json")], [path])


def attack_misc(seeds: CliSeeds, rng: random.Random, folder: Path) -> CliCase:
    """Files without text, broken configs, dates as anyone writes them, usage errors."""
    plan = _write(folder, "kh.txt", rng.choice(seeds.text).encode())
    what = rng.choice(["empty", "config", "date", "usage"])
    if what == "empty":
        from docx import Document

        doc = Document()
        for _ in range(rng.randint(0, 3)):
            doc.add_paragraph(rng.choice(["", "   ", "\t"]))
        if rng.random() < 0.5:
            doc.add_table(rows=2, cols=2)
        buf = io.BytesIO()
        doc.save(buf)
        path = _write(folder, "trống.docx", buf.getvalue())
        return CliCase("attack", "empty-docx", [rng.choice(["parse", "check"]), str(path)], [path])
    if what == "config":
        text = rng.choice(["[rules]\ndisable = [\"ND30\"]\n", "[rules.severity]\n\"KH001\" = \"off\"\n",
                           "[rules]\ndisable = [\"KHONG.CO\"]\n", "[rules\n", "a = \n", "\x00\x01", "[rules]\n" * 5000])
        data, desc = mutate(text.encode(), rng, []) if rng.random() < 0.3 else (text.encode(), "intact")
        cfg = _write(folder, "vbhc.toml", data)
        args = ["check", str(plan)] + (["--config", str(cfg)] if rng.random() < 0.5 else [])
        return CliCase("attack", f"config:{desc}", args, [plan, cfg])
    if what == "date":
        date = rng.choice(["25/07/2025", "2025-07-25", "31/02/2026", "ngày 25 tháng 7 năm 2025", "hôm qua", "0/0/0",
                           "2025-7-5", "99999-01-01", "25.07.2025", "", "\x1b[2J"])
        return CliCase("attack", f"date:{date!r}", ["draft", "--against", str(NGHE_AN), "--agency", "Sở Tư pháp",
                                                   "--date", date, "-o", str(folder / "kh.docx")], [plan])
    words = ["parse", "check", "new", "draft", "audit", "profile", "rules", "chek", "--format", "xml", "-o", "--jobs",
             "0", "--date", "--data", "--profile", "--against", "--timeout", "-1", "--help", "--version", str(plan)]
    args = [rng.choice(words) for _ in range(rng.randint(0, 6))]
    return CliCase("attack", "usage:" + " ".join(args), args, [plan])


def cli_case(seeds: CliSeeds, seed: int, case: int, folder: Path) -> CliCase:
    """Case `case` of the campaign `seed`, rebuilt from those two numbers alone."""
    rng = random.Random(f"{seed}-{case}")
    family = rng.choices(list(CLI_FAMILIES), weights=list(CLI_FAMILIES.values()))[0]
    make = {"parse": case_parse, "check": case_check, "new-data": case_new_data,
            "check-profile": case_check_profile, "audit": case_audit}.get(family)
    if make is None:
        make = rng.choice([attack_kind, attack_kind, attack_overwrite, attack_names, attack_misc])
    return make(seeds, rng, folder)


# --- running -----------------------------------------------------------------------------------

def _digest(paths: list[Path]) -> dict[str, bytes | None]:
    import hashlib

    out: dict[str, bytes | None] = {}
    for p in paths:
        try:
            out[str(p)] = hashlib.sha256(p.read_bytes()).digest() if p.is_file() and not p.is_symlink() else None
        except OSError:
            out[str(p)] = None
    return out


def _child(args: list[str], folder: Path) -> None:
    """In the forked child: run `vbhc ARGS` as the console script does, then leave at once."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    os.chdir(folder)
    for fd, name in ((0, os.devnull), (1, str(folder / ".stdout")), (2, str(folder / ".stderr"))):
        os.dup2(os.open(name, os.O_RDONLY if fd == 0 else os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    code = 70
    try:
        from vbhc.cli import cli

        code = cli.main(args=args, prog_name="vbhc", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code if isinstance(code, int) else 70)


def judge(case: CliCase, code: int, seconds: float, cpu: float, mb: float, out: str, err: str,
          changed: bool) -> str | None:
    """What is wrong with a finished case, or None."""
    if code == -9:
        return f"hang: killed after {CLI_KILL_S:.0f} s"
    if seconds > 20 and cpu < 0.05 * seconds:
        return f"hang: blocked {seconds:.0f} s on {cpu:.1f} s of processor time"
    if code not in (0, 1, 2):
        return f"crash: exit code {code}"
    if "Traceback" in err or "lỗi nội bộ" in err + out or "VBHC.LoiNoiBo" in out:
        return "crash: " + (err.strip().splitlines() or ["internal error in the output"])[-1][:160]
    leaked = [w for w in ENGLISH if w in err]
    if leaked:
        return f"english: {leaked}"
    if code == 2 and not any(ln.startswith("vbhc: ") for ln in err.splitlines()) and "không đọc được" not in out \
            and '"status": "error"' not in out and '"executionSuccessful": false' not in out \
            and "Cách dùng:" not in err:
        return "message: exit 2 without a Vietnamese line"
    if changed:
        return "modified: an input file changed"
    spent = seconds if case.wall_bound else cpu
    if spent > case.bound_s:
        return f"slow: {spent:.1f} s {'wall' if case.wall_bound else 'cpu'} ({seconds:.1f} s wall)"
    if mb > CLI_MEMORY_MB:
        return f"memory: {mb:.0f} MB"
    return None


Running = dict[int, tuple[int, CliCase, Path, float, dict[str, bytes | None]]]


def _reap_one(running: Running, report: CliReport, log: bool) -> bool:
    """Kill children past CLI_KILL_S; collect one finished child if there is one (never blocks)."""
    for pid, (_, _, _, started, _) in list(running.items()):
        if time.monotonic() - started > CLI_KILL_S:
            os.kill(pid, signal.SIGKILL)
    pid, status, usage = os.wait4(-1, os.WNOHANG)
    if pid == 0 or pid not in running:
        return False
    number, case, folder, started, before = running.pop(pid)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    out = (folder / ".stdout").read_text(encoding="utf-8", errors="replace")
    err = (folder / ".stderr").read_text(encoding="utf-8", errors="replace")
    mb = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    problem = judge(case, code, seconds, cpu, mb, out, err, _digest(case.inputs) != before)
    report.results.append(CliResult(number, case.family, case.desc[:200], code, seconds, cpu, mb, problem,
                                    err[-400:]))
    if log and problem:
        print(f"FAIL case {number} [{case.family}] {case.desc[:120]}: {problem}", file=sys.stderr, flush=True)
    _remove(folder)
    return True


def _wait_below(running: Running, report: CliReport, jobs: int, log: bool) -> None:
    while len(running) >= jobs:
        if not _reap_one(running, report, log):
            time.sleep(0.01)


def _remove(folder: Path) -> None:
    for sub in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        try:
            sub.rmdir() if sub.is_dir() and not sub.is_symlink() else sub.unlink()
        except OSError:
            pass
    try:
        folder.rmdir()
    except OSError:
        pass


def warm() -> float:
    """Load what every case needs once, in the parent (forked children inherit it); its MB."""
    from vbhc.cli import cli  # noqa: F401
    from vbhc.parse import parse_file
    from vbhc.profile import from_parent
    from vbhc.rules import all_rules

    all_rules()
    from_parent(NGHE_AN)
    parse_file(NGHE_AN)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_cli_campaign(seed: int = 1, cases: int = 200, minutes: float | None = None, jobs: int = 2,
                     only: int | None = None, log: bool = False) -> CliReport:
    """Cases 1..cases (or as many as fit in `minutes`) of campaign `seed`, `jobs` at a time."""
    report = CliReport(seed=seed)
    start = time.monotonic()
    env_debug = os.environ.pop("VBHC_DEBUG", None)
    with tempfile.TemporaryDirectory(prefix="vbhc-fuzz-cli-") as tmp:
        base = Path(tmp)
        seeds = cli_seeds(base)
        report.baseline_mb = warm()
        running: Running = {}
        numbers = [only] if only is not None else range(1, 10**9)
        for number in numbers:
            if only is None and (number > cases if minutes is None else time.monotonic() - start > minutes * 60):
                break
            folder = base / f"c{number}"
            folder.mkdir()
            case = cli_case(seeds, seed, number, folder)
            before = _digest(case.inputs)
            pid = os.fork()
            if pid == 0:
                _child(case.args, folder)
            running[pid] = (number, case, folder, time.monotonic(), before)
            _wait_below(running, report, jobs, log)
        _wait_below(running, report, 1, log)
    if env_debug is not None:
        os.environ["VBHC_DEBUG"] = env_debug
    report.results.sort(key=lambda r: r.case)
    report.seconds = time.monotonic() - start
    return report


def cli_main(args: argparse.Namespace) -> None:
    report = run_cli_campaign(seed=args.seed, cases=args.cases, minutes=args.minutes, jobs=args.jobs,
                              only=args.replay, log=True)
    print(report.summary())
    families = sorted({r.family for r in report.results})
    for family in families:
        rows = [r for r in report.results if r.family == family]
        codes = Counter(r.code for r in rows)
        print(f"  {family:14s} {len(rows):6d} cases  exit {dict(sorted(codes.items()))}  "
              f"slowest {max(r.seconds for r in rows):.2f} s wall {max(r.cpu for r in rows):.2f} s cpu  "
              f"peak {max(r.mb for r in rows):.0f} MB  "
              f"failures {sum(1 for r in rows if r.problem)}")
    for r in report.failures[:60]:
        print(f"FAIL case {r.case} [{r.family}] {r.desc[:150]}: {r.problem}\n    {r.stderr.strip()[-300:]}")
    if args.replay is not None and report.results:
        print(report.results[0].stderr)
    sys.exit(1 if report.failures else 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--minutes", type=float, default=None, help="run for this long instead of --cases")
    ap.add_argument("--kinds", default="zip,xml,tree,pdf")
    ap.add_argument("--slow", type=float, default=10.0, help="a case slower than this is a failure")
    ap.add_argument("--cli", action="store_true", help="the CLI campaign (whole commands, forked children)")
    ap.add_argument("--jobs", type=int, default=2, help="--cli: cases run at the same time")
    ap.add_argument("--replay", type=int, default=None, help="--cli: run only this case of the seed")
    args = ap.parse_args()
    if args.cli:
        cli_main(args)
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
