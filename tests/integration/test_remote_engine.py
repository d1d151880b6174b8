"""The run engine with a RemoteProvider against a scripted OpenAI-compatible server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.core.gpt import ModelSettings
from desktop.core.providers.openai_compat import RemoteProvider, endpoint_for
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.openai_server import OpenAIServer, text_answer, tool_answer
from tests.helpers.tools import ClientTool, EchoTool


@pytest.fixture
def provider(server: OpenAIServer) -> Iterator[RemoteProvider]:
    endpoint = endpoint_for("ollama", "ollama", server.url, max_retries=0)
    made = RemoteProvider(endpoint, "llama3.2")
    yield made
    made.close()


def engine(store: Store, provider: RemoteProvider, *tools: Any) -> RunEngine:
    def resolve(settings: ModelSettings) -> RemoteProvider:
        assert (settings.provider, settings.model) == ("ollama", "llama3.2")
        return provider

    return RunEngine(store, resolve, lambda _d, _c: ToolRegistry(tools))


def gpt(make_gpt: Any) -> Any:
    return make_gpt(instructions="Be brief.", model={"provider": "ollama", "model": "llama3.2"})


def test_a_remote_run_streams_and_records_usage(
    store: Store, make_gpt: Any, server: OpenAIServer, provider: RemoteProvider
) -> None:
    server.script(text_answer("Hello", " there", "!", tokens=(21, 3)))
    stream = engine(store, provider).run(gpt(make_gpt).id, "Hi")
    list(stream)

    run = store.runs.get(stream.run_id)
    assert run.status == "completed"
    messages = store.threads.messages(run.thread_id)
    assert [(m.role, m.text) for m in messages] == [("user", "Hi"), ("assistant", "Hello there!")]
    (step,) = store.runs.steps(run.id)
    call = step.step_details["model_call"]
    assert call["provider"] == "ollama:llama3.2"
    assert call["finish_reason"] == "stop"
    assert json.loads(call["prompt"]) == server.requests[-1].body  # the exact body sent
    assert step.usage is not None
    assert (step.usage["prompt_tokens"], step.usage["completion_tokens"]) == (21, 3)
    assert run.usage is not None and run.usage["total_tokens"] == 24
    # The service's own count replaces our estimate on the step; the estimate stays beside it.
    assert call["prompt_tokens"] == 21
    assert 0 < call["prompt_tokens_estimated"] != 21


def test_tool_calls_go_round_the_loop(
    store: Store, make_gpt: Any, server: OpenAIServer, provider: RemoteProvider
) -> None:
    echo = EchoTool()
    server.script(tool_answer(("call_1", "echo", '{"text": "hi"}')), text_answer("Done."))
    stream = engine(store, provider, echo).run(gpt(make_gpt).id, "Shout hi")
    list(stream)

    assert store.runs.get(stream.run_id).status == "completed"
    assert echo.calls == [{"text": "hi"}]
    first, second = (r.body for r in server.requests)
    assert [t["function"]["name"] for t in first["tools"]] == ["echo"]
    assert second["messages"][-1] == {"role": "tool", "tool_call_id": "call_1", "content": "HI"}
    assert store.threads.messages(stream.thread_id)[-1].text == "Done."


def test_a_client_tool_pauses_the_run(
    store: Store, make_gpt: Any, server: OpenAIServer, provider: RemoteProvider
) -> None:
    server.script(tool_answer(("call_9", "lookup", '{"q": "x"}')))
    stream = engine(store, provider, ClientTool()).run(gpt(make_gpt).id, "Look it up")
    list(stream)

    run = store.runs.get(stream.run_id)
    assert run.status == "requires_action"
    assert run.required_action is not None
    (pending,) = run.required_action["submit_tool_outputs"]["tool_calls"]
    assert pending["id"] == "call_9" and pending["function"]["name"] == "lookup"
