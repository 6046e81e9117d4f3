""".docx files printed to PDF by LibreOffice, as an office without Word would, read like the .docx.

The eight real .docx of ../shared/corpus/real (plans, reports, a letter, a decision, a notice; each case
skips, saying why, when that folder is absent) and the evaluation set's two .docx plans. What each case
guards, as it failed before:
- glyphs are put on lines by their baseline: LibreOffice's font subsets give the glyphs of one line
  loose boxes up to 0.4 em apart (the "p" of "Độc lập", the "Ộ" of "CHỦ TỊCH" fell to a line of their
  own: bc02, kh01, kh02, kh03 lost their Tiêu ngữ, type, place, date and signer);
- a Nơi nhận item its column wrapped is one item (tb01: "KHCN, TP, …" read as an item without dash);
- a Quốc hiệu its cell wrapped in the wider Liberation Serif ("… CHỦ NGHĨA VIỆT" / "NAM") is whole
  (the two evaluation plans).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_fixtures import real

from vbhc.check import check_file
from vbhc.parse import parse_file

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
EVAL = Path(__file__).resolve().parents[2] / "corpus" / "eval"
NAMES = ["bc02-lamdong-bc-cchc-quy1-2026", "cv08-binhthuan-cv-giahan-daihoi-hhdn", "kh01-lamdong-kh-cchc-2026-2030",
         "kh02-lamdong-kh-cchc-2026", "kh03-lamdong-kh-kiemtra-cchc-2026", "kh05-lamdong-kh-thidua-cchc-2026",
         "qd04-lamdong-qd-thanhlap-hoidong-atvsld", "tb01-lamdong-tbkl-pci", "so-tai-chinh-bang-nhiem-vu",
         "so-xay-dung-tu-dong-danh-so"]


def source(name: str) -> Path:
    return EVAL / f"{name}.docx" if (EVAL / f"{name}.docx").is_file() else real(f"{name}.docx")


def _present(name: str) -> Path | None:
    try:
        return source(name)
    except pytest.skip.Exception:
        return None


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SOFFICE:
        pytest.skip("LibreOffice chưa được cài: apt-get install libreoffice-writer-nogui fonts-liberation2")
    sources = [p for p in map(_present, NAMES) if p is not None]  # a missing real file skips its own cases
    folder = tmp_path_factory.mktemp("printed")
    profile = folder / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, sources)], check=True, capture_output=True, timeout=300)
    return folder


def facts(path: Path) -> list[tuple]:
    return [(d.number, d.symbol, d.place, d.date, d.doc_type, " ".join((d.title or "").split()), d.national_title,
             d.motto, d.signature.signer if d.signature else None, d.recipients) for d in parse_file(path).documents]


@pytest.mark.parametrize("name", NAMES)
def test_printed_pdf_reads_like_its_docx(printed: Path, name: str) -> None:
    want = facts(source(name))
    assert want[0][4] is not None and want[0][8]  # the .docx itself has a type and a signer
    assert facts(printed / f"{name}.pdf") == want


def errors(path: Path) -> set[str]:
    return {f.rule for f in check_file(str(path)).findings if f.severity == "error"}


@pytest.mark.parametrize("name", NAMES)
def test_printed_pdf_draws_no_error_its_docx_does_not(printed: Path, name: str) -> None:
    # the font is the PDF's own: LibreOffice without Times New Roman prints in Liberation Serif
    assert errors(printed / f"{name}.pdf") - errors(source(name)) <= {"ND30.Font.TimesNewRoman"}
