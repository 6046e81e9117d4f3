"""Text from inputs never reaches the terminal as control sequences."""

from vbhc.terminal import printable


def test_plain_vietnamese_passes_unchanged():
    assert printable("ỦY BAN NHÂN DÂN XÃ [/] MẪU") == "ỦY BAN NHÂN DÂN XÃ [/] MẪU"


def test_escape_sequences_are_shown_not_sent():
    shown = printable("a\x1b]0;title\x07b\x1b[2J")
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown == "a\\x1b]0;title\\x07b\\x1b[2J"


def test_newlines_kept_only_when_asked():
    assert printable("a\nb") == "a\\nb"
    assert printable("a\nb", keep_newlines=True) == "a\nb"


def test_bidi_overrides_and_surrogates_are_escaped():
    assert printable("x\u202ey") == "x\\u202ey"
    assert printable("bad\udcff.txt") == "bad\\udcff.txt"
