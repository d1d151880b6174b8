"""The SQLite database: opening, migrations, transactions and error mapping.

One connection per `Database`, shared by the threads of one process under a lock; WAL
mode lets other processes (the CLI beside the GUI) read and write too. Nothing here ever
deletes, recreates or overwrites a database file: a corrupt, newer or locked database is
reported as a typed error and left exactly as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.core import errors
from desktop.core.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
_SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise errors.StoreCorruptError(
            errors.said(
                "{path} is not a Capsule Studio database (the file is damaged or is something "
                "else). It was left untouched: move it aside and start the app again to create "
                "a new one, or restore it from a backup.",
                path=path,
            )
        )


class Database:
    """An open, migrated database. Use `transaction()` for every change."""

    def __init__(self, path: Path, busy_timeout_s: float = 5.0) -> None:
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_header(path)
        try:
            self._conn = sqlite3.connect(
                str(path),
                timeout=busy_timeout_s,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise self._translate(exc) from None
        self._conn.row_factory = sqlite3.Row
        try:
            self._configure()
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- setup ---------------------------------------------------------------------------

    def _configure(self) -> None:
        with self._mapped_errors():
            self._conn.execute("PRAGMA foreign_keys = ON")
            # Check before switching to WAL: the switch rewrites the header of a database in
            # rollback-journal mode, and a damaged or newer file must be left as it was.
            result = self._conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise errors.StoreCorruptError(_damaged(self.path, result))
            self._refuse_newer()
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise errors.StoreError(
                    errors.said(
                        "{path} could not be switched to WAL mode (got {mode}); "
                        "keep the data folder on a local disk.",
                        path=self.path,
                        mode=mode,
                    )
                )
            self._conn.execute("PRAGMA synchronous = NORMAL")

    def _refuse_newer(self) -> None:
        """Raise `StoreTooNewError` for a newer schema, reading only."""
        table = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if table is not None:
            current = self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
            if (current or 0) > SCHEMA_VERSION:
                raise self._too_new(current)

    def _too_new(self, current: int) -> errors.StoreTooNewError:
        return errors.StoreTooNewError(
            errors.said(
                "{path} was written by a newer Capsule Studio (schema {current}; this "
                "version understands up to {known}). Update Capsule Studio to "
                "open it; the file was not changed.",
                path=self.path,
                current=current,
                known=SCHEMA_VERSION,
            )
        )

    def _migrate(self) -> None:
        with self.transaction() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER NOT NULL, applied_at REAL NOT NULL)"
            )
            row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = row[0] or 0
            if current > SCHEMA_VERSION:
                raise self._too_new(current)
            for number in range(current + 1, SCHEMA_VERSION + 1):
                migration = MIGRATIONS[number - 1]
                if isinstance(migration, str):
                    for statement in _statements(migration):
                        conn.execute(statement)
                else:
                    migration(conn)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (number, time.time()),
                )

    # -- use -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change: commits on success, rolls back on any exception."""
        with self._lock, self._mapped_errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read rows outside any write transaction."""
        with self._lock, self._mapped_errors():
            return self._conn.execute(sql, params).fetchall()

    def trace(self, callback: Callable[[str], None] | None) -> None:
        """Call `callback` with each SQL statement run from now on (None stops it).

        For tests and benchmarks that count what the store does.
        """
        with self._lock:
            self._conn.set_trace_callback(callback)

    def schema_version(self) -> int:
        return int(self.query("SELECT MAX(version) FROM schema_version")[0][0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- errors --------------------------------------------------------------------------

    @contextlib.contextmanager
    def _mapped_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self._translate(exc) from exc
        except UnicodeEncodeError as exc:  # a name from bytes that are not UTF-8
            raw = exc.object.encode("utf-8", "surrogateescape")
            shown = raw.decode("utf-8", "backslashreplace")
            raise errors.ValidationError(
                errors.said(
                    "'{text}' is not valid UTF-8 text, so it names nothing here and cannot be "
                    "stored: check how it was typed, or rename the file to a UTF-8 name.",
                    text=shown,
                )
            ) from None

    def _translate(self, exc: sqlite3.Error) -> errors.CapsuleError:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return errors.StoreLockedError(
                errors.said(
                    "The database {path} is locked by another program (another Capsule "
                    "Studio window or a `capsule` command still running?). Close it and try "
                    "again.",
                    path=self.path,
                )
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return errors.StoreCorruptError(_damaged(self.path, exc))
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return errors.StoreError(
                errors.said(
                    "Cannot write to {path} ({reason}). Check the folder's permissions and "
                    "free disk space.",
                    path=self.path,
                    reason=exc,
                )
            )
        return errors.StoreError(
            errors.said("Database error in {path}: {reason}", path=self.path, reason=exc)
        )


def _damaged(path: Path, reason: object) -> errors.Said:
    return errors.said(
        "{path} is damaged ({reason}). It was left untouched: restore a backup, or move it "
        "aside to start with an empty database.",
        path=path,
        reason=reason,
    )


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our DDL)."""
    return [part.strip() for part in script.split(";") if part.strip()]
