"""Dates, numbers, comparisons and label numbering: written once, read as officers write them."""

import datetime as dt

import pytest

from vbhc import dates
from vbhc.numbering import point_index, point_letter, roman, roman_value
from vbhc.quantities import show, vn_number


@pytest.mark.parametrize("text, iso", [
    ("2025-07-25", "2025-07-25"), ("25/07/2025", "2025-07-25"), ("25/7/2025", "2025-07-25"),
    ("5.2.2026", "2026-02-05"), ("ngày 05 tháng 02 năm 2026", "2026-02-05"), (dt.date(2026, 1, 15), "2026-01-15"),
    ("30/02/2026", None), ("2026-02-30", None), ("hôm qua", None), ("25/07/2025 và 26/07/2025", None),
])
def test_parse(text, iso):
    assert dates.parse(text) == iso


def test_find_in_a_sentence():
    assert dates.find("Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh") == "2025-07-15"
    assert dates.find("không có ngày") is None


@pytest.mark.parametrize("iso, words, cited, shown", [
    ("2026-02-05", "ngày 05 tháng 02 năm 2026", "05/02/2026", "05/02/2026"),
    ("2025-07-15", "ngày 15 tháng 7 năm 2025", "15/7/2025", "15/07/2025"),
    ("2025-12-31", "ngày 31 tháng 12 năm 2025", "31/12/2025", "31/12/2025"),
])
def test_written_forms(iso, words, cited, shown):
    assert (dates.words(iso), dates.cited(iso), dates.display(iso)) == (words, cited, shown)


def test_blank_dates():
    assert dates.words(None) == "ngày … tháng … năm …"
    assert dates.display(None) == "—"


@pytest.mark.parametrize("n, text", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman_round_trip(n, text):
    assert roman(n) == text and roman_value(text) == n


def test_roman_value_refuses_non_numerals():
    assert roman_value("IIII") is None and roman_value("ab") is None and roman_value("") is None


def test_point_letters_follow_the_vietnamese_alphabet():
    assert [point_letter(n) for n in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert point_index("đ") == 5 and point_index("f") is None
    assert point_letter(24) == "y2"


def test_numbers_and_comparisons():
    assert vn_number(87.5) == "87,5" and vn_number(95.0) == "95" and vn_number(25, 1) == "25,0"
    assert show(">=", 95, "%") == "≥ 95%" and show("reduce_by", 10.5, "%") == "giảm 10,5%"
    assert show("increase", None) == "tăng" and show(">=", 30, "ngày") == "≥ 30 ngày"
