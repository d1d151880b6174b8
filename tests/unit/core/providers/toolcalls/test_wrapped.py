"""Formats with JSON calls between markers: each family's quirks, read from whole answers."""

from __future__ import annotations

import json

from desktop.core.providers.toolcalls.calls import Call, Text
from desktop.core.providers.toolcalls.stream import CallStream, Syntax
from desktop.core.providers.toolcalls.wrapped import (
    command_r7b,
    deepseek,
    functionary_v31,
    hermes,
    json_list,
    kimi,
    mistral,
)


def parse(syntax: Syntax, answer: str) -> tuple[str, list[tuple[str, object, str]]]:
    stream = CallStream(syntax)
    pieces = stream.feed(answer) + stream.finish()
    text = "".join(p.text for p in pieces if isinstance(p, Text))
    calls = [(p.name, json.loads(p.arguments), p.id) for p in pieces if isinstance(p, Call)]
    return text, calls


def names_and_arguments(syntax: Syntax, answer: str) -> list[tuple[str, object]]:
    return [(name, args) for name, args, _ in parse(syntax, answer)[1]]


def test_hermes_takes_string_arguments_and_the_parameters_key() -> None:
    answer = (
        '<tool_call>{"name": "a", "arguments": "{\\"x\\": 1}"}</tool_call>'
        '<tool_call>{"name": "b", "parameters": {"y": 2}}</tool_call>'
    )
    assert names_and_arguments(hermes([]), answer) == [("a", {"x": 1}), ("b", {"y": 2})]


def test_hermes_reads_qwen3_coder_function_tags() -> None:
    tools = [{"function": {"name": "f", "parameters": {"properties": {"n": {"type": "integer"}}}}}]
    answer = "<tool_call>\n<function=f>\n<parameter=n>\n3\n</parameter>\n</function>\n</tool_call>"
    assert names_and_arguments(hermes(tools), answer) == [("f", {"n": 3})]


def test_a_raw_control_character_in_a_string_is_repaired() -> None:
    answer = '<tool_call>{"name": "a", "arguments": {"t": "line\none"}}</tool_call>'
    assert names_and_arguments(hermes([]), answer) == [("a", {"t": "line\none"})]


def test_mistral_nemo_list_keeps_the_model_s_ids() -> None:
    answer = '[TOOL_CALLS][{"name": "a", "arguments": {"x": 1}, "id": "abcDEF123"}]'
    assert parse(mistral([]), answer)[1] == [("a", {"x": 1}, "abcDEF123")]


def test_mistral_named_calls_with_and_without_call_ids() -> None:
    answer = 'Sure.[TOOL_CALLS]a[CALL_ID]abcDEF123[ARGS]{"x": 1}[TOOL_CALLS]b[ARGS]{"y": "z"}'
    text, calls = parse(mistral([]), answer)
    assert text == "Sure."
    assert [(n, a) for n, a, _ in calls] == [("a", {"x": 1}), ("b", {"y": "z"})]
    assert calls[0][2] == "abcDEF123"
    assert len(calls[1][2]) == 9 and calls[1][2].isalnum()  # made up, in Mistral's shape


def test_deepseek_r1_fenced_calls() -> None:
    answer = (
        "<think>ok</think>\n<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>a\n"
        '```json\n{"x": 1}\n```<｜tool▁call▁end｜>\n<｜tool▁call▁begin｜>function<｜tool▁sep｜>b\n'
        '```json\n{"y": 2}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>'
    )
    text, calls = parse(deepseek([]), answer)
    assert text == "<think>ok</think>"
    assert [(n, a) for n, a, _ in calls] == [("a", {"x": 1}), ("b", {"y": 2})]


def test_deepseek_v31_calls_and_a_lone_call_without_the_outer_markers() -> None:
    lone = '<｜tool▁call▁begin｜>a<｜tool▁sep｜>{"x": 1}<｜tool▁call▁end｜><｜tool▁calls▁end｜>'
    v31 = f"<｜tool▁calls▁begin｜>{lone}"
    assert names_and_arguments(deepseek([]), v31) == [("a", {"x": 1})]
    text, calls = parse(deepseek([]), lone)
    assert (text, [(n, a) for n, a, _ in calls]) == ("", [("a", {"x": 1})])


def test_deepseek_a_tool_named_function_in_v31_style() -> None:
    answer = '<｜tool▁call▁begin｜>function<｜tool▁sep｜>{"x": 1}<｜tool▁call▁end｜>'
    assert names_and_arguments(deepseek([]), answer) == [("function", {"x": 1})]


def test_kimi_ids_and_names() -> None:
    answer = (
        "<|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather:0"
        '<|tool_call_argument_begin|>{"city": "Paris"}<|tool_call_end|>'
        "<|tool_call_begin|>functions.get_time:1<|tool_call_argument_begin|>{}<|tool_call_end|>"
        "<|tool_calls_section_end|>"
    )
    assert parse(kimi([]), answer)[1] == [
        ("get_weather", {"city": "Paris"}, "functions.get_weather:0"),
        ("get_time", {}, "functions.get_time:1"),
    ]


def test_json_lists_of_granite_nemotron_and_firefunction() -> None:
    items = '[{"name": "a", "arguments": {"x": 1}}, {"name": "b", "arguments": {}}]'
    expected = [("a", {"x": 1}), ("b", {})]
    granite = json_list("<|tool_call|>", None)
    assert names_and_arguments(granite, "<|tool_call|>" + items) == expected
    nemotron = json_list("<TOOLCALL>", "</TOOLCALL>")
    assert names_and_arguments(nemotron, f"<TOOLCALL>{items}</TOOLCALL>") == expected
    fire = json_list("functools[", None, opened=True)
    assert names_and_arguments(fire, " functools" + items) == expected


def test_a_list_cut_off_keeps_its_whole_calls() -> None:
    answer = '<|tool_call|>[{"name": "a", "arguments": {"x": 1}}, {"name": "b", "argu'
    stream = CallStream(json_list("<|tool_call|>", None))
    found = [p for p in stream.feed(answer) + stream.finish() if isinstance(p, Call)]
    assert [(c.index, c.name) for c in found] == [(0, "a"), (1, "b")]
    assert found[0].arguments == '{"x": 1}'  # whole; the second is whatever was written


def test_command_r7b_actions_replace_the_positional_ids() -> None:
    answer = (
        "<|START_THINKING|>I will look it up.<|END_THINKING|><|START_ACTION|>[\n"
        '    {"tool_call_id": "0", "tool_name": "a", "parameters": {"q": "x"}}\n]<|END_ACTION|>'
    )
    text, calls = parse(command_r7b([]), answer)
    assert text == "I will look it up."
    assert [(n, a) for n, a, _ in calls] == [("a", {"q": "x"})]
    assert calls[0][2] != "0"


def test_functionary_v31_functions_and_python_code() -> None:
    answer = '<function=a>{"x": 1}</function><function=b>{}</function>'
    assert names_and_arguments(functionary_v31([]), answer) == [("a", {"x": 1}), ("b", {})]
    code = "<|python_tag|>print(1 + 1)"
    assert names_and_arguments(functionary_v31([]), code) == [("python", {"code": "print(1 + 1)"})]
