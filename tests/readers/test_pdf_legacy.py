"""PDF reader: legacy Vietnamese fonts (TCVN3/ABC .VnTime, .VnTimeH; VNI-Times) back to Unicode.

The PDFs are written by hand (pdf_builder): each line is a known Unicode text encoded with the
legacy tables' inverse (legacy.encode_tcvn3, encode_tcvn3_runs for the capitals font, encode_vni),
and those bytes are the PDF string in a WinAnsi Type1 font named like the legacy font, without a
ToUnicode map, as a printer driver writes it. pdfminer then decodes every byte as Windows-1252
("Céng hoµ"), which the reader must take back to the Unicode original, exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vbhc.check import check_file
from vbhc.cli import cli
from vbhc.readers import legacy, read

try:
    from .pdf_builder import Text, build_pdf, text_width
except ImportError:  # tests/readers is not a package: pytest put this folder on sys.path
    from pdf_builder import Text, build_pdf, text_width  # type: ignore[no-redef]

FONTS = {"T": ".VnTime", "H": ".VnTimeH", "B": "ABCDEF+.VnTimeH,Bold", "N": ".VnArial NarrowH",
         "V": "VNI-Times"}
SIZE = 13.0
LEFT, MID = 70.0, 300.0

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 15/QĐ-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Nghệ An, ngày 05 tháng 02 năm 2026"]
TITLE = "QUYẾT ĐỊNH"
BODY_TCVN3 = "Giao Sở Tư pháp chủ trì, ưu tiên thực hiện trước ngày 31 tháng 12 năm 2026."
BODY_WORDS = "Người đứng đầu cơ quan chịu trách nhiệm thi hành"  # words placed apart, no space glyphs
BODY_VNI = "Điều 1. Ủy ban nhân dân tỉnh quyết định ưu tiên đầu tư, nâng cấp đường ĩ ỹ ẳng."
SIGN = "CHỦ TỊCH"


def runs_tcvn3(text: str, plain: str = "T", caps: str = "H") -> list[tuple[str, str]]:
    """As an ABC typist sets a line: accented capitals in the all-capitals font, typed lowercase."""
    return [(t, caps if is_caps else plain) for t, is_caps in legacy.encode_tcvn3_runs(text)]


def place(x: float, baseline: float, runs: list[tuple[str, str]]) -> list[Text]:
    """Runs of (legacy bytes, font key) drawn one after the other from x."""
    items = []
    for text, font in runs:
        items.append(Text(x, baseline, text, size=SIZE, font=font))
        x += text_width(text, SIZE)
    return items


def decision() -> tuple[list[Text], dict[str, int]]:
    """A small decision in TCVN3 and VNI, and the characters each encoding should count."""
    items: list[Text] = []
    counted = {"tcvn3": 0, "vni": 0}

    def add(x: float, baseline: float, runs: list[tuple[str, str]]) -> None:
        items.extend(place(x, baseline, runs))
        enc = "vni" if runs[0][1] == "V" else "tcvn3"
        counted[enc] += sum(1 for t, _ in runs for c in t if not c.isspace())

    for k, line in enumerate(HEADER_LEFT):
        add(LEFT, 60 + 16 * k, runs_tcvn3(line))
    add(MID, 60, [(legacy.encode_tcvn3(HEADER_RIGHT[0].lower()), "B")])  # all of it in .VnTimeH, bold
    for k, line in enumerate(HEADER_RIGHT[1:], 1):
        add(MID, 60 + 16 * k, [(legacy.encode_tcvn3(line), "T")])
    add(240, 160, [(legacy.encode_tcvn3(TITLE.lower()), "N")])
    add(LEFT, 200, [(legacy.encode_tcvn3(BODY_TCVN3), "T")])
    x = LEFT
    for word in BODY_WORDS.split():
        raw = legacy.encode_tcvn3(word)
        add(x, 220, [(raw, "T")])
        x += text_width(raw, SIZE) + 0.3 * SIZE
    add(LEFT, 240, [(legacy.encode_vni(BODY_VNI), "V")])
    add(380, 300, runs_tcvn3(SIGN))
    return items, counted


def write(tmp_path: Path, items: list[Text], name: str = "qd.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(build_pdf([items], fonts=FONTS))
    return path


def test_legacy_pdf_reads_as_its_unicode_original(tmp_path: Path) -> None:
    items, counted = decision()
    assert any("\xad" in t.text for t in items)  # ư: the byte WinAnsi decodes as a space
    source = read(write(tmp_path, items))
    texts = [b.text for b in source.blocks]
    assert texts == [HEADER_LEFT[0], HEADER_RIGHT[0], HEADER_LEFT[1], HEADER_RIGHT[1], HEADER_LEFT[2],
                     HEADER_RIGHT[2], TITLE, BODY_TCVN3, BODY_WORDS, BODY_VNI, SIGN]
    assert source.legacy_encodings == counted
    assert set(source.legacy_fonts) == {".VnTime", ".VnTimeH", ".VnArial NarrowH", "VNI-Times"}
    assert sum(source.legacy_fonts.values()) == sum(counted.values())
    assert any(n.startswith("đã chuyển mã TCVN3 → Unicode") and "VNI → Unicode" in n for n in source.notes)
    header = next(b for b in source.blocks if b.text == HEADER_RIGHT[0])
    assert header.style.fonts == [".VnTimeH"] and header.style.bold
    assert next(b for b in source.blocks if b.text == HEADER_LEFT[0]).style.fonts == [".VnTimeH", ".VnTime"]


def test_legacy_pdf_findings(tmp_path: Path) -> None:
    items, _ = decision()
    path = write(tmp_path, items)
    by_rule = {f.rule: f for f in check_file(str(path)).findings}
    error = by_rule["ND30.MaKyTu.Unicode"]
    assert error.severity == "error" and ".VnTime" in error.message and "VNI-Times" in error.message
    info = by_rule["ND30.MaKyTu.ChuyenMa"]
    assert info.severity == "info" and info.message.startswith("đã chuyển mã")
    res = CliRunner().invoke(cli, ["check", str(path), "--format", "json"], catch_exceptions=False)
    findings = json.loads(res.stdout)["files"][0]["findings"]
    severities = {f["rule"]: f["severity"] for f in findings}
    assert severities["ND30.MaKyTu.Unicode"] == "error"
    assert severities["ND30.MaKyTu.ChuyenMa"] == "info"


def test_unicode_pdf_is_untouched(tmp_path: Path) -> None:
    """Helvetica text that happens to hold the same Windows-1252 letters stays as it is."""
    line = legacy.encode_tcvn3("Cộng hòa xã hội, người")  # "Céng hßa x· héi, ng­êi"
    items = [Text(LEFT, 60, "Cong hoa xa hoi chu nghia Viet Nam", size=SIZE),
             Text(LEFT, 80, line.replace("\xad", "-"), size=SIZE),
             Text(LEFT, 100, "Über München, 100 µg, © 2026", size=SIZE, font="F4")]
    source = read(write(tmp_path, items))
    assert [b.text for b in source.blocks] == [items[0].text, items[1].text, items[2].text]
    assert source.legacy_encodings == {} and source.legacy_fonts == {}
    assert not any("chuyển mã" in n for n in source.notes)
    rules = {f.rule for f in check_file(str(tmp_path / "qd.pdf")).findings}
    assert not {r for r in rules if r.startswith("ND30.MaKyTu")}


def test_tcvn3_u_horn_next_to_real_spaces(tmp_path: Path) -> None:
    """0xAD (ư) decodes as a space: a letter-wide one is ư, a real space between words stays."""
    text = "ưu tư tư ư ừ"
    source = read(write(tmp_path, [Text(LEFT, 60, legacy.encode_tcvn3(text), size=SIZE, font="T")]))
    assert [b.text for b in source.blocks] == [text]
    assert source.legacy_encodings == {"tcvn3": len(text.replace(" ", ""))}
