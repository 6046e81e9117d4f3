"""The plan summary: computed once per file, carried on the result, the same as the findings say."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from vbhc.check import check_file, evaluate
from vbhc.parse import parse_file
from vbhc.profile import from_parent
from vbhc.profile.subplan import summarise
from vbhc.profile.summary import PlanSummary

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
PLANS = ROOT / "tests" / "fixtures" / "plans"
HAI_LONG = "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính"


@pytest.fixture(scope="module")
def profile():
    return from_parent(NGHE_AN)


def summary_of(name: str, profile) -> PlanSummary:
    result = evaluate(parse_file(PLANS / name), profile=profile, scopes=("plan",))
    assert result.plan is not None
    return result.plan


def test_a_good_plan_meets_every_target_it_can(profile):
    s = summary_of("stp-tot.txt", profile)
    assert s.document == 0 and s.parent == "KH 2228/QĐ-UBND" and s.kind == "full"
    assert s.areas_missing == [] and len(s.areas) == len(profile.areas)
    assert all(a.node and a.section and a.name_found for a in s.areas)
    statuses = {t.status for t in s.targets}
    assert statuses <= {"met", "not_applicable"} and "met" in statuses
    assert {t.reason for t in s.with_status("not_applicable")} == {"sector"}
    met = s.with_status("met")
    assert all(t.found is not None and t.found.node for t in met)
    assert s.citation.ok is True and s.citation.expected == "2228/QĐ-UBND ngày 15/7/2025"
    assert s.dates.deadline == "2025-07-31" and s.dates.on_time is True and s.dates.days_late == 0
    assert s.elements_missing == [] and len(s.elements_found) == 5


def test_a_weaker_target_carries_what_the_plan_committed(profile):
    s = summary_of("stp-chi-tieu-thap.txt", profile)
    (weak,) = s.with_status("weaker")
    assert weak.parent.indicator == HAI_LONG and weak.parent.show() == "> 87%"
    assert (weak.found.op, weak.found.value, weak.found.unit) == (">", 86, "%")
    assert weak.found.node == "sec_I__cl_2__pt_c" and weak.found.line == 35
    assert "86%" in weak.found.text


def test_area_missing_late_and_wrong_citation(profile):
    assert summary_of("stp-thieu-linh-vuc.txt", profile).areas_missing == ["tai_chinh_cong"]
    late = summary_of("stp-ban-hanh-muon.txt", profile).dates
    assert (late.issued, late.deadline, late.on_time, late.days_late) == ("2025-08-05", "2025-07-31", False, 5)
    wrong = summary_of("stp-trich-dan-sai.txt", profile).citation
    assert wrong.ok is False and wrong.found == "2282/QĐ-UBND ngày 15/7/2025"
    none = summary_of("stp-khong-trich-dan.txt", profile).citation
    assert none.ok is False and none.found is None
    assert summary_of("stp-thieu-kinh-phi.txt", profile).elements_missing == ["resources"]
    (gap,) = summary_of("stp-thieu-chi-tieu.txt", profile).with_status("not_addressed")
    assert gap.found is None and gap.parent.op == ">=" and gap.parent.value == 60


@pytest.mark.parametrize("name", sorted(p.name for p in PLANS.glob("*.txt")))
def test_findings_and_summary_agree(name, profile):
    result = evaluate(parse_file(PLANS / name), profile=profile, scopes=("plan",))
    s, by_rule = result.plan, {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).extend(f.data["targets"] if f.rule == "KH003" else [f.data])
    assert sorted(d["area"] for d in by_rule.get("KH001", [])) == sorted(s.areas_missing)
    assert [d["indicator"] for d in by_rule.get("KH002", [])] == [t.parent.indicator for t in s.with_status("weaker")]
    assert sorted(d["indicator"] for d in by_rule.get("KH003", [])) == sorted(
        t.parent.indicator for t in s.targets if t.status == "not_addressed" or t.reason == "sector")
    assert sorted(d["element"] for d in by_rule.get("KH004", [])) == sorted(s.elements_missing)
    assert bool(by_rule.get("KH005")) == (s.dates.on_time is False)
    assert bool(by_rule.get("KH006")) == (s.citation.ok is False)


def test_round_trip_through_json(profile):
    for name in ("stp-chi-tieu-thap.txt", "stp-ban-hanh-muon.txt", "so-bang-nhiem-vu.txt"):
        s = summary_of(name, profile)
        data = json.loads(json.dumps(s.as_dict(), ensure_ascii=False))
        assert data == s.as_dict()
        assert PlanSummary.from_dict(data) == s
        assert data["areas_missing"] == s.areas_missing and data["elements_missing"] == s.elements_missing
    weak = summary_of("stp-chi-tieu-thap.txt", profile).as_dict()
    (t,) = [t for t in weak["targets"] if t["status"] == "weaker"]
    assert t["found"]["value"] == 86 and isinstance(t["found"]["value"], int)


def test_from_dict_ignores_keys_a_newer_vbhc_added(profile):
    data = summary_of("stp-tot.txt", profile).as_dict()
    data["later"] = 1
    data["areas"][0]["later"] = 2
    data["targets"][0]["parent"]["later"] = 3
    assert PlanSummary.from_dict(data) == summary_of("stp-tot.txt", profile)


def test_file_result_carries_the_summary_only_with_a_profile(profile):
    with_profile = check_file(str(PLANS / "stp-chi-tieu-thap.txt"), profile=profile)
    assert with_profile.plan is not None and with_profile.plan.with_status("weaker")
    row = with_profile.as_dict()
    assert row["plan"] == with_profile.plan.as_dict()
    assert "plan" not in check_file(str(PLANS / "stp-chi-tieu-thap.txt")).as_dict()


def test_each_profile_gets_its_own_summary_of_the_same_document(profile):
    """No cache keyed by id(): the same parsed file against two profiles gives two answers."""
    parsed = parse_file(PLANS / "stp-tot.txt")
    raised = copy.deepcopy(profile)
    target = next(t for t in raised.targets if t.indicator == HAI_LONG)
    target.value = 95
    raised.areas = [a for a in raised.areas if a.id != "tai_chinh_cong"]
    first, second = summarise(parsed, profile), summarise(parsed, raised)
    assert [t.status for t in first.targets if t.parent.indicator == HAI_LONG] == ["met"]
    assert [t.status for t in second.targets if t.parent.indicator == HAI_LONG] == ["weaker"]
    assert len(second.areas) == len(first.areas) - 1


def test_cli_json_has_the_plan(tmp_path):
    out = subprocess.run([sys.executable, "-m", "vbhc", "check", str(PLANS / "stp-ban-hanh-muon.txt"), "--against",
                          str(NGHE_AN), "--format", "json"], capture_output=True, text=True, cwd=tmp_path)
    data = json.loads(out.stdout)
    jsonschema.validate(data, json.loads((ROOT / "contract" / "check.schema.json").read_text(encoding="utf-8")))
    (row,) = data["files"]
    assert row["plan"]["dates"] == {"issued": "2025-08-05", "deadline": "2025-07-31", "on_time": False,
                                    "days_late": 5}
    assert PlanSummary.from_dict(row["plan"]).dates.days_late == 5
