"""SQLite persistence for GPTs, threads, messages, runs and run steps.

One convention for writing (see `scope.py`): `store.runs.update(run, ...)` is one
transaction; `with store.transaction() as tx: tx.runs.update(...); tx.threads.unlock(...)`
groups changes into one. No SQL runs outside this package.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from desktop.core.store.db import Database
from desktop.core.store.drafts import DraftRepository
from desktop.core.store.gpts import GptRepository
from desktop.core.store.knowledge import KnowledgeRepository
from desktop.core.store.runs import RunRepository
from desktop.core.store.scope import Scope
from desktop.core.store.threads import ThreadRepository


class Repositories:
    """The repositories, bound to one scope (the database, or one transaction)."""

    def __init__(self, scope: Scope) -> None:
        self.gpts = GptRepository(scope)
        self.threads = ThreadRepository(scope)
        self.runs = RunRepository(scope)
        self.knowledge = KnowledgeRepository(scope)
        self.drafts = DraftRepository(scope)


class Store(Repositories):
    """The open database and its repositories. Built once by the composition root."""

    def __init__(self, path: Path, busy_timeout_s: float = 5.0) -> None:
        self.db = Database(path, busy_timeout_s=busy_timeout_s)
        super().__init__(Scope(self.db))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Repositories]:
        """Repositories whose changes commit together, or not at all on an exception."""
        with self.db.transaction() as conn:
            yield Repositories(Scope(self.db, conn))

    def close(self) -> None:
        self.db.close()


__all__ = ["Repositories", "Store"]
