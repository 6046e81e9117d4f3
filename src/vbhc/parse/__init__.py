"""Parse: classify every block, settle what the printed page adds (`pages`), join the header's wraps, then build the
documents over the lines."""

from __future__ import annotations

import os

from vbhc.model import ParsedFile, Source
from vbhc.parse import pages
from vbhc.parse.build import build_documents
from vbhc.parse.classify import classify
from vbhc.parse.wraps import join_header_wraps


def parse_source(source: Source) -> ParsedFile:
    lines, again = pages.settle(classify(source.blocks), source.blocks)
    documents = build_documents(source, join_header_wraps(lines, source.blocks))
    documents[0].header_again = again
    return ParsedFile(source=source, documents=documents)


def parse_text(text: str, path: str = "<text>") -> ParsedFile:
    """Parse a string as the text reader reads a .txt file (tests, warm-up, other tools)."""
    from vbhc.readers.text import lines_to_blocks

    return parse_source(Source(path=path, format="text", blocks=lines_to_blocks(text)))


def parse_bytes(data: bytes, suffix: str = ".docx") -> ParsedFile:
    """Parse a file held in memory (a generated or fixed .docx) through a private temporary file:
    the readers read paths, with their size and kind checks."""
    import tempfile

    fd, tmp = tempfile.mkstemp(suffix=suffix, prefix="vbhc-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return parse_file(tmp)
    finally:
        os.unlink(tmp)


def parse_file(path: str | os.PathLike[str]) -> ParsedFile:
    """Read and parse one file; raises vbhc.errors.InputError for input that cannot be read."""
    from vbhc.readers import read

    return parse_source(read(path))
