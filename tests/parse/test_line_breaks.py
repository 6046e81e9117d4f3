"""A line break inside one Word paragraph (Shift+Enter): the reader gives a block per printed line, all
of the same paragraph; plain text after the break goes on with the node the paragraph began, as the
page shows it, and as the PDF printed from the file reads. A break before a label still opens a node.
"""

from __future__ import annotations

from pathlib import Path

from parse_helpers import DECISION

from vbhc.model import Block, Location, Source
from vbhc.parse import parse_file, parse_source

CLAUSE = "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026."


def _parse(body: list[str], same_paragraph: set[int]):
    """DECISION with `body` in place of its Điều 1; the body lines whose index is in `same_paragraph` are in the
    Word paragraph of the line before them."""
    lines = DECISION.replace(CLAUSE, "\n".join(body)).splitlines()
    first = lines.index(body[0])
    blocks, paragraph = [], 0
    for i, text in enumerate(lines):
        if not (first < i < first + len(body) and i - first in same_paragraph):
            paragraph += 1
        blocks.append(Block(text=text, location=Location(line=paragraph, paragraph=paragraph)))
    [doc] = parse_source(Source(path="<test>", format="docx", blocks=blocks)).documents
    return doc


def test_text_after_a_break_goes_on_with_its_bullet():
    doc = _parse(["Điều 1. Tiêu chuẩn khen thưởng:", "- Nội bộ đoàn kết, chấp hành tốt đường lối của",
                  "Đảng, chính sách, pháp luật của Nhà nước;", "- Hoàn thành tốt nhiệm vụ."], {2})
    bullets = [n for n in doc.nodes() if n.kind == "bullet"]
    assert [n.text for n in bullets] == [
        "Nội bộ đoàn kết, chấp hành tốt đường lối của Đảng, chính sách, pháp luật của Nhà nước;",
        "Hoàn thành tốt nhiệm vụ."]
    assert len(bullets[0].blocks) == 2
    assert not [n for n in doc.nodes() if n.kind == "paragraph" and (n.text or "").startswith("Đảng")]
    # the line keeps its place among the document's lines (rules judge its look)
    assert any(ln.text.startswith("Đảng, chính sách") for ln in doc.lines)


def test_a_label_after_a_break_opens_its_own_node():
    doc = _parse(["Điều 1. Tiêu chuẩn khen thưởng:", "- Nội bộ đoàn kết;", "- Hoàn thành tốt nhiệm vụ."], {2})
    assert [n.text for n in doc.nodes() if n.kind == "bullet"] == ["Nội bộ đoàn kết;", "Hoàn thành tốt nhiệm vụ."]


def test_text_of_another_paragraph_is_a_paragraph():
    doc = _parse(["Điều 1. Tiêu chuẩn khen thưởng:", "- Nội bộ đoàn kết;", "Các tập thể khác xét sau."], set())
    assert [n.text for n in doc.nodes() if n.kind == "paragraph"] == ["Các tập thể khác xét sau."]


def test_a_docx_bullet_broken_by_hand(tmp_path: Path):
    import docx

    d = docx.Document()
    for line in DECISION.splitlines():
        if line == CLAUSE:
            d.add_paragraph("Điều 1. Tiêu chuẩn khen thưởng:")
            p = d.add_paragraph("- Nội bộ đoàn kết, chấp hành tốt đường lối của")
            p.add_run().add_break()
            p.add_run("Đảng, chính sách, pháp luật của Nhà nước.")
        else:
            d.add_paragraph(line)
    d.save(str(tmp_path / "qd.docx"))
    [doc] = parse_file(tmp_path / "qd.docx").documents
    [bullet] = [n for n in doc.nodes() if n.kind == "bullet"]
    assert bullet.text == "Nội bộ đoàn kết, chấp hành tốt đường lối của Đảng, chính sách, pháp luật của Nhà nước."


def test_a_paragraph_in_lower_case_goes_on_with_the_line_above():
    # a text copied from a PDF into Word: a paragraph per printed line
    doc = _parse(["Điều 1. Mục tiêu:", "2. Tỷ lệ hồ sơ được giải quyết đúng hạn tại Trung tâm",
                  "phường đạt từ 97% trở lên, 100% hồ sơ chậm được xin lỗi", "người dân, tổ chức."], set())
    [clause] = [n for n in doc.nodes() if n.label == "2."]
    assert clause.heading is None and clause.text == (
        "Tỷ lệ hồ sơ được giải quyết đúng hạn tại Trung tâm phường đạt từ 97% trở lên, 100% hồ sơ chậm được xin "
        "lỗi người dân, tổ chức.")
    assert not [n for n in doc.nodes() if n.kind == "paragraph"]


def test_a_lower_case_line_after_a_sentence_s_end_or_a_capital_is_its_own():
    doc = _parse(["Điều 1. Mục tiêu:", "- Hoàn thành kế hoạch năm.", "trong đó ưu tiên cấp xã",
                  "Các cơ quan phối hợp thực hiện"], set())
    assert [n.text for n in doc.nodes() if n.kind == "paragraph"] == ["trong đó ưu tiên cấp xã",
                                                                      "Các cơ quan phối hợp thực hiện"]


def _pasted(tmp_path: Path, name: str) -> Path:
    """A sub-plan of corpus/eval as a text copied from a PDF into Word: a paragraph per printed line of 88
    characters (some lines then begin with a capital inside their sentence: "… điều hành" / "VNPT Ioffice …")."""
    import textwrap

    import docx

    d = docx.Document()
    text = (Path(__file__).parents[2] / "corpus" / "eval" / f"{name}.txt").read_text(encoding="utf-8")
    for paragraph in text.splitlines():
        for line in textwrap.wrap(paragraph, 88):
            d.add_paragraph(line)
    d.save(str(tmp_path / f"{name}.docx"))
    return tmp_path / f"{name}.docx"


def _plan_findings(path: Path) -> list[tuple[str, str]]:
    from vbhc.check import run_rules
    from vbhc.profile import from_parent

    parent = Path(__file__).parents[2] / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
    found, _ = run_rules(parse_file(path), profile=from_parent(parent), scopes=("plan",))
    return sorted((f.rule, f.severity) for f in found)


def test_a_text_pasted_a_printed_line_a_paragraph_reads_as_its_text(tmp_path: Path):
    # the areas and targets the plan rules find are those of the text itself: before, xa-yen-thanh lost 4 areas
    # (its tasks' first lines read as headings) and phuong-thanh-vinh a target
    for name in ("xa-yen-thanh-thieu-kinh-phi", "phuong-thanh-vinh-ngat-dong"):
        txt = Path(__file__).parents[2] / "corpus" / "eval" / f"{name}.txt"
        assert _plan_findings(_pasted(tmp_path, name)) == _plan_findings(txt)


def test_an_ordinary_docx_has_no_printed_width():
    from vbhc.parse.build import printed_width
    from vbhc.parse.classify import classify
    from vbhc.readers import read

    source = read(Path(__file__).parents[2] / "corpus" / "eval" / "so-tai-chinh-bang-nhiem-vu.docx")
    assert printed_width(source, classify(source.blocks)) is None
