"""Formats whose calls are JSON between markers: Hermes/Qwen, Mistral, DeepSeek, Kimi, ...

Each function builds the `Syntax` of one family for the tools of a request.
"""

from __future__ import annotations

import re
from typing import Any

from desktop.core.providers.toolcalls.calls import (
    Found,
    arguments_text,
    calls_from_json,
    normalized_arguments,
    salvage,
)
from desktop.core.providers.toolcalls.stream import Block, Syntax
from desktop.core.providers.toolcalls.tagged import ArgumentTypes, parse_functions, parse_glm

Tools = list[dict[str, Any]]


def hermes(tools: Tools) -> Syntax:
    """`<tool_call>{"name": ..., "arguments": {...}}</tool_call>`, once per call.

    Also our own generic format, and Qwen3-Coder's `<function=NAME>` bodies.
    """
    types = ArgumentTypes(tools)

    def parse(body: str) -> list[Found]:
        if body.lstrip().startswith("<function="):
            return parse_functions(body, types)
        return calls_from_json(body)

    return Syntax((Block("<tool_call>", "</tool_call>", parse),))


def glm(tools: Tools) -> Syntax:
    """GLM-4.5: `<tool_call>NAME` and `<arg_key>k</arg_key><arg_value>v</arg_value>` pairs."""
    types = ArgumentTypes(tools)
    return Syntax((Block("<tool_call>", "</tool_call>", lambda body: parse_glm(body, types)),))


def seed_oss(tools: Tools) -> Syntax:
    """Seed-OSS: `<seed:tool_call><function=NAME><parameter=k>v</parameter></function>...`."""
    types = ArgumentTypes(tools)
    block = Block("<seed:tool_call>", "</seed:tool_call>", lambda b: parse_functions(b, types))
    return Syntax((block,))


def json_list(start: str, end: str | None, opened: bool = False) -> Syntax:
    """A marker, then a JSON list of `{"name", "arguments"}` (Granite, Nemotron, FireFunction).

    `opened`: the marker itself ends with the list's `[`.
    """
    prefix = "[" if opened else ""
    return Syntax((Block(start, end, lambda body: calls_from_json(prefix + body)),))


def command_r7b(_tools: Tools) -> Syntax:
    """Command R7B: `<|START_ACTION|>[{"tool_call_id", "tool_name", "parameters"}]<|END_ACTION|>`.

    Its own ids are list positions ("0", "1"), reused each turn, so they are replaced.
    """

    def parse(body: str) -> list[Found]:
        return [Found(f.name, f.arguments) for f in calls_from_json(body, ("tool_name", "name"))]

    hidden = ("<|START_RESPONSE|>", "<|END_RESPONSE|>", "<|START_THINKING|>", "<|END_THINKING|>")
    return Syntax((Block("<|START_ACTION|>", "<|END_ACTION|>", parse),), hidden=hidden)


def mistral(_tools: Tools) -> Syntax:
    """Mistral: calls from `[TOOL_CALLS]` to the end of the answer.

    Either a JSON list `[{"name", "arguments", "id"}]` (Nemo) or `NAME[ARGS]{...}` with an
    optional `[CALL_ID]id` (Small 3.2, Devstral, Magistral), repeated per call.
    """

    def parse(body: str) -> list[Found]:
        found: list[Found] = []
        for part in body.split("[TOOL_CALLS]"):
            text = part.strip()
            if text.startswith(("[", "{")):
                found += calls_from_json(text)
            elif text:
                found.append(_mistral_named(text))
        return found

    return Syntax((Block("[TOOL_CALLS]", None, parse),), id_length=9)


def _mistral_named(text: str) -> Found:
    head, _, arguments = text.partition("[ARGS]")
    name, _, call_id = head.partition("[CALL_ID]")
    return Found(name.strip(), normalized_arguments(arguments), call_id.strip() or None)


_CALL_BEGIN = "<｜tool▁call▁begin｜>"
_CALL_END = "<｜tool▁call▁end｜>"
_CALLS_BEGIN = "<｜tool▁calls▁begin｜>"
_CALLS_END = "<｜tool▁calls▁end｜>"
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*(?:```\s*)?$", re.S)


def deepseek(_tools: Tools) -> Syntax:
    """DeepSeek: each call in `<｜tool▁call▁begin｜>...<｜tool▁call▁end｜>`.

    R1 writes `function<｜tool▁sep｜>NAME` and a fenced JSON block; V3.1 writes
    `NAME<｜tool▁sep｜>{...}`.
    """

    def many(body: str) -> list[Found]:
        parts = body.split(_CALL_BEGIN)[1:]
        return [_deepseek_call(p.split(_CALL_END)[0]) for p in parts if p.strip()]

    def one(body: str) -> list[Found]:
        return [_deepseek_call(body)]

    blocks = (Block(_CALLS_BEGIN, _CALLS_END, many), Block(_CALL_BEGIN, _CALL_END, one))
    return Syntax(blocks, hidden=(_CALLS_END,))


def _deepseek_call(text: str) -> Found:
    head, sep, tail = text.partition("<｜tool▁sep｜>")
    if not sep:
        return Found(head.strip(), "")
    if head.strip() == "function" and not tail.lstrip().startswith("{"):
        name, _, tail = tail.partition("\n")  # R1: the type, then the name on its line
        head = name
    fenced = _FENCE.match(tail)
    arguments = fenced.group(1) if fenced else tail
    return Found(head.strip(), normalized_arguments(arguments))


def kimi(_tools: Tools) -> Syntax:
    """Kimi K2: a section of calls, each with its id `functions.NAME:0` and JSON arguments.

    `<|tool_calls_section_begin|><|tool_call_begin|>functions.NAME:0`
    `<|tool_call_argument_begin|>{...}<|tool_call_end|><|tool_calls_section_end|>`
    """

    def parse(body: str) -> list[Found]:
        found = []
        for part in body.split("<|tool_call_begin|>")[1:]:
            call = part.split("<|tool_call_end|>")[0]
            header, _, arguments = call.partition("<|tool_call_argument_begin|>")
            call_id = header.strip()
            name = call_id.split(":")[0].removeprefix("functions.")
            found.append(Found(name, normalized_arguments(arguments), call_id or None))
        return found

    start, end = "<|tool_calls_section_begin|>", "<|tool_calls_section_end|>"
    return Syntax((Block(start, end, parse),))


def functionary_v31(_tools: Tools) -> Syntax:
    """Functionary v3.1: `<function=NAME>{...}</function>`, and `<|python_tag|>` code."""

    def function(body: str) -> list[Found]:
        name, sep, arguments = body.partition(">")
        if not sep:
            return [salvage(body)]
        return [Found(name.strip(), normalized_arguments(arguments))]

    blocks = (
        Block("<function=", "</function>", function),
        Block("<|python_tag|>", None, python_code),
    )
    return Syntax(blocks)


def python_code(body: str) -> list[Found]:
    """Code after `<|python_tag|>`: a call of the `python` tool (code interpreter)."""
    code = body.strip()
    return [Found("python", arguments_text({"code": code}))] if code else []
