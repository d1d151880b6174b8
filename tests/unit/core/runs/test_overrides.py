"""Run overrides: recorded on the run, used by the driver, and the GPT left as it was."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.gpt import update_definition
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.overrides import RunOverrides
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider
from tests.helpers.tools import EchoTool


def engine_seeing(store: Store, provider: ScriptedProvider, *tools: Any) -> tuple[RunEngine, list]:
    """An engine whose resolver records the model settings each run asked for."""
    asked: list = []

    def resolve(settings: Any) -> ScriptedProvider:
        asked.append(settings)
        return provider

    return RunEngine(store, resolve, lambda _d, _c: ToolRegistry(tools)), asked


def test_overrides_are_recorded_and_used_without_changing_the_gpt(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt(instructions="Be brief.", model={"model": "base.gguf", "temperature": 0.7})
    provider = ScriptedProvider([Reply(pieces=["ok"])])
    engine, asked = engine_seeing(store, provider, EchoTool())
    overrides = RunOverrides(
        provider="local",
        model="other.gguf",
        temperature=0.1,
        additional_instructions="  Answer in French.  ",
        tool_choice="echo",
        truncation={"type": "last_messages", "last_messages": 3},
    )
    stream = engine.run(gpt.id, "Hello", overrides=overrides)
    assert list(stream)[-1].event == ev.RUN_COMPLETED

    run = store.runs.get(stream.run_id)
    assert run.metadata == {"overrides": overrides.to_dict()}
    assert run.metadata["overrides"]["additional_instructions"] == "Answer in French."
    assert run.model["model"] == "other.gguf" and run.model["temperature"] == 0.1
    assert run.instructions == "Be brief.\n\nAnswer in French."
    assert run.tool_choice == {"type": "function", "function": {"name": "echo"}}
    assert run.truncation_strategy == {"type": "last_messages", "last_messages": 3}
    assert asked[-1].model == "other.gguf"
    (request,) = provider.requests
    assert request.temperature == 0.1
    assert request.messages[0] == {"role": "system", "content": "Be brief.\n\nAnswer in French."}
    assert request.tool_choice == run.tool_choice
    stored = store.gpts.get(gpt.id)
    assert stored.version == gpt.version
    assert stored.definition.model.model == "base.gguf"
    assert stored.definition.model.temperature == 0.7


def test_a_run_without_overrides_records_none(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    engine, _ = engine_seeing(store, ScriptedProvider([Reply(pieces=["ok"])]))
    stream = engine.run(gpt.id, "Hello", overrides=RunOverrides())
    list(stream)
    assert store.runs.get(stream.run_id).metadata == {}


def test_tool_choice_none_offers_no_tools(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider([Reply(pieces=["ok"])])
    engine, _ = engine_seeing(store, provider, EchoTool())
    list(engine.run(gpt.id, "Hello", overrides=RunOverrides(tool_choice="none")))
    assert provider.requests[0].tools == [] and provider.requests[0].tool_choice == "none"


def test_an_unknown_tool_is_refused_and_nothing_is_stored(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    engine, _ = engine_seeing(store, ScriptedProvider([]), EchoTool())
    with pytest.raises(errors.ValidationError, match=r"no tool named 'nope'.*echo"):
        engine.run(gpt.id, "Hello", overrides=RunOverrides(tool_choice="nope"))
    assert store.threads.list(gpt.id) == []


def test_an_earlier_gpt_version_answers(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(instructions="First version.")
    store.gpts.save(gpt.id, update_definition(gpt.definition, {"instructions": "Second."}))
    provider = ScriptedProvider([Reply(pieces=["one"]), Reply(pieces=["two"])])
    engine, _ = engine_seeing(store, provider)
    old = engine.run(gpt.id, "Hi", overrides=RunOverrides(gpt_version=1))
    list(old)
    new = engine.run(gpt.id, "Hi")
    list(new)
    assert store.runs.get(old.run_id).gpt_version == 1
    assert store.runs.get(new.run_id).gpt_version == 2
    systems = [r.messages[0]["content"] for r in provider.requests]
    assert systems == ["First version.", "Second."]
    with pytest.raises(errors.UnknownVersionError):
        engine.run(gpt.id, "Hi", overrides=RunOverrides(gpt_version=9))


def test_manual_tool_outputs_pause_and_the_resumed_run_keeps_its_overrides(
    store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider(
        [Reply(tool_calls=[("echo", '{"text": "hi"}')]), Reply(pieces=["done"])]
    )
    tool = EchoTool()
    engine, asked = engine_seeing(store, provider, tool)
    overrides = RunOverrides(manual_tool_outputs=True, temperature=1.5, model="m2.gguf")
    stream = engine.run(gpt.id, "Call it", overrides=overrides)
    assert list(stream)[-1].event == ev.RUN_REQUIRES_ACTION
    run = store.runs.get(stream.run_id)
    assert run.required_action is not None
    (pending,) = run.required_action["submit_tool_outputs"]["tool_calls"]
    assert tool.calls == []  # answered by hand, never run

    resumed = engine.submit_tool_outputs(run.id, {pending["id"]: '{"answer": 42}'})
    assert list(resumed)[-1].event == ev.RUN_COMPLETED
    assert [r.temperature for r in provider.requests] == [1.5, 1.5]
    assert {s.model for s in asked} == {"m2.gguf"}
    assert provider.requests[1].messages[-1] == {
        "role": "tool",
        "tool_call_id": pending["id"],
        "content": '{"answer": 42}',
    }
    assert store.gpts.get(gpt.id).definition.manual_tool_outputs is False


def test_bad_overrides_are_refused_in_words() -> None:
    with pytest.raises(errors.ValidationError, match="temperature"):
        RunOverrides.parse({"temperature": 7})
    with pytest.raises(errors.ValidationError, match="colour"):
        RunOverrides.parse({"colour": "red"})
    with pytest.raises(errors.ValidationError, match="needs a count"):
        RunOverrides.parse({"truncation": {"type": "last_messages"}})
