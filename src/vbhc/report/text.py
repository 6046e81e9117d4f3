"""Text output: `path:line: mức độ quy-tắc lời nhắn` (lỗi, cảnh báo, thông tin), grouped per file,
coloured on a terminal. JSON and SARIF keep the contract's severities (error, warning, info)."""

from __future__ import annotations

import click

from vbhc.report.results import FileResult, summary
from vbhc.terminal import printable

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
WORDS = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}


def render_text(results: list[FileResult], colour: bool) -> str:
    """Paths, messages and errors come from inputs: shown through `printable` (no raw control
    characters), and only vbhc's own colour codes reach the terminal."""
    out: list[str] = []
    for result in results:
        path = printable(result.path)
        if result.error is not None:
            line = f"{path}: không đọc được: {printable(result.error)}"
            out.append(click.style(line, fg="red", bold=True) if colour else line)
            continue
        for f in result.findings:
            where = f"{path}:{f.line}" if f.line is not None else path
            word = WORDS[f.severity]
            sev = click.style(word, fg=COLOURS[f.severity], bold=True) if colour else word
            out.append(f"{where}: {sev} {f.rule} {printable(f.message)}")
        if result.not_applicable:
            out.append(f"{path}: {len(result.not_applicable)} quy tắc không áp dụng được cho định dạng này "
                       f"({', '.join(result.not_applicable)})")
    s = summary(results)
    line = (f"Đã kiểm tra {s['files']} tệp: {s['errors']} lỗi, {s['warnings']} cảnh báo, {s['infos']} thông tin"
            + (f", {s['unreadable']} tệp không đọc được" if s["unreadable"] else "") + ".")
    out.append(click.style(line, bold=True) if colour else line)
    return "\n".join(out) + "\n"
