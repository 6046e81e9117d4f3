"""The Nghệ An decision and its attached plan against the hand-written gold annotation."""

from __future__ import annotations

import pytest
import yaml
from parse_helpers import CORPUS, GOLD, ROOT, find

from vbhc.model import Node, Role
from vbhc.parse import parse_file

GOLD_FILE = GOLD / "qd-2228-ubnd-2025.yaml"
HEADER_FIELDS = ["doc_type", "number", "symbol", "year", "number_raw", "issuer", "parent_issuer", "place",
                 "date", "title", "is_appendix", "attached_to", "can_cu", "enacting", "recipients_label",
                 "recipients", "storage", "problems"]


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load(GOLD_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed(gold):
    return parse_file(ROOT / gold["file"])


def gold_lines(items: list, path: str = "") -> list[str]:
    """The gold outline flattened to one line per node: path, label, number, kind, heading[, text]."""
    out = []
    for i, item in enumerate(items, start=1):
        if isinstance(item, list):
            item = {"node": item}
        label, number, kind = item["node"]
        line = f"{path}{i}: {label!r} {number!r} {kind} heading={item.get('heading')!r}"
        if "text" in item:
            line += f" text={item['text']!r}"
        out.append(line)
        out += gold_lines(item.get("children", []), f"{path}{i}.")
    return out


def parsed_lines(nodes: list[Node], gold_items: list, path: str = "") -> list[str]:
    out = []
    for i, node in enumerate(nodes, start=1):
        g = gold_items[i - 1] if i <= len(gold_items) else {}
        g = {"node": g} if isinstance(g, list) else g
        line = f"{path}{i}: {node.label!r} {node.number!r} {node.kind} heading={node.heading!r}"
        if "text" in g:
            line += f" text={node.text!r}"
        out.append(line)
        out += parsed_lines(node.children, g.get("children", []), f"{path}{i}.")
    return out


def test_gold_file_is_the_corpus_file(gold):
    assert (ROOT / gold["file"]).is_file()
    assert (ROOT / gold["file"]).parent == CORPUS / "nghe-an-2025"


def test_two_documents(parsed, gold):
    assert [d.doc_type for d in parsed.documents] == [g["doc_type"] for g in gold["documents"]]


@pytest.mark.parametrize("index", [0, 1], ids=["decision", "plan"])
def test_header_fields(parsed, gold, index):
    doc, g = parsed.documents[index], gold["documents"][index]
    for field in HEADER_FIELDS:
        if field in g:
            assert getattr(doc, field) == g[field], field


@pytest.mark.parametrize("index", [0, 1], ids=["decision", "plan"])
def test_body_outline(parsed, gold, index):
    doc, g = parsed.documents[index], gold["documents"][index]
    assert parsed_lines(doc.body, g["body"]) == gold_lines(g["body"])


@pytest.mark.parametrize("index", [0, 1], ids=["decision", "plan"])
def test_signature(parsed, gold, index):
    sig, g = parsed.documents[index].signature, gold["documents"][index]["signature"]
    assert sig is not None
    for field, value in g.items():
        assert getattr(sig, field) == value, field


def test_decision_counts_as_briefed(parsed):
    decision = parsed.documents[0]
    assert len(decision.can_cu) == 6
    assert sum(1 for c in decision.can_cu if c.startswith("Căn cứ")) == 5
    assert [n.label for n in decision.body] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert len(decision.recipients) == 9


def test_plan_texts_rejoined(parsed, gold):
    plan = parsed.documents[1]
    for node_id, words in gold["documents"][1]["texts"].items():
        assert words in (find(plan, node_id).text or ""), node_id


def test_duplicate_labels_have_unique_ids(parsed):
    plan = parsed.documents[1]
    ids = [n.id for n in plan.nodes()]
    assert len(ids) == len(set(ids))
    four = find(plan, "sec_II__cl_4")
    assert [c.id for c in four.children] == [
        "sec_II__cl_4__pt_a", "sec_II__cl_4__pt_b", "sec_II__cl_4__pt_c", "sec_II__cl_4__pt_d",
        "sec_II__cl_4__pt_d_2", "sec_II__cl_4__pt_e"]
    assert find(plan, "sec_II__cl_6__pt_đ").label == "- đ)"


def test_every_line_placed_without_problems(parsed):
    roles = {ln.role for d in parsed.documents for ln in d.lines}
    assert Role.UNPLACED not in roles and None not in roles
