"""Threads, their messages, and the per-thread run lock; renaming, the trash and search."""

from __future__ import annotations

import builtins
import sqlite3
from typing import Any

from desktop.core import errors
from desktop.core.ids import new_id, now
from desktop.core.store.records import Message, Thread, dumps, from_row, loads
from desktop.core.store.scope import Scope

TITLE_LENGTH = 60
# Characters of a message shown around a search match.
SNIPPET_CONTEXT = 40


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

    def get(self, thread_id: str, include_deleted: bool = False) -> Thread:
        """The thread; one in the trash only with `include_deleted`."""
        rows = self._scope.read("SELECT * FROM threads WHERE id = ?", (thread_id,))
        if not rows or (rows[0]["deleted_at"] is not None and not include_deleted):
            raise errors.UnknownThreadError(thread_id)
        return _thread(rows[0])

    def list(self, gpt_id: str | None = None) -> builtins.list[Thread]:
        """Threads not in the trash, the most recently used first."""
        if gpt_id is None:
            rows = self._scope.read(
                "SELECT * FROM threads WHERE deleted_at IS NULL ORDER BY updated_at DESC"
            )
        else:
            rows = self._scope.read(
                "SELECT * FROM threads WHERE gpt_id = ? AND deleted_at IS NULL "
                "ORDER BY updated_at DESC",
                (gpt_id,),
            )
        return [_thread(row) for row in rows]

    def rename(self, thread_id: str, title: str) -> Thread:
        """Give the thread a new title (spaces trimmed, cut to `TITLE_LENGTH`)."""
        cleaned = " ".join(title.split())[:TITLE_LENGTH]
        if not cleaned:
            raise errors.ValidationError(errors.said("A conversation needs a name: type one."))
        self.get(thread_id)
        with self._scope.write() as conn:
            conn.execute("UPDATE threads SET title = ? WHERE id = ?", (cleaned, thread_id))
        return self.get(thread_id)

    def delete(self, thread_id: str) -> Thread:
        """Move the thread to the trash; `undelete` brings it back, `purge` removes it."""
        thread = self.get(thread_id)
        if thread.active_run_id is not None:
            raise errors.ThreadBusyError(thread_id, thread.active_run_id)
        with self._scope.write() as conn:
            conn.execute("UPDATE threads SET deleted_at = ? WHERE id = ?", (now(), thread_id))
        return self.get(thread_id, include_deleted=True)

    def undelete(self, thread_id: str) -> Thread:
        self.get(thread_id, include_deleted=True)
        with self._scope.write() as conn:
            conn.execute("UPDATE threads SET deleted_at = NULL WHERE id = ?", (thread_id,))
        return self.get(thread_id)

    def purge(self, thread_id: str) -> None:
        """Remove a thread in the trash for good, with its messages, runs and steps."""
        with self._scope.write() as conn:
            conn.execute(
                "DELETE FROM threads WHERE id = ? AND deleted_at IS NOT NULL", (thread_id,)
            )

    def trash(self, deleted_before: float | None = None) -> builtins.list[Thread]:
        """Threads in the trash (only those deleted before `deleted_before` when given)."""
        rows = self._scope.read(
            "SELECT * FROM threads WHERE deleted_at IS NOT NULL AND deleted_at < ?",
            (deleted_before if deleted_before is not None else float("inf"),),
        )
        return [_thread(row) for row in rows]

    def search(self, gpt_id: str, query: str, limit: int = 50) -> builtins.list[tuple[Thread, str]]:
        """Threads whose title or current messages hold `query` (case-insensitive).

        Returns each thread with a snippet of its first matching message ('' when only the
        title matched), the most recently used first.
        """
        words = query.strip()
        if not words:
            return [(t, "") for t in self.list(gpt_id)[:limit]]
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._scope.read(
            "WITH hits AS (SELECT m.thread_id, MIN(m.seq) AS seq FROM messages m "
            "JOIN threads t ON t.id = m.thread_id, json_each(m.content) p "
            "WHERE t.gpt_id = ? AND m.superseded_by IS NULL "
            "AND json_extract(p.value, '$.type') = 'text' "
            "AND json_extract(p.value, '$.text.value') LIKE ? ESCAPE '\\' "
            "GROUP BY m.thread_id) "
            "SELECT t.*, (SELECT m.content FROM messages m WHERE m.thread_id = t.id "
            "AND m.seq = h.seq) AS hit FROM threads t LEFT JOIN hits h ON h.thread_id = t.id "
            "WHERE t.gpt_id = ? AND t.deleted_at IS NULL "
            "AND (h.thread_id IS NOT NULL OR t.title LIKE ? ESCAPE '\\') "
            "ORDER BY t.updated_at DESC LIMIT ?",
            (gpt_id, pattern, gpt_id, pattern, limit),
        )
        return [(_thread(row), _snippet(loads(row["hit"]), words)) for row in rows]

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
            raise errors.NotFoundError(
                errors.said("No message with id '{message_id}'.", message_id=message_id)
            )
        return _message(rows[0])

    def messages(
        self, thread_id: str, run_id: str | None = None, current: bool = False
    ) -> builtins.list[Message]:
        """The thread's messages in order.

        Args:
            thread_id: the thread.
            run_id: only the messages of this run.
            current: only the conversation as it stands, without superseded messages.
        """
        self.get(thread_id)
        sql = "SELECT * FROM messages WHERE thread_id = ?"
        params: tuple[object, ...] = (thread_id,)
        if run_id is not None:
            sql += " AND run_id = ?"
            params = (thread_id, run_id)
        if current:
            sql += " AND superseded_by IS NULL"
        return [_message(row) for row in self._scope.read(sql + " ORDER BY seq", params)]

    def supersede(self, thread_id: str, from_seq: int, before_seq: int, run_id: str) -> int:
        """Mark the current messages from `from_seq` up to `before_seq` as replaced by `run_id`.

        Returns how many were marked.
        """
        with self._scope.write() as conn:
            return conn.execute(
                "UPDATE messages SET superseded_by = ? WHERE thread_id = ? AND seq >= ? "
                "AND seq < ? AND superseded_by IS NULL",
                (run_id, thread_id, from_seq, before_seq),
            ).rowcount


def _thread(row: sqlite3.Row) -> Thread:
    return from_row(Thread, row, frozenset({"metadata"}))


def _message(row: sqlite3.Row) -> Message:
    return from_row(Message, row, frozenset({"content", "attachments"}))


def _snippet(content: builtins.list[dict[str, Any]] | None, words: str) -> str:
    """The text around the first place `words` occur in a message's text parts."""
    text = "".join(part["text"]["value"] for part in content or [] if part.get("type") == "text")
    at = text.casefold().find(words.casefold())
    if at < 0:
        return ""
    start = max(at - SNIPPET_CONTEXT, 0)
    end = min(at + len(words) + SNIPPET_CONTEXT, len(text))
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")
