"""How `vbhc fix` edits a .docx: in place, touching only the runs and properties a fix targets.

The damage other fixers do (the whole text of a paragraph moved into its first run, "hoàn thành"
rewritten, "a)" capitalised, URLs spaced, images and comments dropped) must not happen here; with
--track-changes every change is a Word revision that, rejected, gives the original back."""

from __future__ import annotations

import copy
import unicodedata
from pathlib import Path

import docx
from docx.shared import Pt
from docx_builder import build, conformant_decision
from lxml import etree
from review_helpers import W, findings_of, looks, members, order_faults, part, rules_of, run, texts

from vbhc import fixes
from vbhc.model import Role
from vbhc.parse import parse_file
from vbhc.review.fix import _one_pass, fix_file
from vbhc.rules import Finding

DOC = "word/document.xml"


def _runs_of(path: Path, starts: str) -> list[tuple[str, bool, str | None]]:
    """(text, bold, size) of each run of the first paragraph whose text starts so."""
    for p in part(path, DOC).iter(f"{W}p"):
        runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
        text = "".join(t.text or "" for r in runs for t in r.iter(f"{W}t"))
        if text.startswith(starts):
            out = []
            for r in runs:
                b = r.find(f"{W}rPr/{W}b")
                sz = r.find(f"{W}rPr/{W}sz")
                out.append(("".join(t.text or "" for t in r.iter(f"{W}t")),
                            b is not None and b.get(f"{W}val") not in ("0", "false"),
                            sz.get(f"{W}val") if sz is not None else None))
            return out
    raise KeyError(starts)


def test_inline_bold_is_never_merged_away(tmp_path: Path) -> None:
    layout = conformant_decision()
    layout.para("Điều 1.").size = 12  # "Điều 1." bold and the rest upright, both at 12 pt
    src = build(layout, tmp_path / "qd.docx")
    assert _runs_of(src, "Điều 1.") == [("Điều 1.", True, "24"), (
        " Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026 của tỉnh.", False, "24")]
    out = tmp_path / "out.docx"
    assert run("fix", str(src), "-o", str(out)).exit_code == 0
    assert _runs_of(out, "Điều 1.") == [("Điều 1.", True, "26"), (
        " Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026 của tỉnh.", False, "26")]


def _split_number_line(src: Path) -> None:
    """"Số: 05 /QĐ-UBND" as Word often saves it: three runs, the middle one bold."""
    d = docx.Document(str(src))
    p = next(p for c in d.tables[0]._cells for p in c.paragraphs if p.text.startswith("Số:"))
    p.runs[0].text = "Số: 05 "
    bold = p.add_run("/QĐ")
    bold.bold = True
    bold.font.size = Pt(13)
    tail = p.add_run("-UBND")
    tail.font.size = Pt(13)
    d.save(str(src))


def test_a_text_fix_changes_characters_in_their_own_run(tmp_path: Path) -> None:
    src = build(conformant_decision(), tmp_path / "qd.docx")
    _split_number_line(src)
    assert "ND30.SoKyHieu.KhoangTrang" in rules_of(src)
    out = tmp_path / "out.docx"
    run("fix", str(src), "-o", str(out), "--unsafe-fixes")
    assert [r[:2] for r in _runs_of(out, "Số:")] == [("Số: 05", False), ("/QĐ", True), ("-UBND", False)]
    assert "ND30.SoKyHieu.KhoangTrang" not in rules_of(out)


def _accept(root: etree._Element) -> etree._Element:
    """What Word shows after "Accept All": insertions kept, deletions gone, old properties dropped."""
    root = copy.deepcopy(root)
    for el in list(root.iter(f"{W}del", f"{W}rPrChange", f"{W}pPrChange", f"{W}sectPrChange")):
        el.getparent().remove(el)
    for ins in list(root.iter(f"{W}ins")):
        parent = ins.getparent()
        i = parent.index(ins)
        for k, child in enumerate(list(ins)):
            parent.insert(i + k, child)
        parent.remove(ins)
    return root


def _reject(root: etree._Element) -> etree._Element:
    """"Reject All": insertions gone, deletions back, old properties restored."""
    root = copy.deepcopy(root)
    for el in list(root.iter(f"{W}ins")):
        el.getparent().remove(el)
    for d in list(root.iter(f"{W}del")):
        parent = d.getparent()
        i = parent.index(d)
        for k, child in enumerate(list(d)):
            parent.insert(i + k, child)
        parent.remove(d)
    for t in root.iter(f"{W}delText"):
        t.tag = f"{W}t"
    kept = {"pPrChange": (f"{W}rPr", f"{W}sectPr"),
            "sectPrChange": (f"{W}headerReference", f"{W}footerReference"), "rPrChange": ()}
    for tag, keep_tags in kept.items():
        for change in list(root.iter(f"{W}{tag}")):
            props = change.getparent()
            heads = [el for el in props if el.tag in keep_tags and tag == "sectPrChange"]
            tails = [el for el in props if el.tag in keep_tags and tag != "sectPrChange"]
            for el in list(props):
                props.remove(el)
            for el in [*heads, *list(change[0]), *tails]:
                props.append(el)
    return root


def _paragraph_texts(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def _canonical(root: etree._Element) -> list[object]:
    """Each paragraph's properties and each character with its run's properties (a run split in
    two reads the same), and the page margins."""
    def c14n(el: etree._Element | None) -> bytes:
        return b"" if el is None else etree.tostring(el, method="c14n")

    out: list[object] = []
    for p in root.iter(f"{W}p"):
        out.append(c14n(p.find(f"{W}pPr")))
        out.append([(ch, c14n(r.find(f"{W}rPr"))) for r in p.iter(f"{W}r") for t in r.iter(f"{W}t")
                    for ch in (t.text or "")])
    return [*out, c14n(root.find(f".//{W}pgMar"))]


def test_tracked_changes_accepted_give_the_fix_and_rejected_give_the_original(tmp_path: Path) -> None:
    layout = conformant_decision()
    layout.para("Số:").text = "Số: 5 /QĐ-UBND"
    layout.para("Độc lập").text = "Độc lập – Tự do – Hạnh phúc"
    layout.para("- Bộ Nội vụ;").text = "- Bộ Nội vụ,"
    layout.para("CỘNG HÒA").size = 14
    layout.para("1. Sở Nội vụ").align = "left"
    layout.page.margins_mm["left"] = 25
    src = build(layout, tmp_path / "qd.docx")
    plain, tracked = tmp_path / "plain.docx", tmp_path / "tracked.docx"
    assert run("fix", str(src), "-o", str(plain), "--unsafe-fixes").exit_code == 0
    assert run("fix", str(src), "-o", str(tracked), "--unsafe-fixes", "--track-changes").exit_code == 0
    root = part(tracked, DOC)
    marks = list(root.iter(f"{W}ins", f"{W}del", f"{W}rPrChange", f"{W}pPrChange", f"{W}sectPrChange"))
    assert {m.get(f"{W}author") for m in marks} == {"vbhc"}
    assert len({m.get(f"{W}id") for m in marks}) == len(marks) >= 8
    assert {etree.QName(m).localname for m in marks} == {"ins", "del", "rPrChange", "pPrChange", "sectPrChange"}
    assert _paragraph_texts(_accept(root)) == _paragraph_texts(part(plain, DOC))
    assert _paragraph_texts(_reject(root)) == _paragraph_texts(part(src, DOC))
    assert _canonical(_reject(root)) == _canonical(part(src, DOC))
    assert order_faults(root) == []
    assert rules_of(tracked) == set()  # vbhc reads a tracked change as Word shows it (accepted)


def test_words_around_a_fix_stay_as_written(tmp_path: Path) -> None:
    layout = conformant_decision()
    layout.para("a) Xây dựng").text = "a) Xây dựng kế hoạch, hoàn thành trước ngày 15 (xem https://x.vn/a.b);"
    layout.para("a) Xây dựng").size = 12
    layout.para("Số:").text = "Số: 05 /QĐ-UBND"
    src = build(layout, tmp_path / "qd.docx")
    out = tmp_path / "out.docx"
    run("fix", str(src), "-o", str(out), "--unsafe-fixes")
    before, after = texts(src), texts(out)
    assert [a for a, b in zip(before, after, strict=True) if a != b] == ["Số: 05 /QĐ-UBND"]
    assert "a) Xây dựng kế hoạch, hoàn thành trước ngày 15 (xem https://x.vn/a.b);" in after


def test_parts_a_fix_does_not_touch_are_copied_as_they_were(tmp_path: Path) -> None:
    src = build(conformant_decision(), tmp_path / "qd.docx")
    d = docx.Document(str(src))
    body_par = next(p for p in d.paragraphs if p.text.startswith("1. Sở Nội vụ"))
    d.add_comment(body_par.runs, text="Ý kiến của phòng", author="Chuyên viên", initials="CV")
    body_par.runs[0].font.size = Pt(12)
    d.save(str(src))
    out = tmp_path / "out.docx"
    assert run("fix", str(src), "-o", str(out)).exit_code == 0
    a, b = members(src), members(out)
    assert list(a) == list(b)
    assert [n for n in a if a[n] != b[n]] == [DOC]
    assert any(c.text == "Ý kiến của phòng" for c in docx.Document(str(out)).comments)
    assert len(list(part(out, DOC).iter(f"{W}commentRangeStart"))) == 1


def test_text_the_reader_normalised_is_refused_not_guessed(tmp_path: Path) -> None:
    layout = conformant_decision()
    layout.para("Số:").text = unicodedata.normalize("NFD", "Số: 05 /QĐ-UBND")
    src = build(layout, tmp_path / "qd.docx")
    assert "ND30.SoKyHieu.KhoangTrang" in rules_of(src)
    result = fix_file(str(src), unsafe=True)
    (outcome,) = [o for o in result.outcomes if o.finding.rule == "ND30.SoKyHieu.KhoangTrang"]
    assert outcome.status == "refused" and "chuẩn hóa" in (outcome.reason or "")
    assert result.output == src.read_bytes() and not result.changed


def test_a_fix_that_makes_a_new_finding_is_undone(tmp_path: Path) -> None:
    src = build(conformant_decision(), tmp_path / "qd.docx")
    parsed = parse_file(src)
    doc = parsed.documents[0]
    label = doc.line_of(Role.NOI_NHAN)
    assert label is not None and findings_of(src) == []
    harmful = fixes.retext(parsed.source.blocks, label, "Nơi nhận", "bỏ dấu hai chấm (để thử)")
    assert harmful is not None
    bad = Finding("TEST.Hai", "error", "thử", "thử", blocks=label.indexes, fix=harmful)
    out, outcomes, _parsed, after = _one_pass(src.read_bytes(), str(src), parsed, [], [bad], False, None)
    assert [o.status for o in outcomes] == ["undone"]
    assert out == src.read_bytes() and after == []


def test_fixed_files_open_in_python_docx_with_properties_in_schema_order(tmp_path: Path) -> None:
    layout = conformant_decision()
    for starts in ("CỘNG HÒA", "Số:", "Căn cứ Luật", "Nơi nhận:", "Nguyễn Văn A"):
        layout.para(starts).size = 11
    layout.para("1. Sở Nội vụ").first_line_mm = 3
    layout.para("1. Sở Nội vụ").space_after_pt = 0
    src = build(layout, tmp_path / "qd.docx")
    for flags in ((), ("--track-changes",)):
        out = tmp_path / f"out{len(flags)}.docx"
        run("fix", str(src), "-o", str(out), *flags)
        assert order_faults(part(out, DOC)) == []
        d = docx.Document(str(out))
        assert [p.text for p in d.paragraphs] == [p.text for p in docx.Document(str(src)).paragraphs]
        assert [x["size_pt"] for x in looks(out) if x["text"] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"] == [12.0]


def test_different_first_page_is_refused_when_page_1_would_lose_a_footer(tmp_path: Path) -> None:
    layout = conformant_decision()
    layout.page.different_first_page = False
    src = build(layout, tmp_path / "qd.docx")
    d = docx.Document(str(src))
    d.sections[0].footer.paragraphs[0].text = "Tài liệu nội bộ"
    d.save(str(src))
    assert rules_of(src) == {"ND30.Trang.SoTrangDau"}
    result = fix_file(str(src))
    assert [(o.finding.rule, o.status) for o in result.outcomes] == [("ND30.Trang.SoTrangDau", "refused")]
    assert "Different First Page" in (result.outcomes[0].reason or "") and result.output == src.read_bytes()


def test_two_fixes_of_one_line_in_one_pass(tmp_path: Path) -> None:
    """"SỐ 05/…": "Số" and its colon, an insertion at the edge of a replacement, both in one pass."""
    layout = conformant_decision()
    layout.para("Số:").text = "SỐ 05/QĐ-UBND"
    src = build(layout, tmp_path / "qd.docx")
    assert {"ND30.SoKyHieu.ChuSo", "ND30.SoKyHieu.DauHaiCham"} <= rules_of(src)
    for track in (False, True):
        result = fix_file(str(src), unsafe=True, track=track)
        assert sorted(o.status for o in result.outcomes) == ["applied", "applied"]
        out = tmp_path / f"out{track}.docx"
        out.write_bytes(result.output)
        assert "Số: 05/QĐ-UBND" in texts(out) and rules_of(out) == set()


def test_fixes_of_the_same_characters_wait_for_each_other(tmp_path: Path) -> None:
    from vbhc.review.fix import apply

    src = build(conformant_decision(), tmp_path / "qd.docx")
    parsed = parse_file(src)
    label = parsed.documents[0].line_of(Role.NOI_NHAN)
    assert label is not None
    one = fixes.retext(parsed.source.blocks, label, "Nơi nhận;", "một")
    two = fixes.retext(parsed.source.blocks, label, "Nơi nhận.", "hai")
    found = [Finding(f"TEST.{n}", "error", n, "thử", blocks=label.indexes, fix=f) for n, f in (("A", one), ("B", two))]
    out, outcomes = apply(src.read_bytes(), str(src), parsed.source.blocks, found, track=False)
    assert [o.status for o in outcomes] == ["applied", "conflict"] and out is not None
    fixed = tmp_path / "out.docx"
    fixed.write_bytes(out)
    assert "Nơi nhận;" in texts(fixed)
