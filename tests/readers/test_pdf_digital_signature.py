"""A digital signature's stamp on a printed PDF (small lines over the Quốc hiệu and beside the signer, as a
signing tool draws them; the number and signing time the decree puts at the top right of a plan in a file of
its own, PL I, Phần I, mục II.8.b) is kept apart: the header, the signature and the findings are the .docx's."""

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
TOP_RIGHT = ["3310/KH-STC", "29.07.2025 10:20:33 +07:00"]


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
def stamped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SOFFICE:
        pytest.skip("LibreOffice chưa được cài: apt-get install libreoffice-writer-nogui fonts-liberation2")
    folder = tmp_path_factory.mktemp("stamped")
    doc = docx.Document(str(PLAN))
    header, closing = doc.tables[0].cell(0, 1), doc.tables[2].cell(0, 1)
    _stamp(header, header.paragraphs[0], OVER_THE_HEADER)
    signer = next(p for p in closing.paragraphs if p.text == "Trịnh Thanh Hải")
    _stamp(closing, signer, BY_THE_SIGNER)
    doc.save(str(folder / "stamped.docx"))
    corner = docx.Document(str(PLAN))
    first = corner.element.body[0]
    for text in TOP_RIGHT:
        para = corner.add_paragraph(text)
        para.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
        para.runs[0].font.size = Pt(10)
        first.addprevious(para._p)
    corner.save(str(folder / "corner.docx"))
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "stamped.docx"), str(folder / "corner.docx")],
                   check=True, capture_output=True, timeout=300)
    return folder


CASES = {"stamped": OVER_THE_HEADER + BY_THE_SIGNER, "corner": TOP_RIGHT}


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("name", CASES)
def test_the_stamp_is_kept_apart(stamped: Path, name: str, kind: str) -> None:
    path = stamped / f"{name}.{kind}"
    assert facts(path) == facts(PLAN)
    [doc] = parse_file(path).documents
    assert doc.digital_signature == CASES[name]
    assert errors(path) - errors(PLAN) <= ({"ND30.Font.TimesNewRoman"} if kind == "pdf" else set())
