"""The tool-call formats we read, and which one a chat template's source text implies."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.core.providers.toolcalls import bare, layouts, wrapped
from desktop.core.providers.toolcalls.layouts import Layout
from desktop.core.providers.toolcalls.stream import CallStream, Syntax

Tools = list[dict[str, Any]]


@dataclass(frozen=True)
class ToolFormat:
    """One family's way of writing calls.

    `layout` is set for formats with JSON arguments inside a fixed wrapper: those get
    grammars and can have earlier calls written as text. `short_ids`: the family's
    templates insist on ids of 9 letters and digits (Mistral). `extras` gives template
    variables beyond `tools` that the family's templates read.
    """

    family: str
    variant: str
    syntax: Callable[[Tools], Syntax]
    layout: Layout | None = None
    short_ids: bool = False
    extras: Callable[[Tools], dict[str, Any]] | None = None

    def parser(self, tools: Tools) -> CallStream:
        """A fresh streaming parser for one answer that may call `tools`."""
        return CallStream(self.syntax(tools))


def _firefunction_extras(tools: Tools) -> dict[str, Any]:
    functions = [t.get("function", t) for t in tools]
    return {
        "functions": json.dumps(functions, ensure_ascii=False, indent=2) if tools else "",
        "datetime": datetime.now().strftime("%b %d %Y %H:%M:%S"),
    }


GENERIC = ToolFormat("generic", "generic", wrapped.hermes, layouts.HERMES)
HERMES = ToolFormat("hermes", "hermes", wrapped.hermes, layouts.HERMES)
LLAMA3 = ToolFormat("llama3", "llama3", bare.llama3, layouts.LLAMA3)
MISTRAL_LIST = ToolFormat("mistral", "mistral-list", wrapped.mistral, layouts.MISTRAL_LIST, True)
MISTRAL_ARGS = ToolFormat("mistral", "mistral-args", wrapped.mistral, layouts.MISTRAL_ARGS, True)
MISTRAL_CALL_ID = ToolFormat(
    "mistral", "mistral-call-id", wrapped.mistral, layouts.MISTRAL_CALL_ID, True
)
DEEPSEEK_R1 = ToolFormat("deepseek", "deepseek-r1", wrapped.deepseek, layouts.DEEPSEEK_R1)
DEEPSEEK_V31 = ToolFormat("deepseek", "deepseek-v3.1", wrapped.deepseek, layouts.DEEPSEEK_V31)
GLM = ToolFormat("glm", "glm-4.5", wrapped.glm)
GLM4 = ToolFormat("glm", "glm-4", bare.glm4)
KIMI = ToolFormat("kimi-k2", "kimi-k2", wrapped.kimi, layouts.KIMI)
SEED_OSS = ToolFormat("seed-oss", "seed-oss", wrapped.seed_oss)
COMMAND_R7B = ToolFormat("command-r7b", "command-r7b", wrapped.command_r7b, layouts.COMMAND_R7B)
FUNCTIONARY_V31 = ToolFormat(
    "functionary", "functionary-v3.1", wrapped.functionary_v31, layouts.FUNCTIONARY_V31
)
GRANITE = ToolFormat(
    "granite", "granite", lambda _t: wrapped.json_list("<|tool_call|>", None), layouts.GRANITE
)
NEMOTRON = ToolFormat(
    "nemotron",
    "nemotron",
    lambda _t: wrapped.json_list("<TOOLCALL>", "</TOOLCALL>"),
    layouts.NEMOTRON,
)
FIREFUNCTION = ToolFormat(
    "firefunction",
    "firefunction-v2",
    lambda _t: wrapped.json_list("functools[", None, opened=True),
    layouts.FIREFUNCTION,
    extras=_firefunction_extras,
)

# Checked in order: the first rule whose strings all occur in the template wins. Some
# formats share markers (`<tool_call>` is Hermes and GLM-4.5), so the more telling come first.
_RULES: tuple[tuple[tuple[str, ...], ToolFormat | None], ...] = (
    (("<seed:tool_call>",), SEED_OSS),
    (("<arg_key>",), GLM),
    (("<|tool_calls_section_begin|>",), KIMI),
    (("<｜tool▁call▁begin｜>", "```json"), DEEPSEEK_R1),
    (("<｜tool▁call▁begin｜>",), DEEPSEEK_V31),
    (("[TOOL_CALLS]", "[CALL_ID]"), MISTRAL_CALL_ID),
    (("[TOOL_CALLS]", "[ARGS]"), MISTRAL_ARGS),
    (("[TOOL_CALLS]",), MISTRAL_LIST),
    (("<|START_ACTION|>",), COMMAND_R7B),
    (("<TOOLCALL>",), NEMOTRON),
    (("<|tool_call|>",), GRANITE),
    (("functools[",), FIREFUNCTION),
    ((">>>all",), None),  # Functionary v3.2: not supported, so our generic format
    (("<|channel|>",), None),  # gpt-oss (harmony): not supported
    (("<tool_call>",), HERMES),
    (("<function=",), FUNCTIONARY_V31),
    (("<|python_tag|>",), LLAMA3),
    (("<|start_header_id|>", '"parameters"'), LLAMA3),
    (("<|observation|>", "[gMASK]"), GLM4),
)


def detect_format(template: str) -> ToolFormat:
    """The call format a template's source implies; `GENERIC` when none is recognised."""
    for needles, found in _RULES:
        if all(n in template for n in needles):
            return found or GENERIC
    return GENERIC
