"""Each run's tools, built from its GPT definition: the operations of its actions.

One `Toolbox` per app (the composition root builds it). It shares one HTTP client and one
OAuth2 token cache across runs, and keeps the relevance index of each set of operations,
so a GPT with a 1,000-operation document pays for indexing once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

from desktop.core.gpt import Action, GptDefinition
from desktop.core.runs.tools import ToolRegistry
from desktop.core.tools.actions.auth import SecretSource
from desktop.core.tools.actions.client import ActionClient
from desktop.core.tools.actions.model import ActionDocument
from desktop.core.tools.actions.names import MAX_TOOL_NAME
from desktop.core.tools.actions.parse import cached_document
from desktop.core.tools.actions.select import OperationIndex
from desktop.core.tools.actions.tool import ActionTool, tools_for_document

INDEXES_KEPT = 8


class Toolbox:
    """Callable as the engine's `tools_for`: a fresh `ToolRegistry` for a definition."""

    def __init__(self, secrets: SecretSource, client: ActionClient | None = None) -> None:
        self._secrets = secrets
        self._client = client
        self._lock = threading.Lock()
        self._indexes: OrderedDict[tuple[str, ...], OperationIndex] = OrderedDict()

    def __call__(self, definition: GptDefinition) -> ToolRegistry:
        registry = ToolRegistry()
        tools: list[ActionTool] = []
        taken: set[str] = set()
        for action in definition.actions:
            document = _renamed(action, action_document(action), taken)
            tools += tools_for_document(document, action, self._secrets, self.client)
        if tools:
            registry.add_selectable(tools, self._selector(tools))
        return registry

    @property
    def client(self) -> ActionClient:
        with self._lock:
            if self._client is None:
                self._client = ActionClient()
            return self._client

    def close(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def _selector(self, tools: list[ActionTool]) -> OperationIndexSelector:
        key = tuple(tool.spec.name for tool in tools)
        return OperationIndexSelector(self, key, tools)

    def index(self, key: tuple[str, ...], tools: list[ActionTool]) -> OperationIndex:
        """The relevance index of these tools, built on first use and kept for a while."""
        with self._lock:
            index = self._indexes.get(key)
            if index is not None:
                self._indexes.move_to_end(key)
                return index
        index = OperationIndex.of_operations(tool.operation for tool in tools)
        with self._lock:
            self._indexes[key] = index
            while len(self._indexes) > INDEXES_KEPT:
                self._indexes.popitem(last=False)
        return index


class OperationIndexSelector:
    """A `Selector` that builds (or reuses) the index only when a run needs to select."""

    def __init__(self, box: Toolbox, key: tuple[str, ...], tools: list[ActionTool]) -> None:
        self._box = box
        self._key = key
        self._tools = tools

    def __call__(self, query: str, limit: int) -> list[str]:
        return self._box.index(self._key, self._tools).select(query, limit)


def action_document(action: Action) -> ActionDocument:
    """The parsed document of `action` (cached by its text)."""
    source_url = action.source if action.source.startswith(("http://", "https://")) else ""
    return cached_document(action.document, source_url)


def _renamed(action: Action, document: ActionDocument, taken: set[str]) -> ActionDocument:
    """Prefix the action's id to operation names an earlier action already uses."""
    prefix = "".join(c if c.isalnum() or c in "_-" else "_" for c in action.id)
    operations = []
    for op in document.operations:
        name = op.tool_name
        suffix = 1
        while name in taken:
            tail = f"_{suffix}" if suffix > 1 else ""
            name = f"{prefix}_{op.tool_name}"[: MAX_TOOL_NAME - len(tail)] + tail
            suffix += 1
        taken.add(name)
        operations.append(op if name == op.tool_name else replace(op, tool_name=name))
    return replace(document, operations=tuple(operations))
