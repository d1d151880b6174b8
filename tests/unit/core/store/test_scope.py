"""Tests for desktop/core/store/scope.py: the one way to write, alone or in a transaction."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.store import Store
from desktop.core.store.knowledge import KnowledgeFile
from desktop.core.store.records import Run, text_content

MODEL = {"provider": "local", "model": "tiny"}


def new_run(store: Store, thread_id: str, gpt_id: str) -> Run:
    with store.transaction() as tx:
        run = tx.runs.create(
            thread_id,
            gpt_id,
            1,
            model=MODEL,
            instructions="",
            tool_choice="auto",
            truncation_strategy={"type": "auto"},
        )
        tx.threads.lock(thread_id, run.id)
    return run


def test_changes_in_a_transaction_commit_together(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    with store.transaction() as tx:
        thread = tx.threads.create(gpt.id, title="t", thread_id="thread_given")
        message = tx.threads.add_message(thread.id, "user", text_content("hi"), "completed")

    assert thread.id == "thread_given"
    assert store.threads.messages(thread.id) == [message]


def test_an_exception_rolls_back_every_repository(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    thread = store.threads.create(gpt.id)
    run = new_run(store, thread.id, gpt.id)

    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.runs.update(run, status="cancelled")
        tx.threads.unlock(thread.id, run.id)
        tx.gpts.delete(gpt.id)
        raise RuntimeError("boom")

    assert store.runs.status(run.id) == "queued"
    assert store.threads.get(thread.id).active_run_id == run.id
    assert store.gpts.get(gpt.id).id == gpt.id


def test_reads_in_a_transaction_see_its_own_writes(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    with store.transaction() as tx:
        thread = tx.threads.create(gpt.id)
        assert tx.threads.get(thread.id) == thread
        assert tx.threads.messages(thread.id) == []


def test_a_store_write_inside_an_open_transaction_is_refused(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    with pytest.raises(errors.StoreError), store.transaction():
        store.threads.create(gpt.id)  # the store-bound repository opens its own: a mistake

    assert store.threads.list() == []


def test_status_reads_the_stored_status(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    thread = store.threads.create(gpt.id)
    run = new_run(store, thread.id, gpt.id)
    stale = store.runs.get(run.id)

    store.runs.update(run, status="cancelling")

    assert stale.status == "queued"
    assert store.runs.status(run.id) == "cancelling"
    assert store.runs.status("run_missing") is None


def test_end_open_steps_and_messages_close_only_what_is_open(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    thread = store.threads.create(gpt.id)
    run = new_run(store, thread.id, gpt.id)
    done = store.runs.add_step(run, "tool_calls", {"tool_calls": []}, seq=1)
    store.runs.update_step(done, status="completed", completed_at=1.0)
    open_step = store.runs.add_step(run, "message_creation", {"message_creation": {}})
    open_message = store.threads.add_message(
        thread.id, "assistant", text_content("par"), "in_progress", run.id
    )

    with store.transaction() as tx:
        tx.runs.end_open_steps(run.id, "cancelled", 9.0)
        tx.threads.end_open_messages(run.id, 9.0)

    steps = store.runs.steps(run.id)
    assert [(s.id, s.seq, s.status) for s in steps] == [
        (done.id, 1, "completed"),
        (open_step.id, 2, "cancelled"),
    ]
    assert steps[1].completed_at == 9.0
    stored = store.threads.message(open_message.id)
    assert (stored.status, stored.completed_at, stored.text) == ("incomplete", 9.0, "par")


def test_messages_of_one_run(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    thread = store.threads.create(gpt.id)
    store.threads.add_message(thread.id, "user", text_content("a"), "completed", "run_a")
    mine = store.threads.add_message(thread.id, "user", text_content("b"), "completed", "run_b")

    assert store.threads.messages(thread.id, run_id="run_b") == [mine]
    assert mine.seq == 2


def test_update_message_changes_the_record_it_is_given(store: Store, make_gpt: Any) -> None:
    thread = store.threads.create(make_gpt().id)
    message = store.threads.add_message(thread.id, "assistant", text_content(""), "in_progress")

    returned = store.threads.update_message(message, text_content("done"), "completed")

    assert returned is message and message.status == "completed"
    assert message.completed_at is not None
    assert store.threads.message(message.id) == message


def test_in_use_tells_whether_any_owner_keeps_the_content(store: Store) -> None:
    record = KnowledgeFile("file_1", "gpt_a", "a.txt", "ab" * 32, 3, "indexing", 0, 0, 1.0, 1.0)
    assert not store.knowledge.in_use(record.sha256)

    store.knowledge.start(record)

    assert store.knowledge.in_use(record.sha256)
    assert not store.knowledge.in_use("cd" * 32)
    store.knowledge.remove(record.id)
    assert not store.knowledge.in_use(record.sha256)


def test_trace_sees_each_statement(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    seen: list[str] = []
    store.db.trace(seen.append)
    store.gpts.get(gpt.id)
    store.db.trace(None)
    store.gpts.get(gpt.id)

    assert len(seen) == 1 and seen[0].startswith("SELECT")
