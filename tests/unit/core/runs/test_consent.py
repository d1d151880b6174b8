"""Per-domain consent: the run pauses, the answer is recorded, and the call runs or is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool, WebTool


def engine_with(store: Store, provider: ScriptedProvider, *tools: Any) -> RunEngine:
    return RunEngine(store, provider_for(provider), lambda _d, _c: ToolRegistry(tools))


def fetch_twice() -> Reply:
    return Reply(tool_calls=[("fetch", '{"text": "a"}'), ("fetch", '{"text": "b"}')])


def paused(store: Store, events: list[ev.Event]) -> dict[str, Any]:
    assert events[-1].event == ev.RUN_REQUIRES_ACTION
    run = store.runs.get(events[-1].data["id"])
    assert run.status == "requires_action"
    assert run.required_action is not None and run.required_action["type"] == "consent"
    return run.required_action["consent"]


def function_calls(store: Store, run_id: str) -> list[dict[str, Any]]:
    steps = [s for s in store.runs.steps(run_id) if s.type == "tool_calls"]
    return [c for s in steps for c in s.step_details["tool_calls"]]


def test_first_call_to_a_host_waits_and_allow_once_covers_the_run(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()
    tool = WebTool()
    provider = ScriptedProvider([fetch_twice(), Reply(pieces=["done"])])
    engine = engine_with(store, provider, tool)

    asked = paused(store, list(engine.run(gpt.id, "look it up")))
    assert asked["domain"] == "api.example.com" and asked["tool"] == "fetch"
    assert tool.calls == []  # nothing reached the network before the answer

    events = list(engine.answer_consent(events_run_id(store), "allow_once"))
    assert events[-1].event == ev.RUN_COMPLETED
    assert tool.calls == [{"text": "a"}, {"text": "b"}]
    first, second = function_calls(store, events[-1].data["id"])
    assert first["consent"] == {
        "domain": "api.example.com",
        "decision": "allow_once",
        "asked": True,
    }
    assert second["consent"]["decision"] == "allow_once" and second["consent"]["asked"] is False
    assert first["function"]["output"] == "A"
    (tool_step,) = [s for s in store.runs.steps(events[-1].data["id"]) if s.type == "tool_calls"]
    assert tool_step.timings["duration_ms"] == round(
        first["duration_ms"] + second["duration_ms"], 2
    )
    assert store.gpts.get(gpt.id).definition.allowed_domains == []


def events_run_id(store: Store) -> str:
    (run,) = [r for t in store.threads.list(None) for r in store.runs.list(t.id)]
    return run.id


def test_deny_tells_the_model_and_the_run_goes_on(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    tool = WebTool()
    provider = ScriptedProvider([fetch_twice(), Reply(pieces=["I could not look."])])
    engine = engine_with(store, provider, tool)
    list(engine.run(gpt.id, "look it up"))

    events = list(engine.answer_consent(events_run_id(store), "deny"))
    assert events[-1].event == ev.RUN_COMPLETED
    assert tool.calls == []
    calls = function_calls(store, events[-1].data["id"])
    for call in calls:
        assert call["error"]["code"] == "consent_denied"
        assert (
            "did not allow calls to api.example.com"
            in json.loads(call["function"]["output"])["error"]
        )
    tool_messages = [m for m in provider.requests[-1].messages if m["role"] == "tool"]
    assert len(tool_messages) == 2 and "did not allow" in tool_messages[0]["content"]


def test_always_allow_adds_the_host_to_the_gpt_and_later_runs_do_not_ask(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()
    tool = WebTool()
    provider = ScriptedProvider(
        [fetch_twice(), Reply(pieces=["one"]), fetch_twice(), Reply(pieces=["two"])]
    )
    engine = engine_with(store, provider, tool)
    first = list(engine.run(gpt.id, "look it up"))
    run_id = first[-1].data["id"]
    list(engine.answer_consent(run_id, "always"))
    saved = store.gpts.get(gpt.id)
    assert saved.definition.allowed_domains == ["api.example.com"]
    assert saved.version == gpt.version + 1

    events = list(engine.run(gpt.id, "again"))
    assert events[-1].event == ev.RUN_COMPLETED
    calls = function_calls(store, events[-1].data["id"])
    assert [c["consent"]["decision"] for c in calls] == ["allowlisted", "allowlisted"]
    assert len(tool.calls) == 4


def test_allowlisted_hosts_and_local_tools_never_ask(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(allowed_domains=["API.example.com"])
    provider = ScriptedProvider(
        [Reply(tool_calls=[("fetch", '{"text": "a"}'), ("echo", '{"text": "b"}')]), Reply()]
    )
    events = list(engine_with(store, provider, WebTool(), EchoTool()).run(gpt.id, "go"))
    assert events[-1].event == ev.RUN_COMPLETED
    fetch, echo = function_calls(store, events[-1].data["id"])
    assert fetch["consent"]["decision"] == "allowlisted"
    assert "consent" not in echo


def test_a_bad_call_is_reported_without_asking(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(tool_calls=[("fetch", "{not json")]), Reply()])
    events = list(engine_with(store, provider, WebTool()).run(gpt.id, "go"))
    assert events[-1].event == ev.RUN_COMPLETED
    (call,) = function_calls(store, events[-1].data["id"])
    assert "not valid JSON" in call["function"]["output"]
    assert "consent" not in call


def test_wrong_answers_and_states_are_refused(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([fetch_twice(), Reply()])
    engine = engine_with(store, provider, WebTool())
    run_id = list(engine.run(gpt.id, "go"))[-1].data["id"]
    with pytest.raises(errors.ValidationError, match="allow_once, always, deny"):
        engine.answer_consent(run_id, "maybe")
    with pytest.raises(errors.RunStateError, match="not waiting for tool outputs"):
        engine.submit_tool_outputs(run_id, {"x": "y"})
    list(engine.answer_consent(run_id, "allow_once"))
    with pytest.raises(errors.RunStateError, match="not waiting for consent"):
        engine.answer_consent(run_id, "deny")


def test_a_run_waiting_for_consent_can_be_cancelled(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([fetch_twice()])
    engine = engine_with(store, provider, WebTool())
    run_id = list(engine.run(gpt.id, "go"))[-1].data["id"]
    engine.cancel(run_id)
    run = store.runs.get(run_id)
    assert run.status == "cancelled" and run.required_action is None
    assert store.threads.get(run.thread_id).active_run_id is None


def test_manual_outputs_skip_consent(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(manual_tool_outputs=True)
    tool = WebTool()
    provider = ScriptedProvider([Reply(tool_calls=[("fetch", '{"text": "a"}')]), Reply()])
    engine = engine_with(store, provider, tool)
    events = list(engine.run(gpt.id, "go"))
    run = store.runs.get(events[-1].data["id"])
    assert run.required_action is not None
    assert run.required_action["type"] == "submit_tool_outputs"
    (call,) = run.required_action["submit_tool_outputs"]["tool_calls"]
    done = list(engine.submit_tool_outputs(run.id, {call["id"]: "by hand"}))
    assert done[-1].event == ev.RUN_COMPLETED and tool.calls == []


def test_the_model_call_records_which_operations_were_offered(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(max_offered_operations=2)
    registry = ToolRegistry([EchoTool()])
    registry.add_selectable(
        [EchoTool(f"op_{i}") for i in range(5)],
        lambda query, limit: [f"op_{w}" for w in query.split()][:limit],
    )
    provider = ScriptedProvider([Reply(pieces=["ok"])])
    engine = RunEngine(store, provider_for(provider), lambda _d, _c: registry)
    events = list(engine.run(gpt.id, "4 1 3"))
    (step,) = store.runs.steps(events[-1].data["id"])
    call = step.step_details["model_call"]
    assert call["tools"] == ["echo", "op_1", "op_4"]
    assert call["tool_selection"]["offered"] == ["op_4", "op_1"]
    assert call["tool_selection"]["query"] == "4 1 3"
    assert [t["function"]["name"] for t in provider.requests[0].tools] == ["echo", "op_1", "op_4"]


def test_a_forced_tool_choice_holds_for_the_first_call_only(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider(
        [Reply(tool_calls=[("echo", '{"text": "a"}')]), Reply(pieces=["answer"])]
    )
    engine = engine_with(store, provider, EchoTool())
    events = list(engine.run(gpt.id, "go", tool_choice="required"))
    assert events[-1].event == ev.RUN_COMPLETED
    assert [r.tool_choice for r in provider.requests] == ["required", "auto"]
    assert store.runs.get(events[-1].data["id"]).tool_choice == "required"
