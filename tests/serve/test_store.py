"""The data folder: the schema made and upgraded by migrations, a database from a newer vbhc refused,
everything kept across a restart (checks, parents, collections), a submission a stopped process left
pending checked by the next, and the bundled parent plan identical to the corpus copy."""

from __future__ import annotations

import sqlite3

import pytest
from serve_helpers import EVAL, PARENT, make_client, upload, wait_done

from vbhc.serve import store as store_module
from vbhc.serve.common import BUNDLED
from vbhc.serve.store import MIGRATIONS, Store, StoreError


def test_bundled_parent_is_the_corpus_plan():
    assert BUNDLED.read_bytes() == PARENT.read_bytes()


def test_fresh_folder_is_migrated_once(tmp_path):
    store = Store(tmp_path / "d")
    db = sqlite3.connect(store.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"profiles", "checks", "collections", "expected", "submissions", "outputs"} <= tables
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    assert Store(tmp_path / "d").migrate() == len(MIGRATIONS)  # a second start changes nothing


def test_a_later_migration_upgrades_an_old_folder(tmp_path, monkeypatch):
    Store(tmp_path / "d")
    monkeypatch.setattr(store_module, "MIGRATIONS", [*MIGRATIONS, "ALTER TABLE checks ADD COLUMN note TEXT"])
    upgraded = Store(tmp_path / "d")
    db = sqlite3.connect(upgraded.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    assert "note" in {r[1] for r in db.execute("PRAGMA table_info(checks)")}


def test_a_collection_made_before_short_names_keeps_its_list(tmp_path, monkeypatch):
    """A folder of the first schema (expected agencies by name only) upgraded: names kept, no short
    name or level (the audit then matches by the name's initials and the issuer)."""
    from vbhc.audit.agencies import Agency

    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:1])
    old = Store(tmp_path / "d")
    with old.transaction() as db:
        db.execute("INSERT INTO profiles VALUES ('p', 'p', 'p', 0, NULL, NULL, 'p.yaml', '{}', 'now')")
        db.execute("INSERT INTO collections VALUES ('c', 'Đợt 1', 'p', 'now')")
        db.executemany("INSERT INTO expected VALUES ('c', ?, ?)", [(0, "Sở Y tế"), (1, "UBND xã A")])
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    upgraded = Store(tmp_path / "d")
    assert upgraded.expected("c") == [Agency("Sở Y tế", line=1), Agency("UBND xã A", line=2)]
    cid = upgraded.add_collection("Đợt 2", "p", [Agency("Sở Tư pháp", short="STP", level="so")])
    assert [(a.name, a.short, a.level) for a in upgraded.expected(cid)] == [("Sở Tư pháp", "STP", "so")]


def test_a_newer_database_is_refused(tmp_path):
    Store(tmp_path / "d")
    db = sqlite3.connect(tmp_path / "d" / store_module.DATABASE)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="phiên bản vbhc mới hơn"):
        Store(tmp_path / "d")


def test_a_data_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(StoreError, match="không tạo được thư mục dữ liệu"):
        Store(tmp_path / "f")


def test_nothing_is_lost_across_a_restart(runner, tmp_path):
    data = tmp_path / "data"
    with make_client(data, runner) as c:
        r = c.post("/kiem-tra", files={"file": upload(PARENT)}, follow_redirects=False)
        check = r.headers["location"]
        r = c.post("/kiem-tra", files={"file": upload(EVAL / "so-y-te-phan-i.txt"), "parent_file": upload(PARENT)},
                   follow_redirects=False)
        r = c.post("/thu-nhan", data={"title": "Đợt giữ lại", "parent": "nghe-an-2025", "expected_text": "Sở Y tế"},
                   follow_redirects=False)
        collection = r.headers["location"]
        c.post(collection + "/nop", files=[("files", upload(EVAL / "so-y-te-phan-i.txt"))])
        before = (c.get(check).text, wait_done(c, collection.rsplit("/", 1)[1]), c.get("/api/profiles").json())
    with make_client(data, runner) as c:  # a new process on the same folder
        after = (c.get(check).text, c.get(collection + "/bang").text, c.get("/api/profiles").json())
    assert after == before
    assert len(after[2]["profiles"]) == 2  # the bundled parent was not added twice


def test_pending_submission_left_by_a_stopped_process_is_checked(runner, tmp_path):
    data = tmp_path / "data"
    with make_client(data, runner) as c:
        r = c.post("/thu-nhan", data={"title": "Đợt", "parent": "nghe-an-2025", "expected_text": "Sở Y tế"},
                   follow_redirects=False)
        cid = r.headers["location"].rsplit("/", 1)[1]
    store = Store(data)
    stored = store.new_file(".txt")
    store.path(stored).write_bytes((EVAL / "so-y-te-phan-i.txt").read_bytes())
    sid = store.add_submission(cid, "so-y-te.txt", stored)
    with store.transaction() as db:  # as if a process had claimed it long ago and died
        db.execute("UPDATE submissions SET claimed = '2000-01-01T00:00:00+00:00' WHERE id = ?", (sid,))
    with make_client(data, runner) as c:
        table = wait_done(c, cid)
    assert 'id="so-chua-nop">0<' in table and 'id="so-da-nop">1<' in table
    row = store.submission(sid)
    assert row["state"] == "done" and '"status"' in row["row"]
