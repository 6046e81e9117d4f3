"""Build the test folder for `vbhc audit`: plans as .txt and .docx, a corrupt .docx, a scanned PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "audit"
ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
HANG_TIMEOUT = 2


LAUNCHER = Path(__file__).parent / "vbhc_with_double.py"


def vbhc(*args: str, double: str | None = None, cwd: Path | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the command line; with `double` ("hang:MARKER", "crash:MARKER", "slow:MARKER:SECONDS",
    see doubles.py) the audit's per-file check is that test double."""
    command = [sys.executable, str(LAUNCHER), double] if double else [sys.executable, "-m", "vbhc"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def plan_docx(text: str, path: Path, font: str = "Times New Roman") -> Path:
    """A plan in Word with the layout of Nghị định 30/2020: A4, margins, Times New Roman 14, the two
    header columns in a borderless table, body paragraphs justified with a first-line indent."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    lines = text.splitlines()
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(6)
    # header: everything before the type name ("KẾ HOẠCH"), left column = agency + number,
    # right column = quốc hiệu, tiêu ngữ, place and date
    split = lines.index("KẾ HOẠCH")
    head = [ln for ln in lines[:split] if ln.strip()]
    left = [ln for ln in head if not ln.startswith(("CỘNG HÒA", "Độc lập", "Nghệ An,"))]
    right = [ln for ln in head if ln not in left]
    table = doc.add_table(rows=1, cols=2)
    for cell, column in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = column[0]
        for extra in column[1:]:
            cell.add_paragraph(extra)
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in p.runs:
                run.font.size = Pt(13)
                run.bold = not p.text.startswith(("Số:", "Nghệ An,", "UBND"))
                run.italic = p.text.startswith("Nghệ An,")
    body = lines[split:]
    closing = False
    for i, line in enumerate(body):
        if not line.strip():
            continue
        p = doc.add_paragraph(line)
        closing = closing or line.startswith("Nơi nhận")
        if line.startswith("Nơi nhận"):
            _runs(p, size=12, bold=True, italic=True)
        elif closing and line.startswith("-"):
            _runs(p, size=11)
        elif i < 2 or line.isupper() or i == len(body) - 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _runs(p, bold=True)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Mm(12.7)
            _runs(p, bold=line[:4].rstrip(".").strip().isupper() and ". " in line[:5])
    doc.save(str(path))
    return path


def _runs(paragraph, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
    from docx.shared import Pt

    for run in paragraph.runs:
        if size:
            run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None


def corrupt_docx(path: Path) -> Path:
    """A .docx cut short in transfer: the first bytes of a real one."""
    import io

    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    path.write_bytes(buf.getvalue()[:700])
    return path


def scanned_pdf(path: Path) -> Path:
    """A valid one-page PDF whose page holds only an image, as a scanner makes: no text layer."""
    pixels = bytes([0x80]) * 16
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
    ]
    content = b"q 500 0 0 700 48 70 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def build_folder(root: Path) -> Path:
    """The submissions folder of the tests: see test_audit.py for what each file is for."""
    (root / "so").mkdir(parents=True)
    (root / "xa").mkdir()
    shutil.copy(FIXTURES / "so-tu-phap.txt", root / "so" / "so-tu-phap.txt")
    shutil.copy(FIXTURES / "xa-hung-nguyen.txt", root / "xa" / "xa-hung-nguyen.txt")
    plan_docx((FIXTURES / "so-y-te.txt").read_text(encoding="utf-8"), root / "so" / "so-y-te.docx")
    plan_docx((FIXTURES / "xa-nam-dan.txt").read_text(encoding="utf-8"), root / "xa" / "xa-nam-dan.docx",
              font="Arial")
    corrupt_docx(root / "so" / "so-xay-dung.docx")
    scanned_pdf(root / "xa" / "xa-do-luong-scan.pdf")
    shutil.copy(FIXTURES / "so-tu-phap.txt", root / "so" / "so-treo-may.txt")  # the hang hook's target
    (root / "ghi-chu.md").write_text("danh sách đơn vị đã nộp\n", encoding="utf-8")
    (root / "so" / "ke-hoach-cu.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    return root


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float  # the audit process itself (its workers are the fork server's children)


def vbhc_measured(*args: str, double: str | None = None, cwd: Path | None = None,
                  timeout: float = 120) -> Measured:
    """Like `vbhc`, with the wall time and the peak memory of the command (os.wait4)."""
    command = [sys.executable, str(LAUNCHER), double] if double else [sys.executable, "-m", "vbhc"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen([*command, *args], stdout=out, stderr=err, cwd=cwd)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise AssertionError(f"vbhc {' '.join(args)} ran past {timeout} s")
            time.sleep(0.02)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                        seconds, usage.ru_maxrss / 1024)


def session_processes(sid: int) -> list[int]:
    """The live (not zombie) processes of a session: what an audit started in a new session left running."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, already ended, does not count)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(condition, timeout: float, step: float = 0.02) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return condition()


EVAL = ROOT / "corpus" / "eval"
EVAL_PLANS = sorted(p.name for p in EVAL.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
# The agencies of the evaluation plans, as a Sở Nội vụ's list writes them, and one that sent nothing.
EXPECTED = ["UBND phường Thành Vinh", "Sở Công Thương", "Sở GD&ĐT", "Sở Khoa học và Công nghệ", "Sở Tài chính",
            "Sở Xây dựng", "Sở Y tế", "UBND xã Hưng Nguyên", "Ủy ban nhân dân xã Yên Thành", "Sở Tư pháp",
            "Sở Ngoại vụ"]
MISSING = "Sở Ngoại vụ"
NOTE = "ghi chú.txt"
EARLIER = "so-y-te-ban-dau.txt"  # a first version of Sở Y tế's plan, superseded by so-y-te-phan-i.txt
DRAFT = "du-thao-so-tu-phap.docx"  # `vbhc draft` for Sở Tư pháp, sent as it came out
BROKEN = "ke-hoach-hong.docx"


def build_submissions(root: Path) -> Path:
    """The folder of issue 15: the evaluation plans, two plans from Sở Y tế, a skeleton from
    `vbhc draft`, a note and a broken file (see test_audit_status.py)."""
    root.mkdir(parents=True)
    for name in EVAL_PLANS:
        shutil.copy(EVAL / name, root / name)
    text = (EVAL / "so-y-te-phan-i.txt").read_text(encoding="utf-8")
    earlier = text.replace("Số: 1846/KH-SYT", "Số: 1790/KH-SYT").replace("ngày 29 tháng 7 năm 2025",
                                                                       "ngày 22 tháng 7 năm 2025", 1)
    assert earlier != text
    (root / EARLIER).write_text(earlier, encoding="utf-8")
    proc = vbhc("draft", "--against", str(PARENT), "--agency", "Sở Tư pháp", "-o", str(root / DRAFT))
    assert proc.returncode == 0, proc.stderr
    (root / NOTE).write_text("Ghi chú của văn thư\nĐã nhận kế hoạch của Sở Y tế (2 bản), Sở Tài chính.\n"
                             "Còn chờ: Sở Ngoại vụ.\n", encoding="utf-8")
    corrupt_docx(root / BROKEN)
    return root


def expected_list(path: Path) -> Path:
    path.write_text("# Cơ quan phải nộp kế hoạch CCHC năm 2025\n" + "\n".join(EXPECTED) + "\n", encoding="utf-8")
    return path
