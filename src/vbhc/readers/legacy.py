"""Legacy Vietnamese text (TCVN3/ABC and VNI) to Unicode, and back (for tests and fixtures).

Detection, in order of trust:
- by font name, per run (the .docx reader passes each run's font and text here *before* runs
  are joined, because one paragraph can mix a .VnTimeH capital with .VnTime text):
  ".Vn…" fonts are TCVN3 (".Vn…H" all capitals), "VNI-…" fonts are VNI;
- by character statistics where there is no font (text files): a text with many Windows-1252
  letters, almost no Unicode Vietnamese letters, and whose words become valid Vietnamese
  syllables when converted (a syllable grammar, not a dictionary) is converted with the table
  that makes the most words valid. A text in French or German stays as it is: its words do not
  become Vietnamese syllables.

The tables are in vbhc.readers.legacy_tables. The package `viparse` was evaluated for this (see
docs in bench/README.md): its TCVN3 table equals the classic one, but its VNI table lacks ẳ/Ẳ
and the i-with-tone mark forms, and it cannot restore ".VnTimeH" capitals; so vbhc keeps its
own tables, generated from the mark bytes rather than typed letter by letter.
"""

from __future__ import annotations

import unicodedata

import regex as re

from vbhc import rx
from vbhc.readers.legacy_tables import (
    ACUTE,
    BREVE,
    CIRCUMFLEX,
    DOT,
    GRAVE,
    HOOK,
    HORN,
    TCVN3,
    TILDE,
    VNI_BREVE,
    VNI_CAPITAL_LETTERS,
    VNI_CIRCUMFLEX,
    VNI_LETTERS,
    VNI_TONES,
)

TCVN3_NAME, VNI_NAME = "tcvn3", "vni"
LABELS = {TCVN3_NAME: "TCVN3", VNI_NAME: "VNI"}

_SUBSET = rx.compile(r"^[A-Z]{6}\+")


def _clean(font: str | None) -> str:
    return _SUBSET.sub("", (font or "").strip())


def font_encoding(font: str | None) -> str | None:
    """"tcvn3" for the ABC fonts (.VnTime, .VnArialH, …), "vni" for VNI-Times & co, else None."""
    name = _clean(font).lower()
    if name.startswith(".vn"):
        return TCVN3_NAME
    if name.startswith("vni") and (len(name) == 3 or name[3] in "-_ "):
        return VNI_NAME
    return None


def is_caps_font(font: str | None) -> bool:
    """The TCVN3 all-capitals fonts: .VnTimeH, .VnArialH, .VnArial NarrowH, …"""
    name = _clean(font)
    return font_encoding(name) == TCVN3_NAME and len(name) > 4 and name.endswith("H")


def _unprivate(text: str) -> str:
    """Symbol-charset fonts are stored at U+F000 + byte by Word: bring them back to the byte."""
    if not any("\uf000" <= c <= "\uf0ff" for c in text):
        return text
    return "".join(chr(ord(c) - 0xF000) if "\uf000" <= c <= "\uf0ff" else c for c in text)


def decode_tcvn3(text: str) -> str:
    return "".join(TCVN3.get(c, c) for c in _unprivate(text))


_VOWELS = set("aeiouyAEIOUY")
_CIRC_BASES = set("aeoAEO")


def decode_vni(text: str) -> str:
    text = _unprivate(text)
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        nxt = text[i + 1].lower() if i + 1 < n else ""
        base: str | None = None
        if c in VNI_LETTERS:
            base = VNI_LETTERS[c]
        elif c in VNI_CAPITAL_LETTERS:
            base = VNI_CAPITAL_LETTERS[c]
        elif c in _VOWELS:
            base = c
        if base is None:
            out.append(c)
            i += 1
            continue
        marks = None
        letter = unicodedata.normalize("NFD", base)[0].lower()
        if nxt in VNI_TONES and (letter in "aeiouy" or base.lower() in "ơư"):
            marks = VNI_TONES[nxt]
        elif nxt in VNI_CIRCUMFLEX and c in _CIRC_BASES:
            marks = VNI_CIRCUMFLEX[nxt]
        elif nxt in VNI_BREVE and c in "aA":
            marks = VNI_BREVE[nxt]
        if marks is None:
            out.append(base)
            i += 1
        else:
            out.append(unicodedata.normalize("NFC", base + marks))
            i += 2
    return "".join(out)


def convert(text: str, encoding: str, caps: bool = False) -> str:
    """Legacy text to Unicode (NFC); `caps` for the all-capitals fonts."""
    out = decode_tcvn3(text) if encoding == TCVN3_NAME else decode_vni(text) if encoding == VNI_NAME else text
    out = unicodedata.normalize("NFC", out)
    return _upper(out) if caps else out


def _upper(text: str) -> str:
    """upper() that never changes the length (ß stays ß)."""
    return "".join(u if len(u := c.upper()) == 1 else c for c in text)


def convert_run(text: str, font: str | None) -> tuple[str, str | None]:
    """One run: (Unicode text, encoding used or None when the font is not legacy)."""
    enc = font_encoding(font)
    if enc is None:
        return text, None
    return convert(text, enc, is_caps_font(font)), enc


def legacy_note(encodings: dict[str, int], fonts: dict[str, int]) -> str:
    """"đã chuyển mã TCVN3 → Unicode: 1234 ký tự (phông .VnTime, .VnTimeH)": the readers' note."""
    parts = [f"{LABELS.get(enc, enc)} → Unicode: {n} ký tự" for enc, n in encodings.items()]
    where = f" (phông {', '.join(fonts)})" if fonts else ""
    return "đã chuyển mã " + "; ".join(parts) + where


# ---------------------------------------------------------------------------------------------
# Detection without a font


_TONES = {ACUTE, GRAVE, HOOK, TILDE, DOT}
_SYLLABLE = rx.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_WORD = rx.compile(r"[^\W\d_]+")
_SPACE_KEPT = rx.compile(r"(\s+)")  # split on spaces, the spaces kept
_UNICODE_VIET = rx.compile(r"[ăđơưĂĐƠƯĩũĨŨ\u1ea0-\u1ef9]")  # letters outside Latin-1 only
_HIGH = rx.compile(r"[\xa0-\xff\uf0a0-\uf0ff]")


def _valid_syllable(word: str) -> bool:
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def syllable_rate(text: str) -> float:
    """Share of words that are well-formed Vietnamese syllables."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if _valid_syllable(w)) / len(words)


def detect(text: str) -> str | None:
    """The legacy encoding of a text without font information, or None (leave it as it is)."""
    sample = text[:200_000]
    high = len(_HIGH.findall(sample))
    if high < 3:
        return None
    if len(_UNICODE_VIET.findall(sample)) * 10 > high:
        return None
    base = syllable_rate(sample)
    scores = {enc: syllable_rate(convert(sample, enc)) for enc in (TCVN3_NAME, VNI_NAME)}
    best = max(scores, key=lambda e: scores[e])
    other = min(scores, key=lambda e: scores[e])
    if scores[best] >= 0.7 and scores[best] - base >= 0.1 and scores[best] - scores[other] >= 0.03:
        return best
    return None


_TOKEN = rx.compile(r"[A-Za-z\xa1-\xfe]+")
_CAPITAL_BYTES = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ\xa1\xa2\xa3\xa4\xa5\xa6\xa7")


def convert_text(text: str, encoding: str) -> str:
    """A whole text without fonts (a .txt). TCVN3 has no accented capitals: they were drawn by
    an all-capitals font, which a text file does not name. So a TCVN3 word is upper-cased when
    its letters say it was typed in capitals: no ASCII lowercase letter, and two capitals, or
    one capital in a line with no ASCII lowercase letter at all ("QUYÕT §ÞNH", "ñY BAN").
    Capitals typed in lowercase keys in an H font cannot be recovered from a text file."""
    if encoding != TCVN3_NAME:
        return convert(text, encoding)
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        line_caps = not any("a" <= c <= "z" for c in line)

        def word(m: re.Match[str], line_caps: bool = line_caps) -> str:
            w = m.group()
            if any("a" <= c <= "z" for c in w):
                return convert(w, encoding)
            capitals = sum(1 for c in w if c in _CAPITAL_BYTES)
            caps = capitals >= 2 or (capitals == 1 and line_caps)
            return convert(w, encoding, caps=caps)

        out.append(_TOKEN.sub(word, line))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Unicode → legacy (for building test files; the reader never needs it)

_TCVN3_INVERSE = {v: k for k, v in TCVN3.items()}
_TONE_TO_VNI = {v: k for k, v in VNI_TONES.items()}
_CIRC_TO_VNI = {v: k for k, v in VNI_CIRCUMFLEX.items()}
_BREVE_TO_VNI = {v: k for k, v in VNI_BREVE.items()}
_I_TONES = {"ì": "\xec", "í": "\xed", "ỉ": "\xe6", "ĩ": "\xf3", "ị": "\xf2"}


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 characters. Accented capitals have no TCVN3 code: they are encoded as
    their lowercase letter (to be set in an "H" font, see `encode_tcvn3_runs`)."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in _TCVN3_INVERSE:
            out.append(_TCVN3_INVERSE[c])
        elif c.lower() in _TCVN3_INVERSE and c != c.lower():
            out.append(_TCVN3_INVERSE[c.lower()])
        else:
            out.append(c)
    return "".join(out)


def encode_tcvn3_runs(text: str) -> list[tuple[str, bool]]:
    """Unicode → [(TCVN3 text, needs an all-capitals font)], as an ABC typist sets it: a word
    holding an accented capital (no TCVN3 code) goes into the "H" font, typed in lowercase."""
    runs: list[tuple[str, bool]] = []

    def add(piece: str, caps: bool) -> None:
        if runs and runs[-1][1] == caps:
            runs[-1] = (runs[-1][0] + piece, caps)
        else:
            runs.append((piece, caps))

    def needs_h(c: str) -> bool:
        return c.isupper() and c not in _TCVN3_INVERSE and c.lower() in _TCVN3_INVERSE

    for token in _SPACE_KEPT.split(unicodedata.normalize("NFC", text)):
        if not any(needs_h(c) for c in token):
            add(encode_tcvn3(token), False)
        elif token.isupper():  # a capitals word: all of it in the H font
            add(encode_tcvn3(token.lower()), True)
        else:  # "Ủy": only the accented capital in the H font
            for c in token:
                add(encode_tcvn3(c.lower()) if needs_h(c) else encode_tcvn3(c), needs_h(c))
    return runs


def encode_vni(text: str) -> str:
    out = []
    for c in unicodedata.normalize("NFC", text):
        low = c.lower()
        upper = c != low
        if low in _I_TONES:
            code = _I_TONES[low]
            out.append(code.upper() if upper else code)
            continue
        nfd = unicodedata.normalize("NFD", low)
        base, marks = nfd[0], nfd[1:]
        if not marks and low not in ("đ",):
            out.append(c)
            continue
        if low == "đ":
            out.append("\xd1" if upper else "\xf1")
            continue
        tone = next((m for m in marks if m in _TONES), "")
        shape = next((m for m in marks if m in (CIRCUMFLEX, BREVE, HORN)), "")
        if shape == HORN:  # ơ, ư are single bytes, then the tone mark
            head = {"o": "\xf4", "u": "\xf6"}.get(base)
            if head is None:
                out.append(c)
                continue
            seq = head + (_TONE_TO_VNI[tone] if tone else "")
        elif shape == CIRCUMFLEX:
            seq = base + _CIRC_TO_VNI[CIRCUMFLEX + tone]
        elif shape == BREVE:
            seq = base + _BREVE_TO_VNI[BREVE + tone]
        elif tone and base in "aeiouy":
            seq = base + _TONE_TO_VNI[tone]
        else:
            out.append(c)
            continue
        out.append(seq.upper() if upper else seq)
    return "".join(out)
