"""Readers turn a file into a `Source`: an ordered stream of blocks plus page setup.

The format is decided by content, not by extension: a file whose extension lies is refused
with a message saying what it really is. Only regular files are read (`vbhc.fileio.regular_file`):
a link to /dev/zero would never end and a FIFO would block `open` forever.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from vbhc import limits
from vbhc.errors import InputError
from vbhc.fileio import regular_file
from vbhc.model import Source

TEXT_EXTENSIONS = {".txt", ".md", ".text"}
DOCX_EXTENSIONS = {".docx"}
PDF_EXTENSIONS = {".pdf"}
# Read through LibreOffice (`readers.doc`): Word 97–2003, and the OpenDocument and RTF formats the state's
# list of document formats names beside .docx and .pdf (Thông tư 39/2017/TT-BTTTT).
CONVERTED_EXTENSIONS = {".doc", ".odt", ".rtf"}
SUPPORTED = TEXT_EXTENSIONS | DOCX_EXTENSIONS | PDF_EXTENSIONS | CONVERTED_EXTENSIONS
# What an office sends: the files `vbhc audit` takes from a folder and `vbhc serve` accepts, in the order named.
OFFICE_EXTENSIONS = (".docx", ".doc", ".odt", ".rtf", ".pdf", ".txt")
OFFICE_NAMES = ", ".join(OFFICE_EXTENSIONS)

# The formats Word opens by their content whatever the extension, and the extension each content has: an RTF an
# e-office system exports as ".doc", a .docx renamed ".doc" are read as what they hold, with a note.
WORD_EXTENSIONS = {".docx", ".doc", ".rtf", ".odt"}
WORD_CONTENT = {"zip": ".docx", "ole2": ".doc", "rtf": ".rtf", "odt": ".odt", "html": ".html", "mht": ".mht"}

ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"  # the first entry of an .odt, stored
# a web page an e-office system saved as ".doc": its first tag, past a BOM, comments and an XML declaration
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])",
                         re.I | re.S)
# a page saved as one file (MHT): mail headers, one of them naming a multipart/related body
_MHT_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:[A-Za-z][\w-]*:[^\n]*\n(?:[ \t][^\n]*\n)*)*?"
                        rb"Content-Type:\s*multipart/related", re.I)


def sniff(head: bytes) -> str | None:
    """What the first bytes say the file is: "odt", "zip", "pdf", "ole2", "rtf", "html", "mht" or None."""
    if head.startswith(ZIP_MAGIC):
        return "odt" if ODT_MIMETYPE in head[:200] else "zip"
    if head.startswith(RTF_MAGIC):
        return "rtf"
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    if _HTML_START.match(head):
        return "html"
    if _MHT_START.match(head):
        return "mht"
    return None


CONTENT_NAMES = {"zip": "tệp nén ZIP", "pdf": "tệp PDF", "ole2": "tệp Word 97–2003 (.doc)",
                 "odt": "tệp OpenDocument (.odt)", "rtf": "tệp RTF (.rtf)", "html": "trang web (HTML)",
                 "mht": "trang web lưu một tệp (MHT)"}


def read(path: str | os.PathLike[str]) -> Source:
    """Read any supported file; raise InputError with a Vietnamese reason otherwise."""
    source = _read(path)
    if len(source.blocks) > limits.MAX_BLOCKS:
        raise InputError(str(path), f"tệp có {len(source.blocks)} đoạn, vượt giới hạn {limits.MAX_BLOCKS} đoạn "
                                    "(quá lớn để kiểm tra)")
    return source


def _read(path: str | os.PathLike[str]) -> Source:
    p = Path(path)
    name = str(path)
    regular_file(p)  # a device, FIFO or socket is refused by its kind, before anything opens it
    ext = p.suffix.lower()
    kind = sniff(_head(p, name))
    if ext in (".docm", ".dotm"):
        raise InputError(name, "tệp Word có macro (.docm) bị từ chối vì lý do an toàn (macro không bao giờ "
                               "được chạy); hãy lưu lại thành .docx")
    held = WORD_CONTENT.get(kind or "")
    if ext in WORD_EXTENSIONS and held is not None and held != ext:
        return _read_by_content(p, name, ext, held, kind)
    if ext in CONVERTED_EXTENSIONS:
        return _converted(p, name, ext, kind)
    if ext not in SUPPORTED:
        raise InputError(name, f"phần mở rộng '{ext or '(không có)'}' không được hỗ trợ "
                               f"(chỉ {', '.join(sorted(SUPPORTED - {'.text'}, key=_named_order))})")
    if ext in DOCX_EXTENSIONS:
        if kind == "odt":
            raise InputError(name, "nội dung không phải .docx như phần mở rộng (tệp OpenDocument (.odt)); hãy đổi "
                                   "phần mở rộng thành .odt")
        if kind != "zip":
            what = CONTENT_NAMES.get(kind or "", "không phải tệp Word .docx")
            raise InputError(name, f"nội dung không phải .docx như phần mở rộng ({what})")
        from vbhc.readers.docx import read_docx

        return read_docx(p)
    if ext in PDF_EXTENSIONS:
        if kind != "pdf":
            what = CONTENT_NAMES.get(kind or "", "không phải tệp PDF")
            raise InputError(name, f"nội dung không phải PDF như phần mở rộng ({what})")
        from vbhc.readers.pdf import read_pdf

        return read_pdf(p)
    if kind == "rtf":
        raise InputError(name, "nội dung không phải văn bản thuần như phần mở rộng (tệp RTF); hãy đổi phần mở rộng "
                               "thành .rtf")
    if kind not in (None, "html", "mht"):  # a page's source in a .txt or .md is text to read
        raise InputError(name, f"nội dung không phải văn bản thuần như phần mở rộng ({CONTENT_NAMES[kind]})")
    from vbhc.readers.text import read_text

    return read_text(p)


def _head(p: Path, name: str) -> bytes:
    """The first bytes, which say what the file is; an empty file is refused."""
    try:
        with p.open("rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        raise InputError(name, f"không mở được tệp ({exc.strerror or exc})") from None
    if not head:
        raise InputError(name, "tệp rỗng")
    return head


def _converted(p: Path, name: str, ext: str, kind: str | None) -> Source:
    """A .doc, .odt or .rtf whose content is what its extension says, through LibreOffice."""
    if ext == ".doc":
        if kind != "ole2":
            what = CONTENT_NAMES.get(kind or "", "không phải tệp Word 97–2003")
            hint = "; hãy đổi phần mở rộng thành .docx" if kind == "zip" else ""
            raise InputError(name, f"nội dung không phải .doc như phần mở rộng ({what}){hint}")
        if not _is_word_ole2(p):
            raise InputError(name, "tệp OLE2 này không chứa văn bản Word (có thể là Excel, PowerPoint "
                                   "hoặc tệp .docx được bảo vệ bằng mật khẩu)")
    elif kind != ext[1:]:
        what = CONTENT_NAMES.get(kind or "", f"không phải tệp {ext}")
        raise InputError(name, f"nội dung không phải {ext} như phần mở rộng ({what})")
    from vbhc.readers.doc import read_converted

    return read_converted(p, ext)


def _read_by_content(p: Path, name: str, ext: str, held: str, kind: str | None) -> Source:
    """A Word file saved under another of Word's extensions: read as what it holds, and said so."""
    page = held in (".html", ".mht")
    if held == ".docx":
        from vbhc.readers.docx import read_docx

        source = read_docx(p)
    elif page:
        from vbhc.readers.html import read_page

        source = read_page(p, archive=held == ".mht")
    else:
        if ext == ".docx":
            from vbhc.readers.docx.package import check_not_encrypted

            check_not_encrypted(p)  # a password-protected .docx is an OLE2 file too
        source = _converted(p, name, held, kind)
    what = CONTENT_NAMES[kind or ""] if page else f"tệp {held}"
    advice = "hãy mở bằng Word và lưu lại thành .docx" if page else f"nên đổi phần mở rộng thành {held}"
    source.notes.insert(0, f"phần mở rộng {ext} nhưng nội dung là {what}: đã đọc theo nội dung ({advice})")
    return source


def _named_order(ext: str) -> int:
    order = (*OFFICE_EXTENSIONS, ".md")
    return order.index(ext) if ext in order else len(order)


def _is_word_ole2(path: Path) -> bool:
    """An OLE2 file holding a "WordDocument" stream (the stream name is in the directory)."""
    needle = "WordDocument".encode("utf-16-le")
    with path.open("rb") as fh:
        return needle in fh.read(limits.MAX_DOC_BYTES)


def not_a_docx(path: str) -> str | None:
    """What the file is when it is no .docx that can be edited (fix, Word comments): by its extension, or under
    ".docx" by its content (a web page or an RTF saved as ".docx" is read by content, but only a real .docx can be
    edited); None for a .docx, and for a file the reader will say more of (unreadable, a PDF, damaged)."""
    ext = Path(path).suffix.lower()
    if ext != ".docx":
        return ext or "tệp không có phần mở rộng"
    try:
        with open(path, "rb") as fh:
            kind = sniff(fh.read(2048))
    except OSError:
        return None
    return CONTENT_NAMES[kind] if kind in WORD_CONTENT and kind != "zip" else None
