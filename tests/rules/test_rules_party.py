"""The Party's own documents ("ĐẢNG CỘNG SẢN VIỆT NAM" in the Quốc hiệu's place): one notice, no layout rule.

Nghị quyết 60-NQ/TW read through pandoc's Markdown drew 20 false errors by the decree (no Quốc hiệu,
"Số 60-NQ/TW" without a colon, "T/M", Nơi nhận ending in ","): the Party sets out its documents by its
own guide, which the decree leaves to it (Điều 2).
"""

from __future__ import annotations

import json

from rule_helpers import DECISION, findings, parse_text

from vbhc.writers.json import parsed_dict

PARTY_RESOLUTION = """\
BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 60-NQ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 12 tháng 4 năm 2025
NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ 11 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII
QUYẾT NGHỊ
1. Thông qua nội dung cơ bản các dự thảo văn kiện trình Đại hội XIV.
3. Cho ý kiến về giới thiệu nhân sự bổ sung quy hoạch.
Nơi nhận:
- Các tỉnh ủy, thành ủy,
- Lưu Văn phòng Trung ương Đảng.
T/M BAN CHẤP HÀNH TRUNG ƯƠNG
TỔNG BÍ THƯ
Tô Lâm
"""


def test_a_party_document_gets_one_notice_and_no_layout_finding():
    got = findings(PARTY_RESOLUTION)
    assert [(f.rule, f.severity) for f in got] == [("ND30.PhamVi.VanBanDang", "info")]
    assert "Hướng dẫn số 36-HD/VPTW" in got[0].message


def test_the_party_is_read_and_carried_in_json():
    parsed = parse_text(PARTY_RESOLUTION)
    assert [d.party for d in parsed.documents] == [True]
    assert json.loads(json.dumps(parsed_dict(parsed)))["documents"][0]["party"] is True


def test_the_partys_number_is_read():
    doc = parse_text(PARTY_RESOLUTION).documents[0]
    assert (doc.number, doc.symbol, doc.number_raw) == ("60", "NQ/TW", "Số 60-NQ/TW")


def test_a_state_document_naming_the_party_is_judged_by_the_decree():
    # the Quốc hiệu is there: a line "ĐẢNG CỘNG SẢN VIỆT NAM" in its body changes nothing
    text = DECISION.replace("Điều 3.", "ĐẢNG CỘNG SẢN VIỆT NAM\nĐiều 3.")
    assert not parse_text(text).documents[0].party
    broken = findings(text.replace("ngày 16 tháng 6 năm 2025;", "ngày 16 tháng 6 năm 2025"))
    assert "ND30.PhamVi.VanBanDang" not in {f.rule for f in broken} and any(f.severity == "error" for f in broken)


def test_the_outline_says_whose_layout_the_document_follows():
    from vbhc.writers.tree import parsed_tree

    assert "  Thể thức: văn bản của Đảng, theo Hướng dẫn số 36-HD/VPTW" in parsed_tree(parse_text(PARTY_RESOLUTION))
    assert "Thể thức:" not in parsed_tree(parse_text(DECISION))
