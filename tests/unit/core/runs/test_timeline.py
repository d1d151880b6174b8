"""Tests for desktop/core/runs/timeline.py: a run applied live equals the run read back.

Each test drives a real run through the engine (scripted provider, real store), applies
every event it streams to a fresh timeline, and compares it with `RunTimeline.load`, and
with the driver's own timeline, at each point the run stops or pauses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.core import errors
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine, RunStream
from desktop.core.runs.parts import PARTS
from desktop.core.runs.steps import FunctionCall, RetrievalCall, Step
from desktop.core.runs.timeline import Change, RunTimeline
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from desktop.core.tools.base import ToolResult, ToolSpec
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import ClientTool, EchoTool, WebTool

SOURCES = [
    {
        "id": "chunk_7",
        "file_id": "file_1",
        "file": "手册.pdf",
        "text": "Cats sleep sixteen hours a day. " * 10,
        "page": 4,
        "location": "",
        "score": 0.032,
        "ranks": {"bm25": 1, "vector": 3},
        "scores": {"bm25": 7.5, "vector": 0.61},
    },
    {
        "id": "chunk_9",
        "file_id": "file_2",
        "file": "notes.md",
        "text": "Dogs sleep less.",
        "page": None,
        "location": "## Sleep",
        "score": 0.016,
        "ranks": {"bm25": 2},
        "scores": {"bm25": 3.1},
    },
]
FILES = [{"id": "file_1", "name": "手册.pdf", "sha256": "0" * 64, "size": 10}]


class RecordingTool:
    """An action-like tool whose result carries an HTTP summary, code outputs and images."""

    external = False

    def __init__(self) -> None:
        self.spec = ToolSpec(name="report", description="Make a report.")

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        return ToolResult(
            output="done",
            details={
                "request": {
                    "method": "GET",
                    "url": "https://api.example.com/v1/x?key=***",
                    "status": 200,
                    "duration_ms": 12.5,
                    "response_bytes": 40,
                    "content_type": "application/json",
                },
                "output_chars": 4,
            },
            record={
                "code_interpreter": {
                    "input": "print(1)\nplot()",
                    "outputs": [
                        {"type": "logs", "logs": "1\n"},
                        {"type": "image", "image": {"name": "plot-1.png"}},
                    ],
                    "kernel": {"started": True, "duration_ms": 30.0, "outcome": "ok"},
                }
            },
            images=("plot-1.png",),
        )


def engine(store: Store, provider: ScriptedProvider, *tools: Any, retrieve: bool = False) -> Any:
    retriever = (lambda _d, _g, _t, _q: [dict(s) for s in SOURCES]) if retrieve else None
    return RunEngine(
        store, provider_for(provider), lambda _d, _c: ToolRegistry(tools), retriever=retriever
    )


def follow(live: RunTimeline, stream: Iterable[ev.Event]) -> list[ev.Event]:
    events = list(stream)
    for event in events:
        live.apply(event)
    return events


def assert_same(store: Store, live: RunTimeline, stream: RunStream | None = None) -> None:
    assert live.run is not None
    stored = RunTimeline.load(store, live.run.id)
    assert live.to_dict() == stored.to_dict()
    if stream is not None:  # the driver's own working state
        assert stream.timeline.to_dict() == stored.to_dict()
    for record in store.runs.steps(live.run.id):
        assert Step.from_record(record).to_dict() == record.to_dict()


def test_retrieval_tool_calls_and_an_answer(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(knowledge={"files": FILES})
    provider = ScriptedProvider(
        [
            Reply(pieces=["Let me ", "check."], tool_calls=[("echo", '{"text": "hi"}')]),
            Reply(pieces=["Cats sleep [1]", " a lot [2]."]),
        ]
    )
    live = RunTimeline()
    stream = engine(store, provider, EchoTool(), retrieve=True).run(gpt.id, "Sleep?")
    events = []
    for event in stream:
        events.append(event)
        live.apply(event)
        if event.event == ev.MESSAGE_CREATED and event.data["role"] == "assistant":
            # The step that writes the message names it at once, as the store does.
            step = live.steps[-1]
            assert step.message_id == event.data["id"]
            assert step.to_dict() == store.runs.steps(step.run_id)[-1].to_dict()

    assert events[-1].event == ev.RUN_COMPLETED
    assert_same(store, live, stream)
    retrieval, first, tools, second = live.steps
    found = retrieval.details.retrieval()  # type: ignore[union-attr]
    assert isinstance(found, RetrievalCall)
    chunk = found.retrieval.results[0]
    assert (chunk.file, chunk.page, chunk.ranks, chunk.scores["vector"]) == (
        "手册.pdf",
        4,
        {"bm25": 1, "vector": 3},
        0.61,
    )
    assert chunk.quote == SOURCES[0]["text"][:200] and chunk.where == "page 4"
    assert found.retrieval.results[1].where == "## Sleep"
    call = first.model_call
    assert call is not None and call.finish_reason == "tool_calls"
    assert call.messages[-1]["content"].startswith("Sleep?\n\nKnowledge excerpts")
    parts = call.prompt_parts
    assert parts is not None and parts.knowledge > parts.message > 0
    assert sum(getattr(parts, n) for n in PARTS) == call.prompt_tokens
    (echo,) = tools.function_calls()
    assert (echo.name, echo.arguments, echo.output) == ("echo", '{"text": "hi"}', "HI")
    assert echo.duration_ms is not None and echo.answered
    assert second.usage is not None and second.usage.completion_tokens == 2
    answer = live.answer
    assert answer is not None and answer.text == "Cats sleep [1] a lot [2]."
    cited = [a["file_citation"]["file"] for a in answer.content[-1]["text"]["annotations"]]
    assert cited == ["手册.pdf", "notes.md"]


def test_consent_pause_and_resume(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider(
        [Reply(tool_calls=[("fetch", '{"text": "a"}')]), Reply(pieces=["ok"])]
    )
    runs = engine(store, provider, WebTool())
    live = RunTimeline()
    stream = runs.run(gpt.id, "look it up")
    assert follow(live, stream)[-1].event == ev.RUN_REQUIRES_ACTION
    assert_same(store, live, stream)
    assert live.run is not None and live.run.required_action is not None
    assert live.run.required_action["consent"]["domain"] == "api.example.com"

    resumed = runs.answer_consent(live.run.id, "allow_once")
    assert follow(live, resumed)[-1].event == ev.RUN_COMPLETED

    assert_same(store, live, resumed)
    (fetch,) = live.function_calls()
    assert fetch.consent is not None
    assert (fetch.consent.domain, fetch.consent.decision, fetch.consent.asked) == (
        "api.example.com",
        "allow_once",
        True,
    )


def test_requires_action_answered_in_two_parts(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    calls = [("lookup", '{"q": 1}'), ("lookup", '{"q": 2}')]
    provider = ScriptedProvider([Reply(tool_calls=calls), Reply(pieces=["thanks"])])
    runs = engine(store, provider, ClientTool())
    live = RunTimeline()
    follow(live, runs.run(gpt.id, "ask the user"))
    assert live.run is not None and live.run.status == "requires_action"
    first, second = live.function_calls()
    assert not first.answered and not second.answered

    partial = runs.submit_tool_outputs(live.run.id, {first.id: "one"})
    assert [e.event for e in follow(live, partial)] == [ev.STEP_DELTA, ev.RUN_REQUIRES_ACTION]
    assert_same(store, live, partial)
    assert live.function_calls()[0].output == "one"

    rest = runs.submit_tool_outputs(live.run.id, {second.id: "two"})
    assert follow(live, rest)[-1].event == ev.RUN_COMPLETED
    assert_same(store, live, rest)
    assert [c.output for c in live.function_calls()] == ["one", "two"]
    assert all(c.submitted for c in live.function_calls())


def test_cancel_between_tokens(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    holder: dict[str, RunStream] = {}

    def cancel_at(index: int) -> None:
        if index == 2:
            holder["stream"].cancel()

    provider = ScriptedProvider([Reply(pieces=["a", "b", "c"], before_piece=cancel_at)])
    live = RunTimeline()
    holder["stream"] = engine(store, provider).run(gpt.id, "go")
    assert follow(live, holder["stream"])[-1].event == ev.RUN_CANCELLED

    assert_same(store, live, holder["stream"])
    assert live.steps[0].status == "cancelled"
    assert live.answer is not None and (live.answer.text, live.answer.status) == (
        "ab",
        "incomplete",
    )


def test_a_failure_mid_answer_closes_the_message(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()

    def explode(index: int) -> None:
        if index == 1:
            raise errors.ProviderError("the server went away")

    provider = ScriptedProvider([Reply(pieces=["par", "tial"], before_piece=explode)])
    live = RunTimeline()
    stream = engine(store, provider).run(gpt.id, "q")
    names = [e.event for e in follow(live, stream)]

    assert names[-3:] == [ev.MESSAGE_INCOMPLETE, ev.STEP_FAILED, ev.RUN_FAILED]
    assert_same(store, live, stream)
    step = live.steps[0]
    assert step.last_error is not None and step.last_error.code == "provider_error"


def test_tool_records_are_typed(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider(
        [Reply(tool_calls=[("report", "{}")]), Reply(pieces=["Here it is."])]
    )
    live = RunTimeline()
    stream = engine(store, provider, RecordingTool()).run(gpt.id, "report")
    follow(live, stream)

    assert_same(store, live, stream)
    (call,) = live.function_calls()
    assert isinstance(call, FunctionCall)
    http = call.http
    assert http is not None and (http.method, http.status, http.duration_ms) == ("GET", 200, 12.5)
    code = call.code_interpreter
    assert code is not None and code.input.startswith("print(1)")
    assert [o.type for o in code.outputs] == ["logs", "image"]
    assert code.outputs[1].image == {"name": "plot-1.png"}
    assert call.images == ["plot-1.png"]
    answer = live.answer
    assert answer is not None
    assert answer.content[0] == {"type": "image_file", "image_file": {"file_id": "plot-1.png"}}


def test_apply_says_what_changed(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(pieces=["Hel", "lo"])])
    live = RunTimeline()
    changes = [live.apply(e) for e in engine(store, provider).run(gpt.id, "hi")]

    answer = live.answer
    assert answer is not None and answer.text == "Hello"
    deltas = [c for c in changes if c == Change("message", answer.id)]
    assert len(deltas) >= 3  # created, each delta, completed: one row changes each time
    assert Change("model", "scripted:test") in changes
    assert live.loading is None  # loading ended before the answer
    assert None in changes  # thread.created names no part of the run
