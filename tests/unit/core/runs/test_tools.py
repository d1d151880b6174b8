"""The tool registry."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.runs.tools import ToolRegistry
from tests.helpers.tools import ClientTool, EchoTool


def test_specs_are_openai_function_tools() -> None:
    registry = ToolRegistry([EchoTool(), ClientTool()])
    specs = registry.specs()
    assert [s["function"]["name"] for s in specs] == ["echo", "lookup"]
    assert specs[0]["type"] == "function"
    assert specs[0]["function"]["parameters"]["required"] == ["text"]
    assert "echo" in registry and len(registry) == 2


def test_unknown_tool_names_the_known_ones() -> None:
    with pytest.raises(errors.ToolError, match="echo, lookup"):
        ToolRegistry([EchoTool(), ClientTool()]).get("nope")


def test_duplicate_names_are_refused() -> None:
    with pytest.raises(ValueError, match="echo"):
        ToolRegistry([EchoTool(), EchoTool()])


def many_echoes(count: int) -> list[EchoTool]:
    return [EchoTool(f"op_{i}") for i in range(count)]


def by_number(query: str, limit: int) -> list[str]:
    """A selector that ranks `op_N` tools by the numbers named in the query."""
    return [f"op_{word}" for word in query.split()][:limit]


def test_few_selectable_tools_are_all_offered() -> None:
    registry = ToolRegistry([ClientTool()])
    registry.add_selectable(many_echoes(3), by_number)
    offer = registry.offer("2", limit=3)
    assert offer.selection is None and len(offer.specs) == 4


def test_many_selectable_tools_offer_the_relevant_ones_and_keep_the_rest() -> None:
    registry = ToolRegistry([ClientTool()])
    registry.add_selectable(many_echoes(30), by_number)
    offer = registry.offer("7 3 nope 9", limit=2)
    assert [s["function"]["name"] for s in offer.specs] == ["lookup", "op_3", "op_7"]
    assert offer.selection is not None
    assert offer.selection["offered"] == ["op_7", "op_3"]
    assert offer.selection["from"] == 30 and offer.selection["limit"] == 2


def test_a_named_tool_is_always_offered() -> None:
    registry = ToolRegistry()
    registry.add_selectable(many_echoes(30), by_number)
    offer = registry.offer("1 2", limit=2, keep="op_25")
    assert offer.selection is not None and offer.selection["offered"] == ["op_25", "op_1"]


def test_a_large_snapshot_keeps_names_only() -> None:
    registry = ToolRegistry()
    registry.add_selectable(many_echoes(100), by_number)
    snapshot = registry.snapshot()
    assert len(snapshot) == 100 and snapshot[0] == {
        "type": "function",
        "function": {"name": "op_0"},
    }
    assert ToolRegistry([EchoTool()]).snapshot() == ToolRegistry([EchoTool()]).specs()
