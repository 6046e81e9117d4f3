"""A parent target of the province's own is not asked of a commune (and only "info" for a department)."""

from __future__ import annotations

import pytest

from vbhc.profile.subplan import province_only

PROVINCE_ONLY = [
    "văn bản QPPL của tỉnh được ban hành, sửa đổi",
    "văn bản quy phạm pháp luật (QPPL) của tỉnh được ban hành",
    "Khung kiến trúc số cấp tỉnh được cập nhật",
    "nghị quyết của HĐND tỉnh được triển khai",
]
EVERY_UNIT = [
    "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết TTHC của tỉnh",  # every unit's dossiers
    "cơ quan chuyên môn cấp tỉnh và phòng chuyên môn cấp xã hoàn thiện quy định chức năng",
    "thủ tục hành chính được thực hiện không phụ thuộc địa giới hành chính trong phạm vi cấp tỉnh",
    "cơ quan, tổ chức hành chính trên địa bàn tỉnh bố trí công chức theo đúng vị trí việc làm",
    "hồ sơ thủ tục hành chính các cấp được số hóa",
]


@pytest.mark.parametrize("indicator", PROVINCE_ONLY)
def test_the_province_own(indicator):
    assert province_only(indicator)


@pytest.mark.parametrize("indicator", EVERY_UNIT)
def test_every_unit(indicator):
    assert not province_only(indicator)
