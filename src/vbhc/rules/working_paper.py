"""Internal papers (a phiếu trình): not a văn bản hành chính, so none of the decree's layout rules runs on them.

Điều 7 lists the kinds of administrative document the decree sets out; a phiếu trình (giải quyết công việc) is
the slip on which a unit presents a matter to its leader, with each level's opinion, as the agency's own working
rules set it. It has no number, no Nơi nhận and often no Quốc hiệu, and the văn thư never issues it: judged by
the decree it would carry half a dozen false errors; vbhc says once that it does not judge its layout.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.nd30 import WORKING_PAPERS, source
from vbhc.rules import Context, Finding, rule

RULE_ID = "ND30.PhamVi.GiayToNoiBo"


def is_working_paper(doc_type: str | None) -> bool:
    return doc_type in WORKING_PAPERS


@rule(RULE_ID, severity="info", source=source("Điều 7"),
      summary="Giấy tờ nội bộ (phiếu trình): không phải văn bản hành chính, không kiểm tra thể thức")
def giay_to_noi_bo(ctx: Context) -> Iterator[Finding]:
    """Điều 7 của Nghị định 30/2020 liệt kê các loại văn bản hành chính. Phiếu trình (giải quyết công việc)
    là giấy tờ nội bộ để đơn vị trình lãnh đạo một việc, có ý kiến của từng cấp, theo quy chế làm việc của
    cơ quan: không có số, ký hiệu, không có nơi nhận, văn thư không đăng ký phát hành. vbhc không chấm thể
    thức của giấy tờ này theo Nghị định 30 (không quy tắc thể thức nào chạy trên nó) và báo một thông tin."""
    doc = ctx.doc
    if is_working_paper(doc.doc_type):
        yield ctx.finding(f"“{doc.doc_type}” là giấy tờ nội bộ trình lãnh đạo theo quy chế làm việc của cơ quan, "
                          "không phải văn bản hành chính (Nghị định 30/2020/NĐ-CP, Điều 7): vbhc không kiểm tra "
                          "thể thức giấy tờ này.", data={"type": doc.doc_type})
