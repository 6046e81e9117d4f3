"""Glyphs are put on lines by their baseline: a PDF whose font subsets give the glyphs of one line
different loose boxes (LibreOffice's: the "p" of "Độc lập", the "Ộ" of "CHỦ TỊCH" 0.2 em lower) reads
like the .docx it was printed from.

Four real plans and reports of ../shared/corpus/real, printed to PDF by LibreOffice as an office
without Word would; before, each lost its Tiêu ngữ, type, place, date and signer.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_fixtures import real

from vbhc.parse import parse_file

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NAMES = ["bc02-lamdong-bc-cchc-quy1-2026", "kh01-lamdong-kh-cchc-2026-2030", "kh02-lamdong-kh-cchc-2026",
         "kh03-lamdong-kh-kiemtra-cchc-2026"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SOFFICE:
        pytest.skip("LibreOffice chưa được cài: apt-get install libreoffice-writer-nogui fonts-liberation2")
    sources = [real(f"{name}.docx") for name in NAMES]
    folder = tmp_path_factory.mktemp("printed")
    profile = folder / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, sources)], check=True, capture_output=True, timeout=300)
    return folder


def facts(path: Path) -> list[tuple]:
    return [(d.number, d.symbol, d.place, d.date, d.doc_type, " ".join((d.title or "").split()), d.motto,
             d.signature.signer if d.signature else None, len(d.recipients)) for d in parse_file(path).documents]


@pytest.mark.parametrize("name", NAMES)
def test_printed_pdf_reads_like_its_docx(printed: Path, name: str) -> None:
    want = facts(real(f"{name}.docx"))
    assert want[0][4] is not None and want[0][7]  # the .docx itself has a type and a signer
    assert facts(printed / f"{name}.pdf") == want
