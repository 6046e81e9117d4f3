"""PDF reader: line building, column split, style, page numbers, page setup and refusals.

Two sources of PDFs: small files written by hand (ASCII in the standard fonts, always
available) and a real decision header made with python-docx and converted by LibreOffice
(skipped where LibreOffice is not installed; CI installs it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vbhc import limits
from vbhc.errors import InputError
from vbhc.model import Block, Source
from vbhc.readers import pdf as pdf_reader
from vbhc.readers import read
from vbhc.readers.pdf import MSG_BROKEN, MSG_ENCRYPTED, read_pdf

try:
    from .pdf_builder import Text, build_pdf
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf  # type: ignore[no-redef]


def write(tmp_path: Path, pages: list[list[Text]], name: str = "a.pdf", **kw) -> Path:
    path = tmp_path / name
    path.write_bytes(build_pdf(pages, **kw))
    return path


def by_text(source: Source, text: str) -> Block:
    found = [b for b in source.blocks if b.text == text]
    assert len(found) == 1, (text, [b.text for b in source.blocks])
    return found[0]


# --- hand-made PDFs -----------------------------------------------------------------------------

HEADER = [
    Text(70, 60, "UY BAN NHAN DAN", 13),
    Text(300, 60, "CONG HOA XA HOI CHU NGHIA", 12, "F2"),
    Text(80, 76, "TINH NGHE AN", 13, "F2"),
    Text(330, 78, "Doc lap - Tu do", 13, "F2"),  # a baseline of its own: not on any left line
    Text(75, 95, "So: 12/QD-UBND", 13),
    Text(320, 99, "Nghe An, ngay 05 thang 02", 13, "F3"),
    Text(250, 140, "QUYET DINH", 14, "F2"),
    Text(85, 170, "Dieu 1. Pham vi dieu chinh cua van ban nay ap dung cho toan bo cac co quan", 13),
    Text(85, 186, "ngan.", 13),
]


def test_two_columns_on_one_baseline_are_two_blocks(tmp_path: Path) -> None:
    source = read_pdf(write(tmp_path, [HEADER]))
    left, right = by_text(source, "UY BAN NHAN DAN"), by_text(source, "CONG HOA XA HOI CHU NGHIA")
    assert (left.column, right.column) == (0, 1)
    assert left.location.line == right.location.line == 1
    assert source.blocks.index(left) + 1 == source.blocks.index(right)  # left then right, per line
    assert left.x0 == pytest.approx(70, abs=0.5) and right.x0 == pytest.approx(300, abs=0.5)


def test_header_run_gives_single_lines_their_column(tmp_path: Path) -> None:
    source = read_pdf(write(tmp_path, [HEADER]))
    assert by_text(source, "TINH NGHE AN").column == 0
    assert by_text(source, "Doc lap - Tu do").column == 1
    assert by_text(source, "So: 12/QD-UBND").column == 0
    assert by_text(source, "Nghe An, ngay 05 thang 02").column == 1
    # the centred type name and the body are not columns, nor is a short last body line (it ends
    # the paragraph of the full line above it)
    assert by_text(source, "QUYET DINH").column is None
    body = [b for b in source.blocks if b.text.startswith("Dieu 1.")]
    assert len(body) == 1 and body[0].column is None and body[0].text.endswith("co quan ngan.")


def test_lines_are_in_reading_order_with_running_numbers(tmp_path: Path) -> None:
    pages = [[Text(85, 200, "second", 12), Text(85, 100, "first", 12)], [Text(85, 100, "third", 12)]]
    source = read_pdf(write(tmp_path, pages))
    assert [b.text for b in source.blocks] == ["first", "second", "third"]
    assert [(b.location.page, b.location.line) for b in source.blocks] == [(1, 1), (1, 2), (2, 3)]
    assert all(b.location.paragraph is None and b.part == "body" for b in source.blocks)


def test_spaces_come_from_gaps_or_explicit_chars(tmp_path: Path) -> None:
    words = [Text(85, 100, "Dieu", 12), Text(113, 100, "1.", 12), Text(130, 100, "Pham", 12)]
    explicit = [Text(85, 130, "So:  12/QD", 12)]  # two spaces typed: kept
    source = read_pdf(write(tmp_path, [words + explicit]))
    assert [b.text for b in source.blocks] == ["Dieu 1. Pham", "So:  12/QD"]


def test_label_before_a_tab_stays_with_its_text(tmp_path: Path) -> None:
    # Word numbering draws "1." then a tab: a 25 pt gap that must not cut the line
    lines = [Text(85, 100, "1.", 13), Text(120, 100, "Muc tieu cua ke hoach", 13),
             Text(85, 130, "STT", 13), Text(130, 130, "Noi dung", 13)]
    source = read_pdf(write(tmp_path, [lines]))
    assert [b.text for b in source.blocks] == ["1. Muc tieu cua ke hoach", "STT", "Noi dung"]
    assert by_text(source, "STT").column == 0  # a table row: several segments


def test_style_font_size_bold_italic(tmp_path: Path) -> None:
    lines = [
        Text(85, 100, "Bold words", 13.2, "F2"),
        Text(85, 130, "Italic words", 13.3, "F3"),
        Text(85, 160, "Times words", 14, "F4"),
        Text(85, 190, "Mixed", 12, "F2"), Text(125, 190, "font line here", 12, "F4"),
    ]
    source = read_pdf(write(tmp_path, [lines]))
    bold, italic, times, mixed = source.blocks
    assert (bold.style.font, bold.style.size_pt, bold.style.bold, bold.style.italic) == (
        "Helvetica", 13.0, True, False)
    assert (italic.style.size_pt, italic.style.bold, italic.style.italic) == (13.5, False, True)
    assert (times.style.font, times.style.size_pt) == ("Times", 14.0)
    assert mixed.text == "Mixed font line here"
    assert mixed.style.font == "Times" and mixed.style.fonts == ["Helvetica", "Times"]
    assert mixed.style.bold is False  # majority by character count
    assert all(b.style.first_line_indent_mm is None and b.style.line_spacing is None for b in source.blocks)


def test_superscript_stays_in_its_line(tmp_path: Path) -> None:
    lines = [Text(85, 100, "TEN CO QUAN", 13), Text(170, 96, "1", 8), Text(85, 130, "next", 13)]
    source = read_pdf(write(tmp_path, [lines]))
    assert [b.text for b in source.blocks] == ["TEN CO QUAN1", "next"]


def test_page_numbers_are_header_or_footer(tmp_path: Path) -> None:
    pages = [
        [Text(85, 100, "Trang mot", 13)],
        [Text(294, 40, "2", 13), Text(85, 100, "Trang hai", 13)],
        [Text(85, 100, "Trang ba", 13), Text(294, 820, "3", 12)],
        [Text(85, 100, "Bang", 13), Text(85, 130, "12", 13)],  # a number in the body stays body
    ]
    source = read_pdf(write(tmp_path, pages))
    assert source.page_setup is not None
    assert source.page_setup.page_numbers == [
        {"page": 2, "where": "header", "text": "2", "size_pt": 13.0},
        {"page": 3, "where": "footer", "text": "3", "size_pt": 12.0},
    ]
    assert by_text(source, "2").part == "header" and by_text(source, "3").part == "footer"
    assert by_text(source, "12").part == "body"


def test_page_setup_and_flags(tmp_path: Path) -> None:
    pages = [[Text(85, 100, "Noi dung dai", 13), Text(300, 300, "o ben phai", 13)],
             [Text(294, 40, "2", 13), Text(90, 700, "cuoi", 13)]]
    source = read_pdf(write(tmp_path, pages))
    setup = source.page_setup
    assert setup is not None and setup.paper == "A4" and setup.orientation == "portrait"
    assert setup.width_mm == pytest.approx(210, abs=0.2) and setup.height_mm == pytest.approx(297, abs=0.2)
    margins = setup.margins_mm
    assert margins["left"] == pytest.approx(85 * 25.4 / 72, abs=0.2)
    assert 80 * 25.4 / 72 < margins["top"] < 100 * 25.4 / 72  # the body's top, not the page number's
    assert 0 < margins["bottom"] < (841.89 - 700) * 25.4 / 72
    assert 0 < margins["right"] < (595.28 - 300) * 25.4 / 72
    assert any("ước lượng" in n for n in source.notes)
    assert (source.format, source.pages, source.carries_style, source.carries_paragraph_format) == (
        "pdf", 2, True, False)
    assert source.path.endswith("a.pdf")


def test_rotated_stamp_is_left_out_with_a_note(tmp_path: Path) -> None:
    lines = [Text(85, 100, "Noi dung", 13), Text(30, 500, "Ky boi: Van phong", 9, rotate=True)]
    source = read_pdf(write(tmp_path, [lines]))
    assert [b.text for b in source.blocks] == ["Noi dung"]
    assert any("xoay" in n for n in source.notes)


def test_dispatch_reads_pdf(tmp_path: Path) -> None:
    source = read(write(tmp_path, [HEADER], name="qd.pdf"))
    assert source.format == "pdf" and source.blocks[0].text == "UY BAN NHAN DAN"


# --- refusals ---------------------------------------------------------------------------------

def reason(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_pdf(path)
    assert info.value.path == str(path)
    return info.value.reason


def test_scan_without_text_layer_is_a_scan_without_blocks(tmp_path: Path) -> None:
    """No text at all: read as a scan (the check then says its layout cannot be checked)."""
    path = write(tmp_path, [[], []], drawing="0.5 g 50 50 400 600 re f")
    source = read_pdf(path)
    assert source.scanned is True and source.blocks == [] and source.pages == 2
    assert any("bản quét" in n for n in source.notes)


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    data = build_pdf([HEADER])
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert reason(path) == MSG_BROKEN


def test_garbage_after_magic_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    assert reason(path) == MSG_BROKEN
    # through the dispatcher too: one message, no traceback
    with pytest.raises(InputError):
        read(path)


def test_empty_page_tree_is_refused(tmp_path: Path) -> None:
    assert reason(write(tmp_path, [])) == MSG_BROKEN


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    assert reason(write(tmp_path, [HEADER], user_password="mat-khau")) == MSG_ENCRYPTED


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    source = read_pdf(write(tmp_path, [HEADER], user_password=""))
    assert by_text(source, "CONG HOA XA HOI CHU NGHIA").column == 1


def test_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    path = write(tmp_path, [[Text(85, 100, "x", 12)]] * 3)
    assert reason(path) == "tệp PDF có 3 trang, vượt giới hạn 2 trang"


def test_programming_errors_are_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(pdf_reader.pdf_lines, "page_lines", broken)
    with pytest.raises(ZeroDivisionError):
        read_pdf(write(tmp_path, [HEADER]))


# --- a real decision header through LibreOffice ----------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NO_SOFFICE = "LibreOffice chưa được cài: apt-get install libreoffice-writer-nogui fonts-liberation2"


def make_decision_docx(path: Path) -> None:
    """A decision laid out as Nghị định 30 asks: borderless header table, centred type name."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    header_par = section.header.paragraphs[0]
    header_par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    run_props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    run_props.append(size)
    run.append(run_props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    header_par._p.append(field)

    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)

    def add(container, text: str, size: float, bold=False, italic=False, center=True, first=False):
        par = container.paragraphs[0] if first else container.add_paragraph()
        run = par.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        run.font.name = "Times New Roman"
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
        return par

    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for column, width in zip(table.columns, (Mm(58), Mm(107)), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    left, right = table.rows[0].cells
    add(left, "ỦY BAN NHÂN DÂN", 13, first=True)
    add(left, "TỈNH NGHỆ AN", 13, bold=True)
    add(left, "Số: 12/QĐ-UBND", 13)
    add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, first=True)
    add(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    add(right, "Nghệ An, ngày 05 tháng 02 năm 2026", 14, italic=True)
    doc.add_paragraph()
    add(doc, "QUYẾT ĐỊNH", 14, bold=True)
    body = add(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025; "
                    "căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ "
                    "về công tác văn thư; theo đề nghị của Giám đốc Sở Nội vụ.", 14, center=False)
    body.paragraph_format.first_line_indent = Mm(12.7)
    add(doc, "Quyết định này có hiệu lực kể từ ngày ký.", 14, italic=True, center=False)
    doc.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
    add(doc, "Điều 2. Chánh Văn phòng thi hành Quyết định này.", 14, center=False)
    doc.save(str(path))


@pytest.fixture(scope="module")
def decision_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SOFFICE is None:
        pytest.skip(NO_SOFFICE)
    folder = tmp_path_factory.mktemp("lo")
    docx_path = folder / "quyet-dinh.docx"
    make_decision_docx(docx_path)
    profile = (folder / "profile").as_uri()  # its own profile: other LibreOffice runs don't clash
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    pdf_path = folder / "quyet-dinh.pdf"
    assert pdf_path.exists()
    return pdf_path


@pytest.fixture(scope="module")
def decision(decision_pdf: Path) -> Source:
    return read_pdf(decision_pdf)


def test_lo_header_columns_are_apart(decision: Source) -> None:
    for text in ("ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 12/QĐ-UBND"):
        assert by_text(decision, text).column == 0, text
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Nghệ An, ngày 05 tháng 02 năm 2026"):
        assert by_text(decision, text).column == 1, text
    texts = [b.text for b in decision.blocks]
    assert texts.index("ỦY BAN NHÂN DÂN") < texts.index("QUYẾT ĐỊNH")
    assert texts.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < texts.index("QUYẾT ĐỊNH")


def test_lo_styles(decision: Source) -> None:
    national = by_text(decision, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").style
    assert (national.bold, national.italic, national.size_pt) == (True, False, 12.0)
    assert national.font in ("Times New Roman", "Liberation Serif")
    agency = by_text(decision, "ỦY BAN NHÂN DÂN").style
    assert (agency.bold, agency.size_pt) == (False, 13.0)
    assert by_text(decision, "TỈNH NGHỆ AN").style.bold is True
    motto = by_text(decision, "Độc lập - Tự do - Hạnh phúc").style
    assert (motto.bold, motto.size_pt) == (True, 13.0)
    date = by_text(decision, "Nghệ An, ngày 05 tháng 02 năm 2026").style
    assert (date.italic, date.bold, date.size_pt) == (True, False, 14.0)
    title = by_text(decision, "QUYẾT ĐỊNH")
    assert (title.style.bold, title.style.size_pt, title.column) == (True, 14.0, None)
    assert title.style.align == "center"
    last = by_text(decision, "Quyết định này có hiệu lực kể từ ngày ký.")
    assert (last.style.italic, last.style.size_pt, last.column) == (True, 14.0, None)


def test_lo_body_text_is_whole(decision: Source) -> None:
    body = " ".join(b.text for b in decision.blocks if b.location.page == 1 and b.column is None
                    and b.text != "QUYẾT ĐỊNH")
    assert "căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ" in body
    assert all(b.style.align != "center" for b in decision.blocks if b.text.startswith("Căn cứ"))


def test_lo_page_setup_and_page_number(decision: Source) -> None:
    setup = decision.page_setup
    assert setup is not None and decision.pages == 2
    assert setup.width_mm == pytest.approx(210, abs=1) and setup.height_mm == pytest.approx(297, abs=1)
    assert setup.margins_mm["left"] == pytest.approx(30, abs=1.5)
    assert setup.margins_mm["right"] == pytest.approx(15, abs=2)
    assert [(n["page"], n["where"], n["text"], n["size_pt"]) for n in setup.page_numbers] == [
        (2, "header", "2", 14.0)]
    assert by_text(decision, "2").part == "header"
    article = by_text(decision, "Điều 2. Chánh Văn phòng thi hành Quyết định này.")
    assert article.location.page == 2 and article.part == "body"


def test_fake_bold_drawn_twice_reads_once(tmp_path: Path) -> None:
    lines = [Text(85, 100, "Dam net", 12), Text(85.3, 100, "Dam net", 12), Text(85, 130, "thuong", 12)]
    source = read_pdf(write(tmp_path, [lines]))
    fake, plain = source.blocks
    assert fake.text == "Dam net" and fake.style.bold is True
    assert plain.style.bold is False


def test_lo_wrapped_paragraph_is_one_block(decision: Source, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A paragraph that LibreOffice wrapped over three lines comes back as one block, as in the .docx."""
    docx_path = tmp_path_factory.mktemp("wrap") / "qd.docx"
    make_decision_docx(docx_path)
    from vbhc.readers.docx import read_docx

    paragraph = next(b.text for b in read_docx(docx_path).blocks if b.text.startswith("Căn cứ"))
    joined = [b.text for b in decision.blocks if b.text.startswith("Căn cứ")]
    assert joined == [paragraph.strip()]


def test_short_last_line_ends_the_paragraph(tmp_path: Path) -> None:
    words = "Noi dung van ban " * 10
    lines = [Text(85, 100, words.strip(), 12), Text(85, 114, "het doan.", 12),
             Text(85, 128, words.strip(), 12)]
    source = read_pdf(write(tmp_path, [lines]))
    assert len(source.blocks) == 2 and source.blocks[0].text.endswith("het doan.")
