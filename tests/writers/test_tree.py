"""`vbhc parse`'s outline: the signature line shows the block as printed, every prefix in its place."""

from __future__ import annotations

import pytest

from vbhc.model import Source
from vbhc.parse import parse_source
from vbhc.readers.text import lines_to_blocks
from vbhc.writers.tree import document_tree

LETTER = """\
UBND TỈNH LÂM ĐỒNG
VĂN PHÒNG
Số: 12/TB-VP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 05 tháng 02 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh
Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau./.
Nơi nhận:
- Các sở, ngành;
- Lưu: VT.
{closing}
Trịnh Ngọc Duệ
"""


@pytest.mark.parametrize(("closing", "shown"), [
    ("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG",
     "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
    ("CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG"),
])
def test_the_signature_line_keeps_every_prefix(closing: str, shown: str) -> None:
    parsed = parse_source(Source(path="<test>", format="text", blocks=lines_to_blocks(LETTER.format(closing=closing))))
    outline = document_tree(parsed.documents[0], 0).splitlines()
    assert f"  Ký: {shown} — Trịnh Ngọc Duệ" in outline
