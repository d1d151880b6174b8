"""Knowledge files and their ingestion state (the chunks themselves live in LanceDB)."""

from __future__ import annotations

import builtins
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.core import errors
from desktop.core.ids import now
from desktop.core.store.records import dumps, from_row
from desktop.core.store.scope import Scope


@dataclass
class KnowledgeFile:
    """One file of a GPT's knowledge (or a thread's attachments) and how its ingestion went."""

    id: str
    owner: str
    name: str
    sha256: str
    size: int
    status: str
    pages: int
    chunks: int
    added_at: float
    updated_at: float
    error: dict[str, str] | None = None
    warnings: list[str] = field(default_factory=list)
    # Where the file came from when it was not added here: a capsule's name, author and
    # signer. Empty for the user's own files.
    origin: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_JSON = frozenset({"warnings", "error", "origin"})


class KnowledgeRepository:
    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def get(self, file_id: str) -> KnowledgeFile:
        rows = self._scope.read("SELECT * FROM knowledge_files WHERE id = ?", (file_id,))
        if not rows:
            raise errors.NotFoundError(
                errors.said("No knowledge file with id '{file_id}'.", file_id=file_id),
                errors.do(errors.Do.LIST_KNOWLEDGE),
            )
        return from_row(KnowledgeFile, rows[0], _JSON)

    def by_name(self, owner: str, name: str) -> KnowledgeFile | None:
        rows = self._scope.read(
            "SELECT * FROM knowledge_files WHERE owner = ? AND name = ?", (owner, name)
        )
        return from_row(KnowledgeFile, rows[0], _JSON) if rows else None

    def list(self, owner: str, status: str | None = None) -> builtins.list[KnowledgeFile]:
        sql = "SELECT * FROM knowledge_files WHERE owner = ?"
        params: tuple[object, ...] = (owner,)
        if status is not None:
            sql += " AND status = ?"
            params = (owner, status)
        rows = self._scope.read(sql + " ORDER BY added_at, rowid", params)
        return [from_row(KnowledgeFile, row, _JSON) for row in rows]

    def start(self, file: KnowledgeFile) -> None:
        """Record a file as being indexed (inserting it, or replacing the same name's row)."""
        with self._scope.write() as conn:
            conn.execute(
                "DELETE FROM knowledge_files WHERE owner = ? AND name = ?", (file.owner, file.name)
            )
            conn.execute(
                "INSERT INTO knowledge_files (id, owner, name, sha256, size, status, added_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, 'indexing', ?, ?)",
                (file.id, file.owner, file.name, file.sha256, file.size, file.added_at, now()),
            )

    def add_ready(self, file: KnowledgeFile) -> None:
        """Record a file whose chunks are already in the index (from a capsule's table)."""
        with self._scope.write() as conn:
            conn.execute(
                "INSERT INTO knowledge_files (id, owner, name, sha256, size, status, pages, "
                "chunks, warnings, origin, added_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 'ready', ?, ?, ?, ?, ?, ?)",
                (
                    file.id,
                    file.owner,
                    file.name,
                    file.sha256,
                    file.size,
                    file.pages,
                    file.chunks,
                    dumps(file.warnings),
                    dumps(file.origin),
                    file.added_at,
                    now(),
                ),
            )

    def set_origin(self, owner: str, origin: dict[str, Any]) -> None:
        """Say where every file of `owner` came from."""
        with self._scope.write() as conn:
            conn.execute(
                "UPDATE knowledge_files SET origin = ? WHERE owner = ?", (dumps(origin), owner)
            )

    def move(self, owner: str, to_owner: str) -> None:
        """Give every file of `owner` to `to_owner` (a staged import becoming a GPT's)."""
        with self._scope.write() as conn:
            conn.execute("UPDATE knowledge_files SET owner = ? WHERE owner = ?", (to_owner, owner))

    def remove_owner(self, owner: str) -> None:
        """Forget every file of `owner` (their chunks are the index's business)."""
        with self._scope.write() as conn:
            conn.execute("DELETE FROM knowledge_files WHERE owner = ?", (owner,))

    def finish(self, file_id: str, pages: int, chunks: int, warnings: builtins.list[str]) -> None:
        with self._scope.write() as conn:
            _set(
                conn,
                file_id,
                status="ready",
                pages=pages,
                chunks=chunks,
                warnings=dumps(warnings),
                error=None,
            )

    def fail(self, file_id: str, error: dict[str, str]) -> None:
        with self._scope.write() as conn:
            _set(conn, file_id, status="failed", error=dumps(error))

    def in_use(self, sha256: str) -> bool:
        """Whether any file of any owner still has this content (so its original stays)."""
        rows = self._scope.read("SELECT 1 FROM knowledge_files WHERE sha256 = ? LIMIT 1", (sha256,))
        return bool(rows)

    def remove(self, file_id: str) -> None:
        with self._scope.write() as conn:
            conn.execute("DELETE FROM knowledge_files WHERE id = ?", (file_id,))


def _set(conn: sqlite3.Connection, file_id: str, **fields: Any) -> None:
    assignments = ", ".join(f"{key} = ?" for key in fields)
    conn.execute(
        f"UPDATE knowledge_files SET {assignments}, updated_at = ? WHERE id = ?",
        (*fields.values(), now(), file_id),
    )
