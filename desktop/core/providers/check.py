"""Trying a provider before relying on it: the models it lists, and one short chat, timed."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from desktop.core.cancel import CancelToken
from desktop.core.providers.base import ChatRequest, Provider, TextDelta, Usage
from desktop.core.providers.endpoint import Endpoint


@dataclass(frozen=True)
class ConnectionCheck:
    """What "Test connection" found: the endpoint's model ids and how long listing took."""

    label: str
    models: list[str]
    list_ms: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_endpoint_models(endpoint: Endpoint) -> ConnectionCheck:
    """Ask `endpoint` for its models (on the caller's thread); raises the typed errors.

    Raises:
        errors.ProviderAuthError, errors.ProviderUnreachableError, ... (as the client maps
            the service's answer).
    """
    # Imported here: loading openai costs a quarter second that other callers need not pay.
    from desktop.core.providers.openai_compat import list_models  # noqa: PLC0415

    started = time.perf_counter()
    models = list_models(endpoint)
    return ConnectionCheck(endpoint.label, models, round((time.perf_counter() - started) * 1000))


@dataclass(frozen=True)
class ChatCheck:
    """What a provider answered to "Reply with the word OK", and how fast."""

    text: str
    first_token_ms: int
    completion_tokens: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def try_chat(provider: Provider) -> ChatCheck:
    """Ask for one short answer (on the caller's thread); raises the provider's typed errors."""
    request = ChatRequest(
        messages=[{"role": "user", "content": "Reply with the word OK."}], max_tokens=16
    )
    started = time.perf_counter()
    first: float | None = None
    text: list[str] = []
    completion = 0
    for event in provider.stream(request, CancelToken()):
        if isinstance(event, TextDelta):
            first = first if first is not None else time.perf_counter()
            text.append(event.text)
        elif isinstance(event, Usage):
            completion = event.completion_tokens
    first_ms = round(((first or time.perf_counter()) - started) * 1000)
    return ChatCheck("".join(text), first_ms, completion)
