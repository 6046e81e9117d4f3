"""A .pdf made from a .docx (by LibreOffice, as offices do) parses to the same structure."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vbhc.parse import parse_file
from vbhc.writers.json import document_dict

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def build_decision(path: Path) -> None:
    """A small decision with header and signature tables, articles, clauses and points."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)

    def add(container, text, size=14, bold=False, italic=False, align="justify", first=False, indent=True):
        par = container.paragraphs[0] if first else container.add_paragraph()
        run = par.add_run(text)
        run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), "Times New Roman"
        par.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                         "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        if align == "justify" and indent:
            par.paragraph_format.first_line_indent = Mm(12.7)
        par.paragraph_format.space_after = Pt(6)
        return par

    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for column, width in zip(table.columns, (Mm(60), Mm(105)), strict=True):
        column.width = width  # LibreOffice reads the grid, Word the cells: set both
        for cell in column.cells:
            cell.width = width
    left, right = table.rows[0].cells
    add(left, "ỦY BAN NHÂN DÂN", 13, bold=True, align="center", first=True)
    add(left, "XÃ HƯNG NGUYÊN", 13, bold=True, align="center")
    add(left, "Số: 05/QĐ-UBND", 13, align="center")
    add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, align="center", first=True)
    add(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, align="center")
    add(right, "Hưng Nguyên, ngày 05 tháng 02 năm 2026", 14, italic=True, align="center")
    add(doc, "QUYẾT ĐỊNH", bold=True, align="center")
    add(doc, "Về việc ban hành Kế hoạch cải cách hành chính năm 2026", bold=True, align="center")
    add(doc, "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", bold=True, align="center")
    add(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True)
    add(doc, "Căn cứ Quyết định số 2228/QĐ-UBND ngày 15 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh "
             "Nghệ An ban hành Kế hoạch cải cách hành chính Nhà nước tỉnh Nghệ An năm 2025;", italic=True)
    add(doc, "Theo đề nghị của Công chức Văn phòng - Thống kê.", italic=True)
    add(doc, "QUYẾT ĐỊNH:", bold=True, align="center")
    add(doc, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026 của "
             "Ủy ban nhân dân xã Hưng Nguyên, gồm các nội dung sau đây:", bold=False)
    add(doc, "1. Cải cách thể chế, bảo đảm chất lượng văn bản quy phạm pháp luật do xã ban hành, "
             "kịp thời, đúng quy định và khả thi trong thực tiễn của địa phương.")
    add(doc, "a) Rà soát, hệ thống hóa văn bản quy phạm pháp luật của xã theo định kỳ hằng năm;")
    add(doc, "b) Kiểm tra việc thực hiện văn bản quy phạm pháp luật trên địa bàn xã.")
    add(doc, "2. Cải cách thủ tục hành chính, bảo đảm 100% hồ sơ thủ tục hành chính được giải quyết "
             "đúng hạn và công khai đầy đủ, kịp thời trên Cổng Dịch vụ công quốc gia.")
    add(doc, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    add(doc, "Điều 3. Công chức Văn phòng - Thống kê và các đơn vị có liên quan chịu trách nhiệm thi "
             "hành Quyết định này./.")
    sig = doc.add_table(rows=1, cols=2)
    left, right = sig.rows[0].cells
    add(left, "Nơi nhận:", 12, bold=True, italic=True, align="left", first=True)
    add(left, "- Như Điều 3;", 11, align="left")
    add(left, "- UBND tỉnh (để b/c);", 11, align="left")
    add(left, "- Lưu: VT, VP.", 11, align="left")
    add(right, "TM. ỦY BAN NHÂN DÂN", bold=True, align="center", first=True)
    add(right, "CHỦ TỊCH", bold=True, align="center")
    add(right, "Nguyễn Văn An", bold=True, align="center")
    doc.save(str(path))


def structure(path: Path) -> list[dict]:
    """What must agree between formats: header fields, the tree, signature and recipients."""
    docs = [document_dict(d) for d in parse_file(path).documents]
    for d in docs:
        for key in ("page_setup", "problems", "number_raw", "date_raw"):
            d.pop(key)
    return docs


def strip_lines(node: dict) -> dict:
    return {**{k: v for k, v in node.items() if k != "line"}, "children": [strip_lines(c) for c in node["children"]]}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not SOFFICE:
        pytest.skip("LibreOffice chưa được cài: apt-get install libreoffice-writer-nogui fonts-liberation2")
    folder = tmp_path_factory.mktemp("pdf-docx")
    docx_path = folder / "quyet-dinh.docx"
    build_decision(docx_path)
    profile = folder / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx_path)], check=True, capture_output=True, timeout=180)
    return docx_path, folder / "quyet-dinh.pdf"


def test_docx_parses_as_written(files: tuple[Path, Path]) -> None:
    (doc,) = structure(files[0])
    assert (doc["number"], doc["symbol"], doc["issuer"], doc["date"]) == (
        "05", "QĐ-UBND", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", "2026-02-05")
    assert [n["label"] for n in doc["body"]] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert [c["label"] for c in doc["body"][0]["children"]] == ["1.", "2."]
    assert [c["label"] for c in doc["body"][0]["children"][0]["children"]] == ["a)", "b)"]
    assert doc["signature"]["authority"] == "TM." and doc["signature"]["signer"] == "Nguyễn Văn An"
    assert doc["recipients"] == ["Như Điều 3;", "UBND tỉnh (để b/c);"] and doc["storage"] == "Lưu: VT, VP."


def test_pdf_parses_like_the_docx(files: tuple[Path, Path]) -> None:
    from_docx, from_pdf = structure(files[0]), structure(files[1])
    for d in (*from_docx, *from_pdf):
        d["body"] = [strip_lines(n) for n in d["body"]]
    assert from_pdf == from_docx
