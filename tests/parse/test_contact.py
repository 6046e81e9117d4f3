"""The agency's address and contacts at the foot of the first page (PL I, Phần I, mục III.4, ô số 13: "Số 3
đường Trường Thi, TP Vinh" / "ĐT: …, Fax: …" / "E-mail: …, Website: …", 11–12 pt): kept in
`Document.contact`, not read as a body paragraph (where its size drew a size error in a PDF) nor left over
after the signature ("không xếp được vào phần ký hoặc nơi nhận")."""

from __future__ import annotations

import json

import pytest
from parse_helpers import parse_text
from test_nothing_lost import assert_nothing_lost

from vbhc.writers.json import parsed_dict

LETTER = """\
UBND TỈNH NGHỆ AN
VĂN PHÒNG
Số: 12/VP-TH
V/v triển khai Kế hoạch cải cách hành chính năm 2026
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 05 tháng 02 năm 2026
Kính gửi: Các sở, ban, ngành cấp tỉnh
Văn phòng đề nghị các cơ quan triển khai Kế hoạch cải cách hành chính năm 2026.
Các cơ quan báo cáo kết quả trước ngày 15 tháng 12 năm 2026./.
Nơi nhận:
- Như trên;
- Lưu: VT, TH.
CHÁNH VĂN PHÒNG
Nguyễn Văn A
"""

FOOTS = {
    "three lines": "Số 3 đường Trường Thi, TP Vinh\nĐT: 0238.3844.555, Fax: 0238.3844.556\n"
                   "E-mail: vp@nghean.gov.vn, Website: nghean.gov.vn\n",
    "labels on each line": "Địa chỉ: Số 3 đường Trường Thi, TP Vinh\nĐiện thoại: 0238.3844.555\n",
    "one line": "Địa chỉ: Số 3 đường Trường Thi, TP Vinh; ĐT: 0238.3844.555; Email: vp@nghean.gov.vn\n",
}


@pytest.mark.parametrize("where", ["after the signature", "between the pages"])
@pytest.mark.parametrize("foot", FOOTS)
def test_the_contacts_are_kept_apart(foot: str, where: str) -> None:
    lines = FOOTS[foot]
    between = LETTER.replace("Các cơ quan báo cáo", lines + "Các cơ quan báo cáo")
    text = LETTER + lines if where == "after the signature" else between
    [doc] = parse_text(text).documents
    [plain] = parse_text(LETTER).documents
    assert doc.contact == lines.splitlines()
    assert (doc.problems, len(doc.body)) == ([], len(plain.body))
    assert doc.signature is not None and doc.signature.signer == "Nguyễn Văn A"
    assert_nothing_lost(parse_text(text))  # and the Markdown keeps them where they stand


def test_a_telephone_number_alone_is_the_letters_own_text() -> None:
    # "Điện thoại: …" under "đầu mối liên hệ" is what the letter says, not the agency's foot
    text = LETTER.replace("Các cơ quan báo cáo", "Đầu mối liên hệ: ông Nguyễn Văn B.\nĐiện thoại: 0912.345.678\n"
                                                  "Các cơ quan báo cáo")
    [doc] = parse_text(text).documents
    assert doc.contact == []
    assert any((n.text or "").startswith("Điện thoại: 0912") for n in doc.nodes())


def test_the_contacts_are_in_the_json() -> None:
    got = json.loads(json.dumps(parsed_dict(parse_text(LETTER + FOOTS["one line"]))))
    assert got["documents"][0]["contact"] == FOOTS["one line"].splitlines()
