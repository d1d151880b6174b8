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
