"""The OOXML package: a zip of XML parts, opened as a hostile file until proven otherwise.

The directory is checked before anything is inflated (entry count, sizes, inflate ratio, macro
parts), each part is inflated to no more than the size the directory declares and a size limit (the
directory can lie) and its CRC checked, and every XML part is parsed without entities, DTDs or network.
Whatever goes wrong ends in an `InputError` with a Vietnamese reason naming the file, never in a traceback.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from vbhc import limits
from vbhc.errors import InputError
from vbhc.readers import guard
from vbhc.readers.docx.names import PKG_REL_NS

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)

BAD_ZIP = "tệp .docx bị hỏng hoặc không đầy đủ (không đọc được nén ZIP)"
BAD_XML = "tệp .docx bị hỏng: XML không hợp lệ"
HOSTILE = "nghi tệp độc hại, bị từ chối"
MACROS = ("tệp Word có macro (VBA) bị từ chối vì lý do an toàn (macro không bao giờ được chạy); "
          "hãy lưu lại thành .docx không có macro")
_MACRO_MARKERS = (b"macroEnabled", b"vbaProject", b"vbaData")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A zip member's local header (signature … file name length, extra field length), as zipfile reads it
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_MAGIC = b"PK\x03\x04"
_PLAIN_KINDS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_ENCRYPTED = 0x1
_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _cannot_open(name: str, exc: OSError) -> InputError:
    return InputError(name, f"không mở được tệp ({exc.strerror or exc})")


class Package:
    """The OPC parts we need, found through relationships, each parsed at most once."""

    def __init__(self, path: Path):
        self.path = path
        self.name = str(path)
        try:
            reason = guard.zip_preflight_reason(path)
        except OSError as exc:
            raise _cannot_open(self.name, exc) from None
        if reason:
            raise InputError(self.name, reason)
        try:
            self.zip = zipfile.ZipFile(path)
        except (IsADirectoryError, PermissionError, FileNotFoundError) as exc:
            raise _cannot_open(self.name, exc) from None
        except Exception:  # zipfile raises many kinds on a damaged archive; all mean the same here
            raise InputError(self.name, BAD_ZIP) from None
        try:
            self._check_directory()
        except InputError:
            self.zip.close()
            raise
        try:
            self._fh = path.open("rb")
        except OSError as exc:
            self.zip.close()
            raise _cannot_open(self.name, exc) from None
        self.names = {n.lower(): n for n in self.zip.namelist()}
        self._parsed: dict[str, etree._Element | None] = {}
        self._unparsed: dict[str, bytes | None] = {}  # parts `xml_if` looked at and left: a second look reads none
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}

    def _check_directory(self) -> None:
        """Refuse zip bombs and macro packages from the directory alone, before inflating anything."""
        infos = self.zip.infolist()
        if len(infos) > limits.MAX_ZIP_ENTRIES:
            raise InputError(self.name, f"tệp .docx chứa {len(infos)} phần, vượt giới hạn "
                                        f"{limits.MAX_ZIP_ENTRIES} ({HOSTILE})")
        for info in infos:
            self._check_entry(info)
        total = sum(info.file_size for info in infos)
        if total > limits.MAX_TOTAL_UNCOMPRESSED_BYTES:
            raise InputError(self.name, f"tệp .docx giải nén ra {total // limits.MB} MB, vượt giới hạn "
                                        f"{limits.MAX_TOTAL_UNCOMPRESSED_BYTES // limits.MB} MB ({HOSTILE})")

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        if info.compress_size > limits.MAX_PART_COMPRESSED_BYTES:
            raise InputError(self.name, f"tệp .docx có phần {info.filename} quá lớn "
                                        f"({info.compress_size // limits.MB} MB khi nén; {HOSTILE})")
        if (info.file_size > limits.INFLATE_RATIO_MIN_BYTES
                and info.file_size > limits.MAX_INFLATE_RATIO * max(info.compress_size, 1)):
            raise InputError(self.name, f"tệp .docx có phần {info.filename} nén với tỷ lệ bất thường "
                                        f"({info.file_size // max(info.compress_size, 1)}:1, bom nén; {HOSTILE})")
        if info.filename.lower().endswith("vbaproject.bin"):
            raise InputError(self.name, MACROS)

    def close(self) -> None:
        self.zip.close()
        self._fh.close()

    def has(self, part: str) -> bool:
        return part.lstrip("/").lower() in self.names

    def read(self, part: str) -> bytes | None:
        """Bytes of a part, None when absent; a damaged member is a damaged file.

        The size in the directory is checked first, then the part is inflated in chunks and
        abandoned as soon as it passes the limit (the directory can lie).
        """
        real = self.names.get(part.lstrip("/").lower())
        if real is None:
            return None
        info = self.zip.getinfo(real)
        too_big = InputError(self.name, f"tệp .docx có phần {real} quá lớn khi giải nén "
                                        f"(trên {limits.MAX_PART_BYTES // limits.MB} MB; {HOSTILE})")
        if info.file_size > limits.MAX_PART_BYTES:
            raise too_big
        if info.compress_type in _PLAIN_KINDS and not info.flag_bits & _ENCRYPTED:
            return self._inflate(info, too_big)
        chunks: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as fh:
                while chunk := fh.read(limits.INFLATE_CHUNK_BYTES):
                    total += len(chunk)
                    if total > limits.MAX_PART_BYTES:
                        raise too_big
                    chunks.append(chunk)
        except InputError:
            raise
        except RuntimeError:  # encrypted zip member
            raise InputError(self.name, "tệp .docx bị mã hóa, không đọc được") from None
        except Exception:  # bad CRC, bad deflate stream, truncated member, unknown compression
            raise InputError(self.name, BAD_ZIP) from None
        return b"".join(chunks)

    def _inflate(self, info: zipfile.ZipInfo, too_big: InputError) -> bytes:
        """A stored or deflated member read straight from the file (zipfile's reader costs 15 µs a part more, a
        tenth of a small file's read): its local header, its compressed bytes, inflated to at most the size the
        directory declares and the limit, then its CRC. Whatever does not add up is a damaged file."""
        damaged = InputError(self.name, BAD_ZIP)
        try:
            self._fh.seek(info.header_offset)
            head = self._fh.read(_LOCAL_HEADER.size)
            if len(head) != _LOCAL_HEADER.size or head[:4] != _LOCAL_MAGIC:
                raise damaged
            name_len, extra_len = _LOCAL_HEADER.unpack(head)[-2:]
            self._fh.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)
            raw = self._fh.read(info.compress_size)
        except OSError:
            raise damaged from None
        if len(raw) != info.compress_size:
            raise damaged
        if info.compress_type == zipfile.ZIP_STORED:
            data = raw
        else:
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                data = inflater.decompress(raw, min(info.file_size, limits.MAX_PART_BYTES) + 1)
            except zlib.error:
                raise damaged from None
            if len(data) > limits.MAX_PART_BYTES:
                raise too_big
            if len(data) > info.file_size or not inflater.eof:
                raise damaged  # more than the directory says (it lies), or a cut stream
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise damaged
        return data

    def xml(self, part: str) -> etree._Element | None:
        """A part parsed safely (no entities, no network); malformed XML is a damaged file."""
        key = part.lstrip("/").lower()
        if key not in self._parsed:
            data = self.read(part)
            self._parsed[key] = None if data is None else self.parse(data, part.lstrip("/"))
        return self._parsed[key]

    def xml_mentioning(self, part: str, *words: str) -> etree._Element | None:
        """The part parsed, but only when its bytes mention one of `words` (any case, UTF-8 or UTF-16):
        a header with neither the word PAGE nor a watermark's "textpath" is never parsed."""
        needles = [word.lower().encode(enc) for word in words for enc in ("ascii", "utf-16-le", "utf-16-be")]
        return self.xml_if(part, lambda data: any(needle in data.lower() for needle in needles))

    def xml_if(self, part: str, wanted: Callable[[bytes], bool]) -> etree._Element | None:
        """The part parsed, but only when its bytes pass `wanted` (a look at the bytes costs far less than a
        parse); a part parsed before is returned as it is."""
        key = part.lstrip("/").lower()
        if key in self._parsed:
            return self._parsed[key]
        data = self._unparsed[key] if key in self._unparsed else self.read(part)
        if data is None or not wanted(data):
            self._unparsed[key] = data
            return None
        self._unparsed.pop(key, None)
        self._parsed[key] = self.parse(data, part.lstrip("/"))
        return self._parsed[key]

    def parse(self, data: bytes, where: str) -> etree._Element:
        """Bytes of one part parsed safely; `where` names the part in the error."""
        entities = InputError(self.name, f"tệp .docx có khai báo thực thể XML (DOCTYPE/ENTITY) trong phần "
                                         f"{where}; Word không bao giờ ghi như vậy ({HOSTILE})")
        if _declares_entities(data):
            raise entities
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            msg = exc.msg or ""
            if "depth" in msg.lower():
                raise InputError(self.name, f"tệp .docx có XML lồng quá sâu trong phần {where} (quá "
                                            f"{limits.MAX_XML_DEPTH} cấp; {HOSTILE})") from None
            if "amplification" in msg.lower():  # an entity bomb libxml2 stopped itself
                raise InputError(self.name, f"tệp .docx có thực thể XML bất thường trong phần {where} "
                                            f"({HOSTILE})") from None
            raise InputError(self.name, f"{BAD_XML} (phần {where}: {msg})") from None
        dtd = root.getroottree().docinfo.internalDTD  # lxml-stubs do not know DTD.iterentities
        if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[union-attr]
            raise entities
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type, target part name) for one part; external targets dropped.
        Read once per part (the caller must not change the dict)."""
        got = self._rels.get(part)
        if got is None:
            got = self._rels[part] = self._read_rels(part)
        return got

    def _read_rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, base = posixpath.split(part.lstrip("/"))
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", name)
        return out


def _declares_entities(data: bytes) -> bool:
    """A DOCTYPE with entity declarations, in UTF-8 or UTF-16 (checked before parsing). UTF-16
    is looked for only when the first bytes say so (a BOM or a NUL), as the XML parser decides."""
    head = data[:4]
    encodings = ("ascii", "utf-16-le", "utf-16-be") if b"\0" in head or head[:2] in _BOMS else ("ascii",)
    for enc in encodings:
        if "<!DOCTYPE".encode(enc) in data and "<!ENTITY".encode(enc) in data:
            return True
    return False


def check_macros(pkg: Package) -> None:
    """A .docm renamed .docx: its content types declare macros; refuse it, never run anything."""
    data = pkg.read("[Content_Types].xml") or b""
    if any(marker.lower() in data.lower() for marker in _MACRO_MARKERS):
        raise InputError(pkg.name, MACROS)


def check_not_ole2(path: Path) -> None:
    """An encrypted .docx is an OLE2 container holding `EncryptedPackage`: say so plainly."""
    if check_not_encrypted(path):
        raise InputError(str(path), "nội dung không phải .docx (tệp Word 97–2003 .doc)")


def check_not_encrypted(path: Path) -> bool:
    """Refuse a password-protected .docx (an OLE2 container holding `EncryptedPackage`); True when the file is
    another OLE2 file (a Word 97–2003 .doc, say), False when it is no OLE2 file at all."""
    try:
        with path.open("rb") as fh:
            if fh.read(8) != _OLE2_MAGIC:
                return False
            data = fh.read(limits.MAX_DOC_BYTES)
    except OSError as exc:
        raise _cannot_open(str(path), exc) from None
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise InputError(str(path), "tệp .docx được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi lưu lại")
    return True
