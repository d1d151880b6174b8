"""Chat through llama.cpp: the GGUF's own template, token streaming and tool calls."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.providers.llama import tooling
from desktop.core.providers.llama.host import LlamaHost, LoadSettings, _Resident
from desktop.core.providers.llama.sampling import DONE, Failure, Utf8Stream, generate
from desktop.core.providers.local import LocalModel

__all__ = ["LlamaProvider", "Utf8Stream"]


@dataclass(frozen=True)
class _Rendered:
    text: str
    tokens: list[int]


class LlamaProvider:
    """A local GGUF model behind the `base.Provider` interface."""

    def __init__(self, host: LlamaHost, model: LocalModel, settings: LoadSettings) -> None:
        self._host = host
        self._model = model
        self._settings = settings
        self._key = (str(model.path), settings)
        self._last: tuple[str, _Rendered] | None = None
        self._plan: tuple[str, tooling.ToolPlan | None] | None = None

    @property
    def name(self) -> str:
        return f"local:{self._model.id}"

    @property
    def context_size(self) -> int:
        info = self._model.info
        trained = (
            info.context_length if info and info.context_length else self._settings.context_size
        )
        return min(self._settings.context_size, trained)

    @property
    def loaded(self) -> bool:
        return self._host.is_loaded(self._key)

    def load(self) -> None:
        self._host.acquire(self._model, self._settings)

    # -- prompts ---------------------------------------------------------------------------

    def prepare(self, request: base.ChatRequest) -> base.PreparedPrompt:
        rendered = self._render(request)
        return base.PreparedPrompt(text=rendered.text, tokens=len(rendered.tokens))

    def _render(self, request: base.ChatRequest) -> _Rendered:
        fingerprint = json.dumps(
            [request.messages, request.tools, request.tool_choice], sort_keys=True
        )
        if self._last is not None and self._last[0] == fingerprint:
            return self._last[1]
        resident = self._host.acquire(self._model, self._settings)
        rendered: _Rendered = resident.call(_render_on_worker, resident, request)
        self._last = (fingerprint, rendered)
        return rendered

    # -- generation ------------------------------------------------------------------------

    def stream(
        self, request: base.ChatRequest, cancel: base.CancelToken
    ) -> Iterator[base.ProviderEvent]:
        rendered = self._render(request)
        if len(rendered.tokens) >= self.context_size:
            raise errors.ContextOverflowError(
                f"The prompt is {len(rendered.tokens)} tokens; "
                f"the context holds {self.context_size}. "
                "Shorten the conversation or raise the GPT's context size."
            )
        resident = self._host.acquire(self._model, self._settings)
        plan = self._tool_plan(resident, request)
        out: queue.SimpleQueue[Any] = queue.SimpleQueue()
        stop = threading.Event()
        job = resident.submit(
            generate, resident.llm, request, rendered.tokens, cancel, stop, out.put, plan
        )
        try:
            while True:
                item = out.get()
                if item is DONE:
                    break
                if isinstance(item, Failure):
                    raise item.error
                yield item
        finally:
            stop.set()  # the consumer stopped early: let the worker end too
            job.result()

    def _tool_plan(self, resident: _Resident, request: base.ChatRequest) -> tooling.ToolPlan | None:
        """The request's parser and grammar, kept while the tools and choice stay the same."""
        fingerprint = json.dumps([request.tools, request.tool_choice], sort_keys=True)
        if self._plan is None or self._plan[0] != fingerprint:
            self._plan = (fingerprint, resident.call(tooling.tool_plan, resident, request))
        return self._plan[1]


def _render_on_worker(resident: _Resident, request: base.ChatRequest) -> _Rendered:
    assert resident.formatter is not None
    try:
        given = tooling.request_input(resident, request)
        result = tooling.apply_template(resident.formatter, given)
    except Exception as exc:  # jinja2 and the template's own raise_exception
        raise errors.ProviderError(
            f"The model's chat template could not render this conversation: {exc}. "
            "Pick another model, or start a new thread."
        ) from None
    tokens = resident.llm.tokenize(
        result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True
    )
    return _Rendered(result.prompt, list(tokens))
