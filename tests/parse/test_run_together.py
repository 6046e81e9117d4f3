"""Lines printed one under the other but run together in one paragraph, as a .docx made from a PDF (pdf2docx and
the online converters) joins each text block: "CỘNG HÒA … VIỆT NAMĐộc lập - Tự do - Hạnh phúc" is the Quốc hiệu
and the Tiêu ngữ, not a line of text (it drew Thiếu Quốc hiệu, Thiếu tên loại, Thiếu ngày tháng)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.section import WD_SECTION

from vbhc.check import evaluate
from vbhc.model import LineKind
from vbhc.parse import parse_file, parse_text
from vbhc.parse.classify import classify_text, run_together

QH, TN = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(("text", "pieces"), [
    (QH + TN, [QH, TN]),
    (f"{QH}\t{TN}", [QH, TN]),
    (f"{QH.replace('HÒA', 'HOÀ')} Ðộc lập - Tự do - Hạnh phúc ",
     [QH.replace("HÒA", "HOÀ"), "Ðộc lập - Tự do - Hạnh phúc"]),
    (f"BỘ TƯ PHÁP {QH}", ["BỘ TƯ PHÁP", QH]),
    (f"THỦ TƯỚNG CHÍNH PHỦ\t{QH}", ["THỦ TƯỚNG CHÍNH PHỦ", QH]),
    ("KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG", ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]),
    ("Số:  /UBND-NCKSTTHC V/v gia hạn thời gian tổ chức", ["Số:  /UBND-NCKSTTHC", "V/v gia hạn thời gian tổ chức"]),
    ("Số: 3310/KH-STC Nghệ An, ngày 29 tháng 7 năm 2025", ["Số: 3310/KH-STC", "Nghệ An, ngày 29 tháng 7 năm 2025"]),
    ("Nghệ An, ngày 29 tháng 7 năm 2025 KẾ HOẠCH", ["Nghệ An, ngày 29 tháng 7 năm 2025", "KẾ HOẠCH"]),
])
def test_run_together_lines_are_cut(text: str, pieces: list[str]) -> None:
    assert run_together(text, classify_text(text)[0]) == pieces


@pytest.mark.parametrize("text", [
    QH, TN, "Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam bảo đảm quyền con người",
    f"Thực hiện Hiến pháp nước {QH} năm 2013", f"{QH} và các nước láng giềng", "KT. CHỦ TỊCH",
    "KT. GIÁM ĐỐC PHÓ CHỦ TỊCH", "Số: 15/KH-UBND ngày 10/7/2025 của Ủy ban nhân dân tỉnh",
    "Hà Nội, ngày 05 tháng 3 năm 2025 Bộ trưởng đã ký ban hành", "Số: 15/KH-UBND",
])
def test_other_lines_are_left_whole(text: str) -> None:
    assert run_together(text, classify_text(text)[0]) is None


HEADER = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", QH + TN, "Số:      /KH-UBND", "Lâm Đồng, ngày    tháng 12 năm 2025"]
BODY = ["KẾ HOẠCH", "Cải cách hành chính nhà nước năm 2026", "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao chất lượng cải cách hành chính./.", "Nơi nhận:", "- UBND các huyện;", "- Lưu: VT.",
        "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
MISSING = {"ND30.QuocHieu.Thieu", "ND30.TieuNgu.Thieu", "ND30.TenLoai.Thieu", "ND30.NgayThang.Thieu",
           "ND30.SoKyHieu.Thieu", "ND30.ChuKy.KyThay"}


def test_a_text_with_run_together_lines_reads_its_header() -> None:
    parsed = parse_text("\n".join(HEADER + BODY))
    doc = parsed.documents[0]
    assert doc.doc_type == "Kế hoạch" and doc.national_title == QH and doc.motto == TN
    assert not MISSING & {f.rule for f in evaluate(parsed).findings}


def test_a_docx_laid_out_like_a_converted_pdf(tmp_path: Path) -> None:
    # pdf2docx's layout: the header's columns as sections of two text columns, each block's lines in one paragraph
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.add_paragraph(HEADER[0])
    d.add_section(WD_SECTION.CONTINUOUS)
    d.sections[-1]._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="0"/>'))
    for text in HEADER[1:] + BODY:
        d.add_paragraph(text)
    d.save(str(tmp_path / "kh.docx"))
    parsed = parse_file(tmp_path / "kh.docx")
    assert [ln.kind for ln in parsed.documents[0].lines[1:3]] == [LineKind.QUOC_HIEU, LineKind.TIEU_NGU]
    assert not MISSING & {f.rule for f in evaluate(parsed).findings}


def test_the_pieces_are_what_the_classifier_says_they_are() -> None:
    kinds = [classify_text(piece)[0] for piece in run_together(QH + TN, LineKind.TEXT) or []]
    assert kinds == [LineKind.QUOC_HIEU, LineKind.TIEU_NGU]


def _docx(tmp_path: Path, lines: list[str]) -> Path:
    import docx

    d = docx.Document()
    for text in lines:
        d.add_paragraph(text)
    d.save(str(tmp_path / "kh.docx"))
    return tmp_path / "kh.docx"


@pytest.mark.parametrize(("line", "severity"), [(QH + TN, "error"), (f"{QH} {TN}", "warning"),
                                                (f"{QH}\t{TN}", "warning")])
def test_a_tieu_ngu_in_the_quoc_hieus_paragraph_is_told(tmp_path: Path, line: str, severity: str) -> None:
    # glued, Word cannot break the line between them ("VIỆT NAMĐộc lập"); after a space it breaks there only when
    # the cell is narrow enough
    parsed = parse_file(_docx(tmp_path, [HEADER[0], line, *HEADER[2:], *BODY]))
    told = [f for f in evaluate(parsed).findings if f.rule == "ND30.TieuNgu.DuoiQuocHieu"]
    assert [(f.severity, f.quote) for f in told] == [(severity, TN)]


def test_a_tieu_ngu_on_its_own_line_is_not_told(tmp_path: Path) -> None:
    parsed = parse_file(_docx(tmp_path, [HEADER[0], QH, TN, *HEADER[2:], *BODY]))
    assert "ND30.TieuNgu.DuoiQuocHieu" not in {f.rule for f in evaluate(parsed).findings}


def test_a_vv_whose_lines_are_breaks_of_one_paragraph_is_whole(tmp_path: Path) -> None:
    # the converter keeps a block's printed lines as line breaks of one paragraph, the left column before the right
    import docx

    d = docx.Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN")
    run = d.add_paragraph().add_run("Số:      /UBND-NCKSTTHC V/v gia hạn thời gian tổ chức")
    for line in ("Đại hội của Hiệp hội Doanh", "nghiệp tỉnh"):
        run.add_break()
        run.add_text(line)
    for text in (QH + TN, "Bình Thuận, ngày      tháng 02 năm 2025", "Kính gửi: Sở Kế hoạch và Đầu tư.",
                 "Ủy ban nhân dân tỉnh thống nhất gia hạn./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                 "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hồng Hải"):
        d.add_paragraph(text)
    d.save(str(tmp_path / "cv.docx"))
    parsed = parse_file(tmp_path / "cv.docx")
    [doc] = parsed.documents
    assert doc.doc_type == "Công văn"
    assert doc.title == "gia hạn thời gian tổ chức Đại hội của Hiệp hội Doanh nghiệp tỉnh"
    assert not MISSING & {f.rule for f in evaluate(parsed).findings}
