"""The streaming call parser: splits an answer, as it arrives, into visible text and calls.

A format is described by a `Syntax`: the marker-delimited blocks that hold calls, an
optional `Lead` for formats where the whole answer is a bare call (Llama 3's JSON), and
markers to drop from the text. `CallStream` holds back any text that might be the start of
a marker until it knows, so call text never reaches the visible answer, and it holds
whitespace around calls so an answer that only calls tools shows no stray newlines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.providers.toolcalls.calls import Call, Found, Piece, Text, new_call_id

BlockParser = Callable[[str], list[Found]]


@dataclass(frozen=True)
class Block:
    """Calls between `start` and `end`; `end` None means they run to the end of the answer."""

    start: str
    end: str | None
    parse: BlockParser


@dataclass(frozen=True)
class Lead:
    """An answer that is itself a call, with no marker before it.

    `decide` looks at the start of the answer: True (a call), False (text) or None (not
    known yet). `parse` reads the whole answer; None means it was text after all.
    """

    decide: Callable[[str], bool | None]
    parse: Callable[[str], list[Found] | None]


@dataclass(frozen=True)
class Syntax:
    """How one format writes calls into an answer."""

    blocks: tuple[Block, ...]
    lead: Lead | None = None
    hidden: tuple[str, ...] = ()  # markers dropped from the text (Command R's response tags)
    id_length: int | None = None  # fixed-length ids where the format needs them (Mistral)
    markers: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "markers", tuple(b.start for b in self.blocks) + self.hidden)


class CallStream:
    """Feed text as it streams; get back `Text` and `Call` pieces in answer order.

    Not thread-safe; one per answer.
    """

    def __init__(self, syntax: Syntax) -> None:
        self._syntax = syntax
        self._longest = max((len(m) for m in syntax.markers), default=1)
        self._buffer = ""
        self._block: Block | None = None
        self._deciding = syntax.lead is not None
        self._in_lead = False
        self._index = 0
        self._space = ""  # whitespace held until it is known whether a call follows
        self._after_call = False
        self._scan_from = 0

    @property
    def in_call(self) -> bool:
        """Whether the answer is inside a call now."""
        return self._block is not None or self._in_lead

    @property
    def call_text(self) -> str:
        """What the model wrote of the current call so far (empty outside calls)."""
        return self._buffer if self.in_call else ""

    @property
    def calls(self) -> int:
        """How many calls came out so far."""
        return self._index

    def feed(self, text: str) -> list[Piece]:
        self._buffer += text
        out: list[Piece] = []
        self._drain(out, final=False)
        return out

    def finish(self) -> list[Piece]:
        """Everything still held: the last text, or the call the answer ended in."""
        out: list[Piece] = []
        self._drain(out, final=True)
        rest, self._buffer = self._buffer, ""
        if self._in_lead:
            assert self._syntax.lead is not None
            found = self._syntax.lead.parse(rest)
            if found is None:
                self._show(out, rest, final=True)
            else:
                self._calls(out, found, closed=True)
        elif self._block is not None:
            end = self._block.end
            body = _without_partial(rest, end) if end else rest
            self._calls(out, self._block.parse(body), closed=end is None)
        else:
            self._show(out, rest, final=True)
        return out

    # -- states ----------------------------------------------------------------------------

    def _drain(self, out: list[Piece], final: bool) -> None:
        while True:
            if self._deciding:
                assert self._syntax.lead is not None
                decision = self._syntax.lead.decide(self._buffer)
                if decision is None and not final:
                    return
                self._deciding, self._in_lead = False, bool(decision)
            if self._in_lead:
                return  # a bare call runs to the end of the answer
            if self._block is None:
                if not self._text(out, final):
                    return
            elif not self._close(out):
                return

    def _text(self, out: list[Piece], final: bool) -> bool:
        """Show text up to the next marker; True when a marker was consumed."""
        at, marker = self._first_marker()
        if marker is None:
            keep = 0 if final else self._partial_marker()
            cut = len(self._buffer) - keep
            self._show(out, self._buffer[:cut], final=False)
            self._buffer = self._buffer[cut:]
            return False
        block = next((b for b in self._syntax.blocks if b.start == marker), None)
        if block is None:  # a hidden marker: drop it, keep the text around it
            self._show(out, self._buffer[:at], final=False)
        else:
            self._show(out, self._buffer[:at], final=False, before_call=True)
            self._block, self._scan_from = block, 0
        self._buffer = self._buffer[at + len(marker) :]
        return True

    def _close(self, out: list[Piece]) -> bool:
        """End the current block if its end marker arrived; True when it did."""
        assert self._block is not None
        end = self._block.end
        if end is None:
            return False
        at = self._buffer.find(end, self._scan_from)
        if at < 0:
            self._scan_from = max(len(self._buffer) - len(end) + 1, 0)
            return False
        body, self._buffer = self._buffer[:at], self._buffer[at + len(end) :]
        found = self._block.parse(body)
        self._block = None
        self._calls(out, found, closed=True)
        return True

    # -- helpers ---------------------------------------------------------------------------

    def _first_marker(self) -> tuple[int, str | None]:
        best, found = len(self._buffer), None
        for marker in self._syntax.markers:
            at = self._buffer.find(marker)
            if at < 0 or at > best:
                continue
            if found is None or at < best or len(marker) > len(found):
                best, found = at, marker
        return best, found

    def _partial_marker(self) -> int:
        """Length of the longest buffer suffix that could still grow into a marker."""
        for size in range(min(len(self._buffer), self._longest - 1), 0, -1):
            tail = self._buffer[-size:]
            if any(m.startswith(tail) for m in self._syntax.markers):
                return size
        return 0

    def _show(self, out: list[Piece], text: str, final: bool, before_call: bool = False) -> None:
        text = self._space + text
        self._space = ""
        if self._after_call:
            text = text.lstrip()
            if not text:
                return
            self._after_call = False
        if before_call:
            text = text.rstrip()
        elif not final:
            shown = text.rstrip()
            self._space, text = text[len(shown) :], shown
        if text:
            out.append(Text(text))

    def _calls(self, out: list[Piece], found: list[Found], closed: bool) -> None:
        for call in found:
            call_id = call.id or new_call_id(self._syntax.id_length)
            out.append(Call(self._index, call_id, call.name, call.arguments, closed))
            self._index += 1
        self._after_call = self._after_call or bool(found)


def _without_partial(text: str, marker: str) -> str:
    """`text` less a last bit that is the start of `marker` (an answer cut inside it)."""
    for size in range(min(len(text), len(marker) - 1), 0, -1):
        if marker.startswith(text[-size:]):
            return text[:-size]
    return text
