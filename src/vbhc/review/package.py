"""A .docx as the editor sees it: the zip's members as bytes, XML parts parsed when asked for.

Only the parts an edit touches are parsed and written back; every other member is copied as it
was read (same name, order, date and compression). New parts come with their relationship and
their content type. The input was read by vbhc's reader first (which refuses bombs, macros and
entity declarations), and XML is parsed here with the same safe settings.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from vbhc.errors import InputError

PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = f"{{{PKG_REL_NS}}}Relationship"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
CONTENT_TYPES = "[Content_Types].xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def parse_xml(data: bytes, name: str, where: str) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"tệp .docx bị hỏng: XML không hợp lệ (phần {where}: {exc.msg})") from None


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class Docx:
    """The members of one .docx, with the XML parts being edited."""

    name: str  # the file's name, for messages
    infos: list[zipfile.ZipInfo]
    data: dict[str, bytes]
    trees: dict[str, etree._Element] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    dirty: set[str] = field(default_factory=set)  # parts whose tree was changed: written back

    @classmethod
    def from_bytes(cls, raw: bytes, name: str) -> Docx:
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                infos = z.infolist()
                data = {info.filename: z.read(info) for info in infos}
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
            raise InputError(name, "tệp .docx bị hỏng hoặc không đầy đủ (không đọc được nén ZIP)") from None
        return cls(name, infos, data)

    # -- parts ---------------------------------------------------------------------------------

    def has(self, part: str) -> bool:
        return part in self.data or part in self.trees

    def xml(self, part: str) -> etree._Element | None:
        """A part's root element, parsed once; later changes to it are saved with the package."""
        if part not in self.trees:
            raw = self.data.get(part)
            if raw is None:
                return None
            self.trees[part] = parse_xml(raw, self.name, part)
        return self.trees[part]

    def add(self, part: str, root: etree._Element, content_type: str) -> None:
        """A new XML part, with its content type declared."""
        self.trees[part] = root
        self.added.append(part)
        self.dirty.add(part)
        types = self.xml(CONTENT_TYPES)
        if types is None:
            raise InputError(self.name, "tệp .docx thiếu phần [Content_Types].xml")
        self.dirty.add(CONTENT_TYPES)
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + part)
        override.set("ContentType", content_type)

    def unused_name(self, pattern: str) -> str:
        """The first part name `pattern.format(n)` (n = 1, 2, …) that the package does not hold."""
        taken = {n.lower() for n in (*self.data, *self.trees)}
        n = 1
        while pattern.format(n).lower() in taken:
            n += 1
        return pattern.format(n)

    # -- relationships -------------------------------------------------------------------------

    @staticmethod
    def rels_part(part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def main_part(self) -> str:
        """The main document part, through the package relationships (word/document.xml by default)."""
        for rtype, target in self.relationships("").values():
            if rtype == OFFICE_DOCUMENT and self.has(target):
                return target
        return "word/document.xml"

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type, target part) of one part's relationships; external targets left out."""
        root = self.xml(self.rels_part(part))
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        folder = posixpath.dirname(part)
        for rel in root.iter(REL):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", name)
        return out

    def target_of(self, part: str, rtype: str) -> str | None:
        return next((t for ty, t in self.relationships(part).values() if ty == rtype), None)

    def relate(self, part: str, rtype: str, target: str) -> str:
        """Add a relationship from `part` to `target` (a part name) and return its new rId."""
        rels_name = self.rels_part(part)
        root = self.xml(rels_name)
        if root is None:
            root = etree.Element(REL.replace("Relationship", "Relationships"),
                                 nsmap={None: PKG_REL_NS})  # type: ignore[dict-item]  # lxml-stubs: no None key
            self.trees[rels_name] = root
            self.added.append(rels_name)
        self.dirty.add(rels_name)
        taken = {rel.get("Id") for rel in root.iter(REL)}
        n = len(taken) + 1
        while f"rId{n}" in taken:
            n += 1
        rel = etree.SubElement(root, REL)
        rel.set("Id", f"rId{n}")
        rel.set("Type", rtype)
        rel.set("Target", posixpath.relpath(target, posixpath.dirname(part) or "."))
        return f"rId{n}"

    # -- writing -------------------------------------------------------------------------------

    def changed(self, part: str) -> None:
        """Say that a part's tree was edited (it is written back on save)."""
        self.dirty.add(part)

    def save(self) -> bytes:
        """The package with the edited parts serialised and every other member copied as read."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for info in self.infos:
                name = info.filename
                z.writestr(info, serialise(self.trees[name]) if name in self.dirty else self.data[name])
            for name in self.added:
                if name not in self.data:
                    z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), serialise(self.trees[name]),
                               compress_type=zipfile.ZIP_DEFLATED)
        return out.getvalue()
