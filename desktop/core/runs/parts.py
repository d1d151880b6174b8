"""How many of a prompt's tokens each part takes: instructions, system, history, message, ...

Two ways to count. `exact_parts` asks a provider that counts with the model's own
tokenizer (a local model) to render the prompt part by part, growing it one part at a
time: each part is what it adds, template framing included, so the parts add up exactly.
It costs a few renders in the model host, so the driver counts after the answer, never
before the first token. Elsewhere `prompt_parts` estimates each part with `approx_tokens`
and shares the real total out in proportion (`estimated`), so the parts still add up to
what the model saw.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from desktop.core import errors
from desktop.core.knowledge.tokens import approx_tokens
from desktop.core.providers import base
from desktop.core.runs.citations import CITATION_GUIDE, PROTECTION_RULE
from desktop.core.runs.outputs import WEB_CITATION_GUIDE
from desktop.core.runs.prompt import ChatMessage, Conversation, user_message
from desktop.core.runs.steps import ModelCall, PromptParts

log = logging.getLogger(__name__)

PARTS = ("instructions", "system", "history", "message", "knowledge", "tool_calls", "tools")
# The app's own paragraphs of the system prompt; the rest are the user's instructions.
_GUIDES = (CITATION_GUIDE, WEB_CITATION_GUIDE, PROTECTION_RULE)


def prompt_parts(
    conversation: Conversation,
    messages: list[ChatMessage],
    tools: list[dict[str, Any]],
    total: int,
) -> PromptParts:
    """The estimated parts of a fitted prompt (`messages` as sent, `tools` offered)."""
    instructions, guides = split_system(conversation.system)
    first = 1 if conversation.system else 0
    latest = len(messages) - 1 - len(conversation.in_run)
    history = "\n".join(str(m.get("content") or "") for m in messages[first:latest])
    texts = {
        "instructions": instructions,
        "system": guides,
        "history": history,
        "message": conversation.question,
        "knowledge": conversation.knowledge,
        "tool_calls": _json(conversation.in_run),
        "tools": _json(tools),
    }
    return _shared({name: approx_tokens(text) for name, text in texts.items()}, total)


def exact_parts(
    provider: base.Provider, request: base.ChatRequest, conversation: Conversation, total: int
) -> PromptParts | None:
    """Each part counted by the model's tokenizer; None where that is not possible.

    `request` is the call as sent and `total` its prompt tokens. None when the provider
    only estimates, when its template cannot render a part on its own, or when a part
    would come out negative (a template that moves the system prompt elsewhere).
    """
    if not isinstance(provider, base.CountsExactly) or not provider.counts_exactly():
        return None
    counts: dict[str, int] = {}
    before = 0
    try:
        for name, messages in _stages(conversation, request.messages):
            size = _count(provider, request, messages) if messages else 0
            counts[name] = size - before
            before = size
    except errors.CapsuleError as exc:
        log.debug("prompt parts estimated: a part did not render alone (%s)", exc)
        return None
    counts["tools"] = total - before
    if any(value < 0 for value in counts.values()):
        return None
    return PromptParts(**counts, estimated=False)


def settle_parts(
    call: ModelCall, used: int, count: Callable[[], PromptParts | None] | None
) -> None:
    """Settle a finished call's prompt size and parts once its usage is known.

    A service that counted the prompt itself (`used` differs from ours) keeps our parts'
    shares of its total; otherwise `count` (None for a stopped call) may count them exactly,
    after the answer, so that counting never delays the first token.
    """
    if used and used != call.prompt_tokens:
        call.prompt_tokens_estimated = call.prompt_tokens
        call.prompt_tokens = used
        call.prompt_parts = rescaled(call.prompt_parts, used)
    elif count is not None:
        call.prompt_parts = count() or call.prompt_parts


def rescaled(parts: PromptParts | None, total: int) -> PromptParts | None:
    """The same shares of a new total (the service counted the prompt itself)."""
    if parts is None:
        return None
    return _shared({name: getattr(parts, name) for name in PARTS}, total)


def split_system(system: str) -> tuple[str, str]:
    """The system prompt's two halves: the user's instructions, and the app's guides."""
    guides = [g for g in _GUIDES if g in system]
    instructions = system
    for guide in guides:
        instructions = instructions.replace(guide, "")
    return "\n\n".join(p.strip() for p in instructions.split("\n\n") if p.strip()), "\n\n".join(
        guides
    )


def _stages(
    conversation: Conversation, messages: list[ChatMessage]
) -> list[tuple[str, list[ChatMessage]]]:
    """The prompt grown one part at a time, each stage named by the part it adds."""
    first = 1 if conversation.system else 0
    latest = len(messages) - 1 - len(conversation.in_run)
    system, history = messages[:first], messages[first:latest]
    instructions, _guides = split_system(conversation.system)
    alone = [{"role": "system", "content": instructions}] if first and instructions else []
    return [
        ("instructions", alone),
        ("system", system),
        ("history", system + history),
        ("message", [*system, *history, user_message(conversation.question)]),
        ("knowledge", messages[: latest + 1]),
        ("tool_calls", messages),
    ]


def _count(provider: base.Provider, request: base.ChatRequest, messages: list[ChatMessage]) -> int:
    """The tokens of `messages` rendered alone (no tools, nothing forced)."""
    return provider.prepare(
        replace(request, messages=messages, tools=[], tool_choice="auto")
    ).tokens


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
