"""Editing a question or asking it again: a new run on the history before it; the old stays."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for


def conversation(store: Store, make_gpt: Any, provider: ScriptedProvider) -> tuple[Any, str]:
    gpt = make_gpt(instructions="S.")
    engine = RunEngine(store, provider_for(provider))
    first = engine.run(gpt.id, "Q1")
    list(first)
    list(engine.run(gpt.id, "Q2", thread_id=first.thread_id))
    list(engine.run(gpt.id, "Q3", thread_id=first.thread_id))
    return engine, first.thread_id


def texts(store: Store, thread_id: str) -> list[str]:
    return [m.text for m in store.threads.messages(thread_id, current=True)]


def test_an_edited_question_answers_from_the_history_before_it(store: Store, make_gpt: Any) -> None:
    replies = [Reply(pieces=[f"A{n}"]) for n in (1, 2, 3)]
    provider = ScriptedProvider([*replies, Reply(pieces=["A2'"]), Reply(pieces=["A4"])])
    engine, thread_id = conversation(store, make_gpt, provider)
    gpt_id = store.threads.get(thread_id).gpt_id
    q2 = store.threads.messages(thread_id)[2]
    runs_before = [r.id for r in store.runs.list(thread_id)]

    edited = engine.run(gpt_id, "Q2'", thread_id=thread_id, replacing=q2.id)
    list(edited)

    assert [m["content"] for m in provider.requests[3].messages] == ["S.", "Q1", "A1", "Q2'"]
    assert texts(store, thread_id) == ["Q1", "A1", "Q2'", "A2'"]
    replaced = [m for m in store.threads.messages(thread_id) if m.superseded_by]
    assert [m.text for m in replaced] == ["Q2", "A2", "Q3", "A3"]
    assert {m.superseded_by for m in replaced} == {edited.run_id}
    # The earlier runs stay, for the playground.
    assert [r.id for r in store.runs.list(thread_id)] == [*runs_before, edited.run_id]

    list(engine.run(gpt_id, "Q4", thread_id=thread_id))
    assert [m["content"] for m in provider.requests[4].messages] == [
        "S.",
        "Q1",
        "A1",
        "Q2'",
        "A2'",
        "Q4",
    ]


def test_asking_the_last_question_again(store: Store, make_gpt: Any) -> None:
    replies = [Reply(pieces=[f"A{n}"]) for n in (1, 2, 3)]
    provider = ScriptedProvider([*replies, Reply(pieces=["A3 again"])])
    engine, thread_id = conversation(store, make_gpt, provider)
    q3 = store.threads.messages(thread_id)[4]

    list(engine.run(q3_gpt(store, thread_id), q3.text, thread_id=thread_id, replacing=q3.id))

    assert texts(store, thread_id) == ["Q1", "A1", "Q2", "A2", "Q3", "A3 again"]
    assert [m["content"] for m in provider.requests[3].messages][-1] == "Q3"


def q3_gpt(store: Store, thread_id: str) -> str:
    return store.threads.get(thread_id).gpt_id


@pytest.mark.parametrize("which", ["answer", "unknown", "replaced"])
def test_only_a_current_question_can_be_replaced(store: Store, make_gpt: Any, which: str) -> None:
    provider = ScriptedProvider([Reply(pieces=[f"A{n}"]) for n in (1, 2, 3)] + [Reply()])
    engine, thread_id = conversation(store, make_gpt, provider)
    messages = store.threads.messages(thread_id)
    if which == "replaced":
        store.threads.supersede(thread_id, messages[4].seq, messages[5].seq + 1, "run_x")
    target = {"answer": messages[1].id, "unknown": "msg_nope", "replaced": messages[4].id}[which]
    runs = len(store.runs.list(thread_id))

    with pytest.raises(errors.NotFoundError if which == "unknown" else errors.ValidationError):
        engine.run(q3_gpt(store, thread_id), "x", thread_id=thread_id, replacing=target)

    assert len(store.runs.list(thread_id)) == runs
    assert store.threads.get(thread_id).active_run_id is None
    assert len(store.threads.messages(thread_id)) == 6


def test_a_busy_thread_replaces_nothing(store: Store, make_gpt: Any) -> None:
    provider = ScriptedProvider([Reply(pieces=[f"A{n}"]) for n in (1, 2, 3)])
    engine, thread_id = conversation(store, make_gpt, provider)
    store.threads.lock(thread_id, "run_other")
    q2 = store.threads.messages(thread_id)[2]
    with pytest.raises(errors.ThreadBusyError):
        engine.run(q3_gpt(store, thread_id), "Q2'", thread_id=thread_id, replacing=q2.id)
    assert texts(store, thread_id) == ["Q1", "A1", "Q2", "A2", "Q3", "A3"]


def test_attachments_are_recorded_on_the_question(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    engine = RunEngine(store, provider_for(ScriptedProvider([Reply(pieces=["ok"])])))
    files = [{"file_id": "data.csv", "name": "data.csv", "tools": [{"type": "code_interpreter"}]}]
    stream = engine.run(gpt.id, "Plot it", attachments=files)
    list(stream)
    assert store.threads.messages(stream.thread_id)[0].attachments == files
