"""The terminal table (`vbhc.report.grid`): widths, wrapping, folding, justification, colour."""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len

from vbhc.report.grid import Column, column_widths, fold, render

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLUMNS = [Column("Tệp", max_width=12), Column("Cơ quan", min_width=10), Column("Lỗi", "right")]


def test_a_line_that_fits_is_kept_as_it_is():
    assert fold("a  b", 10) == ["a  b"]
    assert fold("", 5) == [""]


def test_lines_break_at_spaces_and_a_long_word_is_cut():
    assert fold("bản trùng (không tính)", 19) == ["bản trùng (không", "tính)"]
    assert fold("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert all(cell_len(line) <= 6 for line in fold("ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", 6))


def test_width_is_counted_in_terminal_cells():
    decomposed = unicodedata.normalize("NFD", "Sở Nội vụ")
    assert fold(decomposed, 9) == [decomposed]  # 9 cells, more code points
    assert fold("漢字漢字", 4) == ["漢字", "漢字"]  # two cells each


def test_columns_take_their_content_width_within_their_bounds():
    rows = [[("một-tệp-rất-dài.docx", ""), ("SỞ Y TẾ", ""), ("2", "")]]
    assert column_widths(COLUMNS, rows, 200) == [12, 10, 3]


def test_a_narrow_screen_wraps_between_words_before_cutting_them():
    rows = [[("a.txt", ""), ("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH", ""), ("12", "")]]
    wide = column_widths(COLUMNS, rows, 200)
    narrow = column_widths(COLUMNS, rows, 30)
    assert sum(narrow) + 3 * len(narrow) + 1 <= 30 < sum(wide) + 3 * len(wide) + 1
    assert narrow[1] >= 10  # never below a column's least width


def test_the_table_is_drawn_like_rich_and_every_line_is_as_wide():
    rows = [[("a.txt", ""), ("SỞ Y TẾ", ""), ("0", "")],
            [("tệp-tên-dài-quá.txt", ""), ("ỦY BAN NHÂN DÂN XÃ MẪU", "red"), ("12", "")]]
    lines = render("Kết quả", COLUMNS, rows, 80, colour=False)
    assert lines[1].startswith("┏") and lines[-1].startswith("└") and "┡" in lines[3]
    assert len({cell_len(line) for line in lines}) == 1
    body = [line for line in lines if line.startswith("│")]
    assert body[0].split("│")[3] == "   0 "  # right-justified
    assert [line.split("│")[1].strip() for line in body[1:]] == ["tệp-tên-dài-", "quá.txt"]
    assert "\x1b" not in "".join(lines)


def test_colour_styles_the_text_and_changes_nothing_else():
    rows = [[("a.txt", ""), ("SỞ Y TẾ", "bold red"), ("3", "yellow")]]
    plain = render("Kết quả", COLUMNS, rows, 80, colour=False)
    coloured = render("Kết quả", COLUMNS, rows, 80, colour=True)
    assert "\x1b[1;31mSỞ Y TẾ\x1b[0m" in "".join(coloured) and "\x1b[33m3\x1b[0m" in "".join(coloured)
    assert [ANSI.sub("", line) for line in coloured] == plain


def test_markup_in_a_cell_is_text():
    lines = render("x", COLUMNS, [[("a[/]b.txt", ""), ("[bold]XÃ[/]", ""), ("0", "")]], 80, colour=True)
    assert "a[/]b.txt" in "".join(lines) and "[bold]XÃ[/]" in "".join(lines)

