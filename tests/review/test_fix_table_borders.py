"""`vbhc fix` on ND30.Bang.VienBang: a decision whose header or signature table prints its borders
(and breaks nothing else) comes out with that table borderless, the rule silent, and nothing else
changed: every block reads and looks the same, the other table and every other part of the package
are as they were. Fixing twice equals fixing once; the input's bytes are unchanged; with
--track-changes the old table and cell properties are kept as Word's w:tblPrChange/w:tcPrChange."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from review_helpers import SOFFICE, W, digest, looks, members, part, pdf_of, rules_of, run, setup_of, texts
from table_borders import cell_bottom, decision, direct_single, grid_style

from vbhc.review import ooxml

RULE = "ND30.Bang.VienBang"
ROOT = Path(__file__).resolve().parents[2]
CASES = [pytest.param((grid_style, 0), id="header-table-grid-style"),
         pytest.param((direct_single, 0), id="header-own-borders"),
         pytest.param((cell_bottom, 0), id="header-cell-border"),
         pytest.param((grid_style, 1), id="signature-table-grid-style"),
         pytest.param((cell_bottom, 1), id="signature-cell-border")]


def _fix(src: Path, out: Path, *flags: str) -> str:
    before = digest(src)
    res = run("fix", str(src), "-o", str(out), *flags)
    assert res.exit_code == 0, res.output
    assert digest(src) == before
    return res.output


def _tables(path: Path) -> list[etree._Element]:
    return list(part(path, "word/document.xml").find(f"{W}body").iter(f"{W}tbl"))


def _without_borders(tbl: etree._Element) -> bytes:
    """The table's XML with its own and its cells' border elements (and revision records) left out."""
    tbl = copy.deepcopy(tbl)
    for el in list(tbl.iter(f"{W}tblBorders", f"{W}tcBorders", f"{W}tblPrChange", f"{W}tcPrChange")):
        el.getparent().remove(el)
    return etree.tostring(tbl, method="c14n")


def _edges_nil(tbl: etree._Element) -> bool:
    borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    cells = [b for tc in tbl.iterfind(f"{W}tr/{W}tc") if (b := tc.find(f"{W}tcPr/{W}tcBorders")) is not None]
    tags = [etree.QName(el).localname for el in borders] if borders is not None else []
    return tags == ["top", "left", "bottom", "right", "insideH", "insideV"] and \
        all(el.get(f"{W}val") == "nil" and len(el.attrib) == 1 for b in [borders, *cells] for el in b)


def _in_schema_order(tbl: etree._Element) -> bool:
    tblpr = tbl.find(f"{W}tblPr")
    ranks = [ooxml.TBLPR_ORDER.get(el.tag, len(ooxml.TBLPR_ORDER)) for el in tblpr]
    return tbl[0] is tblpr and ranks == sorted(ranks)


@pytest.mark.parametrize("change", CASES)
def test_fix_takes_the_borders_off_and_nothing_else(tmp_path: Path, change) -> None:
    src = decision(tmp_path, change)
    assert rules_of(src) == {RULE}
    out = tmp_path / "qd.fixed.docx"
    said = _fix(src, out)
    assert "Bỏ đường viền bảng" in said
    assert rules_of(out) == set()
    assert looks(src) == looks(out) and setup_of(src) == setup_of(out)
    k = change[1]
    a, b = _tables(src), _tables(out)
    assert len(a) == len(b) == 2
    assert _edges_nil(b[k])
    own = a[k].find(f"{W}tblPr/{W}tblBorders")
    if own is None or any(el.get(f"{W}val") != "nil" for el in own):
        assert _in_schema_order(b[k])  # the builder puts tblBorders last; what the fix writes is in place
    assert _without_borders(a[k]) == _without_borders(b[k])
    assert etree.tostring(a[1 - k], method="c14n") == etree.tostring(b[1 - k], method="c14n")
    doc_a, doc_b = part(src, "word/document.xml"), part(out, "word/document.xml")
    for doc in (doc_a, doc_b):
        for tbl in list(doc.iter(f"{W}tbl")):
            tbl.getparent().replace(tbl, etree.Element("gone"))
    assert etree.tostring(doc_a, method="c14n") == etree.tostring(doc_b, method="c14n")
    ma, mb = members(src), members(out)
    assert ma.keys() == mb.keys() and all(ma[n] == mb[n] for n in ma if n != "word/document.xml")
    again = tmp_path / "qd.fixed.twice.docx"
    assert "không có gì để sửa" in _fix(out, again)
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("change", [CASES[0], CASES[2]])
def test_tracked_fix_records_the_old_properties(tmp_path: Path, change) -> None:
    src = decision(tmp_path, change)
    out = tmp_path / "qd.tracked.docx"
    _fix(src, out, "--track-changes")
    assert rules_of(out) == set() and texts(src) == texts(out)
    before, after = _tables(src)[0], _tables(out)[0]
    tblpr, old = after.find(f"{W}tblPr"), before.find(f"{W}tblPr")
    records = list(tblpr.iter(ooxml.TBLPR_CHANGE))
    if old.find(f"{W}tblBorders") is None:  # the table's own edges changed: recorded, last in its tblPr
        (record,) = records
        assert tblpr[len(tblpr) - 1] is record
        assert record.get(ooxml.AUTHOR) == "vbhc" and record.get(ooxml.DATE)
        assert etree.tostring(record.find(f"{W}tblPr"), method="c14n") == etree.tostring(old, method="c14n")
    else:  # they were nil already: nothing to record
        assert records == []
    changed_cells = [tc for tc in before.iterfind(f"{W}tr/{W}tc") if tc.find(f"{W}tcPr/{W}tcBorders") is not None]
    records = list(after.iter(ooxml.TCPR_CHANGE))
    assert len(records) == len(changed_cells)
    for rec in records:
        assert rec.getparent()[len(rec.getparent()) - 1] is rec
        assert rec.find(f"{W}tcPr/{W}tcBorders/{W}bottom").get(f"{W}val") == "single"
    ids = [el.get(ooxml.ID) for el in part(out, "word/document.xml").iter(ooxml.TBLPR_CHANGE, ooxml.TCPR_CHANGE)]
    assert len(ids) == len(set(ids))


def test_check_json_carries_the_table_fix(tmp_path: Path) -> None:
    src = decision(tmp_path, (grid_style, 0))
    res = run("check", str(src), "--format", "json")
    data = json.loads(res.stdout)
    jsonschema.validate(data, json.loads((ROOT / "contract" / "check.schema.json").read_text(encoding="utf-8")))
    (f,) = [f for f in data["files"][0]["findings"] if f["rule"] == RULE]
    assert f["severity"] == "warning" and f["location"]["part"] == "phần đầu văn bản"
    (change,) = f["fix"]["changes"]
    assert (change["target"], change["property"], change["to"], f["fix"]["safe"]) == ("table", "borders", "none", True)


def test_diff_names_the_change_and_writes_nothing(tmp_path: Path) -> None:
    src = decision(tmp_path, (grid_style, 1))
    out = tmp_path / "qd.fixed.docx"
    res = run("fix", str(src), "-o", str(out), "--diff")
    assert res.exit_code == 0, res.output
    assert not out.exists()
    assert "đường viền bảng: có viền → không kẻ viền" in res.output


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_fixed_copy(tmp_path: Path) -> None:
    src = decision(tmp_path, (grid_style, 0), (cell_bottom, 1))
    out = tmp_path / "qd.fixed.docx"
    tracked = tmp_path / "qd.tracked.docx"
    _fix(src, out)
    _fix(src, tracked, "--track-changes")
    pdfs = pdf_of([out, tracked], tmp_path)
    assert all(p.exists() and p.stat().st_size > 1000 for p in pdfs)
