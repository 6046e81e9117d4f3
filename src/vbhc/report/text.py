"""Text output: `path[:line]: mức độ quy-tắc lời nhắn` (lỗi, cảnh báo, thông tin; JSON and SARIF
keep the contract's error, warning, info), then where an officer finds it in the file
("ở Căn cứ thứ hai, trang 1: “Căn cứ Nghị quyết …”"), grouped per file, coloured on a terminal.

The line number is shown only for a text file, where it is a line the officer can go to; in a
.docx or a PDF it is a counter nobody can find, so the part, the page and a quote stand instead.
"""

from __future__ import annotations

import click

from vbhc.report.results import FileResult, summary
from vbhc.rules import Finding
from vbhc.terminal import printable

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
WORDS = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}
INDENT = "    "


def where(f: Finding) -> str | None:
    """"ở Căn cứ thứ hai, trang 1: “Căn cứ Nghị quyết …”" (what of it is known), or None."""
    place = ", ".join(x for x in (f.part, f"trang {f.page}" if f.page else None) if x)
    shown = f"“{f.quote}”" if f.quote else ""
    if not place and not shown:
        return None
    return "ở " + (f"{place}: {shown}" if place and shown else place or shown)


def fix_note(f: Finding) -> str | None:
    if f.fix is None:
        return None
    return "sửa được bằng vbhc fix" + ("" if f.fix.safe else " --unsafe-fixes")


def finding_lines(path: str, f: Finding, colour: bool) -> list[str]:
    """A finding's first line (for tools and officers alike) and its location line (for officers)."""
    text_line = f.line is not None and f.paragraph is None and f.page is None  # a line of a text file
    head = f"{path}:{f.line}" if text_line else path
    word = WORDS[f.severity]
    sev = click.style(word, fg=COLOURS[f.severity], bold=True) if colour else word
    out = [f"{head}: {sev} {f.rule} {printable(f.message)}"]
    extra = " · ".join(x for x in (where(f), fix_note(f)) if x)
    if extra:
        out.append(INDENT + printable(extra))
    return out


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
        out.extend(f"{path}: ghi chú: {printable(note)}" for note in result.notes)
        for f in result.findings:
            out.extend(finding_lines(path, f, colour))
        if result.not_applicable:
            out.append(f"{path}: {len(result.not_applicable)} quy tắc không áp dụng được cho định dạng này "
                       f"({', '.join(result.not_applicable)})")
    s = summary(results)
    line = (f"Đã kiểm tra {s['files']} tệp: {s['errors']} lỗi, {s['warnings']} cảnh báo, {s['infos']} thông tin"
            + (f", {s['unreadable']} tệp không đọc được" if s["unreadable"] else "") + ".")
    fixable = [f for r in results for f in r.findings if f.fix is not None]
    if fixable:
        unsafe = sum(1 for f in fixable if f.fix is not None and not f.fix.safe)
        line += (f" {len(fixable)} phát hiện sửa được bằng `vbhc fix`"
                 + (f" ({unsafe} cần thêm --unsafe-fixes vì thay đổi chữ)" if unsafe else "") + ".")
    out.append(click.style(line, bold=True) if colour else line)
    return "\n".join(out) + "\n"
