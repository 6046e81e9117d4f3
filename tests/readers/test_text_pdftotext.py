"""Real issued PDFs turned into text by pdftotext (poppler), as an office copies a PDF's text out, read
like the PDF.

The set's PDFs with text of their own (../shared/corpus/real; each case skips, saying why, when the folder
is absent; gm01 is a scan whose invisible OCR layer is garbage: as text it cannot be told from a
document). pdftotext prints the two header columns one after the other and every piece of a line the
e-office system stamped apart ("Số: 779" / "/QĐ-UBND", "Bình Thuận, ngày" / "23 tháng" / "3 năm 2022")
on a line of its own; drawn rules are "____"; footnotes follow the signature. Before (16745f8): 66 of
the eight PDFs' 120 header fields, and error findings the PDF has not in each of them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_fixtures import real
from test_pdf_printed import errors, facts

PDFTOTEXT = shutil.which("pdftotext")
NAMES = ["bc01-lamdong-bc-329-2025-cchc", "cv04-skhcn-cv-171-2026", "cv07-btp-cv-3917",
         "qd01-binhthuan-qd-779-2022-dieule-quykhuyenhoc", "qd06-bnv-qd-1187-bochiso-cchc", "qd07-ttg-qd-2319",
         "tt01-snv-ttr-176-2026"]
# The spaced number of a text file is a warning, not an error (the extraction may add the space); a
# report's appendix of statistics tables, its cells a line each, loses the tables that hold its numbering.
NOT_COMPARED = {"bc01-lamdong-bc-329-2025-cchc"}


# `pdftotext -layout` keeps the two columns side by side, a wide gap apart: every one reads like the PDF.
LAYOUT_NAMES = NAMES


def as_text(tmp_path: Path, name: str, *options: str) -> tuple[Path, Path]:
    if not PDFTOTEXT:
        pytest.skip("pdftotext chưa được cài: apt-get install poppler-utils")
    pdf = real(f"{name}.pdf")
    out = tmp_path / f"{name}.txt"
    subprocess.run([PDFTOTEXT, *options, "-enc", "UTF-8", str(pdf), str(out)], check=True, capture_output=True,
                   timeout=120)
    return pdf, out


@pytest.mark.parametrize("name", NAMES)
def test_pdftotexts_text_reads_like_its_pdf(tmp_path: Path, name: str) -> None:
    pdf, text = as_text(tmp_path, name)
    want = facts(pdf)
    assert want[0][4] is not None and want[0][8]  # the PDF itself has a type and a signer
    assert facts(text) == want


@pytest.mark.parametrize("name", [n for n in NAMES if n not in NOT_COMPARED])
def test_pdftotexts_text_draws_no_error_its_pdf_does_not(tmp_path: Path, name: str) -> None:
    pdf, text = as_text(tmp_path, name)
    assert errors(text) <= errors(pdf)


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_pdftotext_layouts_text_reads_like_its_pdf(tmp_path: Path, name: str) -> None:
    pdf, text = as_text(tmp_path, name, "-layout")
    assert facts(text) == facts(pdf)
    assert errors(text) <= errors(pdf)
