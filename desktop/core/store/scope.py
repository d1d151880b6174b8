"""Where a repository's statements run: the database, or one open transaction.

The store's one convention: every repository method that changes something is written
once, against a `Scope`. A repository from `store.gpts` (or `.threads`, `.runs`,
`.knowledge`) is bound to the database, so each such call is its own transaction; the
same repositories from `with store.transaction() as tx:` are bound to that transaction,
so `tx.runs.update(...)` and `tx.threads.unlock(...)` commit or roll back together.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from desktop.core.store.db import Database


class Scope:
    """The database, or (with `conn`) one transaction already open on it.

    Used on whichever thread calls the repository; the database's lock serialises them.
    """

    def __init__(self, db: Database, conn: sqlite3.Connection | None = None) -> None:
        self.db = db
        self._conn = conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A connection to change rows on: the open transaction's, or a new transaction."""
        if self._conn is not None:
            yield self._conn
            return
        with self.db.transaction() as conn:
            yield conn

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows, seen from the open transaction when there is one."""
        if self._conn is not None:
            return self._conn.execute(sql, params).fetchall()
        return self.db.query(sql, params)
