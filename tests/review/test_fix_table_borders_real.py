"""ND30.Bang.VienBang and its fix on the real drafts (../shared/corpus/real/, read in place) and the
corpus' .docx: each file's header and signature tables are borderless (the rule says nothing); a
copy in a temporary folder whose header or signature table is given single borders draws one
warning for that table, at its first line, and `vbhc fix` of that copy gives what `vbhc fix` of the
original gives, to every block's text and look and every remaining finding."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from review_helpers import W, findings_of, looks

import shared_corpus
from vbhc.model import Role
from vbhc.parse import parse_file
from vbhc.review.fix import fix_file

RULE = "ND30.Bang.VienBang"
ROOT = Path(__file__).resolve().parents[2]
FILES = [*sorted((ROOT / "corpus").rglob("*.docx")), *sorted(shared_corpus.REAL.glob("*.docx"))]
PARTS = {"header": (Role.AGENCY, "phần đầu văn bản"), "signature": (Role.NOI_NHAN, "phần ký")}


def _table_of(path: Path, role: Role) -> int:
    """The number (in document order) of the table holding the first line of this role."""
    parsed = parse_file(path)
    line = parsed.documents[0].line_of(role)
    assert line is not None
    pos = parsed.source.blocks[line.index].table
    assert pos is not None and pos.borderless is True
    return pos.table


def _bordered(path: Path, k: int, out: Path) -> Path:
    """A copy of `path` whose table k has single borders on every edge of its own."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info, data in items:
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                tbl = list(root.find(f"{W}body").iter(f"{W}tbl"))[k]
                tblpr = tbl.find(f"{W}tblPr")
                for el in tblpr.findall(f"{W}tblBorders"):
                    tblpr.remove(el)
                borders = etree.SubElement(tblpr, f"{W}tblBorders")
                for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
                    etree.SubElement(borders, f"{W}{edge}", {f"{W}val": "single", f"{W}sz": "4"})
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            z.writestr(info, data)
    out.write_bytes(buf.getvalue())
    return out


def _seen(path: Path) -> list[tuple[str, int | None, str | None]]:
    return sorted((f.rule, f.line, f.part) for f in findings_of(path))


@pytest.mark.parametrize("path", shared_corpus.params(FILES))
def test_the_file_as_it_is_says_nothing(path: Path) -> None:
    assert [f for f in findings_of(path) if f.rule == RULE] == []


@pytest.mark.parametrize("which", list(PARTS))
@pytest.mark.parametrize("path", shared_corpus.params(FILES))
def test_a_bordered_copy_is_found_and_fixed(tmp_path: Path, path: Path, which: str) -> None:
    role, part = PARTS[which]
    k = _table_of(path, role)
    copy = _bordered(path, k, tmp_path / f"{path.stem}.bordered.docx")
    (f,) = [f for f in findings_of(copy) if f.rule == RULE]
    assert f.part == part and f.fix is not None and f.fix.safe
    assert [x for x in findings_of(copy) if x.rule != RULE] == [x for x in findings_of(path) if x.rule != RULE]
    fixed_copy, fixed_original = tmp_path / "copy.fixed.docx", tmp_path / "original.fixed.docx"
    fixed_copy.write_bytes(fix_file(str(copy)).output)
    fixed_original.write_bytes(fix_file(str(path)).output)
    assert looks(fixed_copy) == looks(fixed_original)
    assert _seen(fixed_copy) == _seen(fixed_original)
    assert RULE not in {x.rule for x in findings_of(fixed_copy)}
