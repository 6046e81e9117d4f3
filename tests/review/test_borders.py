"""vbhc.review.borders on small hand-written tables: the six table edges and the cells' own edges
become nil, under the names the file uses; nested tables, widths, shading and text stay; a table
already borderless is not touched."""

from __future__ import annotations

from lxml import etree

from vbhc.readers.docx.names import W_NS
from vbhc.review import borders, ooxml
from vbhc.review.ooxml import Revisions

W = f"{{{W_NS}}}"


def table(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:tbl xmlns:w="{W_NS}">{inner}</w:tbl>')


def xml(el: etree._Element) -> str:
    return etree.tostring(el, encoding="unicode").replace(f' xmlns:w="{W_NS}"', "")


CELL = '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/>{}<w:shd w:val="clear" w:fill="EEEEEE"/></w:tcPr>' \
       '<w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p></w:tc>'


def test_table_and_cell_edges_become_nil_and_nothing_else_changes() -> None:
    cell = CELL.format('<w:tcBorders><w:start w:val="single" w:sz="4" w:color="000000"/>'
                       '<w:tl2br w:val="single" w:sz="4"/></w:tcBorders>')
    tbl = table('<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
                '<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>'
                f"<w:tr>{cell}</w:tr>")
    assert borders.take_off(tbl) is True
    assert xml(tbl.find(f"{W}tblPr")) == (
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
        '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr>')
    assert xml(tbl.find(f"{W}tr/{W}tc/{W}tcPr")) == (
        '<w:tcPr><w:tcW w:w="3000" w:type="dxa"/><w:tcBorders><w:start w:val="nil"/><w:tl2br w:val="nil"/>'
        '</w:tcBorders><w:shd w:val="clear" w:fill="EEEEEE"/></w:tcPr>')
    assert "".join(tbl.itertext()) == "ỦY BAN NHÂN DÂN"
    assert tbl.find(f"{W}tblGrid/{W}gridCol").get(f"{W}w") == "3000"


def test_the_file_s_edge_names_are_kept() -> None:
    tbl = table('<w:tblPr><w:tblBorders><w:top w:val="single"/><w:start w:val="single"/>'
                '<w:end w:val="single"/></w:tblBorders></w:tblPr><w:tr>' + CELL.format("") + "</w:tr>")
    borders.take_off(tbl)
    names = [etree.QName(el).localname for el in tbl.find(f"{W}tblPr/{W}tblBorders")]
    assert names == ["top", "start", "bottom", "end", "insideH", "insideV"]


def test_a_borderless_table_is_not_touched() -> None:
    tbl = table('<w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>'
                "<w:tr>" + CELL.format('<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>') + "</w:tr>")
    before = xml(tbl)
    assert borders.take_off(tbl) is False
    assert xml(tbl) == before


def test_a_nested_table_keeps_its_borders() -> None:
    nested = '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr><w:tr>' + \
        CELL.format('<w:tcBorders><w:bottom w:val="double"/></w:tcBorders>') + "</w:tr></w:tbl>"
    tbl = table(f'<w:tblPr/><w:tr><w:tc><w:tcPr/>{nested}<w:p/></w:tc></w:tr>')
    inner_before = xml(tbl.find(f".//{W}tbl"))
    assert borders.take_off(tbl) is True
    assert xml(tbl.find(f".//{W}tbl")) == inner_before


def test_revisions_record_the_old_table_and_cell_properties() -> None:
    cell = CELL.format('<w:tcBorders><w:bottom w:val="single"/></w:tcBorders>').replace(
        "</w:tcPr>", '<w:cellIns w:id="1" w:author="x"/></w:tcPr>')
    tbl = table('<w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr>' + cell + "</w:tr>")
    borders.take_off(tbl, Revisions("2026-12-01T00:00:00Z", 7))
    tblpr, tcpr = tbl.find(f"{W}tblPr"), tbl.find(f"{W}tr/{W}tc/{W}tcPr")
    record = tblpr[len(tblpr) - 1]
    assert record.tag == ooxml.TBLPR_CHANGE and record.get(ooxml.ID) == "7"
    assert xml(record.find(f"{W}tblPr")) == '<w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    cell_record = tcpr[len(tcpr) - 1]
    assert cell_record.tag == ooxml.TCPR_CHANGE and cell_record.get(ooxml.ID) == "8"
    old = cell_record.find(f"{W}tcPr")
    assert old.find(f"{W}tcBorders/{W}bottom").get(f"{W}val") == "single"
    assert old.find(f"{W}cellIns") is None  # CT_TcPrInner holds no cell revisions


def test_table_of_finds_the_innermost_table_or_none() -> None:
    tbl = table('<w:tblPr/><w:tr><w:tc><w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr>')
    outer_p, inner_p = tbl.find(f"{W}tr/{W}tc/{W}p"), tbl.find(f".//{W}tbl//{W}p")
    assert borders.table_of([outer_p]) is tbl
    assert borders.table_of([inner_p]) is tbl.find(f".//{W}tbl")
    assert borders.table_of([outer_p, inner_p]) is None
    assert borders.table_of([etree.Element(f"{W}p")]) is None
