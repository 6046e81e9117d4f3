"""GitHub-flavoured Markdown from converters (markitdown, LLM and OCR tools): marks and `<br>` in pipe-table cells.

Such a converter writes the header and signature tables as pipe rows whose cells hold `**bold**`, `*italic*` and
`<br>` between a cell's lines, and the type and trích yếu as `<p align="center"><b>…</b><br/>…</p>`. The reader
kept the marks in the cell's text ("*Hưng Nguyên, ngày …*" is no place-date) and a cell's lines as one, and read
the HTML paragraph as one line of text with its tags: the issuer, the place-date and the type were lost.
"""

from __future__ import annotations

import pytest

from vbhc.check import check_file
from vbhc.parse import parse_text
from vbhc.readers.text import lines_to_blocks

HEADER = ("| **ỦY BAN NHÂN DÂN**<br/>**XÃ HƯNG NGUYÊN**<br/>------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br/>"
          "**Độc lập - Tự do - Hạnh phúc**<br/>--------------- |\n|:---:|:---:|\n"
          "| Số: 45/TTr-UBND | *Hưng Nguyên, ngày 20 tháng 7 năm 2025* |\n")
TITLE = '<p align="center"><b>TỜ TRÌNH</b><br/><b>Về việc phê duyệt kế hoạch cải cách hành chính năm 2025</b></p>\n'
BODY = ("Kính gửi: Ủy ban nhân dân tỉnh Nghệ An.\n\n"
        "Căn cứ Quyết định số 2228/QĐ-UBND ngày 15 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã "
        "kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.\n\n")
CLOSING = ("| **Nơi nhận:**<br/>- Như trên;<br/>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br/>**CHỦ TỊCH**<br/><br/><br/>"
           "**Nguyễn Văn An** |\n|:---|:---:|\n")
DOCUMENT = HEADER + "\n" + TITLE + "\n" + BODY + CLOSING


def test_a_cell_s_lines_and_marks_become_lines_with_their_style():
    cells = [(b.text, b.style.bold, b.style.italic) for b in lines_to_blocks(HEADER) if b.table is not None]
    assert cells == [
        ("ỦY BAN NHÂN DÂN", True, False), ("XÃ HƯNG NGUYÊN", True, False), ("-------", False, False),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
        ("---------------", False, False), ("Số: 45/TTr-UBND", False, False),
        ("Hưng Nguyên, ngày 20 tháng 7 năm 2025", False, True)]


def test_an_html_paragraph_gives_its_lines_without_tags():
    assert [(b.text, b.style.bold) for b in lines_to_blocks(TITLE)] == [
        ("TỜ TRÌNH", True), ("Về việc phê duyệt kế hoạch cải cách hành chính năm 2025", True)]


def test_the_whole_document_parses_as_written():
    [doc] = parse_text(DOCUMENT).documents
    assert (doc.doc_type, doc.issuer, doc.number, doc.symbol, doc.place, doc.date) == (
        "Tờ trình", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", "45", "TTr-UBND", "Hưng Nguyên", "2025-07-20")
    assert doc.title == "Về việc phê duyệt kế hoạch cải cách hành chính năm 2025"
    assert doc.signature is not None and doc.signature.signer == "Nguyễn Văn An"
    assert doc.storage is not None and doc.recipients_label is not None


def test_a_defect_is_found_once_the_header_is_read(tmp_path):
    # the date under the Tiêu ngữ with an impossible day: lost with the header before, found now
    path = tmp_path / "to-trinh.md"
    path.write_text(DOCUMENT.replace("ngày 20 tháng 7", "ngày 32 tháng 7"), encoding="utf-8")
    assert "ND30.NgayThang.KhongCoThat" in {f.rule for f in check_file(str(path)).findings}


@pytest.mark.parametrize("cell", ["**Nơi nhận:**<br>- Như trên;", "**Nơi nhận:**<BR />- Như trên;",
                                  "**Nơi nhận:** / - Như trên;"])
def test_every_way_of_breaking_a_cell_s_line(cell):
    blocks = lines_to_blocks(f"| {cell} | **CHỦ TỊCH** |\n|---|---|\n")
    assert [b.text for b in blocks] == ["Nơi nhận:", "- Như trên;", "CHỦ TỊCH"]


def test_a_cell_without_marks_keeps_its_style_unknown():
    [block] = lines_to_blocks("| Số: 45/TTr-UBND |\n|---|\n")
    assert (block.text, block.style.bold) == ("Số: 45/TTr-UBND", None)


def test_a_bold_run_closed_and_reopened_is_one_run():
    [block] = lines_to_blocks("<p><b>KẾ HOẠCH</b> <b>CẢI CÁCH</b> thường xuyên</p>\n")
    assert (block.text, block.style.bold) == ("KẾ HOẠCH CẢI CÁCH thường xuyên", True)


def test_a_less_than_sign_in_the_text_is_text():
    [block] = lines_to_blocks("Tỷ lệ hồ sơ trễ hạn <b>dưới 2%</b> và số hồ sơ <5 mỗi tháng.\n")
    assert block.text == "Tỷ lệ hồ sơ trễ hạn dưới 2% và số hồ sơ <5 mỗi tháng."


def test_only_a_line_s_piece_before_its_break_continues_the_paragraph_before():
    text = ("Ủy ban nhân dân xã đề nghị các cơ quan, đơn vị trên địa bàn xã phối hợp thực hiện với\n"
            "các nội dung sau<br/>- Rà soát thủ tục hành chính;\n")
    assert [b.text for b in lines_to_blocks(text)] == [
        "Ủy ban nhân dân xã đề nghị các cơ quan, đơn vị trên địa bàn xã phối hợp thực hiện với các nội dung sau",
        "- Rà soát thủ tục hành chính;"]
