"""The tool registry: what a run may offer the model, and how the runner executes it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.core import errors


@dataclass(frozen=True)
class ToolSpec:
    """A function tool as the model sees it (OpenAI `tools` entry)."""

    name: str
    description: str
    parameters: dict[str, Any] = field(default_factory=lambda: {"type": "object", "properties": {}})

    def to_openai(self) -> dict[str, Any]:
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.parameters,
            },
        }


@dataclass(frozen=True)
class ToolResult:
    """What a tool returns: the text the model reads, plus details for the run step."""

    output: str
    details: dict[str, Any] = field(default_factory=dict)


class Tool(Protocol):
    """A tool the engine can run.

    `external` tools are answered from outside (by the app's user, or a script through
    `submit_tool_outputs`): the run pauses in `requires_action` at their calls.
    """

    spec: ToolSpec
    external: bool

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        """Execute with parsed arguments; raise `errors.ToolError` for a readable failure."""
        ...


class ToolRegistry:
    """The tools one run may use, by name."""

    def __init__(self, tools: Iterable[Tool] = ()) -> None:
        self._tools: dict[str, Tool] = {}
        for tool in tools:
            self.add(tool)

    def add(self, tool: Tool) -> None:
        if tool.spec.name in self._tools:
            raise ValueError(f"two tools are named {tool.spec.name!r}")
        self._tools[tool.spec.name] = tool

    def get(self, name: str) -> Tool:
        try:
            return self._tools[name]
        except KeyError:
            known = ", ".join(sorted(self._tools)) or "none"
            raise errors.ToolError(
                f"unknown tool {name!r}; the tools available are: {known}"
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def __len__(self) -> int:
        return len(self._tools)

    def specs(self) -> list[dict[str, Any]]:
        return [tool.spec.to_openai() for tool in self._tools.values()]
