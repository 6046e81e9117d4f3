"""Plan rules KH001–KH006 on hand-written sub-plans of the Nghệ An plan (tests/fixtures/plans)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from vbhc.check import run_rules
from vbhc.parse import parse_file
from vbhc.profile import from_parent, read_profile, write_profile

ROOT = Path(__file__).resolve().parents[2]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
PLANS = ROOT / "tests" / "fixtures" / "plans"
CHECK_SCHEMA = json.loads((ROOT / "contract" / "check.schema.json").read_text(encoding="utf-8"))
VBHC = [sys.executable, "-m", "vbhc"]

HAI_LONG = "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính"
DAT_DAI = "mức độ hài lòng về giải quyết các thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư"
Y_TE = "Mức độ hài lòng của người dân về cung cấp dịch vụ y tế, giáo dục công lập"
TRUC_TUYEN = "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết TTHC của tỉnh"
EXPECTED = "2228/QĐ-UBND ngày 15/7/2025"


def kh003(indicator, op, value, severity):
    return ("KH003", severity, {"indicator": indicator, "parent": {"op": op, "value": value, "unit": "%"}})


# A Sở Tư pháp plan has no land-use or health/education targets: unaddressed, they are only "info".
NOT_APPLICABLE = [kh003(DAT_DAI, ">", 85, "info"), kh003(Y_TE, ">", 85, "info")]

CASES = {
    "stp-tot.txt": [],
    "stp-thieu-linh-vuc.txt": [("KH001", "error", {"area": "tai_chinh_cong"})],
    "stp-chi-tieu-thap.txt": [("KH002", "error", {"indicator": HAI_LONG,
                                                  "parent": {"op": ">", "value": 87, "unit": "%"},
                                                  "found": {"op": ">", "value": 86, "unit": "%"}})],
    "stp-thieu-chi-tieu.txt": [kh003(TRUC_TUYEN, ">=", 60, "warning")],
    "stp-thieu-kinh-phi.txt": [("KH004", "error", {"element": "resources"})],
    "stp-ban-hanh-muon.txt": [("KH005", "error", {"deadline": "2025-07-31", "issued": "2025-08-05"})],
    "stp-trich-dan-sai.txt": [("KH006", "error", {"expected": EXPECTED, "found": "2282/QĐ-UBND ngày 15/7/2025"})],
    "stp-khong-trich-dan.txt": [("KH006", "error", {"expected": EXPECTED, "found": None})],
}
# Other shapes: a commune plan with a seventh group, "1.1. Mục tiêu" sub-levels, the date cited in words,
# issued on the deadline day itself; a department plan whose tasks are a table.
SHAPES = {
    "xa-bay-nhom.txt": [],
    "so-bang-nhiem-vu.txt": [kh003(Y_TE, ">", 85, "info")],
}


@pytest.fixture(scope="module")
def profile():
    return from_parent(NGHE_AN)


def kh_findings(path: Path, profile):
    findings, _ = run_rules(parse_file(path), profile=profile, scopes=("plan",))
    return findings


def ordered(items):
    return sorted(items, key=lambda x: (x[0], json.dumps(x[2], ensure_ascii=False)))


def expanded(f):
    """A KH003 finding lists a group of targets: one triple per target, as before grouping."""
    if f.rule == "KH003":
        return [(f.rule, f.severity, t) for t in f.data["targets"]]
    return [(f.rule, f.severity, f.data)]


def triples(findings):
    return ordered(t for f in findings for t in expanded(f))


@pytest.mark.parametrize("name", list(CASES))
def test_each_sub_plan_gives_exactly_its_findings(name, profile):
    assert triples(kh_findings(PLANS / name, profile)) == ordered(CASES[name] + NOT_APPLICABLE)


@pytest.mark.parametrize("name", list(SHAPES))
def test_other_plan_shapes(name, profile):
    assert triples(kh_findings(PLANS / name, profile)) == ordered(SHAPES[name])


def test_missing_targets_are_grouped_by_area_or_section(profile):
    """Both sector targets the Sở Tư pháp plan leaves out stand in section I: one finding lists them."""
    (kh003,) = [f for f in kh_findings(PLANS / "stp-tot.txt", profile) if f.rule == "KH003"]
    assert kh003.severity == "info" and [t["indicator"] for t in kh003.data["targets"]] == [DAT_DAI, Y_TE]
    assert kh003.data["indicator"] == DAT_DAI and kh003.data["parent"] == {"op": ">", "value": 85, "unit": "%"}
    assert kh003.data["area"] is None and kh003.source == "KH 2228/QĐ-UBND, mục I"
    assert "Chưa có 2 chỉ tiêu" in kh003.message and "đất đai" in kh003.message and "y tế" in kh003.message


def test_messages_quote_both_sides_and_sources_cite_the_parent(profile):
    (f,) = kh_findings(PLANS / "stp-chi-tieu-thap.txt", profile)[:1]
    assert f.rule == "KH002"
    assert "> 87%" in f.message and "> 86%" in f.message and "mục I.4" in f.message and "mục I.2.c" in f.message
    assert f.source == "KH 2228/QĐ-UBND, mục I.4"
    assert f.node == "sec_I__cl_2__pt_c" and f.line == 35
    by_rule = {f.rule: f for p in ("stp-thieu-linh-vuc.txt", "stp-thieu-kinh-phi.txt", "stp-ban-hanh-muon.txt",
                                   "stp-trich-dan-sai.txt") for f in kh_findings(PLANS / p, profile)}
    assert by_rule["KH001"].source == "KH 2228/QĐ-UBND, mục II.5"
    assert by_rule["KH004"].source == "KH 2228/QĐ-UBND, mục IV.1.b"
    assert by_rule["KH005"].source == "KH 2228/QĐ-UBND, mục IV.1.a" and by_rule["KH005"].line == 9
    assert "5/8/2025" in by_rule["KH005"].message and "31/7/2025" in by_rule["KH005"].message
    assert by_rule["KH006"].source == "KH 2228/QĐ-UBND"


def test_plan_rules_need_a_profile():
    findings, not_applicable = run_rules(parse_file(PLANS / "stp-ban-hanh-muon.txt"), scopes=("plan",))
    assert findings == [] and {"KH001", "KH005", "KH006"} <= set(not_applicable)


def test_the_parent_file_checked_against_itself_does_not_crash(profile):
    findings = kh_findings(NGHE_AN, profile)
    assert [f for f in findings if f.rule.startswith("VBHC")] == []
    assert all(f.document == 1 for f in findings)  # only the attached plan is a sub-plan candidate
    assert [f.rule for f in findings if f.severity == "error"] == []


def test_an_edited_profile_changes_the_verdicts(profile, tmp_path):
    path = tmp_path / "p.yaml"
    write_profile(profile, path)
    text = path.read_text(encoding="utf-8")
    i = text.index(f'- indicator: "{HAI_LONG}"')
    j = text.index("value: 87", i)
    text = text[:j] + "value: 95" + text[j + len("value: 87"):]  # the province raises a target
    start = text.index("  - id: tai_chinh_cong")
    end = text.index("  - id: chinh_quyen_so")
    text = text[:start] + text[end:]  # and drops an area
    path.write_text(text, encoding="utf-8")
    edited = read_profile(path)
    good = triples(kh_findings(PLANS / "stp-tot.txt", edited))
    assert ("KH002", "error", {"indicator": HAI_LONG, "parent": {"op": ">", "value": 95, "unit": "%"},
                               "found": {"op": ">", "value": 90, "unit": "%"}}) in good
    assert [r for r, _s, _d in triples(kh_findings(PLANS / "stp-thieu-linh-vuc.txt", edited))
            if r == "KH001"] == []


def _only_plan_rules_config(tmp_path: Path) -> Path:
    from vbhc.rules import all_rules

    others = sorted(r for r in all_rules() if not r.startswith("KH"))
    config = tmp_path / "vbhc.toml"
    config.write_text("[rules]\ndisable = [" + ", ".join(json.dumps(r) for r in others) + "]\n", encoding="utf-8")
    return config


def _check(args, cwd):
    return subprocess.run([*VBHC, "check", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_check_against_json_contract_and_exit_codes(tmp_path):
    config = _only_plan_rules_config(tmp_path)
    bad = _check([str(PLANS / "stp-chi-tieu-thap.txt"), "--against", str(NGHE_AN), "--format", "json",
                  "--config", str(config)], tmp_path)
    assert bad.returncode == 1, bad.stderr
    data = json.loads(bad.stdout)
    jsonschema.validate(data, CHECK_SCHEMA)
    (row,) = data["files"]
    assert [f["rule"] for f in row["findings"] if f["severity"] == "error"] == ["KH002"]
    kh002 = next(f for f in row["findings"] if f["rule"] == "KH002")
    assert kh002["location"] == {"document": 0, "node": "sec_I__cl_2__pt_c", "line": 35, "paragraph": None,
                                 "page": None, "part": "mục I.2, điểm c",
                                 "quote": "c) Mức độ hài lòng của người dân, doanh nghiệp…"}
    good = _check([str(PLANS / "stp-tot.txt"), "--against", str(NGHE_AN), "--format", "json",
                   "--config", str(config)], tmp_path)
    assert good.returncode == 0, good.stdout
    jsonschema.validate(json.loads(good.stdout), CHECK_SCHEMA)


def test_cli_check_with_saved_profile_equals_against(tmp_path):
    config = _only_plan_rules_config(tmp_path)
    saved = tmp_path / "nghe-an.yaml"
    assert subprocess.run([*VBHC, "profile", str(NGHE_AN), "-o", str(saved)], cwd=tmp_path).returncode == 0
    files = [str(PLANS / name) for name in [*CASES, *SHAPES]]
    a = _check([*files, "--against", str(NGHE_AN), "--format", "json", "--config", str(config)], tmp_path)
    b = _check([*files, "--profile", str(saved), "--format", "json", "--config", str(config)], tmp_path)
    assert a.returncode == b.returncode == 1
    assert json.loads(a.stdout) == json.loads(b.stdout)


def test_cli_check_bad_profile_exits_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("parent: {number: '2228'}\nareas: []\ntargets: []\nrequired_elements: []\n", encoding="utf-8")
    out = _check([str(PLANS / "stp-tot.txt"), "--profile", str(bad)], tmp_path)
    assert out.returncode == 2 and "parent.symbol" in out.stderr and "Traceback" not in out.stderr
    both = _check([str(PLANS / "stp-tot.txt"), "--profile", str(bad), "--against", str(NGHE_AN)], tmp_path)
    assert both.returncode == 2


def test_nfd_text_and_old_tone_marks_match_the_same(profile, tmp_path):
    import unicodedata

    text = (PLANS / "stp-chi-tieu-thap.txt").read_text(encoding="utf-8").replace("hóa", "hoá")
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert triples(kh_findings(path, profile)) == triples(kh_findings(PLANS / "stp-chi-tieu-thap.txt", profile))
