"""Text from documents and file names, made safe to show on a terminal.

A document or a file name may hold control characters (ESC]0; sets the window title, ESC[2J
clears the screen) or rich markup ("[/]" raises in rich). Everything vbhc prints that came from
an input passes through `printable`, and goes to rich as plain `Text`, never as markup.
"""

from __future__ import annotations

import unicodedata

_SHOWN = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def _escape(ch: str) -> str:
    if ch in _SHOWN:
        return _SHOWN[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(text: object, keep_newlines: bool = False) -> str:
    """`text` with every control character shown escaped ("\\x1b"), never sent to the terminal.

    Also escapes bidirectional overrides (U+202A–U+202E, U+2066–U+2069), which reorder what a
    terminal shows. Surrogates left by undecodable file names (b"\\xff" → "\\udcff") are shown too.
    """
    s = str(text)
    if s.isprintable() and "\x1b" not in s:
        return s
    out = []
    for ch in s:
        if keep_newlines and ch == "\n":
            out.append(ch)
        elif ch.isprintable() and unicodedata.category(ch) not in ("Cf", "Cs"):
            out.append(ch)
        elif ch == " ":
            out.append(ch)
        else:
            out.append(_escape(ch))
    return "".join(out)
