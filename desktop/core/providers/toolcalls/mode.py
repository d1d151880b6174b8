"""How one chat template takes tools, found once per model by rendering small probes.

Reading the template's source only names the format; whether the template really renders
tools, calls and results, and in which shape it wants them, shows only when it renders.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.core.providers.toolcalls.formats import GENERIC, ToolFormat, detect_format


@dataclass(frozen=True)
class TemplateInput:
    """What goes into a chat template: messages, tools (None: none), and more variables."""

    messages: list[dict[str, Any]]
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


Render = Callable[[TemplateInput], str]
"""Renders a template input to prompt text; raises whatever the template raises."""


@dataclass(frozen=True)
class ToolMode:
    """How to hand tools and tool history to one template.

    Attributes:
        format: the call format the model writes: its family's, or `GENERIC` (ours).
        template_tools: the template lists the tools itself; otherwise our prompt lists
            them and shows `format`.
        object_arguments: earlier calls' arguments go in as objects, not JSON text.
        none_content: an assistant turn that only calls tools has content None, not "".
        split_calls: one call per assistant turn (the template refuses more).
        text_history: earlier calls are written into the assistant text in `format`,
            because the template cannot render calls.
        tool_role: the template renders `tool` messages; otherwise results go in as user
            messages.
        system_role: the template accepts a system message.
    """

    format: ToolFormat
    template_tools: bool
    object_arguments: bool = True
    none_content: bool = False
    split_calls: bool = False
    text_history: bool = False
    tool_role: bool = True
    system_role: bool = True

    @property
    def family(self) -> str:
        return self.format.family


PROBE_NAME = "probe_lookup_q7"
PROBE_DESCRIPTION = "Looks up the probe word for the q7 check."
_KEY = "probe_key_q7"
_VALUES = ("zebra-4071", "yak-5182")
_RESULT = "result-6293"
_PROBE_TOOL = {
    "type": "function",
    "function": {
        "name": PROBE_NAME,
        "description": PROBE_DESCRIPTION,
        "parameters": {
            "type": "object",
            "properties": {_KEY: {"type": "string", "description": "The word."}},
            "required": [_KEY],
        },
    },
}
_USER = {"role": "user", "content": "Look up the probe word."}
_IDS = ("pr0be1234", "pr0be5678")  # 9 letters and digits: Mistral's templates check


def probe_tool_mode(template: str, render: Render) -> ToolMode:
    """The tool mode for a template (`template` is its source; `render` renders it)."""
    found = detect_format(template)
    if found is GENERIC:
        return _generic(render)
    extra = found.extras([_PROBE_TOOL]) if found.extras else {}
    listed = _renders_tools(render, extra)
    tools = [_PROBE_TOOL] if listed else None
    for objects, content in ((True, ""), (True, None), (False, ""), (False, None)):
        one = _try(render, TemplateInput(_history(objects, content, 1), tools, extra=extra))
        if one is None or not _shows(one, objects, 1):
            continue
        two = _try(render, TemplateInput(_history(objects, content, 2), tools, extra=extra))
        return ToolMode(
            found,
            template_tools=listed,
            object_arguments=objects,
            none_content=content is None,
            split_calls=two is None or not _shows(two, objects, 2),
            system_role=listed or _accepts_system(render),
        )
    if listed and found.layout is not None:
        return ToolMode(found, True, text_history=True, tool_role=_renders_results(render))
    return _generic(render)


def _generic(render: Render) -> ToolMode:
    return ToolMode(
        GENERIC, False, text_history=True, tool_role=False, system_role=_accepts_system(render)
    )


def _try(render: Render, given: TemplateInput) -> str | None:
    try:
        return render(given)
    except Exception:  # any template failure means "not this way"
        return None


def _renders_tools(render: Render, extra: dict[str, Any]) -> bool:
    out = _try(render, TemplateInput([_USER], [_PROBE_TOOL], extra=extra))
    return out is not None and PROBE_NAME in out


def _accepts_system(render: Render) -> bool:
    system = {"role": "system", "content": "Be brief."}
    return _try(render, TemplateInput([system, _USER])) is not None


def _renders_results(render: Render) -> bool:
    assistant = {"role": "assistant", "content": "Looking."}
    result = {"role": "tool", "tool_call_id": _IDS[0], "content": _RESULT}
    out = _try(render, TemplateInput([_USER, assistant, result]))
    return out is not None and _RESULT in out


def _history(objects: bool, content: str | None, calls: int) -> list[dict[str, Any]]:
    tool_calls = []
    for index in range(calls):
        arguments = {_KEY: _VALUES[index]}
        tool_calls.append(
            {
                "id": _IDS[index],
                "type": "function",
                "function": {
                    "name": PROBE_NAME,
                    "arguments": arguments if objects else json.dumps(arguments),
                },
            }
        )
    results = [
        {"role": "tool", "tool_call_id": _IDS[i], "content": f"{_RESULT}-{i}"} for i in range(calls)
    ]
    return [_USER, {"role": "assistant", "content": content, "tool_calls": tool_calls}, *results]


def _shows(out: str, objects: bool, calls: int) -> bool:
    """Whether the render holds every call's arguments and result (and no Python repr)."""
    if objects and f"'{_KEY}'" in out:  # the template printed a dict with str()
        return False
    return all(_VALUES[i] in out and f"{_RESULT}-{i}" in out for i in range(calls))
