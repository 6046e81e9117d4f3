"""The agencies that must submit a plan (`vbhc audit --expected`), and which one sent each file.

The list is what the Sở Nội vụ keeps: a .txt with one agency per line, or a .yaml / .csv with a
name and, optionally, the short name its symbols use ("STP" in "45/KH-STP") and its level (sở,
xã). A submission is matched to an agency by its issuer, normalised so that "UBND xã Hưng
Nguyên", "Ủy ban nhân dân xã Hưng Nguyên" and "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN" are one name;
then, when the issuer names no agency of the list, by the short name in its symbol; a file that
could not be read at all (no issuer) by its file name ("so-xay-dung.docx"). A match must be
unique: two agencies that fit equally are no match.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath
from typing import Any

import regex as re

from vbhc import limits, rx
from vbhc.audit.errors import AuditError
from vbhc.errors import InputError
from vbhc.textnorm import fold

# Abbreviations of agency names in lists and headers (folded), expanded before matching. The
# decree has no list of them; these are the ones every provincial list uses.
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "ubmttq": "uy ban mat tran to quoc",
    "mttq": "mat tran to quoc",
    "tp": "thanh pho",
    "gd&dt": "giao duc va dao tao",
    "gddt": "giao duc va dao tao",
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "nn&mt": "nong nghiep va moi truong",
    "nn&ptnt": "nong nghiep va phat trien nong thon",
    "tn&mt": "tai nguyen va moi truong",
    "vhtt&dl": "van hoa, the thao va du lich",
    "ldtb&xh": "lao dong - thuong binh va xa hoi",
    "gtvt": "giao thong van tai",
    "tt&tt": "thong tin va truyen thong",
    "vp": "van phong",
    "bql": "ban quan ly",
}
# The collective that issues for a commune or a province: "UBND xã X" is the commune X's agency.
COLLECTIVE = "uy ban nhan dan "
# What kind of local unit a name is; "Hưng Nguyên" alone matches "xã Hưng Nguyên" when unique.
UNIT_WORDS = ("xa ", "phuong ", "dac khu ", "thi tran ")
# A level as the list may write it (folded) → the level ids of vbhc.profile.kinds.level_of.
LEVEL_WORDS = {"so": "so", "so, ban, nganh": "so", "ban nganh": "so", "nganh": "so", "co quan": "so",
               "xa": "xa", "phuong": "xa", "xa, phuong": "xa", "dac khu": "xa", "cap xa": "xa",
               "tinh": "tinh", "cap tinh": "tinh"}
LEVEL_NAMES = {"so": "sở, ban, ngành", "xa": "xã, phường, đặc khu", "tinh": "cấp tỉnh"}
# Column or key names for each field (folded), in English and Vietnamese.
FIELD_NAMES = {
    "name": ("name", "ten", "ten co quan", "ten don vi", "co quan", "don vi", "co quan, don vi"),
    "short": ("short", "short name", "abbr", "viet tat", "ten viet tat", "ky hieu", "chu viet tat"),
    "level": ("level", "cap", "loai"),
}
SUFFIXES = (".txt", ".yaml", ".yml", ".csv")
_ABBREVIATION = rx.compile(r"(?<![\p{L}\p{N}&])(" + "|".join(
    re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\.?(?![\p{L}\p{N}&])")
_PUNCTUATION = rx.compile(r"[^\p{L}\p{N}]+")
_AMPERSAND = rx.compile(r"\s*&\s*")
_STOP_INITIALS = {"va"}


def key(name: str | None) -> str:
    """A name for matching: folded, abbreviations expanded, punctuation gone, the collective
    ("Ủy ban nhân dân") before a local unit left out."""
    if not name:
        return ""
    text = _AMPERSAND.sub("&", fold(name))
    text = _ABBREVIATION.sub(lambda m: " " + ABBREVIATIONS[m.group(1)] + " ", text)
    text = _PUNCTUATION.sub(" ", text.replace("&", " va ")).strip()
    if text.startswith(COLLECTIVE) and len(text) > len(COLLECTIVE):
        text = text[len(COLLECTIVE):]
    return text


def bare(k: str) -> str:
    """The key without its kind of local unit: "xa hung nguyen" → "hung nguyen"."""
    for word in UNIT_WORDS:
        if k.startswith(word):
            return k[len(word):]
    return k


def initials(name: str) -> str:
    """"Sở Giáo dục và Đào tạo" → "sgddt": the short name symbols use when the list gives none."""
    words = [w for w in key(name).split() if w not in _STOP_INITIALS]
    return "".join(w[0] for w in words)


_TYPE_DASH = rx.compile(r"[-–]")
_UNIT_END = rx.compile(r"[-–/]")


def symbol_unit(symbol: str | None) -> str:
    """"KH-SGDĐT" → "sgddt", "45/KH-STP" → "stp", "KH-SNV-CCHC" → "snv": the part of a symbol after
    the type that names the issuing agency (folded)."""
    if not symbol:
        return ""
    parts = _TYPE_DASH.split(fold(symbol), maxsplit=1)
    if len(parts) < 2:
        return ""
    return _PUNCTUATION.sub("", _UNIT_END.split(parts[1])[0])


@dataclass(frozen=True)
class Agency:
    name: str  # as the list writes it
    short: str | None = None  # the short name its symbols use ("STP")
    level: str | None = None  # "so", "xa", "tinh"
    line: int | None = None  # where the list names it

    @property
    def key(self) -> str:
        return key(self.name)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "line"}


@dataclass(frozen=True)
class Match:
    agency: Agency
    by: str  # "issuer", "symbol" or "file_name"


class Agencies:
    """The list, with the indexes a match needs."""

    def __init__(self, agencies: Iterable[Agency], source: str = ""):
        self.items = list(agencies)
        self.source = source
        self._by_key: dict[str, list[Agency]] = {}
        self._by_bare: dict[str, list[Agency]] = {}
        self._by_short: dict[str, list[Agency]] = {}
        for a in self.items:
            self._by_key.setdefault(a.key, []).append(a)
            self._by_bare.setdefault(bare(a.key), []).append(a)
            short = _PUNCTUATION.sub("", fold(a.short)) if a.short else initials(a.name)
            self._by_short.setdefault(short, []).append(a)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Agency]:
        return iter(self.items)

    def by_issuer(self, issuer: str | None) -> Agency | None:
        k = key(issuer)
        if not k:
            return None
        return _one(self._by_key.get(k)) or _one(self._by_bare.get(bare(k)))

    def by_symbol(self, symbol: str | None) -> Agency | None:
        unit = symbol_unit(symbol)
        return _one(self._by_short.get(unit)) if unit else None

    def by_file_name(self, path: str) -> Agency | None:
        """The one agency whose name the file's name spells ("xa-hung-nguyen-ban-hanh-muon.pdf")."""
        words = f" {key(PurePosixPath(path).stem.replace('_', ' ').replace('-', ' '))} "
        found = {a for a in self.items if f" {a.key} " in words}
        if len(found) > 1:  # "so-xay-dung" holds "xay dung" and "so xay dung": the longest is meant
            longest = max(len(a.key) for a in found)
            found = {a for a in found if len(a.key) == longest}
        return next(iter(found)) if len(found) == 1 else None

    def match(self, issuer: str | None, symbol: str | None, path: str) -> Match | None:
        """Which agency sent a file: by its issuer, else its symbol's short name, else (a file with
        no issuer) its file name."""
        found = self.by_issuer(issuer)
        if found is not None:
            return Match(found, "issuer")
        found = self.by_symbol(symbol)
        if found is not None:
            return Match(found, "symbol")
        if not issuer:
            found = self.by_file_name(path)
            if found is not None:
                return Match(found, "file_name")
        return None


def _one(found: list[Agency] | None) -> Agency | None:
    return found[0] if found and len(found) == 1 else None


# --- reading the list ------------------------------------------------------------------------


def _level(value: Any, name: str, where: str) -> str | None:
    if value in (None, ""):
        from vbhc.profile.kinds import level_of

        return level_of(name)
    level = LEVEL_WORDS.get(fold(str(value)).strip())
    if level is None:
        raise AuditError(f"{where}: cấp \"{value}\" không rõ (viết: sở, xã, phường hoặc tỉnh)")
    return level


def _agency(name: Any, short: Any, level: Any, source: str, line: int) -> Agency:
    where = f"{source}, dòng {line}"
    text = " ".join(str(name or "").split())
    if not text:
        raise AuditError(f"{where}: thiếu tên cơ quan")
    if not key(text):
        raise AuditError(f"{where}: \"{text}\" không phải tên một cơ quan")
    short_text = " ".join(str(short).split()) if short not in (None, "") else None
    return Agency(name=text, short=short_text, level=_level(level, text, where), line=line)


def _from_text(text: str, source: str) -> list[Agency]:
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        name = line.strip()
        if name and not name.startswith("#"):
            out.append(_agency(name, None, None, source, number))
    return out


def _field(row: dict[str, Any], field: str) -> Any:
    for k, v in row.items():
        if fold(str(k)).strip() in FIELD_NAMES[field]:
            return v
    return None


def _from_yaml(text: str, source: str) -> list[Agency]:
    from vbhc import yamlsafe

    data = yamlsafe.loads(text, source, "danh sách cơ quan")
    if isinstance(data, dict):
        data = next((v for k, v in data.items() if fold(str(k)) in ("agencies", "co quan", "danh sach")), None)
    if not isinstance(data, list):
        raise AuditError(f"{source}: danh sách cơ quan phải là một danh sách (mỗi mục: một tên, hoặc name, "
                         "short, level)")
    lines = _item_lines(text)
    out = []
    for i, item in enumerate(data):
        line = lines[i] if i < len(lines) else i + 1
        if isinstance(item, dict):
            out.append(_agency(_field(item, "name"), _field(item, "short"), _field(item, "level"), source, line))
        elif isinstance(item, str | int):
            out.append(_agency(item, None, None, source, line))
        else:
            raise AuditError(f"{source}, dòng {line}: mỗi mục là một tên, hoặc các trường name, short, level")
    return out


def _item_lines(text: str) -> list[int]:
    """The line of each top-level item of a YAML list ("- " at the list's indent)."""
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1) if ln.lstrip().startswith("- ")]
    if not lines:
        return []
    indent = min(len(ln) - len(ln.lstrip()) for _, ln in lines)
    return [n for n, ln in lines if len(ln) - len(ln.lstrip()) == indent]


def _from_csv(text: str, source: str) -> list[Agency]:
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [fold(c).strip() for c in rows[0]] if rows else []
    columns = {f: next((i for i, h in enumerate(header) if h in names), None) for f, names in FIELD_NAMES.items()}
    start = 1 if columns["name"] is not None else 0
    if start == 0:
        columns = {"name": 0, "short": 1, "level": 2}
    out = []
    for number, row in enumerate(rows[start:], start=start + 1):
        if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        cell = {f: (row[i] if i is not None and i < len(row) else None) for f, i in columns.items()}
        out.append(_agency(cell["name"], cell["short"], cell["level"], source, number))
    return out


READERS = {".txt": _from_text, ".yaml": _from_yaml, ".yml": _from_yaml, ".csv": _from_csv}


def read_agencies(path: str | os.PathLike[str]) -> Agencies:
    """The list in a .txt, .yaml or .csv file; AuditError (one Vietnamese line) when it cannot be used."""
    from vbhc.fileio import read_bounded

    source = os.fspath(path)
    suffix = os.path.splitext(source)[1].lower()
    if suffix not in READERS:
        raise AuditError(f"{source}: danh sách cơ quan phải là tệp .txt (mỗi dòng một cơ quan), .yaml hoặc .csv")
    try:
        data = read_bounded(path, limits.MAX_YAML_BYTES, "danh sách cơ quan")
    except InputError as exc:
        raise AuditError(exc.message) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AuditError(f"{source}: danh sách cơ quan không phải văn bản UTF-8 (lưu lại với bảng mã UTF-8)") from None
    try:
        items = READERS[suffix](text, source)
    except InputError as exc:
        raise AuditError(exc.message) from None
    if not items:
        raise AuditError(f"{source}: danh sách cơ quan không có cơ quan nào")
    _no_twice(items, source)
    return Agencies(items, source)


def _no_twice(items: list[Agency], source: str) -> None:
    seen: dict[str, Agency] = {}
    for a in items:
        if a.key in seen:
            raise AuditError(f"{source}, dòng {a.line}: \"{a.name}\" trùng với \"{seen[a.key].name}\" ở dòng "
                             f"{seen[a.key].line}")
        seen[a.key] = a
