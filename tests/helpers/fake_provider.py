"""A scripted provider for engine logic: each call plays the next script entry."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.core.providers import base


@dataclass
class Reply:
    """One scripted answer: text pieces, then tool calls `(name, arguments_json)`."""

    pieces: list[str] = field(default_factory=list)
    tool_calls: list[tuple[str, str]] = field(default_factory=list)
    finish: str | None = None
    error: Exception | None = None
    # Called before each piece is yielded (index); a test can block or cancel there.
    before_piece: Callable[[int], None] | None = None


class ScriptedProvider:
    """Implements `base.Provider`; records every request it receives."""

    def __init__(
        self, replies: list[Reply], context_size: int = 4096, chars_per_token: int = 4
    ) -> None:
        self.replies = list(replies)
        self.requests: list[base.ChatRequest] = []
        self.loads = 0
        self._loaded = False
        self._context = context_size
        self._chars_per_token = chars_per_token
        self.lock = threading.Lock()

    @property
    def name(self) -> str:
        return "scripted:test"

    @property
    def context_size(self) -> int:
        return self._context

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def load_details(self) -> dict[str, Any]:
        return {}

    def load(self) -> Iterator[base.LoadEvent]:
        self.loads += 1
        self._loaded = True
        yield base.ModelLoaded(self.name, 0.0)

    def render(self, request: base.ChatRequest) -> str:
        return "".join(f"<{m['role']}>{m.get('content') or ''}\n" for m in request.messages)

    def prepare(self, request: base.ChatRequest) -> base.PreparedPrompt:
        text = self.render(request)
        return base.PreparedPrompt(text=text, tokens=max(1, len(text) // self._chars_per_token))

    def stream(
        self, request: base.ChatRequest, cancel: base.CancelToken
    ) -> Iterator[base.ProviderEvent]:
        self.requests.append(request)
        if not self.replies:
            raise AssertionError("the scripted provider ran out of replies")
        reply = self.replies.pop(0)
        if reply.error is not None:
            raise reply.error
        produced = 0
        for index, piece in enumerate(reply.pieces):
            if reply.before_piece is not None:
                reply.before_piece(index)
            if cancel.cancelled:
                yield base.Usage(self.prepare(request).tokens, produced)
                yield base.Finish("cancelled")
                return
            produced += 1
            yield base.TextDelta(piece)
        for index, (name, arguments) in enumerate(reply.tool_calls):
            yield base.ToolCallDelta(
                index=index, id=f"call_{len(self.requests)}_{index}", name=name
            )
            yield base.ToolCallDelta(index=index, arguments=arguments)
            produced += 1
        yield base.Usage(self.prepare(request).tokens, produced)
        finish = reply.finish or ("tool_calls" if reply.tool_calls else "stop")
        yield base.Finish(finish)  # type: ignore[arg-type]


def provider_for(provider: Any) -> Callable[[Any], Any]:
    """A resolver that always returns `provider`, for `RunEngine(resolve_provider=...)`."""
    return lambda _settings: provider
