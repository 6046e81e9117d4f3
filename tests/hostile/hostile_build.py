"""Hostile and broken inputs built by the tests themselves, and a CLI runner that measures them.

`run_cli` runs `vbhc` in a child process and waits for it with `os.wait4`, which returns the
resource usage of that one child: its peak resident memory (`ru_maxrss`) is asserted, and an
address-space limit (RLIMIT_AS) well above the bound stops a runaway child from hurting the
machine if a guard ever fails.
"""

from __future__ import annotations

import io
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_docx

MEMORY_BOUND_MB = 500
TIME_BOUND_S = 10.0
SAFETY_AS_BYTES = 3 * 1024 * 1024 * 1024

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (SAFETY_AS_BYTES, SAFETY_AS_BYTES))


KILL_AFTER_S = 60.0  # a child still running then has hung: killed, and its run says so (code -9)


def run_cli(*args: str, preamble: str = "", env: dict[str, str] | None = None, cwd: Path | None = None,
            kill_after: float = KILL_AFTER_S) -> Run:
    """`vbhc ARGS` in a child process; `preamble` is Python run first (e.g. to lower a limit).

    A child that hangs (a FIFO opened for reading blocks forever) is killed after KILL_AFTER_S,
    so a regression fails the test instead of hanging the suite (`kill_after` seconds)."""
    code = f"{preamble}\nimport sys\nfrom vbhc.cli import main\nsys.argv = ['vbhc', *{list(args)!r}]\nmain()\n"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                preexec_fn=_limit, env={**os.environ, **(env or {})}, cwd=cwd)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > kill_after:
                proc.kill()
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   seconds, usage.ru_maxrss / 1024)


def assert_refused(run: Run, path: Path, *fragments: str) -> None:
    """Exit 2, one Vietnamese line naming the file, no traceback, within the time and memory bounds."""
    assert run.code == 2, (run.code, run.stderr[-2000:])
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert str(path) in lines[0], lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert run.seconds < TIME_BOUND_S, run.seconds
    assert run.max_rss_mb < MEMORY_BOUND_MB, run.max_rss_mb
    assert run.stdout == ""


# --- .docx --------------------------------------------------------------------------------------

def small_docx(text: str = "Điều 1. Nội dung.") -> bytes:
    doc = new_docx()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def rezip(data: bytes, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of a .docx with some parts replaced (None drops them) or added."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    dst.writestr(info.filename, replace[info.filename])
                continue
            dst.writestr(info.filename, src.read(info.filename))
        for name, payload in (add or {}).items():
            dst.writestr(name, payload)
    return out.getvalue()


def bomb_docx(document_size: int) -> bytes:
    """A .docx whose word/document.xml inflates to `document_size` bytes of zeros."""
    base = small_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                zip_info = zipfile.ZipInfo(info.filename)
                zip_info.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(zip_info, "w", force_zip64=True) as fh:
                    chunk = b"\0" * (1024 * 1024)
                    left = document_size
                    while left > 0:
                        fh.write(chunk[:min(left, len(chunk))])
                        left -= len(chunk)
            else:
                dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


def lying_directory_docx(real_size: int, declared_size: int) -> bytes:
    """A zip bomb whose directory lies: document.xml inflates to `real_size` but both headers say
    `declared_size` (patched in place after writing)."""
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = body.compress(b"<" * real_size) + body.flush()
    crc = zlib.crc32(b"<" * real_size)
    base = small_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
    data = bytearray(out.getvalue())
    # zipfile will not write a lying size: add the member's local header, data and directory
    # entry by hand after the other members

    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        infos = z.infolist()
        cd_start = struct.unpack("<I", data[-6:-2])[0]
    central = bytes(data[cd_start:-22])
    body_part = bytes(data[:cd_start])
    name = b"word/document.xml"
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(payload), declared_size,
                        len(name), 0) + name
    offset = len(body_part)
    entry = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(payload),
                        declared_size, len(name), 0, 0, 0, 0, 0, offset) + name
    new_body = body_part + local + payload
    new_central = central + entry
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(infos) + 1, len(infos) + 1, len(new_central),
                      len(new_body), 0)
    return new_body + new_central + end


def many_parts_docx(parts: int) -> bytes:
    out = io.BytesIO()
    base = small_docx()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        for i in range(parts):
            dst.writestr(f"customXml/extra{i}.xml", b"<a/>")
    return out.getvalue()


def document_xml(body: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def with_document(xml: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    return rezip(small_docx(), {"word/document.xml": xml}, compression=compression)


# --- PDF ----------------------------------------------------------------------------------------

def raw_pdf(pages: int, content: bytes, compress: bool = False, count: int | None = None) -> bytes:
    """A minimal PDF: `pages` pages sharing one content stream (optionally Flate-compressed) and
    one Helvetica font; /Count can be set to lie."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    stream = zlib.compress(content, 9) if compress else content
    filt = b"/Filter /FlateDecode " if compress else b""
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages if count is None else count} >>".encode())
    objects.append(b"<< /Length " + str(len(stream)).encode() + b" " + filt + b">>\nstream\n" + stream
                   + b"\nendstream")
    font_id = 4 + pages
    for _ in range(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


TEXT_PAGE = b"BT /F1 12 Tf 72 720 Td (Dieu 1. Noi dung) Tj ET"
