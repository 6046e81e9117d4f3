"""Papers that are no văn bản hành chính (a phiếu trình, a tham luận, a thuyết minh): no layout rule runs on them.

Điều 7 lists the kinds of administrative document the decree sets out. An office's folder holds other papers
beside them: the phiếu trình on which a unit presents a matter to its leader, with each level's opinion (the
agency's own working rules set it), the tham luận a speaker presents at a conference, the thuyết minh of a
draft's dossier. They have no number, no Nơi nhận and often no Quốc hiệu, and the văn thư never issues them:
judged by the decree each would carry half a dozen false errors; vbhc says once that it does not judge them.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.nd30 import OTHER_PAPERS, source
from vbhc.rules import Context, Finding, rule

RULE_ID = "ND30.PhamVi.KhongPhaiVBHC"


def is_other_paper(doc_type: str | None) -> bool:
    return doc_type in OTHER_PAPERS


@rule(RULE_ID, severity="info", source=source("Điều 7"),
      summary="Phiếu trình, tham luận, thuyết minh: không phải văn bản hành chính, không kiểm tra thể thức")
def khong_phai_vbhc(ctx: Context) -> Iterator[Finding]:
    """Điều 7 của Nghị định 30/2020 liệt kê các loại văn bản hành chính. Phiếu trình (giải quyết công việc)
    là giấy tờ nội bộ để đơn vị trình lãnh đạo một việc, có ý kiến của từng cấp, theo quy chế làm việc của
    cơ quan; tham luận là bài trình bày tại hội nghị, hội thảo; bản thuyết minh giải trình một dự thảo, đề tài
    hay dự án trong hồ sơ của nó. Chúng không có số, ký hiệu, không có nơi nhận,
    văn thư không đăng ký phát hành. vbhc không chấm thể thức của giấy tờ này theo Nghị định 30 (không quy tắc
    thể thức nào chạy trên nó) và báo một thông tin."""
    doc = ctx.doc
    if doc.doc_type is not None and is_other_paper(doc.doc_type):
        yield ctx.finding(f"“{doc.doc_type}” là {OTHER_PAPERS[doc.doc_type]}, không phải văn bản hành chính (Nghị "
                          "định 30/2020/NĐ-CP, Điều 7): vbhc không kiểm tra thể thức giấy tờ này.",
                          data={"type": doc.doc_type})
