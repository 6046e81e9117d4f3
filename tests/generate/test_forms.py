"""Every form of Phụ lục III: its example renders to a .docx that `vbhc check` passes with no finding and
that parses back to the same header fields, body, signatures and Nơi nhận; and what each Mẫu asks of
its own layout (no place-date on a Biên bản, no trích yếu on a Giấy giới thiệu, "QUYẾT NGHỊ:", …)."""

from __future__ import annotations

import docx
import pytest
from test_templates import ALL, FORMS

from vbhc.check import check_file, load_config
from vbhc.generate.template import TEMPLATE_DIR, load_data, render
from vbhc.model import Document, Signature
from vbhc.parse import parse_file
from vbhc.writers.docx import write_docx

HEADER = ("doc_type", "number", "symbol", "issuer", "parent_issuer", "place", "date", "title", "kinh_gui",
          "enacting_authority", "can_cu", "enacting", "recipients", "storage", "attached_to", "is_appendix")


@pytest.fixture(scope="module", params=ALL)
def form(request, tmp_path_factory):
    name = request.param
    docs = render(name, load_data(TEMPLATE_DIR / f"{name}.example.yaml"))
    path = tmp_path_factory.mktemp(name) / f"{name}.docx"
    write_docx(docs, path)
    return name, docs, path


def _signature(sig: Signature | None):
    return None if sig is None else (sig.authority, sig.on_behalf_of, sig.positions, sig.signer)


def _body(doc: Document):
    return [(n.kind, n.label, n.number, n.heading, n.text if n.kind != "table" else None, n.rows)
            for n in doc.nodes()]


def test_example_passes_check_with_no_finding(form):
    name, _, path = form
    result = check_file(str(path), load_config(None)).as_dict()
    assert result["status"] != "error", result["error"]
    assert [f for f in result["findings"] if f["severity"] in ("error", "warning")] == [], name


def test_example_parses_back_to_the_same_document(form):
    name, docs, path = form
    parsed = parse_file(path).documents
    assert len(parsed) == len(docs)
    for got, want in zip(parsed, docs, strict=True):
        assert {k: getattr(got, k) for k in HEADER} == {k: getattr(want, k) for k in HEADER}, name
        assert _body(got) == _body(want), name
        assert _signature(got.signature) == _signature(want.signature)
        assert [_signature(s) for s in got.co_signatures] == [_signature(s) for s in want.co_signatures]
        assert got.problems == []


def test_example_is_the_type_of_its_form(form):
    name, docs, _ = form
    assert docs[0].doc_type == (FORMS[name][1] or load_data(TEMPLATE_DIR / f"{name}.example.yaml")["doc_type"])
    last = [n for top in docs[0].body for n in top.walk() if n.text or n.heading][-1]
    assert (last.text or last.heading).endswith("./.")  # the end of the content (PL III, every Mẫu)


def _docx_lines(path) -> list[str]:
    out = []
    d = docx.Document(str(path))
    for block in d.element.body.iter():
        if block.tag.endswith("}p"):
            text = "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")).strip()
            if text:
                out.append(text)
    return out


def _rendered(name: str, tmp_path, **changes):
    data = load_data(TEMPLATE_DIR / f"{name}.example.yaml")
    data.update(changes)
    docs = render(name, data)
    path = tmp_path / f"{name}.docx"
    write_docx(docs, path)
    return docs, path, parse_file(path).documents


def test_nghi_quyet_resolves_with_quyet_nghi(tmp_path):
    docs, path, parsed = _rendered("nghi-quyet", tmp_path)
    assert parsed[0].enacting == "QUYẾT NGHỊ:" and parsed[0].symbol == "NQ-HĐND"
    assert parsed[0].signature.on_behalf_of == "HỘI ĐỒNG NHÂN DÂN"
    assert parsed[0].enacting_authority == "HỘI ĐỒNG NHÂN DÂN XÃ NGHI LỘC"


def test_quyet_dinh_truc_tiep_adds_the_closing_articles_only_with_executors(tmp_path):
    docs, _, parsed = _rendered("quyet-dinh-truc-tiep", tmp_path)
    assert [n.label for n in parsed[0].body] == ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4."]
    assert parsed[0].recipients[0] == "Như Điều 4;"
    docs, _, parsed = _rendered("quyet-dinh-truc-tiep", tmp_path, executors=None)
    assert [n.label for n in parsed[0].body] == ["Điều 1.", "Điều 2."]
    assert not any(r.startswith("Như Điều") for r in parsed[0].recipients)


def test_a_recipient_the_clerk_already_wrote_is_not_added_twice(tmp_path):
    data = load_data(TEMPLATE_DIR / "quyet-dinh-truc-tiep.example.yaml")
    data["recipients"] = [*data["recipients"], "Như Điều 4"]
    recipients = render("quyet-dinh-truc-tiep", data)[0].recipients
    assert recipients[-1] == "Như Điều 4;" and sum(r.startswith("Như Điều") for r in recipients) == 1


def test_bien_ban_has_no_place_date_and_two_signatures(tmp_path):
    docs, path, parsed = _rendered("bien-ban", tmp_path)
    doc = parsed[0]
    assert doc.date is None and doc.date_raw is None and doc.symbol == "BB-UBND"
    assert _signature(doc.signature) == (None, None, ["CHỦ TỌA"], "Lê Văn Cường")
    assert [_signature(s) for s in doc.co_signatures] == [(None, None, ["THƯ KÝ"], "Phạm Thị Yến")]
    assert doc.storage == "Lưu: VT, Hồ sơ."
    header = docx.Document(str(path)).tables[0]
    assert [p.text for p in header.cell(1, 1).paragraphs if p.text] == []  # nothing under the Tiêu ngữ
    assert "Thời gian bắt đầu: 08 giờ 00, ngày 12 tháng 3 năm 2026." in _docx_lines(path)
    table = docx.Document(str(path)).tables[-1]  # Mẫu 1.9: thư ký left, chủ tọa right, Nơi nhận below left
    assert table.cell(0, 0).paragraphs[0].text == "THƯ KÝ" and table.cell(0, 1).paragraphs[0].text == "CHỦ TỌA"
    assert table.cell(1, 0).paragraphs[0].text == "Nơi nhận:"


@pytest.mark.parametrize("name", ["giay-gioi-thieu", "giay-nghi-phep"])
def test_giay_without_trich_yeu(tmp_path, name):
    docs, path, parsed = _rendered(name, tmp_path)
    assert docs[0].title is None and parsed[0].title is None
    assert parsed[0].body[0].kind == "paragraph"  # the first line of content is not read as a trích yếu


def test_giay_gioi_thieu_follows_mau_1_8(tmp_path):
    docs, path, parsed = _rendered("giay-gioi-thieu", tmp_path)
    texts = [n.text for n in parsed[0].body]
    assert texts[0] == "Sở Nội vụ trân trọng giới thiệu:"
    assert texts[-1] == "Giấy này có giá trị đến hết ngày 30/4/2026./."
    assert parsed[0].recipients == ["Như trên;"] and parsed[0].storage == "Lưu: VT."
    centred = docx.Document(str(path)).paragraphs
    assert any(p.text == texts[0] and p.alignment == 1 for p in centred)  # WD_ALIGN_PARAGRAPH.CENTER


def test_cong_dien_names_who_sends_and_who_receives(tmp_path):
    docs, path, parsed = _rendered("cong-dien", tmp_path)
    doc = parsed[0]
    assert doc.symbol == "CĐ-UBND" and doc.recipients[0] == "Như trên;"
    assert doc.body[0].text == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"
    receivers = [n.text for n in doc.body[1:4]]
    assert all(t.endswith(";") for t in receivers[:-1]) and receivers[-1].endswith(".")


def test_giay_moi_lists_what_mau_1_7_asks(tmp_path):
    docs, path, parsed = _rendered("giay-moi", tmp_path)
    texts = [n.text for n in parsed[0].nodes()]
    assert texts[0] == "Sở Nội vụ trân trọng kính mời:"
    for start in ("Tới dự ", "Chủ trì: ", "Thời gian: ", "Địa điểm: "):
        assert any(t.startswith(start) for t in texts), start
    _, _, parsed = _rendered("giay-moi", tmp_path, kinh_moi=["Ông Hồ Sỹ Thắng, Giám đốc Trung tâm"])
    assert parsed[0].body[0].text == "Sở Nội vụ trân trọng kính mời: Ông Hồ Sỹ Thắng, Giám đốc Trung tâm"


def test_phu_luc_alone_follows_mau_2_1(tmp_path):
    docs, path, parsed = _rendered("phu-luc", tmp_path)
    doc = parsed[0]
    assert doc.is_appendix and doc.number == "II" and doc.title == doc.title.upper()
    assert doc.attached_to == "(Kèm theo Kế hoạch số 12/KH-STP ngày 25/7/2025 của Sở Tư pháp)"
    lines = _docx_lines(path)
    assert lines[0] == "Phụ lục II"  # in lower case (PL I, mục III.1.b), with no header above it
    assert not docx.Document(str(path)).tables[0].cell(0, 0).text.startswith("CỘNG HÒA")


def test_appendices_after_a_document_are_numbered_when_there_are_two(tmp_path):
    data = load_data(TEMPLATE_DIR / "ke-hoach.example.yaml")
    data["number"] = None
    data["date"] = "tháng 7 năm 2025"
    data["phu_luc"] = [{"title": "Danh mục nhiệm vụ", "items": [{"table": [["STT", "Nhiệm vụ"], ["1", "Rà soát"]]}]},
                       {"title": "Chỉ tiêu", "items": ["Tỷ lệ hồ sơ đúng hạn đạt từ 98% trở lên."]}]
    path = tmp_path / "kh.docx"
    write_docx(render("ke-hoach", data), path)
    parsed = parse_file(path).documents
    assert [(d.doc_type, d.number) for d in parsed] == [("Kế hoạch", None), ("Phụ lục", "I"), ("Phụ lục", "II")]
    assert parsed[1].attached_to == "(Kèm theo Kế hoạch số …/KH-STP ngày …/7/2025 của Sở Tư pháp)"
    assert parsed[0].number_raw == "Số: /KH-STP" or parsed[0].number is None
    assert parsed[0].date is None and "ngày … tháng 7 năm 2025" in parsed[0].date_raw
    result = check_file(str(path), load_config(None)).as_dict()
    assert [f["rule"] for f in result["findings"] if f["severity"] in ("error", "warning")] == []


def test_quy_che_runs_article_numbers_through_its_chapters(tmp_path):
    docs, path, parsed = _rendered("quy-che", tmp_path)
    body = parsed[0].body
    assert [n.label for n in body] == ["Chương I", "Chương II"]
    assert [a.label for c in body for a in c.children] == ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4."]
    assert body[0].heading == "QUY ĐỊNH CHUNG"


def test_a_regulation_issued_with_a_decision_is_laid_out_in_chapters(tmp_path):
    data = load_data(TEMPLATE_DIR / "quyet-dinh.example.yaml")
    data["attached"] = {"doc_type": "Quy chế", "title": "Hoạt động của Tổ công tác",
                        "chapters": load_data(TEMPLATE_DIR / "quy-che.example.yaml")["chapters"]}
    path = tmp_path / "qd.docx"
    write_docx(render("quyet-dinh", data), path)
    parsed = parse_file(path).documents
    assert parsed[1].doc_type == "Quy chế" and [n.kind for n in parsed[1].body] == ["chapter", "chapter"]
