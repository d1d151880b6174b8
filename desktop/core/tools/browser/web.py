"""The HTTP side of web browsing: checked URLs, limits, and one client shared by both tools.

`WebClient` wraps one `httpx2.Client` (a thread-safe connection pool), so it may be used
from several runs' threads at once. Redirects are followed here, and only on the same
host: consent is given per host, so a move to another host is handed back to the caller
(as `WebResponse.moved_to`) instead of being followed. Cookies a site sets are never
kept, and proxies and CA bundles come from the environment, as for every other request
the app makes.
"""

from __future__ import annotations

import http.cookiejar
import re
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx2

from desktop import __version__
from desktop.core import errors
from desktop.core.tools.transfer import REDIRECTS, Budget, charset_of, exchange, host_of

MB = 1024 * 1024
# "compatible" keeps sites that only serve browsers from refusing outright, while the
# product token says honestly who is asking.
USER_AGENT = f"Mozilla/5.0 (compatible; CapsuleStudio/{__version__})"
# A host and an optional path without a scheme: what models often write ("example.com/a").
_BARE_HOST = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}(:\d{1,5})?([/?#].*)?$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_URL_CHARS = 4096


@dataclass(frozen=True)
class BrowserLimits:
    """How long, how large and how far one browsing call may go, and how pages are kept."""

    connect_timeout_s: float = 10.0
    total_timeout_s: float = 20.0  # the whole call, redirects included
    max_bytes: int = 5 * MB  # decoded bytes; a bigger answer is refused
    max_redirects: int = 5
    page_chars: int = 12_000  # what the model reads of a page in one call
    cache_pages: int = 16
    cache_ttl_s: float = 600.0


@dataclass(frozen=True)
class WebResponse:
    """An answer read whole (within the size cap), after the same-host redirects."""

    status: int
    reason: str
    content_type: str  # the media type, lower case, without parameters ("" when absent)
    charset: str | None
    body: bytes
    url: str  # the last URL requested
    duration_ms: int
    redirects: tuple[str, ...] = ()  # each URL a redirect led to, in order
    moved_to: str | None = None  # a redirect target that was not followed (another host)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def checked_url(value: object) -> str:
    """`value` as an absolute http(s) URL without its fragment.

    A bare host ("example.com/page") gets https://. Raises `errors.ToolError`, in words
    the model can act on, for anything else: no host, another scheme, user names or
    passwords in the URL, control characters, a bad port.
    """
    if not isinstance(value, str) or not value.strip():
        raise errors.ToolError(
            errors.said("`url` must be a web address, like https://example.com/page.")
        )
    url = value.strip()
    if len(url) > MAX_URL_CHARS:
        raise errors.ToolError(
            errors.said("The URL is longer than {most} characters; shorten it.", most=MAX_URL_CHARS)
        )
    if _CONTROL.search(url):
        raise errors.ToolError(errors.said("The URL contains control characters; remove them."))
    if "://" not in url and _BARE_HOST.match(url):
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or url[:40]
        raise errors.ToolError(
            errors.said(
                "'{shown}' is not a web address fetch_url can read: only http:// and https:// "
                "URLs are allowed.",
                shown=shown,
            )
        )
    if parts.username is not None or parts.password is not None:
        raise errors.ToolError(
            errors.said(
                "The URL contains a user name or password; fetch_url does not send "
                "credentials. Give the address without the 'user:password@' part."
            )
        )
    try:
        parts.port  # noqa: B018 (reading it validates it)
    except ValueError:
        raise errors.ToolError(
            errors.said("The URL '{url}' has an invalid port.", url=url[:200])
        ) from None
    if not host_of(url) or any(c.isspace() for c in parts.netloc):
        raise errors.ToolError(
            errors.said("The URL '{url}' has no valid host name.", url=url[:200])
        )
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


class WebClient:
    """Sends browsing requests within `BrowserLimits`; one per app. Any thread."""

    def __init__(self, limits: BrowserLimits, *, verify: ssl.SSLContext | bool = True) -> None:
        self.limits = limits
        # A jar whose policy refuses every domain stores nothing.
        jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        self._client = httpx2.Client(
            verify=verify,
            cookies=jar,
            follow_redirects=False,
            limits=httpx2.Limits(max_connections=32, max_keepalive_connections=8),
        )

    def send(
        self,
        method: str,
        url: str,
        *,
        headers: Sequence[tuple[str, str]] = (),
        content: bytes | None = None,
        follow_redirects: bool = True,
    ) -> WebResponse:
        """Send one request, follow same-host redirects, and read the whole answer.

        A redirect to another host is not followed: the redirect itself comes back, with
        its absolute target in `moved_to`.

        Raises:
            errors.ToolError: timeouts, connection and TLS failures, too many redirects, a
                redirect to a URL that is not http(s), or an answer over `max_bytes`.
        """
        started = time.monotonic()
        deadline = started + self.limits.total_timeout_s
        current, redirects = url, list[str]()
        while True:
            status, reason, found, body = self._exchange(
                method, current, headers, content, deadline
            )
            location = found.get("location")
            if not (follow_redirects and status in REDIRECTS and location):
                moved = None
                break
            target = urljoin(current, location.strip())
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise errors.ToolError(
                    errors.said(
                        "{host} redirected to an address that is not http(s); "
                        "fetch_url cannot follow it.",
                        host=host_of(current),
                    )
                )
            if host_of(target) != host_of(url):
                moved = target
                break
            if len(redirects) >= self.limits.max_redirects:
                raise errors.ToolError(
                    errors.said(
                        "{host} redirected more than {most} times "
                        "(maybe in a loop); the page cannot be read.",
                        host=host_of(url),
                        most=self.limits.max_redirects,
                    )
                )
            if status == 303 or (status in (301, 302) and method == "POST"):
                method, content = "GET", None
            current = target
            redirects.append(target)
        content_type = found.get("content-type", "")
        return WebResponse(
            status=status,
            reason=reason,
            content_type=content_type.split(";")[0].strip().lower(),
            charset=charset_of(content_type),
            body=body,
            url=current,
            duration_ms=round((time.monotonic() - started) * 1000),
            redirects=tuple(redirects),
            moved_to=moved,
        )

    def close(self) -> None:
        self._client.close()

    def _exchange(
        self,
        method: str,
        url: str,
        headers: Sequence[tuple[str, str]],
        content: bytes | None,
        deadline: float,
    ) -> tuple[int, str, httpx2.Headers, bytes]:
        limits = self.limits
        got = exchange(
            self._client,
            method,
            url,
            headers,
            content,
            deadline=deadline,
            budget=Budget(limits.connect_timeout_s, limits.total_timeout_s, limits.max_bytes),
            wording=WEB_WORDING,
        )
        return got.status, got.reason, got.headers, got.body


class _WebWording:
    """Failures as the model reads them while browsing: it can try another source."""

    def too_large(self, host: str, cap: int) -> str:
        return errors.said(
            "The answer from {host} is larger than {size} MB, the most web browsing "
            "reads at once. Look for a smaller page (one article rather than a whole archive "
            "or file).",
            host=host,
            size=f"{cap / MB:g}",
        )

    def timed_out(self, host: str, seconds: float) -> str:
        return errors.said(
            "{host} did not answer in full within {seconds} s; try again later, or use "
            "another source.",
            host=host,
            seconds=f"{seconds:g}",
        )

    def connect_timeout(self, host: str, seconds: float) -> str:
        return errors.said(
            "Could not connect to {host} within {seconds} s; the site may be down or "
            "unreachable from here. Try again later, or use another source.",
            host=host,
            seconds=f"{seconds:g}",
        )

    def connect_failed(self, host: str, detail: str) -> str:
        if not detail:
            return errors.said(
                "Could not connect to {host} (connection failed); check the "
                "address, or the site may be down.",
                host=host,
            )
        return errors.said(
            "Could not connect to {host} ({detail}); check the address, or the site may be down.",
            host=host,
            detail=detail,
        )

    def tls_failed(self, host: str, detail: str) -> str:
        if not detail:
            return errors.said(
                "The secure connection to {host} failed (TLS error): its certificate is not "
                "trusted, or it does not speak HTTPS. Tell the user, or use another source.",
                host=host,
            )
        return errors.said(
            "The secure connection to {host} failed ({detail}): its certificate is not "
            "trusted, or it does not speak HTTPS. Tell the user, or use another source.",
            host=host,
            detail=detail,
        )

    def bad_url(self, url: str) -> str:
        return errors.said("'{url}' is not a URL that can be fetched.", url=url[:200])


WEB_WORDING = _WebWording()
