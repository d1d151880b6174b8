"""Runs and run steps, and the recovery of runs a crash left behind."""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Callable
from typing import Any

from desktop.core import errors
from desktop.core.ids import new_id, now
from desktop.core.store.records import RUN_ACTIVE, Run, RunStep, dumps, from_row
from desktop.core.store.scope import Scope
from desktop.core.store.threads import ThreadRepository

# Columns whose values are stored as JSON text.
_RUN_JSON = {
    "model",
    "tool_choice",
    "truncation_strategy",
    "tools",
    "usage",
    "timings",
    "last_error",
    "required_action",
    "incomplete_details",
    "metadata",
}
_RUN_COLUMNS = _RUN_JSON | {
    "status",
    "instructions",
    "owner",
    "started_at",
    "completed_at",
    "cancelled_at",
    "failed_at",
}
_STEP_JSON = {"step_details", "usage", "timings", "last_error"}
_STEP_COLUMNS = _STEP_JSON | {"status", "type", "completed_at"}

INTERRUPTED = {
    "code": "interrupted",
    "message": (
        "Capsule Studio stopped while this run was in progress (a crash or a forced quit). "
        "Completed steps were kept; send your message again to retry."
    ),
}


class RunRepository:
    """Runs and their steps."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def create(
        self,
        thread_id: str,
        gpt_id: str,
        gpt_version: int,
        run_id: str | None = None,
        **fields: Any,
    ) -> Run:
        """Insert a queued run (lock its thread in the same transaction)."""
        run = Run(
            id=run_id or new_id("run"),
            thread_id=thread_id,
            gpt_id=gpt_id,
            gpt_version=gpt_version,
            status="queued",
            model=fields["model"],
            instructions=fields["instructions"],
            tool_choice=fields["tool_choice"],
            truncation_strategy=fields["truncation_strategy"],
            tools=fields.get("tools", []),
            usage=None,
            timings={},
            last_error=None,
            required_action=None,
            incomplete_details=None,
            owner=fields.get("owner", ""),
            created_at=now(),
            metadata=fields.get("metadata") or {},
        )
        with self._scope.write() as conn:
            conn.execute(
                "INSERT INTO runs (id, thread_id, gpt_id, gpt_version, status, model, "
                "instructions, tool_choice, truncation_strategy, tools, owner, created_at, "
                "metadata) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run.id,
                    thread_id,
                    gpt_id,
                    gpt_version,
                    run.status,
                    dumps(run.model),
                    run.instructions,
                    dumps(run.tool_choice),
                    dumps(run.truncation_strategy),
                    dumps(run.tools),
                    run.owner,
                    run.created_at,
                    dumps(run.metadata),
                ),
            )
        return run

    def get(self, run_id: str) -> Run:
        rows = self._scope.read("SELECT * FROM runs WHERE id = ?", (run_id,))
        if not rows:
            raise errors.UnknownRunError(run_id)
        return _run(rows[0])

    def status(self, run_id: str) -> str | None:
        """The run's stored status (another process may have changed it); None if unknown."""
        rows = self._scope.read("SELECT status FROM runs WHERE id = ?", (run_id,))
        return str(rows[0]["status"]) if rows else None

    def list(self, thread_id: str) -> builtins.list[Run]:
        rows = self._scope.read(
            "SELECT * FROM runs WHERE thread_id = ? ORDER BY created_at, rowid", (thread_id,)
        )
        return [_run(row) for row in rows]

    def update(self, run: Run, **fields: Any) -> Run:
        """Change columns of `run`, in memory and in the store."""
        with self._scope.write() as conn:
            _update(conn, "runs", _RUN_COLUMNS, _RUN_JSON, run.id, fields)
        for key, value in fields.items():
            setattr(run, key, value)
        return run

    # -- steps ---------------------------------------------------------------------------

    def add_step(
        self, run: Run, step_type: str, details: dict[str, Any], seq: int | None = None
    ) -> RunStep:
        """Append a step in progress; `seq` is its place in the run when the caller knows it."""
        with self._scope.write() as conn:
            if seq is None:
                row = conn.execute(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM run_steps WHERE run_id = ?", (run.id,)
                ).fetchone()
                seq = int(row[0])
            step = RunStep(
                id=new_id("step"),
                run_id=run.id,
                thread_id=run.thread_id,
                seq=seq,
                type=step_type,
                status="in_progress",
                step_details=details,
                usage=None,
                timings={},
                last_error=None,
                created_at=now(),
            )
            conn.execute(
                "INSERT INTO run_steps (id, run_id, seq, type, status, step_details, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    step.id,
                    run.id,
                    step.seq,
                    step_type,
                    step.status,
                    dumps(details),
                    step.created_at,
                ),
            )
        return step

    def update_step(self, step: RunStep, **fields: Any) -> RunStep:
        """Change columns of `step`, in memory and in the store."""
        with self._scope.write() as conn:
            _update(conn, "run_steps", _STEP_COLUMNS, _STEP_JSON, step.id, fields)
        for key, value in fields.items():
            setattr(step, key, value)
        return step

    def end_open_steps(
        self, run_id: str, status: str, at: float, error: dict[str, Any] | None = None
    ) -> None:
        """Give the run's steps still in progress a final status (the run stopped)."""
        with self._scope.write() as conn:
            conn.execute(
                "UPDATE run_steps SET status = ?, last_error = ?, completed_at = ? "
                "WHERE run_id = ? AND status = 'in_progress'",
                (status, dumps(error) if error is not None else None, at, run_id),
            )

    def steps(self, run_id: str) -> builtins.list[RunStep]:
        self.get(run_id)
        rows = self._scope.read(
            "SELECT s.*, r.thread_id FROM run_steps s JOIN runs r ON r.id = s.run_id "
            "WHERE s.run_id = ? ORDER BY s.seq",
            (run_id,),
        )
        return [_step(row) for row in rows]

    def thread_steps(self, thread_id: str, step_type: str | None = None) -> builtins.list[RunStep]:
        """The steps of every run of a thread (of one type when given), by run and order.

        One read for a whole conversation; the chat reads only `tool_calls` steps, since
        each model call's step holds the whole prompt it sent.
        """
        sql = (
            "SELECT s.*, r.thread_id FROM run_steps s JOIN runs r ON r.id = s.run_id "
            "WHERE r.thread_id = ?"
        )
        params: tuple[object, ...] = (thread_id,)
        if step_type is not None:
            sql += " AND s.type = ?"
            params = (thread_id, step_type)
        rows = self._scope.read(sql + " ORDER BY r.created_at, r.rowid, s.seq", params)
        return [_step(row) for row in rows]

    # -- recovery ------------------------------------------------------------------------

    def recover_interrupted(self, is_alive: Callable[[str], bool]) -> builtins.list[str]:
        """Mark runs whose owning process is gone as failed (`interrupted`), and free their threads.

        Runs waiting in `requires_action` are left alone: they hold no process and can still
        be answered or cancelled. Returns the ids of the runs that were marked.
        """
        rows = self._scope.read(
            "SELECT id, thread_id, owner FROM runs WHERE status IN (?, ?, ?)",
            tuple(s for s in RUN_ACTIVE if s != "requires_action"),
        )
        dead = [row for row in rows if not is_alive(row["owner"])]
        at = now()
        with self._scope.write() as conn:
            scope = Scope(self._scope.db, conn)
            runs, threads = RunRepository(scope), ThreadRepository(scope)
            for row in dead:
                conn.execute(
                    "UPDATE runs SET status = 'failed', last_error = ?, failed_at = ? "
                    "WHERE id = ? AND status IN ('queued', 'in_progress', 'cancelling')",
                    (dumps(INTERRUPTED), at, row["id"]),
                )
                runs.end_open_steps(row["id"], "failed", at, INTERRUPTED)
                threads.end_open_messages(row["id"], at)
                threads.unlock(row["thread_id"], row["id"])
        return [row["id"] for row in dead]


def _update(
    conn: sqlite3.Connection,
    table: str,
    allowed: set[str],
    as_json: set[str],
    row_id: str,
    fields: dict[str, Any],
) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"cannot update {table} columns {sorted(unknown)}")
    if not fields:
        return
    assignments = ", ".join(f"{key} = ?" for key in fields)
    values = [dumps(v) if k in as_json and v is not None else v for k, v in fields.items()]
    conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values, row_id))


def _run(row: sqlite3.Row) -> Run:
    return from_row(Run, row, frozenset(_RUN_JSON))


def _step(row: sqlite3.Row) -> RunStep:
    return from_row(RunStep, row, frozenset(_STEP_JSON))
