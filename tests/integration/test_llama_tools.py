"""Tool calls through the real llama-cpp-python path, on tiny generated models.

The plain tiny model's ChatML template cannot render tools, so it takes our generic
format and grammar. A second model carries Qwen 2.5's template (a native Hermes format)
and two whole-word tokens, `<tool_call>` and `</tool_call>`, the first its favourite: it
opens a call at once, so the grammar that takes over after the marker is exercised.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from desktop.core.providers.base import (
    CancelToken,
    ChatRequest,
    Finish,
    Notice,
    ProviderEvent,
    TextDelta,
    ToolCallDelta,
    Usage,
)
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.llama import LlamaHost, LlamaProvider, LoadSettings
from desktop.core.providers.local import LocalModels
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from desktop.core.tools.base import ToolResult, ToolSpec
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.python_child import run_python
from tests.helpers.tiny_gguf import TinySpec

TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "templates"
QWEN25 = TEMPLATES / "Qwen-Qwen2.5-7B-Instruct.jinja"
PICK_SCHEMA = {
    "type": "object",
    "properties": {
        "colour": {"enum": ["red", "green", "blue"]},
        "count": {"type": "integer"},
        # Patterns keep random byte-level models to ASCII: llama.cpp's grammar takes some
        # invalid UTF-8 (overlong forms) as characters that Python then replaces.
        "note": {"type": "string", "pattern": "^[a-z ]{0,6}$"},
    },
    "required": ["colour", "count"],
}
NAME_SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string", "pattern": "^[A-Za-z]{1,4}$"}},
    "required": ["name"],
}


def tool(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {"name": name, "description": description, "parameters": schema},
    }


PICK = tool("pick", PICK_SCHEMA, "Pick a colour and a count.")
GREET = tool("greet", NAME_SCHEMA, "Greet someone by a short name.")
SCHEMAS = {"pick": PICK_SCHEMA, "greet": NAME_SCHEMA}


class PickTool:
    """Records its calls; its schema has an enum and an integer, so small models finish."""

    external = False

    def __init__(self) -> None:
        self.spec = ToolSpec(name="pick", description="Pick a colour.", parameters=PICK_SCHEMA)
        self.calls: list[dict[str, Any]] = []

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        self.calls.append(arguments)
        return ToolResult(output=f"picked {arguments.get('colour')} x{arguments.get('count')}")


@pytest.fixture(scope="session")
def hermes_gguf(model_dir: Path) -> Path:
    spec = TinySpec(
        chat_template=QWEN25.read_text(encoding="utf-8"),
        extra_tokens=("<tool_call>", "</tool_call>"),
        favoured_token="<tool_call>",
        name="tiny-hermes",
    )
    return ensure_tiny(model_dir, "tiny-hermes.gguf", spec)


@pytest.fixture(scope="module")
def host() -> Iterator[LlamaHost]:
    made = LlamaHost()
    yield made
    made.close()


def provider(host: LlamaHost, path: Path) -> LlamaProvider:
    return LlamaProvider(host, LocalModels([]).resolve(str(path)), LoadSettings(context_size=2048))


def ask(
    chat: LlamaProvider, tools: list[dict[str, Any]], choice: Any, seed: int, max_tokens: int = 160
) -> list[ProviderEvent]:
    request = ChatRequest(
        messages=[{"role": "user", "content": "Pick something."}],
        tools=tools,
        tool_choice=choice,
        max_tokens=max_tokens,
        seed=seed,
        temperature=1.0,
    )
    return list(chat.stream(request, CancelToken()))


def calls_in(events: list[ProviderEvent]) -> list[ToolCallDelta]:
    return [e for e in events if isinstance(e, ToolCallDelta)]


def assert_valid(call: ToolCallDelta, names: tuple[str, ...]) -> None:
    assert call.name in names
    assert call.id and call.id.startswith("call_")
    jsonschema.validate(json.loads(call.arguments), SCHEMAS[str(call.name)])


@pytest.mark.parametrize("seed", range(6))
def test_required_always_gives_a_valid_call(host: LlamaHost, tiny_gguf: Path, seed: int) -> None:
    events = ask(provider(host, tiny_gguf), [PICK, GREET], "required", seed)
    calls = calls_in(events)
    assert calls, events
    assert not [e for e in events if isinstance(e, TextDelta)]  # the grammar leaves no room
    assert [c.index for c in calls] == list(range(len(calls)))
    assert_valid(calls[0], ("pick", "greet"))
    finish = events[-1]
    assert isinstance(finish, Finish) and finish.reason in ("tool_calls", "length")
    if finish.reason == "tool_calls":
        for call in calls:
            assert_valid(call, ("pick", "greet"))


@pytest.mark.parametrize("seed", range(4))
def test_a_named_choice_calls_only_that_tool(host: LlamaHost, tiny_gguf: Path, seed: int) -> None:
    named = {"type": "function", "function": {"name": "greet"}}
    calls = calls_in(ask(provider(host, tiny_gguf), [PICK, GREET], named, seed))
    assert calls and all(c.name == "greet" for c in calls)
    assert_valid(calls[0], ("greet",))


def test_none_offers_no_tools_and_gives_no_calls(host: LlamaHost, tiny_gguf: Path) -> None:
    chat = provider(host, tiny_gguf)
    for seed in range(3):
        events = ask(chat, [PICK], "none", seed, max_tokens=40)
        assert calls_in(events) == []
    request = ChatRequest(
        messages=[{"role": "user", "content": "hi"}], tools=[PICK], tool_choice="none"
    )
    assert "pick" not in (chat.prepare(request).text or "")


@pytest.mark.parametrize("seed", range(4))
def test_auto_gives_text_or_well_formed_calls(host: LlamaHost, tiny_gguf: Path, seed: int) -> None:
    events = ask(provider(host, tiny_gguf), [PICK], "auto", seed, max_tokens=60)
    assert isinstance(events[-1], Finish)
    for call in calls_in(events):
        assert_valid(call, ("pick",))
    assert any(isinstance(e, Usage) for e in events)


def test_prepare_shows_the_prompt_with_the_tools(host: LlamaHost, tiny_gguf: Path) -> None:
    request = ChatRequest(
        messages=[{"role": "system", "content": "Be terse."}, {"role": "user", "content": "hi"}],
        tools=[PICK],
    )
    prompt = provider(host, tiny_gguf).prepare(request)
    assert prompt.text is not None
    assert prompt.text.startswith("<|im_start|>system\nBe terse.\n\n# Tools")
    assert json.dumps(PICK["function"]) in prompt.text
    assert "<tool_call>" in prompt.text
    assert prompt.tokens > len(prompt.text.encode()) // 2


def test_a_native_template_lists_the_tools_itself(host: LlamaHost, hermes_gguf: Path) -> None:
    request = ChatRequest(messages=[{"role": "user", "content": "hi"}], tools=[PICK])
    text = provider(host, hermes_gguf).prepare(request).text or ""
    assert "You are Qwen, created by Alibaba Cloud" in text
    assert json.dumps(PICK) in text  # the template's own `tool | tojson`


@pytest.mark.parametrize("seed", range(5))
def test_a_call_opened_freely_is_finished_under_the_grammar(
    host: LlamaHost, hermes_gguf: Path, seed: int
) -> None:
    events = ask(provider(host, hermes_gguf), [PICK], "auto", seed)
    calls = calls_in(events)
    assert calls, events
    assert_valid(calls[0], ("pick",))
    assert "".join(e.text for e in events if isinstance(e, TextDelta)).strip() == ""
    usage = next(e for e in events if isinstance(e, Usage))
    assert usage.completion_tokens >= 5


@pytest.mark.parametrize("seed", range(3))
def test_the_native_format_with_required(host: LlamaHost, hermes_gguf: Path, seed: int) -> None:
    events = ask(provider(host, hermes_gguf), [PICK, GREET], "required", seed)
    assert_valid(calls_in(events)[0], ("pick", "greet"))


def test_plain_answers_stay_plain_without_tools(host: LlamaHost, hermes_gguf: Path) -> None:
    events = ask(provider(host, hermes_gguf), [], "auto", seed=1, max_tokens=12)
    assert calls_in(events) == []
    text = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert text.count("<tool_call>") >= 1  # the favourite, shown as the text it is here


def test_every_layout_s_grammar_parses_in_llama_cpp(tiny_gguf: Path) -> None:
    # llama.cpp itself runs in a child process, as it does in the app.
    found = run_python("-m", "tests.integration.grammar_child", str(tiny_gguf))
    accepted = json.loads(found.stdout.strip().splitlines()[-1])
    weird = accepted.pop("weird")
    assert len(accepted) >= 5 and all(both == [True, True] for both in accepted.values())
    assert weird == [False]  # a schema the converter cannot express gives no grammar


def test_a_bad_grammar_is_refused_not_crashed_on(host: LlamaHost, tiny_gguf: Path) -> None:
    weird = tool("w", {"type": "object", "properties": {"x": {"$ref": "http://x/y"}}}, "W")
    events = ask(provider(host, tiny_gguf), [weird], "required", seed=1, max_tokens=20)
    assert any(isinstance(e, Notice) and "grammar" in e.message for e in events)
    assert isinstance(events[-1], Finish)


def test_the_run_engine_runs_the_call_and_goes_on(
    store: Store, make_gpt: Any, model_dir: Path
) -> None:
    # Room for the engine's rounds of calls and results, written byte by byte.
    roomy = ensure_tiny(model_dir, "tiny-8k.gguf", TinySpec(context_length=8192))
    pick = PickTool()
    factory = ProviderFactory(LocalModels([roomy.parent]))
    gpt = make_gpt(
        instructions="Pick colours.",
        model={"model": str(roomy), "max_tokens": 200, "seed": 4, "context_size": 8192},
    )
    try:
        engine = RunEngine(store, factory, lambda _d, _c: ToolRegistry([pick]))
        stream = engine.run(gpt.id, "Pick one.", tool_choice="required")
        events = list(stream)
    finally:
        factory.close()
    assert pick.calls, [e.event for e in events]
    for arguments in pick.calls:
        jsonschema.validate(arguments, PICK_SCHEMA)
    steps = store.runs.steps(stream.run_id)
    model_calls = [s for s in steps if s.type == "message_creation"]
    assert len(model_calls) >= 2  # the run went on after the tool answered
    second = model_calls[1].step_details["model_call"]
    assert "<tool_response>\n" in second["prompt"]  # the result, as a user message
    outputs = [
        call["function"]["output"]
        for step in steps
        if step.type == "tool_calls"
        for call in step.step_details["tool_calls"]
    ]
    assert any(output.startswith("picked ") for output in outputs)
    run = store.runs.get(stream.run_id)
    # `required` forces the first call only; afterwards the model may answer.
    assert second["tool_choice"] == "auto"
    assert run.status in ("completed", "incomplete"), run.last_error
