"""A model's reasoning, kept apart from its answer.

Reasoning models either write their thoughts into the text between `<think>` and
`</think>` (Qwen3, DeepSeek-R1 distills, QwQ, run locally), or a service sends them in a
field of their own (DeepSeek's `reasoning_content`, vLLM's `reasoning`). Either way the
message stores them as a content part of their own, before the answer:

    {"type": "reasoning", "reasoning": {"value": "...", "duration_ms": 3200.0}}

`Message.text` holds only the answer, so the history sent to the model on the next turn
never carries the reasoning; `answer_only` also strips `<think>` blocks from messages
stored before the split existed. Everything here is pure and runs on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from desktop.core.providers.base import ReasoningDelta, TextDelta
from desktop.core.runs.guard import OutputGuard

OPEN = "<think>"
CLOSE = "</think>"
REASONING = "reasoning"
ANSWER = "answer"

_BLOCK = re.compile(r"<think>.*?(?:</think>|\Z)\s*", re.DOTALL)
_LEADING = re.compile(r"\A.*?</think>\s*", re.DOTALL)

Piece = tuple[str, str]  # (REASONING or ANSWER, text)


def reasoning_part(text: str, duration_ms: float | None = None) -> dict[str, Any]:
    """The content part holding a message's reasoning."""
    body: dict[str, Any] = {"value": text}
    if duration_ms is not None:
        body["duration_ms"] = round(duration_ms, 1)
    return {"type": REASONING, REASONING: body}


def reasoning_of(content: list[dict[str, Any]]) -> tuple[str, float | None]:
    """A message's reasoning text and how long it took ('' and None without any)."""
    for part in content:
        if part.get("type") == REASONING:
            body = part[REASONING]
            duration = body.get("duration_ms")
            return str(body.get("value") or ""), float(duration) if duration is not None else None
    return "", None


def with_reasoning(
    content: list[dict[str, Any]], text: str, duration_ms: float | None
) -> list[dict[str, Any]]:
    """`content` with its reasoning part replaced (placed first; none when `text` is empty)."""
    rest = [part for part in content if part.get("type") != REASONING]
    return [reasoning_part(text, duration_ms), *rest] if text else rest


def strip_think(text: str) -> str:
    """`text` without its `<think>` blocks.

    An unclosed block runs to the end; a lone `</think>` ends a block that the template
    opened in the prompt.
    """
    if OPEN not in text and CLOSE in text:
        text = _LEADING.sub("", text, count=1)
    return _BLOCK.sub("", text)


def answer_only(content: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Content without reasoning: no reasoning part, and no `<think>` left in the text."""
    out = []
    for part in content:
        if part.get("type") == REASONING:
            continue
        text = part["text"]["value"] if part.get("type") == "text" else ""
        if OPEN in text or CLOSE in text:
            out.append({**part, "text": {**part["text"], "value": strip_think(text)}})
        else:
            out.append(part)
    return out


class Thinking:
    """One model call's output, split into reasoning and answer as it streams, and timed.

    `text()` takes the model's text (where `<think>` tags may arrive cut across pieces);
    `reasoning()` takes a provider's separate reasoning field; both return the pieces to
    show, in order. The reasoning lasts from its first piece until `</think>` closes it, the
    answer starts, or `finish()`. Used on the driver's thread.

    Args:
        clock: seconds, monotonic.
        inside: the prompt itself opened a `<think>` block (the model starts thinking).
    """

    def __init__(self, clock: Callable[[], float], inside: bool = False) -> None:
        self._clock = clock
        self._inside = inside
        self._held = ""  # the end of the text that may be the start of a tag
        self._answered = False  # answer text has been shown: a `<think>` now is just text
        self.started: float | None = None
        self.ended: float | None = None
        self.seen = False

    @property
    def duration_ms(self) -> float | None:
        if self.started is None:
            return None
        end = self.ended if self.ended is not None else self._clock()
        return (end - self.started) * 1000

    def reasoning(self, text: str) -> list[Piece]:
        return self._out([(REASONING, text)]) if text else []

    def text(self, text: str) -> list[Piece]:
        pieces: list[Piece] = []
        rest = self._held + text
        self._held = ""
        while rest:
            tag = CLOSE if self._inside else OPEN
            at = rest.find(tag)
            # `<think>` opens a block only before any answer: later it is just text.
            if at >= 0 and (self._inside or not (self._answered or rest[:at].strip())):
                pieces.append((self._kind(), rest[:at]))
                rest = rest[at + len(tag) :]
                self._inside = not self._inside
                if not self._inside:
                    rest = rest.lstrip()  # the blank line models put after </think>
                    self._close()
                continue
            keep = _partial_tag(rest, tag)
            if tag == OPEN and (self._answered or rest[: len(rest) - keep].strip()):
                keep = 0  # past the start of the answer, `<think>` cannot open a block
            pieces.append((self._kind(), rest[: len(rest) - keep]))
            self._held = rest[len(rest) - keep :]
            break
        return self._out(pieces)

    def finish(self) -> list[Piece]:
        """What was held back (a cut tag that never completed), and the end of the timing."""
        held, self._held = self._held, ""
        pieces = self._out([(self._kind(), held)]) if held else []
        self._close()
        return pieces

    def _kind(self) -> str:
        return REASONING if self._inside else ANSWER

    def _close(self) -> None:
        if self.started is not None and self.ended is None:
            self.ended = self._clock()

    def _out(self, pieces: list[Piece]) -> list[Piece]:
        out = []
        for kind, piece in pieces:
            # The blank lines between the reasoning and the answer are not the answer.
            text = piece.lstrip() if kind == ANSWER and self.seen and not self._answered else piece
            if not text:
                continue
            if kind == REASONING:
                self.seen = True
                if self.started is None:
                    self.started = self._clock()
            else:
                self._close()
                self._answered = True
            out.append((kind, text))
        return out


def _partial_tag(text: str, tag: str) -> int:
    """How many characters at the end of `text` could be the start of `tag`."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-size:]):
            return size
    return 0


def opens_thinking(prompt: str | None) -> bool:
    """Whether a rendered prompt ends inside a `<think>` block the template opened."""
    if not prompt:
        return False
    tail = prompt.rstrip()
    return tail.endswith(OPEN)


class Output:
    """What one model call shows, piece by piece: reasoning and answer, split and guarded.

    With knowledge protection on, the answer and the reasoning each pass their own output
    guard (the reasoning is shown too, so it must not leak either). Used on the driver's
    thread.

    Args:
        thinking: splits and times the reasoning.
        guard: makes an output guard, or None without knowledge protection.
    """

    def __init__(self, thinking: Thinking, guard: Callable[[], OutputGuard | None]) -> None:
        self.thinking = thinking
        self._guards = {ANSWER: guard(), REASONING: guard()}

    def take(self, delta: TextDelta | ReasoningDelta) -> list[Piece]:
        """The pieces to show for a provider's text or reasoning."""
        if isinstance(delta, ReasoningDelta):
            return self.reasoning(delta.text)
        return self.text(delta.text)

    def text(self, text: str) -> list[Piece]:
        return self._guarded(self.thinking.text(text))

    def reasoning(self, text: str) -> list[Piece]:
        return self._guarded(self.thinking.reasoning(text))

    def finish(self) -> list[Piece]:
        """The rest: a tag cut at the end, and what the guards held back."""
        pieces = self._guarded(self.thinking.finish())
        for kind in (REASONING, ANSWER):
            guard = self._guards[kind]
            if guard is not None:
                pieces.append((kind, guard.finish()))
        return [(kind, text) for kind, text in pieces if text]

    @property
    def withheld(self) -> list[dict[str, object]]:
        return [w for g in self._guards.values() if g is not None for w in g.withheld]

    def _guarded(self, pieces: list[Piece]) -> list[Piece]:
        out = []
        for kind, text in pieces:
            guard = self._guards[kind]
            shown = guard.feed(text) if guard is not None else text
            if shown:
                out.append((kind, shown))
        return out
