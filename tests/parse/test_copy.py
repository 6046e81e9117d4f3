"""The part a paper copy adds under the original (PL I, Phần II, mục II; Mẫu 3.1): "SAO Y" (or "SAO LỤC",
"TRÍCH SAO", the older "SAO Y BẢN CHÍNH"), the copier's name, "Số: …/SY", place and date, Nơi nhận and
signature, under a full-width line. It is a document of its own in the file, of the copy's type."""

from __future__ import annotations

import pytest
from parse_helpers import DECISION, parse_text

COPY = """\
______________________________
{form}
UBND HUYỆN NAM ĐÀN
Số: 12/{symbol}-UBND
Nam Đàn, ngày 10 tháng 02 năm 2026
Nơi nhận:
- Các xã, thị trấn;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Trần Văn B
"""


@pytest.mark.parametrize(("form", "symbol", "doc_type"), [
    ("SAO Y", "SY", "Bản sao y"), ("SAO LỤC", "SL", "Bản sao lục"), ("TRÍCH SAO", "TrS", "Bản trích sao"),
    ("SAO Y BẢN CHÍNH", "SY", "Bản sao y")])
def test_the_copy_is_a_document_of_its_own(form: str, symbol: str, doc_type: str) -> None:
    original, part = parse_text(DECISION + COPY.format(form=form, symbol=symbol)).documents
    [alone] = parse_text(DECISION).documents
    assert (original.doc_type, original.number, len(original.body), original.recipients, original.problems) == (
        alone.doc_type, alone.number, len(alone.body), alone.recipients, [])
    assert original.signature is not None and original.signature.signer == "Nguyễn Văn A"
    assert (part.copy_form, part.doc_type, part.issuer, part.number, part.symbol, part.date, part.recipients) == (
        form, doc_type, "UBND HUYỆN NAM ĐÀN", "12", f"{symbol}-UBND", "2026-02-10", ["Các xã, thị trấn;"])
    assert part.signature is not None and (part.signature.authority, part.signature.signer) == ("TL.", "Trần Văn B")
    assert part.body == [] and part.problems == []


def test_an_original_alone_is_no_copy() -> None:
    assert [d.copy_form for d in parse_text(DECISION).documents] == [None]
