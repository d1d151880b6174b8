"""Numbered schema migrations. Append only: a released migration is never edited.

A migration is an SQL script, or a function given the open transaction's connection when
rows must be rewritten in Python.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable

from desktop.core.actiondocs import split_documents


def _documents_apart(conn: sqlite3.Connection) -> None:
    """6: action documents leave the versions and drafts for a table keyed by their hash.

    Knowledge files also get their origin (where an imported file came from).
    """
    conn.execute(
        "CREATE TABLE action_documents (sha256 TEXT PRIMARY KEY, text TEXT NOT NULL, "
        "size INTEGER NOT NULL, created_at REAL NOT NULL)"
    )
    conn.execute("ALTER TABLE knowledge_files ADD COLUMN origin TEXT NOT NULL DEFAULT '{}'")
    versions = conn.execute("SELECT rowid, definition FROM gpt_versions").fetchall()
    drafts = conn.execute("SELECT rowid, definition FROM gpt_drafts").fetchall()
    for table, rows in (("gpt_versions", versions), ("gpt_drafts", drafts)):
        for rowid, definition in rows:
            stored, documents = split_documents(json.loads(definition))
            if not documents:
                continue
            for digest, text in documents.items():
                conn.execute(
                    "INSERT OR IGNORE INTO action_documents (sha256, text, size, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    (digest, text, len(text.encode("utf-8")), time.time()),
                )
            conn.execute(
                f"UPDATE {table} SET definition = ? WHERE rowid = ?",  # one of two names
                (json.dumps(stored, sort_keys=True, ensure_ascii=False), rowid),
            )


MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    # 1: GPTs and their versions, threads, messages, runs and run steps.
    """
    CREATE TABLE gpts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        current_version INTEGER NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        deleted_at REAL
    );
    CREATE TABLE gpt_versions (
        gpt_id TEXT NOT NULL REFERENCES gpts(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        PRIMARY KEY (gpt_id, version)
    );
    CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        gpt_id TEXT NOT NULL REFERENCES gpts(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '',
        metadata TEXT NOT NULL DEFAULT '{}',
        active_run_id TEXT,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE INDEX threads_by_gpt ON threads(gpt_id, updated_at);
    CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL,
        attachments TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL,
        run_id TEXT,
        created_at REAL NOT NULL,
        completed_at REAL,
        UNIQUE (thread_id, seq)
    );
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        gpt_id TEXT NOT NULL REFERENCES gpts(id) ON DELETE CASCADE,
        gpt_version INTEGER NOT NULL,
        status TEXT NOT NULL,
        model TEXT NOT NULL,
        instructions TEXT NOT NULL,
        tool_choice TEXT NOT NULL,
        truncation_strategy TEXT NOT NULL,
        tools TEXT NOT NULL DEFAULT '[]',
        usage TEXT,
        timings TEXT NOT NULL DEFAULT '{}',
        last_error TEXT,
        required_action TEXT,
        incomplete_details TEXT,
        owner TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL,
        started_at REAL,
        completed_at REAL,
        cancelled_at REAL,
        failed_at REAL
    );
    CREATE INDEX runs_by_thread ON runs(thread_id, created_at);
    CREATE INDEX runs_by_status ON runs(status);
    CREATE TABLE run_steps (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        step_details TEXT NOT NULL,
        usage TEXT,
        timings TEXT NOT NULL DEFAULT '{}',
        last_error TEXT,
        created_at REAL NOT NULL,
        completed_at REAL,
        UNIQUE (run_id, seq)
    );
        """,
    # 2: knowledge files of a GPT or a thread, with their ingestion state.
    """
    CREATE TABLE knowledge_files (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('indexing', 'ready', 'failed')),
        pages INTEGER NOT NULL DEFAULT 0,
        chunks INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT '[]',
        error TEXT,
        added_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        UNIQUE (owner, name)
    );
    CREATE INDEX knowledge_files_by_owner ON knowledge_files(owner, status);
    """,
    # 3: the builder's draft of a GPT: edits not yet saved as a version, one per GPT.
    """
    CREATE TABLE gpt_drafts (
        gpt_id TEXT PRIMARY KEY REFERENCES gpts(id) ON DELETE CASCADE,
        base_version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    """,
    # 4: a run's metadata: the playground's overrides, and the run it repeats.
    """
    ALTER TABLE runs ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';
    """,
    # 5: a thread in the trash (deleted, can still be brought back), and the messages a
    # later run replaced (an edited question or a regenerated answer: kept for the
    # playground, left out of the conversation).
    """
    ALTER TABLE threads ADD COLUMN deleted_at REAL;
    ALTER TABLE messages ADD COLUMN superseded_by TEXT;
    """,
    # 6: action documents by hash, outside the versions; where a knowledge file came from.
    _documents_apart,
]
