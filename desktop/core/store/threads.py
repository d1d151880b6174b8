"""Threads, their messages, and the per-thread run lock."""

from __future__ import annotations

import builtins
import sqlite3
from typing import Any

from desktop.core import errors
from desktop.core.ids import new_id, now
from desktop.core.store.db import Database
from desktop.core.store.records import Message, Thread, dumps, from_row

TITLE_LENGTH = 60


class ThreadRepository:
    """Threads and messages. The run lock lives on the thread row (`active_run_id`)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- threads -------------------------------------------------------------------------

    def create(
        self, gpt_id: str, title: str = "", conn: sqlite3.Connection | None = None
    ) -> Thread:
        thread = Thread(new_id("thread"), gpt_id, title[:TITLE_LENGTH], {}, None, now(), now())
        sql = (
            "INSERT INTO threads (id, gpt_id, title, metadata, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)"
        )
        params = (thread.id, gpt_id, thread.title, "{}", thread.created_at, thread.updated_at)
        if conn is not None:
            conn.execute(sql, params)
        else:
            with self._db.transaction() as tx:
                tx.execute(sql, params)
        return thread

    def get(self, thread_id: str) -> Thread:
        rows = self._db.query("SELECT * FROM threads WHERE id = ?", (thread_id,))
        if not rows:
            raise errors.UnknownThreadError(thread_id)
        return _thread(rows[0])

    def list(self, gpt_id: str | None = None) -> builtins.list[Thread]:
        if gpt_id is None:
            rows = self._db.query("SELECT * FROM threads ORDER BY updated_at DESC")
        else:
            rows = self._db.query(
                "SELECT * FROM threads WHERE gpt_id = ? ORDER BY updated_at DESC", (gpt_id,)
            )
        return [_thread(row) for row in rows]

    def lock(self, conn: sqlite3.Connection, thread_id: str, run_id: str) -> None:
        """Claim the thread for `run_id` inside the caller's transaction."""
        updated = conn.execute(
            "UPDATE threads SET active_run_id = ?, updated_at = ? "
            "WHERE id = ? AND active_run_id IS NULL",
            (run_id, now(), thread_id),
        ).rowcount
        if updated == 0:
            row = conn.execute(
                "SELECT active_run_id FROM threads WHERE id = ?", (thread_id,)
            ).fetchone()
            if row is None:
                raise errors.UnknownThreadError(thread_id)
            raise errors.ThreadBusyError(thread_id, row["active_run_id"])

    @staticmethod
    def unlock(conn: sqlite3.Connection, thread_id: str, run_id: str) -> None:
        conn.execute(
            "UPDATE threads SET active_run_id = NULL WHERE id = ? AND active_run_id = ?",
            (thread_id, run_id),
        )

    # -- messages ------------------------------------------------------------------------

    @staticmethod
    def add_message(
        conn: sqlite3.Connection,
        thread_id: str,
        role: str,
        content: builtins.list[dict[str, Any]],
        status: str,
        run_id: str | None = None,
        attachments: builtins.list[dict[str, Any]] | None = None,
    ) -> Message:
        row = conn.execute(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE thread_id = ?", (thread_id,)
        ).fetchone()
        at = now()
        message = Message(
            id=new_id("message"),
            thread_id=thread_id,
            seq=int(row[0]),
            role=role,
            content=content,
            status=status,
            run_id=run_id,
            created_at=at,
            completed_at=at if status == "completed" else None,
            attachments=attachments or [],
        )
        conn.execute(
            "INSERT INTO messages (id, thread_id, seq, role, content, attachments, status, "
            "run_id, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message.id,
                thread_id,
                message.seq,
                role,
                dumps(content),
                dumps(message.attachments),
                status,
                run_id,
                at,
                message.completed_at,
            ),
        )
        conn.execute("UPDATE threads SET updated_at = ? WHERE id = ?", (at, thread_id))
        return message

    @staticmethod
    def update_message(
        conn: sqlite3.Connection,
        message_id: str,
        content: builtins.list[dict[str, Any]],
        status: str,
    ) -> None:
        finished = now() if status != "in_progress" else None
        conn.execute(
            "UPDATE messages SET content = ?, status = ?, completed_at = ? WHERE id = ?",
            (dumps(content), status, finished, message_id),
        )

    def message(self, message_id: str) -> Message:
        rows = self._db.query("SELECT * FROM messages WHERE id = ?", (message_id,))
        if not rows:
            raise errors.NotFoundError(f"No message with id '{message_id}'.")
        return _message(rows[0])

    def messages(self, thread_id: str) -> builtins.list[Message]:
        self.get(thread_id)
        rows = self._db.query(
            "SELECT * FROM messages WHERE thread_id = ? ORDER BY seq", (thread_id,)
        )
        return [_message(row) for row in rows]


def _thread(row: sqlite3.Row) -> Thread:
    return from_row(Thread, row, frozenset({"metadata"}))


def _message(row: sqlite3.Row) -> Message:
    return from_row(Message, row, frozenset({"content", "attachments"}))
