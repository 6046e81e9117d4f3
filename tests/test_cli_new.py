"""`vbhc templates` and `vbhc new`: outputs, exit codes, messages, inputs left untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile

import pytest
from click.testing import CliRunner

from vbhc.cli import cli
from vbhc.generate.template import TEMPLATE_DIR

NAMES = ["quyet-dinh", "ke-hoach", "cong-van", "bao-cao", "thong-bao"]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_templates_lists_one_line_each():
    result = run("templates")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert {line.split()[0] for line in lines} >= set(NAMES)
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
