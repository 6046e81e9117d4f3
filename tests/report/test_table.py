"""The audit's terminal report (`vbhc.report.table`): the summary lines under the table."""

from __future__ import annotations

from vbhc.report.table import summary_lines


def test_an_empty_audit_says_no_empty_status_line():
    result = {"files": [], "skipped": [], "summary": {"files": 0, "unreadable": 0, "files_with_errors": 0,
                                                       "errors": 0, "warnings": 0, "plan_status": {"ok": 0}}}
    lines = summary_lines(result)
    assert lines[0].startswith("Đã kiểm tra 0 tệp") and not any(line.startswith("Tình trạng") for line in lines)
