"""The Party's own documents: outside the decree, so none of its layout rules runs on them.

Nghị định 30/2020 governs the documents of state bodies and state enterprises (Điều 2.1); political
organisations apply it as fits their work (Điều 2.2), and the Communist Party sets out its documents
by its own guide (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" where the Quốc hiệu would stand, no
Tiêu ngữ, "Số 60-NQ/TW" without a colon, "T/M" for "TM.". Judged by the decree, every Party resolution
would carry a dozen false errors; vbhc says once that it does not judge the layout.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.nd30 import PARTY_GUIDE, PARTY_HEADING, source
from vbhc.rules import Context, Finding, rule

RULE_ID = "ND30.PhamVi.VanBanDang"


@rule(RULE_ID, severity="info", source=source("Điều 2"),
      summary="Văn bản của Đảng: trình bày theo hướng dẫn của Đảng, không kiểm tra theo Nghị định 30")
def van_ban_dang(ctx: Context) -> Iterator[Finding]:
    """Nghị định 30/2020 áp dụng cho cơ quan, tổ chức nhà nước và doanh nghiệp nhà nước (Điều 2.1); tổ chức
    chính trị căn cứ Nghị định để áp dụng cho phù hợp (Điều 2.2). Văn bản của Đảng, có dòng “ĐẢNG CỘNG SẢN
    VIỆT NAM” ở vị trí Quốc hiệu, trình bày theo Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung
    ương Đảng: không có Tiêu ngữ, “Số 60-NQ/TW”, “T/M BAN CHẤP HÀNH”. vbhc không chấm thể thức của văn bản
    này theo Nghị định 30 (không quy tắc thể thức nào chạy trên nó) và báo một thông tin."""
    if ctx.doc.party and not ctx.doc.attached:
        yield ctx.finding(f"Văn bản của Đảng (dòng “{PARTY_HEADING}” thay cho Quốc hiệu): thể thức trình bày theo "
                          f"{PARTY_GUIDE}, không theo Nghị định 30/2020/NĐ-CP; vbhc không kiểm tra thể thức văn bản "
                          "này.", data={"guide": PARTY_GUIDE})
