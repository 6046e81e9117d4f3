"""`vbhc fix` on the command line: a copy, never the input; --diff writes nothing; the summary
says what waits behind --unsafe-fixes; a file that is not a .docx is a Vietnamese error, exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from vbhc.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parent / "rules"))
from docx_builder import build, conformant_decision  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
CHECK_SCHEMA = json.loads((ROOT / "contract" / "check.schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    layout = conformant_decision()
    layout.para("CỘNG HÒA").size = 14  # safe
    layout.page.margins_mm["left"] = 25  # safe
    layout.para("Số:").text = "Số: 05 /QĐ-UBND"  # text
    layout.para("- Bộ Nội vụ;").text = "- Bộ Nội vụ,"  # text
    return build(layout, tmp_path / "du-thao.docx")


def test_default_output_beside_the_input(broken: Path) -> None:
    before = broken.read_bytes()
    res = run("fix", str(broken))
    out = broken.with_name("du-thao.vbhc.docx")
    assert res.exit_code == 1  # two text faults are left: errors remain
    assert out.exists() and broken.read_bytes() == before
    assert "Đã sửa 2 phát hiện" in res.stderr and f"ghi vào {out}" in res.stderr
    assert "2 sửa thay đổi chữ đang chờ, chạy lại với --unsafe-fixes" in res.stderr
    assert res.stdout.count("Đặt ") == 2 and "Quốc hiệu" in res.stdout and "sec_" not in res.stdout


def test_unsafe_fixes_fix_all_and_exit_0(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "da-sua.docx"
    res = run("fix", str(broken), "-o", str(out), "--unsafe-fixes")
    assert res.exit_code == 0, res.output
    assert "Đã sửa 4 phát hiện (2 định dạng, 2 thay đổi chữ)" in res.stderr and "không còn phát hiện nào" in res.stderr
    assert run("check", str(out)).exit_code == 0


def test_diff_shows_each_change_and_writes_nothing(broken: Path, tmp_path: Path) -> None:
    res = run("fix", str(broken), "--diff", "--unsafe-fixes")
    assert res.exit_code == 0
    assert list(tmp_path.iterdir()) == [broken]
    assert "  - Số: 05 /QĐ-UBND\n  + Số: 05/QĐ-UBND" in res.stdout
    assert "  - - Bộ Nội vụ,\n  + - Bộ Nội vụ;" in res.stdout
    assert "cỡ chữ: 14 → 13" in res.stdout and "lề trái: 25 mm → 30 mm" in res.stdout
    assert "(--diff: không ghi tệp nào)" in res.stderr


def test_diff_without_unsafe_fixes_says_what_waits(broken: Path) -> None:
    res = run("fix", str(broken), "--diff")
    assert "Số: 05/QĐ-UBND" not in res.stdout
    assert "Sẽ sửa 2 phát hiện" in res.stderr and "2 sửa thay đổi chữ đang chờ" in res.stderr


@pytest.mark.parametrize("name, content, words", [
    ("kh.pdf", b"%PDF-1.4\n", "vbhc fix chỉ sửa được tệp Word .docx (tệp này là .pdf)"),
    ("kh.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "(tệp này là .doc)"),
    ("kh.txt", "Số: 05 /QĐ-UBND\n".encode(), "(tệp này là .txt)"),
    ("kh.docx", b"%PDF-1.4\n", "nội dung không phải .docx"),
    ("kh.docx", b"", "tệp rỗng"),
    # read by their content by `check` (Word opens them), but only a real .docx can be edited
    ("kh.docx", b"<html><body><p>Dieu 1.</p></body></html>", "(tệp này là trang web (HTML))"),
    ("kh.docx", b"{\\rtf1\\ansi x}", "(tệp này là tệp RTF (.rtf))"),
])
def test_not_a_docx_is_a_vietnamese_error(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    res = run("fix", str(path))
    assert res.exit_code == 2 and words in res.stderr and "Traceback" not in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_missing_file(tmp_path: Path) -> None:
    res = run("fix", str(tmp_path / "khong-co.docx"))
    assert res.exit_code == 2 and "không tìm thấy" in res.stderr


def test_output_over_the_input_is_refused(broken: Path) -> None:
    before = broken.read_bytes()
    res = run("fix", str(broken), "-o", str(broken), "--unsafe-fixes")
    assert res.exit_code == 2 and "không bao giờ ghi đè lên tệp đầu vào" in res.stderr
    assert broken.read_bytes() == before


def test_fix_is_listed_with_its_help() -> None:
    res = run("--help")
    assert "fix" in res.stdout and "bản sao" in res.stdout
    res = run("fix", "--help")
    for option in ("--unsafe-fixes", "--diff", "--track-changes", "-o, --output"):
        assert option in res.stdout


def test_check_json_locations_and_fixes(broken: Path) -> None:
    res = run("check", str(broken), "--format", "json")
    out = json.loads(res.stdout)
    jsonschema.validate(out, CHECK_SCHEMA)
    by_rule = {f["rule"]: f for f in out["files"][0]["findings"]}
    number = by_rule["ND30.SoKyHieu.KhoangTrang"]
    assert number["location"]["part"] == "dòng Số, ký hiệu" and number["location"]["quote"] == "Số: 05 /QĐ-UBND"
    assert number["fix"]["safe"] is False and number["fix"]["changes"] == [
        {"target": "text", "property": "text", "from": " ", "to": "", "blocks": number["fix"]["changes"][0]["blocks"],
         "offset": 6}]
    size = by_rule["ND30.KieuChu.CoChu"]
    assert size["location"]["part"] == "Quốc hiệu" and size["fix"]["safe"] is True
    assert size["fix"]["changes"][0]["to"] == 13
    assert by_rule["ND30.Trang.LeTrang"]["location"]["part"].startswith("định dạng trang")


def test_check_text_output_names_the_part_not_the_paragraph_counter(broken: Path) -> None:
    res = run("check", str(broken))
    lines = res.stdout.splitlines()
    number = lines.index(next(ln for ln in lines if "ND30.SoKyHieu.KhoangTrang" in ln))
    assert lines[number].startswith(f"{broken}: lỗi ")  # no ":7:" paragraph counter
    assert lines[number + 1] == "    ở dòng Số, ký hiệu: “Số: 05 /QĐ-UBND” · sửa được bằng vbhc fix --unsafe-fixes"
    assert "4 phát hiện sửa được bằng `vbhc fix` (2 cần thêm --unsafe-fixes vì thay đổi chữ)" in res.stdout


def test_text_files_keep_their_line_numbers() -> None:
    res = run("check", str(NGHE_AN))
    assert f"{NGHE_AN}:6: cảnh báo ND30.SoKyHieu.KhoangTrang" in res.stdout  # a text file's spaces: not sure
    assert "    ở dòng Số, ký hiệu: “Số: 2228 /QĐ-UBND”" in res.stdout
    assert "sửa được" not in res.stdout  # `vbhc fix` edits .docx files only


def test_sarif_carries_locations_and_fixes(broken: Path) -> None:
    res = run("check", str(broken), "--format", "sarif")
    log = json.loads(res.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    number = results["ND30.SoKyHieu.KhoangTrang"]
    (fix,) = number["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"]["snippet"]["text"] == " " and replacement["insertedContent"]["text"] == ""
    assert replacement["deletedRegion"]["startColumn"] == 7 and replacement["deletedRegion"]["endColumn"] == 8
    loc = number["locations"][0]
    assert loc["logicalLocations"][0]["name"] == "dòng Số, ký hiệu"
    assert loc["physicalLocation"]["region"]["snippet"]["text"] == "Số: 05 /QĐ-UBND"
    size = results["ND30.KieuChu.CoChu"]
    assert "fixes" not in size and size["properties"]["fix"]["safe"] is True
