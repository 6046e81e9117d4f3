"""Write small PDFs by hand for reader tests: no writer library is a dependency of the project.

Text is ASCII in the standard 14 fonts (pdfminer knows their metrics), placed by baseline
measured from the top of the page, so tests read like the layouts they describe. Other fonts
(`fonts=`, e.g. a legacy ".VnTime" whose bytes are TCVN3) are WinAnsi Type1 fonts without a
ToUnicode map, as old printers wrote them, with Times-Roman widths for ASCII and 0.5 em for the
bytes 0x80–0xFF (where a legacy font draws its Vietnamese letters). Optional
40-bit RC4 encryption (standard security handler, revision 2) makes password-protected files.

Also, per page: raw drawing operators (`drawings=`: rulings, an image `/Im1 Do`, a gray 2×2
image every page can invoke), and annotations (`annotations=`: widgets whose appearance stream
draws text, as e-signing systems stamp the number and day). `Text.mode=3` draws invisible text
(an OCR layer).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from pdfminer.fontmetrics import FONT_METRICS

A4 = (595.28, 841.89)
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique", "F4": "Times-Roman"}
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = bytes.fromhex("00112233445566778899aabbccddeeff")


@dataclass
class Text:
    """One string drawn at x (points from the left) on a baseline (points from the top)."""

    x: float
    baseline: float
    text: str
    size: float = 12.0
    font: str = "F1"  # key of FONTS, or of build_pdf's `fonts`
    rotate: bool = False  # draw upwards (90°), as margin stamps are
    mode: int = 0  # text render mode (Tr): 3 is invisible


@dataclass
class Annotation:
    """A widget annotation whose appearance draws `items` (placed on the page as Text is)."""

    rect: tuple[float, float, float, float]  # x0, top, x1, bottom, in points from the top-left
    items: list[Text]


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _name(name: str) -> str:
    """A PDF name: bytes outside the regular characters written as #xx (".VnArial#20NarrowH")."""
    return "".join(c if c.isalnum() or c in ".-_+," else f"#{ord(c):02X}" for c in name)


def _width(byte: int) -> int:
    return FONT_METRICS["Times-Roman"][1].get(chr(byte), 500) if byte < 0x80 else 500


def _widths() -> str:
    return " ".join(str(_width(b)) for b in range(32, 256))


def text_width(text: str, size: float = 12.0) -> float:
    """The advance of `text` (Latin-1 characters = bytes) in one of the `fonts=` fonts, in points."""
    return sum(_width(ord(c)) for c in text) * size / 1000


def _content(items: list[Text], height: float, extra: str, dx: float = 0.0, dy: float = 0.0) -> bytes:
    ops = [extra] if extra else []
    for t in items:
        y = height - t.baseline - dy
        x = t.x - dx
        matrix = f"0 1 -1 0 {x:.2f} {y:.2f}" if t.rotate else f"1 0 0 1 {x:.2f} {y:.2f}"
        mode = f"{t.mode} Tr " if t.mode else ""
        ops.append(f"BT {mode}/{t.font} {t.size:g} Tf {matrix} Tm ({_escape(t.text)}) Tj ET")
    return "\n".join(ops).encode("latin-1")


def build_pdf(
    pages: list[list[Text]],
    size: tuple[float, float] = A4,
    user_password: str | None = None,
    owner_password: str = "owner",
    drawing: str = "",
    fonts: dict[str, str] | None = None,
    drawings: list[str] | None = None,
    annotations: list[list[Annotation]] | None = None,
) -> bytes:
    """A complete PDF with one page per item list; `drawing` adds raw operators to every page,
    `drawings` to each page its own; `fonts` adds fonts (key → BaseFont name) besides the
    standard FONTS; `annotations` gives each page its stamped widgets.

    With `user_password` set (even ""), the file is encrypted with RC4 40-bit; "" gives a file
    any reader opens without asking (an owner password only).
    """
    width, height = size
    all_fonts = {**FONTS, **(fonts or {})}
    font_ids = {name: 3 + i for i, name in enumerate(all_fonts)}
    first_page = 3 + len(all_fonts)
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
    }
    kids = []
    for i, name in enumerate(all_fonts):
        metrics = "" if name in FONTS else (
            f" /FirstChar 32 /LastChar 255 /Widths [{_widths()}] /FontDescriptor << /Type /FontDescriptor "
            f"/FontName /{_name(all_fonts[name])} /Flags 32 /FontBBox [-168 -218 1000 898] /ItalicAngle 0 "
            f"/Ascent 683 /Descent -217 /CapHeight 662 /StemV 80 >>")
        objects[3 + i] = f"<< /Type /Font /Subtype /Type1 /BaseFont /{_name(all_fonts[name])} " \
                         f"/Encoding /WinAnsiEncoding{metrics} >>".encode()
    font_refs = " ".join(f"/{name} {num} 0 R" for name, num in font_ids.items())
    streams: dict[int, bytes] = {}
    image_id = first_page + 2 * len(pages)
    streams[image_id] = bytes([60, 200, 200, 60])
    stream_dicts = {image_id: "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                              "/BitsPerComponent 8"}
    resources = f"<< /Font << {font_refs} >> /XObject << /Im1 {image_id} 0 R >> >>"
    next_id = image_id + 1
    for n, items in enumerate(pages):
        page_id, content_id = first_page + 2 * n, first_page + 2 * n + 1
        kids.append(f"{page_id} 0 R")
        annots = []
        for a in (annotations[n] if annotations and n < len(annotations) else []):
            x0, top, x1, bottom = a.rect
            form_id, annot_id = next_id, next_id + 1
            next_id += 2
            streams[form_id] = _content(a.items, height, "", dx=x0, dy=height - bottom)
            stream_dicts[form_id] = (f"/Type /XObject /Subtype /Form /BBox [0 0 {x1 - x0:g} {bottom - top:g}] "
                                     f"/Resources {resources}")
            objects[annot_id] = (f"<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /Rect [{x0:g} {height - bottom:g} "
                                 f"{x1:g} {height - top:g}] /AP << /N {form_id} 0 R >> >>").encode()
            annots.append(f"{annot_id} 0 R")
        annots_entry = f" /Annots [{' '.join(annots)}]" if annots else ""
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:g} {height:g}] "
            f"/Resources {resources} /Contents {content_id} 0 R{annots_entry} >>"
        ).encode()
        page_drawing = "\n".join(d for d in (drawing, drawings[n] if drawings and n < len(drawings) else "") if d)
        streams[content_id] = _content(items, height, page_drawing)
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()

    key = b""
    encrypt = ""
    if user_password is not None:
        permissions = -44
        o_value = _rc4(hashlib.md5(_padded(owner_password)).digest()[:5], _padded(user_password))
        key = hashlib.md5(
            _padded(user_password) + o_value + struct.pack("<i", permissions) + _FILE_ID
        ).digest()[:5]
        u_value = _rc4(key, _PAD)
        enc_id = next_id
        objects[enc_id] = (
            f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}> "
            f"/P {permissions} >>"
        ).encode()
        encrypt = f" /Encrypt {enc_id} 0 R"
    for num, data in streams.items():
        if key:
            obj_key = hashlib.md5(key + struct.pack("<i", num)[:3] + b"\x00\x00").digest()[:10]
            data = _rc4(obj_key, data)
        extra = (" " + stream_dicts[num]) if num in stream_dicts else ""
        objects[num] = b"<< /Length %d%s >>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    count = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for num in range(1, count):
        out += b"%010d 00000 n \n" % offsets[num]
    out += (
        f"trailer\n<< /Size {count} /Root 1 0 R{encrypt} /ID [<{_FILE_ID.hex()}> <{_FILE_ID.hex()}>] >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
