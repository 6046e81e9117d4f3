"""Nothing is lost: every body block is classified once, in order, and reaches the Markdown.

Over the corpus files and over generated inputs (plausible lines of administrative documents
mixed with random text). Parsing never raises.
"""

from __future__ import annotations

import regex as re
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parse_helpers import CORPUS

from shared_corpus import DECREE, PHU_LUC_DOCX
from vbhc.model import ParsedFile, Source
from vbhc.parse import parse_file, parse_source, parse_text
from vbhc.writers.md import parsed_md

CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".docx", ".pdf")) + [
    p for p in (DECREE, *PHU_LUC_DOCX) if p.exists()]  # the decree's files, in the shared folder
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def expected_indexes(parsed: ParsedFile) -> list[int]:
    return [i for i, b in enumerate(parsed.source.blocks) if b.part == "body" and b.text.strip()]


def classified_indexes(parsed: ParsedFile) -> list[int]:
    return [i for doc in parsed.documents for ln in doc.lines for i in ln.indexes]


def _norm(text: str) -> str:
    return "".join(text.split())  # label and text may be joined by a space the source did not have


def _norm_md(md: str) -> str:
    md = md.replace("<br>", " ").replace("**", "")
    md = re.sub(r"(?m)^#{1,6} ", "", md)
    md = re.sub(r"\\(\S)", r"\1", md)
    return _norm(md)


def assert_nothing_lost(parsed: ParsedFile) -> None:
    expected = expected_indexes(parsed)
    assert classified_indexes(parsed) == expected
    for doc in parsed.documents:
        assert all(doc.blocks is parsed.source.blocks for doc in parsed.documents)
        ids = [n.id for n in doc.nodes()]
        assert len(ids) == len(set(ids)), "node ids are unique within a document"
    md = _norm_md(parsed_md(parsed))
    pos = 0
    for i in expected:
        text = _norm_md(parsed.source.blocks[i].text)  # the same normalisation on both sides
        found = md.find(text, pos)
        assert found >= 0, f"block {i} {text[:80]!r} missing from the Markdown after position {pos}"
        pos = found + len(text)


def test_corpus_is_not_empty():
    assert len(CORPUS_FILES) >= 8


def test_corpus_files_lose_nothing(subtests=None):
    for path in CORPUS_FILES:
        parsed = parse_file(path)
        try:
            assert_nothing_lost(parsed)
        except AssertionError as exc:
            raise AssertionError(f"{path.name}: {exc}") from None


# --- generated inputs ------------------------------------------------------------------------

WORDS = ["cải", "cách", "hành", "chính", "năm", "2025", "thực", "hiện", "Sở", "Nội", "vụ", "UBND", "tỉnh",
         "đạt", "95%", "trở", "lên", "kế", "hoạch", "(QPPL)", "theo", "quy", "định", "./.", "các", "xã;"]
CAPS = ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "SỞ NỘI VỤ", "MỤC TIÊU", "NHIỆM VỤ", "CHỦ TỊCH", "PHÓ CHỦ TỊCH",
        "QUYẾT ĐỊNH", "KẾ HOẠCH", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "QUYẾT ĐỊNH:", "PHỤ LỤC", "Phụ lục II", "Phụ lục …1...", "Chương I", "Mục 2", "Phần thứ hai"]
FIXED = ["Độc lập - Tự do - Hạnh phúc", "Số: 2228 /QĐ-UBND", "Số: 30/2020/NĐ-CP", "V/v cải cách hành chính",
         "Nghệ An, ngày 15 tháng 7 năm 2025", "Hà Nội, ngày 31 tháng 02 năm 2020", "Kính gửi:",
         "Căn cứ Luật Tổ chức chính quyền địa phương;", "Nơi nhận:", "- Lưu: VT, KSTT (N).", "(Đã ký)",
         "(Signature)", "Bùi Đình Long", "(Kèm theo Quyết định số 2228/QĐ-UBND", "của Ủy ban nhân dân tỉnh)",
         "____________", "2", "- 3 -", "| a | b |", "| --- | --- |", "**ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI",
         "Nơi nhận: KT. CHỦ TỊCH", "- Như trên; PHÓ CHỦ TỊCH", "", "", ""]
LABELS = ["I.", "II.", "IV)", "1.", "2.", "1.1.", "1.1.1.", "1.2", "a)", "d)", "đ)", "- a)", "-", "+", "•",
          "Điều 1.", "Điều 12.", "Chương II", "Mục 1", "Phần I"]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
plausible_line = st.one_of(
    st.sampled_from(CAPS),
    st.sampled_from(FIXED),
    st.tuples(st.sampled_from(LABELS), sentence).map(" ".join),
    st.tuples(st.sampled_from(LABELS), st.sampled_from(CAPS)).map(" ".join),
    sentence,
    sentence.map(lambda s: s[:1].upper() + s[1:] + "."),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
document_text = st.lists(plausible_line, min_size=0, max_size=60).map("\n".join)


def parse_string(text: str) -> ParsedFile:
    return parse_text(text, "<generated>")


@SETTINGS
@given(document_text)
def test_generated_documents_lose_nothing(text):
    assert_nothing_lost(parse_string(text))


@SETTINGS
@given(st.text(max_size=300))
def test_random_unicode_never_raises(text):
    assert_nothing_lost(parse_string(text))


@SETTINGS
@given(st.lists(plausible_line, min_size=1, max_size=40))
def test_each_line_as_its_own_block(lines):
    """The same lines as a reader that keeps one block per line (as the docx reader does)."""
    from vbhc.model import Block

    blocks = [Block(text=line) for line in lines]
    parsed = parse_source(Source(path="<generated>", format="docx", blocks=blocks))
    assert_nothing_lost(parsed)
