"""What `vbhc serve` keeps: one SQLite database and the uploaded files beside it, under `--data`.

Nothing lives only in a server process's memory, so the server restarts without loss and several
worker processes can serve one address: every request reads what it needs from here. The
database runs in WAL mode (readers never wait for a writer) with a busy timeout; the schema is
created and upgraded by numbered migrations (`MIGRATIONS`, `PRAGMA user_version`), applied in one
immediate transaction, so two processes starting together migrate once.

Uploaded files are stored under names made here (`files/<random>.<kind>`): an officer's file
name is kept as text for display and never becomes part of a path.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vbhc.audit.agencies import Agency
from vbhc.errors import VbhcError

DATABASE = "vbhc-serve.sqlite3"
FILES = "files"
BUSY_MS = 10_000

# Each entry upgrades the schema by one version; never edit one that has shipped, add the next.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,          -- what the API's `parent` field names ("nghe-an-2025")
        label TEXT NOT NULL,                -- "Quyết định số 2228/QĐ-UBND ngày 15/07/2025 của …"
        bundled INTEGER NOT NULL DEFAULT 0,
        source_name TEXT,                   -- the officer's file name, for display only
        source_file TEXT,                   -- the stored parent plan (for a draft's tasks), or NULL
        profile_file TEXT NOT NULL,         -- the stored YAML profile
        view TEXT NOT NULL,                 -- the profile as the audit's result carries it (JSON)
        created TEXT NOT NULL
    );
    CREATE TABLE checks (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        stored TEXT NOT NULL,
        profile_id TEXT REFERENCES profiles(id),
        row TEXT NOT NULL,                  -- the file's row of the check JSON
        view TEXT NOT NULL,                 -- the parsed document, as the page draws it (JSON)
        seconds REAL,
        created TEXT NOT NULL
    );
    CREATE TABLE collections (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        profile_id TEXT NOT NULL REFERENCES profiles(id),
        created TEXT NOT NULL
    );
    CREATE TABLE expected (
        collection_id TEXT NOT NULL REFERENCES collections(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (collection_id, position)
    );
    CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        collection_id TEXT NOT NULL REFERENCES collections(id),
        name TEXT NOT NULL,
        stored TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
        claimed TEXT,                       -- when a process started checking it
        row TEXT,
        view TEXT,
        seconds REAL,
        uploaded TEXT NOT NULL
    );
    CREATE INDEX submissions_of ON submissions (collection_id, uploaded);
    CREATE TABLE outputs (
        owner TEXT NOT NULL,                -- a check's id
        kind TEXT NOT NULL,                 -- "annotated", "fixed"
        stored TEXT NOT NULL,
        note TEXT,
        created TEXT NOT NULL,
        PRIMARY KEY (owner, kind)
    );
    """,
    # an expected agency's short name ("STP", as its symbols write it) and level ("so", "xa", "tinh"),
    # as vbhc.audit.agencies reads a list (NULL: not given, or a collection made before)
    """
    ALTER TABLE expected ADD COLUMN short TEXT;
    ALTER TABLE expected ADD COLUMN level TEXT
    """,
]


class StoreError(VbhcError):
    """The data folder cannot be used (a database from a newer vbhc, a folder that cannot be written)."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_id() -> str:
    """An id nobody can guess: results and collections are reached by their link alone."""
    return secrets.token_urlsafe(12)


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    label: str
    bundled: bool
    source_name: str | None
    source_file: str | None
    profile_file: str
    view: dict[str, Any]


@dataclass(frozen=True)
class Submission:
    id: str
    name: str
    stored: str
    state: str
    row: dict[str, Any] | None
    view: dict[str, Any] | None
    uploaded: str


def _loads(text: str | None) -> Any:
    return json.loads(text) if text else None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    """The database and the files of one data folder."""

    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)
        self.files = self.root / FILES
        try:
            self.files.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.root}: không tạo được thư mục dữ liệu ({exc.strerror or exc})") from None
        self.database = self.root / DATABASE
        self.migrate()

    # --- the database --------------------------------------------------------------------

    def connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.database, timeout=BUSY_MS / 1000, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction (the write lock taken at the start), committed when the block ends."""
        db = self.connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        db = self.connect()
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def migrate(self) -> int:
        """Bring the schema up to date; the version it is at."""
        try:
            db = self.connect()
            db.execute("PRAGMA journal_mode = WAL")
            db.close()
            with self.transaction() as db:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > len(MIGRATIONS):
                    raise StoreError(f"{self.database}: cơ sở dữ liệu do phiên bản vbhc mới hơn tạo ra "
                                     f"(phiên bản {version}); hãy dùng vbhc mới hơn hoặc một thư mục --data khác")
                for number in range(version, len(MIGRATIONS)):
                    for statement in MIGRATIONS[number].split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {number + 1}")
                return len(MIGRATIONS)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.database}: không dùng được cơ sở dữ liệu ({exc})") from None

    # --- files ---------------------------------------------------------------------------

    def new_file(self, suffix: str) -> str:
        """A fresh stored name (`<random>.<suffix>`), relative to the data folder."""
        return f"{FILES}/{secrets.token_hex(16)}{suffix}"

    def path(self, stored: str) -> Path:
        """The file a stored name stands for (names made by `new_file` only)."""
        return self.root / stored

    # --- profiles ------------------------------------------------------------------------

    def add_profile(self, *, name: str, label: str, profile_file: str, view: dict[str, Any],
                    source_name: str | None = None, source_file: str | None = None, bundled: bool = False) -> Profile:
        """A stored profile under a name no other has; the bundled one only once, whichever
        process adds it first (the later one's files are dropped)."""
        with self.transaction() as db:
            first = db.execute("SELECT id FROM profiles WHERE bundled = 1").fetchone() if bundled else None
            if first is None:
                taken = {r[0] for r in db.execute("SELECT name FROM profiles")}
                unique = next(n for n in (name, *(f"{name}-{i}" for i in range(2, 10**6))) if n not in taken)
                pid = new_id()
                db.execute("INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           (pid, unique, label, int(bundled), source_name, source_file, profile_file, _dumps(view),
                            now()))
            else:
                pid = first[0]
        if first is not None:
            for stored in (profile_file, source_file):
                if stored:
                    self.path(stored).unlink(missing_ok=True)
        found = self.profile(pid)
        assert found is not None
        return found

    @staticmethod
    def _profile(r: sqlite3.Row) -> Profile:
        return Profile(r["id"], r["name"], r["label"], bool(r["bundled"]), r["source_name"], r["source_file"],
                       r["profile_file"], json.loads(r["view"]))

    def profiles(self) -> list[Profile]:
        return [self._profile(r) for r in self.query("SELECT * FROM profiles ORDER BY bundled DESC, created")]

    def profile(self, key: str) -> Profile | None:
        """A profile by its id or its name."""
        rows = self.query("SELECT * FROM profiles WHERE id = ? OR name = ?", (key, key))
        return self._profile(rows[0]) if rows else None

    def bundled_profile(self) -> Profile | None:
        rows = self.query("SELECT * FROM profiles WHERE bundled = 1 ORDER BY created LIMIT 1")
        return self._profile(rows[0]) if rows else None

    # --- checks --------------------------------------------------------------------------

    def add_check(self, *, name: str, stored: str, profile_id: str | None, row: dict[str, Any],
                  view: dict[str, Any], seconds: float) -> str:
        cid = new_id()
        with self.transaction() as db:
            db.execute("INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (cid, name, stored, profile_id, _dumps(row), _dumps(view), seconds, now()))
        return cid

    def check(self, cid: str) -> sqlite3.Row | None:
        rows = self.query("SELECT * FROM checks WHERE id = ?", (cid,))
        return rows[0] if rows else None

    def output(self, owner: str, kind: str) -> sqlite3.Row | None:
        rows = self.query("SELECT * FROM outputs WHERE owner = ? AND kind = ?", (owner, kind))
        return rows[0] if rows else None

    def add_output(self, owner: str, kind: str, stored: str, note: str | None) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)", (owner, kind, stored, note, now()))

    # --- collections ---------------------------------------------------------------------

    def add_collection(self, title: str, profile_id: str, expected: list[Agency]) -> str:
        cid = new_id()
        with self.transaction() as db:
            db.execute("INSERT INTO collections VALUES (?, ?, ?, ?)", (cid, title, profile_id, now()))
            db.executemany("INSERT INTO expected (collection_id, position, name, short, level) VALUES (?, ?, ?, ?, ?)",
                           [(cid, i, a.name, a.short, a.level) for i, a in enumerate(expected)])
        return cid

    def collections(self) -> list[sqlite3.Row]:
        return self.query(
            "SELECT c.*, p.label AS parent,"
            " (SELECT COUNT(*) FROM submissions s WHERE s.collection_id = c.id) AS received,"
            " (SELECT COUNT(*) FROM expected e WHERE e.collection_id = c.id) AS due"
            " FROM collections c JOIN profiles p ON p.id = c.profile_id ORDER BY c.created DESC")

    def collection(self, cid: str) -> sqlite3.Row | None:
        rows = self.query("SELECT * FROM collections WHERE id = ?", (cid,))
        return rows[0] if rows else None

    def expected(self, cid: str) -> list[Agency]:
        return [Agency(name=r["name"], short=r["short"], level=r["level"], line=r["position"] + 1)
                for r in self.query("SELECT * FROM expected WHERE collection_id = ? ORDER BY position", (cid,))]

    def add_submission(self, collection_id: str, name: str, stored: str) -> str:
        sid = new_id()
        with self.transaction() as db:
            db.execute("INSERT INTO submissions (id, collection_id, name, stored, state, claimed, uploaded) "
                       "VALUES (?, ?, ?, ?, 'pending', ?, ?)", (sid, collection_id, name, stored, now(), now()))
        return sid

    def finish_submission(self, sid: str, row: dict[str, Any], view: dict[str, Any], seconds: float) -> None:
        with self.transaction() as db:
            db.execute("UPDATE submissions SET state = 'done', row = ?, view = ?, seconds = ? WHERE id = ?",
                       (_dumps(row), _dumps(view), seconds, sid))

    def claim_stale(self, older_than_s: float, collection_id: str | None = None) -> list[sqlite3.Row]:
        """Submissions left pending by a process that stopped (claimed longer ago than a check can
        take): claimed again by this process, to be checked."""
        cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=older_than_s)).isoformat(timespec="seconds")
        stale = ("SELECT * FROM submissions WHERE state = 'pending' AND claimed < ? "
                 "AND (? IS NULL OR collection_id = ?)")
        if not self.query(stale, (cutoff, collection_id, collection_id)):
            return []  # the usual case, answered without taking the write lock
        with self.transaction() as db:
            rows = db.execute(stale, (cutoff, collection_id, collection_id)).fetchall()
            db.executemany("UPDATE submissions SET claimed = ? WHERE id = ?", [(now(), r["id"]) for r in rows])
        return rows

    def submissions(self, cid: str) -> list[Submission]:
        return [Submission(r["id"], r["name"], r["stored"], r["state"], _loads(r["row"]), _loads(r["view"]),
                           r["uploaded"])
                for r in self.query("SELECT * FROM submissions WHERE collection_id = ? ORDER BY uploaded, rowid",
                                    (cid,))]

    def submission(self, sid: str) -> sqlite3.Row | None:
        rows = self.query("SELECT * FROM submissions WHERE id = ?", (sid,))
        return rows[0] if rows else None
