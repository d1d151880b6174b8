"""Tests for desktop/core/store/db.py: pragmas, migrations, damaged, newer and locked files."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.gpt import validate_definition
from desktop.core.store import Store, db
from desktop.core.store.db import SCHEMA_VERSION, Database
from desktop.core.store.migrations import MIGRATIONS

TABLES = {"gpts", "gpt_versions", "threads", "messages", "runs", "run_steps", "schema_version"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(database: Database) -> set[str]:
    rows = database.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row["name"] for row in rows}


def filled_database(path: Path, gpts: int = 40) -> Path:
    """A real database of several pages, closed so its WAL is checkpointed."""
    store = Store(path)
    for i in range(gpts):
        store.gpts.create(validate_definition({"name": f"GPT {i}", "instructions": "x" * 2000}))
    store.close()
    return path


def rollback_journal_database(path: Path, schema: int) -> Path:
    """A database written without WAL (by another tool, or an app of another version)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at REAL NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (?, 0)", (schema,))
    conn.commit()
    conn.close()
    return path


# -- opening and migrations ------------------------------------------------------------------


def test_new_database_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = Database(tmp_path / "new.db")
    try:
        assert database.query("PRAGMA journal_mode")[0][0] == "wal"
        assert database.query("PRAGMA foreign_keys")[0][0] == 1
    finally:
        database.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(errors.StoreError, match="FOREIGN KEY"), store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO threads (id, gpt_id, created_at, updated_at) VALUES ('t', 'nope', 0, 0)"
        )

    assert store.db.query("SELECT COUNT(*) FROM threads")[0][0] == 0


def test_new_database_has_every_table_and_the_current_schema(tmp_path: Path) -> None:
    database = Database(tmp_path / "new.db")
    try:
        assert tables(database) >= TABLES
        assert database.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)
        rows = database.query("SELECT version FROM schema_version ORDER BY version")
        assert [row[0] for row in rows] == list(range(1, SCHEMA_VERSION + 1))
    finally:
        database.close()


def test_missing_parent_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "capsule.db"

    Database(path).close()

    assert path.is_file()


def test_reopening_applies_no_migration_twice_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "capsule.db"
    first = Store(path)
    gpt = first.gpts.create(validate_definition({"name": "Kept"}))
    applied = first.db.query("SELECT version, applied_at FROM schema_version")
    first.close()

    for _ in range(3):
        again = Store(path)
        try:
            rows = again.db.query("SELECT version, applied_at FROM schema_version")
            assert [tuple(r) for r in rows] == [tuple(r) for r in applied]
            assert again.gpts.get(gpt.id).name == "Kept"
        finally:
            again.close()


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "capsule.db"
    path.touch()

    database = Database(path)
    try:
        assert database.schema_version() == SCHEMA_VERSION
    finally:
        database.close()


def test_an_older_database_gets_only_the_new_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "capsule.db"
    Database(path).close()
    monkeypatch.setattr(db, "MIGRATIONS", [*MIGRATIONS, "CREATE TABLE extra (x INTEGER)"])
    monkeypatch.setattr(db, "SCHEMA_VERSION", len(MIGRATIONS) + 1)

    database = Database(path)
    try:
        assert database.schema_version() == len(MIGRATIONS) + 1
        assert "extra" in tables(database)
        versions = [r[0] for r in database.query("SELECT version FROM schema_version")]
        assert versions == list(range(1, len(MIGRATIONS) + 2))
    finally:
        database.close()


def test_a_failing_migration_leaves_the_database_at_its_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "capsule.db"
    Database(path).close()
    broken = "CREATE TABLE extra (x INTEGER); CREATE TABLE gpts (y INTEGER)"
    monkeypatch.setattr(db, "MIGRATIONS", [*MIGRATIONS, broken])
    monkeypatch.setattr(db, "SCHEMA_VERSION", len(MIGRATIONS) + 1)

    with pytest.raises(errors.StoreError, match="already exists"):
        Database(path)

    monkeypatch.undo()
    database = Database(path)
    try:
        assert database.schema_version() == len(MIGRATIONS)
        assert "extra" not in tables(database)
    finally:
        database.close()


# -- files that must be left alone -----------------------------------------------------------


def test_newer_schema_is_refused_and_the_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "capsule.db"
    database = Database(path)
    with database.transaction() as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 0)", (SCHEMA_VERSION + 1,))
    database.close()
    before = sha256(path)

    with pytest.raises(errors.StoreTooNewError) as caught:
        Store(path)

    assert sha256(path) == before
    message = caught.value.message
    assert str(path) in message
    assert f"schema {SCHEMA_VERSION + 1}" in message
    assert "Update Capsule Studio" in message
    assert caught.value.code == "store_too_new"


def test_newer_schema_in_rollback_journal_mode_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = rollback_journal_database(tmp_path / "capsule.db", SCHEMA_VERSION + 5)
    before = sha256(path)

    with pytest.raises(errors.StoreTooNewError):
        Store(path)

    assert sha256(path) == before


def test_refusing_a_newer_database_does_not_lock_it(tmp_path: Path) -> None:
    path = rollback_journal_database(tmp_path / "capsule.db", SCHEMA_VERSION + 1)
    with pytest.raises(errors.StoreTooNewError):
        Store(path)

    conn = sqlite3.connect(path, timeout=0)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 64,
        b"\x00" * 4096,
        b"Hello, this is not a database.\n" * 100,
        b"SQLite format 2\x00" + b"\x00" * 4080,
    ],
    ids=["binary", "zeros", "text", "almost-header"],
)
def test_garbage_file_is_refused_as_corrupt_and_unchanged(tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "capsule.db"
    path.write_bytes(content)
    before = sha256(path)

    with pytest.raises(errors.StoreCorruptError) as caught:
        Store(path)

    assert sha256(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["capsule.db"]
    assert str(path) in caught.value.message
    assert "left untouched" in caught.value.message


@pytest.mark.parametrize(
    "keep", [100, 4096, 0.5, -4096], ids=["100B", "1page", "half", "last-page-cut"]
)
def test_truncated_database_is_refused_and_unchanged(tmp_path: Path, keep: float) -> None:
    data = filled_database(tmp_path / "full.db").read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    path = tmp_path / "capsule.db"
    path.write_bytes(data[:cut])
    before = sha256(path)

    with pytest.raises(errors.StoreError) as caught:
        Store(path)

    assert sha256(path) == before
    assert isinstance(caught.value, errors.StoreCorruptError)
    assert str(path) in caught.value.message


def test_truncated_rollback_journal_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    full = tmp_path / "full.db"
    conn = sqlite3.connect(full)
    conn.execute("CREATE TABLE filler (x TEXT)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("y" * 1000,) for _ in range(200)])
    conn.commit()
    conn.close()
    path = tmp_path / "capsule.db"
    path.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    before = sha256(path)

    with pytest.raises(errors.StoreCorruptError):
        Store(path)

    assert sha256(path) == before


# -- locks held by another process -----------------------------------------------------------


LOCKER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    print("LOCKED", flush=True)
    time.sleep(60)
    """
)


@contextmanager
def locked_by_another_process(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` from a separate Python process."""
    with subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            assert proc.stdout is not None
            marker = proc.stdout.readline().strip()
            assert marker == "LOCKED", proc.stderr.read() if proc.stderr else marker
            yield
        finally:
            proc.kill()
            proc.wait()


def test_opening_a_database_locked_by_another_process_raises_locked(tmp_path: Path) -> None:
    path = tmp_path / "capsule.db"
    Database(path).close()

    with locked_by_another_process(path):
        started = time.monotonic()
        with pytest.raises(errors.StoreLockedError) as caught:
            Store(path, busy_timeout_s=0.3)
        elapsed = time.monotonic() - started

    assert elapsed < 5.0
    assert str(path) in caught.value.message
    assert "locked by another program" in caught.value.message


def test_opening_a_locked_rollback_journal_database_raises_locked(tmp_path: Path) -> None:
    path = rollback_journal_database(tmp_path / "capsule.db", 1)

    with locked_by_another_process(path), pytest.raises(errors.StoreLockedError):
        Store(path, busy_timeout_s=0.3)


def test_writing_while_another_process_holds_the_lock_raises_locked(tmp_path: Path) -> None:
    path = tmp_path / "capsule.db"
    store = Store(path, busy_timeout_s=0.3)
    try:
        with locked_by_another_process(path):
            started = time.monotonic()
            with pytest.raises(errors.StoreLockedError):
                store.gpts.create(validate_definition({"name": "Blocked"}))
            elapsed = time.monotonic() - started
            assert store.gpts.list() == []

        assert 0.2 <= elapsed < 5.0
        created = store.gpts.create(validate_definition({"name": "After"}))
        assert [g.id for g in store.gpts.list()] == [created.id]
    finally:
        store.close()


# -- transactions ----------------------------------------------------------------------------


def test_transaction_rolls_back_every_write_on_exception(store: Store) -> None:
    with pytest.raises(RuntimeError, match="boom"), store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO gpts (id, name, current_version, created_at, updated_at) "
            "VALUES ('g1', 'one', 1, 0, 0)"
        )
        conn.execute(
            "INSERT INTO gpt_versions (gpt_id, version, definition, created_at) "
            "VALUES ('g1', 1, '{}', 0)"
        )
        raise RuntimeError("boom")

    assert store.db.query("SELECT COUNT(*) FROM gpts")[0][0] == 0
    assert store.db.query("SELECT COUNT(*) FROM gpt_versions")[0][0] == 0


def test_sql_error_mid_transaction_rolls_back_and_maps_to_store_error(store: Store) -> None:
    with pytest.raises(errors.StoreError), store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO gpts (id, name, current_version, created_at, updated_at) "
            "VALUES ('g1', 'one', 1, 0, 0)"
        )
        conn.execute("INSERT INTO no_such_table VALUES (1)")

    assert store.db.query("SELECT COUNT(*) FROM gpts")[0][0] == 0


def test_database_is_usable_after_a_rolled_back_transaction(store: Store) -> None:
    with pytest.raises(KeyError), store.db.transaction():
        raise KeyError("x")

    created = store.gpts.create(validate_definition({"name": "Next"}))

    assert store.gpts.get(created.id).name == "Next"


def test_committed_transaction_is_visible_to_another_connection(store: Store) -> None:
    with store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO gpts (id, name, current_version, created_at, updated_at) "
            "VALUES ('g1', 'one', 1, 0, 0)"
        )

    other = sqlite3.connect(store.db.path)
    try:
        assert other.execute("SELECT name FROM gpts").fetchall() == [("one",)]
    finally:
        other.close()
