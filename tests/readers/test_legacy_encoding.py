"""Legacy Vietnamese encodings (TCVN3/ABC and VNI): tables, detection, .docx and .txt files.

The legacy files are built here from a small Unicode decision: each line is encoded with the
tables' inverse and written as python-docx runs in the legacy font (.VnTime, with accented
capitals in .VnTimeH as an ABC typist sets them; VNI-Times), then parsed and compared with the
Unicode original: same header fields, same body structure, same text.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.oxml.ns import qn

from vbhc.check import check_file
from vbhc.parse import parse_file
from vbhc.readers import legacy, read

DECISION = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2228/QĐ-UBND
Nghệ An, ngày 15 tháng 7 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch cải cách hành chính năm 2025
ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Theo đề nghị của Giám đốc Sở Nội vụ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
1. Giao Sở Nội vụ hướng dẫn, đôn đốc, kiểm tra việc thực hiện; bảo đảm đạt từ 95% trở lên.
2. Các sở, ban, ngành chủ động triển khai; thời hạn chậm nhất ngày 31 tháng 7 năm 2025.
a) Rà soát thủ tục hành chính, giảm 10% chi phí tuân thủ;
b) Ứng dụng công nghệ thông tin trong quản lý, điều hành.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT, KSTT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Đức"""

LINES = DECISION.splitlines()


def _add_runs(paragraph, runs: list[tuple[str, str]]) -> None:
    for text, font in runs:
        run = paragraph.add_run(text)
        run.font.name = font
        rpr = run._element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), font)


def build(path: Path, encoding: str | None) -> Path:
    doc = new_docx()
    for line in LINES:
        p = doc.add_paragraph()
        if encoding is None:
            _add_runs(p, [(line, "Times New Roman")])
        elif encoding == "tcvn3":
            _add_runs(p, [(t, ".VnTimeH" if caps else ".VnTime") for t, caps in legacy.encode_tcvn3_runs(line)])
        else:
            _add_runs(p, [(legacy.encode_vni(line), "VNI-Times")])
    doc.save(path)
    return path


def summary(path: Path) -> dict:
    parsed = parse_file(path)
    doc = parsed.documents[0]
    return {
        "fields": (doc.doc_type, doc.number, doc.symbol, doc.issuer, doc.place, doc.date, doc.title),
        "body": [(n.kind, n.number, n.label, n.text) for n in doc.nodes()],
        "signature": (doc.signature.authority, doc.signature.positions, doc.signature.signer)
        if doc.signature else None,
        "recipients": doc.recipients,
        "texts": [b.text for b in parsed.source.blocks],
    }


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return summary(build(tmp_path_factory.mktemp("uni") / "quyet dinh.docx", None))


# --- tables -----------------------------------------------------------------------------------

def _all_letters() -> list[str]:
    out = [unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy"
           for t in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")] + ["đ"]
    return out + [c.upper() for c in out]


def test_vni_round_trips_every_letter() -> None:
    text = " ".join(_all_letters())
    assert legacy.decode_vni(legacy.encode_vni(text)) == text


def test_tcvn3_round_trips_every_letter_with_h_fonts_for_capitals() -> None:
    text = " ".join(_all_letters())
    runs = legacy.encode_tcvn3_runs(text)
    assert any(caps for _, caps in runs)
    assert "".join(legacy.convert(t, "tcvn3", caps=caps) for t, caps in runs) == text


def test_classic_tcvn3_bytes() -> None:
    assert legacy.decode_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert legacy.convert("quyÕt ®Þnh", "tcvn3", caps=True) == "QUYẾT ĐỊNH"
    assert legacy.decode_tcvn3("\xad\xa7") == "ưĐ"


def test_vni_bytes() -> None:
    assert legacy.decode_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert legacy.decode_vni("QUYEÁT ÑÒNH") == "QUYẾT ĐỊNH"
    assert legacy.decode_vni("naúng") == "nẳng"  # ẳ: the letter viparse's table lacks


@pytest.mark.parametrize("font, enc, caps", [
    (".VnTime", "tcvn3", False), (".VnTimeH", "tcvn3", True), (".VnArialH", "tcvn3", True),
    ("ABCDEF+.VnTime", "tcvn3", False), ("VNI-Times", "vni", False), ("VNI-Helve", "vni", False),
    ("Times New Roman", None, False), ("Arial", None, False), (None, None, False), ("Vnexpress", None, False),
])
def test_font_names(font: str | None, enc: str | None, caps: bool) -> None:
    assert legacy.font_encoding(font) == enc
    assert legacy.is_caps_font(font) is caps


def test_detection_by_characters() -> None:
    assert legacy.detect(legacy.encode_tcvn3(DECISION.lower())) == "tcvn3"
    assert legacy.detect(legacy.encode_vni(DECISION)) == "vni"
    assert legacy.detect(DECISION) is None
    assert legacy.detect("Über München fährt der Zug. Ça va très bien, été à côté, naïve façade.") is None
    assert legacy.detect("Giá 100 µg, nhiệt độ 25 °C, © 2025") is None


# --- files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, fonts", [("tcvn3", {".VnTime", ".VnTimeH"}), ("vni", {"VNI-Times"})])
def test_legacy_docx_parses_like_its_unicode_original(tmp_path: Path, original: dict, encoding: str,
                                                      fonts: set[str]) -> None:
    path = build(tmp_path / f"quyết định {encoding}.docx", encoding)
    source = read(path)
    assert set(source.legacy_fonts) == fonts
    assert set(source.legacy_encodings) == {encoding}
    assert any("đã chuyển mã" in n for n in source.notes)
    got = summary(path)
    assert got == original
    assert original["fields"][1:3] == ("2228", "QĐ-UBND")


@pytest.mark.parametrize("encoding, label, fonts", [("tcvn3", "TCVN3", ".VnTime"), ("vni", "VNI", "VNI-Times")])
def test_legacy_docx_findings(tmp_path: Path, encoding: str, label: str, fonts: str) -> None:
    result = check_file(str(build(tmp_path / "qd.docx", encoding)))
    by_rule = {f.rule: f for f in result.findings}
    info = by_rule["ND30.MaKyTu.ChuyenMa"]
    assert info.severity == "info" and info.message.startswith(f"đã chuyển mã {label} → Unicode")
    error = by_rule["ND30.MaKyTu.Unicode"]
    assert error.severity == "error"
    assert error.message.startswith(f"phông chữ không phải Unicode ({fonts}")
    assert "TCVN 6909:2001" in error.message
    assert error.source == "NĐ 30/2020, Phụ lục I, mục I.4"


def test_unicode_docx_has_no_encoding_findings(tmp_path: Path) -> None:
    result = check_file(str(build(tmp_path / "qd.docx", None)))
    assert not [f for f in result.findings if f.rule.startswith("ND30.MaKyTu")]


def test_tcvn3_soft_hyphen_is_the_letter_u_horn(tmp_path: Path) -> None:
    """Word saves TCVN3's byte 0xAD (ư) as <w:softHyphen/>: in a .VnTime run it is a letter."""
    doc = new_docx()
    p = doc.add_paragraph()
    _add_runs(p, [("n", ".VnTime")])
    r = p.runs[0]._element
    r.append(r.makeelement(qn("w:softHyphen"), {}))
    t = r.makeelement(qn("w:t"), {})
    t.text = "íc"
    r.append(t)
    doc.save(tmp_path / "nuoc.docx")
    assert read(tmp_path / "nuoc.docx").blocks[0].text == "nước"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("as_bytes", [True, False])
def test_legacy_text_file(tmp_path: Path, original: dict, encoding: str, as_bytes: bool) -> None:
    """A .txt from the ABC/VNI era: 8-bit bytes (not UTF-8), or the legacy characters saved as UTF-8.
    Capital lines of TCVN3 (typed in an H font) come back as capitals."""
    if encoding == "tcvn3":
        lines = [legacy.encode_tcvn3(ln) for ln in LINES]  # capitals typed with caps lock
    else:
        lines = [legacy.encode_vni(ln) for ln in LINES]
    text = "\n".join(lines) + "\n"
    path = tmp_path / "qd.txt"
    path.write_bytes(text.encode("latin-1") if as_bytes else text.encode("utf-8"))
    source = read(path)
    assert set(source.legacy_encodings) == {encoding}
    parsed = parse_file(path)
    doc = parsed.documents[0]
    assert (doc.number, doc.symbol, doc.date) == ("2228", "QĐ-UBND", "2025-07-15")
    if encoding == "vni":  # VNI has capitals: the text is exactly the original
        assert [b.text for b in parsed.source.blocks] == original["texts"]
    assert [n.kind for n in doc.nodes()] == [k for k, *_ in original["body"]]
    result = check_file(str(path))
    rules = {f.rule for f in result.findings}
    assert "ND30.MaKyTu.ChuyenMa" in rules and "ND30.MaKyTu.Unicode" not in rules


def test_plain_latin1_text_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_bytes("Über München fährt der Zug nach Köln.\n".encode("latin-1"))
    from vbhc.errors import InputError

    with pytest.raises(InputError):
        read(path)
