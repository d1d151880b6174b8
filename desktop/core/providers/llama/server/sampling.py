"""Sampling one answer in the model host: tokens to text, stop strings, tool calls.

`generate` runs on the host's main thread and hands every event to `emit`, which batches
them onto the pipe.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import llama_cpp
from llama_cpp.llama_grammar import LlamaGrammar

from desktop.core.providers import base
from desktop.core.providers.llama.server.tooling import ToolPlan
from desktop.core.providers.llama.text import StopScanner, Utf8Stream
from desktop.core.providers.toolcalls.calls import Call, Piece, Text


def generate(
    llm: Any,
    request: base.ChatRequest,
    tokens: list[int],
    cancel: base.CancelToken,
    emit: Callable[[base.ProviderEvent], None],
    plan: ToolPlan | None = None,
    shape: str | None = None,
) -> None:
    """Sample until an end token, the limit, or a cancel; emit text, calls, usage, finish.

    `shape` is a grammar the whole answer follows from its first token (a response
    schema's); a tool plan's own grammar takes its place when there is one.
    """
    cached = cached_prefix(llm, tokens)
    llm.set_seed(request.seed if request.seed is not None else random.randrange(2**31))
    limit = llm.n_ctx() - len(tokens)
    if request.max_tokens is not None:
        limit = min(limit, request.max_tokens)
    answer = _Answer(emit, request.stop, plan)
    sampled = _Tokens(llm, tokens, request, plan.grammar if plan else shape)
    count, finish = 0, "length"
    vocab = llm._model.vocab  # the adapter owns this detail of llama-cpp-python
    special = plan is not None  # call markers are often special tokens
    lazy = plan is not None and plan.lazy_grammar is not None
    try:
        for token in sampled if limit > 0 else ():
            if cancel.cancelled:
                finish = "cancelled"
                break
            if llama_cpp.llama_vocab_is_eog(vocab, token):
                finish = "stop"
                break
            count += 1
            if answer.feed(llm.detokenize([token], special=special)):
                finish = "stop"
                break
            if count >= limit:
                break
            grammar = answer.lazy_grammar() if lazy else None
            if grammar is not None:
                sampled.constrain(grammar)
    finally:
        sampled.close()
    finish = answer.finish(finish)
    emit(
        base.Usage(prompt_tokens=len(tokens), completion_tokens=count, cached_prompt_tokens=cached)
    )
    emit(base.Finish(finish))  # type: ignore[arg-type]


def cached_prefix(llm: Any, tokens: list[int]) -> int:
    cached = llm.input_ids[: llm.n_tokens]
    same = 0
    for a, b in zip(cached, tokens, strict=False):
        if a != b:
            break
        same += 1
    return same


class _Tokens:
    """The sampled tokens of one answer; `constrain` goes on under a grammar.

    llama-cpp-python fixes a generation's grammar when it starts, so constraining later
    starts a new generation from the prompt plus the tokens so far; the KV cache already
    holds all but the last of them, so only that one is evaluated again.
    """

    def __init__(
        self, llm: Any, prompt: list[int], request: base.ChatRequest, grammar: str | None
    ) -> None:
        self._llm = llm
        self._prompt = prompt
        self._request = request
        self._generated: list[int] = []
        self._generator = self._start(grammar)

    def __iter__(self) -> Iterator[int]:
        while True:
            try:
                token = next(self._generator)
            except StopIteration:
                return
            self._generated.append(token)
            yield token

    def constrain(self, grammar: str) -> None:
        self._generator.close()
        self._generator = self._start(grammar)

    def close(self) -> None:
        self._generator.close()

    def _start(self, grammar: str | None) -> Any:
        request = self._request
        return self._llm.generate(
            self._prompt + self._generated,
            top_k=40,
            top_p=request.top_p,
            min_p=0.05,
            temp=request.temperature,
            repeat_penalty=1.0,
            grammar=LlamaGrammar.from_string(grammar) if grammar else None,
        )


class _Answer:
    """Token bytes to events: UTF-8 decoding, stop strings and, with tools, call parsing."""

    def __init__(self, emit: Callable[[Any], None], stops: list[str], plan: ToolPlan | None):
        self._emit = emit
        self._decoder = Utf8Stream()
        self._scanner = StopScanner(stops)
        self._plan = plan
        self._parser = plan.parser() if plan is not None else None
        self._lazy = plan.lazy_grammar if plan is not None else None

    def feed(self, data: bytes) -> bool:
        """Take one token's bytes; True when a stop string was hit."""
        visible, hit = self._scanner.feed(self._decoder.feed(data))
        if self._parser is not None:
            self._pieces(self._parser.feed(visible))
        elif visible:
            self._emit(base.TextDelta(visible))
        return hit

    def lazy_grammar(self) -> str | None:
        """The grammar to go on under, once, right after the first call started."""
        if self._lazy is None or self._parser is None or not self._parser.in_call:
            return None
        grammar, self._lazy = self._lazy, None
        # It starts right after the trigger: only if nothing but space followed does it fit.
        return grammar if not self._parser.call_text.strip() else None

    def finish(self, finish: str) -> str:
        """Flush what is held; returns the finish reason (`tool_calls` when calls came)."""
        tail = self._scanner.flush(self._decoder.finish()) if finish != "stop" else ""
        if self._parser is not None:
            self._pieces(self._parser.feed(tail) + self._parser.finish())
            if self._parser.calls and finish == "stop":
                finish = "tool_calls"
        elif tail:
            self._emit(base.TextDelta(tail))
        if self._decoder.replaced:
            self._emit(
                base.Notice(
                    f"the model produced {self._decoder.replaced} invalid UTF-8 sequence(s), "
                    "shown as \ufffd"
                )
            )
        if self._plan is not None and self._plan.notice:
            self._emit(base.Notice(self._plan.notice))
        return finish

    def _pieces(self, pieces: list[Piece]) -> None:
        for piece in pieces:
            if isinstance(piece, Text):
                self._emit(base.TextDelta(piece.text))
            elif isinstance(piece, Call):
                self._emit(base.ToolCallDelta(piece.index, piece.id, piece.name, piece.arguments))
                if not piece.closed:
                    self._emit(base.Notice(f"the answer ended inside tool call {piece.index}"))
