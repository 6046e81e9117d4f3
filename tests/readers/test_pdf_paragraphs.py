"""PDF reader: printed lines joined back into paragraphs (one Block per paragraph, as from .docx).

Hand-made pages set justified lines word by word between a left edge of 85 pt and a right edge
of 510 pt, as Word exports them; each case changes one thing that starts a new paragraph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfminer.fontmetrics import FONT_METRICS

from vbhc.parse import parse_file
from vbhc.readers.pdf import read_pdf

try:
    from .pdf_builder import Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf  # type: ignore[no-redef]

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
NO_REAL = f"the real documents are not here ({REAL}): a clone without the shared folder"
LEFT, RIGHT, INDENT, SIZE, PITCH = 85.0, 510.0, 36.0, 13.0, 17.0
FONT_NAMES = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique"}
WORDS = ("noi dung cua ke hoach duoc trien khai dong bo tren dia ban toan tinh trong nam nay va cac "
         "nam tiep theo theo dung quy dinh cua phap luat hien hanh").split()


def width(text: str, font: str = "F1", size: float = SIZE) -> float:
    metrics = FONT_METRICS[FONT_NAMES[font]][1]
    return sum(metrics.get(c, 556) for c in text) * size / 1000


def justified(words: list[str], baseline: float, x0: float = LEFT, font: str = "F1") -> list[Text]:
    """One full line: the words spread from x0 to the right edge, each drawn on its own."""
    gap = (RIGHT - x0 - sum(width(w, font) for w in words)) / (len(words) - 1)
    assert gap > 0.2 * SIZE, "too many words for one line"
    out, x = [], x0
    for w in words:
        out.append(Text(x, baseline, w, SIZE, font))
        x += width(w, font) + gap
    return out


def full_words(start: int = 0, x0: float = LEFT, font: str = "F1") -> list[str]:
    """As many words from WORDS as fill a line from x0 with ordinary spaces."""
    words: list[str] = []
    k = start
    while width(" ".join([*words, WORDS[k % len(WORDS)]]), font) < RIGHT - x0 - 2:
        words.append(WORDS[k % len(WORDS)])
        k += 1
    return words


def paragraph(baseline: float, lines: int, last: str = "het doan.", indent: bool = True,
              font: str = "F1") -> tuple[list[Text], float]:
    """A paragraph: a first line indented, full lines, a short last line. Returns the next baseline."""
    out: list[Text] = []
    for k in range(lines):
        x0 = LEFT + INDENT if indent and k == 0 else LEFT
        out.extend(justified(full_words(3 * k, x0, font), baseline, x0, font))
        baseline += PITCH
    out.append(Text(LEFT, baseline, last, SIZE, font))
    return out, baseline + PITCH


def read(tmp_path: Path, pages: list[list[Text]]) -> list[str]:
    path = tmp_path / "p.pdf"
    path.write_bytes(build_pdf(pages))
    return [b.text for b in read_pdf(path).blocks if b.part == "body"]


def test_wrapped_lines_make_one_paragraph_each(tmp_path: Path) -> None:
    first, y = paragraph(100, 3, "het doan mot.")
    second, _ = paragraph(y, 2, "het doan hai.")
    blocks = read(tmp_path, [first + second])
    assert len(blocks) == 2
    assert blocks[0].startswith("noi dung cua") and blocks[0].endswith("het doan mot.")
    assert blocks[1].endswith("het doan hai.")
    assert "  " not in blocks[0]


def test_a_label_starts_a_paragraph_under_a_full_line(tmp_path: Path) -> None:
    lines, y = paragraph(100, 1, "ket thuc.")
    for k, label in enumerate(("- gach dau dong", "a) diem a", "2. khoan hai", "Dieu 2. Dieu hai")):
        lines += justified([*label.split(), *full_words(k)[:-4]], y + PITCH * 2 * k)
        lines.append(Text(LEFT, y + PITCH * (2 * k + 1), "tiep.", SIZE))
    blocks = read(tmp_path, [lines])
    assert [b.split()[0] for b in blocks[1:]] == ["-", "a)", "2.", "Dieu"]
    assert all(b.endswith("tiep.") for b in blocks[1:])


def test_a_line_ended_by_hand_ends_its_paragraph(tmp_path: Path) -> None:
    """The next line starts at the left edge, but its first word would have fit above."""
    edge, y = paragraph(100, 2)  # full lines: where the right edge is
    short = full_words()[:-3]
    lines = [Text(LEFT, y, " ".join(short), SIZE), Text(LEFT, y + PITCH, "tiep theo la doan moi.", SIZE)]
    assert read(tmp_path, [edge + lines])[1:] == [" ".join(short), "tiep theo la doan moi."]


def test_a_larger_gap_starts_a_paragraph(tmp_path: Path) -> None:
    lines = justified(full_words(), 100) + [Text(LEFT, 100 + PITCH, "cung doan.", SIZE)]
    lines += justified(full_words(5), 100 + 2 * PITCH) + [Text(LEFT, 100 + 3 * PITCH + 14, "doan khac.", SIZE)]
    blocks = read(tmp_path, [lines])
    assert len(blocks) == 3 and blocks[0].endswith("cung doan.") and blocks[2] == "doan khac."


def test_bold_heading_ends_where_plain_text_starts(tmp_path: Path) -> None:
    heading = justified(full_words(font="F2"), 100, font="F2")
    body = [Text(LEFT, 100 + PITCH, "noi dung thuong.", SIZE)]
    blocks = read(tmp_path, [heading + body])
    assert blocks[1] == "noi dung thuong."


def test_an_italic_quote_runs_on_in_its_paragraph(tmp_path: Path) -> None:
    """Line 2 is mostly italic, but the glyphs at the break are plain on both sides: one paragraph."""
    first = justified(full_words(), 100)
    plain, quote = ["quy", "dinh:"], full_words(4)[:-3]
    second = justified(plain, 100 + PITCH, LEFT)[:0]
    x = LEFT
    for w in plain:
        second.append(Text(x, 100 + PITCH, w, SIZE))
        x += width(w) + 4
    second.append(Text(x, 100 + PITCH, " ".join(quote), SIZE, "F3"))
    blocks = read(tmp_path, [first + second])
    assert len(blocks) == 1 and "quy dinh:" in blocks[0]


def test_an_italic_aside_at_a_line_start_runs_on_inside_a_sentence(tmp_path: Path) -> None:
    """"… cai cach hanh chinh" / "(sau day viet tat la CCHC); …" in italic: the sentence goes on."""
    first = justified(full_words(), 100)
    second = [Text(LEFT, 100 + PITCH, "(sau day viet tat la CCHC);", SIZE, "F3"),
              Text(LEFT + width("(sau day viet tat la CCHC); ", "F3"), 100 + PITCH, "het doan.", SIZE)]
    assert len(read(tmp_path, [first + second])) == 1


def test_an_italic_line_after_a_sentence_s_end_starts_a_paragraph(tmp_path: Path) -> None:
    first = justified([*full_words()[:-1], "xong."], 100)
    second = [Text(LEFT, 100 + PITCH, "(Cac co quan bao cao truoc ngay 15.)", SIZE, "F3")]
    assert read(tmp_path, [first + second])[1] == "(Cac co quan bao cao truoc ngay 15.)"


def test_a_dash_inside_an_open_parenthesis_is_no_label(tmp_path: Path) -> None:
    """"… nhiem ky V (2024" / "- 2029) va y kien …": the year range was cut at its dash."""
    first = justified([*full_words()[:-2], "(2024"], 100)
    second = [Text(LEFT, 100 + PITCH, "- 2029) va y kien cua So.", SIZE)]
    assert len(read(tmp_path, [first + second])) == 1
    closed = justified([*full_words()[:-2], "(2024)"], 100)
    assert read(tmp_path, [closed + second])[1] == "- 2029) va y kien cua So."


def test_the_one_wrapped_line_of_a_short_page_is_joined(tmp_path: Path) -> None:
    """Every paragraph starts indented and one wraps: its last line is the only one at the page's text edge (a
    one-page decision: "Điều 1. … hành chính" / "năm 2026.")."""
    x0 = LEFT + INDENT
    lines = [Text(x0, 100 + PITCH * k, " ".join(WORDS[:3 + 2 * k]) + ";", SIZE) for k in range(4)]
    lines += justified(full_words(0, x0), 100 + PITCH * 4, x0) + [Text(LEFT, 100 + PITCH * 5, "nam 2026.", SIZE)]
    lines += [Text(x0, 100 + PITCH * 6, "Dieu 2 ngan./.", SIZE)]
    blocks = read(tmp_path, [lines])
    assert len(blocks) == 6 and blocks[4].endswith("nam 2026.") and blocks[5] == "Dieu 2 ngan./."


def test_a_word_cut_after_its_hyphen_is_joined(tmp_path: Path) -> None:
    words = full_words()[:-3] + ["30/2020/ND-"]
    lines = justified(words, 100) + [Text(LEFT, 100 + PITCH, "CP ngay 05 thang 3.", SIZE)]
    blocks = read(tmp_path, [lines])
    assert blocks == [" ".join(words[:-1]) + " 30/2020/ND-CP ngay 05 thang 3."]


def test_a_paragraph_goes_on_across_a_page_break(tmp_path: Path) -> None:
    page_one = justified(full_words(), 780)
    page_two = [Text(294, 40, "2", SIZE), Text(LEFT, 100, "cuoi doan.", SIZE),
                Text(LEFT + INDENT, 100 + PITCH, "Doan moi.", SIZE)]
    blocks = read(tmp_path, [page_one, page_two])
    assert blocks == [" ".join(full_words()) + " cuoi doan.", "Doan moi."]


def test_header_lines_further_left_do_not_move_the_left_edge(tmp_path: Path) -> None:
    """A header column starting left of the body (cv04) must not stop the body's lines joining."""
    header = [Text(60, 40, "SO KHOA HOC VA CONG NGHE", 12), Text(330, 40, "CONG HOA XA HOI", 12, "F2")]
    body, _ = paragraph(100, 3, "het.")
    blocks = read(tmp_path, [header + body])
    assert len([b for b in blocks if b.endswith("het.")]) == 1
    assert blocks[-1].startswith("noi dung cua")


def test_justified_space_glyphs_are_not_doubled(tmp_path: Path) -> None:
    """A line justified by widening its spaces (space glyphs followed by a blank) reads single
    spaces; a line with a typed double space keeps it."""
    words = full_words()[:8]
    line, x = [], LEFT
    for w in words:
        line.append(Text(x, 100, w + " ", SIZE))
        x += width(w + " ") + 3.0  # every space stretched by 3 pt
    typed = [Text(LEFT, 140, "So:  12/QD", SIZE)]
    assert read(tmp_path, [line + typed]) == [" ".join(words), "So:  12/QD"]


# --- real PDFs ------------------------------------------------------------------------------------

def real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(NO_REAL)
    return path


def test_real_letter_paragraphs() -> None:
    """cv04: the body as its paragraphs, not one node per printed line (20 before)."""
    blocks = [b.text for b in read_pdf(real("cv04-skhcn-cv-171-2026.pdf")).blocks if b.column is None
              and b.part == "body" and b.location.page == 1]
    starts = [b.split(" ", 2)[:2] for b in blocks]
    assert starts[1:7] == [["Căn", "cứ"], ["Qua", "nghiên"], ["-", "Đối"], ["Khoản", "13"], ["Trên", "cơ"],
                           ["-", "Đề"]]
    can_cu = blocks[1]
    assert can_cu.endswith("năm 2026 trên địa bàn tỉnh Lâm Đồng;")
    khoan = blocks[4]
    assert "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025" in khoan
    assert khoan.endswith("đánh giá tình hình thực hiện thủ tục hành chính tại địa phương”:")
    doc = parse_file(real("cv04-skhcn-cv-171-2026.pdf")).documents[0]
    assert sum(1 for _ in doc.nodes()) <= 10


def test_real_decision_articles_are_whole() -> None:
    blocks = [b.text for b in read_pdf(real("qd07-ttg-qd-2319.pdf")).blocks]
    article = next(b for b in blocks if b.startswith("Điều 1."))
    assert article == ("Điều 1. Thành lập Ban Chỉ đạo quốc gia về dữ liệu (sau đây gọi tắt là Ban Chỉ đạo) "
                       "gồm các thành viên sau:")
    assert "2. Phó Thủ tướng Thường trực Chính phủ Nguyễn Hoà Bình, Phó Trưởng Ban Chỉ đạo." in blocks
