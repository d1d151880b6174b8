"""Tests for desktop/core/store/runs.py: runs, steps, JSON columns and crash recovery."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.store import Store
from desktop.core.store.records import Message, Run, RunStep, Thread, text_content
from desktop.core.store.runs import INTERRUPTED

MODEL = {"provider": "local", "model": "tiny", "temperature": 0.7}
DEAD = "111:1.000"
ALIVE = "222:2.000"


@pytest.fixture
def thread(store: Store, make_gpt: Any) -> Thread:
    return store.threads.create(make_gpt().id)


def start_run(
    store: Store, thread: Thread, owner: str = ALIVE, lock: bool = True, **kw: Any
) -> Run:
    """Create a run the way the engine does: with the thread lock, in one transaction."""
    fields: dict[str, Any] = {
        "model": MODEL,
        "instructions": "Be helpful.",
        "tool_choice": "auto",
        "truncation_strategy": {"type": "auto"},
        "owner": owner,
    }
    fields.update(kw)
    with store.transaction() as tx:
        run = tx.runs.create(thread.id, thread.gpt_id, 1, **fields)
        if lock:
            tx.threads.lock(thread.id, run.id)
    return run


def set_status(store: Store, run: Run, status: str) -> Run:
    with store.transaction() as tx:
        return tx.runs.update(run, status=status)


def add_step(
    store: Store, run: Run, step_type: str = "message_creation", **details: Any
) -> RunStep:
    with store.transaction() as tx:
        return tx.runs.add_step(run, step_type, details)


def add_message(store: Store, run: Run, status: str, text: str = "") -> Message:
    with store.transaction() as tx:
        return tx.threads.add_message(
            run.thread_id, "assistant", text_content(text), status, run.id
        )


# -- runs ------------------------------------------------------------------------------------


def test_create_stores_a_queued_run(store: Store, thread: Thread) -> None:
    tools = [{"type": "function", "function": {"name": "lookup", "parameters": {}}}]

    run = start_run(store, thread, tools=tools, tool_choice={"type": "function"})

    assert run.id.startswith("run_")
    stored = store.runs.get(run.id)
    assert stored == run
    assert stored.status == "queued"
    assert (stored.thread_id, stored.gpt_id, stored.gpt_version) == (thread.id, thread.gpt_id, 1)
    assert stored.model == MODEL
    assert stored.tools == tools
    assert stored.tool_choice == {"type": "function"}
    assert stored.truncation_strategy == {"type": "auto"}
    assert (stored.usage, stored.last_error, stored.required_action) == (None, None, None)
    assert stored.timings == {}
    assert stored.owner == ALIVE


def test_create_defaults_tools_and_owner(store: Store, thread: Thread) -> None:
    with store.transaction() as tx:
        run = tx.runs.create(
            thread.id,
            thread.gpt_id,
            1,
            model=MODEL,
            instructions="",
            tool_choice="none",
            truncation_strategy={"type": "last_messages", "last_messages": 4},
        )

    stored = store.runs.get(run.id)
    assert (stored.tools, stored.owner, stored.tool_choice) == ([], "", "none")
    assert stored.truncation_strategy == {"type": "last_messages", "last_messages": 4}


def test_create_rolls_back_with_the_callers_transaction(store: Store, thread: Thread) -> None:
    start_run(store, thread)

    with pytest.raises(errors.ThreadBusyError):
        start_run(store, thread)

    assert len(store.runs.list(thread.id)) == 1


def test_update_changes_columns_in_memory_and_in_the_store(store: Store, thread: Thread) -> None:
    run = start_run(store, thread)
    usage = {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}

    with store.transaction() as tx:
        returned = tx.runs.update(
            run, status="completed", usage=usage, timings={"ttft_s": 0.1}, completed_at=5.0
        )

    assert returned is run
    assert (run.status, run.usage, run.completed_at) == ("completed", usage, 5.0)
    assert store.runs.get(run.id) == run


def test_update_can_clear_a_json_column(store: Store, thread: Thread) -> None:
    run = start_run(store, thread)
    required = {"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": []}}
    with store.transaction() as tx:
        tx.runs.update(run, status="requires_action", required_action=required)
    assert store.runs.get(run.id).required_action == required

    with store.transaction() as tx:
        tx.runs.update(run, required_action=None)

    assert store.runs.get(run.id).required_action is None


def test_update_refuses_unknown_columns(store: Store, thread: Thread) -> None:
    run = start_run(store, thread)

    with pytest.raises(ValueError, match="thread_id"), store.transaction() as tx:
        tx.runs.update(run, thread_id="thread_other")

    assert store.runs.get(run.id).thread_id == thread.id
    assert run.thread_id == thread.id


def test_json_columns_round_trip_chinese_text(store: Store, thread: Thread) -> None:
    run = start_run(store, thread, instructions="请用中文回答。")
    error = {"code": "tool_error", "message": "工具失败了：超时"}

    with store.transaction() as tx:
        tx.runs.update(run, status="failed", last_error=error, incomplete_details={"原因": "超时"})

    stored = store.runs.get(run.id)
    assert stored.instructions == "请用中文回答。"
    assert stored.last_error == error
    assert stored.incomplete_details == {"原因": "超时"}
    raw = store.db.query("SELECT last_error FROM runs WHERE id = ?", (run.id,))[0][0]
    assert "工具失败了" in raw


def test_list_returns_a_threads_runs_oldest_first(
    store: Store, thread: Thread, make_gpt: Any
) -> None:
    other = store.threads.create(make_gpt().id)
    first = start_run(store, thread, lock=False)
    elsewhere = start_run(store, other, lock=False)
    second = start_run(store, thread, lock=False)

    assert [r.id for r in store.runs.list(thread.id)] == [first.id, second.id]
    assert [r.id for r in store.runs.list(other.id)] == [elsewhere.id]
    assert store.runs.list("thread_missing") == []


def test_unknown_run_raises_with_its_id(store: Store) -> None:
    with pytest.raises(errors.UnknownRunError) as caught:
        store.runs.get("run_missing")

    assert caught.value.run_id == "run_missing"
    with pytest.raises(errors.UnknownRunError):
        store.runs.steps("run_missing")


def test_run_to_dict_hides_the_owner(store: Store, thread: Thread) -> None:
    run = start_run(store, thread)

    data = run.to_dict()

    assert data["object"] == "thread.run"
    assert data["id"] == run.id
    assert "owner" not in data


# -- steps -----------------------------------------------------------------------------------


def test_steps_are_numbered_in_order_per_run(store: Store, thread: Thread) -> None:
    run = start_run(store, thread)
    other = start_run(store, thread, lock=False)

    first = add_step(store, run, "message_creation", message_id="msg_1")
    elsewhere = add_step(store, other)
    second = add_step(store, run, "tool_calls", tool_calls=[])
    third = add_step(store, run, "message_creation", message_id="msg_2")

    assert [first.seq, second.seq, third.seq] == [1, 2, 3]
    assert elsewhere.seq == 1
    steps = store.runs.steps(run.id)
    assert [s.id for s in steps] == [first.id, second.id, third.id]
    assert [s.type for s in steps] == ["message_creation", "tool_calls", "message_creation"]
    assert all(s.thread_id == thread.id and s.run_id == run.id for s in steps)
    assert [s.id for s in store.runs.steps(other.id)] == [elsewhere.id]


def test_a_new_step_is_in_progress_and_round_trips(store: Store, thread: Thread) -> None:
    run = start_run(store, thread)

    step = add_step(store, run, "tool_calls", tool_calls=[{"id": "call_1", "query": "天气"}])

    [stored] = store.runs.steps(run.id)
    assert stored == step
    assert stored.status == "in_progress"
    assert stored.step_details == {"tool_calls": [{"id": "call_1", "query": "天气"}]}
    assert (stored.usage, stored.last_error, stored.completed_at) == (None, None, None)


def test_update_step_changes_its_columns(store: Store, thread: Thread) -> None:
    run = start_run(store, thread)
    step = add_step(store, run, "tool_calls", tool_calls=[])
    details = {"tool_calls": [{"id": "call_1", "output": "晴天"}]}

    with store.transaction() as tx:
        tx.runs.update_step(
            step,
            status="completed",
            step_details=details,
            usage={"prompt_tokens": 5},
            completed_at=9.0,
        )

    assert (step.status, step.step_details, step.completed_at) == ("completed", details, 9.0)
    assert store.runs.steps(run.id) == [step]


def test_update_step_refuses_unknown_columns(store: Store, thread: Thread) -> None:
    step = add_step(store, start_run(store, thread))

    with pytest.raises(ValueError, match="run_id"), store.transaction() as tx:
        tx.runs.update_step(step, run_id="run_other")


def test_step_to_dict(store: Store, thread: Thread) -> None:
    step = add_step(store, start_run(store, thread), message_id="msg_1")

    data = step.to_dict()

    assert data["object"] == "thread.run.step"
    assert data["step_details"] == {"message_id": "msg_1"}


# -- recovery after a crash ------------------------------------------------------------------


def is_alive(owner: str) -> bool:
    return owner == ALIVE


@pytest.mark.parametrize("status", ["queued", "in_progress", "cancelling"])
def test_recover_fails_active_runs_whose_owner_died(
    store: Store, thread: Thread, status: str
) -> None:
    run = set_status(store, start_run(store, thread, owner=DEAD), status)

    recovered = store.runs.recover_interrupted(is_alive)

    assert recovered == [run.id]
    stored = store.runs.get(run.id)
    assert stored.status == "failed"
    assert stored.last_error is not None
    assert stored.last_error["code"] == "interrupted"
    assert stored.last_error == INTERRUPTED
    assert stored.failed_at is not None
    assert store.threads.get(thread.id).active_run_id is None


def test_recover_fails_in_progress_steps_and_keeps_completed_ones(
    store: Store, thread: Thread
) -> None:
    run = set_status(store, start_run(store, thread, owner=DEAD), "in_progress")
    done = add_step(store, run, "tool_calls", tool_calls=[{"id": "call_1", "output": "42"}])
    with store.transaction() as tx:
        tx.runs.update_step(done, status="completed", completed_at=1.0, usage={"prompt_tokens": 3})
    busy = add_step(store, run, "message_creation", message_id="msg_x")

    store.runs.recover_interrupted(is_alive)

    kept, failed = store.runs.steps(run.id)
    assert kept == done
    assert kept.status == "completed"
    assert kept.completed_at == 1.0
    assert kept.last_error is None
    assert failed.id == busy.id
    assert failed.status == "failed"
    assert failed.last_error is not None
    assert failed.last_error["code"] == "interrupted"
    assert failed.completed_at is not None


def test_recover_marks_streaming_messages_incomplete_and_keeps_finished_ones(
    store: Store, thread: Thread
) -> None:
    run = set_status(store, start_run(store, thread, owner=DEAD), "in_progress")
    finished = add_message(store, run, "completed", "earlier answer")
    streaming = add_message(store, run, "in_progress", "half an ans")

    store.runs.recover_interrupted(is_alive)

    stored = {m.id: m for m in store.threads.messages(thread.id)}
    assert stored[finished.id].status == "completed"
    assert stored[streaming.id].status == "incomplete"
    assert stored[streaming.id].text == "half an ans"
    assert stored[streaming.id].completed_at is not None


def test_recover_leaves_runs_of_live_processes_alone(store: Store, thread: Thread) -> None:
    run = set_status(store, start_run(store, thread, owner=ALIVE), "in_progress")
    step = add_step(store, run)
    message = add_message(store, run, "in_progress")

    assert store.runs.recover_interrupted(is_alive) == []

    assert store.runs.get(run.id).status == "in_progress"
    assert store.runs.steps(run.id)[0].status == "in_progress"
    assert store.runs.steps(run.id)[0].id == step.id
    assert store.threads.message(message.id).status == "in_progress"
    assert store.threads.get(thread.id).active_run_id == run.id


def test_recover_leaves_requires_action_runs_alone(store: Store, thread: Thread) -> None:
    run = start_run(store, thread, owner=DEAD)
    required = {"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": []}}
    with store.transaction() as tx:
        tx.runs.update(run, status="requires_action", required_action=required)
    step = add_step(store, run, "tool_calls", tool_calls=[])

    assert store.runs.recover_interrupted(is_alive) == []

    stored = store.runs.get(run.id)
    assert (stored.status, stored.required_action, stored.last_error) == (
        "requires_action",
        required,
        None,
    )
    assert store.runs.steps(run.id) == [step]
    assert store.threads.get(thread.id).active_run_id == run.id


@pytest.mark.parametrize("status", ["completed", "failed", "cancelled", "incomplete", "expired"])
def test_recover_leaves_finished_runs_alone(store: Store, thread: Thread, status: str) -> None:
    run = set_status(store, start_run(store, thread, owner=DEAD, lock=False), status)

    assert store.runs.recover_interrupted(is_alive) == []

    assert store.runs.get(run.id) == run


def test_recover_handles_several_threads_and_asks_about_each_owner(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()
    threads = [store.threads.create(gpt.id) for _ in range(3)]
    dead_one = set_status(store, start_run(store, threads[0], owner=DEAD), "in_progress")
    live = set_status(store, start_run(store, threads[1], owner=ALIVE), "in_progress")
    dead_two = start_run(store, threads[2], owner="333:3.000")
    asked: list[str] = []

    def tracking(owner: str) -> bool:
        asked.append(owner)
        return is_alive(owner)

    recovered = store.runs.recover_interrupted(tracking)

    assert sorted(recovered) == sorted([dead_one.id, dead_two.id])
    assert sorted(asked) == sorted([DEAD, ALIVE, "333:3.000"])
    assert [store.threads.get(t.id).active_run_id for t in threads] == [None, live.id, None]


def test_recover_only_unlocks_a_thread_held_by_the_dead_run(store: Store, thread: Thread) -> None:
    dead = set_status(store, start_run(store, thread, owner=DEAD, lock=False), "in_progress")
    with store.transaction() as tx:
        tx.threads.lock(thread.id, "run_someone_else")

    assert store.runs.recover_interrupted(is_alive) == [dead.id]

    assert store.threads.get(thread.id).active_run_id == "run_someone_else"


def test_recover_with_nothing_to_do_returns_nothing(store: Store) -> None:
    assert store.runs.recover_interrupted(is_alive) == []


def test_a_recovered_thread_takes_a_new_run(store: Store, thread: Thread) -> None:
    set_status(store, start_run(store, thread, owner=DEAD), "in_progress")
    store.runs.recover_interrupted(is_alive)

    fresh = start_run(store, thread)

    assert store.threads.get(thread.id).active_run_id == fresh.id
