"""Hostile and damaged .docx files given to `vbhc fix` and `vbhc check --annotate`: the reader
refuses them before anything is edited (one Vietnamese line, exit 2), nothing is written, and a
file whose odd XML the reader accepts is edited without a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from review_helpers import W, part, rules_of, run, texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
from hostile_build import bomb_docx, document_xml, many_parts_docx, small_docx, with_document  # noqa: E402

ENTITY = '<!DOCTYPE w:document [<!ENTITY a "xxxxxxxxxx">]>'
HOSTILE: list[tuple[str, Callable[[], bytes], str]] = [
    ("bomb", lambda: bomb_docx(300 * 1024 * 1024), "bom nén"),
    ("entities", lambda: with_document(document_xml("<w:p><w:r><w:t>&a;</w:t></w:r></w:p>", ENTITY)), "thực thể"),
    ("many-parts", lambda: many_parts_docx(2500), "vượt giới hạn"),
    ("truncated", lambda: small_docx()[:400], "bị hỏng"),
]


@pytest.mark.parametrize("name, make, words", HOSTILE, ids=[h[0] for h in HOSTILE])
@pytest.mark.parametrize("command", ["fix", "annotate"])
def test_hostile_files_are_refused_before_any_edit(tmp_path: Path, name: str, make, words: str,
                                                   command: str) -> None:
    src = tmp_path / "x.docx"
    src.write_bytes(make())
    out = tmp_path / "out.docx"
    args = ["fix", str(src), "-o", str(out)] if command == "fix" else ["check", str(src), "--annotate", str(out)]
    res = run(*args)
    assert res.exit_code == 2, res.output
    assert words in res.output and "Traceback" not in res.output and "lỗi nội bộ" not in res.output
    assert not out.exists()


def test_odd_but_readable_xml_is_edited_without_a_traceback(tmp_path: Path) -> None:
    """Runs in hyperlinks, smart tags and content controls, an empty w:t, a paragraph with only a
    tab: a size fix reaches them all and the text stays."""
    body = ('<w:p><w:hyperlink><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t>Căn cứ Luật</w:t></w:r></w:hyperlink>'
            '<w:smartTag><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> Tổ chức</w:t></w:r>'
            '</w:smartTag><w:sdt><w:sdtContent><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t/><w:tab/>'
            '<w:t>chính quyền;</w:t></w:r></w:sdtContent></w:sdt></w:p><w:p><w:r><w:tab/></w:r></w:p>')
    src = tmp_path / "x.docx"
    src.write_bytes(with_document(document_xml(body)))
    out = tmp_path / "out.docx"
    res = run("fix", str(src), "-o", str(out))
    assert res.exit_code == 0 and "Traceback" not in res.output and "lỗi nội bộ" not in res.stderr
    assert texts(out) == texts(src) and rules_of(out) == set()
    sizes = {el.get(f"{W}val") for el in part(out, "word/document.xml").iter(f"{W}sz")}
    assert sizes == {"26"}  # 13 pt (nearest allowed) in the hyperlink, the smart tag and the content control
    res = run("check", str(src), "--annotate", str(tmp_path / "ann.docx"))
    assert res.exit_code in (0, 1) and "lỗi nội bộ" not in res.stderr
