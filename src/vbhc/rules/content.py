"""A file with no text at all: one finding, and no other rule runs on it.

A valid .docx whose paragraphs are all empty (a form saved before it was filled in, a scan pasted
as a picture) would otherwise get a page-setup finding or a "không rõ loại" outline: the văn thư
returns it because there is nothing to read, and that is all the checker says.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.model import ParsedFile
from vbhc.nd30 import source
from vbhc.rules import Context, Finding, rule

RULE_ID = "VBHC.KhongCoNoiDung"


def has_text(parsed: ParsedFile) -> bool:
    """Does any block of the file hold a visible character?"""
    return any(block.text.strip() for block in parsed.source.blocks)


@rule(RULE_ID, severity="error", source=source("Điều 8"),
      summary="Tệp không có chữ nào: không có nội dung văn bản để kiểm tra")
def khong_co_noi_dung(ctx: Context) -> Iterator[Finding]:
    """The file opens but holds no text at all (every paragraph and table cell is empty, or the
    pages are pictures): none of the components of a document's thể thức (Điều 8) is there to
    check, so this is the only finding for the file. `vbhc parse` refuses such a file (exit 2)."""
    if ctx.index == 0 and not has_text(ctx.parsed):
        yield ctx.finding("tệp không có chữ nào (mọi đoạn văn và ô bảng đều trống, hoặc chỉ có hình ảnh): "
                          "không có nội dung văn bản để kiểm tra")
