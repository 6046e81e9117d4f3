"""Header and signature tables with borders that print, made from the builder's conformant
decision (tests/rules/docx_builder.py: table 0 is the header, table 1 the signature block)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx_builder import build, conformant_decision


def _drop_direct_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    for el in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(el)


def grid_style(d, k: int) -> None:
    """Table k takes Word's "Table Grid" style (single lines on every edge) and no borders of its own."""
    table = d.tables[k]
    table.style = d.styles["Table Grid"]
    _drop_direct_borders(table)


def direct_single(d, k: int) -> None:
    """Table k's own w:tblBorders say "single" on every edge."""
    for el in d.tables[k]._tbl.tblPr.find(qn("w:tblBorders")):
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")


def cell_bottom(d, k: int) -> None:
    """One cell of table k has a bottom border of its own (the table's edges stay nil)."""
    tc_pr = d.tables[k].cell(0, 0)._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "8")
    borders.append(bottom)
    tc_pr.append(borders)


def decision(tmp_path: Path, *changes) -> Path:
    """The builder's conformant decision (table 0: header, table 1: signature), then `changes`."""
    path = build(conformant_decision(), tmp_path / "qd.docx")
    d = docx.Document(str(path))
    for change, k in changes:
        change(d, k)
    d.save(str(path))
    return path


def with_body_table(path: Path, size: float = 13) -> Path:
    """A bordered table of tasks in the body (`size` pt), under "2. Các sở …"."""
    d = docx.Document(str(path))
    anchor = next(p for p in d.paragraphs if p.text.startswith("2. Các sở"))
    table = d.add_table(rows=2, cols=2)
    table.style = d.styles["Table Grid"]
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            run = cell.paragraphs[0].add_run(f"Ô {i}{j} nhiệm vụ")
            run.font.size = Pt(size)
            run.font.name = "Times New Roman"
    anchor._p.addnext(table._tbl)
    d.save(str(path))
    return path
