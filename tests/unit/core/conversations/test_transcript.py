"""The chat's conversation state: rows from the store, and one row per streamed change."""

from __future__ import annotations

from typing import Any

from desktop.core.conversations.transcript import CONSENT, MESSAGE, TOOL, Edit, Transcript
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from desktop.core.store.records import text_content
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool


def engine(store: Store, replies: list[Reply]) -> RunEngine:
    tools = lambda _d, _c: ToolRegistry([EchoTool()])  # noqa: E731
    return RunEngine(store, provider_for(ScriptedProvider(replies)), tools)


def kinds(transcript: Transcript) -> list[str]:
    return [item.kind for item in transcript.items]


def test_rows_from_the_store_put_tool_steps_between_messages(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    replies = [
        Reply(pieces=["Let me echo."], tool_calls=[("echo", '{"text": "hi"}')]),
        Reply(pieces=["It said HI."]),
        Reply(pieces=["Bye."]),
    ]
    run = engine(store, replies)
    first = run.run(gpt.id, "Echo hi")
    list(first)
    list(run.run(gpt.id, "Thanks", thread_id=first.thread_id))

    transcript = Transcript.load(store, first.thread_id)

    assert kinds(transcript) == [MESSAGE, MESSAGE, TOOL, MESSAGE, MESSAGE, MESSAGE]
    texts = [
        transcript.message(i.key).text if i.kind == MESSAGE else "tool" for i in transcript.items
    ]
    assert texts == ["Echo hi", "Let me echo.", "tool", "It said HI.", "Thanks", "Bye."]
    tool = transcript.items[2]
    assert transcript.step(tool).function_calls()[0].output == "HI"
    assert transcript.last_run is not None and transcript.active_run() is None


def test_a_streamed_token_changes_one_row(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    run = engine(store, [Reply(pieces=["One."]), Reply(pieces=["Tw", "o."])])
    first = run.run(gpt.id, "1?")
    list(first)
    transcript = Transcript.load(store, first.thread_id)

    edits: list[tuple[str, Edit | None]] = []
    for event in run.run(gpt.id, "2?", thread_id=first.thread_id):
        edits.append((event.event, transcript.apply(event)))

    deltas = [e for name, e in edits if name == ev.MESSAGE_DELTA]
    assert deltas == [Edit(changed=(3,)), Edit(changed=(3,))]
    inserts = [e for _, e in edits if e is not None and e.structural]
    assert inserts == [Edit(2, 0, 1), Edit(3, 0, 1)]  # the question, then the answer
    assert transcript.message(transcript.items[3].key).text == "Two."
    assert transcript.version(transcript.items[3].key) >= 2
    live = transcript.last_run
    assert live is not None and live.run is not None and live.run.status == "completed"


def test_consent_waits_as_a_row_of_its_own(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    with store.transaction() as tx:
        thread = tx.threads.create(gpt.id)
        run = tx.runs.create(
            thread.id,
            gpt.id,
            1,
            model={},
            instructions="",
            tool_choice="auto",
            truncation_strategy={},
        )
        tx.threads.add_message(thread.id, "user", text_content("Weather?"), "completed", run.id)
    store.runs.update(
        run,
        status="requires_action",
        required_action={"type": "consent", "consent": {"domain": "api.example.com"}},
    )
    transcript = Transcript.load(store, thread.id)
    assert kinds(transcript) == [MESSAGE, CONSENT]
    assert transcript.active_run() is not None

    run.status, run.required_action = "cancelled", None
    edit = transcript.apply(ev.Event(ev.RUN_CANCELLED, run.to_dict()))
    assert edit == Edit(1, 1, 0, ())
    assert kinds(transcript) == [MESSAGE]


def test_drop_from_and_replace_run(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    run = engine(store, [Reply(pieces=["A1"]), Reply(pieces=["A2"])])
    first = run.run(gpt.id, "Q1")
    list(first)
    second = run.run(gpt.id, "Q2", thread_id=first.thread_id)
    list(second)
    transcript = Transcript.load(store, first.thread_id)

    assert transcript.drop_from(transcript.items[2].key) == Edit(2, 2, 0)
    assert len(transcript) == 2 and second.run_id not in transcript.timelines

    loaded = RunTimeline.load(store, second.run_id)
    edit = transcript.replace_run(loaded)
    assert edit.start == 2 and edit.inserted == 2
    assert [transcript.message(i.key).text for i in transcript.items] == ["Q1", "A1", "Q2", "A2"]


def test_imported_messages_without_runs_are_rows(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    thread = store.threads.create(gpt.id)
    with store.transaction() as tx:
        tx.threads.add_message(thread.id, "user", text_content("hi"), "completed")
        tx.threads.add_message(thread.id, "assistant", text_content("hello"), "completed")
    transcript = Transcript.load(store, thread.id)
    assert [transcript.message(i.key).text for i in transcript.items] == ["hi", "hello"]
    assert transcript.last_run is None
