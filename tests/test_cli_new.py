"""`vbhc templates` and `vbhc new`: outputs, exit codes, messages, inputs left untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile

import pytest
from click.testing import CliRunner

from vbhc.cli import cli
from vbhc.generate.template import TEMPLATE_DIR, list_templates

NAMES = [t.name for t in list_templates()]  # every form of Phụ lục III (tests/generate/test_templates.py)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_templates_lists_one_line_each():
    result = run("templates")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(NAMES) >= 20 and [line.split()[0] for line in lines] == sorted(NAMES)
    data = json.loads(run("templates", "--format", "json").stdout)
    assert {t["name"] for t in data["templates"]} >= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_new_docx_leaves_the_data_untouched(tmp_path, name):
    data = tmp_path / "data.yaml"
    shutil.copy(TEMPLATE_DIR / f"{name}.example.yaml", data)
    before = hashlib.sha256(data.read_bytes()).hexdigest()
    out = tmp_path / "out.docx"
    result = run("new", name, "--data", str(data), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert zipfile.is_zipfile(out)
    assert hashlib.sha256(data.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml", "out.docx"]  # no temporary left


@pytest.mark.parametrize("name", NAMES)
def test_new_output_passes_check(tmp_path, name):
    out = tmp_path / "out.docx"
    assert run("new", name, "--data", str(TEMPLATE_DIR / f"{name}.example.yaml"), "-o", str(out)).exit_code == 0
    result = run("check", str(out), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert report["summary"]["errors"] == 0 and report["summary"]["warnings"] == 0


def test_new_md_and_json(tmp_path):
    data = str(TEMPLATE_DIR / "quyet-dinh.example.yaml")
    md = tmp_path / "qd.md"
    assert run("new", "quyet-dinh", "--data", data, "-o", str(md)).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert "Điều 1." in text and "Số: 05/QĐ-UBND" in text
    js = tmp_path / "qd.out"
    assert run("new", "quyet-dinh", "--data", data, "-o", str(js), "--format", "json").exit_code == 0
    docs = json.loads(js.read_text(encoding="utf-8"))["documents"]
    assert [d["doc_type"] for d in docs] == ["Quyết định", "Kế hoạch"]
    assert docs[0]["number"] == "05" and docs[0]["symbol"] == "QĐ-UBND" and docs[0]["date"] == "2026-02-05"


def test_missing_fields_exit_2_with_every_field(tmp_path):
    data = tmp_path / "thieu.yaml"
    data.write_text("issuer: SỞ NỘI VỤ\nsigner:\n  name: Nguyễn Văn A\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run("new", "ke-hoach", "--data", str(data), "-o", str(out))
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    for field in ("abbr", "date", "place", "title", "sections", "signer.positions", "recipients", "luu"):
        assert f"`{field}`" in err, field
    assert "`issuer`" not in err
    assert not out.exists()


def test_bad_inputs_exit_2(tmp_path):
    out = str(tmp_path / "o.docx")
    assert run("new", "khong-co", "--data", str(TEMPLATE_DIR / "ke-hoach.example.yaml"), "-o", out).exit_code == 2
    assert run("new", "ke-hoach", "--data", str(tmp_path / "none.yaml"), "-o", out).exit_code == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("issuer: [unclosed\n", encoding="utf-8")
    result = run("new", "ke-hoach", "--data", str(broken), "-o", out)
    assert result.exit_code == 2 and "YAML" in result.stderr


def test_pdf_without_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("VBHC_SOFFICE", "")  # as if LibreOffice were not installed
    out = tmp_path / "o.docx"
    result = run("new", "thong-bao", "--data", str(TEMPLATE_DIR / "thong-bao.example.yaml"), "-o", str(out), "--pdf")
    assert result.exit_code == 2
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in result.stderr
    assert out.exists()  # the .docx was still written


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_with_libreoffice(tmp_path):
    out = tmp_path / "o.docx"
    result = run("new", "thong-bao", "--data", str(TEMPLATE_DIR / "thong-bao.example.yaml"), "-o", str(out), "--pdf")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "o.pdf").read_bytes().startswith(b"%PDF")


# --- an agency's own templates ----------------------------------------------------------------------

AGENCY = """{#-
description: Công văn của Sở Nội vụ (người ký và nơi nhận cố định)
extends: cong-van
defaults:
  parent_issuer: ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
  issuer: SỞ NỘI VỤ
  abbr: SNV
  place: Nghệ An
  signer: {authority: KT., positions: [GIÁM ĐỐC, PHÓ GIÁM ĐỐC], name: Trần Thị Bình}
  recipients: [Giám đốc Sở (để b/c)]
  luu: VT, VP
-#}
"""
LETTER = """unit: CCHC
date: 16/03/2026
title: đôn đốc báo cáo cải cách hành chính quý I
kinh_gui: [Các sở, ban, ngành cấp tỉnh]
paragraphs:
  - Đề nghị các cơ quan gửi báo cáo quý I trước ngày 20/3/2026.
"""


@pytest.fixture
def agency(tmp_path):
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "cong-van.yaml.j2").write_text(AGENCY, encoding="utf-8")
    (tmp_path / "cv.yaml").write_text(LETTER, encoding="utf-8")
    return tmp_path


def test_templates_marks_the_agency_ones(agency):
    result = run("templates", "--templates", str(agency / "mau"))
    assert result.exit_code == 0, result.stderr
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("cong-van "))
    assert "mẫu của cơ quan, thay mẫu có sẵn" in line and "Sở Nội vụ" in line
    data = json.loads(run("templates", "--templates", str(agency / "mau"), "--format", "json").stdout)
    flags = {t["name"]: (t["agency"], t["overrides"]) for t in data["templates"]}
    assert flags["cong-van"] == (True, True) and flags["ke-hoach"] == (False, False)


def test_new_with_the_agency_template(agency):
    out = agency / "cv.docx"
    result = run("new", "cong-van", "--templates", str(agency / "mau"), "--data", str(agency / "cv.yaml"),
                 "-o", str(out))
    assert result.exit_code == 0, result.stderr
    parsed = json.loads(run("parse", str(out), "--format", "json").stdout)["documents"][0]
    assert parsed["signature"]["signer"] == "Trần Thị Bình" and parsed["symbol"] == "SNV-CCHC"
    assert parsed["recipients"] == ["Như trên;", "Giám đốc Sở (để b/c);"]
    assert run("check", str(out)).exit_code == 0


def test_the_config_names_the_agency_folder(agency, monkeypatch):
    (agency / "vbhc.toml").write_text('[templates]\ndir = "mau"\n', encoding="utf-8")
    monkeypatch.chdir(agency)
    result = run("templates")
    assert "mẫu của cơ quan" in next(ln for ln in result.stdout.splitlines() if ln.startswith("cong-van "))
    out = agency / "cv.docx"
    assert run("new", "cong-van", "--data", "cv.yaml", "-o", str(out)).exit_code == 0


def test_a_missing_template_folder_exits_2(tmp_path):
    result = run("templates", "--templates", str(tmp_path / "khong-co"))
    assert result.exit_code == 2 and "không có thư mục mẫu" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_agency_template_exits_2(agency):
    (agency / "mau" / "hong.yaml.j2").write_text("{#-\nfields: [\n-#}\n", encoding="utf-8")
    result = run("templates", "--templates", str(agency / "mau"))
    assert result.exit_code == 2 and "hong.yaml.j2" in result.stderr and "YAML" in result.stderr


# --- next year's document from this year's ----------------------------------------------------------

def test_from_then_new(tmp_path):
    old = tmp_path / "kh-2025.docx"
    assert run("new", "ke-hoach", "--data", str(TEMPLATE_DIR / "ke-hoach.example.yaml"), "-o", str(old)).exit_code == 0
    data = tmp_path / "kh-2026.yaml"
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    result = run("new", "--from", str(old), "-o", str(data))
    assert result.exit_code == 0, result.stderr
    assert "mẫu ke-hoach" in result.stderr and "[XEM LẠI]" in result.stderr
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before
    text = data.read_text(encoding="utf-8")
    assert "template: ke-hoach" in text and "number:" not in text
    assert "date: tháng 7 năm 2025  # [XEM LẠI]" in text
    new = tmp_path / "kh-2026.docx"
    result = run("new", "--data", str(data), "-o", str(new))  # the template named in the data file
    assert result.exit_code == 0, result.stderr
    parsed = json.loads(run("parse", str(new), "--format", "json").stdout)["documents"][0]
    assert parsed["number"] is None and parsed["symbol"] == "KH-STP" and parsed["date"] is None
    assert parsed["title"] == "Cải cách hành chính năm 2025 của Sở Tư pháp"
    assert run("check", str(new)).exit_code == 0


def test_from_refuses_what_it_cannot_do(tmp_path):
    old = tmp_path / "tb.docx"
    example = str(TEMPLATE_DIR / "thong-bao.example.yaml")
    assert run("new", "thong-bao", "--data", example, "-o", str(old)).exit_code == 0
    for args, words in [(("-o", str(tmp_path / "x.docx")), "tệp dữ liệu YAML"),
                        (("-o", str(old)), "tệp dữ liệu YAML"),
                        (("-o", str(tmp_path / "x.yaml"), "--pdf"), "chỉ ghi tệp dữ liệu")]:
        result = run("new", "--from", str(old), *args)
        assert result.exit_code == 2 and words in result.stderr, (args, result.stderr)
    same = tmp_path / "tb.yaml"
    same.write_text("x: 1\n", encoding="utf-8")
    assert run("new", "--from", str(same), "-o", str(same)).exit_code == 2
    assert same.read_text(encoding="utf-8") == "x: 1\n"
    assert run("new", "--from", str(tmp_path / "khong-co.docx"), "-o", str(tmp_path / "y.yaml")).exit_code == 2


def test_new_without_a_template_name(tmp_path):
    data = tmp_path / "d.yaml"
    data.write_text("issuer: SỞ NỘI VỤ\n", encoding="utf-8")
    result = run("new", "--data", str(data), "-o", str(tmp_path / "o.docx"))
    assert result.exit_code == 2 and "template:" in result.stderr and "vbhc templates" in result.stderr


def test_the_readme_example_of_an_agency_template_works(tmp_path):
    """The worked example of the README ("An agency's own templates"), run as it is written there."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**An agency's own templates.**"):readme.index("**Next year's document")]
    template, data = re.findall(r"```(?:jinja|yaml)\n(.*?)```", section, re.S)
    (tmp_path / "mau-snv").mkdir()
    (tmp_path / "mau-snv" / "cong-van.yaml.j2").write_text(template, encoding="utf-8")
    (tmp_path / "cv-215.yaml").write_text(data, encoding="utf-8")
    out = tmp_path / "cv-215.docx"
    result = run("new", "cong-van", "--templates", str(tmp_path / "mau-snv"), "--data", str(tmp_path / "cv-215.yaml"),
                 "-o", str(out))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(run("parse", str(out), "--format", "json").stdout)["documents"][0]
    assert (doc["number"], doc["symbol"], doc["signature"]["positions"]) == ("215", "SNV-CCHC",
                                                                              ["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    assert run("check", str(out), "--format", "json").exit_code == 0


def test_from_into_an_agency_template_leaves_its_fixed_values_to_it(agency):
    old = agency / "cv-cu.docx"
    args = ("--templates", str(agency / "mau"))
    assert run("new", "cong-van", *args, "--data", str(agency / "cv.yaml"), "-o", str(old)).exit_code == 0
    data = agency / "cv-moi.yaml"
    result = run("new", "cong-van", "--from", str(old), *args, "-o", str(data))
    assert result.exit_code == 0, result.stderr
    text = data.read_text(encoding="utf-8")
    assert "template: cong-van" in text and "signer:" not in text and "issuer:" not in text  # the template's
    new = agency / "cv-moi.docx"
    assert run("new", "--data", str(data), *args, "-o", str(new)).exit_code == 0
    doc = json.loads(run("parse", str(new), "--format", "json").stdout)["documents"][0]
    assert doc["signature"]["signer"] == "Trần Thị Bình" and doc["title"] == "đôn đốc báo cáo cải cách hành chính quý I"
