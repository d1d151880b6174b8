"""How many of a prompt's tokens each part takes: system, history, message, knowledge, tools.

Counting each part with the model's tokenizer would cost a round trip per part to the
model host on every call; instead each part is estimated with `approx_tokens` and the
real total is shared out in proportion, so the parts add up to what the model saw.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.knowledge.tokens import approx_tokens
from desktop.core.runs.prompt import ChatMessage, Conversation
from desktop.core.runs.steps import PromptParts

PARTS = ("system", "history", "message", "knowledge", "tool_calls", "tools")


def prompt_parts(
    conversation: Conversation,
    messages: list[ChatMessage],
    tools: list[dict[str, Any]],
    total: int,
) -> PromptParts:
    """The parts of a fitted prompt (`messages` as sent, `tools` offered) out of `total`."""
    first = 1 if conversation.system else 0
    latest = len(messages) - 1 - len(conversation.in_run)
    history = "\n".join(str(m.get("content") or "") for m in messages[first:latest])
    texts = {
        "system": conversation.system,
        "history": history,
        "message": conversation.question,
        "knowledge": conversation.knowledge,
        "tool_calls": _json(conversation.in_run),
        "tools": _json(tools),
    }
    return _shared({name: approx_tokens(text) for name, text in texts.items()}, total)


def rescaled(parts: PromptParts | None, total: int) -> PromptParts | None:
    """The same shares of a new total (the service counted the prompt itself)."""
    if parts is None:
        return None
    return _shared({name: getattr(parts, name) for name in PARTS}, total)


def _shared(weights: dict[str, int], total: int) -> PromptParts:
    """`total` split in proportion to `weights`, in whole tokens that add up to it."""
    weight = sum(weights.values())
    if weight <= 0 or total <= 0:
        return PromptParts(**dict.fromkeys(PARTS, 0), estimated=True)
    shares = {name: value * total // weight for name, value in weights.items()}
    largest = max(weights, key=lambda name: weights[name])
    shares[largest] += total - sum(shares.values())
    return PromptParts(**shares, estimated=True)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if value else ""
