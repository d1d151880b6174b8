"""The tool registry: the tools one run may use, by name, and which of them to offer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.core import errors
from desktop.core.tools.base import Tool, ToolResult, ToolSpec

__all__ = ["Tool", "ToolRegistry", "ToolResult", "ToolSpec"]


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
