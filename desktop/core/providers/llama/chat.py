"""Chat through llama.cpp: the GGUF's own template, token streaming, UTF-8 and stop strings."""

from __future__ import annotations

import codecs
import json
import queue
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import llama_cpp

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.providers.llama.host import LlamaHost, LoadSettings, _Resident
from desktop.core.providers.local import LocalModel


@dataclass(frozen=True)
class _Rendered:
    text: str
    tokens: list[int]


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_DONE = object()


class LlamaProvider:
    """A local GGUF model behind the `base.Provider` interface."""

    def __init__(self, host: LlamaHost, model: LocalModel, settings: LoadSettings) -> None:
        self._host = host
        self._model = model
        self._settings = settings
        self._key = (str(model.path), settings)
        self._last: tuple[str, _Rendered] | None = None

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
        out: queue.SimpleQueue[Any] = queue.SimpleQueue()
        stop = threading.Event()
        job = resident.submit(
            _generate, resident.llm, request, rendered.tokens, cancel, stop, out.put
        )
        try:
            while True:
                item = out.get()
                if item is _DONE:
                    break
                if isinstance(item, _Failure):
                    raise item.error
                yield item
        finally:
            stop.set()  # the consumer stopped early: let the worker end too
            job.result()


def _render_on_worker(resident: _Resident, request: base.ChatRequest) -> _Rendered:
    assert resident.formatter is not None
    try:
        result = resident.formatter(
            messages=request.messages,
            tools=request.tools or None,
            tool_choice=request.tool_choice if request.tools else None,
        )
    except Exception as exc:  # jinja2 and the template's own raise_exception
        raise errors.ProviderError(
            f"The model's chat template could not render this conversation: {exc}. "
            "Pick another model, or start a new thread."
        ) from None
    tokens = resident.llm.tokenize(
        result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True
    )
    return _Rendered(result.prompt, list(tokens))


def _cached_prefix(llm: Any, tokens: list[int]) -> int:
    cached = llm.input_ids[: llm.n_tokens]
    same = 0
    for a, b in zip(cached, tokens, strict=False):
        if a != b:
            break
        same += 1
    return same


def _generate(
    llm: Any,
    request: base.ChatRequest,
    tokens: list[int],
    cancel: base.CancelToken,
    stop: threading.Event,
    emit: Callable[[Any], None],
) -> None:
    """Runs on the model's worker: sample until an end token, the limit, or a cancel."""
    try:
        cached = _cached_prefix(llm, tokens)
        llm.set_seed(request.seed if request.seed is not None else random.randrange(2**31))
        limit = llm.n_ctx() - len(tokens)
        if request.max_tokens is not None:
            limit = min(limit, request.max_tokens)
        decoder = Utf8Stream()
        scanner = _StopScanner(request.stop)
        vocab = llm._model.vocab  # the adapter owns this detail of llama-cpp-python
        count, finish = 0, "length"
        generator = llm.generate(
            tokens,
            top_k=40,
            top_p=request.top_p,
            min_p=0.05,
            temp=request.temperature,
            repeat_penalty=1.0,
        )
        try:
            for token in generator if limit > 0 else ():
                if cancel.cancelled or stop.is_set():
                    finish = "cancelled"
                    break
                if llama_cpp.llama_vocab_is_eog(vocab, token):
                    finish = "stop"
                    break
                count += 1
                visible, hit = scanner.feed(decoder.feed(llm.detokenize([token])))
                if visible:
                    emit(base.TextDelta(visible))
                if hit:
                    finish = "stop"
                    break
                if count >= limit:
                    break
        finally:
            generator.close()
        tail = scanner.flush(decoder.finish()) if finish != "stop" else ""
        if tail:
            emit(base.TextDelta(tail))
        if decoder.replaced:
            emit(
                base.Notice(
                    f"the model produced {decoder.replaced} invalid UTF-8 sequence(s), "
                    "shown as \ufffd"
                )
            )
        emit(
            base.Usage(
                prompt_tokens=len(tokens), completion_tokens=count, cached_prompt_tokens=cached
            )
        )
        emit(base.Finish(finish))  # type: ignore[arg-type]
    except BaseException as exc:  # hand every failure to the consumer's thread
        emit(_Failure(exc))
    finally:
        emit(_DONE)


class Utf8Stream:
    """Decodes token bytes as they come.

    A character split across tokens comes out whole, once its last byte arrives; bytes that
    can never form a character come out as U+FFFD and are counted in `replaced`.
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.replaced = 0

    def feed(self, data: bytes) -> str:
        text = self._decoder.decode(data)
        self.replaced += text.count("\ufffd")
        return text

    def finish(self) -> str:
        """Whatever is left; an incomplete character at the very end becomes U+FFFD."""
        text = self._decoder.decode(b"", final=True)
        self.replaced += text.count("\ufffd")
        return text


class _StopScanner:
    """Holds back text that might be the start of a stop string; reports a full match."""

    def __init__(self, stops: list[str]) -> None:
        self._stops = [s for s in stops if s]
        self._keep = max((len(s) for s in self._stops), default=1) - 1
        self._buffer = ""

    def feed(self, text: str) -> tuple[str, bool]:
        if not self._stops:
            return text, False
        self._buffer += text
        for stop in self._stops:
            at = self._buffer.find(stop)
            if at >= 0:
                visible, self._buffer = self._buffer[:at], ""
                return visible, True
        cut = max(len(self._buffer) - self._keep, 0)
        visible, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return visible, False

    def flush(self, text: str) -> str:
        out, self._buffer = self._buffer + text, ""
        return out
