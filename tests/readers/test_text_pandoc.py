"""Markdown that pandoc wrote from a Word file (and HTML tables in Markdown): small cases, good and bad.

The real .docx files read through pandoc itself are in test_text_pandoc_real.py.
"""

from __future__ import annotations

import textwrap

from vbhc.parse import parse_text
from vbhc.readers.pandoc import is_pandoc, pandoc_blocks
from vbhc.readers.text import lines_to_blocks


def blocks(md: str):
    return lines_to_blocks(textwrap.dedent(md))


def texts(md: str) -> list[str]:
    return [b.text for b in blocks(md)]


GRID_HEADER = """\
    +--------------------------+-------------------------------------------+
    | **ỦY BAN NHÂN DÂN**      | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**    |
    |                          |                                           |
    | **TỈNH BÌNH THUẬN**      | **Độc lập -- Tự do -- Hạnh phúc**         |
    |                          |                                           |
    | Số: 12/UBND-NC           | *Bình Thuận, ngày 05 tháng 02 năm 2025*   |
    |                          |                                           |
    | V/v gia hạn thời gian tổ |                                           |
    | chức Đại hội của Hiệp    |                                           |
    | hội Doanh nghiệp tỉnh    |                                           |
    +==========================+===========================================+
    """

# pandoc 2 draws a table without a head row as a multiline table: columns under groups of dashes
MULTILINE_HEADER = """\
      ----------------------- -----------------------------------------------
        **ỦY BAN THƯỜNG VỤ\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\
             QUỐC HỘI\\                 Độc lập - Tự do - Hạnh phúc\\
         \\-\\-\\-\\-\\-\\-\\--**            \\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\--**

       Số: 1659/NQ-UBTVQH15         *Hà Nội, ngày 16 tháng 6 năm 2025*
      ----------------------- -----------------------------------------------
    """


def test_a_grid_tables_cells_are_table_blocks_in_two_columns():
    got = [(b.text, b.table.row, b.table.col, b.column, b.style.bold) for b in blocks(GRID_HEADER)]
    assert got == [
        ("ỦY BAN NHÂN DÂN", 0, 0, 0, True), ("TỈNH BÌNH THUẬN", 0, 0, 0, True), ("Số: 12/UBND-NC", 0, 0, 0, False),
        ("V/v gia hạn thời gian tổ chức Đại hội của Hiệp hội Doanh nghiệp tỉnh", 0, 0, 0, False),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0, 1, 1, True),
        ("Độc lập – Tự do – Hạnh phúc", 0, 1, 1, True),  # pandoc writes "–" as "--"
        ("Bình Thuận, ngày 05 tháng 02 năm 2025", 0, 1, 1, False)]


def test_a_multiline_tables_columns_and_line_breaks():
    got = [(b.text, b.table.row, b.table.col) for b in blocks(MULTILINE_HEADER)]
    assert got == [
        ("ỦY BAN THƯỜNG VỤ", 0, 0), ("QUỐC HỘI", 0, 0), ("--------", 0, 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0, 1), ("Độc lập - Tự do - Hạnh phúc", 0, 1),
        ("---------------", 0, 1),
        ("Số: 1659/NQ-UBTVQH15", 1, 0), ("Hà Nội, ngày 16 tháng 6 năm 2025", 1, 1)]


def test_a_multiline_table_with_a_head_row():
    md = """\
      ------------------------------------------------------------------------
       **STT**  **Đơn vị được kiểm tra**             **Thời gian kiểm tra**
      --------- ---------------------------------- ---------------------------
          1     Sở Nông nghiệp và Môi trường *(Văn Từ tháng 3 đến tháng 9/2026
                phòng Đăng ký đất đai tỉnh)*

          2     Sở Xây dựng                               Tháng 7/2026
      ------------------------------------------------------------------------
    """
    got = [(b.text, b.table.row, b.table.col) for b in pandoc_blocks(textwrap.dedent(md))]  # alone, no sign of pandoc
    assert got == [("STT", 0, 0), ("Đơn vị được kiểm tra", 0, 1), ("Thời gian kiểm tra", 0, 2),
                   ("1", 1, 0), ("Sở Nông nghiệp và Môi trường (Văn phòng Đăng ký đất đai tỉnh)", 1, 1),
                   ("Từ tháng 3 đến tháng 9/2026", 1, 2),
                   ("2", 2, 0), ("Sở Xây dựng", 2, 1), ("Tháng 7/2026", 2, 2)]


def test_a_cell_spanning_two_rows_is_one_cell():
    md = """\
    +------+-------------------+--------------+
    | STT  | Nhiệm vụ          | Thời hạn     |
    +======+===================+==============+
    | 1    | Rà soát văn bản   | Quý I        |
    |      | quy phạm          +--------------+
    |      |                   | Quý III      |
    +------+-------------------+--------------+
    """
    got = [(b.text, b.table.row, b.table.col) for b in pandoc_blocks(textwrap.dedent(md))]  # alone, no sign of pandoc
    assert got == [("STT", 0, 0), ("Nhiệm vụ", 0, 1), ("Thời hạn", 0, 2),
                   ("1", 1, 0), ("Rà soát văn bản quy phạm", 1, 1), ("Quý I", 1, 2), ("Quý III", 2, 2)]


def test_escapes_lists_quotes_and_soft_wraps():
    md = """\
    > Kính gửi:
    >
    > \\- Sở Nội vụ;

    1\\. Thống nhất gia hạn thời gian tổ chức đại hội chậm nhất đến ngày
    30/9/2025.

    2.  **Cải cách thủ tục hành chính**

    a\\) Mục tiêu
    """
    got = [(b.text, b.auto_number) for b in blocks(md)]
    assert got == [("Kính gửi:", False), ("- Sở Nội vụ;", False),
                   ("1. Thống nhất gia hạn thời gian tổ chức đại hội chậm nhất đến ngày 30/9/2025.", False),
                   ("2. Cải cách thủ tục hành chính", True),  # a Word numbered paragraph: pandoc's list
                   ("a) Mục tiêu", False)]


def test_a_heading_in_a_cell_and_marks_around_nothing():
    md = """\
    +-----------------------+---+--------------------------------------------+
    | **ỦY BAN NHÂN DÂN**   |   | ####  *Lâm Đồng, ngày 05 tháng 9 năm 2025* |
    |                       |   |                                            |
    | *** ***               |   |                                            |
    +=======================+===+============================================+
    """
    assert texts(md) == ["ỦY BAN NHÂN DÂN", "Lâm Đồng, ngày 05 tháng 9 năm 2025"]


def test_a_break_before_closing_marks_and_empty_breaks():
    md = """\
    +------------------------------+---------------------------------------+
    | ***Nơi nhận:\\***             | **TM. ỦY BAN NHÂN DÂN\\                |
    | - Như Điều 3;\\               | CHỦ TỊCH\\                             |
    | - Lưu: VT, NC.               | \\                                     |
    |                              | Nguyễn Văn An**                       |
    +------------------------------+---------------------------------------+
    """
    got = [(b.text, b.column) for b in blocks(md)]
    assert got == [("Nơi nhận:", 0), ("- Như Điều 3;", 0), ("- Lưu: VT, NC.", 0),
                   ("TM. ỦY BAN NHÂN DÂN", 1), ("CHỦ TỊCH", 1), ("Nguyễn Văn An", 1)]


def test_html_tables_and_tags_in_markdown():
    md = """\
    <table>
    <tr>
    <td align="center"><b>ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HÀ NỘI</b></td>
    <td align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></td>
    </tr>
    <tr>
    <td rowspan="2"><p>Số: 18/2025/QĐ-UBND</p></td>
    <td align="right">Hà Nội, ngày 28 tháng 02 năm 2025</td>
    </tr>
    <tr><td>Nghĩa</td></tr>
    </table>

    <div align="center">
    <b>QUYẾT ĐỊNH<br>
    Về việc quy định chức năng của Sở Nội vụ</b>
    </div>

    *Căn cứ Luật Thủ đô ngày 28 tháng 6 năm 2024;*{two spaces}
    *Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025.*
    """.replace("{two spaces}", "  ")
    got = [(b.text, b.table and (b.table.row, b.table.col), b.location.line, b.style.bold) for b in blocks(md)]
    assert got == [
        ("ỦY BAN NHÂN DÂN", (0, 0), 3, True), ("THÀNH PHỐ HÀ NỘI", (0, 0), 3, True),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (0, 1), 4, True), ("Độc lập - Tự do - Hạnh phúc", (0, 1), 4, True),
        ("Số: 18/2025/QĐ-UBND", (1, 0), 7, False), ("Hà Nội, ngày 28 tháng 02 năm 2025", (1, 1), 8, False),
        ("Nghĩa", (2, 1), 10, False),  # beside the cell that spans two rows
        ("QUYẾT ĐỊNH", None, 14, True), ("Về việc quy định chức năng của Sở Nội vụ", None, 15, True),
        # two spaces at a line's end are a line break
        ("Căn cứ Luật Thủ đô ngày 28 tháng 6 năm 2024;", None, 18, False),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025.", None, 19, False)]


def test_a_decision_written_by_pandoc_parses_whole():
    md = textwrap.dedent(GRID_HEADER.replace("V/v gia hạn thời gian tổ |", "                         |")
                         .replace("chức Đại hội của Hiệp    |", "                         |")
                         .replace("hội Doanh nghiệp tỉnh    |", "                         |")) + textwrap.dedent("""\

        **QUYẾT ĐỊNH**

        **Về việc thành lập Tổ công tác cải cách hành chính**

        **CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN**

        *Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm
        2025;*

        *Theo đề nghị của Giám đốc Sở Nội vụ.*

        **QUYẾT ĐỊNH:**

        **Điều 1.** Thành lập Tổ công tác cải cách hành chính tỉnh.

        **Điều 2.** Quyết định này có hiệu lực kể từ ngày ký./.

        +------------------------------------+---------------------------------+
        | ***Nơi nhận:***                    | **KT. CHỦ TỊCH**                |
        |                                    |                                 |
        | \\- Như Điều 2;                     | **PHÓ CHỦ TỊCH**                |
        |                                    |                                 |
        | \\- Lưu: VT, NC.                    | **Nguyễn Hồng Hải**             |
        +====================================+=================================+
        """)
    [doc] = parse_text(md).documents
    assert (doc.number, doc.symbol, doc.place, doc.date, doc.doc_type) == ("12", "UBND-NC", "Bình Thuận",
                                                                           "2025-02-05", "Quyết định")
    assert doc.title == "Về việc thành lập Tổ công tác cải cách hành chính"
    assert doc.can_cu[0] == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
    assert [n.label for n in doc.body] == ["Điều 1.", "Điều 2."]
    assert doc.signature and (doc.signature.authority, doc.signature.signer) == ("KT.", "Nguyễn Hồng Hải")
    assert doc.recipients == ["Như Điều 2;"] and doc.storage == "Lưu: VT, NC."


def test_what_is_not_pandocs_markdown():
    # a legal-text site's export, a plain extracted text, a Markdown file with one escape
    assert not is_pandoc("|\n**ỦY BAN NHÂN DÂN**\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n")
    assert not is_pandoc("ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND\n1. Mục tiêu\n- Như trên;\n")
    assert not is_pandoc("Tệp lưu ở C:\\Tai lieu\\ke hoach.docx\n")
    assert is_pandoc(GRID_HEADER) and is_pandoc(textwrap.dedent(MULTILINE_HEADER))


def test_tight_lists_footnotes_and_a_dash_after_a_line_break():
    md = """\
    -   Sở Nội vụ;
    -   Sở Tư pháp.

    ***Nơi nhận:\\***
    - Như trên;\\
    - Lưu: VT.

    Văn bản có chú thích.[^1]

    [^1]: Theo Kế hoạch số 9669/KH-UBND.

        Đoạn thứ hai của chú thích.

    Đoạn của thân văn bản.
    """
    got = [(b.text, b.auto_number, b.part) for b in pandoc_blocks(textwrap.dedent(md))]
    assert got == [("- Sở Nội vụ;", True, "body"), ("- Sở Tư pháp.", True, "body"),
                   ("Nơi nhận:", False, "body"), ("- Như trên;", False, "body"), ("- Lưu: VT.", False, "body"),
                   ("Văn bản có chú thích.", False, "body"),
                   ("Theo Kế hoạch số 9669/KH-UBND.", False, "footnote"),
                   ("Đoạn thứ hai của chú thích.", False, "footnote"),
                   ("Đoạn của thân văn bản.", False, "body")]
