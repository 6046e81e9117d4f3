"""Property tests (hypothesis): the text reader, the parser and the target extractor never crash
and never lose text, whatever they are given.

What "loses no text" means, honestly: the text reader changes the *arrangement* of text, never
its characters. It reads converters' inline HTML as the marks it stands for ("<b>" as `**`, "<p>" dropped:
`inline_html_as_marks`), removes Markdown emphasis marks (`*`, `**`, `***`, `__`) and heading marks
(`#`), table pipes and rules (`|`, `---`, `:`), the " / " between two paragraphs of one table
cell, and the backslash of pandoc's escapes and hard line breaks (a text whose lines end in `\\`
is read as pandoc's Markdown); it splits a line holding two header columns at a blank, rejoins a
sentence wrapped over lines with one space, and moves lone page numbers after the paragraph they
interrupt. So the property compares the multiset of the non-blank characters of input and output, leaving out
the characters those transformations remove (`* _ # | / - : \\`); whitespace is compared nowhere.
Pandoc's Markdown is generated from words wrapped in its constructs (marks, escapes, line breaks,
grid tables): there the letters and digits of the words written must all come out, and no more.
The parser's property: every body block that has text is claimed by a classified line of some
document (it never drops what it does not recognise); lone page numbers (part "header") are page
furniture and are not content.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbhc.check import run_rules
from vbhc.model import Source
from vbhc.parse import parse_source
from vbhc.readers.text import inline_html_as_marks, lines_to_blocks
from vbhc.rules import SEVERITIES, all_rules
from vbhc.writers.docx import to_bytes
from vbhc.writers.json import parsed_dict
from vbhc.writers.md import parsed_md
from vbhc.writers.tree import parsed_tree

MARKUP = set("*_#|/-:\\")
BREAK = re.compile(r"<br\s*/?>", re.I)
# VBHC_FUZZ_SCALE=100 (the default) runs the CI sizes; the long runs in bench/README.md set more.
EXAMPLES = int(os.environ.get("VBHC_FUZZ_SCALE", "100"))

SNIPPETS = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
    "TỈNH NGHỆ AN", "Số: 2228/QĐ-UBND", "Nghệ An, ngày 15 tháng 7 năm 2025", "QUYẾT ĐỊNH", "QUYẾT ĐỊNH:",
    "KẾ HOẠCH", "Căn cứ Luật Tổ chức chính quyền địa phương;", "Điều 1.", "Điều 2. Hiệu lực", "Chương I",
    "I. MỤC ĐÍCH", "1.", "1.1.", "2.3.4.", "a)", "đ)", "- ", "+ ", "• ", "Nơi nhận:", "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "(Kèm theo Quyết định số 12/QĐ-UBND)",
    "PHỤ LỤC", "| a | b |", "|---|---|", "| Stt | Nội dung | Thời hạn |", "**", "*", "***", "__", "# ",
    "## ", "- 2 -", "3", "đạt từ 95% trở lên", "giảm 10% so với năm 2021", "  ", "\t", " / ", "./.",
    # what the decree adds to an issued file: marks, a copy's form, the digital signature, contacts, the Party's number
    "KHẨN", "HỎA TỐC", "MẬT", "LƯU HÀNH NỘI BỘ", "DỰ THẢO", "(DỰ THẢO)", "SAO Y", "SAO LỤC", "TRÍCH SAO",
    "Ký bởi:", "Ký bởi: Ủy ban nhân dân tỉnh Nghệ An", "Thời gian ký: 15.07.2025 10:20:33 +07:00", "Email:",
    "Cơ quan: Tỉnh Nghệ An", "2228/QĐ-UBND", "15.07.2025 10:20:33 +07:00", "ĐT: 0238.3844.123; Fax: 0238.3844.124",
    "E-mail: snv@nghean.gov.vn", "Số 3 đường Trường Thi, TP Vinh", "Số 60-NQ/TW", "Số: 05-QĐ/UBND", "1)",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
]
ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\x00",
)
TOKENS = st.one_of(st.sampled_from(SNIPPETS), st.text(ALPHABET, max_size=12))
LINE = st.lists(TOKENS, max_size=8).map(" ".join)
TEXT = st.lists(st.one_of(LINE, st.just("")), max_size=30).map("\n".join)


def content_chars(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text)
    return Counter(c for c in text if not c.isspace() and c not in MARKUP)


def _table_rule(line: str) -> bool:
    return bool(line.strip()) and set(line.strip()) <= set("|-: ")


@settings(max_examples=EXAMPLES * 300 // 100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_text_reader_loses_no_text(text: str) -> None:
    # what the reader means to drop: a Markdown table's rule lines, and converters' inline HTML ("<B>", "<p>",
    # "<BR>") read as the marks and breaks it stands for (hypothesis once drew "<B>" alone and saw it go)
    blocks = lines_to_blocks(text)
    kept = "\n".join(b.text for b in blocks)
    meant = BREAK.sub("\n", inline_html_as_marks(unicodedata.normalize("NFC", text)))  # "<br>": a line break
    dropped_rules = "\n".join(ln for ln in meant.splitlines() if _table_rule(ln))
    expected = content_chars(meant) - content_chars(dropped_rules)
    assert content_chars(kept) == expected


@settings(max_examples=EXAMPLES * 200 // 100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_parser_never_raises_and_keeps_every_block(text: str) -> None:
    blocks = lines_to_blocks(text)
    parsed = parse_source(Source(path="<fuzz>", format="text", blocks=blocks))
    claimed = {i for doc in parsed.documents for ln in doc.lines for i in ln.indexes}
    for i, b in enumerate(blocks):
        if b.text.strip() and b.part == "body":  # page numbers are page furniture, not content
            assert i in claimed, (i, b.text)


@settings(max_examples=EXAMPLES * 100 // 100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.booleans())
def test_checks_and_writers_never_raise(text: str, against_parent: bool) -> None:
    """Whatever the parser made of a text, every rule (with the parent plan's profile or without) and
    every writer (JSON, Markdown, the tree, .docx) takes it."""
    parsed = parse_source(Source(path="<fuzz>", format="text", blocks=lines_to_blocks(text)))
    findings, _ = run_rules(parsed, None, _parent_profile() if against_parent else None)
    rules = all_rules()
    assert all(f.rule in rules and f.severity in SEVERITIES and f.message.strip() for f in findings)
    json.dumps(parsed_dict(parsed), ensure_ascii=False, default=str)
    assert isinstance(parsed_md(parsed), str) and isinstance(parsed_tree(parsed), str)
    assert to_bytes(parsed.documents)[:2] == b"PK"


@functools.cache
def _parent_profile() -> Any:
    from vbhc.profile import from_parent

    return from_parent(str(Path(__file__).resolve().parents[2] / "corpus" / "nghe-an-2025" /
                           "qd-2228-ubnd-2025-ke-hoach-cchc.txt"))


@settings(max_examples=EXAMPLES * 200 // 100, deadline=None)
@given(st.text(max_size=300))
def test_text_reader_any_unicode(text: str) -> None:
    """Any text reads and parses, and the reader never invents a character: what the blocks show is
    drawn from the input (NFC, as the reader normalises), in no greater number."""
    blocks = lines_to_blocks(text)
    parsed = parse_source(Source(path="<fuzz>", format="text", blocks=blocks))
    given = Counter(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace())
    shown = Counter(ch for b in blocks for ch in b.text if not ch.isspace())
    assert not shown - given, shown - given
    assert len(parsed.documents) >= 1


# --- a legal-text site's layout (vbhc.readers.markdown) -------------------------------------------

SITE_SNIPPETS = [
    "|", "|", "|", "**ỦY BAN NHÂN DÂN**", "TỈNH NGHỆ AN", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "-------", "Số:", "Số: 12/QĐ-UBND",
    "12/QĐ-UBND", "*Nghệ An, ngày 26", "tháng 11 năm 2025*", "**QUYẾT ĐỊNH**", "**Kính gửi:** Sở Nội vụ.",
    "Quyết định 12/QĐ-UBND năm 2025 phê duyệt", "**Số hiệu:**", "Nơi nhận:", "- Lưu: VT.", "**TM. ỦY BAN",
    "NHÂN DÂN**", "KT. CHỦ TỊCH", "Nguyễn Văn A", "a. Chủ trì", "b) Phối hợp", "**Điều 1. **Phê", "#",
    "duyệt danh mục địa điểm tổ chức hội chợ, triển lãm thương mại trên địa bàn tỉnh năm 2026,",
    "| a | b |", "|---|---|", "* *", "*(Kèm theo Quyết định số", "ngày /11/2025)*",
]
SITE_LINE = st.one_of(st.sampled_from(SITE_SNIPPETS), LINE)
SITE_TEXT = st.tuples(st.lists(SITE_LINE, min_size=2, max_size=40), st.booleans()).map(
    lambda parts: "\n".join(["|", *parts[0], "|"] if parts[1] else ["|", "", *parts[0], "|"]))


@settings(max_examples=EXAMPLES * 300 // 100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SITE_TEXT)
def test_legal_site_reader_loses_no_text_and_parses(text: str) -> None:
    """Pages with and without blank lines: every character is in some block (of the document, or of the
    site's text around it as page header and footer), and the parser claims every body block."""
    blocks = lines_to_blocks(text)
    kept = "\n".join(b.text for b in blocks)
    dropped_rules = "\n".join(ln for ln in text.splitlines() if _table_rule(ln))
    assert content_chars(kept) == content_chars(text) - content_chars(dropped_rules)
    parsed = parse_source(Source(path="<fuzz>", format="text", blocks=blocks))
    claimed = {i for doc in parsed.documents for ln in doc.lines for i in ln.indexes}
    assert all(i in claimed for i, b in enumerate(blocks) if b.text.strip() and b.part == "body")


# --- pandoc's Markdown of a Word file (vbhc.readers.pandoc) ---------------------------------------

WORDS = st.lists(st.one_of(st.sampled_from(["Số: 12/QĐ-UBND", "ỦY BAN NHÂN DÂN", "Nơi nhận:", "Như trên;",
                                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lưu: VT.", "Điều 1."]),
                           st.text(st.characters(categories=("L", "Nd")), min_size=1, max_size=8)),
                 min_size=1, max_size=6).map(" ".join)


def _escaped(text: str) -> str:
    return "".join("\\" + c if c in "-.:*()[]" else c for c in text)


@st.composite
def _pandoc_line(draw: st.DrawFn) -> tuple[str, str]:
    """(markdown, its words): a paragraph line with marks, escapes or a line break."""
    words = draw(WORDS)
    mark = draw(st.sampled_from(["", "**", "*", "***"]))
    end = draw(st.sampled_from(["", "\\", "  "]))
    return f"{mark}{_escaped(words)}{mark}{end}", words


@st.composite
def _grid(draw: st.DrawFn) -> tuple[str, str]:
    """A grid table of 1–3 columns and 1–3 rows, each cell one or two lines of words."""
    cols, rows = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    cells = [[draw(st.lists(WORDS, min_size=1, max_size=2)) for _ in range(cols)] for _ in range(rows)]
    width = 2 + max(len(_escaped(line)) for row in cells for cell in row for line in cell)
    border = "+" + "+".join(["-" * width] * cols) + "+"
    out = [border]
    for row in cells:
        for i in range(max(len(cell) for cell in row)):
            out.append("|" + "|".join(f" {_escaped(c[i]) if i < len(c) else '':<{width - 1}}" for c in row) + "|")
        out.append(border)
    return "\n".join(out), " ".join(line for row in cells for cell in row for line in cell)


PANDOC_PART = st.one_of(_pandoc_line(), _grid(), st.just(("", "")))
PANDOC_DOC = st.lists(PANDOC_PART, min_size=1, max_size=25)


def letters(text: str) -> Counter[str]:
    return Counter(c for c in unicodedata.normalize("NFC", text) if c.isalnum())


@settings(max_examples=EXAMPLES * 300 // 100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PANDOC_DOC)
def test_pandoc_reader_loses_no_word_and_parses(parts: list[tuple[str, str]]) -> None:
    """Paragraphs with marks, escapes and line breaks, grid tables: every letter and digit of the words
    written is in some block, none is added, and the parser claims every body block."""
    from vbhc.readers.pandoc import pandoc_blocks

    text = "\n\n".join(md for md, _ in parts)
    blocks = pandoc_blocks(unicodedata.normalize("NFC", text))
    assert letters(" ".join(b.text for b in blocks)) == letters(" ".join(words for _, words in parts))
    parsed = parse_source(Source(path="<fuzz>", format="text", blocks=blocks))
    claimed = {i for doc in parsed.documents for ln in doc.lines for i in ln.indexes}
    assert all(i in claimed for i, b in enumerate(blocks) if b.text.strip() and b.part == "body")


# --- the target extractor (vbhc.profile) ----------------------------------------------------------

targets_mod = pytest.importorskip("vbhc.profile.targets")
OPS_WITH_VALUE = {">=", ">", "=", "<=", "<", "reduce_by"}
OPS_WITHOUT_VALUE = {"increase", "improve"}

TARGET_SNIPPETS = [
    "đạt từ", "trở lên", "trên", "đạt", "không thấp hơn", "tối thiểu", "ít nhất", "không dưới", "giảm",
    "tăng", "so với năm 2021", "tỷ lệ", "hồ sơ TTHC", "DVCTT", "cải thiện", "nâng cao", "%", "95%",
    "100 %", "87,5%", "1.000", "0", "-5%", "1e309", "NaN", "10^9", "99999999999999999999999%", "lần", "ngày",
    "không quá", "dưới", "tối đa", "từ 90% đến 95%", "(", ")", ";", ".",
]
SENTENCE = st.lists(st.one_of(st.sampled_from(TARGET_SNIPPETS), st.text(ALPHABET, max_size=8)),
                    max_size=14).map(" ".join)


@settings(max_examples=EXAMPLES * 400 // 100, deadline=None)
@given(st.one_of(SENTENCE, st.text(max_size=200)))
def test_targets_are_well_formed(sentence: str) -> None:
    for t in targets_mod.targets_in_sentence(sentence):
        assert t.op in OPS_WITH_VALUE | OPS_WITHOUT_VALUE, t.op
        if t.op in OPS_WITHOUT_VALUE:
            assert t.value is None, t
        else:
            assert isinstance(t.value, int | float) and not isinstance(t.value, bool), t
            assert math.isfinite(t.value), t
        assert t.unit is None or isinstance(t.unit, str), t
        assert isinstance(t.indicator, str)


# --- a web page saved as .doc (readers/html.py): the standard library's parser on anything -----------------------
MARKUP_SNIPPETS = ["<p>", "</p>", "<b>", "</b>", "<i>", "<br>", "<br/>", "<table>", "</table>", "<tr>", "<td>",
                   "</td>", "<th>", "<script>", "</script>", "<style>", "<head>", "</head>", "<!--", "-->", "<![",
                   "<![if !supportLists]>", "<![endif]>", "<!DOCTYPE html>", "<!", "<?", "&amp;", "&#1234;", "&#x;",
                   "|", "**", "<div align=center>", "<a href='x", "\"", "'", ">", "<"]
PAGE = st.lists(st.one_of(st.sampled_from(MARKUP_SNIPPETS), st.sampled_from(SNIPPETS), st.text(ALPHABET, max_size=8)),
                max_size=40).map("".join)


@settings(max_examples=EXAMPLES * 200 // 100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
def test_a_page_is_read_without_raising_and_parses(page: str) -> None:
    from vbhc.readers.html import page_text

    blocks = lines_to_blocks(page_text(page))
    parse_source(Source(path="<fuzz>", format="text", blocks=blocks))
