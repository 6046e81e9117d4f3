"""`vbhc fix` on a text box Word wrote twice (the DrawingML box in mc:Choice, its VML copy in mc:Fallback): the
copy gets the box's new content, so that a reader that shows the copy shows the fix too."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx_fixtures import add_text_box, new_document, save
from lxml import etree

from vbhc.readers.docx.names import MC_FALLBACK, MC_NS, TXBX, W_NS
from vbhc.review.fix import fix_file

CHOICE = f"{{{MC_NS}}}Choice"
PLAN = ["ỦY BAN NHÂN DÂN", "XÃ HƯNG NGUYÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/KH-UBND", "Hưng Nguyên, ngày 10 tháng 7 năm 2025", "KẾ HOẠCH", "Cải cách hành chính năm 2025",
        "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng cải cách hành chính./.", "Nơi nhận:", "- UBND huyện;",
        "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


def _boxes(data: bytes) -> tuple[list[etree._Element], list[etree._Element]]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    drawn = [b for c in root.iter(CHOICE) for b in c.iter(TXBX)]
    return drawn, [b for f in root.iter(MC_FALLBACK) for b in f.iter(TXBX)]


def _fonts(box: etree._Element) -> set[str | None]:
    return {f.get(f"{{{W_NS}}}ascii") for f in box.iter(f"{{{W_NS}}}rFonts")}


def test_the_vml_copy_of_a_fixed_text_box_is_fixed_too(tmp_path: Path) -> None:
    d = new_document()
    for text in PLAN:
        d.add_paragraph(text)
    add_text_box(d.paragraphs[9], ["Mục tiêu cụ thể của năm 2025"])
    result = fix_file(str(save(d, tmp_path / "ke-hoach.docx")))
    assert result.changed
    [box], [copy] = _boxes(result.output)
    assert _fonts(box) == {"Times New Roman"}  # the font fix reached the box's runs
    assert etree.tostring(copy) == etree.tostring(box)


def test_revision_marks_in_the_copy_have_ids_of_their_own(tmp_path: Path) -> None:
    d = new_document()
    for text in PLAN:
        d.add_paragraph(text)
    add_text_box(d.paragraphs[9], ["Mục tiêu cụ thể của năm 2025"])
    result = fix_file(str(save(d, tmp_path / "ke-hoach.docx")), track=True)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(result.output)).read("word/document.xml"))
    ids = [el.get(f"{{{W_NS}}}id") for el in root.iter() if isinstance(el.tag, str) and el.get(f"{{{W_NS}}}id")]
    [box], [copy] = _boxes(result.output)
    assert any(el.tag.endswith("rPrChange") for el in copy.iter() if isinstance(el.tag, str))
    assert ids and len(ids) == len(set(ids))


def test_an_untouched_box_keeps_its_copy(tmp_path: Path) -> None:
    from vbhc.readers.docx import read_docx
    from vbhc.review.edit import Editor
    from vbhc.review.package import Docx

    d = new_document()
    d.add_paragraph("Đoạn có hộp chữ")
    add_text_box(d.paragraphs[0], ["Dòng trong hộp"])
    path = save(d, tmp_path / "hop.docx")
    editor = Editor(Docx.from_bytes(path.read_bytes(), path.name), read_docx(path).blocks)
    [(box, copy, _before)] = editor._boxes
    kept = etree.tostring(copy)
    editor.copy_text_boxes()
    assert etree.tostring(copy) == kept
    next(box.iter(f"{{{W_NS}}}t")).text = "Dòng đã sửa"
    editor.copy_text_boxes()
    assert [t.text for t in copy.iter(f"{{{W_NS}}}t")] == ["Dòng đã sửa"]
