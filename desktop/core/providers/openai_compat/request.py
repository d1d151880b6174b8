"""The JSON body sent for a chat request, and a cheap estimate of its size in tokens."""

from __future__ import annotations

import json
import re
from typing import Any

from desktop.core.providers import base
from desktop.core.schemas import without_keywords

# CJK ideographs, kana, hangul, CJK punctuation and full-width forms: tokenizers spend about
# one token per character on these, and about one per four characters on other text.
_CJK = re.compile(
    "[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]"
)
PER_MESSAGE = 4  # role markers and separators around each message
REPLY_PRIMING = 3  # the assistant header the server adds before the answer
PER_IMAGE = 85  # OpenAI's cost of a low-detail image; a floor for any image part
# Keywords OpenAI's strict structured outputs refuse (Azure names maxLength as its example);
# the caller validates lengths itself after parsing.
_NOT_STRICT = frozenset({"minLength", "maxLength"})


def estimate_tokens(text: str) -> int:
    """About one token per CJK character and one per four other characters."""
    if not text:
        return 0
    others = len(_CJK.sub("", text))
    return (len(text) - others) + (others + 3) // 4


def prompt_tokens(messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> int:
    """An estimate of the prompt's size, without the server's tokenizer.

    Good to within a few tens of percent on ordinary text; the server's own count arrives
    with the answer's usage.
    """
    total = REPLY_PRIMING
    for message in messages:
        total += PER_MESSAGE + _content_tokens(message.get("content"))
        calls = message.get("tool_calls")
        if calls:
            total += estimate_tokens(json.dumps(calls, ensure_ascii=False))
        name = message.get("name")
        if isinstance(name, str):
            total += estimate_tokens(name)
    if tools:
        total += estimate_tokens(json.dumps(tools, ensure_ascii=False))
    return total


def _content_tokens(content: Any) -> int:
    if isinstance(content, str):
        return estimate_tokens(content)
    if not isinstance(content, list):
        return 0
    total = 0
    for part in content:  # OpenAI content parts: text, image_url, ...
        if not isinstance(part, dict):
            continue
        text = part.get("text")
        if isinstance(text, str):
            total += estimate_tokens(text)
        elif part.get("type") in ("image_url", "input_image"):
            total += PER_IMAGE
    return total


def chat_body(request: base.ChatRequest, model: str, include_usage: bool) -> dict[str, Any]:
    """The `/chat/completions` request body for `request`: what prepare() shows and stream() sends.

    Tools and tool_choice are left out without tools, and stop without stop strings:
    some servers refuse an empty list or a tool_choice with nothing to choose. A response
    schema becomes `response_format` (json_schema, strict).
    """
    body: dict[str, Any] = {"model": model, "messages": request.messages, "stream": True}
    if include_usage:
        body["stream_options"] = {"include_usage": True}
    if request.tools:
        body["tools"] = request.tools
        body["tool_choice"] = request.tool_choice
    body["temperature"] = request.temperature
    body["top_p"] = request.top_p
    if request.max_tokens is not None:
        body["max_tokens"] = request.max_tokens
    if request.seed is not None:
        body["seed"] = request.seed
    if request.stop:
        body["stop"] = list(request.stop)
    if request.response_schema is not None and not request.tools:
        body["response_format"] = response_format(request.response_schema)
    return body


def response_format(schema: dict[str, Any]) -> dict[str, Any]:
    """The `response_format` that asks for a JSON answer of `schema` (strict mode)."""
    name = re.sub(r"[^A-Za-z0-9_-]", "_", str(schema.get("title") or "answer"))[:64]
    return {
        "type": "json_schema",
        "json_schema": {
            "name": name,
            "schema": without_keywords(schema, _NOT_STRICT),
            "strict": True,
        },
    }
