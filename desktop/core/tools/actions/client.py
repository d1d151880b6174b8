"""The one HTTP client every action shares: timeouts, a size cap, and redirects that keep auth home.

`ActionClient` wraps one `httpx2.Client` (a thread-safe connection pool) and may be used
from any thread at once. Redirects are followed here rather than by httpx2, because
httpx2 strips only `Authorization` when a redirect leaves the origin, and would carry an
API key in another header, or a cookie, to the next host.

Proxies and CA bundles come from the environment (`HTTPS_PROXY`, `NO_PROXY`,
`SSL_CERT_FILE`), as for model downloads and remote providers: on a network that needs a
proxy, actions would not work otherwise. Cookies a server sets are never kept, so one
action's session never leaks into another's calls.
"""

from __future__ import annotations

import http.cookiejar
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx2

from desktop import __version__
from desktop.core import errors
from desktop.core.tools.actions.auth import TokenCache
from desktop.core.tools.actions.http import HttpRequest, HttpResponse
from desktop.core.tools.transfer import REDIRECTS, Budget, charset_of, exchange, host_of

USER_AGENT = f"CapsuleStudio/{__version__}"
ACCEPT = "application/json, */*;q=0.5"
_DEFAULT_PORTS = {"http": 80, "https": 443}

Sign = Callable[[HttpRequest], HttpRequest]


@dataclass(frozen=True)
class Limits:
    """How long, how large and how far one action call may go."""

    connect_timeout_s: float = 10.0
    total_timeout_s: float = 30.0  # from the first byte sent to the last read, redirects included
    max_response_bytes: int = 1_000_000  # decoded bytes; a bigger answer is refused
    max_redirects: int = 5
    max_output_chars: int = 16_000  # what the model reads; the rest is cut with a note


class ActionClient:
    """Sends action requests; one per app, closed when the app closes. Any thread."""

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        tokens: TokenCache | None = None,
        verify: ssl.SSLContext | bool = True,
        transport: httpx2.BaseTransport | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.tokens = tokens or TokenCache()
        # A jar whose policy refuses every domain stores nothing.
        jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        self._client = httpx2.Client(
            verify=verify,
            transport=transport,
            cookies=jar,
            follow_redirects=False,
            limits=httpx2.Limits(max_connections=32, max_keepalive_connections=8),
        )

    def fetch(
        self, request: HttpRequest, sign: Sign | None = None, *, follow_redirects: bool = True
    ) -> HttpResponse:
        """Send `request`, follow redirects, and read the whole answer within the limits.

        `sign` adds credentials; it is applied to the first request and to redirects that
        stay on its origin (or only move it from http to https), never to another host,
        which also gets none of the request's cookies.

        Raises:
            errors.ToolError: timeouts, connection and TLS failures, too many redirects,
                or an answer over `max_response_bytes`.
        """
        started = time.monotonic()
        deadline = started + self.limits.total_timeout_s
        origin = _origin(request.url)
        current, redirects = request, list[str]()
        sent = sign(current) if sign else current
        while True:
            status, reason, headers, body = self._exchange(sent, deadline)
            location = headers.get("location")
            if not (follow_redirects and status in REDIRECTS and location):
                break
            if len(redirects) >= self.limits.max_redirects:
                raise errors.ToolError(
                    errors.said(
                        "{host} redirected more than {count} times; the action's server URL may "
                        "be wrong.",
                        host=host_of(request.url),
                        count=self.limits.max_redirects,
                    )
                )
            current = _redirected(current, status, urljoin(current.url, location))
            if host_of(current.url) != host_of(request.url):
                # Consent was given for one host; another one would need its own.
                raise errors.ToolError(
                    errors.said(
                        "{host} redirected to {other}, another host; the call was not followed "
                        "there. Tell the user the API moved, or ask them to import the action "
                        "for that host.",
                        host=host_of(request.url),
                        other=host_of(current.url),
                    )
                )
            redirects.append(current.url)
            if sign and _keeps_auth(origin, _origin(current.url)):
                sent = sign(current)
            elif _origin(current.url) == origin:
                sent = current
            else:
                sent = replace(current, cookies=())
        content_type = headers.get("content-type", "")
        media = content_type.split(";")[0].strip().lower()
        return HttpResponse(
            status=status,
            reason=reason,
            content_type=media,
            charset=charset_of(content_type),
            body=body,
            url=sent.url,
            duration_ms=round((time.monotonic() - started) * 1000),
            redirects=tuple(redirects),
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> ActionClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _exchange(
        self, request: HttpRequest, deadline: float
    ) -> tuple[int, str, httpx2.Headers, bytes]:
        limits = self.limits
        budget = Budget(limits.connect_timeout_s, limits.total_timeout_s, limits.max_response_bytes)
        got = exchange(
            self._client,
            request.method,
            request.url,
            _headers(request),
            request.content,
            deadline=deadline,
            budget=budget,
            wording=ACTION_WORDING,
        )
        return got.status, got.reason, got.headers, got.body


def _headers(request: HttpRequest) -> list[tuple[str, str]]:
    headers = [("User-Agent", USER_AGENT), ("Accept", ACCEPT)]
    names = {k.lower() for k, _ in request.headers}
    headers = [(k, v) for k, v in headers if k.lower() not in names]
    headers += request.headers
    if request.cookies:
        headers.append(("Cookie", "; ".join(f"{k}={v}" for k, v in request.cookies)))
    return headers


def _redirected(request: HttpRequest, status: int, url: str) -> HttpRequest:
    """The request a redirect asks for: 303 (and 301/302 after a POST) become a bodiless GET."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise errors.ToolError(
            errors.said(
                "{host} redirected to a URL that is not http(s).", host=host_of(request.url)
            )
        )
    to_get = status == 303 and request.method != "HEAD"
    to_get = to_get or (status in (301, 302) and request.method == "POST")
    if not to_get:
        return replace(request, url=url)
    kept = tuple((k, v) for k, v in request.headers if k.lower() != "content-type")
    return replace(request, method="GET", url=url, headers=kept, content=None)


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, host_of(url), parts.port or _DEFAULT_PORTS.get(scheme, 0)


def _keeps_auth(origin: tuple[str, str, int], target: tuple[str, str, int]) -> bool:
    if target == origin:
        return True
    # http -> https on the same host and default ports is an upgrade, not a new party.
    return origin == ("http", target[1], 80) and target == ("https", origin[1], 443)


class _ActionWording:
    """Failures as an action's user reads them: the server URL is theirs to check."""

    def too_large(self, host: str, cap: int) -> str:
        return errors.said(
            "The answer from {host} is larger than {cap} bytes, the most an action may read; "
            "ask for less (a filter, a smaller page or fewer fields).",
            host=host,
            cap=f"{cap:,}",
        )

    def timed_out(self, host: str, seconds: float) -> str:
        return errors.said(
            "{host} did not answer within {seconds} s; try again later, or ask for less.",
            host=host,
            seconds=f"{seconds:g}",
        )

    def connect_timeout(self, host: str, seconds: float) -> str:
        return errors.said(
            "Could not connect to {host} within {seconds} s; the service may be down, or the "
            "server URL wrong.",
            host=host,
            seconds=f"{seconds:g}",
        )

    def connect_failed(self, host: str, detail: str) -> str:
        return errors.said(
            "Could not connect to {host} ({detail}); the service may be down, or the server "
            "URL wrong.",
            host=host,
            detail=detail or "connection failed",
        )

    def tls_failed(self, host: str, detail: str) -> str:
        return errors.said(
            "The secure connection to {host} failed ({detail}): its certificate is not "
            "trusted or the server does not speak HTTPS. Check the action's server URL.",
            host=host,
            detail=detail or "TLS error",
        )

    def bad_url(self, url: str) -> str:
        return errors.said(
            "'{url}' is not a URL this action can call; check the action's server.",
            url=host_of(url) or url.split("?", maxsplit=1)[0],
        )


ACTION_WORDING = _ActionWording()
