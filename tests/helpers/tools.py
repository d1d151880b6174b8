"""Fake tools for the tool-call loop."""

from __future__ import annotations

from typing import Any

from desktop.core import errors
from desktop.core.tools.base import ToolResult, ToolSpec


class EchoTool:
    """Returns its `text` argument upper-cased; counts calls."""

    external = False

    def __init__(self, name: str = "echo") -> None:
        self.spec = ToolSpec(
            name=name,
            description="Echo text back in capitals.",
            parameters={
                "type": "object",
                "properties": {"text": {"type": "string"}},
                "required": ["text"],
            },
        )
        self.calls: list[dict[str, Any]] = []

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        self.calls.append(arguments)
        if "text" not in arguments:
            raise errors.ToolError("missing 'text'")
        return ToolResult(
            output=str(arguments["text"]).upper(), details={"length": len(arguments["text"])}
        )


class ClientTool:
    """A tool answered from outside: the run pauses in requires_action."""

    external = True

    def __init__(self, name: str = "lookup") -> None:
        self.spec = ToolSpec(name=name, description="Answered by the user.")

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        raise AssertionError("external tools are never run by the engine")


class WebTool(EchoTool):
    """A network tool: asks for consent for `host` before each run's first call there."""

    def __init__(self, name: str = "fetch", host: str = "api.example.com") -> None:
        super().__init__(name)
        self.host = host

    def domain(self, arguments: dict[str, Any]) -> str:
        return self.host
