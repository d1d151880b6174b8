"""What every tool is: a spec the model sees, a `run` the engine calls, a result it records.

Tools sit below the run engine (`core.runs` imports them, never the reverse), so the engine
owns the loop and tools only answer one call at a time, on the engine's thread.
"""

from __future__ import annotations

from collections.abc import Callable
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


def _never() -> bool:
    return False


@dataclass(frozen=True)
class ToolContext:
    """Where a run's tools work: its GPT and its thread (whose files and kernel they use).

    `cancelled` turns true when the user stops the run: a tool that waits long (code
    running in a kernel) polls it and stops early.
    """

    gpt_id: str
    thread_id: str
    cancelled: Callable[[], bool] = _never


# Keys a tool's `record` may not set on its call: the engine owns them.
RESERVED_CALL_KEYS = frozenset(
    {"id", "type", "function", "details", "error", "duration_ms", "images", "consent"}
)


@dataclass(frozen=True)
class ToolResult:
    """What a tool returns: the text the model reads, plus details for the run step.

    `record` holds sections set at the top level of the call in the run step, in the shape
    the Assistants API gave built-in tools: `{"code_interpreter": {"input", "outputs"}}`,
    `{"web_browsing": {...}}`, `{"image_generation": {...}}`. `images` names thread files
    (relative to the thread's folder) that the answer shows as pictures.
    """

    output: str
    details: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] = field(default_factory=dict)
    images: tuple[str, ...] = ()


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


class SecretSource(Protocol):
    """Where tools get secrets: `desktop.core.secrets.Secrets` in the app.

    `get` raises `errors.SecretNotFoundError` when the secret is not there.
    """

    def get(self, name: str) -> str: ...


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
