"""The builder's drafts: one per GPT, the edits not yet saved as a version.

A draft remembers the version it was edited from (`base_version`), so that saving it
later keeps what changed in the GPT meanwhile (knowledge files, hosts allowed during a
run): see `desktop.core.drafts`. Its action documents are kept once, by hash, as the
versions' are (see `documents`): a draft is rewritten as the user types.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from desktop.core import errors
from desktop.core.gpt import GptDefinition
from desktop.core.ids import now
from desktop.core.store.documents import Documents, stored_json
from desktop.core.store.scope import Scope

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    gpt_id: str
    base_version: int
    definition: GptDefinition
    updated_at: float


class DraftRepository:
    """Keep, read and discard the draft of each GPT."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def get(self, gpt_id: str) -> Draft | None:
        """The GPT's draft, or None. A draft this version cannot read is left alone, unused."""
        rows = self._scope.read("SELECT * FROM gpt_drafts WHERE gpt_id = ?", (gpt_id,))
        if not rows:
            return None
        try:
            return _draft(rows[0], Documents(self._scope))
        except (errors.ValidationError, errors.StoreCorruptError, ValueError) as exc:
            log.warning("the draft of %s cannot be read and is not used: %s", gpt_id, exc)
            return None

    def put(self, gpt_id: str, definition: GptDefinition, base_version: int) -> Draft:
        """Keep `definition` as the GPT's draft, replacing any earlier one."""
        at = now()
        with self._scope.write() as conn:
            conn.execute(
                "INSERT INTO gpt_drafts (gpt_id, base_version, definition, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (gpt_id) DO UPDATE SET "
                "base_version = excluded.base_version, definition = excluded.definition, "
                "updated_at = excluded.updated_at",
                (gpt_id, base_version, stored_json(conn, definition, at), at),
            )
        return Draft(gpt_id, base_version, definition, at)

    def discard(self, gpt_id: str) -> bool:
        """Drop the GPT's draft; False when it had none."""
        with self._scope.write() as conn:
            cursor = conn.execute("DELETE FROM gpt_drafts WHERE gpt_id = ?", (gpt_id,))
        return cursor.rowcount > 0


def _draft(row: sqlite3.Row, documents: Documents) -> Draft:
    return Draft(
        gpt_id=row["gpt_id"],
        base_version=row["base_version"],
        definition=documents.definition(row["definition"]),
        updated_at=row["updated_at"],
    )
