"""A digital signature's stamp, as signing tools draw it on the page ("Ký bởi: …", "Email: …", "Cơ quan: …",
"Thời gian ký: … +07:00"; the Government portal's "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ"; Adobe's
"Digitally signed by"): kept in `Document.digital_signature`, wherever it stands, and never read as the
header, the body or the signature block. Before, a stamp over the header split a decision in two and
lost its parent agency; one under the Tiêu ngữ cost the type and the date (two false errors)."""

from __future__ import annotations

import json

import pytest
from parse_helpers import DECISION, parse_text
from test_nothing_lost import assert_nothing_lost

from vbhc.check import run_rules
from vbhc.model import LineKind
from vbhc.parse.classify import classify_text
from vbhc.writers.json import parsed_dict
from vbhc.writers.tree import document_tree

STAMPS = {
    "VGCA": "Ký bởi: Ủy ban Nhân dân tỉnh Nghệ An\nEmail: ubnd@nghean.gov.vn\nCơ quan: Tỉnh Nghệ An\n"
            "Thời gian ký: 05.02.2026 10:20:33 +07:00\n",
    "the Government portal": "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nEmail: thongtinchinhphu@chinhphu.vn\n"
                             "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\nThời gian ký: 05.02.2026 15:20:36 +07:00\n",
    "Adobe": "Digitally signed by Nguyen Van A\nDate: 2026.02.05 10:20:33 +07'00'\n",
    # the văn thư's signature on a plan in a file of its own (PL I, Phần I, mục II.8.b): number, then time
    "the decree's, on an attachment": "2228/QĐ-UBND\n05.02.2026 10:20:33 +07:00\n",
    "the decree's, in ISO 8601": "2228/QĐ-UBND 2026-02-05T10:20:33+07:00\n",
    # an electronic copy (Phần II, mục I.3): the form, the copier in lower case, the time
    "a copy's": "SAO Y\nSở Nội vụ\n05.02.2026 10:20:33 +07:00\n",
}
PLACES = {"over the header": "ỦY BAN NHÂN DÂN\nTỈNH", "under the Tiêu ngữ": "Nghệ An, ngày",
          "in the body": "Điều 2.", "between position and signer": "Nguyễn Văn A", "at the end": None}


def placed(stamp: str, before: str | None) -> str:
    return DECISION + stamp if before is None else DECISION.replace(before, stamp + before, 1)


FACTS = [("Quyết định", "05", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "2026-02-05",
          "Ban hành Kế hoạch cải cách hành chính năm 2026", "Nguyễn Văn A", 2, [])]


def facts(text: str) -> list[tuple]:
    return [(d.doc_type, d.number, d.issuer, d.date, d.title, d.signature.signer if d.signature else None,
             len(d.body), d.problems) for d in parse_text(text).documents]


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("tool", STAMPS)
def test_a_stamp_anywhere_leaves_the_document_as_it_was(tool: str, where: str) -> None:
    text = placed(STAMPS[tool], PLACES[where])
    assert facts(text) == facts(DECISION) == FACTS
    [doc] = parse_text(text).documents
    assert doc.digital_signature == STAMPS[tool].splitlines()
    assert_nothing_lost(parse_text(text))  # and the Markdown keeps it where it stands
    assert [f.rule for f in run_rules(parse_text(text))[0]] == [f.rule for f in run_rules(parse_text(DECISION))[0]]


PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
KẾ HOẠCH
Cải cách hành chính năm 2025
(Kèm theo Quyết định số 2228/QĐ-UBND ngày 15/7/2025 của UBND tỉnh)
I. MỤC TIÊU
1. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%./.
"""


@pytest.mark.parametrize("stamp", ["2228/QĐ-UBND\n15.07.2025 10:20:33 +07:00\n",
                                   "2228/QĐ-UBND 2025-07-15T10:20:33+07:00\n"])
def test_a_plan_in_a_file_of_its_own_keeps_its_header_under_the_stamp(stamp: str) -> None:
    # before, the stamp was read as the issuing agency: six false errors and no type, title or body
    parsed = parse_text(stamp + PLAN)
    [doc] = parsed.documents
    assert (doc.doc_type, doc.issuer, doc.title, doc.digital_signature) == (
        "Kế hoạch", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Cải cách hành chính năm 2025", stamp.splitlines())
    assert [f for f in run_rules(parsed)[0] if f.severity == "error"] == []


def test_the_stamp_is_in_the_json() -> None:
    got = json.loads(json.dumps(parsed_dict(parse_text(placed(STAMPS["VGCA"], None)))))
    assert got["documents"][0]["digital_signature"][-1] == "Thời gian ký: 05.02.2026 10:20:33 +07:00"


@pytest.mark.parametrize("line", ["Người ký văn bản chịu trách nhiệm trước pháp luật.", "Email: vanphong@nghean.gov.vn",
                                  "Cơ quan: Sở Nội vụ", "2228/QĐ-UBND", "15/07/2025 08:00", "SAO Y"])
def test_lines_alike_are_no_stamp(line: str) -> None:
    assert classify_text(line)[0] != LineKind.DIGITAL_SIGNATURE


def test_a_signed_by_field_alone_is_the_documents_own_text() -> None:
    # a form's "Người ký: …" with nothing of a stamp near it stays in the body
    text = DECISION.replace("Điều 2.", "Người ký: Chủ tịch Ủy ban nhân dân tỉnh.\nĐiều 2.")
    [doc] = parse_text(text).documents
    assert doc.digital_signature == []
    assert any("Người ký: Chủ tịch" in (n.text or "") for n in doc.nodes())


def test_the_outline_names_the_stamp() -> None:
    [doc] = parse_text(placed(STAMPS["Adobe"], None)).documents
    assert "  Chữ ký số: Digitally signed by Nguyen Van A; Date: 2026.02.05 10:20:33 +07'00'" in document_tree(
        doc, 0).splitlines()
