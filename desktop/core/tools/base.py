"""What every tool is: a spec the model sees, a `run` the engine calls, a result it records.

Tools sit below the run engine (`core.runs` imports them, never the reverse), so the engine
owns the loop and tools only answer one call at a time, on the engine's thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


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


@runtime_checkable
class NetworkTool(Tool, Protocol):
    """A tool that reaches another machine: the engine asks the user before its first call.

    `domain(arguments)` names the host the call would reach (lower-case, no port), or raises
    `errors.ToolError` when the arguments are wrong; the engine asks for consent for that
    host unless the GPT's allowlist already holds it, then calls `run`.
    """

    def domain(self, arguments: dict[str, Any]) -> str: ...


def network_domain(tool: Tool, arguments: dict[str, Any]) -> str | None:
    """The host `tool` would reach with `arguments`, or None for a tool that stays local."""
    return tool.domain(arguments) if isinstance(tool, NetworkTool) else None
