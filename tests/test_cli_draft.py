"""`vbhc draft` end to end (the draft passes `vbhc check --against` its parent) and `vbhc new --interactive`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbhc.cli
from vbhc.cli import cli
from vbhc.generate.template import TEMPLATE_DIR
from vbhc.parse import parse_file

NGHE_AN = Path(__file__).resolve().parents[1] / "corpus" / "nghe-an-2025" / "qd-2228-ubnd-2025-ke-hoach-cchc.txt"

PARENT = str(NGHE_AN)
PLAN_ERRORS = {"KH001", "KH002", "KH005", "KH006"}


def run(*args: str, **kw):
    return CliRunner().invoke(cli, list(args), **kw)


def check(path, *extra: str) -> dict:
    result = run("check", str(path), "--format", "json", *extra)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def findings(report: dict) -> list[dict]:
    return [f for file in report["files"] for f in file["findings"]]


@pytest.fixture(scope="module")
def stp(tmp_path_factory):
    out = tmp_path_factory.mktemp("draft") / "stp.docx"
    result = run("draft", "--against", PARENT, "--agency", "Sở Tư pháp", "--date", "2025-07-25", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out, result


def test_draft_passes_check_against_its_parent(stp):
    out, result = stp
    assert zipfile.is_zipfile(out)
    assert "chỗ cần điền" in result.stderr
    warnings = [ln for ln in result.stderr.splitlines() if "cảnh báo" in ln]
    assert len(warnings) == 1 and "đã bỏ 3 chỉ tiêu riêng của tỉnh hoặc của ngành khác" in warnings[0]
    report = check(out, "--against", PARENT)
    found = findings(report)
    errors = [f for f in found if f["severity"] == "error"]
    assert not errors, errors
    assert not {f["rule"] for f in found} & PLAN_ERRORS
    assert report["files"][0]["status"] in ("ok", "findings")
    # placeholders give at most warnings: the format check alone has no error either
    assert check(out)["summary"]["errors"] == 0


def test_draft_parses_back_with_every_area(stp):
    from vbhc.profile import from_parent

    out, _ = stp
    parsed = parse_file(out)
    (plan,) = parsed.documents
    assert (plan.doc_type, plan.symbol, plan.date, plan.place) == ("Kế hoạch", "KH-STP", "2025-07-25", "Nghệ An")
    assert (plan.parent_issuer, plan.issuer) == ("UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP")
    assert plan.title == "Cải cách hành chính năm 2025 của Sở Tư pháp"
    tasks = next(n for n in plan.body if n.kind == "section" and n.number == "II")
    headings = [c.heading or c.text for c in tasks.children if c.kind == "clause"]
    assert headings == [a.title for a in from_parent(PARENT).areas]
    assert plan.signature.positions == ["GIÁM ĐỐC"] and plan.signature.signer.startswith("[ĐIỀN:")
    assert any(n.kind == "table" and n.rows[0][0] == "STT" for n in plan.nodes())


def test_with_decision_two_documents_in_one_file(tmp_path):
    out = tmp_path / "qd.docx"
    result = run("draft", "--against", PARENT, "--agency", "Sở Tư pháp", "--date", "2025-07-25",
                 "--with-decision", "-o", str(out))
    assert result.exit_code == 0, result.output
    decision, plan = parse_file(out).documents
    assert decision.doc_type == "Quyết định" and decision.symbol == "QĐ-STP"
    assert [n.label for n in decision.body if n.kind == "article"] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert plan.doc_type == "Kế hoạch"
    assert plan.attached_to and plan.attached_to.startswith("(Kèm theo Quyết định số") and "QĐ-STP" in plan.attached_to
    report = check(out, "--against", PARENT)
    assert report["summary"]["errors"] == 0, findings(report)
    assert not {f["rule"] for f in findings(report)} & PLAN_ERRORS


def test_date_past_the_deadline_warns(tmp_path):
    out = tmp_path / "late.docx"
    result = run("draft", "--against", PARENT, "--agency", "Sở Tư pháp", "--date", "2025-08-05", "-o", str(out))
    assert result.exit_code == 0
    assert "cảnh báo" in result.stderr and "31/7/2025" in result.stderr
    assert "KH005" in {f["rule"] for f in findings(check(out, "--against", PARENT))}


def test_date_defaults_to_today_or_the_deadline(tmp_path):
    """Today when it meets the parent's deadline (31/7/2025); past it, the deadline itself, with a warning."""
    import datetime as dt

    out = tmp_path / "today.docx"
    result = run("draft", "--against", PARENT, "--agency", "Sở Tư pháp", "-o", str(out))
    assert result.exit_code == 0
    today = dt.date.today().isoformat()
    if today <= "2025-07-31":
        assert parse_file(out).documents[0].date == today
    else:
        assert parse_file(out).documents[0].date == "2025-07-31"
        assert "đã quá thời hạn 31/7/2025" in result.stderr and "--date" in result.stderr
    assert "KH005" not in {f["rule"] for f in findings(check(out, "--against", PARENT))}


def test_levels_differ(tmp_path):
    def tasks(level: str, agency: str) -> set[str]:
        out = tmp_path / f"{level}.docx"
        result = run("draft", "--against", PARENT, "--agency", agency, "--level", level, "--date", "2025-07-25",
                     "-o", str(out))
        assert result.exit_code == 0, result.output
        (plan,) = parse_file(out).documents
        section = next(n for n in plan.body if n.kind == "section" and n.number == "II")
        assert not check(out, "--against", PARENT)["summary"]["errors"]
        return {n.text for n in section.walk() if n.kind == "point"}, plan

    so, plan_so = tasks("so", "Sở Tư pháp")
    xa, plan_xa = tasks("xa", "xã Nghi Lộc")
    assert any("thuộc phạm vi quản lý của Sở" in t for t in so - xa)
    assert any("cấp xã" in t for t in xa - so)
    assert plan_xa.issuer == "ỦY BAN NHÂN DÂN XÃ NGHI LỘC" and plan_xa.parent_issuer is None
    assert plan_xa.place == "Nghi Lộc" and plan_xa.symbol == "KH-UBND"


def test_profile_works_like_against(tmp_path):
    prof = tmp_path / "p.yaml"
    assert run("profile", PARENT, "-o", str(prof)).exit_code == 0
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    assert run("draft", "--against", PARENT, "--agency", "Sở Tư pháp", "--date", "2025-07-25",
               "-o", str(a)).exit_code == 0
    result = run("draft", "--profile", str(prof), "--agency", "Sở Tư pháp", "--date", "2025-07-25", "-o", str(b))
    assert result.exit_code == 0, result.output
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    docx = tmp_path / "b.docx"
    assert run("draft", "--profile", str(prof), "--agency", "Sở Tư pháp", "--date", "2025-07-25",
               "-o", str(docx)).exit_code == 0
    report = check(docx, "--profile", str(prof))
    assert report["summary"]["errors"] == 0, findings(report)
    assert not {f["rule"] for f in findings(report)} & PLAN_ERRORS


def test_profile_alone_still_drafts_every_area(tmp_path):
    """A profile whose parent file is gone: every area and target, the tasks left to the agency."""
    import yaml

    prof = tmp_path / "p.yaml"
    assert run("profile", PARENT, "-o", str(prof)).exit_code == 0
    data = yaml.safe_load(prof.read_text(encoding="utf-8"))
    data["source"] = "da-chuyen-di/kh.txt"
    prof.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "d.docx"
    result = run("draft", "--profile", str(prof), "--agency", "Sở Tư pháp", "--date", "2025-07-25", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "không đọc được chính kế hoạch cấp trên" in result.stderr
    report = check(out, "--profile", str(prof))
    assert report["summary"]["errors"] == 0, findings(report)
    assert not {f["rule"] for f in findings(report)} & PLAN_ERRORS


def test_profile_with_the_parent_beside_it_gives_the_same_draft(tmp_path, root):
    """A saved profile whose `source` can be read gives the parent's tasks too: the same draft."""
    import shutil

    shutil.copy(PARENT, tmp_path / "parent.txt")
    prof = tmp_path / "p.yaml"
    assert run("profile", str(tmp_path / "parent.txt"), "-o", str(prof)).exit_code == 0
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run("draft", "--against", str(tmp_path / "parent.txt"), "--agency", "Sở Tư pháp", "--date",
               "2025-07-25", "-o", str(a)).exit_code == 0
    assert run("draft", "--profile", str(prof), "--agency", "Sở Tư pháp", "--date", "2025-07-25",
               "-o", str(b)).exit_code == 0
    assert json.loads(a.read_text(encoding="utf-8")) == json.loads(b.read_text(encoding="utf-8"))


def test_formats_and_usage_errors(tmp_path):
    md = tmp_path / "d.md"
    assert run("draft", "--against", PARENT, "--agency", "Sở Tư pháp", "--date", "2025-07-25",
               "-o", str(md)).exit_code == 0
    assert "## II. NHIỆM VỤ" in md.read_text(encoding="utf-8")
    js = tmp_path / "d.out"
    assert run("draft", "--against", PARENT, "--agency", "Sở Tư pháp", "--date", "2025-07-25", "--format", "json",
               "-o", str(js)).exit_code == 0
    assert json.loads(js.read_text(encoding="utf-8"))["documents"][0]["doc_type"] == "Kế hoạch"
    for args in (["--agency", "Sở Tư pháp", "-o", str(tmp_path / "x.docx")],
                 ["--against", PARENT, "--agency", "Sở Tư pháp", "--date", "31/2/2025", "-o", str(tmp_path / "x.docx")],
                 ["--against", str(tmp_path / "missing.txt"), "--agency", "Sở Tư pháp", "-o", str(tmp_path / "x.docx")],
                 ["--against", PARENT, "--agency", "Sở Tư pháp", "-o", PARENT]):
        result = run("draft", *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("vbhc: ") and "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.md", "d.out"]  # written atomically, nothing left


# --- vbhc new --interactive ------------------------------------------------------------------------

def test_interactive_refuses_without_a_terminal(tmp_path):
    result = run("new", "cong-van", "--interactive", "-o", str(tmp_path / "x.docx"), input="UBND\n")
    assert result.exit_code == 2
    assert "--interactive" in result.stderr and "--data" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_new_without_data_or_interactive(tmp_path):
    result = run("new", "cong-van", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and "--data" in result.stderr


ANSWERS = [
    "ỦY BAN NHÂN DÂN XÃ NGHI LỘC",  # issuer
    "UBND",  # abbr
    "VP",  # unit
    "2026-02-31",  # date: not a day
    "2026-02-05",
    "Nghi Lộc",  # place
    "Đề nghị cung cấp số liệu cải cách hành chính",  # title
    "",  # kinh_gui: at least one
    "Sở Nội vụ tỉnh Nghệ An", "",
    "Ủy ban nhân dân xã đề nghị Sở Nội vụ cung cấp số liệu cải cách hành chính năm 2025.", "",  # paragraphs
    "Nguyễn Văn An",  # signer.name
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "",  # signer.positions
    "VP",  # luu
]


def test_interactive_asks_for_each_missing_field(tmp_path, monkeypatch):
    monkeypatch.setattr(vbhc.cli.drafting, "stdin_is_tty", lambda: True)
    out = tmp_path / "cv.docx"
    result = run("new", "cong-van", "--interactive", "-o", str(out), input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.output
    for label in ("Tên cơ quan ban hành (issuer)", "Ngày ban hành", "Nơi nhận \"Kính gửi\"", "Họ tên người ký",
                  "Chức vụ người ký", "Cần ít nhất một mục"):
        assert label in result.output, label
    assert "(ngày/tháng/năm)" in result.output
    (doc,) = parse_file(out).documents
    assert (doc.issuer, doc.symbol, doc.date, doc.place) == ("ỦY BAN NHÂN DÂN XÃ NGHI LỘC", "UBND-VP",
                                                              "2026-02-05", "Nghi Lộc")
    assert doc.signature.authority == "KT." and doc.signature.positions == ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert doc.signature.signer == "Nguyễn Văn An"
    report = check(out)
    assert report["summary"]["errors"] == 0


def test_interactive_asks_only_what_the_data_lacks(tmp_path, monkeypatch):
    import yaml

    monkeypatch.setattr(vbhc.cli.drafting, "stdin_is_tty", lambda: True)
    data = yaml.safe_load((TEMPLATE_DIR / "quyet-dinh.example.yaml").read_text(encoding="utf-8"))
    del data["issuer"], data["signer"]["name"]
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "qd.docx"
    result = run("new", "quyet-dinh", "--data", str(path), "-i", "-o", str(out),
                 input="ỦY BAN NHÂN DÂN XÃ NGHI LỘC\nTrần Văn Bình\n")
    assert result.exit_code == 0, result.output
    assert "(issuer)" in result.output and "(signer.name)" in result.output and "(place)" not in result.output
    decision = parse_file(out).documents[0]
    assert decision.signature.signer == "Trần Văn Bình" and decision.number == "05"


def test_interactive_stopped_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(vbhc.cli.drafting, "stdin_is_tty", lambda: True)
    out = tmp_path / "x.docx"
    result = run("new", "cong-van", "-i", "-o", str(out), input="UBND XÃ A\n")  # input ends: click aborts
    assert result.exit_code == 130 and "chưa ghi tệp nào" in result.stderr
    assert not out.exists()
