"""Calls that are the whole answer: Llama 3.x bare JSON, `<|python_tag|>` and GLM-4."""

from __future__ import annotations

import json

import pytest

from desktop.core.providers.toolcalls.bare import glm4, llama3
from desktop.core.providers.toolcalls.calls import Call, Text
from desktop.core.providers.toolcalls.stream import CallStream, Syntax

TOOLS = [{"type": "function", "function": {"name": "get_weather", "parameters": {}}}]


def parse(syntax: Syntax, answer: str, step: int = 1) -> tuple[str, list[Call]]:
    stream = CallStream(syntax)
    pieces = []
    for at in range(0, len(answer), step):
        pieces += stream.feed(answer[at : at + step])
    pieces += stream.finish()
    text = "".join(p.text for p in pieces if isinstance(p, Text))
    return text, [p for p in pieces if isinstance(p, Call)]


@pytest.mark.parametrize(
    "answer",
    [
        '{"name": "get_weather", "parameters": {"city": "Paris"}}',
        ' {"type": "function", "name": "get_weather", "parameters": {"city": "Paris"}}',
        '{ "name" : "get_weather", "arguments": {"city": "Paris"}}',
        '<|python_tag|>{"name": "get_weather", "parameters": {"city": "Paris"}}',
    ],
)
def test_llama3_json_calls(answer: str) -> None:
    text, calls = parse(llama3(TOOLS), answer)
    assert text == ""
    assert [(c.name, json.loads(c.arguments)) for c in calls] == [
        ("get_weather", {"city": "Paris"})
    ]


def test_llama3_several_calls_joined_by_semicolons() -> None:
    answer = '{"name": "a", "parameters": {}}; {"name": "b", "parameters": {"x": 1}}'
    assert [(c.index, c.name) for c in parse(llama3(TOOLS), answer)[1]] == [(0, "a"), (1, "b")]


@pytest.mark.parametrize(
    "answer",
    [
        "Paris is sunny today.",
        '{"city": "Paris"} is the JSON you asked for.',
        '{"type": "object", "properties": {}}',
        "{",
    ],
)
def test_llama3_text_and_json_that_is_no_call_are_shown(answer: str) -> None:
    assert parse(llama3(TOOLS), answer) == (answer, [])


def test_llama3_a_cut_off_call_is_still_a_call() -> None:
    text, calls = parse(llama3(TOOLS), '{"name": "get_weather", "parameters": {"ci')
    assert text == "" and calls[0].name == "get_weather"


def test_llama3_builtin_calls_and_code() -> None:
    _, calls = parse(llama3(TOOLS), '<|python_tag|>brave_search.call(query="weather in Paris")')
    assert [(c.name, json.loads(c.arguments)) for c in calls] == [
        ("brave_search", {"query": "weather in Paris"})
    ]
    _, calls = parse(llama3(TOOLS), "Let me compute.<|python_tag|>import math\nprint(math.pi)")
    assert json.loads(calls[0].arguments) == {"code": "import math\nprint(math.pi)"}


def test_glm4_name_line_then_json() -> None:
    text, calls = parse(glm4(TOOLS), 'get_weather\n{"city": "Paris"}', step=3)
    assert text == ""
    assert [(c.name, json.loads(c.arguments)) for c in calls] == [
        ("get_weather", {"city": "Paris"})
    ]


@pytest.mark.parametrize("answer", ["get", "get the weather yourself", "Paris\n{}"])
def test_glm4_text_is_text(answer: str) -> None:
    assert parse(glm4(TOOLS), answer) == (answer, [])
