"""Chat with a local GGUF model: the app's side; the model runs in its host process.

The host renders the GGUF's own chat template, streams tokens as text, and reads tool
calls in the model's own format (see `server.tooling`); this side asks and relays.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from desktop.core.providers import base
from desktop.core.providers.llama import wire
from desktop.core.providers.llama.client import CANCELLED
from desktop.core.providers.llama.host import LlamaHost, LoadSettings, window
from desktop.core.providers.local import LocalModel

__all__ = ["LlamaProvider"]


class LlamaProvider:
    """A local GGUF model behind the `base.Provider` interface."""

    def __init__(self, host: LlamaHost, model: LocalModel, settings: LoadSettings) -> None:
        self._host = host
        self._model = model
        self._settings = settings
        self._key = (str(model.path), settings)
        self._last: tuple[str, base.PreparedPrompt] | None = None

    @property
    def name(self) -> str:
        return f"local:{self._model.id}"

    @property
    def context_size(self) -> int:
        return window(self._model, self._settings)

    @property
    def loaded(self) -> bool:
        return self._host.is_loaded(self._key)

    @property
    def load_details(self) -> dict[str, Any]:
        return self._host.details(self._key)

    def load(self) -> Iterator[base.LoadEvent]:
        return self._host.loading(self._model, self._settings)

    def counts_exactly(self) -> bool:
        """The host renders the GGUF's template and counts with its tokenizer."""
        return True

    def prepare(self, request: base.ChatRequest) -> base.PreparedPrompt:
        """The rendered prompt and its token count, asked of the host once per request."""
        fingerprint = json.dumps(
            [request.messages, request.tools, request.tool_choice], sort_keys=True
        )
        if self._last is not None and self._last[0] == fingerprint:
            return self._last[1]
        process = self._host.acquire(self._model, self._settings)
        text, tokens = process.call(wire.RENDER, request)
        prepared = base.PreparedPrompt(text=text, tokens=tokens)
        self._last = (fingerprint, prepared)
        return prepared

    def stream(
        self, request: base.ChatRequest, cancel: base.CancelToken
    ) -> Iterator[base.ProviderEvent]:
        process = self._host.acquire(self._model, self._settings)
        for kind, body in process.exchange(wire.STREAM, request, cancel):
            if kind == wire.EVENTS:
                yield from body
            elif kind == CANCELLED:  # the host ignored the cancel and was stopped
                yield base.Finish("cancelled")
