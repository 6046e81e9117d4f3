"""The forms of Phụ lục III whose Mẫu differs from the common layout: what follows "GIẤY GIỚI THIỆU" is
content, not a trích yếu (Mẫu 1.8 and 1.10). (Two signatures side by side, Mẫu 1.9, need a table: see
tests/generate/test_forms.py, which reads them from a generated .docx.)"""

from __future__ import annotations

import pytest
from parse_helpers import one

HEADER = """\
SỞ NỘI VỤ
Số: 09/{abbr}-SNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 10 tháng 3 năm 2026
{name}
"""


@pytest.mark.parametrize(("name", "abbr", "first"), [
    ("GIẤY GIỚI THIỆU", "GGT", "Sở Nội vụ trân trọng giới thiệu:"),
    ("GIẤY NGHỈ PHÉP", "GNP", "Xét Đơn đề nghị nghỉ phép ngày 02/3/2026 của ông (bà) Nguyễn Thị Mai,"),
])
def test_the_first_line_of_an_untitled_form_is_content(name, abbr, first):
    doc = one(HEADER.format(name=name, abbr=abbr) + first + "\nÔng (bà): Nguyễn Thị Mai\n")
    assert doc.title is None
    assert [n.text for n in doc.body] == [first, "Ông (bà): Nguyễn Thị Mai"]


def test_a_giay_moi_still_has_its_trich_yeu():
    doc = one(HEADER.format(name="GIẤY MỜI", abbr="GM") + "Dự Hội nghị triển khai Chỉ số cải cách hành chính\n"
              "Sở Nội vụ trân trọng kính mời: Đại diện lãnh đạo các sở.\n")
    assert doc.title == "Dự Hội nghị triển khai Chỉ số cải cách hành chính"
