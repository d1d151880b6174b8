"""Action documents kept once each, by hash, for the GPTs' versions and drafts.

A definition is stored without its documents (see `desktop.core.actiondocs`): writing one
adds its documents to `action_documents` (a document already there is not written again),
and reading one puts them back. Used inside the store only, on the caller's thread.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict

from desktop.core import errors
from desktop.core.actiondocs import join_documents, split_documents
from desktop.core.gpt import GptDefinition, validate_definition
from desktop.core.store.records import loads
from desktop.core.store.scope import Scope

# Parsed definitions reread the same few documents; by hash they can never go stale.
_CACHED_CHARS = 64 * 1024 * 1024
_CACHE: OrderedDict[str, str] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def stored_json(conn: sqlite3.Connection, definition: GptDefinition, at: float) -> str:
    """The definition as stored (its documents by hash), its documents written meanwhile."""
    stored, documents = split_documents(definition.model_dump(mode="json"))
    for digest, text in documents.items():
        conn.execute(
            "INSERT OR IGNORE INTO action_documents (sha256, text, size, created_at) "
            "VALUES (?, ?, ?, ?)",
            (digest, text, len(text.encode("utf-8")), at),
        )
    return json.dumps(stored, sort_keys=True, ensure_ascii=False)


class Documents:
    """Reads stored definitions back whole, documents included."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def text(self, digest: str) -> str:
        """An action document's text by its hash."""
        with _CACHE_LOCK:
            if digest in _CACHE:
                _CACHE.move_to_end(digest)
                return _CACHE[digest]
        rows = self._scope.read("SELECT text FROM action_documents WHERE sha256 = ?", (digest,))
        if not rows:
            raise errors.StoreCorruptError(
                errors.said(
                    "An action document ({digest}) is missing from the database. Restore a "
                    "backup, or import the action again.",
                    digest=digest[:12],
                )
            )
        text = str(rows[0]["text"])
        with _CACHE_LOCK:
            _CACHE[digest] = text
            while sum(map(len, _CACHE.values())) > _CACHED_CHARS and len(_CACHE) > 1:
                _CACHE.popitem(last=False)
        return text

    def definition(self, stored: str) -> GptDefinition:
        """A stored definition (JSON text), whole and validated."""
        return validate_definition(join_documents(loads(stored), self.text))
