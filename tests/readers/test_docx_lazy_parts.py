"""Parts of a .docx read only as far as the document needs them: styles.xml cut at its styles
(readers/docx/stylecut.py: the same styles as parsing it whole, and the whole part parsed whenever
the cut cannot be sure), the theme parsed only for a theme font."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import new_document, replace_part, to_bytes
from lxml import etree

from vbhc.errors import InputError
from vbhc.readers.docx import read_docx, stylecut
from vbhc.readers.docx.names import w
from vbhc.readers.docx.properties import Theme
from vbhc.readers.docx.styles import Styles

EVAL = Path(__file__).parents[2] / "corpus" / "eval"
TEMPLATE = to_bytes(new_document())  # python-docx's template: 164 styles in 350 KB
STYLES_XML = zipfile.ZipFile(io.BytesIO(TEMPLATE)).read("word/styles.xml")
NORMAL = b'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'


def _parse(data: bytes) -> etree._Element:
    """As the package parses a part: malformed XML is an InputError."""
    try:
        return etree.fromstring(data)
    except etree.XMLSyntaxError:
        raise InputError("styles.xml", "XML không hợp lệ") from None


def _ids(data: bytes) -> list[str]:
    return [st.get(w("styleId")) or "" for st in etree.fromstring(data).iter(w("style"))]


def _same_styles(data: bytes) -> None:
    """Styles.read (cut or not) resolves every style as Styles over the whole parsed part."""
    theme = Theme(None)
    whole, read = Styles(etree.fromstring(data), theme), Styles.read(data, _parse, theme)
    assert read.default == whole.default
    assert (read.doc_rpr, read.doc_ppr) == (whole.doc_rpr, whole.doc_ppr)
    assert "no-such-style" not in read
    for sid in _ids(data):
        assert sid in read
        assert read.define(sid) == whole.define(sid)
        assert read.chain(sid) == whole.chain(sid)
        assert read.table_borders(sid) == whole.table_borders(sid)


def test_the_template_is_cut_and_reads_as_parsed_whole() -> None:
    parts = stylecut.cut(STYLES_XML)
    assert parts is not None
    assert sorted(parts.spans) == sorted(set(_ids(STYLES_XML)))
    assert ("paragraph", "Normal") in parts.defaults and ("table", "TableNormal") in parts.defaults
    assert b"<w:docDefaults>" in parts.head and b"<w:style " not in parts.head
    _same_styles(STYLES_XML)


def test_a_small_part_is_parsed_whole() -> None:
    first = STYLES_XML.index(b"<w:style ")
    small = STYLES_XML[:STYLES_XML.index(b"</w:style>", first) + len(b"</w:style>")] + b"</w:styles>"
    assert len(small) < stylecut.CUT_MIN_BYTES
    assert stylecut.cut(small) is None
    _same_styles(small)


UNSURE = {
    "a comment between styles": (b"</w:style><w:style ", b"</w:style><!-- x --><w:style "),
    # a style end tag and a style start tag inside a comment would cut a style that is not there
    "a comment inside a style": (NORMAL, NORMAL + b'<!-- </w:style><w:style w:styleId="X"> -->'),
    "CDATA inside a style": (NORMAL, NORMAL + b"<w:name><![CDATA[</w:style>]]></w:name>"),
    "text between styles": (b"</w:style><w:style ", b"</w:style>x<w:style "),
    "another element between styles": (b"</w:style><w:style ", b"</w:style><w:x/><w:style "),
    "an entity in an id": (b'w:styleId="Header"', b'w:styleId="He&#97;der"'),
    "a line break in an attribute": (b'w:styleId="Header"', b'w:styleId="Hea\nder"'),
    "a namespace declared on a style": (NORMAL, NORMAL[:-1] + b' xmlns:v="urn:x">'),
    "another encoding": (b"encoding='UTF-8'", b"encoding='windows-1252'"),
    "another prefix for the main namespace": (b'xmlns:w="', b'xmlns:x="http://schemas.openxmlformats.org/'
                                                           b'wordprocessingml/2006/main" xmlns:w="'),
}


@pytest.mark.parametrize("old,new", UNSURE.values(), ids=UNSURE.keys())
def test_what_the_cut_cannot_be_sure_of_is_parsed_whole(old: bytes, new: bytes) -> None:
    assert old in STYLES_XML
    data = STYLES_XML.replace(old, new, 1)
    assert stylecut.cut(data) is None
    _same_styles(data)


def test_a_style_that_does_not_parse_alone_falls_back_to_the_whole_part() -> None:
    """Normal uses a prefix its own start tag declares after the cut was made (as if the root had
    declared it): its bytes do not parse alone, so the whole part is parsed and read as before."""
    data = STYLES_XML.replace(NORMAL, NORMAL + b"<w:rPr><w:b/></w:rPr>", 1)
    parts = stylecut.cut(data)
    assert parts is not None
    parts.prefix = parts.prefix.replace(b'xmlns:w="', b'xmlns:v="', 1)  # the slices no longer bind w:
    theme = Theme(None)
    read = Styles(etree.fromstring(parts.head), theme, stylecut.StyleElements(data, parts, _parse))
    whole = Styles(etree.fromstring(data), theme)
    assert read.define("Normal") == whole.define("Normal") and read.define("Normal").rpr.get("b") is True


def _damage(style_id: bytes) -> bytes:
    start = STYLES_XML.index(b'w:styleId="' + style_id + b'"')
    name = STYLES_XML.index(b"<w:name ", start)
    end = STYLES_XML.index(b"/>", name)
    return STYLES_XML[:end] + b">" + STYLES_XML[end + 2:]  # <w:name …> never closed


def test_a_damaged_style_that_is_used_is_a_damaged_file(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("Nội dung")
    path = tmp_path / "hong.docx"
    path.write_bytes(replace_part(to_bytes(doc), "word/styles.xml", _damage(b"Normal")))
    with pytest.raises(InputError) as info:
        read_docx(path)
    assert "XML không hợp lệ" in info.value.reason and "word/styles.xml" in info.value.reason


def test_a_damaged_style_no_paragraph_uses_is_not_read(tmp_path: Path) -> None:
    """What the cut changes: a style no paragraph asks for is never parsed, so damage inside it
    goes unseen (the whole-part parse refused the file)."""
    doc = new_document()
    doc.add_paragraph("Nội dung")
    good, bad = tmp_path / "tot.docx", tmp_path / "hong-kieu-thua.docx"
    good.write_bytes(to_bytes(doc))
    bad.write_bytes(replace_part(good.read_bytes(), "word/styles.xml", _damage(b"LightShading")))
    assert [(b.text, b.style) for b in read_docx(bad).blocks] == [(b.text, b.style) for b in read_docx(good).blocks]


@pytest.mark.parametrize("name", ["so-xay-dung-tu-dong-danh-so.docx", "so-tai-chinh-bang-nhiem-vu.docx"])
def test_eval_documents_read_the_same_cut_or_whole(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = EVAL / name
    assert stylecut.cut(zipfile.ZipFile(path).read("word/styles.xml")) is not None
    cut_blocks = read_docx(path).blocks
    monkeypatch.setattr(stylecut, "CUT_MIN_BYTES", 1 << 40)
    whole_blocks = read_docx(path).blocks
    assert [(b.text, b.style, b.location) for b in cut_blocks] == [(b.text, b.style, b.location) for b in whole_blocks]


def test_the_theme_is_parsed_only_when_a_style_asks_for_a_theme_font(tmp_path: Path) -> None:
    """theme1.xml is read through Theme's loader on the first theme font asked for: a damaged theme
    no style refers to goes unread, one that a style refers to is a damaged file."""
    import re

    doc = new_document()
    doc.add_paragraph("Nội dung")
    data = to_bytes(doc)
    damaged = replace_part(data, "word/theme/theme1.xml", b"<a:theme")
    used = tmp_path / "theme-dung.docx"
    used.write_bytes(damaged)
    with pytest.raises(InputError) as info:
        read_docx(used)
    assert "word/theme/theme1.xml" in info.value.reason
    without = re.sub(rb' w:(?:ascii|hAnsi|eastAsia|cs)[Tt]heme="[^"]*"', b"", STYLES_XML)
    unused = tmp_path / "theme-khong-dung.docx"
    unused.write_bytes(replace_part(damaged, "word/styles.xml", without))
    assert [b.text for b in read_docx(unused).blocks] == ["Nội dung"]


def test_an_id_that_is_not_utf8_is_a_damaged_part(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("Nội dung")
    path = tmp_path / "id-hong.docx"
    data = STYLES_XML.replace(b'w:styleId="Header"', b'w:styleId="He\xffder"', 1)
    assert stylecut.cut(data) is None
    path.write_bytes(replace_part(to_bytes(doc), "word/styles.xml", data))
    with pytest.raises(InputError) as info:
        read_docx(path)
    assert "word/styles.xml" in info.value.reason
