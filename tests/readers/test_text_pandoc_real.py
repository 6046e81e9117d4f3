"""Real .docx files written out as Markdown by pandoc, as an office converts them, read like the .docx.

The eight real .docx of ../shared/corpus/real (each case skips, saying why, when that folder is absent)
and the evaluation set's two .docx, through the pandoc of `pypandoc-binary` (a test dependency), in the
flavours people use: pandoc's own Markdown (grid tables, escapes, "\\" line breaks), the same unwrapped,
without grid tables (cells as HTML tables), and GitHub's (HTML tables). Before the pandoc reader, the
header and signature of every one were lost (the table borders and escapes read as text).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx_fixtures import real
from test_pdf_printed import EVAL, errors, facts

pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary (pandoc) chưa được cài: pip install -e '.[test]'")

NAMES = ["bc02-lamdong-bc-cchc-quy1-2026", "cv08-binhthuan-cv-giahan-daihoi-hhdn", "kh01-lamdong-kh-cchc-2026-2030",
         "kh02-lamdong-kh-cchc-2026", "kh03-lamdong-kh-kiemtra-cchc-2026", "kh05-lamdong-kh-thidua-cchc-2026",
         "qd04-lamdong-qd-thanhlap-hoidong-atvsld", "tb01-lamdong-tbkl-pci", "so-tai-chinh-bang-nhiem-vu",
         "so-xay-dung-tu-dong-danh-so"]
FLAVOURS = {"markdown": ["-t", "markdown"], "unwrapped": ["-t", "markdown", "--wrap=none"],
            "html-tables": ["-t", "markdown-grid_tables"], "gfm": ["-t", "gfm"]}


def source(name: str) -> Path:
    return EVAL / f"{name}.docx" if (EVAL / f"{name}.docx").is_file() else real(f"{name}.docx")


def written(tmp_path_factory: pytest.TempPathFactory, name: str, flavour: str) -> Path:
    docx = source(name)
    out = tmp_path_factory.mktemp(flavour) / f"{name}.md"
    subprocess.run([pypandoc.get_pandoc_path(), str(docx), *FLAVOURS[flavour], "-o", str(out)], check=True,
                   capture_output=True, timeout=120)
    return out


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("name", NAMES)
def test_pandocs_markdown_reads_like_its_docx(tmp_path_factory: pytest.TempPathFactory, name: str,
                                              flavour: str) -> None:
    want = facts(source(name))
    assert want[0][4] is not None and want[0][8]  # the .docx itself has a type and a signer
    assert facts(written(tmp_path_factory, name, flavour)) == want


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("name", NAMES)
def test_pandocs_markdown_draws_no_error_its_docx_does_not(tmp_path_factory: pytest.TempPathFactory, name: str,
                                                           flavour: str) -> None:
    # (GitHub's flavour writes a list of points "a)", "b)" as "1)", "2)": a level under the clause "1.")
    assert errors(written(tmp_path_factory, name, flavour)) <= errors(source(name))
