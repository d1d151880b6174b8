"""Reads streamed `chat.completion.chunk`s into provider events, trusting no field's type.

The openai client builds chunks without validating them, so a hostile or sloppy server can
put anything anywhere: every field is read with `getattr` and checked before use. Text comes
out as plain `str` (the caller joins adjacent pieces into one `TextDelta`); everything else
as provider events.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from desktop.core import errors
from desktop.core.providers import base

_FINISH: dict[str, base.FinishReason] = {
    "tool_calls": "tool_calls",
    "function_call": "tool_calls",
    "length": "length",
}


Piece = str | base.ProviderEvent  # text as `str`, the rest as events
Emit = Callable[[Piece], None]


class ChunkReader:
    """Feeds one stream's chunks; `end()` gives the closing events (usage, notices, finish).

    `chars` counts the answer's characters so far (text and tool arguments), for messages
    about a stream that broke off.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.chars = 0
        self.reasoning = 0
        self.finish: str | None = None
        self.usage: base.Usage | None = None
        self.tools = False

    def feed(self, chunk: Any, emit: Emit) -> None:
        """Emit what `chunk` holds: reasoning, its text as `str`, then tool calls (per token)."""
        usage = getattr(chunk, "usage", None)
        if usage is not None:
            self._usage(usage)
        choices = getattr(chunk, "choices", None)
        if not choices:
            return  # a usage-only chunk, or a keep-alive
        if not isinstance(choices, list):
            raise self._bad("'choices' is not a list")
        choice = choices[0]
        delta = getattr(choice, "delta", None)
        if delta is not None:
            extra = getattr(delta, "__pydantic_extra__", None)  # unknown fields, by name
            if extra:
                self._reasoning(extra, emit)  # a chunk's thoughts come before its answer
            content = getattr(delta, "content", None)
            if content:
                if not isinstance(content, str):
                    raise self._bad("'content' is not text")
                self.chars += len(content)
                emit(content)
            calls = getattr(delta, "tool_calls", None)
            if calls:
                self._tool_calls(calls, emit)
            legacy = getattr(delta, "function_call", None)
            if legacy is not None:
                self._call(0, None, legacy, emit)
        reason = getattr(choice, "finish_reason", None)
        if reason:
            self.finish = str(reason)

    def end(self) -> list[base.ProviderEvent]:
        """The events that close a stream that ended normally; raises if it held no answer."""
        events: list[base.ProviderEvent] = []
        if self.usage is not None:
            events.append(self.usage)
        reason = self.finish
        if reason is None:
            if not (self.chars or self.tools):
                raise errors.ProviderResponseError(
                    errors.said(
                        "{label} ended the stream without an answer. Try again; if it "
                        "keeps happening, check that the model can chat.",
                        label=self.label,
                    )
                )
            events.append(
                base.Notice(f"{self.label} ended the stream without saying why; it may be cut")
            )
        elif reason == "content_filter":
            events.append(base.Notice(f"{self.label}'s content filter cut the answer"))
        finish = _FINISH.get(reason or "", "stop")
        if self.tools and finish == "stop":
            finish = "tool_calls"  # some servers say "stop" after tool calls
        events.append(base.Finish(finish))
        return events

    def _tool_calls(self, calls: Any, emit: Emit) -> None:
        if not isinstance(calls, list):
            raise self._bad("'tool_calls' is not a list")
        for position, call in enumerate(calls):
            index = getattr(call, "index", None)
            if not isinstance(index, int) or isinstance(index, bool) or index < 0:
                index = position  # some servers leave the index out
            call_id = getattr(call, "id", None)
            function = getattr(call, "function", None)
            self._call(index, call_id if isinstance(call_id, str) else None, function, emit)

    def _call(self, index: int, call_id: str | None, function: Any, emit: Emit) -> None:
        name = getattr(function, "name", None)
        arguments = getattr(function, "arguments", None)
        if isinstance(arguments, dict | list):  # Ollama sometimes sends parsed JSON
            arguments = json.dumps(arguments, ensure_ascii=False)
        elif not isinstance(arguments, str):
            arguments = ""
        self.tools = True
        self.chars += len(arguments)
        emit(
            base.ToolCallDelta(
                index=index,
                id=call_id or None,
                name=name if isinstance(name, str) and name else None,
                arguments=arguments,
            )
        )

    def _reasoning(self, extra: Any, emit: Emit) -> None:
        """Pass reasoning on (DeepSeek's `reasoning_content`, vLLM's `reasoning`), apart."""
        if not isinstance(extra, dict):
            return
        for key in ("reasoning_content", "reasoning"):
            text = extra.get(key)
            if isinstance(text, str):
                if text:
                    self.reasoning += len(text)
                    emit(base.ReasoningDelta(text))
                return

    def _usage(self, usage: Any) -> None:
        details = getattr(usage, "prompt_tokens_details", None)
        cached = _count(getattr(details, "cached_tokens", None))
        if not cached:  # DeepSeek names its cache hits differently
            extra = getattr(usage, "__pydantic_extra__", None)
            if isinstance(extra, dict):
                cached = _count(extra.get("prompt_cache_hit_tokens"))
        self.usage = base.Usage(
            prompt_tokens=_count(getattr(usage, "prompt_tokens", None)),
            completion_tokens=_count(getattr(usage, "completion_tokens", None)),
            cached_prompt_tokens=cached,
        )

    def _bad(self, what: str) -> errors.ProviderResponseError:
        return errors.ProviderResponseError(
            errors.said(
                "{label} sent a stream chunk that does not follow the chat completions "
                "format ({what}). Check that the base URL points at an OpenAI-compatible API.",
                label=self.label,
                what=what,
            )
        )


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return 0
