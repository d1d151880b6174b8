"""The tool registry: the tools one run may use, by name, and which of them to offer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from desktop.core import errors
from desktop.core.tools.base import Tool, ToolResult, ToolSpec

__all__ = ["Offer", "Tool", "ToolRegistry", "ToolResult", "ToolSpec"]

# (query, limit) -> the names of the most relevant selectable tools, best first.
Selector = Callable[[str, int], list[str]]
# Above this many tools, a run's snapshot keeps only the names of the selectable ones.
SNAPSHOT_FULL_LIMIT = 64


@dataclass(frozen=True)
class Offer:
    """The tools offered to the model for one turn, and how they were chosen.

    `selection` is None when every tool was offered; otherwise it records the query, how
    many selectable tools there were, the limit, the names offered and the time it took.
    """

    specs: list[dict[str, Any]]
    selection: dict[str, Any] | None = None


class ToolRegistry:
    """The tools one run may use, by name.

    Some tools may be marked selectable (an action document's operations): when there are
    more of them than a turn's limit, `offer` gives the model only the most relevant ones.
    """

    def __init__(self, tools: Iterable[Tool] = ()) -> None:
        self._tools: dict[str, Tool] = {}
        self._selectable: set[str] = set()
        self._selector: Selector | None = None
        for tool in tools:
            self.add(tool)

    def add(self, tool: Tool) -> None:
        if tool.spec.name in self._tools:
            raise ValueError(f"two tools are named {tool.spec.name!r}")
        self._tools[tool.spec.name] = tool

    def add_selectable(self, tools: Iterable[Tool], selector: Selector) -> None:
        """Add tools offered by relevance; `selector` ranks all selectable tools at once."""
        for tool in tools:
            self.add(tool)
            self._selectable.add(tool.spec.name)
        self._selector = selector

    def get(self, name: str) -> Tool:
        try:
            return self._tools[name]
        except KeyError:
            known = ", ".join(sorted(self._tools)[:40])
            more = len(self._tools) - 40
            if not known:
                message = errors.said(
                    "unknown tool {name}; the tools available are: none", name=repr(name)
                )
            elif more > 0:
                message = errors.said(
                    "unknown tool {name}; the tools available are: {known} and {more} more",
                    name=repr(name),
                    known=known,
                    more=more,
                )
            else:
                message = errors.said(
                    "unknown tool {name}; the tools available are: {known}",
                    name=repr(name),
                    known=known,
                )
            raise errors.ToolError(message) from None

    def names(self) -> list[str]:
        return list(self._tools)

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def __len__(self) -> int:
        return len(self._tools)

    def specs(self) -> list[dict[str, Any]]:
        return [tool.spec.to_openai() for tool in self._tools.values()]

    def snapshot(self) -> list[dict[str, Any]]:
        """What a run records as its tools: full specs, or names alone when there are many."""
        if len(self._tools) <= SNAPSHOT_FULL_LIMIT:
            return self.specs()
        return [{"type": "function", "function": {"name": name}} for name in self._tools]

    def offer(
        self,
        query: str,
        limit: int,
        keep: str | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> Offer:
        """The tools for one turn: all of them, or the `limit` most relevant selectable ones.

        `keep` (a tool the caller named in tool_choice) is always offered.
        """
        if self._selector is None or len(self._selectable) <= limit:
            return Offer(self.specs())
        started = clock()
        chosen = [n for n in self._selector(query, limit) if n in self._selectable][:limit]
        if keep in self._selectable and keep not in chosen:
            chosen = [keep, *chosen[: limit - 1]]
        took = round((clock() - started) * 1000, 2)
        offered = set(chosen)
        specs = [
            tool.spec.to_openai()
            for name, tool in self._tools.items()
            if name not in self._selectable or name in offered
        ]
        selection = {
            "query": query[:500],
            "from": len(self._selectable),
            "limit": limit,
            "offered": chosen,
            "duration_ms": took,
        }
        return Offer(specs, selection)
