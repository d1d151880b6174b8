"""Tests for desktop/core/store/threads.py: threads, message order and the run lock."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.store import Store
from desktop.core.store.records import Message, Thread, text_content
from desktop.core.store.threads import TITLE_LENGTH


@pytest.fixture
def thread(store: Store, make_gpt: Any) -> Thread:
    return store.threads.create(make_gpt().id, title="First chat")


def add(
    store: Store, thread_id: str, role: str, text: str, status: str = "completed", **kw: Any
) -> Message:
    with store.transaction() as tx:
        return tx.threads.add_message(thread_id, role, text_content(text), status, **kw)


# -- threads ---------------------------------------------------------------------------------


def test_create_and_get_a_thread(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()

    created = store.threads.create(gpt.id, title="Hello")

    assert created.id.startswith("thread_")
    got = store.threads.get(created.id)
    assert got == created
    assert (got.gpt_id, got.title, got.metadata, got.active_run_id) == (gpt.id, "Hello", {}, None)


def test_long_titles_are_cut(store: Store, make_gpt: Any) -> None:
    created = store.threads.create(make_gpt().id, title="x" * 200)

    assert store.threads.get(created.id).title == "x" * TITLE_LENGTH


def test_create_inside_a_callers_transaction_rolls_back_with_it(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()

    with pytest.raises(RuntimeError), store.transaction() as tx:
        created = tx.threads.create(gpt.id)
        raise RuntimeError("abort")

    with pytest.raises(errors.UnknownThreadError):
        store.threads.get(created.id)


def test_a_thread_needs_an_existing_gpt(store: Store) -> None:
    with pytest.raises(errors.StoreError):
        store.threads.create("gpt_missing")

    assert store.threads.list() == []


def test_list_filters_by_gpt_and_puts_recent_activity_first(store: Store, make_gpt: Any) -> None:
    one, two = make_gpt(name="one"), make_gpt(name="two")
    quiet = store.threads.create(one.id, title="quiet")
    busy = store.threads.create(one.id, title="busy")
    other = store.threads.create(two.id, title="other")
    add(store, quiet.id, "user", "wake up")

    assert [t.id for t in store.threads.list(one.id)] == [quiet.id, busy.id]
    assert [t.id for t in store.threads.list(two.id)] == [other.id]
    assert [t.id for t in store.threads.list()] == [quiet.id, other.id, busy.id]


def test_unknown_thread_raises_with_advice(store: Store) -> None:
    with pytest.raises(errors.UnknownThreadError) as caught:
        store.threads.get("thread_missing")

    assert caught.value.thread_id == "thread_missing"
    assert caught.value.action == errors.UserAction("start_new_thread")
    with pytest.raises(errors.UnknownThreadError):
        store.threads.messages("thread_missing")


# -- messages --------------------------------------------------------------------------------


def test_messages_are_numbered_in_order_per_thread(
    store: Store, thread: Thread, make_gpt: Any
) -> None:
    other = store.threads.create(make_gpt().id)

    first = add(store, thread.id, "user", "one")
    elsewhere = add(store, other.id, "user", "elsewhere")
    second = add(store, thread.id, "assistant", "two")
    third = add(store, thread.id, "user", "three")

    assert [first.seq, second.seq, third.seq] == [1, 2, 3]
    assert elsewhere.seq == 1
    assert [m.text for m in store.threads.messages(thread.id)] == ["one", "two", "three"]
    assert [m.id for m in store.threads.messages(other.id)] == [elsewhere.id]


def test_messages_round_trip_with_chinese_text_and_annotations(
    store: Store, thread: Thread
) -> None:
    annotations = [{"type": "file_citation", "file": "报告.pdf", "page": 3, "quote": "数据"}]
    content = text_content("根据报告，增长了百分之五。", annotations)
    attachments = [{"file_id": "file_1", "name": "报告.pdf"}]
    with store.transaction() as tx:
        added = tx.threads.add_message(
            thread.id, "assistant", content, "completed", "run_x", attachments
        )

    stored = store.threads.message(added.id)

    assert stored == added
    assert stored.text == "根据报告，增长了百分之五。"
    assert stored.content[0]["text"]["annotations"] == annotations
    assert stored.attachments == attachments
    assert stored.run_id == "run_x"


def test_completed_messages_get_a_completion_time_and_others_do_not(
    store: Store, thread: Thread
) -> None:
    done = add(store, thread.id, "user", "done")
    streaming = add(store, thread.id, "assistant", "", status="in_progress")

    assert store.threads.message(done.id).completed_at == done.created_at
    assert store.threads.message(streaming.id).completed_at is None


def test_update_message_replaces_content_and_status(store: Store, thread: Thread) -> None:
    message = add(store, thread.id, "assistant", "", status="in_progress")

    with store.transaction() as tx:
        tx.threads.update_message(message, text_content("partial"), "in_progress")
    assert store.threads.message(message.id).text == "partial"
    assert store.threads.message(message.id).completed_at is None

    with store.transaction() as tx:
        tx.threads.update_message(message, text_content("final 答案"), "completed")
    stored = store.threads.message(message.id)
    assert (stored.text, stored.status) == ("final 答案", "completed")
    assert stored.completed_at is not None


def test_only_user_and_assistant_roles_are_stored(store: Store, thread: Thread) -> None:
    with pytest.raises(errors.StoreError):
        add(store, thread.id, "system", "not a thread message")

    assert store.threads.messages(thread.id) == []


def test_unknown_message_raises_not_found(store: Store) -> None:
    with pytest.raises(errors.NotFoundError, match="msg_missing"):
        store.threads.message("msg_missing")


def test_message_to_dict(store: Store, thread: Thread) -> None:
    message = add(store, thread.id, "user", "hi")

    data = message.to_dict()

    assert data["object"] == "thread.message"
    assert (data["id"], data["seq"], data["role"]) == (message.id, 1, "user")
    assert data["content"] == text_content("hi")


# -- the run lock ----------------------------------------------------------------------------


def test_lock_sets_the_active_run(store: Store, thread: Thread) -> None:
    with store.transaction() as tx:
        tx.threads.lock(thread.id, "run_a")

    assert store.threads.get(thread.id).active_run_id == "run_a"


def test_locking_twice_raises_thread_busy_naming_the_run(store: Store, thread: Thread) -> None:
    with store.transaction() as tx:
        tx.threads.lock(thread.id, "run_a")

    with pytest.raises(errors.ThreadBusyError) as caught, store.transaction() as tx:
        tx.threads.lock(thread.id, "run_b")

    assert caught.value.run_id == "run_a"
    assert caught.value.thread_id == thread.id
    assert "run_a" in caught.value.message
    assert caught.value.action == errors.UserAction("cancel_run", {"run_id": "run_a"})
    assert store.threads.get(thread.id).active_run_id == "run_a"


def test_a_run_cannot_lock_its_own_thread_twice(store: Store, thread: Thread) -> None:
    with store.transaction() as tx:
        tx.threads.lock(thread.id, "run_a")

    with pytest.raises(errors.ThreadBusyError), store.transaction() as tx:
        tx.threads.lock(thread.id, "run_a")


def test_locking_an_unknown_thread_raises_unknown_thread(store: Store) -> None:
    with pytest.raises(errors.UnknownThreadError), store.transaction() as tx:
        tx.threads.lock("thread_missing", "run_a")


def test_only_the_owning_run_can_unlock(store: Store, thread: Thread) -> None:
    with store.transaction() as tx:
        tx.threads.lock(thread.id, "run_a")

    with store.transaction() as tx:
        tx.threads.unlock(thread.id, "run_b")
    assert store.threads.get(thread.id).active_run_id == "run_a"

    with store.transaction() as tx:
        tx.threads.unlock(thread.id, "run_a")
    assert store.threads.get(thread.id).active_run_id is None


def test_after_unlock_another_run_can_lock(store: Store, thread: Thread) -> None:
    with store.transaction() as tx:
        tx.threads.lock(thread.id, "run_a")
    with store.transaction() as tx:
        tx.threads.unlock(thread.id, "run_a")

    with store.transaction() as tx:
        tx.threads.lock(thread.id, "run_b")

    assert store.threads.get(thread.id).active_run_id == "run_b"


def test_a_lock_taken_in_a_failed_transaction_is_not_kept(store: Store, thread: Thread) -> None:
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.threads.lock(thread.id, "run_a")
        raise RuntimeError("run creation failed")

    assert store.threads.get(thread.id).active_run_id is None


# -- renaming, the trash, search, superseded messages ----------------------------------------


def test_rename_trims_and_refuses_an_empty_title(store: Store, thread: Thread) -> None:
    assert store.threads.rename(thread.id, "  Trip   to  Kyoto ").title == "Trip to Kyoto"
    assert store.threads.rename(thread.id, "y" * 100).title == "y" * TITLE_LENGTH
    with pytest.raises(errors.ValidationError, match="needs a name"):
        store.threads.rename(thread.id, "   ")
    with pytest.raises(errors.UnknownThreadError):
        store.threads.rename("thread_nope", "x")


def test_the_trash_hides_restores_and_purges(store: Store, thread: Thread) -> None:
    add(store, thread.id, "user", "hello")
    store.threads.delete(thread.id)
    assert store.threads.list(thread.gpt_id) == []
    with pytest.raises(errors.UnknownThreadError):
        store.threads.get(thread.id)
    assert store.threads.get(thread.id, include_deleted=True).deleted_at is not None
    assert [t.id for t in store.threads.trash()] == [thread.id]
    assert store.threads.trash(deleted_before=0.0) == []

    assert store.threads.undelete(thread.id).deleted_at is None
    assert [t.id for t in store.threads.list(thread.gpt_id)] == [thread.id]
    store.threads.purge(thread.id)  # not in the trash: left alone
    assert store.threads.get(thread.id).id == thread.id

    store.threads.delete(thread.id)
    store.threads.purge(thread.id)
    with pytest.raises(errors.UnknownThreadError):
        store.threads.get(thread.id, include_deleted=True)
    assert store.db.query("SELECT COUNT(*) FROM messages")[0][0] == 0


def test_a_thread_with_an_active_run_cannot_be_deleted(store: Store, thread: Thread) -> None:
    store.threads.lock(thread.id, "run_1")
    with pytest.raises(errors.ThreadBusyError):
        store.threads.delete(thread.id)


def test_search_finds_titles_and_message_text(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    trip = store.threads.create(gpt.id, title="Trip planning")
    tea = store.threads.create(gpt.id, title="Tea")
    add(store, tea.id, "user", "Which 乌龙茶 is best with 100% cocoa_chocolate?")
    other = store.threads.create(make_gpt().id, title="Trip elsewhere")

    assert [(t.id, s) for t, s in store.threads.search(gpt.id, "TRIP")] == [(trip.id, "")]
    ((found, snippet),) = store.threads.search(gpt.id, "乌龙")
    assert found.id == tea.id and "乌龙茶" in snippet
    assert [t.id for t, _ in store.threads.search(gpt.id, "100%")] == [tea.id]
    assert [t.id for t, _ in store.threads.search(gpt.id, "a_c")] == [tea.id]
    assert store.threads.search(gpt.id, "10_%") == []  # wildcards are literal
    assert store.threads.search(gpt.id, "type") == []  # JSON keys are not text
    assert {t.id for t, _ in store.threads.search(gpt.id, "")} == {trip.id, tea.id}
    assert other.id not in {t.id for t, _ in store.threads.search(gpt.id, "trip")}


def test_search_skips_superseded_and_deleted(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    kept = store.threads.create(gpt.id, title="a")
    old = add(store, kept.id, "user", "first wording")
    store.threads.supersede(kept.id, old.seq, old.seq + 1, "run_x")
    gone = store.threads.create(gpt.id, title="b")
    add(store, gone.id, "user", "first wording")
    store.threads.delete(gone.id)
    assert store.threads.search(gpt.id, "wording") == []


def test_supersede_marks_a_range_and_current_leaves_it_out(store: Store, thread: Thread) -> None:
    q1 = add(store, thread.id, "user", "q1")
    a1 = add(store, thread.id, "assistant", "a1")
    q2 = add(store, thread.id, "user", "q2")
    q2b = add(store, thread.id, "user", "q2 again")

    marked = store.threads.supersede(thread.id, a1.seq, q2b.seq, "run_new")

    assert marked == 2
    current = store.threads.messages(thread.id, current=True)
    assert [m.id for m in current] == [q1.id, q2b.id]
    everything = store.threads.messages(thread.id)
    assert [m.superseded_by for m in everything] == [None, "run_new", "run_new", None]
    assert store.threads.message(q2.id).superseded_by == "run_new"
