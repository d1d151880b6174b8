"""The provider interface: a model backend that streams events and loads lazily.

A provider turns a `ChatRequest` into a stream of events: `TextDelta`, `ReasoningDelta`
(a reasoning model's thoughts, where the service sends them apart), `ToolCallDelta`,
`Usage` and a final `Finish`. It loads its model on first use (or when `load()` is
iterated, which reports `ModelLoading` progress and ends with `ModelLoaded`) and stops
between tokens once the request's `CancelToken` is set. Providers are called from one
engine thread at a time; a provider that wraps a non-thread-safe library serialises calls
itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from desktop.core.cancel import CancelToken

__all__ = ["CancelToken"]  # re-exported: providers check it between tokens

Role = Literal["system", "user", "assistant", "tool"]
FinishReason = Literal["stop", "length", "tool_calls", "cancelled"]


@dataclass(frozen=True)
class ChatRequest:
    """One model call. `messages` are OpenAI-style dicts (role, content, tool_calls, ...).

    `response_schema` asks for structured output instead of free text; tools are not
    offered alongside it.
    """

    messages: list[dict[str, Any]]
    tools: list[dict[str, Any]] = field(default_factory=list)
    tool_choice: str | dict[str, Any] = "auto"
    temperature: float = 0.7
    top_p: float = 0.95
    max_tokens: int | None = None
    seed: int | None = None
    stop: list[str] = field(default_factory=list)
    # A JSON schema the answer must be a JSON value of (no tools then): a local model is
    # held to it by a grammar from the first token, a remote one by `response_format`.
    response_schema: dict[str, Any] | None = None


@dataclass(frozen=True)
class TextDelta:
    text: str


@dataclass(frozen=True)
class ReasoningDelta:
    """A piece of the model's reasoning, sent apart from the answer (never the answer)."""

    text: str


@dataclass(frozen=True)
class ToolCallDelta:
    """A piece of a tool call; `index` groups deltas of the same call."""

    index: int
    id: str | None = None
    name: str | None = None
    arguments: str = ""


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int
    cached_prompt_tokens: int = 0


@dataclass(frozen=True)
class Notice:
    """Something worth recording on the step that is not an error (a repaired byte, say)."""

    message: str


@dataclass(frozen=True)
class Finish:
    reason: FinishReason


ProviderEvent = TextDelta | ReasoningDelta | ToolCallDelta | Usage | Notice | Finish


@dataclass(frozen=True)
class ModelLoading:
    """How far loading the model has come, from 0 to 1."""

    model: str
    progress: float


@dataclass(frozen=True)
class ModelLoaded:
    """The model is ready; `details` are facts of the load (a local model's GPU layers)."""

    model: str
    seconds: float
    details: dict[str, Any] = field(default_factory=dict)


LoadEvent = ModelLoading | ModelLoaded


@dataclass(frozen=True)
class PreparedPrompt:
    """What will be sent: the exact prompt text (where the provider renders one) and its size."""

    text: str | None
    tokens: int


@runtime_checkable
class Provider(Protocol):
    """A model backend. See the module docstring for the contract."""

    @property
    def name(self) -> str:
        """Short label recorded on each step, such as `local:qwen2.5-0.5b`."""
        ...

    @property
    def context_size(self) -> int:
        """Tokens the model can attend to (prompt and completion together)."""
        ...

    @property
    def loaded(self) -> bool:
        """Whether the model is ready; `load()` makes it so (it can take a while)."""
        ...

    @property
    def load_details(self) -> dict[str, Any]:
        """Facts of the loaded model recorded on each model call (e.g. GPU layers); {}."""
        ...

    def load(self) -> Iterator[LoadEvent]:
        """Load the model now, as it is iterated: progress, then `ModelLoaded` last.

        Raises typed errors (`ModelFileError`, `ModelLoadError`, `ModelCrashedError`).
        """
        ...

    def prepare(self, request: ChatRequest) -> PreparedPrompt:
        """Render and count the prompt without generating; raises typed errors."""
        ...

    def stream(self, request: ChatRequest, cancel: CancelToken) -> Iterator[ProviderEvent]:
        """Stream the answer; always ends with `Finish` unless it raises."""
        ...


@runtime_checkable
class CountsExactly(Protocol):
    """A provider whose `prepare` counts with the model's own tokenizer (a local model).

    Its counts are exact and cheap enough to count each part of a prompt; a remote
    service's are estimates until its usage arrives.
    """

    def counts_exactly(self) -> bool:
        """True when `prepare(...).tokens` is the model's own count."""
        ...
