"""A document drawn inside a one-cell table (a border around the page made with a table): the cell is the body, as
it prints; a one-cell box of notes ("Ghi chú") stays a table."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx_fixtures import new_document, save
from lxml import etree

from vbhc.check import evaluate
from vbhc.parse import parse_file
from vbhc.readers.docx import read_docx
from vbhc.review import locate

HEADER = [("ỦY BAN NHÂN DÂN\nXÃ HƯNG NGUYÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
          ("Số: 15/KH-UBND", "Hưng Nguyên, ngày 10 tháng 7 năm 2025")]
BODY = ["KẾ HOẠCH", "Cải cách hành chính năm 2025", "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao chất lượng cải cách hành chính./.", "Nơi nhận:", "- UBND huyện;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


def _framed(tmp_path: Path) -> Path:
    d: DocxDocument = new_document()
    frame = d.add_table(1, 1)
    frame.style = "Table Grid"
    cell = frame.cell(0, 0)
    header = cell.add_table(2, 2)
    for r, row in enumerate(HEADER):
        for c, text in enumerate(row):
            lines = text.split("\n")
            header.cell(r, c).paragraphs[0].text = lines[0]
            for line in lines[1:]:
                header.cell(r, c).add_paragraph(line)
    for text in BODY:
        cell.add_paragraph(text)
    return save(d, tmp_path / "ke-hoach.docx")


def test_a_frame_around_the_document_is_its_body(tmp_path: Path) -> None:
    parsed = parse_file(_framed(tmp_path))
    doc = parsed.documents[0]
    assert doc.doc_type == "Kế hoạch" and doc.title == "Cải cách hành chính năm 2025"
    assert doc.national_title is not None and doc.number_raw == "Số: 15/KH-UBND"
    body = [b for b in parsed.source.blocks if b.text in BODY]
    assert len(body) == len(BODY) and all(b.table is None for b in body)
    errors = {f.rule for f in evaluate(parsed).findings if f.severity == "error"}
    assert not errors & {"ND30.TrichYeu.Thieu", "ND30.TenLoai.Thieu", "ND30.QuocHieu.Thieu", "ND30.ChuKy.ThieuTen"}


def test_the_frames_paragraphs_are_counted_as_the_editor_finds_them(tmp_path: Path) -> None:
    import zipfile

    path = _framed(tmp_path)
    blocks = read_docx(path).blocks
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    paragraphs = locate.paragraphs(root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"))
    for b in blocks:
        assert b.location.paragraph is not None
        shown = "".join(paragraphs[b.location.paragraph - 1].itertext())
        assert b.text in shown


def test_a_one_cell_box_of_notes_stays_a_table(tmp_path: Path) -> None:
    d = new_document()
    for text in BODY[:4]:
        d.add_paragraph(text)
    box = d.add_table(1, 1)
    box.cell(0, 0).paragraphs[0].text = "Ghi chú:"
    box.cell(0, 0).add_paragraph("1 Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có).")
    blocks = read_docx(save(d, tmp_path / "mau.docx")).blocks
    assert [b.table is not None for b in blocks] == [False] * 4 + [True, True]
