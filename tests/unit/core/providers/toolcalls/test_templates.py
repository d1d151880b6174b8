"""Real chat templates: detection, rendering tools and tool history, parsing what they write.

For each template the round trip is: probe its tool mode, render a conversation with a
tool, an assistant call and its result, then take the assistant turn exactly as the
template wrote it (the model's own format) and stream it, in small random chunks, through
that format's parser: the calls must come back whole and no marker may reach the text.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest

from desktop.core.providers.llama.server.model import ChatFormatter
from desktop.core.providers.toolcalls.adapt import template_input
from desktop.core.providers.toolcalls.calls import Call, Text
from desktop.core.providers.toolcalls.formats import detect_format
from desktop.core.providers.toolcalls.layouts import write_calls
from desktop.core.providers.toolcalls.mode import TemplateInput, ToolMode, probe_tool_mode
from tests.unit.core.providers.toolcalls.templates import EXPECTED, templates

TEMPLATES = templates()
# Command R+'s tool-use template cannot render a conversation without tools at all (it is
# one of three templates that model ships, picked by the caller): not supported.
RENDERABLE = sorted(set(TEMPLATES) - {"CohereForAI-c4ai-command-r-plus-tool_use"})
# Functionary v3.2 and gpt-oss write structure of their own around any answer (a recipient
# line, harmony channels) that the generic format does not read: not supported.
PARSEABLE = sorted(set(RENDERABLE) - {"meetkai-functionary-medium-v3.2", "openai-gpt-oss-120b"})
WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The weather forecast for a city.",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "The city."},
                "days": {"type": "integer", "description": "How many days ahead."},
            },
            "required": ["city"],
        },
    },
}
CALLS = [
    ("k3Jd9aPq2", {"city": "Paris", "days": 2}),
    ("Zx81mQw0r", {"city": "北京", "days": 1}),
]
RESULT = "Sunny, 24 degrees"
QUESTION = "Weather in Paris and Beijing?"
# Where an assistant turn ends, in the templates here.
TURN_ENDS = (
    "<|im_end|>",
    "<|eot_id|>",
    "<|eom_id|>",
    "<｜end▁of▁sentence｜>",
    "</s>",
    "<|end_of_text|>",
    "<seed:eos>",
    "<|END_OF_TURN_TOKEN|>",
    "<SPECIAL_12>",
    "<|end|>",
    "<|observation|>",
    "<|user|>",
    "<end_of_turn>",
    "<|im_start|>",
    "<|return|>",
    "<|assistant|>",
    "\n\nAssistant:",
    "\n\nUser:",
)


def formatter(name: str) -> ChatFormatter:
    return ChatFormatter(template=TEMPLATES[name], eos_token="</s>", bos_token="<s>")


def render(name: str) -> Any:
    chat = formatter(name)

    def call(given: TemplateInput) -> str:
        return str(
            chat(
                messages=given.messages,
                tools=given.tools,
                tool_choice=given.tool_choice,
                **given.extra,
            ).prompt
        )

    return call


def mode_of(name: str) -> ToolMode:
    return probe_tool_mode(TEMPLATES[name], render(name))


def tool_calls(count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": call_id,
            "type": "function",
            "function": {"name": "get_weather", "arguments": json.dumps(args, ensure_ascii=False)},
        }
        for call_id, args in CALLS[:count]
    ]


def conversation(count: int, results: bool) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": "You help with travel."},
        {"role": "user", "content": QUESTION},
    ]
    messages.append({"role": "assistant", "content": "", "tool_calls": tool_calls(count)})
    if results:
        messages += [
            {"role": "tool", "tool_call_id": call_id, "content": f"{RESULT} ({i})"}
            for i, (call_id, _) in enumerate(CALLS[:count])
        ]
    return messages


def rendered(name: str, mode: ToolMode, messages: list[dict[str, Any]]) -> str:
    return render(name)(template_input(mode, messages, [WEATHER], "auto"))


def assistant_turn(name: str, mode: ToolMode, count: int) -> str:
    """The calls as the template writes them, from the turn's first marker to its end."""
    # With the results after it: some templates (Nemotron) render a last assistant turn
    # differently, as one to be continued.
    after = rendered(name, mode, conversation(count, results=True))
    start = after.rindex(QUESTION) + len(QUESTION)
    markers = mode.format.syntax([WEATHER]).markers
    found = [after.find(m, start) for m in markers if after.find(m, start) >= 0]
    if found:
        turn = after[min(found) :]
    else:  # a bare call (Llama 3): what follows the generation prompt
        before = rendered(name, mode, conversation(count, results=False)[:-1])
        same = 0
        while same < min(len(before), len(after)) and before[same] == after[same]:
            same += 1
        turn = after[same:]
    ends = [turn.find(end) for end in TURN_ENDS if turn.find(end) > 0]
    return turn[: min(ends)] if ends else turn


def stream(mode: ToolMode, text: str, seed: int) -> tuple[str, list[Call]]:
    parser = mode.format.parser([WEATHER])
    rng = random.Random(seed)
    pieces = []
    at = 0
    while at < len(text):
        size = rng.randint(1, 5)
        pieces += parser.feed(text[at : at + size])
        at += size
    pieces += parser.finish()
    shown = "".join(p.text for p in pieces if isinstance(p, Text))
    return shown, [p for p in pieces if isinstance(p, Call)]


def test_every_template_here_has_an_expected_format() -> None:
    assert set(TEMPLATES) <= set(EXPECTED)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_the_format_is_detected(name: str) -> None:
    mode = mode_of(name)
    assert mode.format.variant == EXPECTED[name]
    if EXPECTED[name] != "generic":
        assert detect_format(TEMPLATES[name]).variant == EXPECTED[name]


@pytest.mark.parametrize("name", RENDERABLE)
def test_tools_calls_and_results_are_rendered(name: str) -> None:
    mode = mode_of(name)
    prompt = rendered(name, mode, conversation(1, results=True))
    assert "get_weather" in prompt
    assert "The weather forecast for a city." in prompt
    assert "Paris" in prompt
    assert f"{RESULT} (0)" in prompt
    if not mode.template_tools:
        assert "<tools>" in prompt  # our own tool prompt


@pytest.mark.parametrize("name", PARSEABLE)
def test_the_template_s_own_call_text_parses_back(name: str) -> None:
    mode = mode_of(name)
    count = 1 if mode.split_calls else 2
    turn = assistant_turn(name, mode, count)
    for seed in range(5):
        shown, calls = stream(mode, turn, seed)
        shown = re.sub(r"<think>.*?</think>", "", shown, flags=re.S)  # Qwen3's empty thoughts
        assert [(c.name, json.loads(c.arguments)) for c in calls] == [
            ("get_weather", args) for _, args in CALLS[:count]
        ], turn
        assert shown.strip() == "", (shown, turn)
        assert [c.index for c in calls] == list(range(count))


# Formats with no layout are only ever written by the template itself, not by us.
WRITABLE = [name for name in sorted(TEMPLATES) if mode_of(name).format.layout is not None]


@pytest.mark.parametrize("name", WRITABLE)
def test_calls_written_in_the_format_parse_back_after_text(name: str) -> None:
    mode = mode_of(name)
    assert mode.format.layout is not None
    count = 1 if not mode.format.layout.parallel else 2
    text = write_calls(mode.format.layout, tool_calls(count))
    lead = "" if mode.format.variant == "llama3" else "Checking the forecast. "
    shown, calls = stream(mode, lead + text, seed=11)
    assert shown == lead.strip()
    assert [json.loads(c.arguments) for c in calls] == [args for _, args in CALLS[:count]]
    if mode.format.short_ids:
        assert all(len(c.id) == 9 and c.id.isalnum() for c in calls)
