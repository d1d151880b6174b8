"""The exact text each JSON-wrapped format writes for a list of calls.

One description serves two ends: `write_calls` turns earlier calls into that text (for
templates that cannot render calls themselves), and `grammar.py` turns it into GBNF so
sampling can only produce well-formed calls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Slot(Enum):
    """A hole in a layout, filled per call."""

    NAME = "name"  # the tool name as is
    QUOTED_NAME = "quoted_name"  # the tool name as a JSON string
    ARGUMENTS = "arguments"  # the arguments object as JSON
    ID = "id"  # the call's id
    INDEX = "index"  # the call's position, from 0


Part = str | Slot


@dataclass(frozen=True)
class Layout:
    """`trigger` + `head` + calls joined by `sep` + `tail`; each call is `call` filled in."""

    trigger: str
    head: str
    call: tuple[Part, ...]
    sep: str
    tail: str
    parallel: bool = True
    id_length: int = 9  # only used where `call` has an ID slot


_N, _Q, _A, _I, _X = Slot.NAME, Slot.QUOTED_NAME, Slot.ARGUMENTS, Slot.ID, Slot.INDEX
_NAME_ARGUMENTS: tuple[Part, ...] = ('{"name": ', _Q, ', "arguments": ', _A, "}")

HERMES = Layout(
    "<tool_call>", "\n", _NAME_ARGUMENTS, "\n</tool_call>\n<tool_call>\n", "\n</tool_call>"
)
LLAMA3 = Layout("", "", ('{"name": ', _Q, ', "parameters": ', _A, "}"), "; ", "", parallel=False)
MISTRAL_LIST = Layout(
    "[TOOL_CALLS]", "[", ('{"name": ', _Q, ', "arguments": ', _A, ', "id": "', _I, '"}'), ", ", "]"
)
MISTRAL_ARGS = Layout("[TOOL_CALLS]", "", (_N, "[ARGS]", _A), "[TOOL_CALLS]", "")
MISTRAL_CALL_ID = Layout(
    "[TOOL_CALLS]", "", (_N, "[CALL_ID]", _I, "[ARGS]", _A), "[TOOL_CALLS]", ""
)
DEEPSEEK_R1 = Layout(
    "<｜tool▁calls▁begin｜>",
    "",
    (
        "<｜tool▁call▁begin｜>function<｜tool▁sep｜>",
        _N,
        "\n```json\n",
        _A,
        "\n```<｜tool▁call▁end｜>",
    ),
    "\n",
    "<｜tool▁calls▁end｜>",
)
DEEPSEEK_V31 = Layout(
    "<｜tool▁calls▁begin｜>",
    "",
    ("<｜tool▁call▁begin｜>", _N, "<｜tool▁sep｜>", _A, "<｜tool▁call▁end｜>"),
    "",
    "<｜tool▁calls▁end｜>",
)
KIMI = Layout(
    "<|tool_calls_section_begin|>",
    "",
    (
        "<|tool_call_begin|>functions.",
        _N,
        ":",
        _X,
        "<|tool_call_argument_begin|>",
        _A,
        "<|tool_call_end|>",
    ),
    "",
    "<|tool_calls_section_end|>",
)
GRANITE = Layout("<|tool_call|>", "[", _NAME_ARGUMENTS, ", ", "]")
NEMOTRON = Layout("<TOOLCALL>", "[", _NAME_ARGUMENTS, ", ", "]</TOOLCALL>")
FIREFUNCTION = Layout("functools[", "", _NAME_ARGUMENTS, ", ", "]")
COMMAND_R7B = Layout(
    "<|START_ACTION|>",
    "[\n    ",
    ('{"tool_call_id": "', _X, '", "tool_name": ', _Q, ', "parameters": ', _A, "}"),
    ",\n    ",
    "\n]<|END_ACTION|>",
)
FUNCTIONARY_V31 = Layout("<function=", "", (_N, ">", _A, "</function>"), "<function=", "")


def write_calls(layout: Layout, calls: list[dict[str, Any]]) -> str:
    """`calls` (OpenAI `tool_calls` entries) as the text the model would have written."""
    items = [_fill(layout.call, call, index) for index, call in enumerate(calls)]
    return layout.trigger + layout.head + layout.sep.join(items) + layout.tail


def _fill(parts: tuple[Part, ...], call: dict[str, Any], index: int) -> str:
    function = call.get("function", {})
    name = str(function.get("name", ""))
    arguments = function.get("arguments", {})
    if not isinstance(arguments, str):
        arguments = json.dumps(arguments, ensure_ascii=False)
    values = {
        Slot.NAME: name,
        Slot.QUOTED_NAME: json.dumps(name, ensure_ascii=False),
        Slot.ARGUMENTS: arguments or "{}",
        Slot.ID: str(call.get("id", "")),
        Slot.INDEX: str(index),
    }
    return "".join(values[p] if isinstance(p, Slot) else p for p in parts)
