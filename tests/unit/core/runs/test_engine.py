"""The run engine with a scripted provider: statuses, steps, events, tools, failures."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import ClientTool, EchoTool


def engine_with(store: Store, provider: ScriptedProvider, *tools: Any) -> RunEngine:
    return RunEngine(store, provider_for(provider), lambda _d, _c: ToolRegistry(tools))


def drain(stream: Any) -> list[ev.Event]:
    return list(stream)


def names(events: list[ev.Event]) -> list[str]:
    return [e.event for e in events if e.event != ev.MESSAGE_DELTA]


def test_a_run_streams_persists_and_completes(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(instructions="Be brief.")
    provider = ScriptedProvider([Reply(pieces=["Hel", "lo", "!"])])
    events = drain(engine_with(store, provider).run(gpt.id, "Hi there"))

    assert names(events) == [
        "thread.created",
        ev.MESSAGE_CREATED,
        ev.RUN_CREATED,
        ev.RUN_IN_PROGRESS,
        ev.MODEL_LOADING,
        ev.MODEL_LOADED,
        ev.STEP_CREATED,
        ev.MESSAGE_CREATED,
        ev.MESSAGE_COMPLETED,
        ev.STEP_COMPLETED,
        ev.RUN_COMPLETED,
    ]
    deltas = [
        e.data["delta"]["content"][0]["text"]["value"]
        for e in events
        if e.event == ev.MESSAGE_DELTA
    ]
    assert deltas == ["Hel", "lo", "!"]
    run = store.runs.get(events[-1].data["id"])
    assert run.status == "completed"
    assert run.usage is not None and run.usage["completion_tokens"] == 3
    assert run.timings["ttft_ms"] >= 0 and run.timings["duration_ms"] >= run.timings["ttft_ms"]
    messages = store.threads.messages(run.thread_id)
    assert [(m.role, m.text, m.status) for m in messages] == [
        ("user", "Hi there", "completed"),
        ("assistant", "Hello!", "completed"),
    ]
    (step,) = store.runs.steps(run.id)
    call = step.step_details["model_call"]
    assert call["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi there"},
    ]
    assert call["prompt"] == "<system>Be brief.\n<user>Hi there\n"
    assert call["finish_reason"] == "stop"
    assert step.step_details["message_creation"]["message_id"] == messages[1].id
    assert step.usage is not None and step.usage["completion_tokens"] == 3
    assert "ttft_ms" in step.timings
    assert store.threads.get(run.thread_id).active_run_id is None


def test_second_turn_keeps_the_prompt_prefix(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(instructions="System.")
    provider = ScriptedProvider([Reply(pieces=["One."]), Reply(pieces=["Two."])])
    engine = engine_with(store, provider)
    first = engine.run(gpt.id, "first question")
    drain(first)
    drain(engine.run(gpt.id, "second question", thread_id=first.thread_id))

    before, after = (r.messages for r in provider.requests)
    assert after[: len(before)] == before
    assert after[len(before) :] == [
        {"role": "assistant", "content": "One."},
        {"role": "user", "content": "second question"},
    ]
    assert provider.loads == 1


def test_a_busy_thread_refuses_a_second_run(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(pieces=["a"]), Reply(pieces=["b"])])
    engine = engine_with(store, provider)
    stream = engine.run(gpt.id, "one")
    with pytest.raises(errors.ThreadBusyError, match=stream.run_id):
        engine.run(gpt.id, "two", thread_id=stream.thread_id)
    drain(stream)
    drain(engine.run(gpt.id, "two", thread_id=stream.thread_id))
    assert [m.text for m in store.threads.messages(stream.thread_id)] == ["one", "a", "two", "b"]


def test_cancel_between_tokens_keeps_the_partial_answer(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    holder: dict[str, Any] = {}

    def cancel_at(index: int) -> None:
        if index == 2:
            holder["stream"].cancel()

    provider = ScriptedProvider([Reply(pieces=["a", "b", "c", "d"], before_piece=cancel_at)])
    stream = engine_with(store, provider).run(gpt.id, "go")
    holder["stream"] = stream
    events = drain(stream)

    assert events[-1].event == ev.RUN_CANCELLED
    run = store.runs.get(stream.run_id)
    assert run.status == "cancelled" and run.cancelled_at is not None
    (step,) = store.runs.steps(run.id)
    assert step.status == "cancelled"
    _, answer = store.threads.messages(stream.thread_id)
    assert (answer.text, answer.status) == ("ab", "incomplete")
    assert store.threads.get(stream.thread_id).active_run_id is None


def test_cancel_from_another_thread(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    started, release = threading.Event(), threading.Event()

    def block(index: int) -> None:
        if index == 1:
            started.set()
            release.wait(5)

    provider = ScriptedProvider([Reply(pieces=["x", "y", "z"], before_piece=block)])
    engine = engine_with(store, provider)
    stream = engine.run(gpt.id, "go")
    result: list[ev.Event] = []
    worker = threading.Thread(target=lambda: result.extend(stream))
    worker.start()
    assert started.wait(5)
    engine.cancel(stream.run_id)
    assert store.runs.get(stream.run_id).status == "cancelling"
    release.set()
    worker.join(5)
    assert result[-1].event == ev.RUN_CANCELLED
    assert store.runs.get(stream.run_id).status == "cancelled"


def test_provider_failure_marks_the_run_failed_and_keeps_everything(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()

    def explode(index: int) -> None:
        if index == 2:
            raise errors.ProviderError("the model server went away")

    provider = ScriptedProvider([Reply(pieces=["par", "tial", "x"], before_piece=explode)])
    stream = engine_with(store, provider).run(gpt.id, "question")
    events = drain(stream)

    assert events[-1].event == ev.RUN_FAILED
    assert ev.STEP_FAILED in names(events)
    run = store.runs.get(stream.run_id)
    assert run.last_error == {"code": "provider_error", "message": "the model server went away"}
    assert run.failed_at is not None
    (step,) = store.runs.steps(run.id)
    assert step.status == "failed" and step.last_error == run.last_error
    assert step.step_details["model_call"]["prompt"]
    user, answer = store.threads.messages(stream.thread_id)
    assert user.text == "question"
    assert (answer.text, answer.status) == ("partial", "incomplete")
    assert store.threads.get(stream.thread_id).active_run_id is None


def test_an_unexpected_exception_is_recorded_not_raised(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(error=KeyError("boom"))])
    events = drain(engine_with(store, provider).run(gpt.id, "q"))
    assert events[-1].event == ev.RUN_FAILED
    assert events[-1].data["last_error"]["code"] == "internal_error"
    assert "KeyError" in events[-1].data["last_error"]["message"]


def test_the_tool_loop_runs_tools_and_feeds_outputs_back(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    echo = EchoTool()
    provider = ScriptedProvider(
        [
            Reply(pieces=["Let me check."], tool_calls=[("echo", '{"text": "hi"}')]),
            Reply(pieces=["It says HI."]),
        ]
    )
    stream = engine_with(store, provider, echo).run(gpt.id, "shout hi")
    events = drain(stream)

    assert events[-1].event == ev.RUN_COMPLETED
    assert echo.calls == [{"text": "hi"}]
    steps = store.runs.steps(stream.run_id)
    assert [(s.type, s.status) for s in steps] == [
        ("message_creation", "completed"),
        ("tool_calls", "completed"),
        ("message_creation", "completed"),
    ]
    (call,) = steps[1].step_details["tool_calls"]
    assert call["function"] == {"name": "echo", "arguments": '{"text": "hi"}', "output": "HI"}
    assert call["details"] == {"length": 2}
    second = provider.requests[1]
    assert second.messages[-2]["tool_calls"][0]["function"]["name"] == "echo"
    assert second.messages[-2]["content"] == "Let me check."
    assert second.messages[-1] == {"role": "tool", "tool_call_id": call["id"], "content": "HI"}
    assert provider.requests[0].tools[0]["function"]["name"] == "echo"
    assert steps[0].step_details["model_call"]["tools"] == ["echo"]


@pytest.mark.parametrize(
    ("name", "arguments", "expected"),
    [
        ("echo", "{not json", "not valid JSON"),
        ("echo", "[1, 2]", "must be a JSON object"),
        ("nosuch", "{}", "unknown tool 'nosuch'"),
        ("echo", "{}", "missing 'text'"),
    ],
)
def test_bad_tool_calls_become_outputs_the_model_reads(
    store: Store, make_gpt: Any, name: str, arguments: str, expected: str
) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(tool_calls=[(name, arguments)]), Reply(pieces=["sorry"])])
    stream = engine_with(store, provider, EchoTool()).run(gpt.id, "q")
    events = drain(stream)
    assert events[-1].event == ev.RUN_COMPLETED
    tool_message = provider.requests[1].messages[-1]
    assert tool_message["role"] == "tool"
    assert expected in tool_message["content"]


def test_external_tools_pause_the_run_until_outputs_arrive(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider(
        [
            Reply(tool_calls=[("lookup", '{"q": 1}'), ("lookup", '{"q": 2}')]),
            Reply(pieces=["done"]),
        ]
    )
    engine = engine_with(store, provider, ClientTool())
    stream = engine.run(gpt.id, "look up two things")
    events = drain(stream)
    assert events[-1].event == ev.RUN_REQUIRES_ACTION
    run = store.runs.get(stream.run_id)
    assert run.status == "requires_action"
    pending = run.required_action["submit_tool_outputs"]["tool_calls"]  # type: ignore[index]
    assert [c["function"]["arguments"] for c in pending] == ['{"q": 1}', '{"q": 2}']
    assert store.threads.get(stream.thread_id).active_run_id == run.id

    with pytest.raises(errors.RunStateError, match="not waiting for call_x"):
        engine.submit_tool_outputs(run.id, {"call_x": "?"})
    partial = drain(engine.submit_tool_outputs(run.id, {pending[0]["id"]: "one"}))
    assert [e.event for e in partial] == [ev.STEP_DELTA, ev.RUN_REQUIRES_ACTION]
    assert len(store.runs.get(run.id).required_action["submit_tool_outputs"]["tool_calls"]) == 1  # type: ignore[index]

    rest = drain(engine.submit_tool_outputs(run.id, {pending[1]["id"]: "two"}))
    assert rest[-1].event == ev.RUN_COMPLETED
    tool_step = next(s for s in store.runs.steps(run.id) if s.type == "tool_calls")
    assert tool_step.status == "completed"
    assert tool_step.completed_at is not None and tool_step.completed_at >= tool_step.created_at
    assert all(c["submitted"] for c in tool_step.step_details["tool_calls"])
    tool_messages = [m for m in provider.requests[1].messages if m["role"] == "tool"]
    assert [m["content"] for m in tool_messages] == ["one", "two"]
    assert store.threads.get(stream.thread_id).active_run_id is None
    with pytest.raises(errors.RunStateError):
        engine.submit_tool_outputs(run.id, {pending[0]["id"]: "late"})


def test_manual_tool_outputs_pause_even_runnable_tools(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(manual_tool_outputs=True)
    echo = EchoTool()
    provider = ScriptedProvider(
        [Reply(tool_calls=[("echo", '{"text": "a"}')]), Reply(pieces=["ok"])]
    )
    engine = engine_with(store, provider, echo)
    stream = engine.run(gpt.id, "q")
    assert drain(stream)[-1].event == ev.RUN_REQUIRES_ACTION
    assert echo.calls == []
    call_id = store.runs.get(stream.run_id).required_action["submit_tool_outputs"]["tool_calls"][0][
        "id"
    ]  # type: ignore[index]
    assert drain(engine.submit_tool_outputs(stream.run_id, {call_id: "typed by hand"}))[
        -1
    ].event == (ev.RUN_COMPLETED)
    assert provider.requests[1].messages[-1]["content"] == "typed by hand"


def test_cancelling_a_paused_run_frees_the_thread(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(tool_calls=[("lookup", "{}")])])
    engine = engine_with(store, provider, ClientTool())
    stream = engine.run(gpt.id, "q")
    drain(stream)
    run = engine.cancel(stream.run_id)
    assert run.status == "cancelled"
    assert store.threads.get(stream.thread_id).active_run_id is None
    assert store.runs.steps(run.id)[-1].status == "cancelled"
    with pytest.raises(errors.RunStateError, match="already ended"):
        engine.cancel(run.id)


def test_endless_tool_calls_stop_with_a_clear_error(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(tool_calls=[("echo", '{"text": "x"}')]) for _ in range(20)])
    events = drain(engine_with(store, provider, EchoTool()).run(gpt.id, "loop"))
    assert events[-1].event == ev.RUN_FAILED
    assert "kept calling tools" in events[-1].data["last_error"]["message"]


def test_auto_truncation_drops_old_turns_and_records_them(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(instructions="S", model={"max_tokens": 10})
    # 4 characters a token, 60 tokens of context, 10 reserved for the answer.
    provider = ScriptedProvider([Reply(pieces=["a" * 40]) for _ in range(4)], context_size=60)
    engine = engine_with(store, provider)
    first = engine.run(gpt.id, "first " * 4)
    drain(first)
    for text in ("second", "third", "fourth"):
        drain(engine.run(gpt.id, text, thread_id=first.thread_id))
    last = store.runs.list(first.thread_id)[-1]
    step = store.runs.steps(last.id)[0]
    call = step.step_details["model_call"]
    assert call["truncation"]["type"] == "auto"
    assert call["truncation"]["dropped_message_ids"]
    assert call["messages"][0] == {"role": "system", "content": "S"}
    assert call["messages"][-1] == {"role": "user", "content": "fourth"}
    assert call["prompt_tokens"] + 10 <= 60


def test_a_prompt_that_never_fits_fails_the_run(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(model={"max_tokens": 10})
    provider = ScriptedProvider([], context_size=50)
    stream = engine_with(store, provider).run(gpt.id, "word " * 100)
    events = drain(stream)
    assert events[-1].event == ev.RUN_FAILED
    assert events[-1].data["last_error"]["code"] == "context_length_exceeded"
    assert store.threads.messages(stream.thread_id)[0].text.startswith("word")


def test_last_messages_strategy(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(model={"truncation": {"type": "last_messages", "last_messages": 3}})
    provider = ScriptedProvider([Reply(pieces=[f"a{i}"]) for i in range(3)])
    engine = engine_with(store, provider)
    first = engine.run(gpt.id, "u0")
    drain(first)
    drain(engine.run(gpt.id, "u1", thread_id=first.thread_id))
    drain(engine.run(gpt.id, "u2", thread_id=first.thread_id))
    assert provider.requests[-1].messages == [
        {"role": "user", "content": "u1"},
        {"role": "assistant", "content": "a1"},
        {"role": "user", "content": "u2"},
    ]


def test_abandoning_the_stream_cancels_the_run(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(pieces=["a", "b", "c"])])
    stream = engine_with(store, provider).run(gpt.id, "q")
    iterator = iter(stream)
    for event in iterator:
        if event.event == ev.MESSAGE_DELTA:
            break
    iterator.close()  # type: ignore[attr-defined]
    run = store.runs.get(stream.run_id)
    assert run.status == "cancelled"
    assert store.threads.get(stream.thread_id).active_run_id is None


def test_refusals_store_nothing(store: Store, make_gpt: Any) -> None:
    gpt, other = make_gpt(), make_gpt(name="Other")
    engine = engine_with(store, ScriptedProvider([Reply(pieces=["x"])]))
    with pytest.raises(errors.UnknownGptError):
        engine.run("gpt_missing", "hi")
    with pytest.raises(errors.UnknownThreadError):
        engine.run(gpt.id, "hi", thread_id="thread_missing")
    with pytest.raises(errors.ValidationError, match="empty"):
        engine.run(gpt.id, "   ")
    stream = engine.run(gpt.id, "hi")
    drain(stream)
    with pytest.raises(errors.ValidationError, match="another GPT"):
        engine.run(other.id, "hi", thread_id=stream.thread_id)
    assert len(store.threads.list()) == 1


def test_a_gpt_without_a_model_fails_with_instructions(
    store: Store, make_gpt: Any, factory: Any
) -> None:
    gpt = make_gpt()
    stream = RunEngine(store, factory).run(gpt.id, "hi")
    events = drain(stream)
    assert events[-1].event == ev.RUN_FAILED
    error = events[-1].data["last_error"]
    assert error["code"] == "no_model"
    assert error["message"].startswith("No model selected for this GPT: choose one")
    assert error["action"] == {"kind": "choose_model", "args": {}}


def test_recover_marks_runs_of_dead_processes(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    engine = engine_with(store, ScriptedProvider([Reply(pieces=["a", "b"])]))
    stream = engine.run(gpt.id, "q")
    iterator = iter(stream)
    seen = [next(iterator)]
    while seen[-1].event != ev.MESSAGE_DELTA:  # drive the run until it is mid-answer
        seen.append(next(iterator))
    # Pretend the process that owns the run died: its owner no longer matches a live process.
    store.runs.update(store.runs.get(stream.run_id), owner="999999999:1.0")
    assert engine.recover() == [stream.run_id]
    run = store.runs.get(stream.run_id)
    assert run.status == "failed" and run.last_error is not None
    assert run.last_error["code"] == "interrupted"
    assert store.threads.get(stream.thread_id).active_run_id is None


def test_the_tool_registry_is_built_once_each_time_a_run_is_driven(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()
    built: list[str] = []

    def tools_for(_definition: Any, context: Any) -> ToolRegistry:
        built.append(context.thread_id)
        return ToolRegistry([ClientTool()])

    provider = ScriptedProvider([Reply(tool_calls=[("lookup", "{}")]), Reply(pieces=["ok"])])
    engine = RunEngine(store, provider_for(provider), tools_for)
    stream = engine.run(gpt.id, "ask")
    drain(stream)
    assert built == [stream.thread_id]  # the run's record and its driver share one
    (call,) = store.runs.get(stream.run_id).required_action["submit_tool_outputs"]["tool_calls"]

    drain(engine.submit_tool_outputs(stream.run_id, {call["id"]: "answer"}))

    assert built == [stream.thread_id, stream.thread_id]
    assert store.runs.get(stream.run_id).tools[0]["function"]["name"] == "lookup"
