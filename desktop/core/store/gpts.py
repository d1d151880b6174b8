"""GPTs and their versions: every save is a new version; old ones can be restored.

A version stores its definition without the action documents: those are kept once each,
by hash (see `documents`), and put back on reading.
"""

from __future__ import annotations

import builtins
import sqlite3

from desktop.core import errors
from desktop.core.gpt import GptDefinition, diff_definitions
from desktop.core.ids import new_id, now
from desktop.core.store.documents import Documents, stored_json
from desktop.core.store.records import Gpt, GptVersion
from desktop.core.store.scope import Scope


class GptRepository:
    """Create, read, save (as a new version), soft-delete and restore GPTs."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def create(
        self, definition: GptDefinition, note: str = "created", gpt_id: str | None = None
    ) -> Gpt:
        """A new GPT at version 1; with a new id unless `gpt_id` (one not taken) is given."""
        gpt_id = gpt_id or new_id("gpt")
        at = now()
        with self._scope.write() as conn:
            conn.execute(
                "INSERT INTO gpts (id, name, current_version, created_at, updated_at) "
                "VALUES (?, ?, 1, ?, ?)",
                (gpt_id, definition.name, at, at),
            )
            _insert_version(conn, gpt_id, 1, definition, note, at)
        return Gpt(gpt_id, 1, definition, at, at)

    def get(self, gpt_id: str, include_deleted: bool = False) -> Gpt:
        rows = self._scope.read(
            "SELECT g.*, v.definition FROM gpts g JOIN gpt_versions v "
            "ON v.gpt_id = g.id AND v.version = g.current_version WHERE g.id = ?",
            (gpt_id,),
        )
        if not rows or (rows[0]["deleted_at"] is not None and not include_deleted):
            raise errors.UnknownGptError(gpt_id)
        return self._gpt(rows[0])

    def exists(self, gpt_id: str) -> bool:
        """Whether the id is taken, by a GPT in the library or in the trash."""
        return bool(self._scope.read("SELECT 1 FROM gpts WHERE id = ?", (gpt_id,)))

    def list(self, include_deleted: bool = False) -> builtins.list[Gpt]:
        where = "" if include_deleted else "WHERE g.deleted_at IS NULL"
        rows = self._scope.read(
            "SELECT g.*, v.definition FROM gpts g JOIN gpt_versions v "
            f"ON v.gpt_id = g.id AND v.version = g.current_version {where} "
            "ORDER BY g.updated_at DESC"
        )
        return [self._gpt(row) for row in rows]

    def save(self, gpt_id: str, definition: GptDefinition, note: str = "") -> Gpt:
        """Store `definition` as the GPT's next version; an unchanged definition is a no-op."""
        current = self.get(gpt_id)
        if current.definition == definition:
            return current
        at = now()
        with self._scope.write() as conn:
            version = _next_version(conn, gpt_id)
            _insert_version(conn, gpt_id, version, definition, note, at)
            conn.execute(
                "UPDATE gpts SET name = ?, current_version = ?, updated_at = ? WHERE id = ?",
                (definition.name, version, at, gpt_id),
            )
        return Gpt(gpt_id, version, definition, current.created_at, at)

    def versions(self, gpt_id: str) -> builtins.list[GptVersion]:
        self.get(gpt_id, include_deleted=True)
        rows = self._scope.read(
            "SELECT * FROM gpt_versions WHERE gpt_id = ? ORDER BY version", (gpt_id,)
        )
        return [self._version(row) for row in rows]

    def version(self, gpt_id: str, version: int) -> GptVersion:
        rows = self._scope.read(
            "SELECT * FROM gpt_versions WHERE gpt_id = ? AND version = ?", (gpt_id, version)
        )
        if not rows:
            self.get(gpt_id, include_deleted=True)
            raise errors.UnknownVersionError(
                errors.said(
                    "GPT {gpt_id} has no version {version}.", gpt_id=gpt_id, version=version
                ),
                errors.do(errors.Do.LIST_GPT_VERSIONS, gpt_id=gpt_id),
            )
        return self._version(rows[0])

    def diff(self, gpt_id: str, old: int, new: int) -> builtins.list[dict[str, object]]:
        return diff_definitions(
            self.version(gpt_id, old).definition, self.version(gpt_id, new).definition
        )

    def restore(self, gpt_id: str, version: int) -> Gpt:
        """Make an old version current again, as a new version (history is never rewritten)."""
        old = self.version(gpt_id, version)
        return self.save(gpt_id, old.definition, note=f"restored version {version}")

    def delete(self, gpt_id: str) -> None:
        """Move a GPT to the trash; `undelete` brings it back with its threads."""
        self.get(gpt_id)
        with self._scope.write() as conn:
            conn.execute("UPDATE gpts SET deleted_at = ? WHERE id = ?", (now(), gpt_id))

    def document(self, digest: str) -> str:
        """An action document's text by its hash."""
        return Documents(self._scope).text(digest)

    def _definition(self, text: str) -> GptDefinition:
        return Documents(self._scope).definition(text)

    def _gpt(self, row: sqlite3.Row) -> Gpt:
        return Gpt(
            id=row["id"],
            version=row["current_version"],
            definition=self._definition(row["definition"]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            deleted_at=row["deleted_at"],
        )

    def _version(self, row: sqlite3.Row) -> GptVersion:
        return GptVersion(
            gpt_id=row["gpt_id"],
            version=row["version"],
            definition=self._definition(row["definition"]),
            note=row["note"],
            created_at=row["created_at"],
        )

    def undelete(self, gpt_id: str) -> Gpt:
        self.get(gpt_id, include_deleted=True)
        with self._scope.write() as conn:
            conn.execute("UPDATE gpts SET deleted_at = NULL WHERE id = ?", (gpt_id,))
        return self.get(gpt_id)


def _insert_version(
    conn: sqlite3.Connection,
    gpt_id: str,
    version: int,
    definition: GptDefinition,
    note: str,
    at: float,
) -> None:
    conn.execute(
        "INSERT INTO gpt_versions (gpt_id, version, definition, note, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (gpt_id, version, stored_json(conn, definition, at), note, at),
    )


def _next_version(conn: sqlite3.Connection, gpt_id: str) -> int:
    row = conn.execute(
        "SELECT MAX(version) FROM gpt_versions WHERE gpt_id = ?", (gpt_id,)
    ).fetchone()
    return int(row[0] or 0) + 1
