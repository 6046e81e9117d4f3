"""`.doc` in the audit: read as `vbhc check` reads it (LibreOffice converts, the .docx reader reads),
and what a file starts (the conversion) is stopped with its worker when the file runs past its time."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest
from audit_helpers import FIXTURES, PARENT, alive, plan_docx, vbhc
from doubles import StartsChild

from vbhc.audit import run_audit
from vbhc.readers import doc as doc_reader

SOFFICE = doc_reader.soffice()


def test_doc_plan_is_audited_like_its_docx(tmp_path):
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: a .doc is then an error row saying so")
    folder = tmp_path / "nop"
    folder.mkdir()
    docx = plan_docx((FIXTURES / "so-y-te.txt").read_text(encoding="utf-8"), tmp_path / "so-y-te.docx")
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(docx)],
                   check=True, timeout=120, capture_output=True)
    shutil.copy(docx, folder / "so-y-te-ban-docx.docx")
    proc = vbhc("audit", str(folder), "--against", str(PARENT), "--json", str(tmp_path / "r.json"), "--jobs", "2")
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    rows = {r["path"]: r for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["files"]}
    doc, twin = rows["so-y-te.doc"], rows["so-y-te-ban-docx.docx"]
    assert doc["status"] != "error", doc
    assert doc["meta"] == twin["meta"] and doc["meta"]["issuer"] == "SỞ Y TẾ"
    assert doc["plan"]["areas_missing"] == twin["plan"]["areas_missing"]
    assert {f["rule"] for f in doc["findings"] if f["rule"].startswith("KH")} == \
        {f["rule"] for f in twin["findings"] if f["rule"].startswith("KH")}


def test_a_file_past_its_time_stops_what_it_started(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    for name in ("a-lau.txt", "b.txt"):
        shutil.copy(FIXTURES / "so-tu-phap.txt", folder / name)
    pid_file = tmp_path / "child.pid"
    outcome = run_audit(folder, jobs=1, timeout=2, journal=tmp_path / "j.jsonl",
                        check=StartsChild("a-lau", str(pid_file)))
    assert [r["status"] for r in outcome.result["files"]] == ["error", "ok"]
    assert outcome.result["files"][0]["error"] == "quá thời gian xử lý (2 giây)"
    child = int(pid_file.read_text())
    end = time.monotonic() + 10
    while alive(child) and time.monotonic() < end:
        time.sleep(0.05)
    assert not alive(child)
