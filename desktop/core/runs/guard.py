"""The output guard of knowledge protection: withhold long verbatim copies as they stream.

A shared GPT's instructions and knowledge leak to anyone who asks for them (the top
complaint about OpenAI GPTs). With protection on, the guard compares the answer, as it
streams, with the protected texts: the instructions (any span of `INSTRUCTIONS_SPAN`
characters) and this run's knowledge excerpts (spans of `KNOWLEDGE_SPAN` characters, so
short quotes of cited passages still pass). Comparison ignores case and runs of
whitespace. A copied span is replaced by a notice, and the guard records what it withheld.
It holds back the last span's worth of text until it is known not to start a copy.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

INSTRUCTIONS_SPAN = 80
KNOWLEDGE_SPAN = 160
NOTICE = "[withheld: this part repeated the GPT's protected {what}]"


@dataclass
class _Entry:
    """One normalised character and the raw text it stands for."""

    norm: str
    raw: str


@dataclass
class _Source:
    label: str
    span: int
    shingles: set[int]


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _shingles(text: str, span: int) -> set[int]:
    norm = _normalise(text)
    return {hash(norm[i : i + span]) for i in range(max(len(norm) - span + 1, 0))}


@dataclass
class OutputGuard:
    """Feed it the answer's text pieces; emit what it returns. See the module docstring."""

    sources: list[_Source] = field(default_factory=list)
    withheld: list[dict[str, object]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._pending: list[_Entry] = []  # not shown yet
        self._recent: deque[str] = deque(maxlen=max(self._hold, 1))  # last normalised chars
        self._copying: _Source | None = None
        self._copied = 0

    @classmethod
    def for_texts(cls, instructions: str, excerpts: list[tuple[str, str]]) -> OutputGuard:
        """Protect `instructions` and `(label, text)` knowledge excerpts."""
        sources = []
        if _normalise(instructions):
            sources.append(
                _Source(
                    "instructions", INSTRUCTIONS_SPAN, _shingles(instructions, INSTRUCTIONS_SPAN)
                )
            )
        for label, text in excerpts:
            shingles = _shingles(text, KNOWLEDGE_SPAN)
            if shingles:
                sources.append(_Source(f"knowledge ({label})", KNOWLEDGE_SPAN, shingles))
        return cls(sources)

    @property
    def _hold(self) -> int:
        return max((s.span for s in self.sources), default=0)

    def feed(self, text: str) -> str:
        return "".join(self._step(char) for char in text)

    def finish(self) -> str:
        """Everything still held back (the end of the answer)."""
        if self._copying is not None:
            self._close_copy()
        out, self._pending = "".join(e.raw for e in self._pending), []
        return out

    def _step(self, char: str) -> str:
        norm = " " if char.isspace() else char.lower()
        if norm == " " and self._recent and self._recent[-1] == " ":
            if self._pending:  # a run of whitespace counts as one space
                self._pending[-1].raw += char
                return ""
            return "" if self._copying else char
        self._recent.append(norm)
        self._pending.append(_Entry(norm, char))
        recent = "".join(self._recent)
        for source in self.sources:
            if len(recent) >= source.span and hash(recent[-source.span :]) in source.shingles:
                return self._copy(source)
        if self._copying is not None:
            self._close_copy()
        excess = len(self._pending) - self._hold
        if excess <= 0:
            return ""
        released, self._pending = self._pending[:excess], self._pending[excess:]
        return "".join(e.raw for e in released)

    def _copy(self, source: _Source) -> str:
        """The last `span` characters copy a protected text: show a notice instead."""
        if self._copying is not None:
            self._pending = []
            self._copied += 1
            return ""
        self._copying, self._copied = source, source.span
        shown = "".join(e.raw for e in self._pending[: -source.span])
        self._pending = []
        return shown + NOTICE.format(what=source.label)

    def _close_copy(self) -> None:
        assert self._copying is not None
        self.withheld.append({"source": self._copying.label, "chars": self._copied})
        self._copying = None
