"""Checks made before PDFium builds a page: page count, and what each content stream inflates to.

PDFium is fast, but it builds every object of a page in memory at once (≈ 600 bytes per text
object) and cannot be interrupted inside a call. So the page tree and the page content streams
are measured first, with pdfminer's parser (no text extraction): the declared page count, the
pages actually in the tree (a /Count can lie), and per page the inflated size of each content
stream (in chunks, stopping at the limit) and the number of drawing operators it holds (text
shown, paths painted, XObjects and shadings invoked). A stream inflating past
MAX_PDF_STREAM_BYTES is a bomb: the file is refused. A page whose content is larger than
MAX_PDF_PAGE_CONTENT_BYTES or holds more than MAX_PDF_PAGE_OPERATORS operators (a detailed map
or drawing, or a crafted page) is left out, with a note, and the rest of the file is read.

That page-by-page check parses the file with pdfminer, which costs more than PDFium's whole read
of a small file. So the file's bytes are looked at first (`quick`): every stream that may be
drawing content (not an image, font program, cross-reference or object stream) is inflated the
same way and its operators counted, and the page objects are counted. Only a file where a stream
is over a page limit, or whose streams are encrypted, is then checked page by page.

pdfminer failing on a file PDFium opened is not a refusal: PDFium repairs more files than
pdfminer, and the checks are then left to PDFium's own limits.
"""

from __future__ import annotations

import logging
import mmap
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vbhc import limits, rx
from vbhc.errors import InputError
from vbhc.readers import guard

HEAD_BYTES = 4096  # a stream's dictionary is looked for this far back from its "stream" keyword
_STREAM = rx.compile(rb"stream(?:\r\n|\n|\r)")
_NOT_DRAWN = rx.compile(rb"/Subtype\s*/Image|/Type\s*/(?:XRef|ObjStm|Metadata|EmbeddedFile)|/Length[123]\b|"
                        rb"/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType|XML)")
_LENGTH = rx.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_FLATE_FIRST = rx.compile(rb"/Filter\s*(?:\[\s*)?/(?:FlateDecode|Fl)\b")
_FILTER = rx.compile(rb"/Filter\b")
_PAGE = rx.compile(rb"/Type\s*/Page(?![A-Za-z])")
_OPERATORS = rx.compile(rb"(?<![A-Za-z0-9*'\"])(?:Tj|TJ|'|\"|f\*?|F|S|s|B\*?|b\*?|Do|sh)(?![A-Za-z0-9*])")


@contextmanager
def quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs warnings about broken structure; the user gets one InputError instead."""
    log = logging.getLogger("pdfminer")
    old = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(old)


def too_many_pages(path: Path, pages: int) -> InputError:
    return InputError(str(path), f"tệp PDF có {pages} trang, vượt giới hạn {limits.MAX_PDF_PAGES} trang")


def quick(path: Path, clock: Any) -> bool:
    """The raw look at the file's bytes (see the module docstring): refuse a stream bomb or a
    file with more page objects than the limit; True when nothing needs a page-by-page check."""
    with path.open("rb") as fh:
        try:
            data: Any = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            return True
        with data:
            if data.find(b"/Encrypt") >= 0:
                return False
            pages = len(_PAGE.findall(data))
            if pages > limits.MAX_PDF_PAGES:
                raise too_many_pages(path, pages)
            for m in _STREAM.finditer(data):
                if clock.expired():
                    raise guard.Timeout()
                if not _stream_ok(path, data, m.start(), m.end()):
                    return False
    return True


def _stream_ok(path: Path, data: Any, keyword: int, start: int) -> bool:
    """Is one stream within the page limits (or not drawing content at all)?"""
    head = data[max(0, keyword - HEAD_BYTES):keyword]
    head = head[head.rfind(b"obj") + 1:] if b"obj" in head else head
    if _NOT_DRAWN.search(head):
        return True
    length = _LENGTH.search(head)
    end = start + int(length[1]) if length else data.find(b"endstream", start)
    body = bytes(data[start:end if end > start else len(data)])
    if _FLATE_FIRST.search(head):
        operators, size = _inflate_and_count(path, body)
    elif _FILTER.search(head):
        return True  # other filters (images, fonts): PDFium's business
    else:
        size = len(body)
        operators = len(_OPERATORS.findall(body)) if size > 2 * limits.MAX_PDF_PAGE_OPERATORS else 0
    return size <= limits.MAX_PDF_PAGE_CONTENT_BYTES and operators <= limits.MAX_PDF_PAGE_OPERATORS


def check(path: Path, clock: Any) -> dict[int, str]:
    """Refuse a file whose page tree or content is beyond the limits (InputError); return the
    pages (1-based) to leave out, each with the reason in the user's words. `clock.expired()` is
    checked between pages (guard.Timeout is raised)."""
    if quick(path, clock):
        return {}
    return pages(path, clock)


def pages(path: Path, clock: Any) -> dict[int, str]:
    """The page-by-page check with pdfminer (see the module docstring)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with quiet_pdfminer(), path.open("rb") as fh:
        try:
            doc = PDFDocument(PDFParser(fh))
        except Exception:  # pdfminer raises many unrelated types for input it cannot parse
            return {}
        declared = _declared_pages(doc)
        if declared is not None and declared > limits.MAX_PDF_PAGES:
            raise too_many_pages(path, declared)
        skip: dict[int, str] = {}
        try:
            for number, page in enumerate(PDFPage.create_pages(doc), 1):
                if number > limits.MAX_PDF_PAGES:
                    raise too_many_pages(path, declared if declared and declared > number else number)
                if clock.expired():
                    raise guard.Timeout()
                reason = _check_page(path, page)
                if reason:
                    skip[number] = reason
        except (InputError, guard.Timeout):
            raise
        except Exception:
            return skip
        return skip


def _declared_pages(doc: Any) -> int | None:
    """The page count the page tree declares (/Count), read before any page object is built."""
    from pdfminer.pdftypes import resolve1

    try:
        tree = resolve1(doc.catalog.get("Pages"))
        count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    except Exception:
        return None
    return count if isinstance(count, int) and count >= 0 else None


def _check_page(path: Path, page: Any) -> str | None:
    """Why this page must be left out, or None; refuse a stream bomb."""
    from pdfminer.pdftypes import resolve1

    contents = getattr(page, "contents", None) or []
    operators = size = 0
    for ref in contents if isinstance(contents, list) else [contents]:
        stream = resolve1(ref)
        raw = getattr(stream, "rawdata", None)
        if not isinstance(raw, bytes | bytearray):
            continue
        filters = resolve1(stream.attrs.get("Filter")) if hasattr(stream, "attrs") else None
        names = [str(resolve1(f)) for f in (filters if isinstance(filters, list) else [filters]) if f is not None]
        if not names:
            size += len(raw)
            if len(raw) > 2 * limits.MAX_PDF_PAGE_OPERATORS:
                operators += len(_OPERATORS.findall(raw))
        elif "Fl" in names[0]:
            found, inflated = _inflate_and_count(path, bytes(raw))
            operators += found
            size += inflated
        if size > limits.MAX_PDF_PAGE_CONTENT_BYTES:
            return f"nội dung vẽ trên {limits.MAX_PDF_PAGE_CONTENT_BYTES // limits.MB} MB"
        if operators > limits.MAX_PDF_PAGE_OPERATORS:
            return f"hơn {limits.MAX_PDF_PAGE_OPERATORS} lệnh vẽ"
    return None


def _inflate_and_count(path: Path, data: bytes) -> tuple[int, int]:
    """Drawing operators in a Flate stream and its inflated size, inflated chunk by chunk up to
    the size limit. Operators are counted only in a stream large enough to hold more than the
    limit (each takes at least two bytes): real pages are far smaller."""
    inflater = zlib.decompressobj()
    total = 0
    count = 0
    held: list[bytes] = []  # the first chunks, kept until the stream proves large
    tail = b""
    try:
        while data and total <= limits.MAX_PDF_STREAM_BYTES:
            chunk = inflater.decompress(data, limits.INFLATE_CHUNK_BYTES)
            total += len(chunk)
            data = inflater.unconsumed_tail
            if total <= 2 * limits.MAX_PDF_PAGE_OPERATORS:
                held.append(chunk)
                continue
            if held:
                chunk = b"".join(held) + chunk
                held = []
            cut = max(chunk.rfind(b" "), chunk.rfind(b"\n"))
            if cut < 0:
                tail += chunk
            else:
                count += len(_OPERATORS.findall(tail + chunk[:cut]))
                tail = chunk[cut:]
    except zlib.error:
        return count, total  # PDFium decides what a broken stream means
    if total > limits.MAX_PDF_STREAM_BYTES:
        raise InputError(str(path), f"tệp PDF có luồng nội dung giải nén quá lớn (trên "
                                    f"{limits.MAX_PDF_STREAM_BYTES // limits.MB} MB; nghi tệp độc hại, bị từ chối)")
    return count + len(_OPERATORS.findall(tail)), total
