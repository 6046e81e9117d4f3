"""Internal papers (a phiếu trình): one notice, no layout rule.

A phiếu trình, the slip on which a unit presents a matter to its leader, sits beside the Tờ trình and the draft
decision in a Sở's working folder. Judged by the decree it drew six false errors (no Quốc hiệu, number, place-date,
type name, Nơi nhận, signer): it is not one of the văn bản hành chính of Điều 7.
"""

from __future__ import annotations

import json

import pytest
from rule_helpers import DECISION, findings, parse_text

from vbhc.writers.json import parsed_dict

PHIEU_TRINH = """\
SỞ NỘI VỤ
PHÒNG TỔ CHỨC BIÊN CHẾ VÀ TỔ CHỨC PHI CHÍNH PHỦ
PHIẾU TRÌNH
Về việc đổi tên và phê duyệt Điều lệ Hội Thiện nguyện Lan tỏa yêu thương
Kính gửi: Giám đốc Sở Nội vụ
1. Nội dung trình: Dự thảo Tờ trình Ủy ban nhân dân tỉnh về việc đổi tên và phê duyệt Điều lệ Hội.
2. Ý kiến của phòng: Đề nghị Giám đốc Sở xem xét, ký trình Ủy ban nhân dân tỉnh.
Ngày 20 tháng 11 năm 2025
NGƯỜI TRÌNH
Nguyễn Văn An
Ý KIẾN CỦA LÃNH ĐẠO SỞ
"""

WITH_QUOC_HIEU = """\
UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC
Kính gửi: Giám đốc Sở Nội vụ
Vấn đề trình: Công nhận kết quả Đại hội Hiệp hội Doanh nghiệp tỉnh.
Ý kiến của chuyên viên: Đủ điều kiện trình Ủy ban nhân dân tỉnh.
"""


@pytest.mark.parametrize("text, kind", [(PHIEU_TRINH, "Phiếu trình"),
                                        (WITH_QUOC_HIEU, "Phiếu trình giải quyết công việc")])
def test_a_phieu_trinh_gets_one_notice_and_no_layout_finding(text, kind):
    got = findings(text)
    assert [(f.rule, f.severity) for f in got] == [("ND30.PhamVi.GiayToNoiBo", "info")]
    assert f"“{kind}”" in got[0].message and "Điều 7" in got[0].message


def test_its_type_and_header_are_read():
    doc = parse_text(PHIEU_TRINH).documents[0]
    assert (doc.doc_type, doc.issuer, doc.title) == (
        "Phiếu trình", "PHÒNG TỔ CHỨC BIÊN CHẾ VÀ TỔ CHỨC PHI CHÍNH PHỦ",
        "Về việc đổi tên và phê duyệt Điều lệ Hội Thiện nguyện Lan tỏa yêu thương")
    assert json.loads(json.dumps(parsed_dict(parse_text(PHIEU_TRINH))))["documents"][0]["doc_type"] == "Phiếu trình"


def test_a_to_trinh_is_judged_by_the_decree():
    # the Tờ trình the phiếu carries is a văn bản hành chính (Điều 7): its missing number is an error
    to_trinh = DECISION.replace("QUYẾT ĐỊNH\nBan hành", "TỜ TRÌNH\nBan hành").replace("Số: 05/QĐ-UBND\n", "")
    got = findings(to_trinh)
    assert "ND30.PhamVi.GiayToNoiBo" not in {f.rule for f in got}
    assert "ND30.SoKyHieu.Thieu" in {f.rule for f in got if f.severity == "error"}
