"""Papers that are no văn bản hành chính (a phiếu trình, a speech, an agenda): no layout rule runs on them.

Điều 7 lists the kinds of administrative document the decree sets out. An office's folder holds other papers
beside them: the phiếu trình on which a unit presents a matter to its leader, with each level's opinion (the
agency's own working rules set it), the tham luận or speech read at a conference and its agenda, the
thuyết minh of a draft's dossier. They have no number, no Nơi nhận and often no Quốc hiệu, and the văn thư
never issues them: judged by the decree each would carry half a dozen false errors; vbhc says once that it
does not judge them.
"""

from __future__ import annotations

from collections.abc import Iterator

from vbhc.model import Document
from vbhc.nd30 import AGENDA, AGENDA_EVENTS, OTHER_PAPERS, SUMMARY, source
from vbhc.rules import Context, Finding, rule
from vbhc.textnorm import fold

RULE_ID = "ND30.PhamVi.KhongPhaiVBHC"
_EVENTS = tuple(fold(e) + " " for e in AGENDA_EVENTS)


def what_paper(doc: Document) -> tuple[str, str] | None:
    """(what it is called, what it is) when the document is no văn bản hành chính (its heading, an event's
    agenda, a report's summary without a number), else None."""
    if doc.doc_type in OTHER_PAPERS:
        return doc.doc_type, OTHER_PAPERS[doc.doc_type]
    title = fold(doc.title or "") + " "
    if doc.doc_type == "Chương trình" and title.startswith(_EVENTS):
        return doc.doc_type, AGENDA
    if doc.doc_type == "Báo cáo" and doc.number_raw is None and title.startswith(_SUMMARY):
        return SUMMARY
    return None


_SUMMARY = fold(SUMMARY[0].split(maxsplit=2)[2]) + " "  # "tom tat ": the trích yếu's first words


@rule(RULE_ID, severity="info", source=source("Điều 7"),
      summary="Phiếu trình, tham luận, bài phát biểu, thuyết minh, chương trình hội nghị: không phải văn bản "
              "hành chính, không kiểm tra thể thức")
def khong_phai_vbhc(ctx: Context) -> Iterator[Finding]:
    """Điều 7 của Nghị định 30/2020 liệt kê các loại văn bản hành chính. Phiếu trình (giải quyết công việc)
    là giấy tờ nội bộ để đơn vị trình lãnh đạo một việc, có ý kiến của từng cấp, theo quy chế làm việc của
    cơ quan; tham luận, bài phát biểu là bài trình bày tại hội nghị, hội thảo; chương trình hội nghị là lịch
    làm việc của một sự kiện; báo cáo tóm tắt không số là bản tóm tắt đọc tại hội nghị; bản thuyết minh giải
    trình một dự thảo, đề tài hay dự án trong hồ sơ của nó. Chúng không có số, ký hiệu, không có nơi nhận, văn
    thư không đăng ký phát hành. vbhc không chấm thể thức của giấy tờ này theo Nghị định 30 (không quy tắc thể
    thức nào chạy trên nó) và báo một thông tin."""
    doc = ctx.doc
    paper = what_paper(doc)
    if paper is not None:
        name, what = paper
        yield ctx.finding(f"“{name}” là {what}, không phải văn bản hành chính (Nghị "
                          "định 30/2020/NĐ-CP, Điều 7): vbhc không kiểm tra thể thức giấy tờ này.",
                          data={"type": name})
