"""Text boxes in a .docx (w:txbxContent): read once, right after the paragraph that draws them, and counted
the same way by the reader and by `review.locate` (which fix and --annotate use to find a paragraph again)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx_fixtures import add_text_box, new_document, save
from lxml import etree

from shared_corpus import PHU_LUC_DOCX, REAL, params
from vbhc.parse import parse_file
from vbhc.readers.docx import read_docx
from vbhc.readers.docx.names import w
from vbhc.review import locate


def _doc(tmp_path: Path, **box) -> Path:
    d = new_document()
    d.add_paragraph("Đoạn có hộp chữ")
    add_text_box(d.paragraphs[0], ["Dòng một trong hộp", "Dòng hai trong hộp"], **box)
    d.add_paragraph("Đoạn sau hộp")
    return save(d, tmp_path / "hop.docx")


@pytest.mark.parametrize("box", [{}, {"fallback": False}, {"vml_only": True}], ids=["choice+fallback", "choice",
                                                                                   "vml"])
def test_a_text_box_is_read_once_after_its_paragraph(tmp_path: Path, box: dict) -> None:
    blocks = read_docx(_doc(tmp_path, **box)).blocks
    assert [(b.text, b.location.paragraph) for b in blocks] == [
        ("Đoạn có hộp chữ", 1), ("Dòng một trong hộp", 2), ("Dòng hai trong hộp", 3), ("Đoạn sau hộp", 4)]
    assert blocks[1].style.bold and blocks[1].table is None


def test_a_text_box_of_a_hidden_run_is_not_read(tmp_path: Path) -> None:
    path = _doc(tmp_path, hidden=True)
    blocks = read_docx(path).blocks
    assert [(b.text, b.location.paragraph) for b in blocks] == [("Đoạn có hộp chữ", 1), ("Đoạn sau hộp", 2)]
    assert _located(path) == {1: "Đoạn có hộp chữ", 2: "Đoạn sau hộp"}


def test_a_text_box_of_a_deleted_run_is_not_read(tmp_path: Path) -> None:
    """A tracked deletion (w:del) takes the box its run draws with it."""
    d = new_document()
    d.add_paragraph("Đoạn có hộp chữ")
    add_text_box(d.paragraphs[0], ["Hộp đã xóa"])
    run = d.paragraphs[0]._p[-1]
    deleted = etree.SubElement(d.paragraphs[0]._p, w("del"), {w("id"): "1", w("author"): "A"})
    deleted.append(run)
    d.add_paragraph("Đoạn sau hộp")
    path = save(d, tmp_path / "xoa.docx")
    assert [b.text for b in read_docx(path).blocks] == ["Đoạn có hộp chữ", "Đoạn sau hộp"]
    assert _located(path) == {1: "Đoạn có hộp chữ", 2: "Đoạn sau hộp"}


def _located(path: Path) -> dict[int, str]:
    """Paragraph number → the text `review.locate` finds at it."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(w("body"))
    assert body is not None
    return {n: locate.stream(p).text for n, p in enumerate(locate.paragraphs(body), 1)}


@pytest.mark.parametrize("path", [*params(PHU_LUC_DOCX), *params(sorted(REAL.glob("*.docx")))])
def test_locate_finds_every_block_at_the_paragraph_the_reader_numbered(path: Path) -> None:
    """The decree's Phụ lục I, III and IV draw many text boxes; every other file none: both must hold."""
    source = read_docx(path)
    if source.legacy_encodings:
        pytest.skip("text in a legacy font is converted by the reader: not the XML's characters")
    found = _located(path)
    for b in source.blocks:
        if b.part != "body":
            continue
        text = b.text.strip()
        shown = found[b.location.paragraph].replace("\t", " ").replace("\xa0", " ")
        assert b.auto_number or " ".join(text.split()) in " ".join(shown.split()), (b.location.paragraph, text)


def test_locate_counts_text_box_paragraphs(tmp_path: Path) -> None:
    assert _located(_doc(tmp_path)) == {1: "Đoạn có hộp chữ", 2: "Dòng một trong hộp", 3: "Dòng hai trong hộp",
                                        4: "Đoạn sau hộp"}


def test_a_draft_mark_in_a_text_box_marks_the_draft(tmp_path: Path) -> None:
    """Offices put "DỰ THẢO" in a box at the top of the page: the document is a draft, its missing signer a
    warning (ND30.ChuKy.ThieuTen)."""
    from vbhc.check import evaluate

    d = new_document()
    lines = ["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Số:      /KH-UBND", "Hưng Nguyên, ngày      tháng 7 năm 2025", "KẾ HOẠCH",
             "Cải cách hành chính năm 2025", "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng cải cách hành chính./.",
             "Nơi nhận:", "- UBND huyện;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    for t in lines:
        d.add_paragraph(t)
    add_text_box(d.paragraphs[0], ["DỰ THẢO"])
    parsed = parse_file(save(d, tmp_path / "du-thao.docx"))
    assert parsed.documents[0].marks == ["DỰ THẢO"]
    assert parsed.documents[0].number_raw is not None and parsed.documents[0].issuer
    signer = [f for f in evaluate(parsed).findings if f.rule == "ND30.ChuKy.ThieuTen"]
    assert [f.severity for f in signer] == ["warning"]
