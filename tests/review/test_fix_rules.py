"""Each fixable rule on a decision that breaks only it (tests/rules/docx_builder.py): `vbhc fix`
(with --unsafe-fixes for a text fix) gives a file on which that rule no longer fires and nothing
else changed; fixing twice equals fixing once; the input's bytes are unchanged."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_builder import Layout, Para, body, build, conformant_decision
from review_helpers import digest, looks, rules_of, run, setup_of
from table_borders import with_body_table


def para(starts: str, **changes) -> Callable[[Layout], None]:
    def change(layout: Layout) -> None:
        p = layout.para(starts)
        for k, v in changes.items():
            setattr(p, k, v)
    return change


def text(starts: str, new: str) -> Callable[[Layout], None]:
    return para(starts, text=new)


def page(**changes) -> Callable[[Layout], None]:
    def change(layout: Layout) -> None:
        for k, v in changes.items():
            if k == "margins":
                layout.page.margins_mm.update(v)
            else:
                setattr(layout.page, k, v)
    return change


# (rule, how to break it, the blocks' text that may change (text fixes), what of the page may change)
SAFE = [
    ("ND30.Trang.KhoGiay", page(width_mm=216, height_mm=279), "page"),
    ("ND30.Trang.ChieuGiay", page(width_mm=297, height_mm=210), "page"),
    ("ND30.Trang.LeTrang", page(margins={"left": 25}), "page"),
    ("ND30.Trang.LeTrang", page(margins={"top": 15, "bottom": 30}), "page"),
    ("ND30.Trang.LeTrang", page(margins={"right": 25}), "page"),
    ("ND30.Trang.SoTrangDau", page(different_first_page=False), "page"),
    ("ND30.Trang.ViTriSoTrang", page(page_number_align="right"), "page"),
    ("ND30.Trang.CoChuSoTrang", page(page_number_size=11), "page"),
    ("ND30.Font.TimesNewRoman", para("Số:", font="Arial"), "Số:"),
    ("ND30.Font.TimesNewRoman", para("1. Sở Nội vụ", font="Calibri"), "1. Sở Nội vụ"),
    ("ND30.KieuChu.CoChu", para("CỘNG HÒA", size=14), "CỘNG HÒA"),
    ("ND30.KieuChu.CoChu", para("Độc lập", size=12), "Độc lập"),
    ("ND30.KieuChu.CoChu", para("Số:", size=14), "Số:"),
    ("ND30.KieuChu.CoChu", para("Căn cứ Luật", size=12), "Căn cứ Luật"),
    ("ND30.KieuChu.CoChu", para("- Bộ Nội vụ;", size=12), "- Bộ Nội vụ;"),
    ("ND30.KieuChu.CoChu", para("Nguyễn Văn A", size=12), "Nguyễn Văn A"),
    ("ND30.KieuChu.Dam", para("CỘNG HÒA", bold=False), "CỘNG HÒA"),
    ("ND30.KieuChu.Dam", para("Số:", bold=True), "Số:"),
    ("ND30.KieuChu.Dam", para("Điều 2.", bold=False), "Điều 2."),
    ("ND30.KieuChu.Dam", para("Nơi nhận:", bold=False), "Nơi nhận:"),
    ("ND30.KieuChu.Nghieng", para("Nghệ An, ngày", italic=False), "Nghệ An, ngày"),
    ("ND30.KieuChu.Nghieng", para("Căn cứ Luật", italic=False), "Căn cứ Luật"),
    ("ND30.KieuChu.Nghieng", para("- Bộ Nội vụ;", italic=True), "- Bộ Nội vụ;"),
    ("ND30.Doan.CanDeu", para("1. Sở Nội vụ", align="left"), "1. Sở Nội vụ"),
    ("ND30.Doan.LuiDauDong", para("1. Sở Nội vụ", first_line_mm=5), "1. Sở Nội vụ"),
    ("ND30.Doan.LuiDauDong", para("Điều 3.", first_line_mm=0), "Điều 3."),
    ("ND30.Doan.KhoangCach", para("1. Sở Nội vụ", space_after_pt=0), "1. Sở Nội vụ"),
    ("ND30.Doan.GianDong", para("1. Sở Nội vụ", line_spacing=2.0), "1. Sở Nội vụ"),
]

TEXT = [
    ("ND30.SoKyHieu.KhoangTrang", text("Số:", "Số: 05 /QĐ-UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.SoKyHieu.KhoangTrang", text("Số:", "Số: 05/QĐ - UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.SoKyHieu.DauHaiCham", text("Số:", "Số 05/QĐ-UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.SoKyHieu.ChuSo", text("Số:", "SỐ: 05/QĐ-UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.SoKyHieu.SoDuoi10", text("Số:", "Số: 5/QĐ-UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.SoKyHieu.GachNoi", text("Số:", "Số: 05/QĐ.UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.SoKyHieu.GachCheo", text("Số:", "Số: 05-QĐ/UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.NgayThang.SoKhong", text("Nghệ An, ngày", "Nghệ An, ngày 5 tháng 2 năm 2026"),
     "Nghệ An, ngày 05 tháng 02 năm 2026"),
    ("ND30.NgayThang.SoKhongThua", text("Nghệ An, ngày", "Nghệ An, ngày 05 tháng 06 năm 2026"),
     "Nghệ An, ngày 05 tháng 6 năm 2026"),
    ("ND30.DiaDanh.DauPhay", text("Nghệ An, ngày", "Nghệ An ngày 05 tháng 02 năm 2026"),
     "Nghệ An, ngày 05 tháng 02 năm 2026"),
    ("ND30.TieuNgu.ChinhTa", text("Độc lập", "Độc lập – Tự do – Hạnh phúc"), "Độc lập - Tự do - Hạnh phúc"),
    ("ND30.TieuNgu.ChinhTa", text("Độc lập", "Độc lập-Tự do-Hạnh phúc"), "Độc lập - Tự do - Hạnh phúc"),
    ("ND30.QuocHieu.ChinhTa", text("CỘNG HÒA", "CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("ND30.CanCu.DauCau", text("Căn cứ Luật", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025,"),
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
    ("ND30.CanCu.DauCau", text("Theo đề nghị", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày "
                                               "02 tháng 02 năm 2026"),
     "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 02 tháng 02 năm 2026."),
    ("ND30.NoiNhan.ChamPhay", text("- Bộ Nội vụ;", "- Bộ Nội vụ,"), "- Bộ Nội vụ;"),
    ("ND30.NoiNhan.ChamPhay", text("- Bộ Nội vụ;", "- Bộ Nội vụ"), "- Bộ Nội vụ;"),
    ("ND30.NoiNhan.Luu", text("- Lưu:", "- Lưu: VT, KSTT"), "- Lưu: VT, KSTT."),
    ("ND30.NoiNhan.DauHaiCham", text("Nơi nhận:", "Nơi nhận"), "Nơi nhận:"),
    ("ND30.NoiNhan.GachDauDong", text("- Bộ Nội vụ;", "+ Bộ Nội vụ;"), "- Bộ Nội vụ;"),
    ("ND30.DiaDanh.VietHoa", text("Nghệ An, ngày", "nghệ An, ngày 05 tháng 02 năm 2026"),
     "Nghệ An, ngày 05 tháng 02 năm 2026"),
    ("ND30.DiaDanh.VietHoa", text("Nghệ An, ngày", "Nghệ an, ngày 05 tháng 02 năm 2026"),
     "Nghệ An, ngày 05 tháng 02 năm 2026"),
    ("ND30.ChuKy.ThamQuyen", text("KT. CHỦ TỊCH", "KT CHỦ TỊCH"), "KT. CHỦ TỊCH"),
    ("ND30.ChuKy.ThamQuyen", text("TM. ỦY BAN", "TM: ỦY BAN NHÂN DÂN"), "TM. ỦY BAN NHÂN DÂN"),
    ("ND30.SoKyHieu.DauHaiCham", text("Số:", "Số : 05/QĐ-UBND"), "Số: 05/QĐ-UBND"),
    ("ND30.Diem.DauNgoac", text("a) Xây dựng", "a. Xây dựng kế hoạch của cơ quan, đơn vị;"),
     "a) Xây dựng kế hoạch của cơ quan, đơn vị;"),
]


def _fixed(tmp_path: Path, break_it: Callable[[Layout], None], *flags: str) -> tuple[Path, Path, str]:
    layout = conformant_decision()
    break_it(layout)
    src = build(layout, tmp_path / "qd.docx")
    before = digest(src)
    out = tmp_path / "qd.fixed.docx"
    res = run("fix", str(src), "-o", str(out), *flags)
    assert res.exit_code in (0, 1), res.output
    assert digest(src) == before  # the input is never touched
    return src, out, res.stderr


# What of a block's look each layout rule's fix may change; everything else stays.
CHANGES = {"Font": {"font", "fonts"}, "CoChu": {"size_pt"}, "CoChuBang": {"size_pt"}, "InHoa": {"all_caps"},
           "Dam": {"bold"}, "Nghieng": {"italic"},
           "CanDeu": {"align"}, "LuiDauDong": {"first_line_indent_mm"}, "KhoangCach": {"space_after_pt"},
           "GianDong": {"line_spacing"}}


def _same_except(src: Path, out: Path, changed: str | None, new_text: str | None = None,
                 rule_id: str = "") -> None:
    """Every block reads and looks the same in the copy, except the one the fix is about, and in
    that one only what the rule is about."""
    a, b = looks(src), looks(out)
    assert len(a) == len(b)
    may = next((keys for name, keys in CHANGES.items() if f".{name}." in rule_id or rule_id.endswith(f".{name}")),
               set())
    touched = 0
    for x, y in zip(a, b, strict=True):
        if changed is not None and changed != "page" and x["text"].startswith(changed):
            touched += 1
            assert y["text"] == (x["text"] if new_text is None else new_text)
            assert {k: v for k, v in x.items() if k not in may | {"text"}} == \
                {k: v for k, v in y.items() if k not in may | {"text"}}
            continue
        assert x == y
    assert changed == "page" or touched == 1
    if changed != "page":
        assert setup_of(src) == setup_of(out)
    else:
        assert a == b


def _twice(tmp_path: Path, out: Path, *flags: str) -> None:
    again = tmp_path / "qd.fixed.twice.docx"
    res = run("fix", str(out), "-o", str(again), *flags)
    assert res.exit_code == 0, res.output
    assert again.read_bytes() == out.read_bytes()
    assert "không có gì để sửa" in res.stderr


@pytest.mark.parametrize("rule_id, break_it, changed", SAFE, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(SAFE)])
def test_safe_fix(tmp_path: Path, rule_id: str, break_it, changed: str) -> None:
    layout = conformant_decision()
    break_it(layout)
    assert rules_of(build(layout, tmp_path / "probe.docx")) == {rule_id}
    src, out, _ = _fixed(tmp_path, break_it)
    assert rules_of(out) == set()
    _same_except(src, out, changed, rule_id=rule_id)
    _twice(tmp_path, out)


@pytest.mark.parametrize("rule_id, break_it, expected", TEXT, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(TEXT)])
def test_text_fix_waits_for_unsafe_fixes(tmp_path: Path, rule_id: str, break_it, expected: str) -> None:
    layout = conformant_decision()
    break_it(layout)
    assert rule_id in rules_of(build(layout, tmp_path / "probe.docx"))
    src, out, said = _fixed(tmp_path, break_it)
    assert out.read_bytes() == src.read_bytes() and rule_id in rules_of(out)
    assert re.search(r"\d+ sửa thay đổi chữ đang chờ, chạy lại với --unsafe-fixes", said)


@pytest.mark.parametrize("rule_id, break_it, expected", TEXT, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(TEXT)])
def test_text_fix(tmp_path: Path, rule_id: str, break_it, expected: str) -> None:
    layout = conformant_decision()
    before_rules = rules_of(build(layout, tmp_path / "clean.docx"))
    break_it(layout)
    broken = build(layout, tmp_path / "probe.docx")
    assert rule_id in rules_of(broken)
    src, out, _ = _fixed(tmp_path, break_it, "--unsafe-fixes")
    assert rules_of(out) == before_rules == set()
    clean = {x["text"] for x in looks(tmp_path / "clean.docx")}
    broken_text = next(b["text"] for b in looks(src) if b["text"] not in clean)
    _same_except(src, out, broken_text, expected)
    _twice(tmp_path, out, "--unsafe-fixes")


def _set_pages(path: Path, pages: int) -> None:
    """Say in docProps/app.xml that Word laid the document out on `pages` pages."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"<Pages>\d+</Pages>", f"<Pages>{pages}</Pages>".encode(), data)
            z.writestr(info, data)


def test_page_numbers_added_where_there_are_none(tmp_path: Path) -> None:
    layout = conformant_decision()
    layout.page.page_number = False
    layout.page.different_first_page = False
    src = build(layout, tmp_path / "qd.docx")
    _set_pages(src, 3)
    assert rules_of(src) == {"ND30.Trang.DanhSoTrang"}
    out = tmp_path / "qd.fixed.docx"
    res = run("fix", str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert rules_of(out) == set()
    setup = setup_of(out)
    assert setup is not None and setup["different_first_page"] is True
    assert [(p["where"], p["align"], p["size_pt"]) for p in setup["page_numbers"]] == [("header", "center", 14.0)]
    assert texts_equal(src, out)
    _twice(tmp_path, out)


def texts_equal(a: Path, b: Path) -> bool:
    return [x["text"] for x in looks(a)] == [x["text"] for x in looks(b)]


def test_every_fix_at_once(tmp_path: Path) -> None:
    """Many faults in one file: one run fixes them all, and a second run finds nothing to do."""
    layout = conformant_decision()
    for _rule, break_it, _changed in SAFE[2:3] + SAFE[9:12] + SAFE[16:17] + SAFE[23:25]:
        break_it(layout)
    for _rule, break_it, _expected in TEXT[0:1] + TEXT[6:7] + TEXT[9:10] + TEXT[12:13] + TEXT[14:15]:
        break_it(layout)
    src = build(layout, tmp_path / "qd.docx")
    assert len(rules_of(src)) >= 8
    out = tmp_path / "qd.fixed.docx"
    res = run("fix", str(src), "-o", str(out), "--unsafe-fixes")
    assert res.exit_code == 0, res.output
    assert rules_of(out) == set()
    _twice(tmp_path, out, "--unsafe-fixes")


def plan_layout() -> Layout:
    """The builder's decision made a plan: KH symbol, type name, sections "I." with their titles in capitals."""
    layout = conformant_decision()
    layout.para("Số:").text = "Số: 05/KH-UBND"
    layout.title = [Para("KẾ HOẠCH", 14, bold=True),
                    Para("Cải cách hành chính năm 2026", 14, bold=True, space_after_pt=6)]
    layout.body = [body("I. MỤC ĐÍCH, YÊU CẦU", bold=True), body("1. Mục đích"),
                   body("Nâng cao chất lượng cải cách hành chính của tỉnh."), body("II. NHIỆM VỤ", bold=True),
                   body("1. Cải cách thể chế."), body("2. Cải cách thủ tục hành chính.")]
    return layout


def test_caps_fix_sets_all_caps_and_keeps_the_words(tmp_path: Path) -> None:
    layout = plan_layout()
    assert rules_of(build(layout, tmp_path / "clean.docx")) == set()
    layout.para("II. NHIỆM VỤ").text = "II. Nhiệm vụ"
    src = build(layout, tmp_path / "kh.docx")
    assert rules_of(src) == {"ND30.KieuChu.InHoa"}
    out = tmp_path / "kh.fixed.docx"
    assert run("fix", str(src), "-o", str(out)).exit_code == 0
    assert rules_of(out) == set()
    _same_except(src, out, "II. Nhiệm vụ", rule_id="ND30.KieuChu.InHoa")
    _twice(tmp_path, out)


def test_table_text_size_fix(tmp_path: Path) -> None:
    src = with_body_table(build(conformant_decision(), tmp_path / "qd.docx"), 10)
    assert rules_of(src) == {"ND30.KieuChu.CoChuBang"}
    out = tmp_path / "qd.fixed.docx"
    assert run("fix", str(src), "-o", str(out)).exit_code == 0
    assert rules_of(out) == set()
    a, b = looks(src), looks(out)
    assert [x["size_pt"] for x in b if x["text"].startswith("Ô ")] == [11.0] * 4
    assert [x for x in a if not x["text"].startswith("Ô ")] == [x for x in b if not x["text"].startswith("Ô ")]
    _twice(tmp_path, out)


def cong_van_layout() -> Layout:
    """The builder's decision made a công văn: agency-unit symbol, "V/v" under the number, "Kính gửi"."""
    layout = conformant_decision()
    layout.para("Số:").text = "Số: 05/UBND-VP"
    layout.number.append(Para("V/v cải cách hành chính năm 2026", 13))
    layout.title = []
    layout.body = [Para("Kính gửi: Các sở, ban, ngành tỉnh.", 14, align="center", space_after_pt=6),
                   body("Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành triển khai cải cách hành chính năm 2026."),
                   body("Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc./.")]
    return layout


def test_vv_fix(tmp_path: Path) -> None:
    layout = cong_van_layout()
    assert rules_of(build(layout, tmp_path / "clean.docx")) == set()
    layout.para("V/v").text = "V/V cải cách hành chính năm 2026"
    src = build(layout, tmp_path / "cv.docx")
    assert rules_of(src) == {"ND30.CongVan.VV"}
    out = tmp_path / "cv.fixed.docx"
    assert run("fix", str(src), "-o", str(out)).exit_code == 1  # a text fix: it waits for --unsafe-fixes
    assert out.read_bytes() == src.read_bytes()
    assert run("fix", str(src), "-o", str(out), "--unsafe-fixes").exit_code == 0
    assert rules_of(out) == set()
    _same_except(src, out, "V/V", "V/v cải cách hành chính năm 2026")
    _twice(tmp_path, out, "--unsafe-fixes")
