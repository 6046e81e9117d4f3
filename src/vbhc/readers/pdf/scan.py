"""Is this PDF a scan? And does its OCR text layer, if any, read as Vietnamese?

Office scanners make image PDFs, often with an invisible text layer from their own OCR (render
mode 3), which for Vietnamese is mostly garbage ("ceNG HoA x,l ugr cnu"): having a text layer
does not mean not being a scan. A file is a scan when it has no text at all, or when most of its
pages are mostly covered by images and their text is invisible or does not read as Vietnamese.
The layout of a scan cannot be checked (its fonts and positions are the OCR's guesses); its text
is still returned when it reads as Vietnamese (most words well-formed syllables, enough of them
with Vietnamese letters or tone marks), so the plan rules can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex as re

from vbhc import rx
from vbhc.readers import legacy

IMAGE_PAGE = 0.5  # a page this much covered by images is an image page
INVISIBLE_SHARE = 0.5  # text this much invisible is an OCR layer
MARKED_SHARE = 0.3  # Vietnamese prose: 60–75% of its words carry a Vietnamese letter or tone mark
SYLLABLE_SHARE = 0.75  # … and nearly all are well-formed syllables
MIN_WORDS = 5
UNMAPPED_SHARE = 0.02  # glyphs with no Unicode value: none in a PDF saved from Word or LibreOffice, 7–65 % in one
                       # printed again through PostScript (the set's PDFs so printed)

_WORD = rx.compile(r"[^\W\d_]+")
_VIETNAMESE = rx.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
                         re.IGNORECASE)

NOTE_SCAN = ("tệp PDF là bản quét ảnh{layer}: không kiểm tra được thể thức (phông chữ, cỡ chữ, vị trí "
             "là của ảnh chụp, không phải của văn bản)")


@dataclass
class Verdict:
    scanned: bool
    keep_text: bool  # the OCR text reads as Vietnamese: keep it as blocks
    note: str = ""


def reads_vietnamese(text: str) -> bool:
    """Most words are Vietnamese syllables and enough of them are marked as only Vietnamese is."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return False
    marked = sum(1 for w in words if _VIETNAMESE.search(w)) / len(words)
    return marked >= MARKED_SHARE and legacy.syllable_rate(text) >= SYLLABLE_SHARE


def undecodable(pages: list[Any], lines: list[Any]) -> bool:
    """A text layer drawn in fonts without a Unicode map (a PDF printed again through a PostScript driver keeps
    only glyph numbers: "&{QJ WiF F§L FiFK" for "Công tác cải cách"): many glyphs PDFium could not map, or some
    and the text as a whole does not read as Vietnamese. Every layout finding on it would be false."""
    unmapped = sum(p.unmapped for p in pages)
    if not unmapped:
        return False
    total = sum(len(p.chars) for p in pages)
    return unmapped >= UNMAPPED_SHARE * total or not reads_vietnamese("\n".join(ln.text for ln in lines))


def judge(pages: list[Any], lines: list[Any]) -> Verdict:
    """The verdict over a file's pages (chars.PageData) and printed lines (lines.Line)."""
    total = sum(len(p.chars) for p in pages)
    garbage = sum(p.garbage for p in pages)  # image pages whose text was not read: not Vietnamese
    if total == 0 and garbage == 0:
        return Verdict(True, False, NOTE_SCAN.format(layer=" không có lớp văn bản"))
    image_pages = sum(1 for p in pages if p.image_cover >= IMAGE_PAGE)
    if image_pages * 2 < len(pages):
        return Verdict(False, True)
    invisible = sum(p.invisible for p in pages if p.chars and p.invisible >= len(p.chars))
    text = "\n".join(ln.text for ln in lines)
    vietnamese = total > 0 and reads_vietnamese(text)
    if not garbage and invisible < INVISIBLE_SHARE * total and vietnamese:
        return Verdict(False, True)  # real text drawn over a background image
    if vietnamese:
        return Verdict(True, True, NOTE_SCAN.format(layer=" có lớp chữ nhận dạng (OCR) đọc được") +
                       "; nội dung chữ vẫn được dùng cho các quy tắc về kế hoạch")
    return Verdict(True, False, NOTE_SCAN.format(layer=" có lớp chữ nhận dạng (OCR) không đọc được") +
                   "; lớp chữ này bị bỏ qua")
