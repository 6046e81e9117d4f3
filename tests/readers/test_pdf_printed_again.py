"""PDF reader: a PDF printed again through cairo (Firefox's and GNOME's "print to PDF", pdftocairo) reads as
the PDF it was printed from.

Cairo renames every font ("CairoFont-0-1": face and style unknown, no font fault to report), switches font
inside a word for the Vietnamese letters (PDFium then puts a space glyph where the next glyph starts: "T ự
do"), and prints an e-signing stamp flat into the page (the number "176" in its own font or size beside its
"/", no space between). Small cases are glyph tuples as `chars.read_page` gives them; the real set's issued
PDFs, printed again with pdftocairo, are the whole check.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vbhc.check import check_file
from vbhc.parse import parse_file
from vbhc.readers.pdf.lines import Seg, style

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
PDFTOCAIRO = shutil.which("pdftocairo")
SIZE = 14.0


def _glyphs(*items: tuple[str, float, float, str, float]) -> list[tuple]:
    """(text, x0, x1, font, size) → the Char tuples of one line (bottom, x0, x1, top, text, font, size, shear,
    flags)."""
    return [(100.0, x0, x1, 100.0 - size, text, font, size, 0.0, 0) for text, x0, x1, font, size in items]


def test_a_space_put_where_the_glyph_before_starts_is_dropped():
    seg = Seg(_glyphs(("-", 60.3, 64.9, "CairoFont-0-0", SIZE), ("T", 68.4, 77.7, "CairoFont-0-0", SIZE),
                      (" ", 68.4, 68.4, "CairoFont-0-0", SIZE), ("ự", 77.7, 86.4, "CairoFont-0-1", SIZE),
                      ("d", 89.6, 97.4, "CairoFont-0-0", SIZE), ("o", 97.4, 104.4, "CairoFont-0-0", SIZE)))
    assert seg.text == "- Tự do"


def test_a_renamed_font_names_no_face_and_no_style():
    st = style(Seg(_glyphs(("A", 10, 20, "ABCDEF+CairoFont-0-0", SIZE), ("ự", 20, 29, "CairoFont-0-1", SIZE))))
    assert (st.font, st.fonts, st.bold, st.italic, st.size_pt) == (None, [], None, None, SIZE)


def test_a_real_font_beside_a_renamed_one_is_the_line_s_font():
    st = style(Seg(_glyphs(("A", 10, 20, "TimesNewRomanPSMT", SIZE), ("ự", 20, 29, "CairoFont-0-1", SIZE))))
    assert (st.font, st.fonts, st.bold) == ("Times New Roman", ["Times New Roman"], False)


@pytest.mark.parametrize(("font", "size"), [("CairoFont-7-0", SIZE), ("TimesNewRomanPSMT", 13.0)])
def test_a_number_stamped_flat_keeps_its_slash(font, size):
    seg = Seg(_glyphs(("S", 10, 18, "TimesNewRomanPSMT", SIZE), (":", 18, 22, "TimesNewRomanPSMT", SIZE),
                      (" ", 22, 25.5, "TimesNewRomanPSMT", SIZE), ("1", 26, 33, font, size),
                      ("7", 33, 40, font, size), ("6", 40, 47, font, size),
                      ("/", 53.6, 57.5, "TimesNewRomanPSMT", SIZE), ("T", 57.5, 66, "TimesNewRomanPSMT", SIZE)))
    assert seg.text == "S: 176/T"


def test_a_gap_before_the_slash_in_one_font_is_still_a_space():
    seg = Seg(_glyphs(("1", 26, 33, "TimesNewRomanPSMT", SIZE), ("/", 40, 44, "TimesNewRomanPSMT", SIZE)))
    assert seg.text == "1 /"


def _facts(path: Path) -> list[tuple]:
    out = []
    for d in parse_file(path).documents:
        s = d.signature
        out.append((d.doc_type, d.number, d.symbol, d.date, d.title, s.signer if s else None, d.recipients,
                    len(list(d.nodes()))))
    return out


def _errors(path: Path) -> list[tuple[str, str]]:
    return sorted((f.rule, f.message) for f in check_file(str(path)).findings if f.severity == "error")


@pytest.mark.skipif(not REAL.is_dir(), reason=f"the real documents are not here ({REAL})")
@pytest.mark.skipif(PDFTOCAIRO is None, reason="pdftocairo (poppler-utils) is not installed: cannot print again")
@pytest.mark.parametrize("name", ["cv07-btp-cv-3917.pdf", "tt01-snv-ttr-176-2026.pdf", "cv04-skhcn-cv-171-2026.pdf",
                                  "qd06-bnv-qd-1187-bochiso-cchc.pdf"])
def test_a_real_issued_pdf_printed_again_reads_the_same(tmp_path: Path, name: str):
    again = tmp_path / name
    subprocess.run([PDFTOCAIRO, "-pdf", str(REAL / name), str(again)], check=True, capture_output=True, timeout=120)
    assert _facts(again) == _facts(REAL / name)
    assert _errors(again) == _errors(REAL / name)
