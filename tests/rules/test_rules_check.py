"""`vbhc check` and `vbhc rules` over the rule catalogue: output formats against their schemas,
config, contained crashes, exit codes; and the official Phụ lục .docx files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from rule_helpers import DECISION, NGHE_AN, PHU_LUC_DOCX, ROOT, file_findings

from shared_corpus import params
from vbhc.check import INTERNAL_ERROR, load_config, run_rules
from vbhc.cli import cli
from vbhc.parse import parse_file
from vbhc.rules import REGISTRY, all_rules, rule

SARIF_SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "sarif-2.1.0-subset.schema.json").read_text())
CHECK_SCHEMA = json.loads((ROOT / "contract" / "check.schema.json").read_text())


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_sarif_validates_against_sarif_2_1_0():
    res = _run("check", str(NGHE_AN), "--format", "sarif")
    assert res.exit_code == 1
    log = json.loads(res.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"ND30.SoKyHieu.KhoangTrang", "ND30.DanhSo.TrungLap"}
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)


def test_sarif_schema_rejects_a_broken_log():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "vbhc"}},
                                                           "results": [{"message": {"text": "x"},
                                                                        "level": "fatal"}]}]}, SARIF_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.0.0", "runs": []}, SARIF_SCHEMA)


def test_json_matches_the_contract(tmp_path):
    text = tmp_path / "qd.txt"
    text.write_text(DECISION, encoding="utf-8")
    res = _run("check", str(NGHE_AN), str(text), "--format", "json")
    out = json.loads(res.stdout)
    jsonschema.validate(out, CHECK_SCHEMA)
    nghe_an, clean = out["files"]
    assert nghe_an["status"] == "findings" and clean["status"] == "ok"
    dup = [f for f in nghe_an["findings"] if f["rule"] == "ND30.DanhSo.TrungLap"]
    assert [f["location"] for f in dup] == [
        {"document": 1, "node": "sec_II__cl_4__pt_d_2", "line": 150, "paragraph": None, "page": None,
         "part": "Kế hoạch kèm theo, mục II.4, điểm d thứ hai", "quote": "d) Tiếp tục hướng dẫn, đôn đốc các cơ quan…"},
        {"document": 1, "node": "sec_II__cl_5__pt_d_2", "line": 164, "paragraph": None, "page": None,
         "part": "Kế hoạch kèm theo, mục II.5, điểm d thứ hai",
         "quote": "d) Thực hiện đầy đủ các kiến nghị sau thanh…"},
    ]
    assert "sec_" not in dup[0]["message"] and "với mục II.4, điểm d ở trên;" in dup[0]["message"]
    assert out["summary"]["errors"] == 2 and res.exit_code == 1  # (the spaced number of a text file is a warning)


def test_clean_file_exits_0(tmp_path):
    text = tmp_path / "qd.txt"
    text.write_text(DECISION, encoding="utf-8")
    res = _run("check", str(text))
    assert res.exit_code == 0
    assert "0 lỗi" in res.stdout
    assert "không áp dụng" in res.stdout  # fonts and page rules cannot apply to text


def test_text_output_lines():
    res = _run("check", str(NGHE_AN))
    assert f"{NGHE_AN}:6: cảnh báo ND30.SoKyHieu.KhoangTrang" in res.stdout
    assert f"{NGHE_AN}:150: lỗi ND30.DanhSo.TrungLap" in res.stdout


def test_config_disables_a_rule_and_changes_a_severity(tmp_path):
    cfg = tmp_path / "vbhc.toml"
    cfg.write_text('[rules]\ndisable = ["ND30.SoKyHieu.KhoangTrang"]\n'
                   '[rules.severity]\n"ND30.DanhSo.TrungLap" = "warning"\n', encoding="utf-8")
    res = _run("check", str(NGHE_AN), "--format", "json", "--config", str(cfg))
    out = json.loads(res.stdout)
    findings = out["files"][0]["findings"]
    assert {f["rule"] for f in findings} == {"ND30.DanhSo.TrungLap"}
    assert {f["severity"] for f in findings} == {"warning"}
    assert res.exit_code == 0


def test_config_disables_a_whole_namespace(tmp_path):
    cfg = tmp_path / "vbhc.toml"
    cfg.write_text('[rules]\ndisable = ["ND30.DanhSo"]\n', encoding="utf-8")
    found, _ = run_rules(parse_file(NGHE_AN), load_config(cfg))
    assert {f.rule for f in found} == {"ND30.SoKyHieu.KhoangTrang"}


def test_a_rule_that_raises_becomes_an_internal_error_finding():
    all_rules()

    @rule("ND30.ThuNghiem.Loi", severity="error", source="test", summary="quy tắc hỏng để thử")
    def broken(ctx):
        raise RuntimeError("hỏng")

    try:
        found, _ = run_rules(parse_file(NGHE_AN))
        internal = [f for f in found if f.rule == INTERNAL_ERROR]
        assert internal and all(f.data["rule"] == "ND30.ThuNghiem.Loi" for f in internal)
        assert "RuntimeError" in internal[0].message
        # the other rules still ran
        assert {"ND30.SoKyHieu.KhoangTrang", "ND30.DanhSo.TrungLap"} <= {f.rule for f in found}
    finally:
        del REGISTRY["ND30.ThuNghiem.Loi"]
    assert "ND30.ThuNghiem.Loi" not in all_rules()


def test_rules_lists_every_rule_and_documents_one():
    res = _run("rules")
    assert res.exit_code == 0
    ids = [r for r in all_rules() if r.startswith("ND30.")]
    assert len(ids) >= 40
    for rid in ids:
        assert rid in res.stdout
    doc = _run("rules", "ND30.SoKyHieu.SoDuoi10")
    assert doc.exit_code == 0 and "Phụ lục I, mục II.3.c" in doc.stdout


def test_every_rule_is_well_formed():
    for rid, r in all_rules().items():
        if not rid.startswith("ND30."):
            continue
        assert r.source.startswith("NĐ 30/2020"), rid
        assert r.summary and r.doc and len(r.doc) > len(r.summary) - 10, rid
        assert rid.count(".") == 2, rid


# --- the decree's own Phụ lục files ----------------------------------------------------------------

# Every finding the official Phụ lục .docx files still give, and why it is right. They are
# appendices: no header rule runs on them (no "missing Quốc hiệu"), and their bodies (forms,
# samples, tables) are not held to the body-text layout.
PHU_LUC_EXPECTED = {
    "nd30-2020-phuluc1.docx": set(),
    "nd30-2020-phuluc2.docx": set(),
    # Runs with no font of their own in ten "Mẫu …" heading lines fall back to the Normal style,
    # whose font is Calibri: the file really prints those characters in Calibri.
    "nd30-2020-phuluc3.docx": {"ND30.Font.TimesNewRoman"},
    # The first section's right margin is 244 twips (4.3 mm): a real departure from 15–20 mm.
    "nd30-2020-phuluc4.docx": {"ND30.Trang.LeTrang"},
    "nd30-2020-phuluc5.docx": set(),
    # The heading "III. THÔNG TIN ĐẦU VÀO CỦA DỮ LIỆU QUẢN LÝ HỒ SƠ" is set in Calibri 11 (the
    # Normal style), unlike every other heading of the file.
    "nd30-2020-phuluc6.docx": {"ND30.Font.TimesNewRoman"},
}


@pytest.mark.parametrize("path", params(PHU_LUC_DOCX))
def test_official_phu_luc_files(path):
    parsed = parse_file(path)
    assert all(d.is_appendix for d in parsed.documents)
    found = file_findings(path)
    assert {f.rule for f in found} == PHU_LUC_EXPECTED[path.name]
    assert not any(f.rule.startswith(("ND30.QuocHieu", "ND30.SoKyHieu", "ND30.NgayThang", "ND30.ChuKy",
                                      "ND30.NoiNhan")) for f in found)
