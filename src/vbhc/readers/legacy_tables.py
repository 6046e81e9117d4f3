"""Legacy Vietnamese 8-bit encodings: the mapping tables (data only; the code is vbhc.readers.legacy).

Text typed in a legacy font is stored as ordinary Windows-1252 characters that only the font
draws as Vietnamese letters: "Céng hoµ" is "Cộng hoà" in .VnTime. These tables say which
character the font draws.

TCVN3 (TCVN 5712:1993 "VN3", the "ABC" fonts .VnTime, .VnArial, … and their all-capitals
".…H" variants): one byte per letter. The classic table below holds the seven unaccented
capitals (0xA1–0xA7) and every lowercase letter; there are no accented capitals: documents set
capitals in an "H" font (.VnTimeH), which draws the lowercase slots (and ASCII lowercase) as
capitals. So a run in an H font is converted with the same table, then upper-cased.

VNI (VNI-Windows, fonts VNI-Times, VNI-Helve, …): a toned vowel is a base ASCII letter followed
by one mark byte; đ, ơ, ư and the toned i's are single bytes. Capitals use the capital form of
the same bytes ("AØ" = "À"). Tables below: the mark bytes and what each adds.
"""

from __future__ import annotations

# TCVN3 byte (as the Windows-1252/Latin-1 character Word stores) → Unicode letter.
TCVN3: dict[str, str] = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
    # a
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    # ă
    "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    # â
    "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    # e
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    # ê
    "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    # i
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    # o
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    # ô
    "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    # ơ
    "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    # u
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    # ư
    "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    # y
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}

# Combining marks (Unicode) used below.
ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"

# VNI mark byte (lowercase form; the capital form is its upper()) → combining marks it adds.
VNI_TONES: dict[str, str] = {"\xf9": ACUTE, "\xf8": GRAVE, "\xfb": HOOK, "\xf5": TILDE, "\xef": DOT}
VNI_CIRCUMFLEX: dict[str, str] = {  # on a, e, o
    "\xe2": CIRCUMFLEX,
    "\xe1": CIRCUMFLEX + ACUTE, "\xe0": CIRCUMFLEX + GRAVE, "\xe5": CIRCUMFLEX + HOOK,
    "\xe3": CIRCUMFLEX + TILDE, "\xe4": CIRCUMFLEX + DOT,
}
VNI_BREVE: dict[str, str] = {  # on a
    "\xea": BREVE,
    "\xe9": BREVE + ACUTE, "\xe8": BREVE + GRAVE, "\xfa": BREVE + HOOK,
    "\xfc": BREVE + TILDE, "\xeb": BREVE + DOT,
}
# Single VNI bytes that are whole letters (lowercase; capitals are their upper()).
VNI_LETTERS: dict[str, str] = {
    "\xf1": "đ", "\xf4": "ơ", "\xf6": "ư",
    "\xec": "ì", "\xed": "í", "\xe6": "ỉ", "\xf3": "ĩ", "\xf2": "ị",
}
VNI_CAPITAL_LETTERS: dict[str, str] = {k.upper(): v.upper() for k, v in VNI_LETTERS.items()}
