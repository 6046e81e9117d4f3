"""A digital signature's stamp on a printed PDF (small lines over the Quốc hiệu and beside the signer, as a
signing tool draws them) is kept apart: the header, the signature and the findings are the .docx's."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from test_pdf_printed import EVAL, errors, facts

from vbhc.parse import parse_file

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PLAN = EVAL / "so-tai-chinh-bang-nhiem-vu.docx"
OVER_THE_HEADER = ["Ký bởi: Sở Tài chính", "Email: stc@nghean.gov.vn", "Cơ quan: Tỉnh Nghệ An",
                   "Thời gian ký: 29.07.2025 10:20:33 +07:00"]
BY_THE_SIGNER = ["Ký bởi: Trịnh Thanh Hải", "Thời gian ký: 29.07.2025 10:19:02 +07:00"]


def _stamp(cell, before, lines: list[str]) -> None:
    """Small lines in `cell` before its paragraph `before`, as a stamp the signing tool drew there."""
    for text in lines:
        p = copy.deepcopy(before._p)
        before._p.addprevious(p)
        para = docx.text.paragraph.Paragraph(p, cell)
        for r in para.runs[1:]:
            r._r.getparent().remove(r._r)
        para.runs[0].text = text
        para.runs[0].font.size, para.runs[0].font.bold = Pt(7), False


@pytest.fixture(scope="module")
def stamped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not SOFFICE:
        pytest.skip("LibreOffice chưa được cài: apt-get install libreoffice-writer-nogui fonts-liberation2")
    folder = tmp_path_factory.mktemp("stamped")
    doc = docx.Document(str(PLAN))
    header, closing = doc.tables[0].cell(0, 1), doc.tables[2].cell(0, 1)
    _stamp(header, header.paragraphs[0], OVER_THE_HEADER)
    signer = next(p for p in closing.paragraphs if p.text == "Trịnh Thanh Hải")
    _stamp(closing, signer, BY_THE_SIGNER)
    path = folder / "stamped.docx"
    doc.save(str(path))
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(path)], check=True, capture_output=True, timeout=300)
    return path, folder / "stamped.pdf"


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_stamp_is_kept_apart(stamped: tuple[Path, Path], kind: str) -> None:
    path = stamped[0] if kind == "docx" else stamped[1]
    assert facts(path) == facts(PLAN)
    [doc] = parse_file(path).documents
    assert doc.digital_signature == OVER_THE_HEADER + BY_THE_SIGNER
    assert errors(path) - errors(PLAN) <= ({"ND30.Font.TimesNewRoman"} if kind == "pdf" else set())
