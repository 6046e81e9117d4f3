"""Word .docx: the visible text of every paragraph and table cell, with the style Word shows.

Real decree files put almost nothing on the run: the font comes from the paragraph style, its
`basedOn` chain or `w:docDefaults`. So styles are resolved here, once per style id, and the
body is walked with plain lxml (several times faster than python-docx's object wrappers, and
it lets us see `w:numPr`, `w:br`, merged cells and borders, which python-docx hides).

The package is opened with `zipfile` and every part is parsed with a safe lxml parser, so a
damaged file ends in an `InputError` with a Vietnamese reason, never in a traceback.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from vbhc import limits
from vbhc.errors import InputError
from vbhc.model import Block, Location, PageSetup, Source, Style, TablePos
from vbhc.readers import guard, legacy

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
W = f"{{{W_NS}}}"


def _w(tag: str) -> str:
    return W + tag


# Tags compared in the hot loops, built once.
P, TBL, TR, TC, R = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r")
PPR, RPR, TPR, TCPR, TRPR = _w("pPr"), _w("rPr"), _w("tblPr"), _w("tcPr"), _w("trPr")
T, TAB, BR, CR, PTAB = _w("t"), _w("tab"), _w("br"), _w("cr"), _w("ptab")
NBH, SOFTH, SYM, LRPB = _w("noBreakHyphen"), _w("softHyphen"), _w("sym"), _w("lastRenderedPageBreak")
SDT, SDTCONTENT, CUSTOMXML, SMARTTAG = _w("sdt"), _w("sdtContent"), _w("customXml"), _w("smartTag")
HYPERLINK, INS, MOVETO, FLDSIMPLE, DIR, BDO = (
    _w("hyperlink"), _w("ins"), _w("moveTo"), _w("fldSimple"), _w("dir"), _w("bdo"))
SECTPR, PSTYLE, RSTYLE, TBLSTYLE = _w("sectPr"), _w("pStyle"), _w("rStyle"), _w("tblStyle")
VAL = _w("val")

# Containers whose children are paragraph content (runs or more containers).
_RUN_CONTAINERS = {HYPERLINK, INS, MOVETO, SMARTTAG, CUSTOMXML, FLDSIMPLE, DIR, BDO, SDTCONTENT}
# Containers whose children are block content (paragraphs, tables, rows or cells).
_BLOCK_CONTAINERS = {SDT, SDTCONTENT, CUSTOMXML, INS, MOVETO}

TOGGLES = ("b", "i", "caps", "vanish")
WORD_DEFAULT_HALF_POINTS = 20  # Word's built-in size when no w:sz is set anywhere: 10 pt

_JC = {
    "both": "justify", "distribute": "justify", "thaiDistribute": "justify", "lowKashida": "justify",
    "mediumKashida": "justify", "highKashida": "justify", "center": "center",
    "right": "right", "end": "right", "left": "left", "start": "left",
}
_FALSE = {"0", "false", "off", "none"}
_DASHES = {"-", "–", "—", "‐", "‑", "−", "\uf02d", "\uf0ad", "\uf0a8"}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)

BAD_ZIP = "tệp .docx bị hỏng hoặc không đầy đủ (không đọc được nén ZIP)"
NO_DOCUMENT = "tệp .docx không có phần nội dung word/document.xml"
BAD_XML = "tệp .docx bị hỏng: XML không hợp lệ"
HOSTILE = "nghi tệp độc hại, bị từ chối"
MACROS = ("tệp Word có macro (VBA) bị từ chối vì lý do an toàn (macro không bao giờ được chạy); "
          "hãy lưu lại thành .docx không có macro")
_MACRO_MARKERS = (b"macroEnabled", b"vbaProject", b"vbaData")


# ---------------------------------------------------------------------------------------------
# Package


class _Package:
    """The OPC parts we need, found through relationships, each parsed at most once."""

    def __init__(self, path: Path):
        self.path = path
        self.name = str(path)
        try:
            reason = guard.zip_preflight_reason(path)
        except OSError as exc:
            raise InputError(self.name, f"không mở được tệp ({exc.strerror or exc})") from None
        if reason:
            raise InputError(self.name, reason)
        try:
            self.zip = zipfile.ZipFile(path)
        except (IsADirectoryError, PermissionError, FileNotFoundError) as exc:
            raise InputError(self.name, f"không mở được tệp ({exc.strerror or exc})") from None
        except Exception:  # zipfile raises many kinds on a damaged archive; all mean the same here
            raise InputError(self.name, BAD_ZIP) from None
        try:
            self._check_directory()
        except InputError:
            self.zip.close()
            raise
        self.names = {n.lower(): n for n in self.zip.namelist()}
        self._parsed: dict[str, etree._Element | None] = {}

    def _check_directory(self) -> None:
        """Refuse zip bombs and macro packages from the directory alone, before inflating anything."""
        infos = self.zip.infolist()
        if len(infos) > limits.MAX_ZIP_ENTRIES:
            raise InputError(self.name, f"tệp .docx chứa {len(infos)} phần, vượt giới hạn "
                                        f"{limits.MAX_ZIP_ENTRIES} ({HOSTILE})")
        total = 0
        for info in infos:
            total += info.file_size
            if info.compress_size > limits.MAX_PART_COMPRESSED_BYTES:
                raise InputError(self.name, f"tệp .docx có phần {info.filename} quá lớn "
                                            f"({info.compress_size // limits.MB} MB khi nén; {HOSTILE})")
            if (info.file_size > limits.INFLATE_RATIO_MIN_BYTES
                    and info.file_size > limits.MAX_INFLATE_RATIO * max(info.compress_size, 1)):
                raise InputError(self.name, f"tệp .docx có phần {info.filename} nén với tỷ lệ bất thường "
                                            f"({info.file_size // max(info.compress_size, 1)}:1, bom nén; {HOSTILE})")
            if info.filename.lower().endswith("vbaproject.bin"):
                raise InputError(self.name, MACROS)
        if total > limits.MAX_TOTAL_UNCOMPRESSED_BYTES:
            raise InputError(self.name, f"tệp .docx giải nén ra {total // limits.MB} MB, vượt giới hạn "
                                        f"{limits.MAX_TOTAL_UNCOMPRESSED_BYTES // limits.MB} MB ({HOSTILE})")

    def close(self) -> None:
        self.zip.close()

    def read(self, part: str) -> bytes | None:
        """Bytes of a part, None when absent; a damaged member is a damaged file.

        The size in the directory is checked first, then the part is inflated in chunks and
        abandoned as soon as it passes the limit (the directory can lie).
        """
        real = self.names.get(part.lstrip("/").lower())
        if real is None:
            return None
        info = self.zip.getinfo(real)
        too_big = (f"tệp .docx có phần {real} quá lớn khi giải nén "
                   f"(trên {limits.MAX_PART_BYTES // limits.MB} MB; {HOSTILE})")
        if info.file_size > limits.MAX_PART_BYTES:
            raise InputError(self.name, too_big)
        chunks: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as fh:
                while True:
                    chunk = fh.read(limits.INFLATE_CHUNK_BYTES)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limits.MAX_PART_BYTES:
                        raise InputError(self.name, too_big)
                    chunks.append(chunk)
        except InputError:
            raise
        except RuntimeError:  # encrypted zip member
            raise InputError(self.name, "tệp .docx bị mã hóa, không đọc được") from None
        except Exception:  # bad CRC, bad deflate stream, truncated member, unknown compression
            raise InputError(self.name, BAD_ZIP) from None
        return b"".join(chunks)

    def xml(self, part: str) -> etree._Element | None:
        """A part parsed safely (no entities, no network); malformed XML is a damaged file."""
        key = part.lstrip("/").lower()
        if key in self._parsed:
            return self._parsed[key]
        data = self.read(part)
        root = None
        if data is not None:
            where = part.lstrip("/")
            if _declares_entities(data):
                raise InputError(self.name, f"tệp .docx có khai báo thực thể XML (DOCTYPE/ENTITY) trong phần "
                                            f"{where}; Word không bao giờ ghi như vậy ({HOSTILE})")
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
            dtd = root.getroottree().docinfo.internalDTD
            if dtd is not None and any(True for _ in dtd.iterentities()):
                raise InputError(self.name, f"tệp .docx có khai báo thực thể XML (DOCTYPE/ENTITY) trong phần "
                                            f"{where}; Word không bao giờ ghi như vậy ({HOSTILE})")
        self._parsed[key] = root
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type, target part name) for one part; external targets dropped."""
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
    """A DOCTYPE with entity declarations, in UTF-8 or UTF-16 (checked before parsing)."""
    for enc in ("ascii", "utf-16-le", "utf-16-be"):
        if "<!DOCTYPE".encode(enc) in data and "<!ENTITY".encode(enc) in data:
            return True
    return False


def _check_macros(pkg: _Package) -> None:
    """A .docm renamed .docx: its content types declare macros; refuse it, never run anything."""
    data = pkg.read("[Content_Types].xml") or b""
    if any(marker.lower() in data.lower() for marker in _MACRO_MARKERS):
        raise InputError(pkg.name, MACROS)


def _check_not_ole2(path: Path) -> None:
    """An encrypted .docx is an OLE2 container holding `EncryptedPackage`: say so plainly."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
                return
            data = fh.read(limits.MAX_DOC_BYTES)
    except OSError as exc:
        raise InputError(str(path), f"không mở được tệp ({exc.strerror or exc})") from None
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise InputError(str(path), "tệp .docx được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi lưu lại")
    raise InputError(str(path), "nội dung không phải .docx (tệp Word 97–2003 .doc)")


# ---------------------------------------------------------------------------------------------
# Reading properties


def _int(value: str | None) -> int | None:
    """Integers as Word writes them; LibreOffice sometimes writes "240.0"; junk is None."""
    if value is None:
        return None
    try:
        n = int(value)
    except ValueError:
        try:
            n = int(float(value))
        except (ValueError, OverflowError):  # "abc", "nan", "1e400" (found by bench/fuzz_mutate.py)
            return None
    # OOXML numbers are 32-bit; a crafted "999999999999" must not become a 10^12-letter label
    return max(-(2**31), min(n, 2**31 - 1))


def _toggle(el: etree._Element) -> bool:
    v = el.get(VAL)
    return v is None or v.lower() not in _FALSE


class _Theme:
    """Theme fonts (`minorHAnsi` → "Calibri"), resolved only if a style asks for them."""

    def __init__(self, root: etree._Element | None):
        self.fonts: dict[str, str] = {}
        if root is None:
            return
        for kind in ("major", "minor"):
            el = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
            if el is not None and el.get("typeface"):
                self.fonts[kind] = el.get("typeface") or ""

    def font(self, theme_name: str | None) -> str | None:
        if not theme_name:
            return None
        return self.fonts.get("major" if theme_name.startswith("major") else "minor")


_RPR_NAMES = {_w(n): n for n in ("rFonts", "sz", "b", "i", "caps", "vanish", "u")}
_PPR_NAMES = {_w(n): n for n in ("jc", "ind", "spacing", "numPr")}
A_ASCII, A_HANSI, A_ASCII_TH, A_HANSI_TH = _w("ascii"), _w("hAnsi"), _w("asciiTheme"), _w("hAnsiTheme")
A_LEFT, A_START, A_HANGING, A_FIRST = _w("left"), _w("start"), _w("hanging"), _w("firstLine")
A_BEFORE, A_AFTER, A_LINE, A_RULE = _w("before"), _w("after"), _w("line"), _w("lineRule")
ILVL, NUMID = _w("ilvl"), _w("numId")


def _read_rpr(rpr: etree._Element | None, theme: _Theme) -> dict[str, Any]:
    """The run properties we report, as set at this one level (nothing inherited)."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    for el in rpr:
        name = _RPR_NAMES.get(el.tag)
        if name is None:
            continue
        if name == "rFonts":
            for key, plain, themed in (("ascii", A_ASCII, A_ASCII_TH), ("hAnsi", A_HANSI, A_HANSI_TH)):
                theme_name = el.get(themed)
                if theme_name is not None:  # a theme attribute wins over the plain one at this level
                    out[key] = theme.font(theme_name)
                else:
                    value = el.get(plain)
                    if value is not None:
                        out[key] = value
        elif name == "sz":
            sz = _int(el.get(VAL))
            if sz is not None:
                out["sz"] = sz
        elif name == "u":
            out["u"] = (el.get(VAL) or "single").lower() != "none"
        else:
            out[name] = _toggle(el)
    return out


def _read_ppr(ppr: etree._Element | None) -> dict[str, Any]:
    """The paragraph properties we report, as set at this one level."""
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    for el in ppr:
        name = _PPR_NAMES.get(el.tag)
        if name is None:
            continue
        if name == "jc":
            jc = _JC.get(el.get(VAL) or "")
            if jc:
                out["jc"] = jc
        elif name == "ind":
            left = _int(el.get(A_LEFT) if el.get(A_LEFT) is not None else el.get(A_START))
            if left is not None:
                out["left"] = left
            hanging, first = _int(el.get(A_HANGING)), _int(el.get(A_FIRST))
            if hanging is not None:
                out["first"] = -hanging
            elif first is not None:
                out["first"] = first
        elif name == "spacing":
            for key, attr in (("before", A_BEFORE), ("after", A_AFTER), ("line", A_LINE)):
                v = _int(el.get(attr))
                if v is not None:
                    out[key] = v
            rule = el.get(A_RULE)
            if rule is not None:
                out["lineRule"] = rule
            elif "line" in out:
                out["lineRule"] = "auto"
        else:  # numPr
            ilvl = el.find(ILVL)
            num = el.find(NUMID)
            if ilvl is not None and _int(ilvl.get(VAL)) is not None:
                out["ilvl"] = _int(ilvl.get(VAL))
            if num is not None and num.get(VAL) is not None:
                out["numId"] = num.get(VAL)
    return out


# ---------------------------------------------------------------------------------------------
# Styles


@dataclass
class _StyleDef:
    type: str
    based_on: str | None
    ppr: dict[str, Any]
    rpr: dict[str, Any]
    borders: dict[str, bool]  # table styles: edge → visible


def _borders(el: etree._Element | None) -> dict[str, bool]:
    """Edge name → visible, for w:tblBorders or w:tcBorders; start/end read as left/right."""
    out: dict[str, bool] = {}
    if el is None:
        return out
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = child.tag[len(W):]
        name = {"start": "left", "end": "right"}.get(name, name)
        if name not in ("top", "left", "bottom", "right", "insideH", "insideV"):
            continue
        val = (child.get(VAL) or "none").lower()
        size = _int(child.get(_w("sz")))
        color = (child.get(_w("color")) or "").lower()
        out[name] = val not in ("nil", "none") and (size is None or size > 0) and color not in (
            "ffffff", "white")
    return out


class _Styles:
    """styles.xml resolved with caches: one merge per style id or style combination."""

    def __init__(self, root: etree._Element | None, theme: _Theme):
        self.theme = theme
        self.defs: dict[str, _StyleDef] = {}
        self.default: dict[str, str] = {}
        self.doc_rpr: dict[str, Any] = {}
        self.doc_ppr: dict[str, Any] = {}
        self._chain_cache: dict[str | None, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._run_cache: dict[tuple[str | None, str | None, str | None], dict[str, Any]] = {}
        self._para_cache: dict[tuple[str | None, str | None], dict[str, Any]] = {}
        self._border_cache: dict[str | None, dict[str, bool]] = {}
        if root is None:
            return
        defaults = root.find(_w("docDefaults"))
        if defaults is not None:
            self.doc_rpr = _read_rpr(defaults.find(f"{_w('rPrDefault')}/{RPR}"), theme)
            self.doc_ppr = _read_ppr(defaults.find(f"{_w('pPrDefault')}/{PPR}"))
        for st in root.iter(_w("style")):
            sid = st.get(_w("styleId"))
            if sid is None:
                continue
            kind = st.get(_w("type")) or "paragraph"
            based = st.find(_w("basedOn"))
            tblpr = st.find(TPR)
            self.defs[sid] = _StyleDef(
                type=kind,
                based_on=based.get(VAL) if based is not None else None,
                ppr=_read_ppr(st.find(PPR)),
                rpr=_read_rpr(st.find(RPR), theme),
                borders=_borders(tblpr.find(_w("tblBorders")) if tblpr is not None else None),
            )
            if _toggle_attr(st.get(_w("default"))) and kind not in self.default:
                self.default[kind] = sid

    def chain(self, sid: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
        """(pPr, rPr) of one style merged down its basedOn chain; within a chain, later wins."""
        if sid in self._chain_cache:
            return self._chain_cache[sid]
        ids: list[str] = []
        cur = sid
        while cur is not None and cur in self.defs and cur not in ids and len(ids) < 50:
            ids.append(cur)
            cur = self.defs[cur].based_on
        ppr: dict[str, Any] = {}
        rpr: dict[str, Any] = {}
        for s in reversed(ids):
            ppr.update(self.defs[s].ppr)
            rpr.update(self.defs[s].rpr)
        self._chain_cache[sid] = (ppr, rpr)
        return ppr, rpr

    def para_style_id(self, sid: str | None) -> str | None:
        if sid is not None and sid in self.defs:
            return sid
        return self.default.get("paragraph")

    def table_style_id(self, sid: str | None) -> str | None:
        if sid is not None and sid in self.defs:
            return sid
        return self.default.get("table")

    def run_base(self, tstyle: str | None, pstyle: str | None, cstyle: str | None) -> dict[str, Any]:
        """Run properties before direct formatting: defaults, then table, paragraph, character
        styles; toggles (bold, italic, caps, hidden) XOR across those three, as the spec says."""
        key = (tstyle, pstyle, cstyle)
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        out = dict(self.doc_rpr)
        toggles: dict[str, bool] = {}
        layers = [self.chain(tstyle)[1] if tstyle else {}, self.chain(pstyle)[1] if pstyle else {},
                  self.chain(cstyle)[1] if cstyle else {}]
        for layer in layers:
            for k, v in layer.items():
                if k in TOGGLES:
                    toggles[k] = toggles.get(k, False) ^ v
                else:
                    out[k] = v
        out.update(toggles)
        self._run_cache[key] = out
        return out

    def para_base(self, tstyle: str | None, pstyle: str | None) -> dict[str, Any]:
        """Paragraph properties before numbering and direct formatting."""
        key = (tstyle, pstyle)
        cached = self._para_cache.get(key)
        if cached is not None:
            return cached
        out = dict(self.doc_ppr)
        if tstyle:
            out.update(self.chain(tstyle)[0])
        if pstyle:
            out.update(self.chain(pstyle)[0])
        self._para_cache[key] = out
        return out

    def table_borders(self, tstyle: str | None) -> dict[str, bool]:
        if tstyle in self._border_cache:
            return self._border_cache[tstyle]
        ids: list[str] = []
        cur = tstyle
        while cur is not None and cur in self.defs and cur not in ids and len(ids) < 50:
            ids.append(cur)
            cur = self.defs[cur].based_on
        out: dict[str, bool] = {}
        for s in reversed(ids):
            out.update(self.defs[s].borders)
        self._border_cache[tstyle] = out
        return out


def _toggle_attr(v: str | None) -> bool:
    return v is not None and v.lower() in ("1", "true", "on")


# ---------------------------------------------------------------------------------------------
# Numbering


@dataclass
class _Level:
    start: int = 0  # the spec's default; Word's UI always writes w:start
    fmt: str = "decimal"
    text: str | None = None
    suff: str = "tab"
    restart: int | None = None
    legal: bool = False
    pstyle: str | None = None
    ppr: dict[str, Any] = field(default_factory=dict)
    rpr: dict[str, Any] = field(default_factory=dict)


def _read_level(lvl: etree._Element, theme: _Theme) -> _Level:
    out = _Level()
    for el in lvl:
        if not isinstance(el.tag, str):
            continue
        name = el.tag[len(W):]
        val = el.get(VAL)
        if name == "start":
            out.start = _int(val) or 0
        elif name == "numFmt":
            out.fmt = val or "decimal"
        elif name == "lvlText":
            out.text = val
        elif name == "suff":
            out.suff = val or "tab"
        elif name == "lvlRestart":
            out.restart = _int(val)
        elif name == "isLgl":
            out.legal = _toggle(el)
        elif name == "pStyle":
            out.pstyle = val
        elif name == "pPr":
            out.ppr = _read_ppr(el)
        elif name == "rPr":
            out.rpr = _read_rpr(el, theme)
    return out


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """Word's lowerLetter: a…z, then aa…zz, aaa…: the English alphabet, as Word shows it."""
    if n <= 0 or n > 26 * 40:  # past "zz…z" (40 letters) a crafted number is shown as digits
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


_PLACEHOLDER = re.compile(r"%([1-9])")


class _Numbering:
    """numbering.xml with Word's counters: per abstract list, or per w:num when it overrides."""

    def __init__(self, root: etree._Element | None, styles: _Styles):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_link: dict[str, str] = {}  # abstractNumId → numbering style id (numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.styles = styles
        if root is None:
            return
        for ab in root.iter(_w("abstractNum")):
            aid = ab.get(_w("abstractNumId")) or ""
            self.abstract[aid] = {
                _int(lvl.get(_w("ilvl"))) or 0: _read_level(lvl, styles.theme) for lvl in ab.iter(_w("lvl"))
            }
            link = ab.find(_w("numStyleLink"))
            if link is not None and link.get(VAL):
                self.abstract_link[aid] = link.get(VAL) or ""
        for num in root.iter(_w("num")):
            nid = num.get(_w("numId")) or ""
            ab_el = num.find(_w("abstractNumId"))
            aid = ab_el.get(VAL) if ab_el is not None else None
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in num.iter(_w("lvlOverride")):
                ilvl = _int(ov.get(_w("ilvl"))) or 0
                so = ov.find(_w("startOverride"))
                if so is not None and _int(so.get(VAL)) is not None:
                    starts[ilvl] = _int(so.get(VAL)) or 0
                lvl = ov.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _read_level(lvl, styles.theme)
                    starts.setdefault(ilvl, levels[ilvl].start)
            self.nums[nid] = (aid or "", starts, levels)

    def _abstract_for(self, nid: str, depth: int = 0) -> str | None:
        entry = self.nums.get(nid)
        if entry is None:
            return None
        aid = entry[0]
        link = self.abstract_link.get(aid)
        if link and depth < 5:  # the list is defined by a numbering style: follow its numId
            ppr, _ = self.styles.chain(link)
            if ppr.get("numId") and ppr["numId"] != nid:
                return self._abstract_for(ppr["numId"], depth + 1)
        return aid

    def level(self, nid: str, ilvl: int) -> _Level | None:
        entry = self.nums.get(nid)
        if entry is None:
            return None
        if ilvl in entry[2]:
            return entry[2][ilvl]
        aid = self._abstract_for(nid)
        return self.abstract.get(aid or "", {}).get(ilvl)

    def level_for_style(self, nid: str, pstyle: str | None) -> int:
        """A style that carries numPr without ilvl uses the level whose w:pStyle names it."""
        aid = self._abstract_for(nid)
        for ilvl, lvl in self.abstract.get(aid or "", {}).items():
            if lvl.pstyle is not None and lvl.pstyle == pstyle:
                return ilvl
        return 0

    def next_label(self, nid: str, ilvl: int) -> tuple[str, str, _Level] | None:
        """Advance the counter of (nid, ilvl) and return (label, separator, level)."""
        entry = self.nums.get(nid)
        lvl = self.level(nid, ilvl)
        if entry is None or lvl is None:
            return None
        aid, starts, _ = entry
        key = f"num:{nid}" if starts else f"abs:{self._abstract_for(nid)}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * 9
        ilvl = max(0, min(ilvl, 8))
        cur = counters[ilvl]
        counters[ilvl] = starts.get(ilvl, lvl.start) if cur is None else cur + 1
        for deeper in range(ilvl + 1, 9):
            dl = self.level(nid, deeper)
            limit = deeper if dl is None or dl.restart is None else dl.restart
            if ilvl < limit:
                counters[deeper] = None
        if lvl.fmt == "bullet":
            glyph = (lvl.text or "").strip()
            label = "-" if glyph[:1] in _DASHES else "•"
        elif lvl.text is None:
            label = ""
        else:
            def sub(m: re.Match[str]) -> str:
                ref = int(m.group(1)) - 1
                rl = self.level(nid, ref)
                value = counters[ref]
                if value is None:
                    value = starts.get(ref, rl.start if rl else 1)
                fmt = rl.fmt if rl else "decimal"
                if lvl.legal and fmt != "none":
                    fmt = "decimal"
                return _format_number(value, fmt)

            label = _PLACEHOLDER.sub(sub, lvl.text)
        sep = "" if lvl.suff == "nothing" else " "
        return label, sep, lvl


# ---------------------------------------------------------------------------------------------
# Walking the body


def _mm(twips: float) -> float:
    return round(twips / 1440 * 25.4, 2)


_Cell = tuple[int, etree._Element, bool]  # grid column, w:tc, vertically merged continuation


@dataclass
class _Piece:
    text: str
    rpr: dict[str, Any]


@dataclass
class _Segment:
    pieces: list[_Piece] = field(default_factory=list)
    page: int | None = None


class _Walker:
    """One pass over the body: paragraphs and cells in order, counters for numbering and pages."""

    def __init__(self, styles: _Styles, numbering: _Numbering):
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.paragraph = 0
        self.table_count = 0
        self.page = 1
        self.rendered_breaks = 0
        self.legacy_fonts: dict[str, int] = {}
        self.legacy_encodings: dict[str, int] = {}
        self._legacy_cache: dict[tuple[Any, Any], tuple[str | None, bool, str | None]] = {}

    def _legacy(self, rpr: dict[str, Any]) -> tuple[str | None, bool, str | None]:
        """(legacy encoding, all-capitals font, font name) of a run; (None, False, None) for Unicode."""
        key = (rpr.get("hAnsi"), rpr.get("ascii"))
        got = self._legacy_cache.get(key)
        if got is None:
            got = (None, False, None)
            for font in key:
                enc = legacy.font_encoding(font)
                if enc:
                    got = (enc, legacy.is_caps_font(font), font)
                    break
            self._legacy_cache[key] = got
        return got

    def _run_text(self, buf: list[str], leg: tuple[str | None, bool, str | None]) -> str:
        """A run's text, converted to Unicode here, per run, before runs are joined."""
        text = "".join(buf)
        enc, caps, font = leg
        if enc is None or font is None:
            return text
        n = sum(1 for c in text if not c.isspace())
        self.legacy_fonts[font] = self.legacy_fonts.get(font, 0) + n
        self.legacy_encodings[enc] = self.legacy_encodings.get(enc, 0) + n
        return legacy.convert(text, enc, caps)

    # -- block level -------------------------------------------------------------------------

    def walk(self, parent: etree._Element, ctx: tuple[str | None, TablePos | None, int | None]) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self.para(child, ctx)
            elif tag == TBL:
                self.table(child)
            elif tag in _BLOCK_CONTAINERS:
                self.walk(child, ctx)

    def table(self, tbl: etree._Element) -> None:
        index = self.table_count
        self.table_count += 1
        tblpr = tbl.find(TPR)
        sid = None
        if tblpr is not None:
            ts = tblpr.find(TBLSTYLE)
            sid = ts.get(VAL) if ts is not None else None
        sid = self.styles.table_style_id(sid)
        borders = dict(self.styles.table_borders(sid))
        if tblpr is not None:
            borders.update(_borders(tblpr.find(_w("tblBorders"))))
        rows = [row for row in _children(tbl, TR)]
        grid: list[list[_Cell]] = []  # per row: (grid col, tc, vmerge-continue)
        for row in rows:
            cells = []
            col = 0
            trpr = row.find(TRPR)
            if trpr is not None:
                gb = trpr.find(_w("gridBefore"))
                if gb is not None:
                    col = _int(gb.get(VAL)) or 0
            for tc in _children(row, TC):
                tcpr = tc.find(TCPR)
                span, cont = 1, False
                if tcpr is not None:
                    gs = tcpr.find(_w("gridSpan"))
                    if gs is not None:
                        span = max(1, _int(gs.get(VAL)) or 1)
                    vm = tcpr.find(_w("vMerge"))
                    if vm is not None and (vm.get(VAL) or "continue") == "continue":
                        cont = True
                cells.append((col, tc, cont))
                col += span
            grid.append(cells)
        borderless = self._borderless(grid, borders)
        for r, cells in enumerate(grid):
            two = borderless and len(cells) == 2
            for ordinal, (col, tc, cont) in enumerate(cells):
                pos = TablePos(table=index, row=r, col=col, borderless=borderless)
                column = ordinal if two else None
                if cont:  # a vertically merged continuation shows nothing of its own
                    self.paragraph += sum(1 for _ in tc.iter(P))
                    continue
                self.walk(tc, (sid, pos, column))

    def _borderless(self, grid: list[list[_Cell]], borders: dict[str, bool]) -> bool:
        """True when no cell edge is visible, table borders overridden by cell borders."""
        nrows = len(grid)
        for r, cells in enumerate(grid):
            for k, (_col, tc, _cont) in enumerate(cells):
                tcpr = tc.find(TCPR)
                own = _borders(tcpr.find(_w("tcBorders"))) if tcpr is not None else {}
                edges = (
                    own.get("top", borders.get("top" if r == 0 else "insideH", False)),
                    own.get("bottom", borders.get("bottom" if r == nrows - 1 else "insideH", False)),
                    own.get("left", borders.get("left" if k == 0 else "insideV", False)),
                    own.get("right", borders.get("right" if k == len(cells) - 1 else "insideV", False)),
                )
                if any(edges):
                    return False
        return True

    # -- paragraph level ---------------------------------------------------------------------

    def para(self, p: etree._Element, ctx: tuple[str | None, TablePos | None, int | None]) -> None:
        self.paragraph += 1
        number = self.paragraph
        tstyle, pos, column = ctx
        ppr_el = p.find(PPR)
        psid = None
        if ppr_el is not None:
            ps = ppr_el.find(PSTYLE)
            psid = ps.get(VAL) if ps is not None else None
        psid = self.styles.para_style_id(psid)
        base = self.styles.para_base(tstyle, psid)
        direct = _read_ppr(ppr_el)
        numid = direct.get("numId", base.get("numId"))
        label = ""
        auto = False
        num_ppr: dict[str, Any] = {}
        num_rpr: dict[str, Any] = {}
        if numid is not None and numid != "0":
            ilvl = direct.get("ilvl", base.get("ilvl"))
            if ilvl is None:
                ilvl = self.numbering.level_for_style(numid, psid)
            got = self.numbering.next_label(numid, ilvl)
            if got is not None:
                text, sep, lvl = got
                num_ppr, num_rpr = lvl.ppr, lvl.rpr
                if text:
                    label, auto = text + sep, True
        ppr = dict(base)
        if num_ppr:
            ppr.update(num_ppr)
        ppr.update(direct)
        segments = self._segments(p, tstyle, psid)
        pstyle = _para_style(ppr)
        first = True
        for seg in segments:
            text = "".join(piece.text for piece in seg.pieces)
            if first and label:
                if not text.strip():
                    text = label.rstrip()
                else:
                    text = label + text
            elif not text.strip():
                continue
            if seg.pieces:
                style = _block_style(seg.pieces, pstyle)
            else:  # a label-only paragraph (a numbered table cell): the label's own look
                style = _block_style([_Piece(text, self._label_rpr(tstyle, psid, ppr_el, num_rpr))], pstyle)
            self.blocks.append(Block(
                text=unicodedata.normalize("NFC", text),
                style=style,
                location=Location(line=number, paragraph=number, page=seg.page),
                table=pos,
                auto_number=auto and first,
                column=column,
            ))
            first = False

    def _label_rpr(self, tstyle: str | None, psid: str | None, ppr_el: etree._Element | None,
                   num_rpr: dict[str, Any]) -> dict[str, Any]:
        """Word draws a list label with the paragraph mark's properties plus the level's rPr."""
        rpr = dict(self.styles.run_base(tstyle, psid, None))
        if ppr_el is not None:
            rpr.update(_read_rpr(ppr_el.find(RPR), self.styles.theme))
        rpr.update(num_rpr)
        return rpr

    def _segments(self, p: etree._Element, tstyle: str | None, psid: str | None) -> list[_Segment]:
        """The paragraph's visible text, cut at line breaks, each piece with its run properties."""
        segments = [_Segment()]
        for r in _runs(p):
            rpr_el = r.find(RPR)
            csid = None
            if rpr_el is not None:
                rs = rpr_el.find(RSTYLE)
                csid = rs.get(VAL) if rs is not None else None
            base = self.styles.run_base(tstyle, psid, csid)
            if rpr_el is not None and len(rpr_el):
                rpr = dict(base)
                rpr.update(_read_rpr(rpr_el, self.styles.theme))
            else:
                rpr = base
            if rpr.get("vanish"):
                continue
            buf: list[str] = []
            leg = self._legacy(rpr)
            for child in r:
                tag = child.tag
                if tag == T:
                    if child.text:
                        buf.append(child.text)
                elif tag == TAB or tag == PTAB:
                    buf.append("\t")
                elif tag == BR or tag == CR:
                    if buf:
                        _add(segments[-1], self._run_text(buf, leg), rpr, self.page)
                        buf = []
                    segments.append(_Segment())
                elif tag == NBH:
                    buf.append("-")
                elif tag == SOFTH:
                    if leg[0] == legacy.TCVN3_NAME:  # Word saves TCVN3's 0xAD (ư) as a soft hyphen
                        buf.append("\xad")
                elif tag == SYM:
                    code = child.get(_w("char"))
                    if code:
                        try:
                            buf.append(chr(int(code, 16)))
                        except ValueError:
                            pass
                elif tag == LRPB:
                    if buf:
                        _add(segments[-1], self._run_text(buf, leg), rpr, self.page)
                        buf = []
                    self.page += 1
                    self.rendered_breaks += 1
            if buf:
                _add(segments[-1], self._run_text(buf, leg), rpr, self.page)
        return segments


def _add(seg: _Segment, text: str, rpr: dict[str, Any], page: int) -> None:
    if seg.page is None and text.strip():
        seg.page = page
    seg.pieces.append(_Piece(text, rpr))


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with this tag, looking through content controls and custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _children(child, tag)


def _runs(parent: etree._Element) -> Iterator[etree._Element]:
    """Runs of a paragraph in order, through hyperlinks, insertions, fields and content controls.
    Deleted and moved-from runs are not visible; text boxes live in drawings and are skipped."""
    for child in parent:
        tag = child.tag
        if tag == R:
            yield child
        elif tag in _RUN_CONTAINERS or tag == SDT:
            yield from _runs(child)


def _para_style(ppr: dict[str, Any]) -> dict[str, Any]:
    """Paragraph format in report units, with Word's defaults for what nothing sets."""
    line = None
    rule = ppr.get("lineRule", "auto")
    if "line" not in ppr:
        line = 1.0
    elif rule == "auto":
        # exact/atLeast spacing is a height in points: turning it into a multiple would need
        # the font's line height, which we do not know, so it stays None.
        line = round(ppr["line"] / 240, 3)
    return {
        "align": ppr.get("jc", "left"),
        "first_line_indent_mm": _mm(ppr.get("first", 0)),
        "left_indent_mm": _mm(ppr.get("left", 0)),
        "space_before_pt": ppr.get("before", 0) / 20,
        "space_after_pt": ppr.get("after", 0) / 20,
        "line_spacing": line,
    }


def _run_font(rpr: dict[str, Any], text: str) -> str | None:
    """ASCII text is drawn with the ascii font, Vietnamese letters with hAnsi."""
    if text.isascii():
        return rpr.get("ascii") or rpr.get("hAnsi")
    return rpr.get("hAnsi") or rpr.get("ascii")


def _block_style(pieces: list[_Piece], pstyle: dict[str, Any]) -> Style:
    """Run properties by majority of visible characters; every distinct font listed."""
    votes: dict[str, dict[Any, int]] = {k: {} for k in ("font", "size", "b", "i", "u", "caps")}
    fonts: list[str] = []
    visible = [pc for pc in pieces if pc.text.strip()] or pieces
    for pc in visible:
        weight = len(pc.text) - pc.text.count(" ") or len(pc.text)
        rpr = pc.rpr
        font = _run_font(rpr, pc.text)
        if font and font not in fonts:
            fonts.append(font)
        for key, value in (
            ("font", font),
            ("size", rpr.get("sz", WORD_DEFAULT_HALF_POINTS) / 2),
            ("b", bool(rpr.get("b", False))),
            ("i", bool(rpr.get("i", False))),
            ("u", bool(rpr.get("u", False))),
            ("caps", bool(rpr.get("caps", False))),
        ):
            box = votes[key]
            box[value] = box.get(value, 0) + weight
    def top(key: str) -> Any:
        box = votes[key]
        return max(box, key=lambda v: box[v])  # ties: the first seen wins (dicts keep order)

    return Style(font=top("font"), size_pt=top("size"), bold=top("b"), italic=top("i"),
                 underline=top("u"), all_caps=top("caps"), fonts=fonts, **pstyle)


# ---------------------------------------------------------------------------------------------
# Sections, headers, page numbers


def _first_sectpr(body: etree._Element) -> etree._Element | None:
    """The first section's properties: the first paragraph-level sectPr, else the body's own."""
    for p in body.iterchildren(P):  # section breaks sit in body-level paragraphs only
        ppr = p.find(PPR)
        if ppr is not None:
            sp = ppr.find(SECTPR)
            if sp is not None:
                return sp
    return body.find(SECTPR)


_PAGE_FIELD = re.compile(r"^\s*PAGE(?:\s|\\|$)", re.I)


def _page_setup(pkg: _Package, doc_part: str, body: etree._Element, styles: _Styles) -> PageSetup | None:
    sect = _first_sectpr(body)
    if sect is None:
        return None
    pgsz = sect.find(_w("pgSz"))
    pgmar = sect.find(_w("pgMar"))

    def attr(el: etree._Element | None, name: str, default: int) -> int:
        v = _int(el.get(_w(name))) if el is not None else None
        return default if v is None else v

    title_pg = sect.find(_w("titlePg"))
    different_first = title_pg is not None and _toggle(title_pg)
    setup = PageSetup(
        width_mm=_mm(attr(pgsz, "w", 12240)),
        height_mm=_mm(attr(pgsz, "h", 15840)),
        margins_mm={side: _mm(abs(attr(pgmar, side, 1440))) for side in ("top", "bottom", "left", "right")},
        header_mm=_mm(attr(pgmar, "header", 720)) if pgmar is not None else None,
        different_first_page=different_first,
    )
    if pgmar is not None and pgmar.get(_w("left")) is None and pgmar.get(_w("start")) is not None:
        setup.margins_mm["left"] = _mm(attr(pgmar, "start", 1440))
        setup.margins_mm["right"] = _mm(attr(pgmar, "end", 1440))
    rels = pkg.rels(doc_part)
    for ref_tag, where in (("headerReference", "header"), ("footerReference", "footer")):
        for ref in sect.iter(_w(ref_tag)):
            kind = ref.get(_w("type")) or "default"
            if kind == "first" and not different_first:
                continue  # Word ignores the first-page header unless titlePg is on
            target = rels.get(ref.get(f"{{{R_NS}}}id") or "")
            if target is None:
                continue
            root = pkg.xml(target[1])
            if root is None:
                continue
            for found in _page_fields(root, styles):
                found.update(where=where, first_page=kind == "first", type=kind)
                setup.page_numbers.append(found)
    return setup


def _page_fields(root: etree._Element, styles: _Styles) -> list[dict[str, Any]]:
    """PAGE fields of one header or footer part, with the alignment and size they print at."""
    out = []
    for p in root.iter(P):
        runs: list[etree._Element] = []
        for fs in p.iter(FLDSIMPLE):
            if _PAGE_FIELD.match(fs.get(_w("instr")) or ""):
                runs.extend(fs.iter(R))
        if not runs:
            instr = "".join(it.text or "" for it in p.iter(_w("instrText")))
            if _PAGE_FIELD.match(instr):
                runs = [it.getparent() for it in p.iter(_w("instrText"))]
        if not runs:
            continue
        ppr_el = p.find(PPR)
        psid = None
        if ppr_el is not None:
            ps = ppr_el.find(PSTYLE)
            psid = ps.get(VAL) if ps is not None else None
        psid = styles.para_style_id(psid)
        ppr = dict(styles.para_base(None, psid))
        ppr.update(_read_ppr(ppr_el))
        run = runs[0]
        rpr_el = run.find(RPR) if run is not None else None
        csid = None
        if rpr_el is not None:
            rs = rpr_el.find(RSTYLE)
            csid = rs.get(VAL) if rs is not None else None
        rpr = dict(styles.run_base(None, psid, csid))
        rpr.update(_read_rpr(rpr_el, styles.theme))
        out.append({
            "align": ppr.get("jc", "left"),
            "size_pt": rpr.get("sz", WORD_DEFAULT_HALF_POINTS) / 2,
            "font": rpr.get("ascii") or rpr.get("hAnsi"),
        })
    return out


def _pages(pkg: _Package) -> int | None:
    """Page count as the writing application saved it in docProps/app.xml, if it did."""
    root = pkg.xml("docProps/app.xml")
    if root is None:
        return None
    for el in root:
        if isinstance(el.tag, str) and el.tag.endswith("}Pages"):
            n = _int((el.text or "").strip())
            return n if n and n > 0 else None
    return None


# ---------------------------------------------------------------------------------------------
# Entry point


def read_docx(path: Path) -> Source:
    """Read a .docx into blocks with resolved style, rendered numbering and the page setup."""
    path = Path(path)
    _check_not_ole2(path)
    pkg = _Package(path)
    try:
        _check_macros(pkg)
        return _read(pkg, path)
    finally:
        pkg.close()


def _read(pkg: _Package, path: Path) -> Source:
    name = str(path)
    doc_part = None
    for rtype, target in pkg.rels("").values():
        if rtype.endswith("/officeDocument"):
            doc_part = target
            break
    if doc_part is None or pkg.read(doc_part) is None:
        if pkg.read("word/document.xml") is None:
            raise InputError(name, NO_DOCUMENT)
        doc_part = "word/document.xml"
    root = pkg.xml(doc_part)
    if root is None:
        raise InputError(name, NO_DOCUMENT)
    if root.tag == f"{{{STRICT_W_NS}}}document":
        raise InputError(name, "định dạng Strict Open XML chưa được hỗ trợ; hãy lưu lại thành .docx")
    if root.tag != _w("document"):
        raise InputError(name, "tệp .docx không chứa tài liệu Word (phần chính không phải w:document)")
    body = root.find(_w("body"))
    rels = pkg.rels(doc_part)
    by_type = {rtype.rsplit("/", 1)[-1]: target for rtype, target in rels.values()}
    theme = _Theme(pkg.xml(by_type["theme"]) if "theme" in by_type else None)
    styles = _Styles(pkg.xml(by_type["styles"]) if "styles" in by_type else None, theme)
    numbering = _Numbering(pkg.xml(by_type["numbering"]) if "numbering" in by_type else None, styles)
    walker = _Walker(styles, numbering)
    setup = None
    if body is not None:
        walker.walk(body, (None, None, None))
        setup = _page_setup(pkg, doc_part, body, styles)
    if walker.rendered_breaks == 0:  # without Word's rendered page breaks we do not know pages
        for block in walker.blocks:
            block.location.page = None
    pages = _pages(pkg)
    if pages is None and walker.rendered_breaks:
        pages = walker.page
    notes = [legacy.legacy_note(walker.legacy_encodings, walker.legacy_fonts)] if walker.legacy_encodings else []
    return Source(
        path=name,
        format="docx",
        blocks=walker.blocks,
        page_setup=setup,
        carries_style=True,
        carries_paragraph_format=True,
        pages=pages,
        notes=notes,
        legacy_fonts=walker.legacy_fonts,
        legacy_encodings=walker.legacy_encodings,
    )
