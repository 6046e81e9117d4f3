"""Kinds of sub-plan (full or thematic) and the level of the issuing agency."""

from __future__ import annotations

import pytest

from vbhc.model import Document, Node
from vbhc.profile.kinds import kind_of, level_of, theme_of_title

FULL_TITLES = [
    "Cải cách hành chính năm 2025 của Sở Tư pháp",
    "Cải cách hành chính ngành Giáo dục và Đào tạo năm 2025",  # "đào tạo" names the agency, not the subject
    "Cải cách hành chính và chuyển đổi số năm 2026",
    "Triển khai Kế hoạch cải cách hành chính năm 2026",
    "CCHC nhà nước năm 2026 của UBND xã Nghi Lộc",
]
THEMATIC_TITLES = [
    ("Kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng", "kiem_tra"),
    ("Tự kiểm tra công tác CCHC năm 2026", "kiem_tra"),
    ("Phát động Phong trào thi đua “Đẩy mạnh cải cách hành chính nhà nước” năm 2026", "thi_dua"),
    ("Tuyên truyền cải cách hành chính năm 2026", "tuyen_truyen"),
    ("Thực hiện công tác tuyên truyền CCHC năm 2026", "tuyen_truyen"),
    ("Chuyển đổi số năm 2026 của tỉnh", "chuyen_doi_so"),
    ("Rà soát, đánh giá thủ tục hành chính năm 2026", "tthc"),
    ("Đào tạo, bồi dưỡng cán bộ, công chức năm 2026", "dao_tao"),
    ("Nâng cao Chỉ số PAR INDEX năm 2026", "chi_so"),
]


@pytest.mark.parametrize("title", FULL_TITLES)
def test_a_reform_plan_of_its_own_is_full(title):
    assert theme_of_title(title) is None
    kind = kind_of(Document(title=title))
    assert kind.kind == "full" and not kind.told and kind.reason


@pytest.mark.parametrize("title,theme", THEMATIC_TITLES)
def test_a_plan_about_one_part_is_thematic(title, theme):
    assert theme_of_title(title) == theme
    kind = kind_of(Document(title=title))
    assert (kind.kind, kind.theme, kind.told) == ("thematic", theme, False)
    assert title in kind.reason


def test_sections_tell_when_the_title_does_not():
    doc = Document(title=None, body=[Node(kind="section", label="II.", heading="NỘI DUNG THI ĐUA")])
    assert kind_of(doc).kind == "thematic" and kind_of(doc).theme == "thi_dua"
    assert kind_of(Document(title=None)).kind == "full"


def test_the_officer_has_the_last_word():
    thematic = Document(title="Kiểm tra công tác cải cách hành chính năm 2026")
    assert kind_of(thematic, "full").kind == "full" and kind_of(thematic, "full").told
    told = kind_of(Document(title="Cải cách hành chính năm 2026 của Sở Y tế"), "thematic")
    assert told.kind == "thematic" and told.told and "--kind" in told.reason


@pytest.mark.parametrize("issuer,level", [
    ("UBND PHƯỜNG THÀNH VINH", "xa"), ("ỦY BAN NHÂN DÂN\nXÃ YÊN THÀNH", "xa"), ("UBND ĐẶC KHU PHÚ QUÝ", "xa"),
    ("SỞ Y TẾ", "so"), ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "so"), ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "tinh"),
    ("UBND THÀNH PHỐ HÀ NỘI", "tinh"), (None, None),
])
def test_levels(issuer, level):
    assert level_of(issuer) == level
