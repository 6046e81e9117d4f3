"""Papers that are no văn bản hành chính (a phiếu trình, a tham luận): one notice, no layout rule.

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
    assert [(f.rule, f.severity) for f in got] == [("ND30.PhamVi.KhongPhaiVBHC", "info")]
    assert f"“{kind}”" in got[0].message and "Điều 7" in got[0].message


THAM_LUAN = """\
SỞ NỘI VỤ TỈNH LÂM ĐỒNG
BÀI THAM LUẬN
Công tác phòng, chống ma túy tại cộng đồng
(Trình bày tại Hội nghị triển khai Chương trình mục tiêu quốc gia, ngày 09 tháng 10 năm 2025)
Kính thưa các đồng chí lãnh đạo,
Thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030, Sở Nội vụ xin trình bày một số kết quả.
1. Kết quả đạt được
Công tác tuyên truyền được đẩy mạnh ở tất cả các xã, phường.
2. Đề xuất, kiến nghị
Đề nghị bố trí kinh phí cho công tác cai nghiện tại gia đình./.
"""


def test_a_tham_luan_gets_the_same_notice():
    got = findings(THAM_LUAN)
    assert [(f.rule, f.severity) for f in got] == [("ND30.PhamVi.KhongPhaiVBHC", "info")]
    assert "“Bài tham luận” là bài trình bày tại hội nghị, hội thảo" in got[0].message


def test_a_draft_s_explanatory_note_gets_the_same_notice():
    note = """BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
THUYẾT MINH
Dự thảo Thông tư hướng dẫn quản lý kinh phí cải cách hành chính
I. SỰ CẦN THIẾT BAN HÀNH THÔNG TƯ
Thông tư số 26/2019/TT-BTC không còn phù hợp với quy định hiện hành./.
"""
    assert [f.rule for f in findings(note)] == ["ND30.PhamVi.KhongPhaiVBHC"]


def test_a_phieu_trinh_heading_may_run_on_with_the_form_s_words():
    text = PHIEU_TRINH.replace("PHIẾU TRÌNH\n", "PHIẾU TRÌNH KÝ VĂN BẢN\n")
    assert [(d.doc_type, d.issuer) for d in parse_text(text).documents] == [
        ("Phiếu trình", "PHÒNG TỔ CHỨC BIÊN CHẾ VÀ TỔ CHỨC PHI CHÍNH PHỦ")]
    assert [f.rule for f in findings(text)] == ["ND30.PhamVi.KhongPhaiVBHC"]


SPEECH = """\
BÀI PHÁT BIỂU KHAI MẠC
của đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh tại Hội nghị đánh giá công tác cải cách hành chính năm 2025
Kính thưa các đồng chí đại biểu,
Năm 2025, công tác cải cách hành chính của tỉnh đạt nhiều kết quả quan trọng.
Chúc Hội nghị thành công tốt đẹp. Xin trân trọng cảm ơn!
"""

AGENDA = """\
ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
CHƯƠNG TRÌNH
Hội nghị đánh giá công tác cải cách hành chính năm 2025 và triển khai nhiệm vụ năm 2026
| Thời gian | Nội dung | Thực hiện |
|---|---|---|
| 08h00 - 08h10 | Tuyên bố lý do, giới thiệu đại biểu | Lãnh đạo Sở Nội vụ |
| 10h30 - 11h00 | Phát biểu kết luận | Phó Chủ tịch UBND tỉnh |
"""


@pytest.mark.parametrize("text, kind", [
    (SPEECH, "Bài phát biểu"), (AGENDA, "Chương trình"),
    (AGENDA.replace("CHƯƠNG TRÌNH\nHội nghị", "CHƯƠNG TRÌNH HỘI NGHỊ\nĐánh giá"), "Chương trình")])
def test_a_speech_and_an_event_s_agenda_get_the_same_notice(text, kind):
    got = findings(text)
    assert [f.rule for f in got] == ["ND30.PhamVi.KhongPhaiVBHC"]
    assert f"“{kind}” là" in got[0].message


def test_a_programme_of_work_is_judged_by_the_decree():
    # "Chương trình công tác năm 2026" is the văn bản of Điều 7 (CTr): its missing number is an error
    programme = AGENDA.replace("Hội nghị đánh giá công tác cải cách hành chính năm 2025 và triển khai nhiệm vụ",
                               "Công tác cải cách hành chính")
    got = findings(programme)
    assert "ND30.PhamVi.KhongPhaiVBHC" not in {f.rule for f in got}
    assert "ND30.SoKyHieu.Thieu" in {f.rule for f in got if f.severity == "error"}


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
    assert "ND30.PhamVi.KhongPhaiVBHC" not in {f.rule for f in got}
    assert "ND30.SoKyHieu.Thieu" in {f.rule for f in got if f.severity == "error"}


GIAI_TRINH = """\
UBND TỈNH LÂM ĐỒNG
SỞ TƯ PHÁP
BẢN GIẢI TRÌNH
Tiếp thu, giải trình ý kiến góp ý dự thảo Kế hoạch cải cách hành chính năm 2026
Thực hiện Công văn số 120/SNV-CCHC ngày 10 tháng 1 năm 2026 của Sở Nội vụ, Sở Tư pháp tổng hợp ý kiến như sau:
1. Ý kiến của Sở Tài chính: đề nghị bổ sung kinh phí thực hiện. Sở Tư pháp tiếp thu, bổ sung tại Mục IV.
2. Ý kiến của Sở Xây dựng: thống nhất với dự thảo.
"""

CONFERENCE_PAPERS = """\
TÀI LIỆU HỘI NGHỊ
Sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026
Phần I. Báo cáo sơ kết
Trong 6 tháng đầu năm, các cơ quan, đơn vị đã triển khai đồng bộ các nhiệm vụ cải cách hành chính.
"""


TABLE_OF_COMMENTS = """\
UBND TỈNH LÂM ĐỒNG
SỞ NỘI VỤ
BẢNG TỔNG HỢP
Ý kiến góp ý dự thảo Kế hoạch cải cách hành chính giai đoạn 2026 - 2030
| STT | Cơ quan góp ý | Nội dung góp ý | Ý kiến tiếp thu |
|---|---|---|---|
| 1 | Sở Tài chính | Bổ sung kinh phí thực hiện | Tiếp thu |
"""


@pytest.mark.parametrize("text, kind", [(GIAI_TRINH, "Bản giải trình"), (CONFERENCE_PAPERS, "Tài liệu"),
                                        (TABLE_OF_COMMENTS, "Bảng tổng hợp")])
def test_a_draft_s_answers_to_comments_and_a_conference_s_papers_get_the_same_notice(text, kind):
    # each drew six errors (Quốc hiệu, number, place-date, type name, Nơi nhận, signer) before
    got = findings(text)
    assert [(f.rule, f.severity) for f in got] == [("ND30.PhamVi.KhongPhaiVBHC", "info")]
    assert f"“{kind}” là" in got[0].message


SUMMARY = """\
ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
BÁO CÁO TÓM TẮT
Kết quả công tác cải cách hành chính năm 2025, nhiệm vụ trọng tâm năm 2026
I. KẾT QUẢ ĐẠT ĐƯỢC
1. Cải cách thể chế: ban hành 12 văn bản quy phạm pháp luật.
II. NHIỆM VỤ NĂM 2026
Tiếp tục thực hiện các nhiệm vụ theo Kế hoạch./.
"""


@pytest.mark.parametrize("text", [SUMMARY, SUMMARY.replace("BÁO CÁO TÓM TẮT\nKết quả", "BÁO CÁO\nTóm tắt kết quả")])
def test_a_report_s_summary_without_a_number_gets_the_same_notice(text):
    # the summary read out at a conference drew five errors (Quốc hiệu, number, place-date, Nơi nhận, signer)
    got = findings(text)
    assert [(f.rule, f.severity) for f in got] == [("ND30.PhamVi.KhongPhaiVBHC", "info")]
    assert "“Báo cáo tóm tắt” là bản tóm tắt của một báo cáo" in got[0].message


def test_a_numbered_summary_report_is_judged_by_the_decree():
    numbered = SUMMARY.replace("TỈNH LÂM ĐỒNG\n", "TỈNH LÂM ĐỒNG\nSố: 12/BC-UBND\n")
    got = findings(numbered)
    assert "ND30.PhamVi.KhongPhaiVBHC" not in {f.rule for f in got}
    assert "ND30.QuocHieu.Thieu" in {f.rule for f in got if f.severity == "error"}
