"""PDF reader: pages with /Rotate. Text drawn turned so that it reads upright on the rotated page
is read as shown (positions on the page as displayed); a page someone turned in a viewer (its
text now sideways or upside down) is read as the text was written, not lost or reversed."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from vbhc.readers.pdf import read_pdf

try:
    from .pdf_builder import Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf  # type: ignore[no-redef]

LINES = ["Dieu 1. Pham vi dieu chinh", "Dieu 2. Doi tuong ap dung", "Dieu 3. Hieu luc thi hanh"]


def rotated(tmp_path: Path, items: list[Text], rotation: int) -> Path:
    pdf = pdfium.PdfDocument(build_pdf([items]))
    pdf[0].set_rotation(rotation)
    out = io.BytesIO()
    pdf.save(out)
    path = tmp_path / f"r{rotation}.pdf"
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_turned_page_is_read_as_written(tmp_path: Path, rotation: int) -> None:
    items = [Text(85, 100 + 20 * k, t, 12) for k, t in enumerate(LINES)]
    source = read_pdf(rotated(tmp_path, items, rotation))
    assert [b.text for b in source.blocks] == LINES
    assert not source.scanned


def test_landscape_by_rotation_reads_upright_text_in_page_order(tmp_path: Path) -> None:
    """Drawn upwards in the file, shown upright on a page turned 90°: read top to bottom as shown,
    on a landscape page."""
    items = [Text(100 + 20 * k, 700, t, 12, rotate=True) for k, t in enumerate(LINES)]
    source = read_pdf(rotated(tmp_path, items, 90))
    assert [b.text for b in source.blocks] == LINES
    assert source.page_setup is not None and source.page_setup.orientation == "landscape"
    assert not any("xoay" in n for n in source.notes)
