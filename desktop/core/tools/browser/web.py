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

MB = 1024 * 1024
# "compatible" keeps sites that only serve browsers from refusing outright, while the
# product token says honestly who is asking.
USER_AGENT = f"Mozilla/5.0 (compatible; CapsuleStudio/{__version__})"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
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


def host_of(url: str) -> str:
    """The host name of `url`, lower case, without port or trailing dot."""
    return (urlsplit(url).hostname or "").rstrip(".")


def checked_url(value: object) -> str:
    """`value` as an absolute http(s) URL without its fragment.

    A bare host ("example.com/page") gets https://. Raises `errors.ToolError`, in words
    the model can act on, for anything else: no host, another scheme, user names or
    passwords in the URL, control characters, a bad port.
    """
    if not isinstance(value, str) or not value.strip():
        raise errors.ToolError("`url` must be a web address, like https://example.com/page.")
    url = value.strip()
    if len(url) > MAX_URL_CHARS:
        raise errors.ToolError(f"The URL is longer than {MAX_URL_CHARS} characters; shorten it.")
    if _CONTROL.search(url):
        raise errors.ToolError("The URL contains control characters; remove them.")
    if "://" not in url and _BARE_HOST.match(url):
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or url[:40]
        raise errors.ToolError(
            f"'{shown}' is not a web address fetch_url can read: only http:// and https:// "
            "URLs are allowed."
        )
    if parts.username is not None or parts.password is not None:
        raise errors.ToolError(
            "The URL contains a user name or password; fetch_url does not send credentials. "
            "Give the address without the 'user:password@' part."
        )
    try:
        parts.port  # noqa: B018 (reading it validates it)
    except ValueError:
        raise errors.ToolError(f"The URL '{url[:200]}' has an invalid port.") from None
    if not host_of(url) or any(c.isspace() for c in parts.netloc):
        raise errors.ToolError(f"The URL '{url[:200]}' has no valid host name.")
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
            if not (follow_redirects and status in _REDIRECTS and location):
                moved = None
                break
            target = urljoin(current, location.strip())
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise errors.ToolError(
                    f"{host_of(current)} redirected to an address that is not http(s); "
                    "fetch_url cannot follow it."
                )
            if host_of(target) != host_of(url):
                moved = target
                break
            if len(redirects) >= self.limits.max_redirects:
                raise errors.ToolError(
                    f"{host_of(url)} redirected more than {self.limits.max_redirects} times "
                    "(maybe in a loop); the page cannot be read."
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
            charset=header_charset(content_type),
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
        host = host_of(url)
        left = deadline - time.monotonic()
        if left <= 0:
            raise _timed_out(host, self.limits.total_timeout_s)
        timeout = httpx2.Timeout(left, connect=min(self.limits.connect_timeout_s, left))
        try:
            request = self._client.build_request(
                method, url, headers=list(headers), content=content, timeout=timeout
            )
            response = self._client.send(request, stream=True)
            try:
                body = self._read(response, host, deadline)
            finally:
                response.close()
        except httpx2.ConnectTimeout:
            raise errors.ToolError(
                f"Could not connect to {host} within {self.limits.connect_timeout_s:g} s; the "
                "site may be down or unreachable from here. Try again later, or use another "
                "source."
            ) from None
        except httpx2.TimeoutException:
            raise _timed_out(host, self.limits.total_timeout_s) from None
        except httpx2.ConnectError as exc:
            raise _connect_failed(host, exc) from None
        except (httpx2.InvalidURL, httpx2.UnsupportedProtocol):
            raise errors.ToolError(f"'{url[:200]}' is not a URL that can be fetched.") from None
        except httpx2.DecodingError:
            raise errors.ToolError(
                f"{host} sent a compressed answer that could not be decoded."
            ) from None
        except httpx2.TransportError as exc:
            raise errors.ToolError(
                f"The connection to {host} broke before the answer was complete "
                f"({type(exc).__name__}); try again."
            ) from None
        return response.status_code, response.reason_phrase, response.headers, body

    def _read(self, response: httpx2.Response, host: str, deadline: float) -> bytes:
        cap = self.limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and response.status_code not in _REDIRECTS:
            raise _too_large(host, cap)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise _too_large(host, cap)
            if time.monotonic() > deadline:
                raise _timed_out(host, self.limits.total_timeout_s)
            chunks.append(chunk)
        return b"".join(chunks)


def header_charset(content_type: str) -> str | None:
    """The `charset` parameter of a Content-Type header, lower case, or None."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _timed_out(host: str, seconds: float) -> errors.ToolError:
    return errors.ToolError(
        f"{host} did not answer in full within {seconds:g} s; try again later, or use "
        "another source."
    )


def _too_large(host: str, cap: int) -> errors.ToolError:
    return errors.ToolError(
        f"The answer from {host} is larger than {cap / MB:g} MB, the most web browsing reads "
        "at once. Look for a smaller page (one article rather than a whole archive or file)."
    )


def _connect_failed(host: str, exc: httpx2.ConnectError) -> errors.ToolError:
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ssl.SSLError):
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if isinstance(cause, ssl.SSLError) or "SSL" in text or "certificate" in text.lower():
        return errors.ToolError(
            f"The secure connection to {host} failed ({text or 'TLS error'}): its "
            "certificate is not trusted, or it does not speak HTTPS. Tell the user, or use "
            "another source."
        )
    return errors.ToolError(
        f"Could not connect to {host} ({text or 'connection failed'}); check the address, "
        "or the site may be down."
    )
