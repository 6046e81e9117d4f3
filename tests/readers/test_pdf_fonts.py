"""PDF reader: a line's fonts are those its letters are drawn in.

A glyph the text's font does not have (an arrow, a check mark, LibreOffice's footnote digit) is drawn from a
fallback font ("→" in DejaVu Math, "✓" in OpenSymbol, a superscript "1" in DejaVu Sans): that is no font of
the text, and the font rule must not return the document for it. The PDFs are written by hand (pdf_builder).
"""

from __future__ import annotations

from pathlib import Path

from vbhc.readers import read

try:
    from .pdf_builder import Text, build_pdf, text_width
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf, text_width  # type: ignore[no-redef]

FONTS = {"S": "ABCDEF+OpenSymbol", "D": "BCDEFG+DejaVuSans", "A": "CDEFGH+Arial-BoldMT"}
SIZE = 13.0


def _line(tmp_path: Path, pieces: list[tuple[str, str, float]]) -> list[str]:
    """The fonts of the one line drawn from (text, font key, size) pieces side by side."""
    x, items = 70.0, []
    for text, font, size in pieces:
        items.append(Text(x, 100, text, size=size, font=font))
        x += text_width(text, size)
    path = tmp_path / "line.pdf"
    path.write_bytes(build_pdf([items], fonts=FONTS))
    [block] = read(path).blocks
    return block.style.fonts


def test_a_symbol_drawn_from_a_fallback_font_is_not_a_font_of_the_line(tmp_path):
    assert _line(tmp_path, [("Thuc hien ", "F4", SIZE), (">", "S", SIZE), (" bao cao", "F4", SIZE)]) == ["Times"]


def test_a_footnote_digit_in_another_font_is_not_a_font_of_the_line(tmp_path):
    assert _line(tmp_path, [("Co chu thong nhat", "F4", SIZE), ("1", "D", 6.5)]) == ["Times"]


def test_a_word_in_another_font_is(tmp_path):
    fonts = _line(tmp_path, [("Thuc hien ", "F4", SIZE), ("bao cao", "A", SIZE)])
    assert fonts == ["Times", "Arial"]


def test_a_line_of_digits_only_keeps_the_fonts_it_is_drawn_in(tmp_path):
    assert _line(tmp_path, [("2026", "A", SIZE)]) == ["Arial"]
