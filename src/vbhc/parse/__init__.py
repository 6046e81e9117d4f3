"""Parse: classify every block, then build the documents over the classified lines."""

from __future__ import annotations

import os

from vbhc.model import ParsedFile, Source
from vbhc.parse.build import build_documents
from vbhc.parse.classify import classify


def parse_source(source: Source) -> ParsedFile:
    return ParsedFile(source=source, documents=build_documents(source, classify(source.blocks)))


def parse_file(path: str | os.PathLike[str]) -> ParsedFile:
    """Read and parse one file; raises vbhc.errors.InputError for input that cannot be read."""
    from vbhc.readers import read

    return parse_source(read(path))
