"""The gold of the real documents stays consistent: every gold names a real file, every rule id
exists, every field has its type. Runs without the shared folder, except the file checks."""

from __future__ import annotations

import re

import pytest
from real_helpers import GOLD_REAL, NO_REAL, REAL, load_eval

from vbhc.nd30 import DOC_TYPES
from vbhc.rules import all_rules

ev = load_eval()
GOLDS = ev.load_gold(GOLD_REAL)
IDS = [g["_gold"] for g in GOLDS]
TYPES = set(DOC_TYPES) | {"Điều lệ", "Phụ lục"}
AUTHORITIES = {None, "TM.", "KT.", "TL.", "TUQ.", "Q."}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"^\d+$")
APPENDIX_NUMBER = re.compile(r"^(\d+|[IVXL]+)$")
DOC_KEYS = {"doc_type", "is_appendix", "issuer", "parent_issuer", "number", "symbol", "place", "date", "title",
            "attached_to", "outline", "signature", "recipients", "storage", "defects", "warnings",
            "defects_without_rule", "case_matters"}


def accepted(value):
    return value if isinstance(value, list) else [value]


def test_one_gold_per_real_document():
    assert len(GOLDS) == 23
    assert all(g["_gold"] == g["file"].rsplit(".", 1)[0] + ".yaml" for g in GOLDS), IDS


@pytest.mark.skipif(not REAL.is_dir(), reason=NO_REAL)
def test_every_gold_names_a_real_file_and_every_file_has_a_gold():
    on_disk = {p.name for p in REAL.iterdir() if p.is_file() and p.name != "README.md"}
    assert {g["file"] for g in GOLDS} == on_disk


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_file_fields(gold):
    assert set(gold) <= {"file", "scan", "sound", "documents", "_gold"}
    assert isinstance(gold["scan"], bool) and isinstance(gold["sound"], bool)
    assert gold["documents"], "a gold holds at least one document"


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_header_fields_have_their_types(gold):
    for doc in gold["documents"]:
        assert set(doc) <= DOC_KEYS, set(doc) - DOC_KEYS
        assert doc["doc_type"] in TYPES
        for name in ("issuer", "parent_issuer", "number", "symbol", "place", "date", "title"):
            assert all(v is None or (isinstance(v, str) and v.strip() == v and "\n" not in v)
                       for v in accepted(doc[name])), (name, doc[name])
        number_form = APPENDIX_NUMBER if doc.get("is_appendix") else NUMBER
        assert all(v is None or number_form.match(v) for v in accepted(doc["number"])), doc["number"]
        assert all(v is None or DATE.match(v) for v in accepted(doc["date"])), doc["date"]
        assert set(doc.get("case_matters", [])) <= set(ev.HEADER_FIELDS)


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_structure_fields_have_their_types(gold):
    for doc in gold["documents"]:
        outline = doc["outline"]
        assert set(outline) <= set(ev.OUTLINE_KINDS)
        assert all(isinstance(n, int) and n >= 0 for n in outline.values())
        signature = doc["signature"]
        assert signature is None or (signature["authority"] in AUTHORITIES and isinstance(signature["signer"], str))
        assert isinstance(doc["recipients"], int) and doc["recipients"] >= 0
        assert doc["storage"] is None or doc["storage"].startswith("Lưu:")


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_defects_name_existing_rules(gold):
    rules = all_rules()
    for doc in gold["documents"]:
        for item in [*doc["defects"], *doc["warnings"]]:
            assert item["rule"] in rules, item["rule"]
            assert isinstance(item["count"], int) and item["count"] >= 1
            assert isinstance(item["where"], str) and isinstance(item["note"], str) and item["note"]
        for item in doc["defects_without_rule"]:
            assert item["id"] not in rules and "ND30." + item["id"] not in rules, \
                f"{item['id']} has a rule: list it under defects"
            assert isinstance(item["count"], int) and item["count"] >= 1 and item["note"]


def test_a_scan_lists_no_defect():
    """Its layout cannot be seen, so nothing about it can be a defect."""
    for gold in GOLDS:
        if gold["scan"]:
            assert all(not d["defects"] for d in gold["documents"]), gold["file"]
