"""Which files of a folder the audit checks, and why each other entry is skipped.

Links are followed only when they point inside the folder, and a file reached twice is audited
once, under its real path when it has one. A folder reached through a link is walked after the
real folders, so that the files in it keep their own paths. Nothing here opens a file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vbhc.readers import OFFICE_EXTENSIONS, OFFICE_NAMES

SUPPORTED = OFFICE_EXTENSIONS  # what offices send (.doc, .odt, .rtf through LibreOffice)

# What an entry that is not audited is, in the words the skipped list shows.
OUTSIDE = "liên kết trỏ ra ngoài thư mục được kiểm tra (không đi theo)"
BROKEN_LINK = "liên kết hỏng (tệp đích không tồn tại)"
HIDDEN = "tệp hoặc thư mục ẩn"
WALKED = "thư mục đã được duyệt (liên kết vòng hoặc trùng)"
NOT_REGULAR = "không phải tệp thông thường"
WORD_LOCK = "tệp khóa tạm của Word (không phải văn bản)"
REFERENCE = "kế hoạch cấp trên dùng để đối chiếu"
AGENCY_LIST = "danh sách cơ quan phải nộp kế hoạch (--expected)"


def other_extension(ext: str) -> str:
    return f"phần mở rộng '{ext or '(không có)'}' không thuộc loại được kiểm tra ({OFFICE_NAMES})"


@dataclass(frozen=True)
class Task:
    """One file to check. `rel` is its path under the audited folder with "/" separators (the
    row's "path"); it is a str as the OS gave it, so a name that is not UTF-8 keeps its bytes as
    surrogate escapes (os.fsencode gives them back)."""

    rel: str
    path: str  # the path to open
    size: int
    mtime_ns: int

    @property
    def key(self) -> list[Any]:
        """What the journal matches on: a file changed since is checked again."""
        return [self.rel, self.size, self.mtime_ns]


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


@dataclass
class _Found:
    via_link: bool
    rel: str
    real: str
    st: os.stat_result


@dataclass
class _Walk:
    root: str
    excluded: set[str]
    referenced: dict[str, str]  # real path → why it is not a submission (the parent plan, the agencies list)
    found: list[_Found] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)
    deferred: list[tuple[str, str]] = field(default_factory=list)  # linked folders: (path, rel)

    def skip(self, rel: str, reason: str) -> None:
        self.skipped.append({"path": rel, "reason": reason})

    def folder(self, folder: str, prefix: str, via_link: bool) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.skip(prefix.rstrip("/") or ".", f"không mở được thư mục ({exc.strerror or exc})")
            return
        for entry in entries:
            self.entry(entry, prefix + entry.name, via_link)

    def entry(self, entry: os.DirEntry[str], rel: str, via_link: bool) -> None:
        try:
            is_link = entry.is_symlink()
            real = os.path.realpath(entry.path)
            if real in self.excluded:
                return
            reason = self._link_problem(real) if is_link else None
            if reason:
                self.skip(rel, reason)
                return
            st = os.stat(entry.path)
        except OSError as exc:
            self.skip(rel, f"không đọc được thông tin tệp ({exc.strerror or exc})")
            return
        if entry.name.startswith("."):
            self.skip(rel + ("/" if stat.S_ISDIR(st.st_mode) else ""), HIDDEN)
        elif stat.S_ISDIR(st.st_mode):
            self.subfolder(entry.path, rel, real, is_link, via_link)
        elif not stat.S_ISREG(st.st_mode):
            self.skip(rel, NOT_REGULAR)
        else:
            self.file(entry.name, rel, real, st, via_link or is_link)

    def _link_problem(self, real: str) -> str | None:
        if not _within(real, self.root):
            return OUTSIDE
        return None if os.path.exists(real) else BROKEN_LINK

    def subfolder(self, path: str, rel: str, real: str, is_link: bool, via_link: bool) -> None:
        if is_link and not via_link:
            if (path, rel) not in self.deferred:
                self.deferred.append((path, rel))
            return
        if real in self.visited:
            self.skip(rel + "/", WALKED)
            return
        self.visited.add(real)
        self.folder(path, rel + "/", via_link or is_link)

    def file(self, name: str, rel: str, real: str, st: os.stat_result, via_link: bool) -> None:
        ext = os.path.splitext(name)[1].lower()
        if name.startswith("~$"):
            self.skip(rel, WORD_LOCK)
        elif real in self.referenced:
            self.skip(rel, self.referenced[real])
        elif ext in SUPPORTED:
            self.found.append(_Found(via_link, rel, real, st))
        else:
            self.skip(rel, other_extension(ext))

    def linked_folders(self) -> None:
        """The folders reached through links, once the real ones are walked (a linked folder
        may itself hold links to more folders: they join the queue)."""
        done = 0
        while done < len(self.deferred):
            path, rel = self.deferred[done]
            done += 1
            real = os.path.realpath(path)
            if real in self.visited:
                self.skip(rel + "/", WALKED)
                continue
            self.visited.add(real)
            self.folder(path, rel + "/", True)


def discover(directory: str | os.PathLike[str], exclude: Iterable[str | os.PathLike[str]] = (),
             reference: Iterable[str | os.PathLike[str]] = (),
             lists: Iterable[str | os.PathLike[str]] = ()) -> tuple[list[Task], list[dict[str, str]]]:
    """Every file of `SUPPORTED` under `directory`, and the other entries with why they are skipped.

    `exclude` (the audit's own outputs and journal) is left out silently; `reference` (the
    parent plan) and `lists` (the agencies list) are listed as skipped.
    """
    root = os.path.realpath(directory)
    referenced = {os.path.realpath(p): REFERENCE for p in reference}
    referenced.update({os.path.realpath(p): AGENCY_LIST for p in lists})
    walk = _Walk(root=root, excluded={os.path.realpath(p) for p in exclude}, referenced=referenced, visited={root})
    walk.folder(root if os.path.isdir(root) else str(directory), "", False)
    walk.linked_folders()
    tasks: list[Task] = []
    seen: dict[str, str] = {}
    for f in sorted(walk.found, key=lambda f: (f.via_link, f.rel)):
        if f.real in seen:
            walk.skip(f.rel, f"trùng với tệp {seen[f.real]} (qua liên kết)")
            continue
        seen[f.real] = f.rel
        tasks.append(Task(rel=f.rel, path=os.path.join(str(directory), *f.rel.split("/")),
                          size=f.st.st_size, mtime_ns=f.st.st_mtime_ns))
    tasks.sort(key=lambda t: t.rel)
    walk.skipped.sort(key=lambda s: s["path"])
    return tasks, walk.skipped
