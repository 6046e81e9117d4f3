"""The API for other systems, through the ASGI test client: POST /api/check gives the check JSON
of the contract for one file (as `vbhc check --format json` gives it), GET /api/rules the rule
catalogue (as `vbhc rules --format json`), GET /api/profiles the stored parent plans."""

from __future__ import annotations

import json

from serve_helpers import EVAL, PARENT, check_contract, upload

from vbhc.cli.app import cli


def vbhc_json(*args: str) -> dict:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, list(args))
    return json.loads(result.stdout)


def test_check_without_parent_is_the_cli_json(client):
    r = client.post("/api/check", files={"file": upload(PARENT, "Quyết định 2228.txt")})
    assert r.status_code == 200
    body = r.json()
    check_contract(body)
    (row,) = body["files"]
    assert row["path"] == "Quyết định 2228.txt"  # the name sent, never the stored file's
    cli_row = vbhc_json("check", str(PARENT), "--format", "json")["files"][0]
    assert [f["rule"] for f in row["findings"]] == [f["rule"] for f in cli_row["findings"]]
    assert row["findings"] == [{**f} for f in cli_row["findings"]]
    assert body["summary"]["errors"] == sum(f["severity"] == "error" for f in cli_row["findings"]) > 0
    first = row["findings"][0]
    assert first["rule"] == "ND30.SoKyHieu.KhoangTrang" and first["location"]["part"] == "dòng Số, ký hiệu"


def test_check_against_the_bundled_parent(client):
    plan = EVAL / "so-khcn-thieu-bao-cao.txt"
    r = client.post("/api/check", files={"file": upload(plan)}, data={"parent": "nghe-an-2025"})
    assert r.status_code == 200
    body = r.json()
    check_contract(body)
    row = body["files"][0]
    rules = {f["rule"] for f in row["findings"]}
    assert {"KH002", "KH004"} <= rules  # the weaker satisfaction target, no reporting
    assert any(f["data"].get("element") == "reporting" for f in row["findings"] if f["rule"] == "KH004")
    assert row["plan"]["dates"]["on_time"] is True
    cli_row = vbhc_json("check", str(plan), "--against", str(PARENT), "--format", "json")["files"][0]
    assert row["findings"] == cli_row["findings"] and row["plan"] == cli_row["plan"]


def test_parent_file_gives_what_the_stored_parent_gives(client):
    plan = EVAL / "xa-yen-thanh-thieu-kinh-phi.txt"
    by_name = client.post("/api/check", files={"file": upload(plan)}, data={"parent": "nghe-an-2025"}).json()
    by_file = client.post("/api/check", files={"file": upload(plan), "parent_file": upload(PARENT)}).json()
    assert by_file["files"][0]["findings"] == by_name["files"][0]["findings"]
    assert any(f["rule"] == "KH004" for f in by_file["files"][0]["findings"])


def test_parent_file_as_a_saved_profile(client, tmp_path):
    from vbhc.profile import from_parent, to_yaml

    profile = tmp_path / "ho-so.yaml"
    profile.write_text(to_yaml(from_parent(PARENT)), encoding="utf-8")
    plan = EVAL / "so-khcn-thieu-bao-cao.txt"
    r = client.post("/api/check", files={"file": upload(plan), "parent_file": upload(profile)})
    assert r.status_code == 200
    assert {"KH002", "KH004"} <= {f["rule"] for f in r.json()["files"][0]["findings"]}


def test_unreadable_file_is_an_error_row(client):
    r = client.post("/api/check", files={"file": ("hỏng.docx", b"PK\x03\x04 not really a zip")})
    assert r.status_code == 200
    body = r.json()
    check_contract(body)
    row = body["files"][0]
    assert row["status"] == "error" and row["error"] and row["findings"] == []
    assert "Traceback" not in row["error"] and body["summary"]["unreadable"] == 1


def test_bad_requests_are_refused_in_vietnamese(client):
    cases = [
        ({}, {}, "thiếu trường `file`"),
        ({"file": ("chuong-trinh.exe", b"MZ")}, {}, "chỉ nhận tệp .docx, .doc, .odt, .rtf, .pdf, .txt"),
        ({"file": upload(PARENT)}, {"parent": "khong-co"}, "không có kế hoạch cấp trên 'khong-co'"),
        ({"file": upload(PARENT)}, {"kind": "lung-tung"}, "loại kế hoạch 'lung-tung' không hợp lệ"),
        ({"file": upload(PARENT), "parent_file": ("cap-tren.docx", b"rubbish")}, {}, "kế hoạch cấp trên"),
    ]
    for files, data, words in cases:
        r = client.post("/api/check", files=files or {"x": ("", b"")}, data=data)
        assert r.status_code == 400, (words, r.text)
        assert words in r.json()["error"]


def test_the_api_keeps_nothing(client):
    from vbhc.serve.store import FILES

    folder = client.app.app.state.services.store.root / FILES
    before = sorted(folder.iterdir())
    client.post("/api/check", files={"file": upload(PARENT), "parent_file": upload(PARENT)})
    client.post("/api/check", files={"file": ("hỏng.pdf", b"%PDF-1.7 broken")})
    assert sorted(folder.iterdir()) == before


def test_rules_are_the_cli_catalogue(client):
    r = client.get("/api/rules")
    assert r.status_code == 200
    assert r.json() == vbhc_json("rules", "--format", "json")
    assert {"KH001", "KH006", "ND30.SoKyHieu.KhoangTrang"} <= {x["id"] for x in r.json()["rules"]}


def test_profiles_list_the_bundled_parent(client):
    (bundled,) = [p for p in client.get("/api/profiles").json()["profiles"] if p["bundled"]]
    assert bundled["name"] == "nghe-an-2025"
    assert bundled["areas"] == 6 and bundled["targets"] == 23 and bundled["deadline"] == "2025-07-31"
    assert "2228/QĐ-UBND" in bundled["label"]


def test_unknown_api_path_is_json(client):
    r = client.get("/api/khong-co")
    assert r.status_code == 404 and "error" in r.json()
