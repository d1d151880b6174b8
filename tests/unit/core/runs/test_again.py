"""Run again with…: the same input on the same history, in a copy or in the same thread."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.runs.again import run_again
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.overrides import RunOverrides
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for


def two_turns(store: Store, make_gpt: Any, *more: Reply) -> tuple[RunEngine, Any, ScriptedProvider]:
    gpt = make_gpt(instructions="Sys.")
    provider = ScriptedProvider([Reply(pieces=["A1"]), Reply(pieces=["A2"]), *more])
    engine = RunEngine(store, provider_for(provider))
    first = engine.run(gpt.id, "Q1")
    list(first)
    second = engine.run(gpt.id, "Q2", thread_id=first.thread_id)
    list(second)
    return engine, second, provider


def test_again_in_a_copy_sees_the_same_history(store: Store, make_gpt: Any) -> None:
    engine, second, provider = two_turns(store, make_gpt, Reply(pieces=["B2"]))
    again = run_again(engine, store, second.run_id, RunOverrides(temperature=0.0))
    list(again)

    assert again.thread_id != second.thread_id
    original, repeat = provider.requests[1], provider.requests[2]
    assert repeat.messages == original.messages
    assert repeat.temperature == 0.0
    copied = store.threads.messages(again.thread_id)
    assert [(m.role, m.text) for m in copied] == [
        ("user", "Q1"),
        ("assistant", "A1"),
        ("user", "Q2"),
        ("assistant", "B2"),
    ]
    assert copied[0].run_id is None  # copies belong to no run of the new thread
    run = store.runs.get(again.run_id)
    assert run.metadata == {"overrides": {"temperature": 0.0}, "again_of": second.run_id}
    # The original thread is untouched.
    assert [m.text for m in store.threads.messages(second.thread_id)] == ["Q1", "A1", "Q2", "A2"]


def test_again_in_the_same_thread_stops_its_history_where_the_first_run_did(
    store: Store, make_gpt: Any
) -> None:
    engine, second, provider = two_turns(store, make_gpt, Reply(pieces=["B2"]))
    again = run_again(engine, store, second.run_id, RunOverrides(), where="same")
    list(again)

    assert again.thread_id == second.thread_id
    assert provider.requests[2].messages == provider.requests[1].messages
    texts = [m.text for m in store.threads.messages(second.thread_id)]
    assert texts == ["Q1", "A1", "Q2", "A2", "Q2", "B2"]
    asked = store.threads.messages(second.thread_id)[2]
    run = store.runs.get(again.run_id)
    assert run.metadata == {"again_of": second.run_id, "history_before": asked.seq}


def test_a_refused_repeat_leaves_no_thread_behind(store: Store, make_gpt: Any) -> None:
    engine, second, _ = two_turns(store, make_gpt)
    threads = store.threads.list()
    with pytest.raises(errors.ValidationError, match="no tool named"):
        run_again(engine, store, second.run_id, RunOverrides(tool_choice="missing"))
    assert store.threads.list() == threads


def test_an_unknown_run_is_refused(store: Store) -> None:
    engine = RunEngine(store, provider_for(ScriptedProvider([])))
    with pytest.raises(errors.UnknownRunError):
        run_again(engine, store, "run_missing", RunOverrides())
