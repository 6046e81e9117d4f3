"""Small builders for .docx test fixtures: python-docx for the document, raw XML where it has no API."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from shared_corpus import ND30

CORPUS = ND30 / "docx"  # the official Phụ lục files, read in place from the shared folder
REAL = Path(__file__).parents[2].parent / "shared" / "corpus" / "real"  # ../shared/corpus/real


def real(name: str) -> Path:
    """A real document of ../shared/corpus/real, read in place; the test skips when it is absent."""
    import pytest

    path = REAL / name
    if not path.is_file():
        pytest.skip(f"tài liệu thật {name} không có ở {REAL} (thư mục dùng chung vắng mặt)")
    return path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def new_document() -> DocxDocument:
    return docx.Document()


def save(doc: DocxDocument, path: Path) -> Path:
    doc.save(str(path))
    return path


def to_bytes(doc: DocxDocument) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def level_xml(ilvl: int, fmt: str, text: str, start: int = 1, suff: str | None = None,
              font: str | None = None, restart: int | None = None) -> str:
    """One w:lvl; `suff` None leaves Word's default (a tab)."""
    parts = [f'<w:lvl w:ilvl="{ilvl}">', f'<w:start w:val="{start}"/>', f'<w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if suff is not None:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/>')
    parts.append(f'<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr>')
    if font:
        parts.append(f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>')
    parts.append("</w:lvl>")
    return "".join(parts)


def add_abstract_num(doc: DocxDocument, abstract_id: int, levels: list[str]) -> None:
    """Add a w:abstractNum before the first w:num, as the schema orders them."""
    numbering = doc.part.numbering_part.element
    el = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                   + "".join(levels) + "</w:abstractNum>")
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)


def add_num(doc: DocxDocument, num_id: int, abstract_id: int, start_overrides: dict[int, int] | None = None) -> None:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    doc.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f"{overrides}</w:num>"
    ))


def set_numbering(paragraph: Paragraph, num_id: int | str, ilvl: int | None = 0) -> None:
    """Give a paragraph direct w:numPr (ilvl None leaves the level to the style)."""
    ppr = paragraph._p.get_or_add_pPr()
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'))


def add_page_field(paragraph: Paragraph, simple: bool = True) -> None:
    """A PAGE field, either as w:fldSimple or as begin/instrText/separate/end runs."""
    p = paragraph._p
    if simple:
        p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE \\* MERGEFORMAT ">'
                           '<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'))
        return
    for inner in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                  '<w:fldChar w:fldCharType="separate"/>', "<w:t>2</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:sz w:val="24"/></w:rPr>{inner}</w:r>'))


_BOX_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml"')


def add_text_box(paragraph: Paragraph, lines: list[str], *, fallback: bool = True, vml_only: bool = False,
                 hidden: bool = False) -> None:
    """A floating text box drawn by a run of the paragraph, as Word 2010+ saves one: the DrawingML shape
    in mc:Choice and its VML copy in mc:Fallback (`fallback`); `vml_only`: a w:pict alone, as older Word
    and converters write it."""
    content = "".join(f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r></w:p>'
                      for t in lines)
    box = f"<w:txbxContent>{content}</w:txbxContent>"
    vml = f'<w:pict><v:shape style="width:120pt;height:30pt"><v:textbox>{box}</v:textbox></v:shape></w:pict>'
    drawing = ('<w:drawing><wp:anchor><wp:extent cx="1524000" cy="381000"/><a:graphic><a:graphicData '
               'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
               f'<wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    if vml_only:
        drawn = vml
    else:
        copy = f"<mc:Fallback>{vml}</mc:Fallback>" if fallback else ""
        drawn = f'<mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>{copy}</mc:AlternateContent>'
    rpr = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    paragraph._p.append(parse_xml(f"<w:r {_BOX_NS}>{rpr}{drawn}</w:r>"))


def add_watermark(doc: DocxDocument, text: str, *, section: int = 0) -> None:
    """Word's Watermark command: a VML WordArt shape in the section's header, its text in v:textpath's
    `string` (the shape type carries a v:textpath of its own, without text)."""
    p = doc.sections[section].header.paragraphs[0]
    p._p.append(parse_xml(
        f'<w:r {_BOX_NS}><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" adj="10800">'
        '<v:textpath on="t" fitshape="t"/></v:shapetype><v:shape id="PowerPlusWaterMarkObject1" type="#_x0000_t136" '
        'style="position:absolute;rotation:315;width:400pt;height:130pt" fillcolor="silver" stroked="f">'
        f'<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Times New Roman&quot;" string="{text}"/>'
        "</v:shape></w:pict></w:r>"))


def set_table_borders(table, value: str) -> None:
    """Replace the table's w:tblBorders with every edge set to `value` ("nil" or "single")."""
    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    edges = "".join(
        f'<w:{edge} w:val="{value}" w:sz="4" w:space="0" w:color="000000"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tblpr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{edges}</w:tblBorders>'))


def replace_part(docx_bytes: bytes, name: str, data: bytes | None) -> bytes:
    """The same package with one member replaced (or dropped when data is None)."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == name:
                if data is not None:
                    dst.writestr(info.filename, data)
                continue
            dst.writestr(info, src.read(info.filename))
    return out.getvalue()
