"""Redirects a provider may make: to the same host and port only.

The openai client follows redirects, and on a 307 or 308 it sends the request body
(the whole conversation) to wherever the server points; it strips the key, but the
conversation is gone all the same. `SameHostTransport` wraps the real transport and
turns a redirect to another host into a plain error answer, with the address the server
named kept in `REFUSED_HEADER`, so that `failures` can say where it tried to send it.
Thread-safe as the transport it wraps.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import httpx2

REDIRECTS = frozenset({301, 302, 303, 307, 308})
REFUSED_HEADER = "x-capsule-refused-redirect"


class SameHostTransport(httpx2.BaseTransport):
    """An httpx transport that lets through only redirects within the request's origin."""

    def __init__(self, inner: httpx2.BaseTransport | None = None) -> None:
        self._inner = inner or httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self._inner.handle_request(request)
        location = response.headers.get("location")
        if response.status_code not in REDIRECTS or not location:
            return response
        target = urljoin(str(request.url), location.strip())
        if _origin(target) == _origin(str(request.url)):
            return response
        # Without a Location the client does not follow; the status stays an error.
        del response.headers["location"]
        response.headers[REFUSED_HEADER] = target
        return response

    def close(self) -> None:
        self._inner.close()


def _origin(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    return (parts.hostname or "").lower().rstrip("."), port
