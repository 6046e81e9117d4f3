"""Word 97–2003 (.doc), OpenDocument (.odt) and RTF: converted to .docx by LibreOffice, then read by the
.docx reader.

The conversion runs `soffice --headless --convert-to docx` on a *copy* of the input in a fresh
temporary folder, with its own throw-away LibreOffice profile (so it neither touches the user's
profile nor waits for a running LibreOffice), under a timeout; the input file is never opened
for writing. Macros are not run: LibreOffice's headless conversion does not execute document
macros by default, and the .docx it writes carries none (the .docx reader refuses any that do).
Legacy fonts (.VnTime, VNI-Times) survive the conversion as run fonts, so the .docx reader's
legacy conversion applies to old .doc files too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from vbhc import limits
from vbhc.errors import InputError
from vbhc.model import Source

# what each converted kind is called in the messages
KIND_NAMES = {".doc": "Word 97–2003 (.doc)", ".odt": "OpenDocument (.odt)", ".rtf": "RTF (.rtf)"}


def need_libreoffice(ext: str = ".doc") -> str:
    return f"cần LibreOffice để đọc {ext}: apt-get install libreoffice-writer-nogui (hoặc lưu lại thành .docx)"


def note_converted(ext: str = ".doc") -> str:
    return f"tệp {KIND_NAMES[ext]} đã được chuyển sang .docx bằng LibreOffice trước khi đọc"


NEED_LIBREOFFICE = need_libreoffice()
NOTE_CONVERTED = note_converted()


def soffice() -> str | None:
    """The LibreOffice executable, if installed (VBHC_SOFFICE overrides; "" means none)."""
    override = os.environ.get("VBHC_SOFFICE")
    if override is not None:
        return override or None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).is_file():
            return candidate
    return None


def read_doc(path: Path) -> Source:
    return read_converted(path, ".doc")


def read_converted(path: Path, ext: str) -> Source:
    """A .doc, .odt or .rtf (`ext`, its content already checked) through LibreOffice."""
    name = str(path)
    exe = soffice()
    if exe is None:
        raise InputError(name, need_libreoffice(ext))
    size = path.stat().st_size
    if size > limits.MAX_DOC_BYTES:
        raise InputError(name, f"tệp {ext} quá lớn ({size // limits.MB} MB, giới hạn "
                               f"{limits.MAX_DOC_BYTES // limits.MB} MB)")
    with tempfile.TemporaryDirectory(prefix="vbhc-doc-") as tmp:
        work = Path(tmp)
        src = work / "in" / f"input{ext}"
        src.parent.mkdir()
        shutil.copyfile(path, src)
        out = work / "out"
        profile = (work / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError:
            raise InputError(name, need_libreoffice(ext)) from None
        try:
            proc.wait(timeout=limits.DOC_CONVERT_SECONDS)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise InputError(name, f"quá thời gian chuyển {ext} sang .docx ({limits.DOC_CONVERT_SECONDS:.0f} giây)"
                             ) from None
        except BaseException:
            _kill(proc)
            raise
        result = out / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise InputError(name, f"tệp {ext} bị hỏng hoặc không chuyển được sang .docx (LibreOffice không đọc được)")
        from vbhc.readers.docx import read_docx

        try:
            source = read_docx(result)
        except InputError as exc:
            raise InputError(name, exc.reason) from None
    source.path = name
    source.notes.insert(0, note_converted(ext))
    return source


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Stop the conversion and everything it started (its own process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
