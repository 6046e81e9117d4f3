"""The .docx writer: the decree's layout read back from the XML itself, and a round trip through parse."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from vbhc import nd30
from vbhc.dates import words as date_words
from vbhc.model import Document, Node, Signature
from vbhc.parse import parse_file
from vbhc.readers.docx import read_docx
from vbhc.writers.docx import agency_in_text, kem_theo_line, write_docx
from vbhc.writers.form import date_line, number_line, recipient_items, signature_lines, storage_line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def decision() -> Document:
    return Document(
        doc_type="Quyết định", number="05", symbol="QĐ-UBND", parent_issuer=None,
        issuer="ỦY BAN NHÂN DÂN XÃ NGHI LỘC", place="Nghi Lộc", date="2026-02-05",
        title="Ban hành Kế hoạch cải cách hành chính năm 2026",
        enacting_authority="ỦY BAN NHÂN DÂN XÃ NGHI LỘC",
        can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Theo đề nghị của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã."],
        enacting="QUYẾT ĐỊNH:",
        body=[
            Node(kind="article", label="Điều 1.", number="1", id="art_1",
                 text="Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026."),
            Node(kind="article", label="Điều 2.", number="2", id="art_2", heading="Hiệu lực thi hành",
                 children=[Node(kind="clause", label="1.", number="1", id="art_2__cl_1",
                                text="Quyết định này có hiệu lực thi hành kể từ ngày ký."),
                           Node(kind="clause", label="2.", number="2", id="art_2__cl_2", text="Các trường hợp:",
                                children=[Node(kind="point", label="a)", number="a", id="art_2__cl_2__pt_a",
                                               text="thứ nhất;"),
                                          Node(kind="point", label="đ)", number="đ", id="art_2__cl_2__pt_đ",
                                               text="thứ hai.")])]),
            Node(kind="article", label="Điều 3.", number="3", id="art_3",
                 text="Văn phòng và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."),
        ],
        signature=Signature(authority="KT.", on_behalf_of="ỦY BAN NHÂN DÂN", positions=["CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                            signer="Nguyễn Văn An"),
        recipients=["Như Điều 3;", "UBND tỉnh Nghệ An;"], storage="Lưu: VT, VP.",
    )


def plan(parent: Document) -> Document:
    return Document(
        doc_type="Kế hoạch", issuer=parent.issuer, title="Cải cách hành chính năm 2026",
        attached_to=kem_theo_line(parent),
        body=[
            Node(kind="section", label="I.", number="I", id="sec_I", heading="MỤC ĐÍCH, YÊU CẦU", children=[
                Node(kind="clause", label="1.", number="1", id="sec_I__cl_1", heading="Mục đích", children=[
                    Node(kind="point", label="a)", number="a", id="sec_I__cl_1__pt_a", text="Nâng cao chất lượng;"),
                    Node(kind="point", label="b)", number="b", id="sec_I__cl_1__pt_b", text="Đạt 100% hồ sơ."),
                ]),
                Node(kind="clause", label="2.", number="2", id="sec_I__cl_2", text="Bảo đảm tiến độ."),
            ]),
            Node(kind="section", label="II.", number="II", id="sec_II", heading="NHIỆM VỤ", children=[
                Node(kind="bullet", label="-", id="sec_II__bul_1", text="Rà soát thủ tục hành chính."),
                Node(kind="table", id="sec_II__table_1", rows=[
                    ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
                    ["1", "Rà soát TTHC", "Văn phòng", "Quý I/2026"]]),
            ]),
        ],
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, list[Document]]:
    docs = [decision()]
    docs.append(plan(docs[0]))
    path = tmp_path_factory.mktemp("writer") / "qd.docx"
    write_docx(docs, path)
    return path, docs


def _xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _para_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(_w("t")))


def _runs_of(root: etree._Element, text: str) -> list[etree._Element]:
    for p in root.iter(_w("p")):
        if _para_text(p).strip() == text:
            return [r for r in p.iter(_w("r")) if "".join(t.text or "" for t in r.iter(_w("t"))).strip()]
    raise AssertionError(f"no paragraph {text!r}")


def _run_look(run: etree._Element) -> tuple[float, bool, bool]:
    rpr = run.find(_w("rPr"))
    sz = rpr.find(_w("sz"))
    b, i = rpr.find(_w("b")), rpr.find(_w("i"))
    on = lambda el: el is not None and el.get(_w("val"), "1") not in ("0", "false")  # noqa: E731
    return int(sz.get(_w("val"))) / 2, on(b), on(i)


# --- the XML, read independently of the writer ---------------------------------------------------

def test_page_is_a4_portrait_with_margins_in_range(written):
    root = _xml(written[0])
    for sect in root.iter(_w("sectPr")):
        size, mar = sect.find(_w("pgSz")), sect.find(_w("pgMar"))
        assert abs(int(size.get(_w("w"))) / 56.6929 - 210) < 0.5
        assert abs(int(size.get(_w("h"))) / 56.6929 - 297) < 0.5
        assert size.get(_w("orient")) in (None, "portrait")
        for side, rng in nd30.MARGINS_MM.items():
            assert int(mar.get(_w(side))) / 56.6929 in nd30.Range(rng.low - 0.1, rng.high + 0.1), side


def test_every_run_and_the_normal_style_are_times_new_roman(written):
    root = _xml(written[0])
    runs = list(root.iter(_w("r")))
    assert runs
    for run in runs:
        fonts = run.find(_w("rPr")).find(_w("rFonts"))
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(_w(attr)) == nd30.FONT
        assert not any(k.endswith("Theme") for k in fonts.attrib)
    styles = _xml(written[0], "word/styles.xml")
    normal = styles.xpath("//w:style[@w:styleId='Normal']/w:rPr/w:rFonts", namespaces=NS)[0]
    assert normal.get(_w("ascii")) == nd30.FONT and normal.get(_w("eastAsia")) == nd30.FONT
    defaults = styles.xpath("//w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", namespaces=NS)[0]
    assert defaults.get(_w("hAnsi")) == nd30.FONT


def test_no_word_auto_numbering(written):
    root = _xml(written[0])
    assert not list(root.iter(_w("numPr")))


@pytest.mark.parametrize("text, size, bold, italic", [
    (nd30.QUOC_HIEU, (12, 13), True, False),
    (nd30.TIEU_NGU, (13, 14), True, False),
    ("ỦY BAN NHÂN DÂN XÃ NGHI LỘC", (12, 13), True, False),
    ("Số: 05/QĐ-UBND", (13, 13), False, False),
    ("Nghi Lộc, ngày 05 tháng 02 năm 2026", (13, 14), False, True),
    ("QUYẾT ĐỊNH", (13, 14), True, False),
    ("Ban hành Kế hoạch cải cách hành chính năm 2026", (13, 14), True, False),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", (13, 14), False, True),
    ("Nơi nhận:", (12, 12), True, True),
    ("- Như Điều 3;", (11, 11), False, False),
    ("- Lưu: VT, VP.", (11, 11), False, False),
    ("TM. ỦY BAN NHÂN DÂN", (13, 14), True, False),
    ("KT. CHỦ TỊCH", (13, 14), True, False),
    ("Nguyễn Văn An", (13, 14), True, False),
    ("- Rà soát thủ tục hành chính.", (13, 14), False, False),
])
def test_component_sizes_match_the_decree(written, text, size, bold, italic):
    runs = _runs_of(_xml(written[0]), text)
    assert runs, text
    for run in runs:
        sz, b, i = _run_look(run)
        assert size[0] <= sz <= size[1], (text, sz)
        assert (b, i) == (bold, italic), text


def test_article_label_bold_and_body_justified_with_indent_and_spacing(written):
    root = _xml(written[0])
    runs = _runs_of(root, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.")
    assert _run_look(runs[0])[1] is True  # "Điều 1." bold
    assert _run_look(runs[-1])[1] is False
    p = runs[0].getparent()
    ppr = p.find(_w("pPr"))
    assert ppr.find(_w("jc")).get(_w("val")) in ("both", "justify")
    first = int(ppr.find(_w("ind")).get(_w("firstLine"))) / 56.6929
    assert any(abs(first - mm) < 0.2 for mm in nd30.FIRST_LINE_INDENTS_MM)
    spacing = ppr.find(_w("spacing"))
    assert int(spacing.get(_w("after"))) / 20 >= nd30.PARAGRAPH_SPACING_MIN_PT
    assert int(spacing.get(_w("line"))) / 240 in nd30.LINE_SPACING


def test_header_and_signature_tables_are_borderless_and_task_table_has_borders(written):
    root = _xml(written[0])
    tables = list(root.iter(_w("tbl")))
    assert len(tables) == 4  # header, signature, the attached plan's header, the task table
    vals = [{b.get(_w("val")) for b in t.find(_w("tblPr")).find(_w("tblBorders"))} for t in tables]
    assert vals.count({"single"}) == 1
    assert sum(1 for v in vals if v <= {"nil", "none"}) == 3


def test_rules_under_agency_tieu_ngu_and_title(written):
    """Rules are empty paragraphs with a bottom border, narrowed by indents: 1/3–1/2 of the line, centred."""
    root = _xml(written[0])
    rules = [p for p in root.iter(_w("p")) if p.find("w:pPr/w:pBdr/w:bottom", NS) is not None]
    assert len(rules) >= 3 + 3  # agency, tiêu ngữ, trích yếu, twice over (the plan has no number row)
    for p in rules:
        ind = p.find("w:pPr/w:ind", NS)
        assert ind.get(_w("left")) == ind.get(_w("right"))  # centred
        assert not _para_text(p).strip()


def test_page_numbers_from_page_two_centred(written):
    setup = read_docx(written[0]).page_setup
    assert setup.different_first_page is True
    numbers = [n for n in setup.page_numbers if not n["first_page"]]
    assert numbers and all(n["align"] == "center" and n["where"] == "header" for n in numbers)
    assert all(n["size_pt"] in nd30.PAGE_NUMBER_SIZE and n["font"] == nd30.FONT for n in numbers)
    assert not [n for n in setup.page_numbers if n["first_page"]]


# --- read back through vbhc's reader and parser ------------------------------------------------

def test_reader_sees_a4_margins_and_fonts(written):
    source = read_docx(written[0])
    ps = source.page_setup
    assert ps.paper == "A4" and ps.orientation == "portrait"
    for side, rng in nd30.MARGINS_MM.items():
        assert round(ps.margins_mm[side], 1) in rng
    assert all(b.style.font == nd30.FONT for b in source.blocks if b.text.strip())


def _shape(nodes: list[Node]) -> list[tuple]:
    out = []
    for top in nodes:
        for n in top.walk():
            out.append((n.kind, n.label, n.number, n.heading, None if n.kind == "table" else n.text, n.rows))
    return out


def test_round_trip(written):
    path, docs = written
    parsed = parse_file(path).documents
    assert len(parsed) == 2
    for got, want in zip(parsed, docs, strict=True):
        for field in ("doc_type", "number", "symbol", "issuer", "parent_issuer", "place", "date", "title",
                      "can_cu", "enacting", "attached_to", "recipients", "storage"):
            assert getattr(got, field) == getattr(want, field), field
        assert _shape(got.body) == _shape(want.body)
        if want.signature:
            s, w = got.signature, want.signature
            assert (s.authority, s.on_behalf_of, s.positions, s.signer) == (
                w.authority, w.on_behalf_of, w.positions, w.signer)
        assert not got.problems
    ids = [n.id for n in parsed[0].nodes()]
    assert ids == [n.id for n in docs[0].nodes()]


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "a.docx"
    out.write_bytes(b"old")
    write_docx(decision(), out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


# --- the printed forms ---------------------------------------------------------------------------

@pytest.mark.parametrize("iso, words", [
    ("2026-02-05", "ngày 05 tháng 02 năm 2026"),
    ("2025-07-15", "ngày 15 tháng 7 năm 2025"),
    ("2025-01-31", "ngày 31 tháng 01 năm 2025"),
    ("2025-12-09", "ngày 09 tháng 12 năm 2025"),
])
def test_date_words_leading_zeros(iso, words):
    assert date_words(iso) == words


def test_forms():
    assert number_line("5", "QĐ-UBND") == "Số: 05/QĐ-UBND"
    assert number_line("12", "UBND-VX") == "Số: 12/UBND-VX"
    assert date_line("Nghệ An", "2025-07-15") == "Nghệ An, ngày 15 tháng 7 năm 2025"
    assert recipient_items(["- Như Điều 3", "Bộ Nội vụ;", "Sở Tư pháp."]) == ["Như Điều 3;", "Bộ Nội vụ;",
                                                                              "Sở Tư pháp;"]
    assert storage_line("KSTT") == "Lưu: VT, KSTT."
    assert storage_line(["VT", "VP", "CCHC"], 2) == "Lưu: VT, VP, CCHC (02)."
    assert signature_lines(Signature(authority="KT.", on_behalf_of="ỦY BAN NHÂN DÂN",
                                     positions=["CHỦ TỊCH", "PHÓ CHỦ TỊCH"])) == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signature_lines(Signature(authority="TM.", on_behalf_of="ỦY BAN NHÂN DÂN", positions=["CHỦ TỊCH"])) == [
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert agency_in_text("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN") == "Ủy ban nhân dân tỉnh Nghệ An"
    assert agency_in_text("SỞ NỘI VỤ") == "Sở Nội vụ"


# --- Markdown straight from the Documents (vbhc new -o x.md) ---------------------------------

def test_markdown_from_documents_is_what_the_docx_shows(written):
    """The Markdown made from the Documents equals the Markdown of the written .docx read back."""
    from vbhc.writers.md import documents_md, parsed_md

    path, docs = written
    assert documents_md(docs) == parsed_md(parse_file(path))


def test_markdown_output_writes_no_docx(tmp_path, monkeypatch):
    import vbhc.writers.docx as docx_writer
    from vbhc.cli.drafting import write_output

    def no_docx(*args, **kwargs):
        raise AssertionError("the Markdown path built a .docx")

    monkeypatch.setattr(docx_writer, "to_bytes", no_docx)
    out = tmp_path / "qd.md"
    docs = [decision()]
    docs.append(plan(docs[0]))
    assert write_output(str(out), docs, None) is None
    text = out.read_text(encoding="utf-8")
    assert "Số: 05/QĐ-UBND" in text and "### Điều 1." in text and "## I. MỤC ĐÍCH, YÊU CẦU" in text
    assert [p.name for p in tmp_path.iterdir()] == ["qd.md"]
