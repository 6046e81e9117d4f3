"""PDF reader: text lines rebuilt from character positions, joined back into paragraphs.

A PDF holds glyphs at positions, not paragraphs. Text extractors that read a page line by line
run the two header columns of an administrative document together ("ỦY BAN NHÂN DÂN CỘNG HÒA
XÃ HỘI…"), so this reader works from the characters (PDFium, `chars`): annotations flattened
first (e-signature stamps of number and day), lines and segments by position (`lines`), page
numbers and two-column runs (`layout`), ruled tables (`tables`), footnotes (`notes`), an agency
name printed on the Quốc hiệu's line (`header`), paragraphs (`paragraphs`), scans (`scan`).

Each paragraph, column segment or table-cell paragraph becomes one Block, in reading order:
page by page, top to bottom, segments left to right. The parser groups header and signature
blocks by `Block.column`; table cells carry `Block.table`; footnotes have part "footnote" and
page numbers "header"/"footer" (listed in `PageSetup.page_numbers`).

Paragraph formatting is not in a PDF: `carries_paragraph_format` is False and only "center" is
inferred, for single lines visibly centred on the estimated text area. Margins are estimates of
the text area (where the ink is), not the margins the author set.

Hostile input: the page tree and content streams are measured before PDFium builds a page
(`preflight`); the time is limited per file (scaled by its page count) and per page
(limits.pdf_time_limit, pdf_page_time_limit). PDFium is not thread-safe: one read at a time.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pypdfium2 as pdfium

from vbhc import limits
from vbhc.errors import InputError
from vbhc.model import PageSetup, Source
from vbhc.readers import guard, legacy
from vbhc.readers.pdf import chars as pdf_chars
from vbhc.readers.pdf import header, layout, notes, paragraphs, preflight, scan, tables
from vbhc.readers.pdf import lines as pdf_lines

MSG_SCAN = ("tệp PDF là bản quét ảnh, không có lớp văn bản đọc được; cần nhận dạng ký tự (OCR) tiếng Việt "
            "trước khi đọc cấu trúc")
MSG_ENCRYPTED = "tệp PDF được mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi kiểm tra lại"
MSG_BROKEN = "tệp PDF bị hỏng hoặc không đầy đủ"
MSG_UNDECODABLE = ("chữ trong tệp PDF không giải mã được: phông chữ của tệp thiếu bảng mã Unicode (thường do in ra PDF "
                   "qua máy in ảo hay trình điều khiển PostScript), nên không đọc được nội dung; hãy xuất lại PDF từ "
                   "tệp gốc (Word: Lưu thành PDF) hoặc gửi tệp .docx")
NOTE_MARGINS = (
    "lề trang của PDF là ước lượng từ vùng có chữ (mép chữ ngoài cùng trên mọi trang), "
    "không phải lề khai báo trong tệp gốc"
)
PT_TO_MM = 25.4 / 72

_PDFIUM = threading.Lock()

__all__ = ["MSG_BROKEN", "MSG_ENCRYPTED", "MSG_SCAN", "MSG_UNDECODABLE", "read_pdf"]


def _timeout_reason(seconds: float) -> str:
    return (f"quá thời gian đọc PDF ({seconds:.0f} giây); tệp có thể bị hỏng hoặc được tạo bất thường, "
            "hãy xuất lại PDF từ tệp gốc")


def _page_timeout_reason(page: int, seconds: float) -> str:
    return (f"quá thời gian đọc PDF: trang {page} cần hơn {seconds:.0f} giây (một trang bình thường cần "
            "dưới 0,1 giây); tệp có thể bị hỏng hoặc được tạo bất thường, hãy xuất lại PDF từ tệp gốc")


def read_pdf(path: Path | str) -> Source:
    """Read a PDF's text layer into blocks; refuse encrypted, broken and hostile files."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - 2048))
            truncated = b"%%EOF" not in fh.read()
    except OSError as exc:
        raise InputError(str(path), f"không mở được tệp ({exc.strerror or exc})") from None
    with _PDFIUM:
        pages = _read_pages(path)
    return _assemble(path, pages, truncated)


def _read_pages(path: Path) -> list[pdf_chars.PageData]:
    try:
        doc = pdf_chars.open_document(str(path))
    except pdfium.PdfiumError:
        reason = MSG_ENCRYPTED if pdf_chars.load_error() == "password" else MSG_BROKEN
        raise InputError(str(path), reason) from None
    try:
        count = len(doc)
        if count == 0:
            raise InputError(str(path), MSG_BROKEN)
        if count > limits.MAX_PDF_PAGES:
            raise preflight.too_many_pages(path, count)
        total = guard.Clock(limits.pdf_time_limit(count))
        try:
            with guard.deadline(total.seconds):
                skip = preflight.check(path, total)
        except guard.Timeout:
            raise InputError(str(path), _timeout_reason(total.seconds)) from None
        page_seconds = limits.pdf_page_time_limit(count)
        pages = []
        glyphs = 0
        for index in range(count):
            if index + 1 in skip:
                width, height = doc.get_page_size(index)
                pages.append(pdf_chars.PageData(width, height, skipped=skip[index + 1]))
                continue
            pages.append(_read_page(path, doc, index, total, page_seconds))
            glyphs += len(pages[-1].chars)
            if glyphs > limits.MAX_PDF_GLYPHS:
                bound = f"{limits.MAX_PDF_GLYPHS:_}".replace("_", ".")
                raise InputError(str(path), f"tệp PDF có hơn {bound} ký tự sau {index + 1} trang "
                                            "(quá lớn để kiểm tra, hoặc được tạo bất thường)")
        return pages
    finally:
        doc.close()


def _read_page(path: Path, doc: pdfium.PdfDocument, index: int, total: guard.Clock,
               page_seconds: float) -> pdf_chars.PageData:
    """One page within the page's time and what is left of the file's: the smaller binds."""
    left = total.seconds - (time.monotonic() - total.start)
    budget = max(min(page_seconds, left), 0.001)
    clock = guard.Clock(budget)
    expired = False
    try:
        with guard.deadline(budget):
            data = pdf_chars.read_page(doc, index, clock)
            data.lines = pdf_lines.page_lines(index + 1, data.chars, data.width)
    except guard.Timeout:
        expired = True
    except pdfium.PdfiumError:
        raise InputError(str(path), MSG_BROKEN) from None
    if expired or clock.expired():
        if left <= page_seconds:
            raise InputError(str(path), _timeout_reason(total.seconds))
        raise InputError(str(path), _page_timeout_reason(index + 1, page_seconds))
    return data


def _assemble(path: Path, pages: list[pdf_chars.PageData], truncated: bool) -> Source:
    lines = [ln for data in pages for ln in data.lines]
    sizes = [(data.width, data.height) for data in pages]
    verdict = scan.judge(pages, lines)
    if verdict.scanned and not verdict.keep_text:
        lines = []
    if not lines and not verdict.scanned:
        raise InputError(str(path), MSG_BROKEN if truncated else MSG_SCAN)
    if not verdict.scanned and scan.undecodable(pages, lines):
        raise InputError(str(path), MSG_UNDECODABLE)
    notes_out = _notes(pages, truncated, verdict)
    page_numbers = layout.mark_page_numbers(lines, sizes)
    notes.mark_margin_stamps(lines, sizes)
    notes.mark_footnotes(lines, pages)
    margins = layout.margins(lines, sizes)
    areas = [(margins["left"], w - margins["right"]) for w, _ in sizes]
    tables.mark_tables(lines, pages)
    lines = header.split_header_lines(lines, areas)
    layout.mark_columns(lines, areas)
    blocks = paragraphs.blocks(lines, areas, sizes)
    blocks = tables.place_cells(blocks, lines)
    legacy_fonts, legacy_encodings = _legacy_counts(lines)
    if legacy_encodings:
        notes_out.append(legacy.legacy_note(legacy_encodings, legacy_fonts))
    notes_out.append(NOTE_MARGINS)
    w, h = sizes[0]
    setup = PageSetup(
        width_mm=round(w * PT_TO_MM, 1),
        height_mm=round(h * PT_TO_MM, 1),
        margins_mm={k: round(v * PT_TO_MM, 1) for k, v in margins.items()},
        page_numbers=page_numbers,
    )
    return Source(
        path=str(path),
        format="pdf",
        blocks=blocks,
        page_setup=setup,
        carries_style=True,
        carries_paragraph_format=False,
        pages=len(sizes),
        notes=notes_out,
        legacy_fonts=legacy_fonts,
        legacy_encodings=legacy_encodings,
        scanned=verdict.scanned,
    )


def _notes(pages: list[pdf_chars.PageData], truncated: bool, verdict: scan.Verdict) -> list[str]:
    out: list[str] = []
    if truncated:
        out.append("tệp PDF có thể bị cắt cụt (không thấy dấu kết thúc %%EOF); nội dung có thể thiếu")
    skipped = [f"trang {n} ({data.skipped})" for n, data in enumerate(pages, 1) if data.skipped]
    if skipped:
        out.append("không đọc các trang có nội dung vẽ quá lớn (bản đồ, bản vẽ hoặc tệp được tạo bất "
                   "thường): " + ", ".join(skipped))
    if verdict.scanned:
        out.append(verdict.note)
    else:
        no_text = [str(n) for n, data in enumerate(pages, 1) if not data.chars and not data.skipped]
        if no_text:
            out.append("trang không có lớp văn bản (có thể là ảnh quét): " + ", ".join(no_text))
    rotated = sum(data.rotated for data in pages)
    if rotated:
        out.append(f"bỏ qua {rotated} ký tự viết xoay (không nằm ngang)")
    if any(data.unmapped for data in pages):
        out.append("một số ký tự không giải mã được (hiện dạng '\ufffd'): phông chữ thiếu bảng mã Unicode")
    return out


def _legacy_counts(lines: list[pdf_lines.Line]) -> tuple[dict[str, int], dict[str, int]]:
    fonts: dict[str, int] = {}
    encodings: dict[str, int] = {}
    for ln in lines:
        for seg in ln.segs:
            for fam, (enc, n) in (seg.legacy or {}).items():
                fonts[fam] = fonts.get(fam, 0) + n
                encodings[enc] = encodings.get(enc, 0) + n
    return fonts, encodings
