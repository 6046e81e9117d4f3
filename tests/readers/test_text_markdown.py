"""Full texts from legal-text sites: cells between lines of "|", `**`/`*` spans, hard wraps.

Small cases, one per construct, beside the five real files of ../shared/corpus/real/md*.md
compared with their gold (corpus/gold/real).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped]
from docx_fixtures import real

from vbhc.check import check_file
from vbhc.model import Block, TablePos
from vbhc.parse import parse_file, parse_text
from vbhc.readers.markdown import is_legal_site, legal_site_blocks, page_lines, table_rows
from vbhc.readers.text import lines_to_blocks
from vbhc.textnorm import modern_tones

GOLD = Path(__file__).parents[2] / "corpus" / "gold" / "real"

HEADER = """\
|
**ỦY BAN NHÂN DÂN**
TỈNH NGHỆ AN
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 1026/KH-UBND
|
*Nghệ An, ngày 26
tháng 11 năm 2025*
|
"""

CLOSING = """\
|
Nơi nhận:
- Văn phòng Chính phủ;
- Bộ Công an (qua Cục A03) *(để báo cáo)*;
- Lưu: VTUB, NC.
|
**TM. ỦY BAN NHÂN
DÂN**
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Bùi Thanh An
|
"""

DOCUMENT = HEADER + """
* *

**KẾ HOẠCH**

Triển khai thực hiện Chỉ thị
số 32/CT-TTg trên địa bàn tỉnh

Thực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của
Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch
như sau:

**I. MỤC ĐÍCH,
YÊU CẦU**

**1.** Tiếp tục đẩy mạnh công tác tuyên truyền,
phổ biến pháp luật.

**2.** Chủ động khắc phục những tồn tại./.

""" + CLOSING


def blocks(text: str) -> list[Block]:
    return legal_site_blocks(textwrap.dedent(text))


def texts(text: str) -> list[str]:
    return [b.text for b in blocks(text)]


# --- detection --------------------------------------------------------------------------------
def test_lines_of_only_a_bar_tell_the_layout():
    assert is_legal_site(HEADER)
    assert is_legal_site("|\nmột ô\n|\n")


def test_table_rows_written_with_bars_inside_are_not_the_layout():
    """A GFM table ("| a | b |") or one stray bar is another converter's output."""
    assert not is_legal_site("| STT | Nội dung |\n|---|---|\n| 1 | Rà soát |\n")
    assert not is_legal_site("Dòng một\n|\nDòng hai\n")


def test_text_reader_hands_the_layout_over():
    by_text_reader = lines_to_blocks(HEADER)
    assert [b.text for b in by_text_reader] == [b.text for b in legal_site_blocks(HEADER)]
    assert by_text_reader[0].table == TablePos(0, 0, 0)


def test_other_text_keeps_the_text_reader():
    out = lines_to_blocks("| STT | Nội dung |\n|---|---|\n| 1 | Rà soát |\n")
    assert [b.text for b in out] == ["STT", "Nội dung", "1", "Rà soát"]


# --- the header table -------------------------------------------------------------------------
def test_header_cells_become_lines_of_two_columns():
    out = blocks(HEADER)
    assert [(b.text, b.table.row, b.table.col, b.column) for b in out if b.table] == [
        ("ỦY BAN NHÂN DÂN", 0, 0, 0),
        ("TỈNH NGHỆ AN", 0, 0, 0),
        ("-------", 0, 0, 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0, 1, 1),
        ("Độc lập - Tự do - Hạnh phúc", 0, 1, 1),
        ("---------------", 0, 1, 1),
        ("Số: 1026/KH-UBND", 1, 0, 0),
        ("Nghệ An, ngày 26 tháng 11 năm 2025", 1, 1, 1),
    ]
    assert [b.location.line for b in out] == [2, 3, 4, 6, 8, 9, 12, 14]


def test_bold_span_over_two_lines_is_one_bold_line():
    out = blocks(HEADER)
    assert out[3].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and out[3].style.bold
    assert not out[4].style.bold  # the Tiêu ngữ after the span is a line of its own


def test_closed_bold_span_ends_the_line():
    """"**ỦY BAN NHÂN DÂN**" then "TỈNH NGHỆ AN": two lines, only the first marked."""
    out = blocks(HEADER)
    assert (out[0].text, out[0].style.bold, out[1].text, out[1].style.bold) == (
        "ỦY BAN NHÂN DÂN", True, "TỈNH NGHỆ AN", False)


def test_span_closed_on_a_line_of_its_own():
    assert texts("|\n**ỦY BAN NHÂN DÂN\n**\nTỈNH SƠN LA\n|\nX\n|\n") == [
        "ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "X"]


def test_italic_place_date_over_two_lines():
    out = blocks(HEADER)
    assert out[-1].text == "Nghệ An, ngày 26 tháng 11 năm 2025"
    assert out[-1].style.italic and not out[-1].style.bold


def test_place_date_and_quoc_hieu_cut_without_marks_are_joined():
    out = texts("|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n"
                "Hà Nội, ngày 17\ntháng 11 năm 2025\n|\n")
    assert out == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Hà Nội, ngày 17 tháng 11 năm 2025"]


def test_number_cut_from_so_is_joined():
    # 001c… and 01bf… of the legal-site dataset: the cell wrapped right after "Số:"
    out = texts("|\n**ỦY BAN NHÂN DÂN**\n**TỈNH LAI CHÂU**\n|\nX\n|\n|\nSố:\n87/2025/QĐ-UBND\n|\n"
                "*Lai Châu, ngày 19 tháng 11 năm 2025*\n|\n")
    assert out == ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "X", "Số: 87/2025/QĐ-UBND",
                   "Lai Châu, ngày 19 tháng 11 năm 2025"]
    doc = parse_text(HEADER.replace("Số: 1026/KH-UBND", "Số:\n1026/KH-UBND") + "\n**KẾ HOẠCH**\n\nThử\n").documents[0]
    assert (doc.issuer, doc.number, doc.symbol) == ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "1026", "KH-UBND")


def test_cell_lines_in_capitals_stay_apart():
    """"KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH" are two lines of the signature, not one wrapped line."""
    assert texts("|\nA\n|\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Thanh An\n|\n")[1:] == [
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Thanh An"]


def test_lowercase_continuation_in_a_cell_is_joined():
    out = texts("|\nNơi nhận:\n- VP UBND tỉnh: LĐVP, các phòng,\nđơn vị;\n- Lưu: VT.\n|\nX\n|\n")
    assert out[:3] == ["Nơi nhận:", "- VP UBND tỉnh: LĐVP, các phòng, đơn vị;", "- Lưu: VT."]


# --- the closing table ------------------------------------------------------------------------
def test_closing_cells_are_the_two_columns():
    out = blocks(CLOSING)
    left = [b.text for b in out if b.column == 0]
    right = [b.text for b in out if b.column == 1]
    assert left == ["Nơi nhận:", "- Văn phòng Chính phủ;", "- Bộ Công an (qua Cục A03) (để báo cáo);",
                    "- Lưu: VTUB, NC."]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Thanh An"]
    assert all(b.table == TablePos(0, 0, b.column) for b in out)


def test_note_in_italics_does_not_make_the_item_italic():
    item = blocks(CLOSING)[2]
    assert item.text == "- Bộ Công an (qua Cục A03) (để báo cáo);" and not item.style.italic


# --- body paragraphs --------------------------------------------------------------------------
def test_hard_wrapped_paragraph_is_one_block():
    out = texts("Thực hiện Chỉ thị số 32/CT-TTg của\nThủ tướng Chính phủ, UBND tỉnh ban hành\nKế hoạch như sau:\n")
    assert out == ["Thực hiện Chỉ thị số 32/CT-TTg của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:"]


def test_blank_lines_part_paragraphs():
    assert texts("Đoạn một.\n\nĐoạn\nhai.\n") == ["Đoạn một.", "Đoạn hai."]


def test_sentence_cut_by_a_blank_line_is_rejoined():
    assert texts("- Đơn vị phối hợp: các cơ quan, đơn vị, địa phương\n\nliên quan.\n") == [
        "- Đơn vị phối hợp: các cơ quan, đơn vị, địa phương liên quan."]


def test_point_written_with_a_dot_after_a_clause_title_is_not_a_wrap():
    # 01bf… of the legal-site dataset: "3. Sở Văn hóa, Thể thao và / Du lịch" then its points "a.", "b."
    assert texts("3. Sở Văn hóa, Thể thao và\nDu lịch\n\na. Chủ trì, chỉ đạo các cơ\nquan báo chí.\n") == [
        "3. Sở Văn hóa, Thể thao và Du lịch", "a. Chủ trì, chỉ đạo các cơ quan báo chí."]
    assert texts("- Phối hợp với các cơ quan\n\nv.v. liên quan.\n") == ["- Phối hợp với các cơ quan v.v. liên quan."]


def test_point_after_a_heading_is_not_a_wrap():
    assert texts("**2. Yêu cầu**\n\na) Triển khai đầy đủ.\n\nb) Gắn trách nhiệm\n\nc) Bảo đảm.\n") == [
        "2. Yêu cầu", "a) Triển khai đầy đủ.", "b) Gắn trách nhiệm", "c) Bảo đảm."]


def test_bold_label_is_kept_and_the_paragraph_is_not_bold():
    out = blocks("**1.** Tiếp tục đẩy mạnh công tác tuyên truyền,\nphổ biến pháp luật.\n")
    assert out[0].text == "1. Tiếp tục đẩy mạnh công tác tuyên truyền, phổ biến pháp luật."
    assert not out[0].style.bold


def test_bold_heading_over_two_lines():
    out = blocks("**I. MỤC ĐÍCH,\nYÊU CẦU**\n\n**1**. **Mục đích**\n")
    assert [(b.text, b.style.bold) for b in out] == [("I. MỤC ĐÍCH, YÊU CẦU", True), ("1. Mục đích", True)]


def test_marks_around_nothing_give_no_block():
    assert texts("* *\n\n** **\n\n**KẾ HOẠCH**\n") == ["KẾ HOẠCH"]


def test_list_item_after_a_finished_line_starts_a_line():
    assert texts("Gồm các nội dung sau:\n- Rà soát;\n- Báo cáo.\n") == [
        "Gồm các nội dung sau:", "- Rà soát;", "- Báo cáo."]


def test_dash_of_a_wrapped_range_is_not_an_item():
    """"… giai đoạn 2026" / "- 2030 phấn đấu …": the line before does not end, so it wraps."""
    assert texts("Trong giai đoạn 2026\n- 2030 phấn đấu đạt mục tiêu.\n") == [
        "Trong giai đoạn 2026 - 2030 phấn đấu đạt mục tiêu."]


# --- tables of several columns ----------------------------------------------------------------
def cells(spec: str) -> list[list[tuple[int, str]]]:
    """"a|b||c": the slots between bars, empty where two bars follow each other."""
    return [[(0, x)] if x else [] for x in spec.split("|")]


def shape(rows: list[list[list[tuple[int, str]]]]) -> list[list[str]]:
    return [[c[0][1] if c else "" for c in row] for row in rows]


def test_rows_of_full_cells():
    assert shape(table_rows(cells("1|a|b||2|c|d"))) == [["1", "a", "b"], ["2", "c", "d"]]


def test_trailing_empty_cells_belong_to_their_row():
    rows = table_rows(cells("TT|Tên|2026|2027||I|CÂY||||1|Cà phê|10|20"))
    assert shape(rows) == [["TT", "Tên", "2026", "2027"], ["I", "CÂY", "", ""], ["1", "Cà phê", "10", "20"]]


def test_merged_header_rows_are_short_rows():
    rows = table_rows(cells("TT|Chỉ tiêu|Giai đoạn||Năm 2026|Năm 2027||1|Cà phê|10|20"))
    assert shape(rows) == [["TT", "Chỉ tiêu", "Giai đoạn"], ["Năm 2026", "Năm 2027"], ["1", "Cà phê", "10", "20"]]


def test_empty_first_cell_opens_the_next_row():
    rows = table_rows(cells("TT|Tên|A|B|||1|2|3||1|Xoài|5|6"))
    assert shape(rows) == [["TT", "Tên", "A", "B"], ["", "1", "2", "3"], ["1", "Xoài", "5", "6"]]


def test_wide_table_has_no_column_and_a_position_per_cell():
    out = blocks("|\nTT\n|\nTên\n|\nĐVT\n|\n|\n1\n|\nCà phê\n|\nHa\n|\n")
    assert [(b.text, b.table.row, b.table.col, b.column) for b in out] == [
        ("TT", 0, 0, None), ("Tên", 0, 1, None), ("ĐVT", 0, 2, None),
        ("1", 1, 0, None), ("Cà phê", 1, 1, None), ("Ha", 1, 2, None)]


def test_tables_are_numbered_in_order():
    out = blocks(HEADER + "\nĐoạn văn.\n\n" + CLOSING)
    assert {b.table.table for b in out if b.table} == {0, 1}
    assert next(b for b in out if b.table is None).text == "Đoạn văn."


def test_pipe_table_in_the_same_text_is_a_table():
    """A "| a | b |" table beside the bar layout keeps its rows (its rule row is not a cell)."""
    out = blocks(HEADER + "\n| STT | Nội dung |\n|---|---|\n| 1 | Rà soát |\n")
    assert [(b.text, b.table) for b in out if b.table.table == 1] == [
        ("STT", TablePos(1, 0, 0)), ("Nội dung", TablePos(1, 0, 1)), ("1", TablePos(1, 1, 0)),
        ("Rà soát", TablePos(1, 1, 1))]


def test_pipe_like_line_in_prose_stays_prose():
    assert texts("|\nx\n|\n\nTỷ lệ | đạt 90%\n") == ["x", "Tỷ lệ | đạt 90%"]


def test_page_lines_keep_the_first_source_line():
    assert [n for _, _, n in page_lines([(5, "**A"), (6, "B**"), (7, "C")], in_cell=True)] == [5, 7]


# --- a whole document, parsed -----------------------------------------------------------------
def test_document_header_and_closing_are_read():
    doc = parse_text(DOCUMENT).documents[0]
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert doc.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.motto == "Độc lập - Tự do - Hạnh phúc"
    assert (doc.number, doc.symbol, doc.place, doc.date) == ("1026", "KH-UBND", "Nghệ An", "2025-11-26")
    assert doc.doc_type == "Kế hoạch"
    assert doc.title == "Triển khai thực hiện Chỉ thị số 32/CT-TTg trên địa bàn tỉnh"
    assert doc.recipients == ["Văn phòng Chính phủ;", "Bộ Công an (qua Cục A03) (để báo cáo);"]
    assert doc.storage == "Lưu: VTUB, NC."
    sig = doc.signature
    assert (sig.on_behalf_of, sig.authority, sig.positions, sig.signer) == (
        "ỦY BAN NHÂN DÂN", "KT.", ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Bùi Thanh An")


def test_document_outline_from_joined_paragraphs():
    doc = parse_text(DOCUMENT).documents[0]
    section = next(n for n in doc.body if n.kind == "section")
    assert (section.label, section.heading) == ("I.", "MỤC ĐÍCH, YÊU CẦU")
    assert [(c.label, c.text) for c in section.children] == [
        ("1.", "Tiếp tục đẩy mạnh công tác tuyên truyền, phổ biến pháp luật."),
        ("2.", "Chủ động khắc phục những tồn tại./."),
    ]


# --- the real files ---------------------------------------------------------------------------
REAL_FILES = ["md01-bacninh-kh-141-2025.md", "md02-nghean-kh-1026.md", "md05-hanoi-kh-308-nq214.md",
              "md10-hcm-qd-2853-kem-kehoach.md", "md12-sonla-qd-2954-kem-kehoach.md"]
# what the reader gives the parser right; the trích yếu in capitals is the parser's to place
READ_FIELDS = ("issuer", "number", "symbol", "place", "date", "doc_type")
# the findings a lost header or closing table draws
TABLE_RULES = {"ND30.QuocHieu.Thieu", "ND30.TieuNgu.Thieu", "ND30.SoKyHieu.Thieu", "ND30.NgayThang.Thieu",
               "ND30.TenLoai.Thieu", "ND30.CoQuan.Thieu", "ND30.NoiNhan.Luu", "ND30.NoiNhan.GachDauDong"}


def gold(name: str) -> dict:
    return yaml.safe_load((GOLD / name.replace(".md", ".yaml")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_header_and_closing_as_on_the_page(name):
    path = real(name)
    want = gold(name)["documents"][0]
    doc = parse_file(path).documents[0]
    for field in READ_FIELDS:
        assert (field, modern_tones(str(getattr(doc, field)))) == (field, modern_tones(str(want[field])))
    assert len(doc.recipients) == want["recipients"]
    assert doc.storage == want["storage"]
    assert (doc.signature.authority, doc.signature.signer) == (
        want["signature"]["authority"], want["signature"]["signer"])


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_first_document_draws_no_table_error(name):
    findings = check_file(str(real(name))).findings
    wrong = [f.rule for f in findings if f.document == 0 and f.severity == "error" and f.rule in TABLE_RULES]
    assert wrong == []


def test_real_appendix_table_rows():
    """md12 Phụ lục 01: two merged header rows, then rows of 9 cells (a group row keeps its empties)."""
    blocks_ = parse_file(real("md12-sonla-qd-2954-kem-kehoach.md")).source.blocks
    rows: dict[int, dict[int, str]] = {}
    for b in blocks_:
        if b.table is not None and b.table.table == 2:
            rows.setdefault(b.table.row, {})[b.table.col] = b.text
    assert rows[0] == {0: "TT", 1: "Chỉ tiêu", 2: "ĐVT", 3: "ƯTH Năm 2025", 4: "GIAI ĐOẠN 2026 - 2030"}
    assert rows[1] == {i: f"Năm {2026 + i}" for i in range(5)}
    assert rows[2] == {0: "I", 1: "CÂY CÔNG NGHIỆP"}
    assert rows[4] == {0: "-", 1: "Diện tích", 2: "Ha", 3: "26.120", 4: "27.000", 5: "27.500", 6: "28.000",
                       7: "29.000", 8: "30.000"}


# --- a whole page saved with the site's own text and no blank line ----------------------------
SAVED_PAGE = """\
|
|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**.
#
**Số hiệu:**
|
471/QĐ-UBND
|
|
**Loại văn bản:**
|
Quyết định
|
|
**ỦY BAN NHÂN
DÂN**
**TỈNH BẮC NINH**
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 471/QĐ-UBND
|
*Bắc Ninh, ngày 28 tháng 11 năm 2025*
|
**QUYẾT ĐỊNH**
VỀ VIỆC PHÊ DUYỆT DANH MỤC ĐỊA ĐIỂM TỔ CHỨC HỘI CHỢ,
TRIỂN LÃM THƯƠNG MẠI NĂM 2026
**ỦY BAN NHÂN DÂN TỈNH BẮC NINH**
*Căn cứ Luật Tổ chức chính
quyền địa phương ngày 16/6/2025;*
*Theo đề nghị của Giám đốc
Sở Công Thương tại Tờ trình số 131/TTr-SCT ngày 24/11/2025.*
**QUYẾT ĐỊNH:**
**Điều 1. **Phê
duyệt Danh mục địa điểm tổ chức hội chợ, triển lãm thương mại trên địa bàn tỉnh Bắc Ninh năm 2026,
cụ thể như sau:
*(Chi tiết tại Phụ lục kèm theo)*
**Điều 2. **Thủ
trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Công Thương; Chủ tịch UBND các xã, phường
và các tổ chức, cá nhân liên quan căn cứ Quyết định thi hành./.
|
*Nơi nhận:*
- Như Điều 2;
- Bộ Công Thương;
- Lưu: VT, KTTH.
|
**TM. ỦY BAN
NHÂN DÂN**
**KT. CHỦ TỊCH**
PHÓ CHỦ TỊCH
**Phạm Văn Thịnh**
|
Quyết định 471/QĐ-UBND năm 2025 phê duyệt Danh mục địa điểm tổ chức hội chợ, triển lãm thương mại
Văn bản này chưa cập nhật nội dung Tiếng Anh
Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế bên dưới.
|
Có thể tài khoản của bạn đã bị rò rỉ mật khẩu
|"""


def test_site_text_around_a_saved_page_is_page_header_and_footer():
    out = blocks(SAVED_PAGE)
    parts = {b.text: b.part for b in out}
    assert parts["Số hiệu:"] == parts["471/QĐ-UBND"] == "header"
    assert parts["Văn bản này chưa cập nhật nội dung Tiếng Anh"] == "footer"
    assert parts["Có thể tài khoản của bạn đã bị rò rỉ mật khẩu"] == "footer"
    assert [b.text for b in out if b.part == "body"][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"]


def test_body_of_a_page_without_blank_lines_is_paragraphs():
    body = [b for b in blocks(SAVED_PAGE) if b.part == "body" and b.table is None]
    assert [b.text for b in body[:3]] == [
        "QUYẾT ĐỊNH", "VỀ VIỆC PHÊ DUYỆT DANH MỤC ĐỊA ĐIỂM TỔ CHỨC HỘI CHỢ, TRIỂN LÃM THƯƠNG MẠI NĂM 2026",
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"]
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;" in [b.text for b in body]
    assert [b.text[:8] for b in body if b.text.startswith("Điều")] == ["Điều 1. ", "Điều 2. "]


def test_saved_page_parses_and_checks_as_the_document(tmp_path):
    page = tmp_path / "trang.md"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    assert [f.rule for f in check_file(str(page)).findings if f.severity == "error"] == []
    parsed = parse_text(SAVED_PAGE)
    [doc] = parsed.documents
    assert (doc.issuer, doc.number, doc.symbol, doc.place, doc.date, doc.doc_type) == (
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "471", "QĐ-UBND", "Bắc Ninh", "2025-11-28", "Quyết định")
    assert doc.title.startswith("VỀ VIỆC PHÊ DUYỆT DANH MỤC")
    assert len(doc.can_cu) == 2 and doc.recipients == ["Như Điều 2;", "Bộ Công Thương;"]
    assert (doc.signature.authority, doc.signature.signer) == ("KT.", "Phạm Văn Thịnh")


def test_a_page_with_blank_lines_keeps_its_cells():
    """Only a page with no blank line at all reads a long cell as prose: a clean page's table cell stays a cell."""
    cell = "\n".join(["Sản phẩm, dịch vụ của các ngành, lĩnh vực: thương mại, thương mại điện tử, dịch vụ"] * 6)
    out = blocks(f"|\nSTT\n|\nNội dung\n|\n|\n1\n|\n{cell}\n|\n\nĐoạn sau.\n")
    assert all(b.table is not None for b in out[:-1]) and out[-1].table is None


HEADER_FIELDS = ("issuer", "number", "symbol", "place", "date", "doc_type", "title", "national_title", "motto")


def _reading(path) -> tuple:
    parsed = parse_file(path)
    docs = [(tuple(" ".join(str(getattr(d, f)).split()) for f in HEADER_FIELDS),
             d.signature.signer if d.signature else None, len(d.recipients)) for d in parsed.documents]
    return docs, sorted(f.rule for f in check_file(str(path)).findings if f.severity == "error")


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_file_saved_without_blank_lines_reads_the_same(name, tmp_path):
    """The same page saved whole has no blank line: the header, the documents, the signer, the Nơi nhận
    and the error findings are those of the page with its blank lines."""
    text = real(name).read_text(encoding="utf-8")
    blankless = tmp_path / name
    blankless.write_text("\n".join(line for line in text.splitlines() if line.strip()), encoding="utf-8")
    assert _reading(blankless) == _reading(real(name))


SITE_HEAD = SAVED_PAGE[:SAVED_PAGE.index("**ỦY BAN NHÂN")].rstrip("\n").rsplit("\n|", 1)[0]  # banner and grid
SITE_TAIL = SAVED_PAGE[SAVED_PAGE.index("Quyết định 471/QĐ-UBND năm 2025"):]  # caption and notices


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_file_saved_whole_with_the_sites_text_reads_the_same(name, tmp_path):
    """The page saved whole: no blank line, the site's banner and facts grid before it, its caption and
    notices after it; the reading is that of the document alone."""
    lines = [line for line in real(name).read_text(encoding="utf-8").splitlines() if line.strip()]
    page = tmp_path / name
    page.write_text("\n".join([SITE_HEAD, *lines, SITE_TAIL]), encoding="utf-8")
    assert _reading(page) == _reading(real(name))
