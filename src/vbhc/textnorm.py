"""Normalisation for matching only: never applied to text that is kept or shown."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex as re

from vbhc import rx

_SPACES = rx.compile(r"\s+")

# Old-style tone placement → new style (hoà → hòa, thuỷ → thủy, Uỷ → Ủy), on NFC text.
OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE_RE = rx.compile("|".join(sorted(OLD_TONES, key=len, reverse=True)), re.I)


def _new_tone(m: re.Match[str]) -> str:
    old = m.group()
    new = OLD_TONES[old.lower()]
    return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new, strict=True))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def modern_tones(text: str) -> str:
    """NFC with the new tone-mark placement, for comparing words written either way."""
    return _OLD_TONE_RE.sub(_new_tone, nfc(text))


# "Đ" and the letters typed for it: the Icelandic eth "Ð" (U+00D0) prints the same (a real Tiêu ngữ
# was typed "Ðộc lập"), and the African "Ɖ" (U+0189).
_D_LOOKALIKES = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d", "Ɖ": "D", "ɖ": "d"})
# The same letters, each with the Vietnamese letter it stands for.
LOOKALIKE_D = {"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"}
_TO_D = str.maketrans(LOOKALIKE_D)


def lookalikes(text: str) -> list[str]:
    """The letters of `text` typed for "Đ"/"đ" that only look like it (LOOKALIKE_D), each once, in order."""
    return list(dict.fromkeys(ch for ch in text if ch in LOOKALIKE_D))


def with_real_d(text: str) -> str:
    """`text` with every look-alike of "Đ"/"đ" replaced by the Vietnamese letter."""
    return text.translate(_TO_D)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, no diacritics, đ→d, single spaces: the loosest form, for classification."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_LOOKALIKES))
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", bare).strip().casefold()


_NOT_A_LETTER = rx.compile(r"[^a-z]")


@lru_cache(maxsize=4096)
def letters_of(text: str) -> str:
    """The folded letters alone: "CỘNG HOÀ XÃ HỘI …", "Cộng hòa xã hội …" and "CỘNG HÒA  XÃ-HỘI" agree. For
    telling a fixed heading (Quốc hiệu, Tiêu ngữ, the Party's line) whatever its tones, spaces or marks."""
    return _NOT_A_LETTER.sub("", fold(text))


def squash(text: str) -> str:
    """Single spaces, trimmed."""
    return _SPACES.sub(" ", text).strip()


_TWO_LETTERS = rx.compile(r"\p{L}.*?\p{L}", re.S)


def has_letters(text: str) -> bool:
    """At least two letters: enough for a line to have a case ("2030", "- 2 -" have none)."""
    return _TWO_LETTERS.search(text) is not None


def is_upper(text: str) -> bool:
    """All letters are capitals (and there are at least two letters).

    `str.isupper` is True when every cased character is a capital and there is one; Vietnamese
    letters all have case, so it says the same as testing each letter, in C."""
    return text.isupper() and has_letters(text)
