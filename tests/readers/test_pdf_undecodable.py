"""PDF reader: a text layer in fonts without a Unicode map (a PDF printed again through a PostScript driver keeps
only the glyph numbers: "&{QJ WiF F§L FiFK" for "Công tác cải cách") is refused with the reason and what to do,
not checked: every finding on it would be false (the set's PDFs so printed drew Thiếu Quốc hiệu, Thiếu tên loại …).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from docx_fixtures import new_document, save

from vbhc.errors import InputError
from vbhc.readers.pdf import MSG_UNDECODABLE, read_pdf, scan

TOOLS = [shutil.which(t) for t in ("soffice", "pdftops", "ps2pdf")]


@dataclass
class _Page:
    chars: list[int] = field(default_factory=list)
    unmapped: int = 0


@dataclass
class _Line:
    text: str


VIETNAMESE = _Line("Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm 2025 như sau")
GLYPHS = _Line("&{QJ WiF F§L FiFK KjQK FKtQK Q P Yj SKmkQJ KmßQJ QKLËP Yé")


@pytest.mark.parametrize(("chars", "unmapped", "line", "refused"), [
    (1000, 0, GLYPHS, False),  # every glyph mapped: what it says is what it is (another language, say)
    (1000, 5, VIETNAMESE, False),  # a few symbols without a map in a Vietnamese text
    (1000, 100, VIETNAMESE, True),  # a tenth of the glyphs without a map: the text is full of '\ufffd'
    (1000, 5, GLYPHS, True),  # some without a map, and the rest reads as no Vietnamese
])
def test_a_text_layer_without_a_unicode_map_is_undecodable(chars: int, unmapped: int, line: _Line,
                                                            refused: bool) -> None:
    assert scan.undecodable([_Page(list(range(chars)), unmapped)], [line]) is refused


@pytest.mark.skipif(None in TOOLS, reason="cần LibreOffice (soffice), pdftops (poppler-utils) và ps2pdf "
                                          "(ghostscript) để in một PDF qua PostScript")
def test_a_pdf_printed_again_through_postscript_is_refused_with_its_reason(tmp_path: Path) -> None:
    from docx.shared import Pt

    d = new_document()
    for text in ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
                 "Cải cách hành chính nhà nước năm 2026 trên địa bàn tỉnh Lâm Đồng",
                 "Thực hiện Kế hoạch số 9669/KH-UBND ngày 24/12/2025 của Ủy ban nhân dân tỉnh về việc ban hành "
                 "Kế hoạch cải cách hành chính nhà nước năm 2026 của tỉnh Lâm Đồng."):
        run = d.add_paragraph().add_run(text)
        run.font.name, run.font.size = "Liberation Serif", Pt(13)
    docx_path = save(d, tmp_path / "kh.docx")
    subprocess.run([TOOLS[0], "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    subprocess.run([TOOLS[1], str(tmp_path / "kh.pdf"), str(tmp_path / "kh.ps")], check=True, timeout=60)
    subprocess.run([TOOLS[2], str(tmp_path / "kh.ps"), str(tmp_path / "in-lai.pdf")], check=True, timeout=60)
    assert read_pdf(tmp_path / "kh.pdf").blocks  # the PDF as LibreOffice saved it reads
    with pytest.raises(InputError) as caught:
        read_pdf(tmp_path / "in-lai.pdf")
    assert MSG_UNDECODABLE in str(caught.value) and "in-lai.pdf" in str(caught.value)
