"""SQLite persistence for GPTs, threads, messages, runs and run steps."""

from __future__ import annotations

from pathlib import Path

from desktop.core.store.db import Database
from desktop.core.store.gpts import GptRepository
from desktop.core.store.knowledge import KnowledgeRepository
from desktop.core.store.runs import RunRepository
from desktop.core.store.threads import ThreadRepository


class Store:
    """The open database and its repositories. Built once by the composition root."""

    def __init__(self, path: Path, busy_timeout_s: float = 5.0) -> None:
        self.db = Database(path, busy_timeout_s=busy_timeout_s)
        self.gpts = GptRepository(self.db)
        self.threads = ThreadRepository(self.db)
        self.runs = RunRepository(self.db)
        self.knowledge = KnowledgeRepository(self.db)

    def close(self) -> None:
        self.db.close()


__all__ = ["Store"]
