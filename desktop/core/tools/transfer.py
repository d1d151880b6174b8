"""One HTTP exchange under a deadline and a size cap: what actions and web browsing share.

Both send through their own `httpx2.Client` and follow redirects themselves (each with its
own rule for which hosts a redirect may reach). The exchange itself is the same: one
request, the answer streamed and refused once it passes the cap or the deadline, and
every transport failure turned into an `errors.ToolError` the model can act on. The words
differ (an action's server URL is the user's to fix; a web page's is the model's choice),
so each caller brings its own `Wording`.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

import httpx2

from desktop.core import errors
from desktop.core.netguard import refuse_link_local

REDIRECTS = frozenset({301, 302, 303, 307, 308})


class Wording(Protocol):
    """How each failure is explained to the model (and, through the run step, the user)."""

    def too_large(self, host: str, cap: int) -> str: ...

    def timed_out(self, host: str, seconds: float) -> str: ...

    def connect_timeout(self, host: str, seconds: float) -> str: ...

    def connect_failed(self, host: str, detail: str) -> str: ...

    def tls_failed(self, host: str, detail: str) -> str: ...

    def bad_url(self, url: str) -> str: ...


@dataclass(frozen=True)
class Budget:
    """The limits of one call: the connect timeout, the whole call's, and the size cap."""

    connect_timeout_s: float
    total_timeout_s: float
    max_bytes: int


@dataclass(frozen=True)
class Exchanged:
    status: int
    reason: str
    headers: httpx2.Headers
    body: bytes


def exchange(
    client: httpx2.Client,
    method: str,
    url: str,
    headers: Sequence[tuple[str, str]],
    content: bytes | None,
    *,
    deadline: float,
    budget: Budget,
    wording: Wording,
) -> Exchanged:
    """Send one request and read its whole answer before `deadline` (monotonic seconds).

    Raises:
        errors.ToolError: `url` is link-local (see `netguard`), or the exchange failed.
    """
    try:
        refuse_link_local(url, "The request")
    except errors.InsecureTransportError as exc:
        raise errors.ToolError(exc.message) from None
    host = host_of(url)
    left = deadline - time.monotonic()
    if left <= 0:
        raise errors.ToolError(wording.timed_out(host, budget.total_timeout_s))
    timeout = httpx2.Timeout(left, connect=min(budget.connect_timeout_s, left))
    try:
        request = client.build_request(
            method, url, headers=list(headers), content=content, timeout=timeout
        )
        response = client.send(request, stream=True)
        try:
            body = _read(response, host, deadline, budget, wording)
        finally:
            response.close()
    except httpx2.ConnectTimeout:
        raise errors.ToolError(wording.connect_timeout(host, budget.connect_timeout_s)) from None
    except httpx2.TimeoutException:
        raise errors.ToolError(wording.timed_out(host, budget.total_timeout_s)) from None
    except httpx2.ConnectError as exc:
        detail = str(exc)
        say = wording.tls_failed if _is_tls(exc) else wording.connect_failed
        raise errors.ToolError(say(host, detail)) from None
    except (httpx2.InvalidURL, httpx2.UnsupportedProtocol):
        raise errors.ToolError(wording.bad_url(url)) from None
    except httpx2.DecodingError:
        raise errors.ToolError(
            errors.said("{host} sent a compressed answer that could not be decoded.", host=host)
        ) from None
    except httpx2.TransportError as exc:
        raise errors.ToolError(
            errors.said(
                "The connection to {host} broke before the answer was complete "
                "({problem}); try again.",
                host=host,
                problem=type(exc).__name__,
            )
        ) from None
    return Exchanged(response.status_code, response.reason_phrase, response.headers, body)


def host_of(url: str) -> str:
    """The host name of `url`, lower case, without port or trailing dot."""
    return (urlsplit(url).hostname or "").rstrip(".")


def charset_of(content_type: str) -> str | None:
    """The `charset` parameter of a Content-Type header, lower case, or None."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _read(
    response: httpx2.Response, host: str, deadline: float, budget: Budget, wording: Wording
) -> bytes:
    cap = budget.max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap and response.status_code not in REDIRECTS:
        raise errors.ToolError(wording.too_large(host, cap))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise errors.ToolError(wording.too_large(host, cap))
        if time.monotonic() > deadline:
            raise errors.ToolError(wording.timed_out(host, budget.total_timeout_s))
        chunks.append(chunk)
    return b"".join(chunks)


def _is_tls(exc: httpx2.ConnectError) -> bool:
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ssl.SSLError):
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    return isinstance(cause, ssl.SSLError) or "SSL" in text or "certificate" in text.lower()
