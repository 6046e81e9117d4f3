"""Helpers for the review tests: run `vbhc fix` and `vbhc check --annotate`, read what came out."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from dataclasses import asdict
from pathlib import Path

from click.testing import CliRunner, Result
from lxml import etree

from vbhc.check import evaluate
from vbhc.cli import cli
from vbhc.parse import parse_file
from vbhc.readers.docx.names import W_NS
from vbhc.review import ooxml

W = f"{{{W_NS}}}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rules_of(path: Path) -> set[str]:
    return {f.rule for f in evaluate(parse_file(path), scopes=("format",)).findings}


def findings_of(path: Path):
    return evaluate(parse_file(path), scopes=("format",)).findings


def texts(path: Path) -> list[str]:
    return [b.text for b in parse_file(path).source.blocks]


def looks(path: Path) -> list[dict]:
    """Each block's text and resolved style, as the reader sees them."""
    return [{"text": b.text, **asdict(b.style)} for b in parse_file(path).source.blocks]


def setup_of(path: Path) -> dict | None:
    setup = parse_file(path).source.page_setup
    return None if setup is None else asdict(setup)


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def order_faults(root: etree._Element) -> list[str]:
    """Property children out of the schema's order (what makes Word ask to repair a file)."""
    faults = []
    for tag, order in ((ooxml.RPR, ooxml.RPR_ORDER), (ooxml.PPR, ooxml.PPR_ORDER), (ooxml.SECTPR, ooxml.SECTPR_ORDER)):
        for props in root.iter(tag):
            ranks = [order.get(el.tag, -1) for el in props if isinstance(el.tag, str)]
            known = [r for r in ranks if r >= 0]
            if known != sorted(known):
                faults.append(f"{tag} order {[etree.QName(el).localname for el in props]}")
            change = [el for el in props if el.tag in (ooxml.RPR_CHANGE, ooxml.PPR_CHANGE, ooxml.SECTPR_CHANGE)]
            if change and props[len(props) - 1] is not change[-1]:
                faults.append(f"{tag}: revision record not last")
    return faults


def pdf_of(paths: list[Path], out: Path) -> list[Path]:
    """LibreOffice's PDF of each file (one soffice run for all); [] when LibreOffice is absent."""
    if SOFFICE is None:
        return []
    profile = out / "lo-profile"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                    "--outdir", str(out), *map(str, paths)], check=False, capture_output=True, timeout=300)
    return [out / (p.stem + ".pdf") for p in paths]
