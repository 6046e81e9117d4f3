"""What each submission is (vbhc.audit.status) and what the worker reads of it (vbhc.audit.submission):
small hand-made rows and plans, good and bad, beside the real folder of test_audit_status.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit_helpers import ROOT

from vbhc.audit.agencies import Agencies, Agency
from vbhc.audit.status import assess, own_status
from vbhc.audit.submission import facts
from vbhc.parse import parse_file, parse_text

HEADER = """ỦY BAN NHÂN DÂN
XÃ MẪU

Số: 1/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Xã Mẫu, ngày 1 tháng 7 năm 2025

"""
CLOSING = """
Nơi nhận:
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn A
"""


def plan(body: str, doc_type: str = "KẾ HOẠCH", title: str = "Cải cách hành chính năm 2025") -> dict:
    return facts(parse_text(HEADER + f"{doc_type}\n{title}\n\n" + body + CLOSING))


def test_a_filled_plan():
    found = plan("I. MỤC TIÊU\n\n1. Tỷ lệ hồ sơ đúng hạn đạt 98%.\n\nII. NHIỆM VỤ\n\n1. Cải cách thể chế\n"
                 "a) Rà soát văn bản.\n")
    assert found["plan"] and found["placeholders"] == 0 and found["empty_headings"] == []
    assert found["doc_types"] == ["Kế hoạch"] and found["text"] and not found["scanned"]


def test_headings_with_nothing_under_them():
    found = plan("I. MỤC TIÊU\n\nII. NHIỆM VỤ\n\n1. Cải cách thể chế\n\n2. Cải cách thủ tục hành chính\n"
                 "a) Rà soát thủ tục.\n")
    assert [(e["part"], e["heading"]) for e in found["empty_headings"]] == [
        ("mục I", "MỤC TIÊU"), ("mục II.1", "Cải cách thể chế")]


def test_placeholders_are_counted():
    found = plan("I. MỤC TIÊU\n\n1. Tỷ lệ hồ sơ đúng hạn đạt [ĐIỀN: tỷ lệ]%.\n2. Đơn vị chủ trì: [ĐIỀN: đơn vị], "
                 "[ĐIỀN: thời hạn].\n")
    assert found["placeholders"] == 3


def test_a_decision_issuing_a_plan_is_a_plan_a_letter_is_not():
    assert plan("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n", "QUYẾT ĐỊNH",
                "Ban hành Kế hoạch cải cách hành chính năm 2025")["plan"]
    assert not plan("Điều 1. Thành lập Tổ công tác.\n", "QUYẾT ĐỊNH", "Thành lập Tổ công tác")["plan"]
    assert not plan("Kết quả thực hiện Kế hoạch năm 2025 như sau.\n", "BÁO CÁO", "Kết quả thực hiện Kế hoạch")["plan"]


REAL = ROOT.parent / "shared" / "corpus" / "real"


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real không có: bỏ qua các kế hoạch thật")
def test_real_plans_have_no_empty_heading():
    """A false "incomplete" would send an agency's finished plan back: none of the real plans has one."""
    plans = [p for p in sorted(REAL.iterdir()) if p.name.startswith(("kh", "md"))]
    assert plans
    for path in plans:
        found = facts(parse_file(path))
        assert found["plan"] and found["empty_headings"] == [] and found["placeholders"] == 0, path.name


def test_evaluation_plans_are_complete_plans():
    for path in sorted((ROOT / "corpus" / "eval").glob("*.txt")):
        found = facts(parse_file(path))
        assert found["plan"] and not found["empty_headings"] and not found["placeholders"], path.name


# --- rows -------------------------------------------------------------------------------------


def row(path: str, issuer: str | None, date: str | None = "2025-07-25", number: str = "1", **submission) -> dict:
    sub = {"plan": True, "doc_types": ["Kế hoạch"], "placeholders": 0, "empty_headings": [], "text": True,
           "scanned": False, **submission}
    return {"path": path, "status": "findings", "error": None, "findings": [], "not_applicable": [],
            "meta": {"issuer": issuer, "symbol": "KH-X", "number": number, "date": date, "doc_type": "Kế hoạch"},
            "submission": sub}


def test_own_status():
    assert own_status(row("a", "SỞ Y TẾ")) == ("ok", None)
    status, reason = own_status(row("a", "SỞ Y TẾ", placeholders=4))
    assert status == "incomplete" and "còn 4 chỗ cần điền" in reason
    status, reason = own_status(row("a", "SỞ Y TẾ", plan=False, doc_types=["Công văn"]))
    assert status == "not_a_plan" and "Công văn" in reason
    assert own_status(row("a", None, plan=False, doc_types=[None], scanned=True))[0] == "unreadable"
    assert own_status(row("a", None, text=False))[0] == "unreadable"
    broken = {"path": "b.docx", "status": "error", "error": "tệp hỏng", "findings": []}
    assert own_status(broken) == ("unreadable", "tệp hỏng")


def test_a_journal_row_without_submission_is_judged_from_its_findings():
    """Rows of a journal written before rows carried "submission" (a resumed audit)."""
    old = row("a", "SỞ Y TẾ")
    del old["submission"]
    old["findings"] = [{"rule": "VBHC.ChoCanDien", "severity": "warning", "data": {"count": 7}}]
    assert own_status(old)[0] == "incomplete"
    old["findings"], old["meta"]["doc_type"] = [], "Công văn"
    assert own_status(old)[0] == "not_a_plan"


def statuses(rows: list[dict], agencies: Agencies | None = None) -> dict[str, str]:
    assess(rows, agencies)
    return {r["path"]: r["plan_status"] for r in rows}


def test_the_latest_complete_plan_counts():
    rows = [row("cu.txt", "SỞ Y TẾ", "2025-07-20"), row("moi.txt", "Sở Y tế", "2025-07-28"),
            row("nhap.docx", "SỞ Y TẾ", "2025-07-31", placeholders=9)]  # a later draft does not replace a plan
    assert statuses(rows) == {"cu.txt": "duplicate", "moi.txt": "ok", "nhap.docx": "duplicate"}
    assert rows[0]["superseded_by"] == "moi.txt" and sorted(rows[1]["supersedes"]) == ["cu.txt", "nhap.docx"]


def test_a_draft_counts_when_nothing_complete_came():
    rows = [row("nhap-1.docx", "SỞ Y TẾ", "2025-07-20", placeholders=9),
            row("nhap-2.docx", "SỞ Y TẾ", "2025-07-22", placeholders=3)]
    assert statuses(rows) == {"nhap-1.docx": "duplicate", "nhap-2.docx": "incomplete"}


def test_same_day_the_higher_number_counts():
    rows = [row("a.txt", "SỞ Y TẾ", number="88"), row("b.txt", "SỞ Y TẾ", number="102")]
    assert statuses(rows) == {"a.txt": "duplicate", "b.txt": "ok"}


def test_no_grouping_without_a_named_agency():
    rows = [row("a.txt", "ỦY BAN NHÂN DÂN"), row("b.txt", "ỦY BAN NHÂN DÂN"), row("c.txt", None),
            row("d.txt", None)]
    assert set(statuses(rows).values()) == {"ok"}


def test_with_a_list():
    listed = Agencies([Agency("Sở Y tế"), Agency("xã Nam Đàn"), Agency("Sở Ngoại vụ")], "co-quan.txt")
    rows = [row("syt.txt", "SỞ Y TẾ"), row("nd.txt", "ỦY BAN NHÂN DÂN XÃ NAM ĐÀN", plan=False, doc_types=["Công văn"]),
            row("stc.txt", "SỞ TÀI CHÍNH")]
    got = assess(rows, listed)
    assert got.summary["missing_agencies"] == ["xã Nam Đàn", "Sở Ngoại vụ"]  # a cover letter is not a plan
    assert got.summary["not_on_list"] == [{"path": "stc.txt", "issuer": "SỞ TÀI CHÍNH"}]
    assert rows[2]["agency"] == {"name": "SỞ TÀI CHÍNH", "short": None, "level": None, "match": None,
                                 "listed": False}
    assert [(a["name"], a["status"]) for a in got.agencies] == [
        ("Sở Y tế", "ok"), ("xã Nam Đàn", "not_a_plan"), ("Sở Ngoại vụ", "missing")]
    assert got.summary["agency_counts"]["expected"] == 3 and got.summary["agency_counts"]["received"] == 1


def test_assess_twice_gives_the_same():
    rows = [row("cu.txt", "SỞ Y TẾ", "2025-07-20"), row("moi.txt", "SỞ Y TẾ", "2025-07-28")]
    first = assess(rows)
    again = assess(rows)
    assert first == again and rows[1]["supersedes"] == ["cu.txt"]


def test_resumed_audit_keeps_the_statuses(tmp_path):
    """A row from the journal (as the worker wrote it) is judged again the same way."""
    from audit_helpers import PARENT

    from vbhc.audit import run_audit
    from vbhc.profile import from_parent

    folder = tmp_path / "nop"
    folder.mkdir()
    text = (ROOT / "corpus" / "eval" / "so-y-te-phan-i.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("ngày 29 tháng 7", "ngày 20 tháng 7", 1), encoding="utf-8")
    profile = from_parent(str(PARENT))
    journal = tmp_path / "r.jsonl"
    first = run_audit(folder, profile=profile, jobs=1, journal=journal).result
    again = run_audit(folder, profile=profile, jobs=1, journal=journal, resume=True)
    assert again.resumed == 2
    assert [r["plan_status"] for r in first["files"]] == [r["plan_status"] for r in again.result["files"]] == [
        "ok", "duplicate"]
    assert Path(journal).read_text(encoding="utf-8").count("plan_status") == 0  # the journal keeps the checks only


def test_one_name_under_two_parents_is_two_senders_without_a_list():
    # "SỞ TƯ PHÁP" of two provinces in one folder counted as one agency, the earlier plan a duplicate
    rows = [row("ld.txt", "SỞ TƯ PHÁP", "2025-07-20"), row("na.txt", "SỞ TƯ PHÁP", "2025-07-28"),
            row("na-cu.txt", "Sở Tư pháp", "2025-07-21")]
    rows[0]["meta"]["parent_issuer"] = "UBND TỈNH LÂM ĐỒNG"
    rows[1]["meta"]["parent_issuer"] = rows[2]["meta"]["parent_issuer"] = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    got = assess(rows)
    assert {r["path"]: r["plan_status"] for r in rows} == {"ld.txt": "ok", "na.txt": "ok", "na-cu.txt": "duplicate"}
    assert sorted(a["name"] for a in got.agencies) == [
        "SỞ TƯ PHÁP (UBND TỈNH LÂM ĐỒNG)", "SỞ TƯ PHÁP (ỦY BAN NHÂN DÂN TỈNH NGHỆ AN)"]
    assert rows[0]["agency"]["name"] == "SỞ TƯ PHÁP (UBND TỈNH LÂM ĐỒNG)"


def test_one_parent_written_two_ways_is_one_sender():
    rows = [row("a.txt", "SỞ TƯ PHÁP", "2025-07-20"), row("b.txt", "SỞ TƯ PHÁP", "2025-07-28"),
            row("c.txt", "SỞ TƯ PHÁP", "2025-07-29", placeholders=3)]  # a draft that prints no parent
    rows[0]["meta"]["parent_issuer"] = "UBND TỈNH NGHỆ AN"
    rows[1]["meta"]["parent_issuer"] = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    got = assess(rows)
    assert statuses(rows) == {"a.txt": "duplicate", "b.txt": "ok", "c.txt": "duplicate"}
    assert [a["name"] for a in got.agencies] == ["SỞ TƯ PHÁP"]


def test_an_appendix_s_own_number_is_no_document_number():
    from vbhc.check import meta_of

    meta = meta_of(parse_text("PHỤ LỤC II\nBẢNG TỔNG HỢP KẾT QUẢ\n(Kèm theo Báo cáo số 12/BC-UBND ngày 10/12/2025)\n"
                              "1. Tỷ lệ hồ sơ đúng hạn.\n"))
    assert (meta["doc_type"], meta["number"]) == ("Phụ lục", None)
