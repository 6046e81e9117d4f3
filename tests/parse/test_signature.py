"""The signature block: authority prefix, positions, signer, stand-ins."""

from __future__ import annotations

import pytest
from parse_helpers import one

BODY = """\
ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 05/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 15 tháng 7 năm 2025
QUYẾT ĐỊNH
Về việc thành lập Tổ công tác
Điều 1. Thành lập Tổ công tác.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
"""


@pytest.mark.parametrize(("closing", "authority", "on_behalf_of", "positions", "signer", "stand_in"), [
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Đức Trung",
     "TM.", "ỦY BAN NHÂN DÂN", ["CHỦ TỊCH"], "Nguyễn Đức Trung", None),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Đình Long",
     "KT.", "ỦY BAN NHÂN DÂN", ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Bùi Đình Long", None),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nTrần Thị Hoa",
     "KT.", None, ["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Trần Thị Hoa", "(Đã ký)"),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n(Signature)\nLê Văn Nam",
     "TL.", None, ["CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "Lê Văn Nam", "(Signature)"),
    ("TUQ. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\nPhạm Minh Đức",
     "TUQ.", None, ["BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ"], "Phạm Minh Đức", None),
    ("Q. GIÁM ĐỐC\nHoàng Văn Bình", "Q.", None, ["GIÁM ĐỐC"], "Hoàng Văn Bình", None),
    ("CHỦ TỊCH\n(Đã ký)\nNguyễn Văn A", None, None, ["CHỦ TỊCH"], "Nguyễn Văn A", "(Đã ký)"),
])
def test_signature_variants(closing, authority, on_behalf_of, positions, signer, stand_in):
    sig = one(BODY + closing).signature
    assert sig is not None
    assert (sig.authority, sig.on_behalf_of, sig.positions, sig.signer, sig.stand_in) == (
        authority, on_behalf_of, positions, signer, stand_in)
    assert sig.lines == [ln for ln in closing.splitlines() if not ln.startswith("(")]


def test_tm_only_without_positions():
    sig = one(BODY + "TM. ỦY BAN NHÂN DÂN\nNguyễn Văn A").signature
    assert (sig.authority, sig.on_behalf_of, sig.positions, sig.signer) == (
        "TM.", "ỦY BAN NHÂN DÂN", [], "Nguyễn Văn A")


def test_signature_before_recipients():
    text = BODY.replace("Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n", "")
    doc = one(text + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Đình Long\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.")
    assert doc.signature.signer == "Bùi Đình Long"
    assert doc.recipients == ["Như Điều 2;"]
    assert doc.storage == "Lưu: VT."


def test_position_without_signer_in_body_is_text():
    """A caps line naming a position, in running text with no signer after it, stays in the body."""
    doc = one(BODY.replace("Điều 1. Thành lập Tổ công tác.",
                           "Điều 1. Thành lập Tổ công tác gồm:\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nlàm Tổ trưởng."))
    assert doc.signature is None
    # the position and the line under it, in lower case, are one sentence of the article
    assert [n.text for n in doc.body[0].children] == ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH làm Tổ trưởng."]


def test_no_signature_at_all():
    doc = one(BODY)
    assert doc.signature is None
    assert doc.recipients == ["Như Điều 2;"]
