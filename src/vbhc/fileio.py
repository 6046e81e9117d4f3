"""Every file vbhc reads or writes goes through here: bounded reads, atomic writes, inputs kept safe.

Reads: only regular files are opened (a link to /dev/zero, a FIFO or a socket is refused by its
kind before `open`, which would block on a FIFO forever), and at most a given number of bytes is
read. Writes: a temporary file beside the target replaces it whole, so a reader of the target
sees the old file or the new one, never half; a temporary left by a writer that was killed is
removed by the next write to the same target. Outputs: `refuse_overwrite` is checked by every
command before it writes anything, so no output is ever one of the command's inputs.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from vbhc.errors import InputError, OutputError, UsageError

KINDS = (
    (stat.S_ISCHR, "một thiết bị (như /dev/zero)"),
    (stat.S_ISBLK, "một thiết bị lưu trữ (ổ đĩa)"),
    (stat.S_ISFIFO, "một đường ống (FIFO)"),
    (stat.S_ISSOCK, "một socket"),
)

# Why a write failed, in the officer's words, by errno; other errors keep the system's words.
WRITE_ERRORS = {
    errno.ENOSPC: "ổ đĩa đã đầy, không còn chỗ để ghi",
    errno.EDQUOT: "đã hết dung lượng được cấp trên ổ đĩa",
    errno.EACCES: "không có quyền ghi vào đây",
    errno.EPERM: "không có quyền ghi vào đây",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOENT: "thư mục chứa tệp không tồn tại",
    errno.ENOTDIR: "đường dẫn đi qua một tệp, không phải thư mục",
    errno.EISDIR: "đây là một thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EFBIG: "tệp vượt kích thước tối đa cho phép",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
}


def _size(n: int) -> str:
    from vbhc.quantities import vn_number

    return f"{vn_number(n / (1024 * 1024), 1)} MB"


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words ("một đường ống (FIFO)"); None for a regular file."""
    for test, words in KINDS:
        if test(mode):
            return words
    return None


def regular_file(path: str | os.PathLike[str], what: str = "tệp") -> os.stat_result:
    """The file's status, following links; InputError unless it is a regular file that exists."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(name, f"không tìm thấy {what}") from None
    except PermissionError:
        raise InputError(name, f"không có quyền đọc {what}") from None
    except OSError as exc:
        raise InputError(name, f"không mở được {what} ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, f"đây là thư mục, không phải {what}")
    kind = kind_of(st.st_mode)
    if kind is not None:
        raise InputError(name, f"đây là {kind}, không phải {what} thông thường; vbhc không đọc loại này")
    return st


def read_bounded(path: str | os.PathLike[str], limit: int, what: str = "tệp") -> bytes:
    """The whole file, at most `limit` bytes; InputError for anything that is not a regular file or
    is larger. The file is opened non-blocking and checked again once open (it may have been
    swapped for a FIFO in between), and never more than limit + 1 bytes are read, even from a
    file that grows while it is read."""
    name = str(path)
    regular_file(path, what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(name, f"không mở được {what} ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(name, f"đây là {kind_of(st.st_mode) or 'thư mục'}, không phải {what} thông thường")
        if st.st_size > limit:
            raise InputError(name, f"{what} quá lớn ({_size(st.st_size)}, giới hạn {_size(limit)})")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise InputError(name, f"không đọc được {what} ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if got > limit:
        raise InputError(name, f"{what} quá lớn (giới hạn {_size(limit)})")
    return b"".join(chunks)


def read_utf8(path: str | os.PathLike[str], limit: int, what: str = "tệp") -> str:
    """`read_bounded`, decoded as UTF-8 (a byte-order mark dropped); InputError when it is not UTF-8."""
    try:
        return read_bounded(path, limit, what).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), f"{what} không phải văn bản UTF-8") from None


# --- outputs --------------------------------------------------------------------------------

def _same(a: str, b: str) -> bool:
    """Same file, through links (symbolic or hard) too; a path that does not exist is no file."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _inside(path: str, folder: str) -> bool:
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real != root and real.startswith(root.rstrip(os.sep) + os.sep)


def refuse_overwrite(outputs: Mapping[str, str | os.PathLike[str] | None],
                     inputs: Iterable[str | os.PathLike[str] | None] = (),
                     folders: Iterable[str | os.PathLike[str]] = (),
                     folder_files: Iterable[str] = ()) -> None:
    """UsageError before anything is written when an output would replace an input.

    `outputs` maps how the user named each output ("-o", "--html") to its path. An output is
    refused when it is an input (the same file, also through a symbolic or hard link), when it is
    an existing file with one of the extensions `folder_files` inside an input folder (a plan an
    audit would read), when it is a device, FIFO, socket or folder, or when two outputs are the
    same file.
    """
    given = [(label, os.fspath(p)) for label, p in outputs.items() if p]
    sources = [os.fspath(p) for p in inputs if p]
    exts = {e.lower() for e in folder_files}
    for label, out in given:
        _refuse_special(label, out)
        for source in sources:
            if _same(out, source):
                raise UsageError(f"{label} {out}: đây là tệp đầu vào ({source}); vbhc không bao giờ ghi đè lên "
                                 "tệp đầu vào, hãy chọn tên tệp khác")
        for folder in (os.fspath(f) for f in folders):
            if os.path.isfile(out) and _inside(out, folder) and Path(out).suffix.lower() in exts:
                raise UsageError(f"{label} {out}: đây là một văn bản trong thư mục đang kiểm tra ({folder}); "
                                 "vbhc không bao giờ ghi đè lên tệp đầu vào, hãy chọn tên tệp khác")
    for i, (label, out) in enumerate(given):
        for other_label, other in given[i + 1:]:
            if _same(out, other):
                raise UsageError(f"{label} và {other_label} cùng là tệp {out}: các tệp kết quả phải khác nhau")


def _refuse_special(label: str, out: str) -> None:
    """An output that exists and is a device, FIFO, socket or folder: an atomic write would replace
    it (as root, /dev/full itself), so it is refused."""
    try:
        mode = os.stat(out).st_mode
    except OSError:
        return
    kind = kind_of(mode) or ("một thư mục" if stat.S_ISDIR(mode) else None)
    if kind is not None:
        raise UsageError(f"{label} {out}: đây là {kind}, không phải tệp để ghi kết quả; hãy chọn một tên tệp")


def write_error(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    """An OSError met while writing `path`, as the officer's sentence ("ổ đĩa đã đầy")."""
    reason = WRITE_ERRORS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return OutputError(str(path), f"không ghi được tệp: {reason}")


# --- atomic writes --------------------------------------------------------------------------

_TEMP_MARK = "vbhc"


def _temp_prefix(target: Path) -> str:
    return f".{target.name[:120]}.{_TEMP_MARK}-{os.getpid()}-"


def _temp_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(re.escape(f".{target.name[:120]}.{_TEMP_MARK}-") + r"(\d+)-[^/]*\.tmp\Z")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or a number no process can have: leave it
    return True


def clean_stale_temporaries(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries a killed writer left beside `target` (`.NAME.vbhc-PID-XXXX.tmp`
    whose PID no longer runs); a live writer's temporary is left alone. Returns what was removed."""
    path = Path(target)
    folder = path.parent
    pattern = _temp_pattern(path)
    removed = []
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []
    for name in names:
        m = pattern.match(name)
        if m and not _alive(int(m.group(1))):
            stale = folder / name
            try:
                stale.unlink()
                removed.append(stale)
            except OSError:
                pass
    return removed


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path beside the target; when the block ends without error it replaces the target.

    The new file keeps the target's permissions, or gets the usual ones (0666 less the umask)
    rather than mkstemp's private 0600. An OSError on the way becomes an OutputError naming the
    target and the reason.
    """
    import tempfile  # here: it imports shutil, bz2, lzma and random, which commands that only read never need

    target = Path(path)
    clean_stale_temporaries(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=target.parent or Path("."))
    except OSError as exc:
        raise write_error(target, exc) from None
    os.close(fd)
    try:
        yield tmp
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise write_error(target, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes | str | Callable[[str], None]) -> None:
    """Write bytes, UTF-8 text (its "\n" as they are), or whatever a `write(tmp_path)` callable writes,
    atomically. Text is encoded whole and written as bytes: a text-mode file took 14 ms for an audit's
    4.6 million characters, encoding and writing them 4."""
    with atomic_path(path) as tmp:
        if callable(data):
            data(tmp)
        else:
            Path(tmp).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
