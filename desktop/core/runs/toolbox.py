"""Each run's tools, built from its GPT definition: its capabilities and its actions.

One `Toolbox` per app (the composition root builds it). It shares one HTTP client and one
OAuth2 token cache across runs, and keeps the relevance index of each set of operations,
so a GPT with a 1,000-operation document pays for indexing once. A capability is offered
only when the GPT switches it on, and only when the app gave the toolbox what it needs
(`Capabilities`); building a run's tools starts nothing: kernels start on first use.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

from desktop.core import errors
from desktop.core.gpt import Action, GptDefinition, ImageGenerationSettings
from desktop.core.paths import Paths
from desktop.core.providers.factory import ProviderFactory
from desktop.core.runs.tools import ToolRegistry
from desktop.core.settings import SettingsFile
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.actions.client import ActionClient
from desktop.core.tools.actions.model import ActionDocument
from desktop.core.tools.actions.names import MAX_TOOL_NAME
from desktop.core.tools.actions.select import OperationIndex
from desktop.core.tools.actions.setup import action_document
from desktop.core.tools.actions.tool import ActionTool, tools_for_document
from desktop.core.tools.base import SecretSource, Tool, ToolContext
from desktop.core.tools.browser import Browser, browsing_tools
from desktop.core.tools.code_interpreter import CodeInterpreterTool, KernelPool
from desktop.core.tools.images import GeneratedImage, ImageGenerationTool, ImageGenerator

INDEXES_KEPT = 8


ImagesFor = Callable[[str, str], ImageGenerator]  # (provider profile, model) -> generator


@dataclass
class Capabilities:
    """What the built-in capabilities run on; each None leaves that capability out."""

    files: ThreadFiles
    kernels: KernelPool | None = None
    browser: Browser | None = None
    images_for: ImagesFor | None = None
    # Hosts the user lets actions send secrets to over plain http (settings.json).
    http_hosts: Callable[[], list[str]] = list


def capabilities(paths: Paths, factory: ProviderFactory) -> Capabilities:
    """Every capability, on the app's folders and provider profiles (nothing starts yet)."""
    files = ThreadFiles(paths.threads)
    settings = SettingsFile(paths.settings_file)
    return Capabilities(
        files=files,
        kernels=KernelPool(
            files,
            paths.runtime,
            unisolated_allowed=lambda: settings.load().allow_unisolated_code,
        ),
        browser=Browser(),
        images_for=factory.remote_images,
        http_hosts=lambda: settings.load().http_credential_hosts,
    )


class Toolbox:
    """Callable as the engine's `tools_for`: a fresh `ToolRegistry` for a definition."""

    def __init__(
        self,
        secrets: SecretSource,
        client: ActionClient | None = None,
        capabilities: Capabilities | None = None,
    ) -> None:
        self._secrets = secrets
        self._client = client
        self._capabilities = capabilities
        self._lock = threading.Lock()
        self._indexes: OrderedDict[tuple[str, ...], OperationIndex] = OrderedDict()

    def __call__(self, definition: GptDefinition, context: ToolContext) -> ToolRegistry:
        registry = ToolRegistry()
        for tool in self._builtin(definition, context):
            registry.add(tool)
        tools: list[ActionTool] = []
        taken: set[str] = set(registry.names())
        http_hosts = self._capabilities.http_hosts() if self._capabilities else []
        for action in definition.actions:
            document = _offered(action, action_document(action), taken)
            tools += tools_for_document(
                document, action, self._secrets, self.client, http_hosts=http_hosts
            )
        if tools:
            registry.add_selectable(tools, self._selector(tools))
        return registry

    def _builtin(self, definition: GptDefinition, context: ToolContext) -> list[Tool]:
        """The capability tools the GPT switched on (and the app can run)."""
        have = self._capabilities
        wanted = definition.capabilities
        if have is None:
            return []
        tools: list[Tool] = []
        if wanted.code_interpreter.enabled and have.kernels is not None:
            tools.append(CodeInterpreterTool(have.kernels, context, wanted.code_interpreter))
        if wanted.web_browsing.enabled and have.browser is not None:
            tools += browsing_tools(wanted.web_browsing, have.browser, self._secrets)
        if wanted.image_generation.enabled and have.images_for is not None:
            settings = wanted.image_generation
            generator = _generator(have.images_for, settings) if settings.provider else None
            tools.append(ImageGenerationTool(generator, have.files, context, settings))
        return tools

    @property
    def client(self) -> ActionClient:
        with self._lock:
            if self._client is None:
                self._client = ActionClient()
            return self._client

    def end_thread(self, thread_id: str) -> None:
        """Stop the thread's code kernel, if one runs (the thread was deleted)."""
        have = self._capabilities
        if have is not None and have.kernels is not None:
            have.kernels.shutdown(thread_id)

    def close(self) -> None:
        """Stop every kernel and close the HTTP clients (at exit)."""
        with self._lock:
            client, self._client = self._client, None
        have = self._capabilities
        try:
            if have is not None and have.kernels is not None:
                have.kernels.shutdown_all()
        finally:
            if have is not None and have.browser is not None:
                have.browser.close()
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


def _offered(action: Action, document: ActionDocument, taken: set[str]) -> ActionDocument:
    """The action's enabled operations; a name an earlier action took gets its id prefixed."""
    prefix = "".join(c if c.isalnum() or c in "_-" else "_" for c in action.id)
    disabled = set(action.disabled_operations)
    operations = []
    for op in document.operations:
        if op.tool_name in disabled:
            continue
        name = op.tool_name
        suffix = 1
        while name in taken:
            tail = f"_{suffix}" if suffix > 1 else ""
            name = f"{prefix}_{op.tool_name}"[: MAX_TOOL_NAME - len(tail)] + tail
            suffix += 1
        taken.add(name)
        operations.append(op if name == op.tool_name else replace(op, tool_name=name))
    return replace(document, operations=tuple(operations))


def _generator(images_for: ImagesFor, settings: ImageGenerationSettings) -> ImageGenerator:
    """The profile's images backend; one that cannot be reached explains itself when called."""
    try:
        return images_for(settings.provider, settings.model)
    except errors.CapsuleError as exc:
        return _Unavailable(exc)


class _Unavailable:
    """Stands in for a backend whose profile or key is missing: the model reads why."""

    sizes: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()

    def __init__(self, problem: errors.CapsuleError) -> None:
        self._problem = problem

    def generate(
        self, prompt: str, *, size: str, quality: str, count: int = 1
    ) -> list[GeneratedImage]:
        raise self._problem
