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
        values = {"label": label, "detail": detail, "count": received}
        return errors.ProviderResponseError(
            _counted(
                received,
                none=errors.said("{label} reported an error: {detail}", **values),
                one=errors.said(
                    "{label} reported an error after 1 character of the answer: {detail}",
                    **values,
                ),
                many=errors.said(
                    "{label} reported an error after {count} characters of the answer: {detail}",
                    **values,
                ),
            )
        )
    if isinstance(exc, ValueError):  # the stream's JSON did not parse
        snippet = redact(getattr(exc, "doc", "") or str(exc), endpoint, 80)
        values = {"label": label, "snippet": repr(snippet), "count": received}
        return errors.ProviderResponseError(
            _counted(
                received,
                none=errors.said(
                    "{label} sent data that is not valid JSON: {snippet}. "
                    "Check that the base URL points at an OpenAI-compatible API.",
                    **values,
                ),
                one=errors.said(
                    "{label} sent data that is not valid JSON after 1 character of the "
                    "answer: {snippet}. Check that the base URL points at an OpenAI-compatible "
                    "API.",
                    **values,
                ),
                many=errors.said(
                    "{label} sent data that is not valid JSON after {count} characters of the "
                    "answer: {snippet}. Check that the base URL points at an OpenAI-compatible "
                    "API.",
                    **values,
                ),
            )
        )
    values = {"label": label, "kind": type(exc).__name__, "count": received}
    return errors.ProviderResponseError(
        _counted(
            received,
            none=errors.said(
                "{label} sent an answer that could not be read ({kind}): check that the base "
                "URL points at an OpenAI-compatible API.",
                **values,
            ),
            one=errors.said(
                "{label} sent an answer that could not be read after 1 character of the "
                "answer ({kind}): check that the base URL points at an OpenAI-compatible API.",
                **values,
            ),
            many=errors.said(
                "{label} sent an answer that could not be read after {count} characters of the "
                "answer ({kind}): check that the base URL points at an OpenAI-compatible API.",
                **values,
            ),
        )
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


def _counted(
    count: int | None, *, none: errors.Said, one: errors.Said, many: errors.Said
) -> errors.Said:
    """The sentence for `count` (of characters received, of retries): none, one or many.

    English words a count in each variant differently ("1 character", "2 characters"),
    so each is a sentence of its own for the translations.
    """
    if count is None:
        return none
    return one if count == 1 else many


def _connection(
    exc: openai.APIConnectionError, endpoint: Endpoint, received: int | None
) -> errors.CapsuleError:
    label = endpoint.label
    timeout = f"{endpoint.timeout:g}"
    values = {"label": label, "timeout": timeout, "count": received}
    if isinstance(exc, openai.APITimeoutError):
        if received is not None:
            return errors.ProviderTimeoutError(
                errors.said(
                    "{label} stopped sending for {timeout} s after 1 character of the "
                    "answer: try again, or raise the profile's timeout.",
                    **values,
                )
                if received == 1
                else errors.said(
                    "{label} stopped sending for {timeout} s after {count} characters of "
                    "the answer: try again, or raise the profile's timeout.",
                    **values,
                )
            )
        retries = endpoint.max_retries
        if retries:
            return errors.ProviderTimeoutError(
                errors.said(
                    "{label} did not answer within {timeout} s ({attempts} attempts): the "
                    "server may be busy or still loading the model; try again, or raise the "
                    "profile's timeout.",
                    label=label,
                    timeout=timeout,
                    attempts=retries + 1,
                )
            )
        return errors.ProviderTimeoutError(
            errors.said(
                "{label} did not answer within {timeout} s: the server may be busy or still "
                "loading the model; try again, or raise the profile's timeout.",
                label=label,
                timeout=timeout,
            )
        )
    if received is not None:
        return errors.ProviderUnreachableError(
            errors.said(
                "The connection to {label} dropped after 1 character of the answer: try again.",
                **values,
            )
            if received == 1
            else errors.said(
                "The connection to {label} dropped after {count} characters of the answer: "
                "try again.",
                **values,
            )
        )
    cause = exc.__cause__
    host, hint = endpoint.host, endpoint.info.hint
    if cause is not None and str(cause):
        return errors.ProviderUnreachableError(
            errors.said(
                "cannot reach {host} ({reason}): {hint}.",
                host=host,
                reason=redact(str(cause), endpoint, 120),
                hint=hint,
            )
        )
    return errors.ProviderUnreachableError(
        errors.said("cannot reach {host}: {hint}.", host=host, hint=hint)
    )


def _status(
    exc: openai.APIStatusError, endpoint: Endpoint, model: str | None, operation: Operation
) -> errors.CapsuleError:
    label, profile, status = endpoint.label, endpoint.profile, exc.status_code
    detail = _detail(exc, endpoint)
    values = {"label": label, "profile": profile, "status": status, "model": model}
    values |= {"detail": detail, "retries": endpoint.max_retries}
    if status in (401, 403):
        return errors.ProviderAuthError(
            errors.said(
                "API key rejected by {label} ({status}): set a new key for '{profile}'. "
                "The server said: {detail}",
                **values,
            )
            if detail
            else errors.said(
                "API key rejected by {label} ({status}): set a new key for '{profile}'.",
                **values,
            ),
            errors.do(errors.Do.SET_PROVIDER_KEY, profile=profile),
        )
    if status == 404 and operation != "models":
        return errors.ModelNotFoundError(
            errors.said(
                "model '{model}' not found at {label}: choose one of the models it serves. "
                "The server said: {detail}",
                **values,
            )
            if detail
            else errors.said(
                "model '{model}' not found at {label}: choose one of the models it serves.",
                **values,
            ),
            errors.do(errors.Do.LIST_PROVIDER_MODELS, profile=profile),
        )
    if status == 404:
        return errors.ProviderResponseError(
            errors.said(
                "{label} has no model list at {url}/models (404): check the base URL.",
                label=label,
                url=endpoint.base_url,
            )
        )
    if status == 400 and exc.code == "context_length_exceeded":
        return errors.ContextOverflowError(
            errors.said(
                "The conversation is too long for '{model}' at {label}: start a new thread, or "
                "set the profile's context size to the model's real window. The server said: "
                "{detail}",
                **values,
            )
            if detail
            else errors.said(
                "The conversation is too long for '{model}' at {label}: start a new thread, or "
                "set the profile's context size to the model's real window.",
                **values,
            )
        )
    if status == 429:
        return errors.ProviderRateLimitedError(_too_many(endpoint.max_retries, detail, values))
    return errors.ProviderResponseError(_failed(endpoint.max_retries, status, detail, values))


def _too_many(retries: int, detail: str, values: dict[str, object]) -> errors.Said:
    """429 after the client's retries: each count of retries, with the server's words or not."""
    if detail:
        return _counted(
            retries or None,
            none=errors.said(
                "{label} kept refusing requests as too many (429): wait a minute and try "
                "again, or check your plan's limits. The server said: {detail}",
                **values,
            ),
            one=errors.said(
                "{label} kept refusing requests as too many (429) after 1 retry: wait a minute "
                "and try again, or check your plan's limits. The server said: {detail}",
                **values,
            ),
            many=errors.said(
                "{label} kept refusing requests as too many (429) after {retries} retries: wait "
                "a minute and try again, or check your plan's limits. The server said: {detail}",
                **values,
            ),
        )
    return _counted(
        retries or None,
        none=errors.said(
            "{label} kept refusing requests as too many (429): wait a minute and try again, "
            "or check your plan's limits.",
            **values,
        ),
        one=errors.said(
            "{label} kept refusing requests as too many (429) after 1 retry: wait a minute "
            "and try again, or check your plan's limits.",
            **values,
        ),
        many=errors.said(
            "{label} kept refusing requests as too many (429) after {retries} retries: wait "
            "a minute and try again, or check your plan's limits.",
            **values,
        ),
    )


def _failed(retries: int, status: int, detail: str, values: dict[str, object]) -> errors.Said:
    """Any other error status; a server error (5xx) comes after the client's retries."""
    if status < 500:
        if detail:
            return errors.said("{label} answered with an error ({status}): {detail}", **values)
        return errors.said("{label} answered with an error ({status}): no details given", **values)
    if detail:
        return _counted(
            retries or None,
            none=errors.said(
                "{label} answered with an error ({status}); try again later: {detail}", **values
            ),
            one=errors.said(
                "{label} answered with an error ({status}) after 1 retry; try again later: "
                "{detail}",
                **values,
            ),
            many=errors.said(
                "{label} answered with an error ({status}) after {retries} retries; try again "
                "later: {detail}",
                **values,
            ),
        )
    return _counted(
        retries or None,
        none=errors.said(
            "{label} answered with an error ({status}); try again later: no details given",
            **values,
        ),
        one=errors.said(
            "{label} answered with an error ({status}) after 1 retry; try again later: no "
            "details given",
            **values,
        ),
        many=errors.said(
            "{label} answered with an error ({status}) after {retries} retries; try again "
            "later: no details given",
            **values,
        ),
    )


def _redirected(endpoint: Endpoint, target: str, status: int) -> errors.CapsuleError:
    """A redirect to another host, refused by `redirects.SameHostTransport`."""
    return errors.ProviderResponseError(
        errors.said(
            "{label} tried to send the request to {target} ({status}), another host; it was "
            "not followed there, so nothing of the conversation left for it. If the service "
            "has moved, set profile '{profile}' to its new address.",
            label=endpoint.label,
            target=redact(target, endpoint),
            status=status,
            profile=endpoint.profile,
        )
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
