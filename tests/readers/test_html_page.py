"""A web page saved as a Word file (readers/html.py): what e-office systems export as ".doc".

Word opens such a file as a page; vbhc refused it ("nội dung không phải .doc như phần mở rộng"). It is now read
with the standard library's HTML parser (nothing is fetched: no image, style sheet or script) into the text
reader's lines, its tables as `|` rows.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from vbhc.check import check_file
from vbhc.errors import InputError
from vbhc.parse import parse_file
from vbhc.readers import read, sniff
from vbhc.readers.html import page_text

PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv="Content-Type" content="text/html; charset={charset}"><title>Công văn</title>
<style>p {{ font-family: "Times New Roman"; }}</style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--></head>
<body><script>document.write("không phải chữ của văn bản")</script>
<table border="0"><tr><td><p align="center">ỦY BAN NHÂN DÂN<br><b>XÃ HƯNG NGUYÊN</b></p>
<p align="center">Số: 45/UBND-VP<br>V/v triển khai kế hoạch cải cách hành chính</p></td>
<td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></p>
<p align="center"><i>Hưng Nguyên, ngày 20 tháng 7 năm 2025</i></p></td></tr></table>
<p align="center">Kính gửi: Các cơ quan, đơn vị trên địa bàn xã.</p>
<p>Thực hiện Kế hoạch số 100/KH-UBND ngày 10 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã đề
nghị các cơ quan, đơn vị triển khai thực hiện./.</p><img src="http://example.invalid/con-dau.png">
<table><tr><td><p><b><i>Nơi nhận:</i></b><br>- Như trên;<br>- Lưu: VT.</p></td>
<td><p align="center"><b>CHỦ TỊCH</b></p><p align="center"><b>Nguyễn Văn An</b></p></td></tr></table>
</body></html>
"""


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(ch: str) -> str:
    """A letter as windows-1258 writes it: the letter with its vowel mark, then its tone mark apart."""
    parts = unicodedata.normalize("NFD", ch)
    tones = "".join(c for c in parts if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones


def _page(tmp_path: Path, name: str = "cong-van.doc", charset: str = "utf-8") -> Path:
    path = tmp_path / name
    text = PAGE.format(charset=charset)
    if charset == "windows-1258":  # its tone marks are combining characters after the letter
        text = "".join(map(_cp1258, text))
    path.write_bytes(text.encode(charset))
    return path


def test_a_page_saved_as_doc_is_read_as_a_page(tmp_path):
    source = read(_page(tmp_path))
    assert source.format == "text" and source.notes[0].startswith(
        "phần mở rộng .doc nhưng nội dung là trang web (HTML): đã đọc theo nội dung")
    assert not any("không phải chữ" in b.text or "Print" in b.text for b in source.blocks)  # script, head: hidden
    [doc] = parse_file(_page(tmp_path)).documents
    assert (doc.doc_type, doc.issuer, doc.number, doc.symbol, doc.date) == (
        "Công văn", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", "45", "UBND-VP", "2025-07-20")
    assert doc.title == "triển khai kế hoạch cải cách hành chính"
    assert doc.signature is not None and doc.signature.signer == "Nguyễn Văn An" and doc.storage is not None


def test_a_page_s_findings_are_the_text_s(tmp_path):
    result = check_file(str(_page(tmp_path)))
    assert result.error is None and [f.rule for f in result.findings if f.severity == "error"] == []


def test_the_charset_the_page_names_is_used(tmp_path):
    # Vietnamese Windows pages: windows-1258 writes tone marks as combining characters, read back composed
    doc = parse_file(_page(tmp_path, charset="windows-1258")).documents[0]
    assert doc.issuer == "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN" and doc.place == "Hưng Nguyên"


def test_a_charset_that_does_not_decode_is_a_clear_error(tmp_path):
    path = tmp_path / "hong.doc"
    path.write_bytes(b'<html><head><meta charset="x-khong-co"></head><body><p>x</p></body></html>')
    with pytest.raises(InputError) as err:
        read(path)
    assert "x-khong-co" in err.value.reason


def test_a_table_s_cells_keep_their_lines_and_a_bar_in_a_cell_is_no_column():
    text = page_text("<table><tr><td>Nơi nhận:<br>- A | B;</td><td><b>CHỦ TỊCH</b></td></tr></table>")
    assert text.splitlines()[0] == "| Nơi nhận:<br>- A / B; | **CHỦ TỊCH** |"


@pytest.mark.parametrize("head, kind", [(b"<!DOCTYPE html><html>", "html"), (b"\xef\xbb\xbf  <html lang='vi'>", "html"),
                                        (b"<!-- xuat tu he thong --><html>", "html"), (b"<htmlx>", None),
                                        (b"Ke hoach <html>", None),
                                        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;", "mht"),
                                        (b"From: <Saved by Windows Internet Explorer>\nSubject: x\n"
                                         b"Content-Type: multipart/related;\n\ttype=\"text/html\"", "mht"),
                                        (b"Content-Type: text/plain", None)])
def test_what_a_page_starts_with(head, kind):
    assert sniff(head) == kind


def test_a_page_s_source_in_a_text_file_is_still_text(tmp_path):
    path = tmp_path / "trang.txt"
    path.write_text("<html><body><p>Điều 1. Quy định chung.</p></body></html>", encoding="utf-8")
    assert read(path).format == "text"


@pytest.mark.parametrize("markup", ["<![foo", "<![if !supportLists]>1.<![endif]>", "<!ELEMENT", "<![ x", "<!",
                                    "<table><td>x", "</table></td></tr>", "&#99999999;"])
def test_broken_markup_never_raises_and_keeps_the_text_after_it(markup):
    # the standard library's parser raises AssertionError on some declarations; a page cut short keeps its cells
    assert "ok" in page_text(f"<html><body>{markup}<p>ok</p></body></html>")


def _archive(html: str, charset: str = "utf-8") -> bytes:
    """A page saved as one file the way Word writes it: mail headers, a quoted-printable HTML part."""
    import quopri

    body = quopri.encodestring(html.encode(charset)).decode("ascii")
    return (f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01DA"\r\n\r\n'
            f'This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n'
            f'------=_NextPart_01DA\r\nContent-Location: file:///C:/cong-van.htm\r\n'
            f'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="{charset}"\r\n\r\n'
            f'{body}\r\n------=_NextPart_01DA--\r\n').encode("ascii")


def test_a_page_saved_as_one_file_is_read_as_its_page(tmp_path):
    path = tmp_path / "cong-van.doc"
    path.write_bytes(_archive(PAGE.format(charset="utf-8")))
    source = read(path)
    assert source.notes[0].startswith("phần mở rộng .doc nhưng nội dung là trang web lưu một tệp (MHT)")
    [doc] = parse_file(path).documents
    assert (doc.doc_type, doc.issuer, doc.number, doc.date) == (
        "Công văn", "ỦY BAN NHÂN DÂN XÃ HƯNG NGUYÊN", "45", "2025-07-20")


def test_a_damaged_archive_is_a_clear_error(tmp_path):
    path = tmp_path / "hong.doc"
    path.write_bytes(_archive("<p>x</p>").replace(b'charset="utf-8"', b'charset="x-khong-co"'))
    with pytest.raises(InputError) as err:
        read(path)
    assert "MHT" in err.value.reason


def test_an_archive_without_a_page_is_a_clear_error(tmp_path):
    path = tmp_path / "rong.doc"
    path.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
                     b'Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n')
    with pytest.raises(InputError) as err:
        read(path)
    assert "không có phần HTML" in err.value.reason
