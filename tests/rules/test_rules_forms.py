"""Forms whose Mẫu (Phụ lục III) leaves a component out are not called incomplete for it: a Biên bản has
no place-date (Mẫu 1.9), a Giấy giới thiệu and a Giấy nghỉ phép no trích yếu (Mẫu 1.8, 1.10); every
other document still is."""

from __future__ import annotations

from rule_helpers import DECISION, ids, replace

GIAY_GIOI_THIEU = """\
SỞ NỘI VỤ
Số: 18/GGT-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 06 tháng 4 năm 2026
GIẤY GIỚI THIỆU
Sở Nội vụ trân trọng giới thiệu:
Ông (bà): Trần Văn Bình
Chức vụ: Chuyên viên Phòng Cải cách hành chính
Được cử đến: Ủy ban nhân dân xã Nghi Lộc
Về việc: Kiểm tra công tác cải cách hành chính năm 2026
Giấy này có giá trị đến hết ngày 30/4/2026./.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Viết Hưng
"""

BIEN_BAN = """\
ỦY BAN NHÂN DÂN XÃ NGHI LỘC
Số: 07/BB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
BIÊN BẢN
Họp Tổ công tác rà soát thủ tục hành chính
Thời gian bắt đầu: 08 giờ 00, ngày 12 tháng 3 năm 2026.
Địa điểm: Phòng họp số 2, Ủy ban nhân dân xã.
Cuộc họp kết thúc vào 10 giờ 30 cùng ngày./.
Nơi nhận:
- Các thành viên Tổ công tác;
- Lưu: VT, Hồ sơ.
CHỦ TỌA
Lê Văn Cường
"""


def test_giay_gioi_thieu_needs_no_trich_yeu():
    assert ids(GIAY_GIOI_THIEU) == set()
    nghi_phep = GIAY_GIOI_THIEU.replace("GIẤY GIỚI THIỆU", "GIẤY NGHỈ PHÉP").replace("GGT-", "GNP-")
    assert ids(nghi_phep) == set()


def test_other_types_still_need_their_trich_yeu():
    assert "ND30.TrichYeu.Thieu" in ids(replace("Ban hành Kế hoạch cải cách hành chính năm 2026\n", "", DECISION))


def test_bien_ban_has_no_place_date():
    assert ids(BIEN_BAN) == set()


def test_other_types_still_need_a_place_date():
    text = BIEN_BAN.replace("BIÊN BẢN", "THÔNG BÁO").replace("BB-", "TB-")
    assert "ND30.NgayThang.Thieu" in ids(text)
