"""Two runs compared: steps aligned by kind, differences marked, timings never counted."""

from __future__ import annotations

from typing import Any

from desktop.core.runs.compare import MODEL_CALL, RETRIEVAL, TOOL_CALLS, compare
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.overrides import RunOverrides
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool

FILES = [{"id": "file_1", "name": "cats.pdf", "sha256": "0" * 64, "size": 10}]
CHUNK = {
    "id": "c1",
    "file_id": "file_1",
    "file": "cats.pdf",
    "text": "Cats sleep sixteen hours.",
    "page": 3,
    "location": "",
    "score": 0.03,
    "ranks": {"bm25": 1},
    "scores": {"bm25": 4.2},
}


def run(store: Store, gpt_id: str, replies: list[Reply], **overrides: Any) -> RunTimeline:
    engine = RunEngine(
        store,
        provider_for(ScriptedProvider(replies)),
        lambda _d, _c: ToolRegistry([EchoTool()]),
        retriever=lambda _d, _g, _t, _q: [dict(CHUNK)],
    )
    stream = engine.run(gpt_id, "How long do cats sleep?", overrides=RunOverrides(**overrides))
    list(stream)
    return RunTimeline.load(store, stream.run_id)


def test_an_extra_tool_round_lines_up_and_differences_are_marked(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt(knowledge={"files": FILES})
    left = run(
        store,
        gpt.id,
        [Reply(tool_calls=[("echo", '{"text": "a"}')]), Reply(pieces=["Sixteen [1]."])],
    )
    right = run(store, gpt.id, [Reply(pieces=["About 16 hours [1]."])], temperature=0.2)

    result = compare(left, right)

    kinds = [(p.kind, p.left is not None, p.right is not None) for p in result.pairs]
    assert kinds == [
        (RETRIEVAL, True, True),
        (MODEL_CALL, True, True),
        (TOOL_CALLS, True, False),
        (MODEL_CALL, True, False),
    ]
    retrieval, first_call, _tools, _second = result.pairs
    assert retrieval.matched  # same chunks, same query; its duration is not a difference
    assert any(f.key == "duration_ms" and f.measured for f in retrieval.facts)
    differing = {f.key for f in first_call.differences}
    assert {"finish_reason", "output", "temperature"} <= differing
    settings = {f.key: f for f in result.settings}
    assert settings["temperature"].differs and (
        settings["temperature"].left,
        settings["temperature"].right,
    ) == (0.7, 0.2)
    assert settings["answer"].differs
    assert not settings["model"].differs and not settings["duration_ms"].differs
    assert (
        result.differences
        == sum(f.differs for f in result.settings) + len(first_call.differences) + 2
    )


def test_tool_calls_compare_their_arguments_as_json(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    replies = [Reply(tool_calls=[("echo", '{"text": "x", "n": 1}')]), Reply(pieces=["ok"])]
    left = run(store, gpt.id, replies)
    spaced = [Reply(tool_calls=[("echo", '{ "n": 1,  "text": "x" }')]), Reply(pieces=["ok"])]
    right = run(store, gpt.id, spaced)
    other = run(
        store, gpt.id, [Reply(tool_calls=[("echo", '{"text": "y"}')]), Reply(pieces=["ok"])]
    )

    same = compare(left, right)
    assert [p.kind for p in same.pairs] == [MODEL_CALL, TOOL_CALLS, MODEL_CALL]
    tools = same.pairs[1]
    assert tools.matched, tools.differences
    changed = compare(left, other).pairs[1]
    assert [(f.key, f.index) for f in changed.differences] == [("arguments", 1), ("tool_output", 1)]


def test_a_run_compared_with_itself_has_no_differences(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(knowledge={"files": FILES})
    timeline = run(store, gpt.id, [Reply(pieces=["Sixteen."])])
    result = compare(timeline, timeline)
    assert result.differences == 0
    assert all(p.matched for p in result.pairs)
