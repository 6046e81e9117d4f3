"""Typography rules on .docx fixtures built with python-docx, each breaking exactly one rule; the
conformant decision and its PDF (LibreOffice) give no error and no warning."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx_builder import Para, body, build, conformant_decision
from rule_helpers import file_findings


def _ids(layout, tmp_path):
    return {f.rule for f in file_findings(build(layout, tmp_path / "qd.docx"))}


def _change(starts: str, **changes):
    layout = conformant_decision()
    para = layout.para(starts)
    for key, value in changes.items():
        setattr(para, key, value)
    return layout


BREAKS = [
    ("ND30.Font.TimesNewRoman", "Số:", {"font": "Arial"}),
    ("ND30.Font.TimesNewRoman", "1. Sở Nội vụ", {"font": "Calibri"}),
    ("ND30.KieuChu.CoChu", "CỘNG HÒA", {"size": 14}),
    ("ND30.KieuChu.CoChu", "Độc lập", {"size": 12}),
    ("ND30.KieuChu.CoChu", "ỦY BAN NHÂN DÂN", {"size": 14}),
    ("ND30.KieuChu.CoChu", "Số:", {"size": 14}),
    ("ND30.KieuChu.CoChu", "Nghệ An, ngày", {"size": 12}),
    ("ND30.KieuChu.CoChu", "QUYẾT ĐỊNH", {"size": 16}),
    ("ND30.KieuChu.CoChu", "Ban hành Kế hoạch", {"size": 12}),
    ("ND30.KieuChu.CoChu", "Căn cứ Luật", {"size": 12}),
    ("ND30.KieuChu.CoChu", "1. Sở Nội vụ", {"size": 12}),
    ("ND30.KieuChu.CoChu", "Nơi nhận:", {"size": 14}),
    ("ND30.KieuChu.CoChu", "- Bộ Nội vụ;", {"size": 12}),
    ("ND30.KieuChu.CoChu", "- Lưu:", {"size": 13}),
    ("ND30.KieuChu.CoChu", "KT. CHỦ TỊCH", {"size": 12}),
    ("ND30.KieuChu.CoChu", "Nguyễn Văn A", {"size": 12}),
    ("ND30.KieuChu.Dam", "CỘNG HÒA", {"bold": False}),
    ("ND30.KieuChu.Dam", "Độc lập", {"bold": False}),
    ("ND30.KieuChu.Dam", "Số:", {"bold": True}),
    ("ND30.KieuChu.Dam", "Ban hành Kế hoạch", {"bold": False}),
    ("ND30.KieuChu.Dam", "Điều 2.", {"bold": False}),
    ("ND30.KieuChu.Dam", "Nơi nhận:", {"bold": False}),
    ("ND30.KieuChu.Dam", "Nguyễn Văn A", {"bold": False}),
    ("ND30.KieuChu.Dam", "PHÓ CHỦ TỊCH", {"bold": False}),
    ("ND30.KieuChu.Nghieng", "Nghệ An, ngày", {"italic": False}),
    ("ND30.KieuChu.Nghieng", "Căn cứ Luật", {"italic": False}),
    ("ND30.KieuChu.Nghieng", "Nơi nhận:", {"italic": False}),
    ("ND30.KieuChu.Nghieng", "- Bộ Nội vụ;", {"italic": True}),
    ("ND30.KieuChu.Nghieng", "QUYẾT ĐỊNH", {"italic": True}),
    ("ND30.Doan.CanDeu", "1. Sở Nội vụ", {"align": "left"}),
    ("ND30.Doan.LuiDauDong", "1. Sở Nội vụ", {"first_line_mm": 5}),
    ("ND30.Doan.LuiDauDong", "Điều 3.", {"first_line_mm": 0}),
    ("ND30.Doan.KhoangCach", "1. Sở Nội vụ", {"space_after_pt": 0}),
    ("ND30.Doan.GianDong", "1. Sở Nội vụ", {"line_spacing": 2.0}),
]


@pytest.mark.parametrize(("rule", "starts", "changes"), BREAKS,
                         ids=[f"{r}:{s[:12]}:{c}" for r, s, c in BREAKS])
def test_one_change_breaks_one_rule(tmp_path, rule, starts, changes):
    assert _ids(_change(starts, **changes), tmp_path) == {rule}


@pytest.mark.parametrize("font", ["Liberation Serif", "Tinos", "Nimbus Roman", "TeX Gyre Termes"])
def test_a_substitute_drawn_to_times_widths_is_a_warning(tmp_path, font):
    # a machine without Times New Roman prints in a font of the same widths: the pages fall the same
    [f] = file_findings(build(_change("1. Sở Nội vụ", font=font), tmp_path / "qd.docx"))
    assert (f.rule, f.severity, f.data["substitute"]) == ("ND30.Font.TimesNewRoman", "warning", True)
    assert f.message.startswith(f"Phông chữ “{font}” (phông thay thế") and "nên dùng" in f.message


@pytest.mark.parametrize("font", ["Arial", "Liberation Sans", "DejaVu Serif", "Cambria"])
def test_another_font_stays_an_error(tmp_path, font):
    [f] = file_findings(build(_change("1. Sở Nội vụ", font=font), tmp_path / "qd.docx"))
    assert (f.rule, f.severity, f.data["substitute"]) == ("ND30.Font.TimesNewRoman", "error", False)
    assert "cần dùng phông Times New Roman" in f.message


def test_conformant_docx_gives_no_error_and_no_warning(tmp_path):
    assert file_findings(build(conformant_decision(), tmp_path / "qd.docx")) == []


def test_size_finding_groups_lines(tmp_path):
    layout = conformant_decision()
    for p in layout.body:
        if p.text[:2] in ("a)", "b)", "c)"):
            p.size = 12
    [f] = file_findings(build(layout, tmp_path / "qd.docx"))
    assert f.rule == "ND30.KieuChu.CoChu"
    assert f.data["count"] == 3 and f.data["found"] == 12 and f.data["expected"] == [13, 14]
    assert len(f.data["lines"]) == 3 and f.line == f.data["lines"][0]


def test_article_without_title_has_only_its_label_bold(tmp_path):
    # "Điều 1. Ban hành …": the label bold, the text upright; not a bold-face error
    assert _ids(conformant_decision(), tmp_path) == set()


def _plan():
    layout = conformant_decision()
    layout.number[0].text = "Số: 05/KH-UBND"
    layout.title = [Para("KẾ HOẠCH", 14, bold=True),
                    Para("Cải cách hành chính năm 2026", 14, bold=True, space_after_pt=6)]
    layout.body = [
        body("I. MỤC TIÊU", bold=True),
        body("1. Nâng cao chất lượng giải quyết thủ tục hành chính."),
        body("2. Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 95% trở lên."),
        body("II. NHIỆM VỤ", bold=True),
        body("1. Cải cách thể chế", bold=True),
        body("a) Rà soát văn bản quy phạm pháp luật;"),
        body("b) Theo dõi thi hành pháp luật./."),
    ]
    layout.recipients[1].text = "- Các sở, ban, ngành;"
    layout.signature = [Para("TM. ỦY BAN NHÂN DÂN", 14, bold=True), Para("CHỦ TỊCH", 14, bold=True),
                        Para("", 14), Para("Nguyễn Văn A", 14, bold=True)]
    return layout


def test_conformant_plan(tmp_path):
    assert file_findings(build(_plan(), tmp_path / "kh.docx")) == []


def test_section_heading_in_lower_case(tmp_path):
    layout = _plan()
    layout.para("I. MỤC TIÊU").text = "I. Mục tiêu"
    assert _ids(layout, tmp_path) == {"ND30.KieuChu.InHoa"}


def test_section_heading_not_bold(tmp_path):
    layout = _plan()
    layout.para("II. NHIỆM VỤ").bold = False
    assert _ids(layout, tmp_path) == {"ND30.KieuChu.Dam"}


# --- the PDF of the conformant decision -------------------------------------------------------

def _times_installed() -> bool:
    if shutil.which("fc-match") is None:
        return False
    out = subprocess.run(["fc-match", "Times New Roman"], capture_output=True, text=True).stdout
    return "Times New Roman" in out or "times.ttf" in out.lower()


def test_conformant_pdf_gives_no_error_and_no_warning(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make the PDF (CI installs it)")
    src = build(conformant_decision(), tmp_path / "qd.docx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "qd.pdf"
    assert pdf.exists()
    found = file_findings(pdf)
    if not _times_installed():
        # Without Times New Roman on this machine LibreOffice prints in a substitute of the same widths
        # (Liberation Serif): the PDF really is not in Times New Roman, which the font rule says, as a warning.
        fonts = [f for f in found if f.rule == "ND30.Font.TimesNewRoman"]
        assert {(f.data["found"], f.severity) for f in fonts} <= {("LiberationSerif", "warning"),
                                                                  ("Liberation Serif", "warning")}
        found = [f for f in found if f not in fonts]
    assert [(f.rule, f.message) for f in found if f.severity in ("error", "warning")] == []


def test_half_a_point_off_is_a_warning_more_is_an_error(tmp_path):
    # bc01 of ../shared/corpus/real: a position line at 14.5 pt, which no văn thư returns a report for
    half = _change("PHÓ CHỦ TỊCH", size=14.5)
    [f] = file_findings(build(half, tmp_path / "half.docx"))
    assert (f.rule, f.severity) == ("ND30.KieuChu.CoChu", "warning")
    whole = _change("PHÓ CHỦ TỊCH", size=15.5)
    [g] = file_findings(build(whole, tmp_path / "whole.docx"))
    assert (g.rule, g.severity) == ("ND30.KieuChu.CoChu", "error")


@pytest.mark.parametrize("font", ["Wingdings", "Symbol", "Segoe UI Symbol"])
def test_a_symbol_in_a_symbol_font_is_no_font_fault(tmp_path, font):
    # a check mark typed as Wingdings "ü", a bullet from Symbol: the text is still all Times New Roman
    import docx

    path = build(conformant_decision(), tmp_path / "qd.docx")
    d = docx.Document(str(path))
    par = next(p for p in d.paragraphs if p.text.startswith("1. Sở Nội vụ"))
    run = par.add_run(" ü")
    run.font.name = font
    d.save(str(path))
    assert file_findings(path) == []
    run.font.name = "Arial"  # the same run in a font of text is a fault
    d.save(str(path))
    assert [(f.rule, f.data["found"]) for f in file_findings(path)] == [("ND30.Font.TimesNewRoman", "Arial")]
