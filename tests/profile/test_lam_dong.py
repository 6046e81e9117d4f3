"""A second real province: the Lâm Đồng 2026 parent plan (kh02) and two thematic plans under it.

The profile of kh02 is checked field by field against corpus/eval/lam-dong/seed-lam-dong.labels.yaml
(written by reading kh02); kh03 (kiểm tra) and kh05 (thi đua) are evaluated against their labels as
corpus/eval is. The documents are read in place from ../shared/corpus/real.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex as re
import yaml
from test_evaluation_set import pair_targets, pr, words_match

from vbhc.check import evaluate
from vbhc.parse import parse_file
from vbhc.profile import from_parent
from vbhc.profile.extract import plan_document
from vbhc.profile.targets import extract_targets

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "corpus" / "real"
LABELS = ROOT / "corpus" / "eval" / "lam-dong"
KH02 = REAL / "kh02-lamdong-kh-cchc-2026.docx"
SUB_PLANS = ["kh03-lamdong-kh-kiemtra-cchc-2026", "kh05-lamdong-kh-thidua-cchc-2026"]

pytestmark = pytest.mark.skipif(not KH02.exists(), reason="../shared/corpus/real (the real documents) is absent")


def load(name: str) -> dict:
    return yaml.safe_load((LABELS / f"{name}.labels.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed():
    return load("seed-lam-dong")


@pytest.fixture(scope="module")
def profile():
    return from_parent(KH02)


def test_kh02_parent_deadline_and_elements(profile, seed):
    p, want = profile.parent, seed["parent"]
    assert (p.number, p.symbol, p.date, p.issuer, p.doc_type) == (
        want["number"], want["symbol"], want["date"], want["issuer"], want["doc_type"])
    assert profile.deadline == str(want["deadline"]) == "2026-01-15"
    assert seed["deadline_text"] in profile.deadline_text
    assert profile.element_ids == seed["required_elements"]


def test_kh02_seven_areas_with_the_name_found(profile, seed):
    assert [(a.id, a.title, a.node) for a in profile.areas] == [(a["id"], a["title"], a["node"]) for a in seed["areas"]]
    assert all(a.name and a.name_source for a in profile.areas)
    assert next(a for a in profile.areas if a.id == "chinh_quyen_so").name.startswith("Xây dựng và phát triển")


def test_kh02_every_quantified_target_with_its_comparator(profile, seed):
    labels = seed["targets"]
    taken, extra = pair_targets(labels, profile.targets)
    missed = [labels[i]["id"] for i in range(len(labels)) if i not in taken]
    assert missed == [] and extra == [], (missed, [profile.targets[j].indicator for j in extra])
    assert len(profile.targets) == len(labels) == 42
    for i, j in taken.items():
        t, label = profile.targets[j], labels[i]
        assert t.node == label["node"] or t.node.startswith(label["node"] + "__"), (t.indicator, t.node, label)
    order = [labels[i]["id"] for i, _j in sorted(taken.items(), key=lambda x: x[1])]
    assert order == [t["id"] for t in labels]  # reading order


def test_vbhc_profile_kh02_on_the_command_line(tmp_path, seed):
    out = subprocess.run([sys.executable, "-m", "vbhc", "profile", str(KH02), "--format", "json"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [a["id"] for a in data["areas"]] == [a["id"] for a in seed["areas"]]
    assert data["deadline"] == "2026-01-15" and len(data["targets"]) == 42
    assert {t["op"] for t in data["targets"]} == {"=", ">=", ">"}
    (count,) = [t for t in data["targets"] if t["unit"] == "sáng kiến"]
    assert (count["op"], count["value"]) == (">=", 1)


def evaluate_sub_plan(name: str, profile, kind: str | None = None):
    labels = load(name)
    parsed = parse_file(REAL / labels["document"])
    _, doc = plan_document(parsed)
    return labels, extract_targets(doc), evaluate(parsed, profile=profile, scopes=("plan",), kind=kind)


@pytest.mark.parametrize("name", SUB_PLANS)
def test_thematic_sub_plans_against_kh02(name, profile):
    labels, extracted, result = evaluate_sub_plan(name, profile)
    taken, extra = pair_targets(labels["targets"], extracted)
    precision, recall = pr(len(taken), len(extracted), len(labels["targets"]))
    assert precision >= 0.97 and recall == 1.0, (
        [labels["targets"][i] for i in range(len(labels["targets"])) if i not in taken],
        [(extracted[j].indicator, extracted[j].op, extracted[j].value) for j in extra])
    plan = result.plan
    assert plan.kind == labels["kind"] and not plan.kind_told and plan.kind_reason
    assert plan.dates.issued == labels["issued"]
    rules = [f.rule for f in result.findings]
    assert "KH001" not in rules and rules.count("KH003") <= 5
    assert [f.rule for f in result.findings if f.rule != "KH007"] == [x["rule"] for x in labels["findings"]]
    (said,) = [f for f in result.findings if f.rule == "KH007"]
    assert said.severity == "info" and said.data == {"kind": "thematic", "theme": plan.theme, "told": False}
    for area_id, name_found in (labels.get("areas_named") or {}).items():
        assert next(a for a in plan.areas if a.id == area_id).name_found == name_found


def test_kh03_has_the_law_area_under_its_2026_name(profile):
    _labels, _extracted, result = evaluate_sub_plan(SUB_PLANS[0], profile, kind="full")
    assert result.plan.kind_told and result.plan.areas_missing == []
    assert [f.rule for f in result.findings if f.rule == "KH001"] == []


def test_told_full_the_missing_targets_are_grouped(profile):
    """Said to be a unit's own plan, the emulation plan lacks four areas and most targets: one KH003
    per area, each with its list, not forty lines."""
    _labels, _extracted, result = evaluate_sub_plan(SUB_PLANS[1], profile, kind="full")
    kh001 = sorted(f.data["area"] for f in result.findings if f.rule == "KH001")
    assert kh001 == ["bo_may", "cong_vu", "tai_chinh_cong", "the_che"]
    kh003 = [f for f in result.findings if f.rule == "KH003"]
    assert 1 <= len(kh003) <= len(profile.areas)
    listed = [t["indicator"] for f in kh003 for t in f.data["targets"]]
    assert len(listed) == len(set(listed)) == len(result.plan.with_status("not_addressed"))
    assert all(f.data["area"] and f.data["targets"][0]["indicator"] == f.data["indicator"] for f in kh003)


@pytest.mark.parametrize("name", SUB_PLANS)
def test_the_issued_number_in_the_profile_is_cited(name, profile):
    """kh02 is a draft without number; with KH 9669/KH-UBND ngày 24/12/2025 typed into the profile, as an
    officer would once it is issued, both sub-plans cite it correctly; a wrong date is caught."""
    issued = copy.deepcopy(profile)
    issued.parent.number, issued.parent.date = "9669", "2025-12-24"
    _labels, _extracted, result = evaluate_sub_plan(name, issued)
    assert result.plan.citation.ok is True and "KH006" not in [f.rule for f in result.findings]
    issued.parent.date = "2025-12-25"
    _labels, _extracted, wrong = evaluate_sub_plan(name, issued)
    (kh006,) = [f for f in wrong.findings if f.rule == "KH006"]
    assert kh006.data == {"expected": "9669/KH-UBND ngày 25/12/2025", "found": "9669/KH-UBND ngày 24/12/2025"}


def test_labels_name_real_words():
    """Every label's words occur in the document it labels (a typo in a label would fail silently)."""
    from vbhc.parse import parse_file as parse

    for path in LABELS.glob("*.labels.yaml"):
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = " ".join(n.text or n.heading or " ".join(c for r in (n.rows or []) for c in r if c)
                        for d in parse(REAL / labels["document"]).documents for n in d.nodes())
        text = re.sub(r"[.;:!?“”\"]", " ", text)
        for t in labels["targets"]:
            assert words_match(t["words"], text), (path.name, t)


def test_the_saved_profile_of_a_draft_parent_reads_back(profile, tmp_path):
    """kh02 has no number yet: its saved profile reads back and checks the same as the plan itself."""
    from vbhc.profile import read_profile, write_profile

    saved = tmp_path / "kh02.yaml"
    write_profile(profile, saved)
    again = read_profile(saved)
    assert again.parent.number is None and again.parent.symbol == "KH-UBND" and again.deadline == "2026-01-15"
    for name in SUB_PLANS:
        _l, _e, a = evaluate_sub_plan(name, profile)
        _l, _e, b = evaluate_sub_plan(name, again)
        assert [f.as_dict() for f in a.findings] == [f.as_dict() for f in b.findings]
        assert a.plan.as_dict() == b.plan.as_dict()
