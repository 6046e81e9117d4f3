"""Hostile, broken and lying inputs: each ends in exit code 2 with one Vietnamese line naming the
file, in under 10 s and 500 MB, without a traceback (see hostile_build.assert_refused).

Every input is built here. The CLI runs in a child process whose own peak memory is measured.
"""

from __future__ import annotations

import json
import os
import random
import zipfile
from pathlib import Path

import pytest
from hostile_build import (
    TEXT_PAGE,
    assert_refused,
    bomb_docx,
    document_xml,
    lying_directory_docx,
    many_parts_docx,
    raw_pdf,
    rezip,
    run_cli,
    small_docx,
    with_document,
)

from vbhc import limits
from vbhc.errors import InputError
from vbhc.readers import read

HOSTILE = "nghi tệp độc hại"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, *fragments: str, preamble: str = "") -> None:
    assert_refused(run_cli("parse", "--format", "json", str(path), preamble=preamble), path, *fragments)


# --- zip bombs ------------------------------------------------------------------------------------

def test_part_that_inflates_past_the_limit(tmp_path: Path) -> None:
    """document.xml declares 70 MB of zeros (70 KB stored): refused from the directory."""
    path = write(tmp_path, "bom nén.docx", bomb_docx(70 * limits.MB))
    assert path.stat().st_size < 1 * limits.MB
    refused(path, HOSTILE)


def test_huge_inflate_ratio(tmp_path: Path) -> None:
    """A few MB of zeros: under the size limit, but a 1000:1 ratio no Word file has."""
    path = write(tmp_path, "tile.docx", bomb_docx(5 * limits.MB))
    refused(path, "tỷ lệ bất thường", HOSTILE)


def test_directory_that_lies_about_the_size(tmp_path: Path) -> None:
    """The directory says 100 bytes; the data inflates to 80 MB: inflating stops at the limit or
    at the declared size, never holds the whole part."""
    path = write(tmp_path, "lie.docx", lying_directory_docx(80 * limits.MB, 100))
    run = run_cli("parse", str(path))
    assert_refused(run, path)
    assert "ZIP" in run.stderr or "quá lớn" in run.stderr


def test_chunked_inflate_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process: a part larger than the (lowered) limit is abandoned while inflating."""
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 3 * limits.MB)
    monkeypatch.setattr(limits, "MAX_INFLATE_RATIO", 10**9)
    path = write(tmp_path, "big.docx", bomb_docx(4 * limits.MB))
    with pytest.raises(InputError, match="quá lớn khi giải nén"):
        read(path)


def test_thousands_of_parts(tmp_path: Path) -> None:
    path = write(tmp_path, "nhiều phần.docx", many_parts_docx(limits.MAX_ZIP_ENTRIES + 500))
    refused(path, f"vượt giới hạn {limits.MAX_ZIP_ENTRIES}", HOSTILE)


# --- XML attacks ----------------------------------------------------------------------------------

def test_billion_laughs(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f"<!ENTITY lol{i} \"{(f'&lol{i - 1};' if i > 1 else '&lol;') * 10}\">" for i in range(1, 10))
    xml = document_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", f"<!DOCTYPE lolz [{entities}]>")
    path = write(tmp_path, "laughs.docx", with_document(xml))
    refused(path, "thực thể XML", HOSTILE)


def test_xxe_never_reads_the_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MAT-KHAU-BI-MAT-42")
    xml = document_xml("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
                       f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>')
    path = write(tmp_path, "xxe.docx", with_document(xml))
    run = run_cli("parse", "--format", "json", str(path))
    assert_refused(run, path, "thực thể XML")
    assert "MAT-KHAU" not in run.stdout + run.stderr


def test_xxe_in_styles_part_is_refused_too(tmp_path: Path) -> None:
    data = small_docx()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        styles = z.read("word/styles.xml")
    styles = styles.replace(b"?>", b'?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    path = write(tmp_path, "styles.docx", rezip(data, {"word/styles.xml": styles}))
    run = run_cli("parse", str(path))
    assert_refused(run, path, "word/styles.xml")
    assert "root:" not in run.stdout + run.stderr


def test_very_deep_nesting(tmp_path: Path) -> None:
    depth = 100_000
    body = "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth
    path = write(tmp_path, "deep.docx", with_document(document_xml(body), zipfile.ZIP_STORED))
    refused(path, "lồng quá sâu", HOSTILE)


def test_depth_limit_is_the_parser_s(tmp_path: Path) -> None:
    """The documented MAX_XML_DEPTH is what libxml2 enforces with huge_tree=False."""
    inner = limits.MAX_XML_DEPTH - 10
    ok = "<w:sdt><w:sdtContent>" * (inner // 2) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + \
        "</w:sdtContent></w:sdt>" * (inner // 2)
    assert [b.text for b in read(write(tmp_path, "ok.docx", with_document(document_xml(ok)))).blocks] == ["x"]
    over = limits.MAX_XML_DEPTH
    bad = "<w:sdt><w:sdtContent>" * over + "</w:sdtContent></w:sdt>" * over
    with pytest.raises(InputError, match="lồng quá sâu"):
        read(write(tmp_path, "bad.docx", with_document(document_xml(bad))))


# --- macros ---------------------------------------------------------------------------------------

def test_docm_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "có macro.docm", small_docx())
    refused(path, "macro")


def test_docx_declaring_macros_is_refused(tmp_path: Path) -> None:
    """A .docm renamed .docx: vbaProject.bin and a macroEnabled content type."""
    data = small_docx()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        types = z.read("[Content_Types].xml")
    types = types.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    path = write(tmp_path, "đổi tên.docx", rezip(data, {"[Content_Types].xml": types},
                                                 add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 100}))
    refused(path, "macro", "không bao giờ được chạy")


def test_content_types_alone_declare_macros(tmp_path: Path) -> None:
    data = small_docx()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        types = z.read("[Content_Types].xml")
    types = types.replace(b"</Types>", b'<Default Extension="bin" '
                                       b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    path = write(tmp_path, "types.docx", rezip(data, {"[Content_Types].xml": types}))
    refused(path, "macro")


# --- PDFs -----------------------------------------------------------------------------------------

def test_thousands_of_pages(tmp_path: Path) -> None:
    path = write(tmp_path, "nghìn trang.pdf", raw_pdf(1200, TEXT_PAGE))
    refused(path, "1200 trang", f"giới hạn {limits.MAX_PDF_PAGES} trang")


def test_page_count_that_lies_is_caught_while_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "count.pdf", raw_pdf(limits.MAX_PDF_PAGES + 20, TEXT_PAGE, count=3))
    refused(path, f"giới hạn {limits.MAX_PDF_PAGES} trang")


def test_encrypted_pdf(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
    from pdf_builder import Text, build_pdf

    path = write(tmp_path, "mật khẩu.pdf", build_pdf([[Text(72, 100, "Dieu 1.")]], user_password="secret"))
    refused(path, "mật khẩu")


def test_image_only_pdf(tmp_path: Path) -> None:
    content = b"q 0.5 g 72 72 400 600 re f Q"
    path = write(tmp_path, "bản quét.pdf", raw_pdf(2, content))
    refused(path, "không có lớp văn bản")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = raw_pdf(3, TEXT_PAGE)
    path = write(tmp_path, "cụt.pdf", data[:int(len(data) * keep)])
    refused(path, "PDF")


def slow_page(glyphs: int = 250_000) -> bytes:
    """A content stream drawing `glyphs` one-letter strings at distinct places on the page (a few
    KB stored: every line is the same bytes): PDFium reads it in a blink, but every glyph is a
    character to place (≈ 3 s for 250,000), under the page's operator and size limits."""
    line = b"(x) Tj 2 0 Td " * 200 + b"-400 -4 Td\n"
    block = line * 150 + b"0 600 Td\n"
    lines = glyphs // 200
    return b"BT /F1 3 Tf 80 720 Td\n" + block * (lines // 150) + line * (lines % 150) + b"ET"


def test_slow_page_hits_the_time_limit(tmp_path: Path) -> None:
    """One page of 250,000 glyphs (≈ 3 s to read): interrupted inside the page by the deadline
    (lowered to 1 s here), not after it."""
    path = write(tmp_path, "chậm.pdf", raw_pdf(1, slow_page(), compress=True))
    assert path.stat().st_size < 200_000
    run = run_cli("parse", str(path), preamble="import vbhc.limits as L; L.PDF_SECONDS_BASE = 1.0; "
                                               "L.PDF_SECONDS_PER_PAGE = 0.0")
    assert_refused(run, path, "quá thời gian đọc PDF (1 giây)")
    assert run.seconds < 5


def test_slow_pages_with_default_limits(tmp_path: Path) -> None:
    """Ten such pages (≈ 30 s to read, 250,000 glyphs each) against the default limits: the glyphs
    kept for the file pass MAX_PDF_GLYPHS after the second page, before memory runs out (on a
    loaded machine the file's clock, 7 s for ten pages, may stop it first: either is a refusal)."""
    path = write(tmp_path, "chậm.pdf", raw_pdf(10, slow_page(), compress=True))
    run = run_cli("parse", "--format", "json", str(path))
    assert_refused(run, path)
    assert "ký tự sau 2 trang" in run.stderr or "quá thời gian đọc PDF" in run.stderr, run.stderr


def test_time_limit_between_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SIGALRM (a worker thread, say), the clock is checked between pages."""
    import threading

    monkeypatch.setattr(limits, "PDF_SECONDS_BASE", 0.0)
    monkeypatch.setattr(limits, "PDF_SECONDS_PER_PAGE", 0.0)
    path = write(tmp_path, "pages.pdf", raw_pdf(5, TEXT_PAGE))
    errors: list[BaseException] = []

    def target() -> None:
        try:
            read(path)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    assert isinstance(errors[0], InputError) and "quá thời gian đọc PDF" in errors[0].reason


def test_content_stream_bomb(tmp_path: Path) -> None:
    content = TEXT_PAGE + b"\n" + b" " * (limits.MAX_PDF_STREAM_BYTES + limits.MB)
    path = write(tmp_path, "bom.pdf", raw_pdf(1, content, compress=True))
    refused(path, "luồng nội dung", HOSTILE)


# --- random bytes, empty, lying extensions, names ------------------------------------------------

@pytest.mark.parametrize("name", ["rác.docx", "rác.pdf", "rác.txt", "rác.doc", "rác.md"])
def test_random_bytes(tmp_path: Path, name: str) -> None:
    rng = random.Random(7)
    path = write(tmp_path, name, bytes(rng.randrange(256) for _ in range(20_000)))
    refused(path)


@pytest.mark.parametrize("name", ["rỗng.docx", "rỗng.pdf", "rỗng.txt", "rỗng.doc"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    refused(write(tmp_path, name, b""), "tệp rỗng")


@pytest.mark.parametrize("name, data, says", [
    ("thật ra là pdf.docx", raw_pdf(1, TEXT_PAGE), "tệp PDF"),
    ("thật ra là docx.pdf", small_docx(), "tệp nén ZIP"),
    ("thật ra là docx.txt", small_docx(), "tệp nén ZIP"),
    ("thật ra là ole2.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000, "không chứa văn bản Word"),
    ("thật ra là pdf.doc", raw_pdf(1, TEXT_PAGE), "tệp PDF"),
])
def test_lying_extension(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    refused(write(tmp_path, name, data), says)


def test_a_docx_named_doc_is_read_as_a_docx(tmp_path: Path) -> None:
    # Word opens a .docx renamed ".doc" by its content; vbhc reads it so too, and says so
    path = write(tmp_path, "thật ra là docx.doc", small_docx("Điều 1. Quyết định này có hiệu lực từ ngày ký."))
    got = read(path)
    assert got.format == "docx" and got.notes[0].startswith("phần mở rộng .doc nhưng nội dung là tệp .docx")
    assert "Điều 1. Quyết định này có hiệu lực từ ngày ký." in [b.text for b in got.blocks]


def test_a_password_protected_docx_is_still_named_so(tmp_path: Path) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le")
    refused(write(tmp_path, "bảo mật.docx", data), "mật khẩu")


def test_ole2_that_is_not_word(tmp_path: Path) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le") + b"\0" * 2000
    refused(write(tmp_path, "bảng tính.doc", data), "không chứa văn bản Word")


def test_vietnamese_name_with_spaces_reads(tmp_path: Path) -> None:
    path = write(tmp_path, "Quyết định số 12 (bản cuối) – Sở Nội vụ.docx",
                 small_docx("Điều 1. Quyết định này có hiệu lực từ ngày ký."))
    run = run_cli("parse", "--format", "json", str(path))
    assert run.code == 0, run.stderr
    assert "Quyết định số 12 (bản cuối)" in run.stdout


def test_unreadable_file_in_check_is_an_error_row(tmp_path: Path) -> None:
    path = write(tmp_path, "tệp hỏng.docx", b"PK\x03\x04" + b"\0" * 100)
    run = run_cli("check", "--format", "json", str(path))
    assert run.code == 2
    assert '"status": "error"' in run.stdout
    assert "Traceback" not in run.stderr


def test_input_file_is_never_modified(tmp_path: Path) -> None:
    data = bomb_docx(5 * limits.MB)
    path = write(tmp_path, "x.docx", data)
    before = os.stat(path)
    run_cli("parse", str(path))
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before.st_mtime_ns


# --- text and block counts ------------------------------------------------------------------------

@pytest.mark.parametrize("name, text", [
    ("nhiều điều.txt", "Điều 1. x\n" * 45_000),
    ("dòng bị ngắt.txt", "x" * 60 + "\n" + "tiếp tục câu văn\n" * 45_000),
    ("một dòng.txt", "a " * 900_000),
    # pandoc's Markdown: a grid as wide as the file, a long grid, unclosed HTML tables, a paragraph of quotes
    ("lưới rộng.md", "+-" * 300_000 + "+\n" + "| x\n" * 1_000 + "+--+--+\n"),
    ("lưới dài.md", "+---+---+\n" + "| a | b |\n+---+---+\n" * 24_000),
    ("bảng html.md", "1\\. x\n\n" * 3 + "<table><tr><td>x\n" * 45_000),
    ("ngoặc kép.md", "1\\. x\n\n" * 3 + '"a" ' * 400_000),
    ("cột gạch.md", "1\\. x\n\n" * 3 + "-- --\n\n" * 45_000),
])
def test_large_text_within_limits_is_read_in_time(tmp_path: Path, name: str, text: str) -> None:
    """Shapes that once made the reader or the parser quadratic, just under the limits."""
    path = write(tmp_path, name, text.encode())
    assert path.stat().st_size <= limits.MAX_TEXT_BYTES
    run = run_cli("parse", "--format", "json", str(path))
    assert run.code == 0, run.stderr[-500:]
    assert run.seconds < 10 and run.max_rss_mb < 500, (run.seconds, run.max_rss_mb)


def test_text_over_the_size_limit(tmp_path: Path) -> None:
    refused(write(tmp_path, "lớn.txt", b"a\n" * (limits.MAX_TEXT_BYTES // 2 + 10)), "quá lớn")


def test_text_with_too_many_lines(tmp_path: Path) -> None:
    refused(write(tmp_path, "dòng.txt", b"a\n" * (limits.MAX_BLOCKS + 10)), f"giới hạn {limits.MAX_BLOCKS} dòng")


def test_docx_with_too_many_paragraphs(tmp_path: Path) -> None:
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (limits.MAX_BLOCKS + 10)
    path = write(tmp_path, "đoạn.docx", with_document(document_xml(body), zipfile.ZIP_STORED))
    refused(path, f"giới hạn {limits.MAX_BLOCKS} đoạn")


# --- values the mutation fuzzer found -------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e400", "-1e400", "nan", "999999999999", "-99999999999999999999"])
def test_absurd_numbers_in_parts(tmp_path: Path, value: str) -> None:
    """bench/fuzz_mutate.py found `int(float("1e400"))` (OverflowError) in the size, indent and
    numbering readers; a huge list start with letters would build a label of 10^12 letters."""
    numbering = (f'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{value}"/>'
                 f'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>').encode()
    para = (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
            f'<w:ind w:left="{value}" w:firstLine="{value}"/><w:spacing w:before="{value}" w:line="{value}"/></w:pPr>'
            f'<w:r><w:rPr><w:sz w:val="{value}"/></w:rPr><w:t>nội dung</w:t></w:r></w:p>')
    data = rezip(with_document(document_xml(para)), {"word/numbering.xml": numbering})
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        if "word/numbering.xml" not in z.namelist():
            rels = z.read("word/_rels/document.xml.rels").replace(
                b"</Relationships>", b'<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/'
                                     b'2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
            data = rezip(data, {"word/_rels/document.xml.rels": rels}, add={"word/numbering.xml": numbering})
    source = read(write(tmp_path, "số lạ.docx", data))
    assert source.blocks[-1].text.endswith("nội dung")
    assert len(source.blocks[-1].text) < 100


def test_what_the_reader_noted_is_shown_with_the_findings(tmp_path: Path) -> None:
    path = write(tmp_path, "thật ra là docx.doc", small_docx("Điều 1. Quyết định này có hiệu lực từ ngày ký."))
    text = run_cli("check", str(path))
    assert f"{path}: ghi chú: phần mở rộng .doc nhưng nội dung là tệp .docx" in text.stdout
    checked = run_cli("check", "--format", "json", str(path))
    [note] = json.loads(checked.stdout)["files"][0]["notes"]
    assert note.startswith("phần mở rộng .doc nhưng nội dung là tệp .docx")
    parsed = run_cli("parse", "--format", "json", str(path))
    assert json.loads(parsed.stdout)["notes"][0].startswith("phần mở rộng .doc")
