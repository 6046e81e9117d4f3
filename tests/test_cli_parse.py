"""`vbhc parse` end to end, as a separate process: the JSON contract, md and tree, bad input."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from shared_corpus import DECREE, PHU_LUC_DOCX, needs, params

ROOT = Path(__file__).resolve().parent.parent
NGHE_AN = ROOT / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"
PHU_LUC_2 = PHU_LUC_DOCX[1]
SCHEMA = json.loads((ROOT / "contract" / "parse.schema.json").read_text(encoding="utf-8"))
VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý")


def vbhc(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("VBHC_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "vbhc", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, timeout=60)


@pytest.fixture(scope="module")
def nghe_an_json() -> dict:
    result = vbhc("parse", str(NGHE_AN), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("path", [pytest.param(NGHE_AN, id=NGHE_AN.name), *params([DECREE, PHU_LUC_2])])
def test_json_validates_against_the_contract(path):
    result = vbhc("parse", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)  # stdout holds one JSON object and nothing else
    jsonschema.validate(data, SCHEMA)
    assert data["path"] == str(path)
    assert "Traceback" not in result.stderr


def test_json_of_the_nghe_an_file(nghe_an_json):
    decision, plan = nghe_an_json["documents"]
    assert (decision["doc_type"], decision["number"], decision["symbol"], decision["date"]) == (
        "Quyết định", "2228", "QĐ-UBND", "2025-07-15")
    assert decision["signature"] == {**decision["signature"], "authority": "KT.",
                                     "positions": ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signer": "Bùi Đình Long"}
    assert decision["storage"] == "Lưu: VT, KSTT (N)."
    assert [n["id"] for n in decision["body"]] == ["art_1", "art_2", "art_3"]
    assert plan["doc_type"] == "Kế hoạch"
    assert [n["number"] for n in plan["body"] if n["kind"] == "section"] == ["I", "II", "III", "IV"]
    ids = []

    def walk(nodes):
        for n in nodes:
            ids.append(n["id"])
            walk(n["children"])

    walk(plan["body"])
    assert "sec_II__cl_4__pt_d_2" in ids and "sec_II__cl_6__pt_đ" in ids


@needs(DECREE)
def test_json_of_the_decree():
    data = json.loads(vbhc("parse", str(DECREE), "--format", "json").stdout)
    (doc,) = data["documents"]
    assert (doc["number"], doc["year"], doc["symbol"]) == ("30", "2020", "NĐ-CP")
    assert [n["number"] for n in doc["body"] if n["kind"] == "chapter"] == ["I", "II", "III", "IV", "V", "VI",
                                                                            "VII"]


def test_md_format():
    result = vbhc("parse", str(NGHE_AN), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "## QUYẾT ĐỊNH" in result.stdout
    assert "### Điều 1." in result.stdout
    assert "## I. MỤC TIÊU" in result.stdout
    assert "Bùi Đình Long" in result.stdout


def test_tree_format_is_the_default():
    result = vbhc("parse", str(NGHE_AN))
    assert result.returncode == 0, result.stderr
    assert result.stdout == vbhc("parse", str(NGHE_AN), "--format", "tree").stdout
    assert "Văn bản 1: Quyết định số 2228/QĐ-UBND" in result.stdout
    assert "Văn bản 2: Kế hoạch" in result.stdout
    assert "├─ II. NHIỆM VỤ" in result.stdout


@needs(PHU_LUC_2)
def test_docx_parses():
    result = vbhc("parse", str(PHU_LUC_2), "--format", "tree")
    assert result.returncode == 0, result.stderr
    assert "Phụ lục số II" in result.stdout


def test_unknown_format_is_bad_usage():
    result = vbhc("parse", str(NGHE_AN), "--format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# --- bad input ----------------------------------------------------------------------------------

def _write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def _truncated_docx(tmp: Path) -> Path:
    import io

    from docx import Document

    buf = io.BytesIO()
    doc = Document()
    doc.add_paragraph("Điều 1. Quyết định này có hiệu lực từ ngày ký.")
    doc.save(buf)
    return _write(tmp, "cut.docx", buf.getvalue()[:3000])


def _random_pdf(tmp: Path) -> Path:
    return _write(tmp, "noise.pdf", random.Random(7).randbytes(4000))


def _random_pdf_with_header(tmp: Path) -> Path:
    return _write(tmp, "broken.pdf", b"%PDF-1.4\n" + random.Random(8).randbytes(4000))


BAD_INPUTS = {
    "missing": lambda tmp: tmp / "khong-co.txt",
    "unknown extension": lambda tmp: _write(tmp, "van-ban.xyz", "Số: 05/QĐ-UBND\n".encode()),
    "docx that is text": lambda tmp: _write(tmp, "that-ra-la-text.docx", "QUYẾT ĐỊNH\nĐiều 1.".encode()),
    "truncated docx": _truncated_docx,
    "empty txt": lambda tmp: _write(tmp, "rong.txt", b""),
    "empty docx": lambda tmp: _write(tmp, "rong.docx", b""),
    "random bytes pdf": _random_pdf,
    "pdf header then noise": _random_pdf_with_header,
    "binary as txt": lambda tmp: _write(tmp, "nhi-phan.txt", bytes(range(256)) * 8),
}
CASES = [pytest.param(make, id=name) for name, make in BAD_INPUTS.items()] + [
    pytest.param(lambda tmp: (tmp / "thu-muc.txt").mkdir() or tmp / "thu-muc.txt", id="directory"),
]


@pytest.mark.parametrize("make", CASES)
@pytest.mark.parametrize("fmt", ["json", "tree"])
def test_bad_input_exit_2_one_vietnamese_line(tmp_path, make, fmt):
    path = make(tmp_path)
    result = vbhc("parse", str(path), "--format", fmt)
    assert result.returncode == 2, (result.stdout[:200], result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert path.name in lines[0]
    assert VIETNAMESE & set(lines[0].lower()), lines[0]
    assert "lỗi nội bộ" not in lines[0], "a reader failure should be an InputError, not an internal error"
    assert result.stdout == ""
