"""Marks beside the components: "KHẨN", "HỎA TỐC", "MẬT", "LƯU HÀNH NỘI BỘ" (Điều 8.3; Phụ lục I, mục
II.10–11) and "DỰ THẢO" on a draft. They are kept in `Document.marks`, never read into the agency's name or
the trích yếu, and a draft plan after the Tờ trình that submits it is a document of its own."""

from __future__ import annotations

import json

import pytest
from parse_helpers import DECISION, one, parse_text

from vbhc.check import run_rules
from vbhc.writers.json import parsed_dict
from vbhc.writers.tree import document_tree

PLACES = {
    "above the header": ("", "{mark}\nỦY BAN NHÂN DÂN\n"),
    "under the number": ("Số: 05/QĐ-UBND\n", "Số: 05/QĐ-UBND\n{mark}\n"),
    "under the Tiêu ngữ": ("Hạnh phúc\n", "Hạnh phúc\n{mark}\n"),
    "over the type name": ("QUYẾT ĐỊNH\nBan", "{mark}\nQUYẾT ĐỊNH\nBan"),
    "under the trích yếu": ("năm 2026\nỦY BAN", "năm 2026\n{mark}\nỦY BAN"),
}


def placed(where: str, mark: str) -> str:
    old, new = PLACES[where]
    return DECISION.replace(old or "ỦY BAN NHÂN DÂN\n", new.format(mark=mark), 1)


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("mark", ["KHẨN", "HỎA TỐC", "TỐI MẬT", "DỰ THẢO", "Dự thảo lần 2", "(Dự thảo)"])
def test_a_mark_is_kept_apart_from_the_header(where: str, mark: str) -> None:
    text = placed(where, mark)
    doc = one(text)
    assert doc.marks == [mark]
    assert (doc.issuer, doc.parent_issuer, doc.number, doc.doc_type, doc.title) == (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", None, "05", "Quyết định", "Ban hành Kế hoạch cải cách hành chính năm 2026")
    assert not [f for f in run_rules(parse_text(text))[0] if f.severity == "error"]


SUBMISSION = """\
UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
Số: 176/TTr-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 17 tháng 3 năm 2026
TỜ TRÌNH
Về việc ban hành Kế hoạch cải cách hành chính năm 2026
Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh
Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, ban hành Kế hoạch./.
Nơi nhận:
- Như trên;
- Lưu: VT, CCHC.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Hữu Tuấn
DỰ THẢO
ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số:      /KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày      tháng 3 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
1. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%./.
"""


def test_a_draft_after_the_submission_is_its_own_document() -> None:
    parsed = parse_text(SUBMISSION)
    assert [(d.doc_type, d.issuer, d.marks) for d in parsed.documents] == [
        ("Tờ trình", "SỞ NỘI VỤ", []), ("Kế hoạch", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", ["DỰ THẢO"])]
    assert parsed.documents[0].signature is not None and parsed.documents[0].signature.signer == "Trần Hữu Tuấn"


def test_marks_are_in_the_json() -> None:
    got = json.loads(json.dumps(parsed_dict(parse_text(placed("under the number", "KHẨN")))))
    assert got["documents"][0]["marks"] == ["KHẨN"]


def test_the_outline_names_the_marks() -> None:
    outline = document_tree(one(placed("under the number", "HỎA TỐC")), 0).splitlines()
    assert "  Độ mật, khẩn, chỉ dẫn: HỎA TỐC" in outline
