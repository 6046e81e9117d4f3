"""The label systems of Vietnamese documents: Roman numerals (I., Chương II) and point letters (a), đ)).

Written once here; parse, rules and generate read and write labels through these functions.
Word's own "lowerLetter" numbering is the English alphabet and belongs to the .docx reader.
"""

from __future__ import annotations

from vbhc.nd30 import POINT_LETTERS

_ROMAN_VALUES = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman(n: int) -> str:
    """4 → "IV"; outside 1–3999 (no Roman numeral) the Arabic digits."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN_VALUES:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def roman_value(text: str) -> int | None:
    """"IV" → 4; None when the text is not a Roman numeral written in capitals."""
    if not text or any(c not in _ROMAN_DIGITS for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN_DIGITS[c]
        total += -v if i + 1 < len(text) and _ROMAN_DIGITS[text[i + 1]] > v else v
    return total if roman(total) == text else None


def point_letter(n: int) -> str:
    """The n-th point letter of the Vietnamese alphabet (Phụ lục I, mục II.6.đ): 5 → "đ", 6 → "e".

    Past "y" (23 points, rare) the letter repeats with a number: "y2".
    """
    if n <= len(POINT_LETTERS):
        return POINT_LETTERS[max(n, 1) - 1]
    return f"{POINT_LETTERS[-1]}{n - len(POINT_LETTERS) + 1}"


def point_index(letter: str) -> int | None:
    """"đ" → 5; None for a letter outside the alphabet of points (f, j, w, z)."""
    return POINT_LETTERS.index(letter) + 1 if letter in POINT_LETTERS else None
