"""The Báo cáo of `vbhc audit --report-docx` beyond issue 15's folder: no parent plan, nothing
submitted, another office; each one passes `vbhc check` with no error."""

from __future__ import annotations

import shutil

from audit_helpers import EVAL, PARENT, vbhc

from vbhc.audit import run_audit
from vbhc.audit.agencies import Agencies, Agency
from vbhc.check import check_file
from vbhc.parse import parse_file
from vbhc.report.baocao import common_defects, report_data, write_report


def errors_of(path) -> list[str]:
    result = check_file(str(path))
    assert result.error is None, result.error
    return [f"{f.rule}: {f.message}" for f in result.findings if f.severity == "error"]


def text_of(path) -> str:
    return "\n".join(line.text for doc in parse_file(path).documents for line in doc.lines)


def test_nothing_submitted(tmp_path):
    from vbhc.profile import from_parent

    (tmp_path / "nop").mkdir()
    listed = Agencies([Agency("Sở Tư pháp"), Agency("xã Nam Đàn")], "co-quan.txt")
    result = run_audit(tmp_path / "nop", profile=from_parent(str(PARENT)), jobs=1, journal=tmp_path / "r.jsonl",
                       expected=listed).result
    out = tmp_path / "bc.docx"
    write_report(result, out, today="2025-08-02")
    assert errors_of(out) == []
    text = text_of(out)
    assert "phải ban hành kế hoạch: 2; đã gửi kế hoạch: 0; chưa gửi: 2." in text
    assert "chưa gửi kế hoạch (2): Sở Tư pháp; xã Nam Đàn." in text
    assert "Nghệ An, ngày 02 tháng 8 năm 2025" in text


def test_without_a_parent_the_place_is_asked_for(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    shutil.copy(EVAL / "so-y-te-phan-i.txt", folder)
    out = tmp_path / "bc.docx"
    proc = vbhc("audit", str(folder), "--report-docx", str(out))
    assert proc.returncode == 2 and "--report-place" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists() and not (tmp_path / "bc.jsonl").exists()  # stopped before checking anything
    proc = vbhc("audit", str(folder), "--report-docx", str(out), "--report-place", "Hà Nội",
                "--report-agency", "Văn phòng Bộ Nội vụ")
    assert proc.returncode in (0, 1), proc.stderr
    assert errors_of(out) == []
    text = text_of(out)
    assert "VĂN PHÒNG BỘ NỘI VỤ" in text and "Hà Nội, ngày" in text
    assert "Số cơ quan, đơn vị đã gửi kế hoạch: 1 (không có danh sách" in text


def test_common_defects_count_plans_not_findings():
    row = {"path": "a", "plan_status": "ok", "findings": [{"rule": "ND30.Font.TimesNewRoman", "severity": "error"}] * 3}
    note = {"path": "b", "plan_status": "not_a_plan", "findings": [{"rule": "KH001", "severity": "error"}]}
    assert [(rule, n) for rule, _, n in common_defects({"files": [row, dict(row, path="c"), note]})] == [
        ("ND30.Font.TimesNewRoman", 2)]


def test_report_data_names_the_drafts_and_the_unreadable(submissions):
    data = report_data(submissions.result, today="2025-08-02")
    first = data["sections"][0]["items"]
    assert "Kế hoạch chưa hoàn thiện, còn là bản nháp (1): Sở Tư pháp." in first
    assert "Tệp không đọc được, cần gửi lại (1): ke-hoach-hong.docx." in first
    assert "Cơ quan gửi nhiều bản (tính bản ban hành sau cùng): Sở Y tế (2 bản)." in first
    assert data["kinh_gui"] == ["Ủy ban nhân dân tỉnh Nghệ An"]
    assert data["issuer"] == "SỞ NỘI VỤ" and data["abbr"] == "SNV"
