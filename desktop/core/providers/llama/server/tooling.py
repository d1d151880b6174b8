"""Tools for a local model: its template's tool mode, and each request's parser and grammar.

Everything here runs in the model host, on its main thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.providers import base
from desktop.core.providers.llama.server.grammar import tool_grammar
from desktop.core.providers.llama.server.model import LoadedModel
from desktop.core.providers.toolcalls.adapt import (
    has_tool_history,
    named_tool,
    offered_tools,
    template_input,
)
from desktop.core.providers.toolcalls.formats import ToolFormat, detect_format
from desktop.core.providers.toolcalls.mode import TemplateInput, ToolMode, probe_tool_mode
from desktop.core.providers.toolcalls.stream import CallStream


@dataclass(frozen=True)
class ToolPlan:
    """What sampling one answer with tools needs.

    `grammar` constrains the answer from its first token (tool_choice `required` or a
    named tool); `lazy_grammar` takes over once the model has written the format's trigger
    (tool_choice `auto`), so plain answers are sampled freely. `notice` says why a choice
    could not be enforced.
    """

    format: ToolFormat
    tools: list[dict[str, Any]]
    grammar: str | None = None
    lazy_grammar: str | None = None
    notice: str | None = None

    def parser(self) -> CallStream:
        return self.format.parser(self.tools)


def tool_mode(model: LoadedModel) -> ToolMode:
    """The model's tool mode, probed on first use and kept on the model."""
    if model.tool_mode is None:
        formatter = model.formatter

        def render(given: TemplateInput) -> str:
            return str(apply_template(formatter, given).prompt)

        model.tool_mode = probe_tool_mode(formatter.template, render)
    return model.tool_mode


def apply_template(formatter: Any, given: TemplateInput) -> Any:
    """Render `given` with the formatter; returns its `ChatFormatterResponse`."""
    return formatter(
        messages=given.messages, tools=given.tools, tool_choice=given.tool_choice, **given.extra
    )


def request_input(model: LoadedModel, request: base.ChatRequest) -> TemplateInput:
    """The template input for a request: as is without tools, adapted with them."""
    tools = offered_tools(request.tools, request.tool_choice)
    if not tools and not has_tool_history(request.messages):
        # Some templates read variables of their own even without tools (FireFunction).
        extras = detect_format(model.formatter.template).extras
        return TemplateInput(request.messages, extra=extras([]) if extras else {})
    return template_input(tool_mode(model), request.messages, tools, request.tool_choice)


def tool_plan(model: LoadedModel, request: base.ChatRequest) -> ToolPlan | None:
    """How to sample and parse the answer to `request`; None when no tools are offered."""
    tools = offered_tools(request.tools, request.tool_choice)
    if not tools:
        return None
    mode = tool_mode(model)
    layout = mode.format.layout
    forced = request.tool_choice == "required" or named_tool(request.tool_choice) is not None
    vocab = model.llm._model.vocab  # the adapter owns this detail of llama-cpp-python
    if layout is None:
        notice = (
            f"tool_choice {request.tool_choice!r} is asked of the model but not enforced: "
            f"its call format ({mode.format.variant}) has no grammar"
            if forced
            else None
        )
        return ToolPlan(mode.format, tools, notice=notice)
    if forced:
        grammar = tool_grammar(layout, tools, after_trigger=False, vocab=vocab)
        notice = None if grammar else "the tool schemas could not be turned into a grammar"
        return ToolPlan(mode.format, tools, grammar=grammar, notice=notice)
    lazy = tool_grammar(layout, tools, after_trigger=True, vocab=vocab) if layout.trigger else None
    return ToolPlan(mode.format, tools, lazy_grammar=lazy)
