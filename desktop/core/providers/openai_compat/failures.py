"""Turns openai client exceptions into typed errors that say what to do, without secrets."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal, TypeVar

import openai

from desktop.core import errors
from desktop.core.providers.endpoint import Endpoint
from desktop.core.providers.openai_compat.redirects import REFUSED_HEADER

MAX_DETAIL = 300
Operation = Literal["chat", "models", "embeddings"]
T = TypeVar("T")


def redact(text: str, endpoint: Endpoint, limit: int = MAX_DETAIL) -> str:
    """Server text made safe to show: the API key masked, one line, at most `limit` chars."""
    if endpoint.api_key:
        text = text.replace(endpoint.api_key, "****")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def map_error(
    exc: BaseException,
    endpoint: Endpoint,
    *,
    model: str | None = None,
    operation: Operation = "chat",
    received: int | None = None,
) -> BaseException:
    """The typed error for `exc`, raised by the client while calling `endpoint`.

    `received` is how many characters of the answer had arrived when a stream failed
    (None: it failed before the stream started). Typed errors pass through unchanged;
    anything that is not an `Exception` (KeyboardInterrupt) too.
    """
    if isinstance(exc, errors.CapsuleError) or not isinstance(exc, Exception):
        return exc
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return _connection(exc, endpoint, received)
    if isinstance(exc, openai.APIStatusError):
        refused = exc.response.headers.get(REFUSED_HEADER)
        return (
            _redirected(endpoint, refused, exc.status_code)
            if refused
            else _status(exc, endpoint, model, operation)
        )
    label = endpoint.label
    if isinstance(exc, openai.APIError):  # an error event inside the stream
        detail = _detail(exc, endpoint) or redact(str(exc), endpoint)
        return errors.ProviderResponseError(
            f"{label} reported an error{_after(received)}: {detail}"
        )
    if isinstance(exc, ValueError):  # the stream's JSON did not parse
        snippet = redact(getattr(exc, "doc", "") or str(exc), endpoint, 80)
        return errors.ProviderResponseError(
            f"{label} sent data that is not valid JSON{_after(received)}: {snippet!r}. "
            "Check that the base URL points at an OpenAI-compatible API."
        )
    return errors.ProviderResponseError(
        f"{label} sent an answer that could not be read{_after(received)} "
        f"({type(exc).__name__}): check that the base URL points at an OpenAI-compatible API."
    )


def guarded(
    call: Callable[[], T],
    endpoint: Endpoint,
    *,
    model: str | None = None,
    operation: Operation = "chat",
) -> T:
    """`call()`, with any failure raised as its typed error (`map_error`).

    The typed error is raised outside the `except` block, so it carries no reference to the
    client's exception (whose request holds the API key in its headers).
    """
    try:
        return call()
    except Exception as exc:  # every client failure becomes a typed error
        failure = map_error(exc, endpoint, model=model, operation=operation)
    raise failure


def _after(received: int | None) -> str:
    if received is None:
        return ""
    return f" after {_plural(received, 'character')} of the answer"


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


def _connection(
    exc: openai.APIConnectionError, endpoint: Endpoint, received: int | None
) -> errors.CapsuleError:
    label = endpoint.label
    if isinstance(exc, openai.APITimeoutError):
        if received is not None:
            return errors.ProviderTimeoutError(
                f"{label} stopped sending for {endpoint.timeout:g} s{_after(received)}: "
                "try again, or raise the profile's timeout."
            )
        retries = endpoint.max_retries
        tries = f" ({retries + 1} attempts)" if retries else ""
        return errors.ProviderTimeoutError(
            f"{label} did not answer within {endpoint.timeout:g} s{tries}: the server may be "
            "busy or still loading the model; try again, or raise the profile's timeout."
        )
    if received is not None:
        return errors.ProviderUnreachableError(
            f"The connection to {label} dropped{_after(received)}: try again."
        )
    cause = exc.__cause__
    reason = f" ({redact(str(cause), endpoint, 120)})" if cause is not None and str(cause) else ""
    return errors.ProviderUnreachableError(
        f"cannot reach {endpoint.host}{reason}: {endpoint.info.hint}."
    )


def _status(
    exc: openai.APIStatusError, endpoint: Endpoint, model: str | None, operation: Operation
) -> errors.CapsuleError:
    label, profile, status = endpoint.label, endpoint.profile, exc.status_code
    detail = _detail(exc, endpoint)
    said = f" The server said: {detail}" if detail else ""
    if status in (401, 403):
        return errors.ProviderAuthError(
            f"API key rejected by {label} ({status}): set a new key for '{profile}'.{said}",
            errors.do(errors.Do.SET_PROVIDER_KEY, profile=profile),
        )
    if status == 404 and operation != "models":
        return errors.ModelNotFoundError(
            f"model '{model}' not found at {label}: choose one of the models it serves.{said}",
            errors.do(errors.Do.LIST_PROVIDER_MODELS, profile=profile),
        )
    if status == 404:
        return errors.ProviderResponseError(
            f"{label} has no model list at {endpoint.base_url}/models (404): check the base URL."
        )
    if status == 400 and exc.code == "context_length_exceeded":
        return errors.ContextOverflowError(
            f"The conversation is too long for '{model}' at {label}: start a new thread, or "
            f"set the profile's context size to the model's real window.{said}"
        )
    retries = endpoint.max_retries
    retried = f" after {_plural(retries, 'retry')}" if retries else ""
    if status == 429:
        return errors.ProviderRateLimitedError(
            f"{label} kept refusing requests as too many (429){retried}: wait a minute and "
            f"try again, or check your plan's limits.{said}"
        )
    kept = f"{retried}; try again later" if status >= 500 else ""
    return errors.ProviderResponseError(
        f"{label} answered with an error ({status}){kept}: {detail or 'no details given'}"
    )


def _redirected(endpoint: Endpoint, target: str, status: int) -> errors.CapsuleError:
    """A redirect to another host, refused by `redirects.SameHostTransport`."""
    return errors.ProviderResponseError(
        f"{endpoint.label} tried to send the request to {redact(target, endpoint)} "
        f"({status}), another host; it was not followed there, so nothing of the "
        f"conversation left for it. If the service has moved, set profile "
        f"'{endpoint.profile}' to its new address."
    )


def _detail(exc: openai.APIError, endpoint: Endpoint) -> str:
    """The server's own message, from its JSON error body or its text."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        text = message if isinstance(message, str) else json.dumps(body, ensure_ascii=False)
    elif isinstance(body, str | bytes):
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    else:
        text = ""
    return redact(text, endpoint)
