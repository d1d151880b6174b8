"""Prompt assembly and truncation.

The prompt's prefix stays stable from turn to turn: the system prompt, then the history
exactly as it was sent before, then the latest user message. Anything that changes per
turn (retrieved knowledge, say) is attached to the latest user message only, so a local
model finds the whole history already in its KV cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.core import errors
from desktop.core.store.records import Message

ChatMessage = dict[str, Any]
# Returns the prompt's size in tokens and whether it leaves room for the answer.
FitCheck = Callable[[list[ChatMessage]], tuple[bool, int]]


@dataclass
class Conversation:
    """What one model call sees, before truncation."""

    system: str
    history: list[Message]
    latest: ChatMessage
    in_run: list[ChatMessage] = field(default_factory=list)
    # The latest turn's two halves: the user's words, and the knowledge attached to them.
    question: str = ""
    knowledge: str = ""

    def messages(self, kept_history: list[Message] | None = None) -> list[ChatMessage]:
        history = self.history if kept_history is None else kept_history
        out: list[ChatMessage] = []
        if self.system:
            out.append({"role": "system", "content": self.system})
        out.extend({"role": m.role, "content": m.text} for m in history)
        out.append(self.latest)
        out.extend(self.in_run)
        return out


@dataclass(frozen=True)
class Fitted:
    """The messages that fit, how many prompt tokens they take, and what was dropped."""

    messages: list[ChatMessage]
    prompt_tokens: int
    dropped_message_ids: list[str]


def user_message(text: str, turn_context: str = "") -> ChatMessage:
    """The latest user turn, with per-turn material (retrieved knowledge) after the question."""
    content = f"{text}\n\n{turn_context}" if turn_context else text
    return {"role": "user", "content": content}


def history_from(messages: list[Message]) -> list[Message]:
    """The thread messages worth sending again.

    Those are finished, non-empty user and assistant texts that no later run replaced.
    """
    return [
        m
        for m in messages
        if m.role in ("user", "assistant")
        and m.status in ("completed", "incomplete")
        and m.superseded_by is None
        and m.text.strip()
    ]


def _turns(history: list[Message]) -> list[list[Message]]:
    """Group messages into turns, each starting at a user message."""
    turns: list[list[Message]] = []
    for message in history:
        if message.role == "user" or not turns:
            turns.append([message])
        else:
            turns[-1].append(message)
    return turns


def _drop_order_keep(turns: list[list[Message]], dropped: int) -> list[Message]:
    """History left after dropping `dropped` turns: oldest after the first turn, then the first."""
    if dropped >= len(turns):
        return []
    kept = turns[:1] + turns[1 + dropped :]
    return [m for turn in kept for m in turn]


def fit(conversation: Conversation, strategy: dict[str, Any], check: FitCheck) -> Fitted:
    """Apply the truncation strategy, then drop turns until the prompt fits.

    Raises:
        errors.ContextOverflowError: even the system prompt and the latest message
            (with this run's tool calls) do not fit.
    """
    history = list(conversation.history)
    dropped: list[str] = []
    if strategy.get("type") == "last_messages":
        keep = max(int(strategy.get("last_messages") or 1) - 1, 0)
        kept = history[max(len(history) - keep, 0) :] if keep else []
        while kept and kept[0].role != "user":
            kept.pop(0)  # templates expect the history to open with a user turn
        kept_ids = {m.id for m in kept}
        dropped = [m.id for m in history if m.id not in kept_ids]
        history = kept

    ok, tokens = check(conversation.messages(history))
    if ok:
        return Fitted(conversation.messages(history), tokens, dropped)

    turns = _turns(history)
    low, high = 1, len(turns)  # smallest number of dropped turns that fits, by bisection
    best: tuple[int, int] | None = None
    while low <= high:
        middle = (low + high) // 2
        ok, size = check(conversation.messages(_drop_order_keep(turns, middle)))
        if ok:
            best, high = (middle, size), middle - 1
        else:
            low = middle + 1
    if best is None:
        raise errors.ContextOverflowError(
            errors.said(
                "The prompt needs about {tokens} tokens, more than the model's context leaves "
                "room for, even with the conversation history dropped. Shorten the message or "
                "the instructions, or raise the GPT's context size.",
                tokens=tokens,
            )
        )
    kept = _drop_order_keep(turns, best[0])
    kept_ids = {m.id for m in kept}
    dropped += [m.id for m in history if m.id not in kept_ids]
    return Fitted(conversation.messages(kept), best[1], dropped)
