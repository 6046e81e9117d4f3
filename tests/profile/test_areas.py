"""Reform areas as data: every name a plan may use, and which one was found."""

from __future__ import annotations

import pytest

from vbhc.profile.areas import AREA_IDS, AREA_NAMES, AREA_TITLES, INDEX, PLANS_2026, PROGRAMME, named

CASES = [
    ("Cải cách thể chế", "the_che", PROGRAMME),
    ("2. Xây dựng và tổ chức thi hành pháp luật", "the_che", PLANS_2026),
    ("Cải cách TTHC và hoạt động kiểm soát thủ tục hành chính", "tthc", PROGRAMME),
    ("Cải cách tổ chức bộ máy", "bo_may", PROGRAMME),
    ("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "cong_vu", PROGRAMME),
    ("Cải cách tài chính công", "tai_chinh_cong", PROGRAMME),
    ("Xây dựng và phát triển chính quyền số", "chinh_quyen_so", PROGRAMME),
    ("Chuyển đổi số trong các cơ quan nhà nước", "chinh_quyen_so", INDEX),
    ("Công tác chỉ đạo, điều hành cải cách hành chính", "chi_dao_dieu_hanh", INDEX),
    ("Công tác chỉ đạo điều hành", "chi_dao_dieu_hanh", INDEX),
]


@pytest.mark.parametrize("text,area,source", CASES)
def test_each_name_is_known_with_its_source(text, area, source):
    (found,) = named(text)
    assert (found.area, found.source) == (area, source)


def test_one_heading_may_name_two_areas():
    assert [n.area for n in named("Cải cách thể chế và thủ tục hành chính")] == ["the_che", "tthc"]


def test_nothing_named():
    assert named("Mục đích, yêu cầu") == () and named("Kinh phí thực hiện") == ()


def test_seven_areas_each_with_its_canonical_title():
    assert AREA_IDS == ["the_che", "tthc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so",
                        "chi_dao_dieu_hanh"]
    assert AREA_TITLES["the_che"] == "Cải cách thể chế"
    assert {n.area for n in AREA_NAMES} == set(AREA_IDS)
