"""Threads, their messages, and the per-thread run lock."""

from __future__ import annotations

import builtins
import sqlite3
from typing import Any

from desktop.core import errors
from desktop.core.ids import new_id, now
from desktop.core.store.records import Message, Thread, dumps, from_row
from desktop.core.store.scope import Scope

TITLE_LENGTH = 60


class ThreadRepository:
    """Threads and messages. The run lock lives on the thread row (`active_run_id`)."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    # -- threads -------------------------------------------------------------------------

    def create(self, gpt_id: str, title: str = "", thread_id: str | None = None) -> Thread:
        at = now()
        thread = Thread(
            thread_id or new_id("thread"), gpt_id, title[:TITLE_LENGTH], {}, None, at, at
        )
        with self._scope.write() as conn:
            conn.execute(
                "INSERT INTO threads (id, gpt_id, title, metadata, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (thread.id, gpt_id, thread.title, "{}", thread.created_at, thread.updated_at),
            )
        return thread

    def get(self, thread_id: str) -> Thread:
        rows = self._scope.read("SELECT * FROM threads WHERE id = ?", (thread_id,))
        if not rows:
            raise errors.UnknownThreadError(thread_id)
        return _thread(rows[0])

    def list(self, gpt_id: str | None = None) -> builtins.list[Thread]:
        if gpt_id is None:
            rows = self._scope.read("SELECT * FROM threads ORDER BY updated_at DESC")
        else:
            rows = self._scope.read(
                "SELECT * FROM threads WHERE gpt_id = ? ORDER BY updated_at DESC", (gpt_id,)
            )
        return [_thread(row) for row in rows]

    def lock(self, thread_id: str, run_id: str) -> None:
        """Claim the thread for `run_id`; raises `ThreadBusyError` if another run holds it."""
        with self._scope.write() as conn:
            updated = conn.execute(
                "UPDATE threads SET active_run_id = ?, updated_at = ? "
                "WHERE id = ? AND active_run_id IS NULL",
                (run_id, now(), thread_id),
            ).rowcount
            if updated:
                return
            row = conn.execute(
                "SELECT active_run_id FROM threads WHERE id = ?", (thread_id,)
            ).fetchone()
        if row is None:
            raise errors.UnknownThreadError(thread_id)
        raise errors.ThreadBusyError(thread_id, row["active_run_id"])

    def unlock(self, thread_id: str, run_id: str) -> None:
        """Free the thread, if `run_id` still holds it."""
        with self._scope.write() as conn:
            conn.execute(
                "UPDATE threads SET active_run_id = NULL WHERE id = ? AND active_run_id = ?",
                (thread_id, run_id),
            )

    # -- messages ------------------------------------------------------------------------

    def add_message(
        self,
        thread_id: str,
        role: str,
        content: builtins.list[dict[str, Any]],
        status: str,
        run_id: str | None = None,
        attachments: builtins.list[dict[str, Any]] | None = None,
        seq: int | None = None,
    ) -> Message:
        """Append a message; `seq` is its place in the thread when the caller knows it."""
        with self._scope.write() as conn:
            if seq is None:
                row = conn.execute(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE thread_id = ?",
                    (thread_id,),
                ).fetchone()
                seq = int(row[0])
            at = now()
            message = Message(
                id=new_id("message"),
                thread_id=thread_id,
                seq=seq,
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

    def update_message(
        self, message: Message, content: builtins.list[dict[str, Any]], status: str
    ) -> Message:
        """Replace a message's content and status (in memory and in the store)."""
        finished = now() if status != "in_progress" else None
        with self._scope.write() as conn:
            conn.execute(
                "UPDATE messages SET content = ?, status = ?, completed_at = ? WHERE id = ?",
                (dumps(content), status, finished, message.id),
            )
        message.content, message.status, message.completed_at = content, status, finished
        return message

    def end_open_messages(self, run_id: str, at: float) -> None:
        """Mark the run's messages still being written as incomplete (it stopped)."""
        with self._scope.write() as conn:
            conn.execute(
                "UPDATE messages SET status = 'incomplete', completed_at = ? "
                "WHERE run_id = ? AND status = 'in_progress'",
                (at, run_id),
            )

    def message(self, message_id: str) -> Message:
        rows = self._scope.read("SELECT * FROM messages WHERE id = ?", (message_id,))
        if not rows:
            raise errors.NotFoundError(f"No message with id '{message_id}'.")
        return _message(rows[0])

    def messages(self, thread_id: str, run_id: str | None = None) -> builtins.list[Message]:
        """The thread's messages in order (only those of `run_id` when it is given)."""
        self.get(thread_id)
        if run_id is None:
            rows = self._scope.read(
                "SELECT * FROM messages WHERE thread_id = ? ORDER BY seq", (thread_id,)
            )
        else:
            rows = self._scope.read(
                "SELECT * FROM messages WHERE thread_id = ? AND run_id = ? ORDER BY seq",
                (thread_id, run_id),
            )
        return [_message(row) for row in rows]


def _thread(row: sqlite3.Row) -> Thread:
    return from_row(Thread, row, frozenset({"metadata"}))


def _message(row: sqlite3.Row) -> Message:
    return from_row(Message, row, frozenset({"content", "attachments"}))
