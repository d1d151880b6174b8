"""Reading web pages: the shared `Browser` (client and page cache) and windows on long pages.

A page is fetched once and kept, extracted, for a few minutes, so that reading on in a
long page (`fetch_url` with `start`) never fetches it again. `Browser` is made once per
app, closed when the app closes, and may be used from any thread.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core import errors
from desktop.core.tools.browser.readable import readable
from desktop.core.tools.browser.web import (
    USER_AGENT,
    BrowserLimits,
    WebClient,
    WebResponse,
    checked_url,
)
from desktop.core.tools.transfer import host_of

PAGE_HEADERS = (
    ("User-Agent", USER_AGENT),
    (
        "Accept",
        "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,application/json;q=0.7,*/*;q=0.5",
    ),
)
# Where a long page is best cut, most wanted first; each group is tried in the second
# half of the window, so that a window is never cut down to a sliver.
_BREAKS = (("\n\n",), ("\n",), (". ", "。", "! ", "? ", "！", "？", "; ", "；"), (" ",))


@dataclass(frozen=True)
class Page:
    """One fetched answer as readable text."""

    url: str  # as asked for (checked, without fragment)
    final_url: str  # after same-host redirects
    status: int
    title: str
    text: str
    kind: str  # html, text or json
    content_type: str
    size: int  # bytes received
    duration_ms: int
    redirects: tuple[str, ...] = ()
    clipped: bool = False  # the text was too long to keep whole


@dataclass(frozen=True)
class Moved:
    """A redirect to another host, not followed: consent for that host is asked first."""

    url: str
    location: str
    status: int
    duration_ms: int


@dataclass(frozen=True)
class Window:
    """The part of a page's text one call shows: characters `start` to `end` of `total`."""

    text: str
    start: int
    end: int
    total: int

    @property
    def more(self) -> int:
        return self.total - self.end


class PageCache:
    """Extracted pages by URL, the least recently used dropped first, each for `ttl_s`.

    Any thread.
    """

    def __init__(self, size: int, ttl_s: float, clock: Callable[[], float]) -> None:
        self._size = max(size, 1)
        self._ttl_s = ttl_s
        self._clock = clock
        self._lock = threading.Lock()
        self._pages: OrderedDict[str, tuple[float, Page]] = OrderedDict()

    def get(self, url: str) -> Page | None:
        with self._lock:
            found = self._pages.get(url)
            if found is None:
                return None
            if self._clock() >= found[0]:
                del self._pages[url]
                return None
            self._pages.move_to_end(url)
            return found[1]

    def put(self, page: Page) -> None:
        """Keep `page` under the URL asked for and under its final URL."""
        expires = self._clock() + self._ttl_s
        with self._lock:
            for key in dict.fromkeys((page.url, page.final_url)):
                self._pages[key] = (expires, page)
                self._pages.move_to_end(key)
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


class Browser:
    """The web client and the page cache that both browsing tools share. Any thread."""

    def __init__(
        self,
        limits: BrowserLimits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = limits or BrowserLimits()
        self.client = WebClient(self.limits)
        self.pages = PageCache(self.limits.cache_pages, self.limits.cache_ttl_s, clock)

    def read(self, url: str) -> tuple[Page | Moved, bool]:
        """The page at `url`, and whether it came from the cache.

        Raises:
            errors.ToolError: a bad URL, a failed request, an error status, or an answer
                that is not text (a PDF, an image ...), each in words the model can use.
        """
        url = checked_url(url)
        cached = self.pages.get(url)
        if cached is not None:
            return cached, True
        response = self.client.send("GET", url, headers=PAGE_HEADERS)
        if response.moved_to is not None:
            return Moved(url, response.moved_to, response.status, response.duration_ms), False
        if not response.ok:
            raise status_error(response)
        found = readable(response.body, response.content_type, response.charset, response.url)
        page = Page(
            url=url,
            final_url=response.url,
            status=response.status,
            title=found.title,
            text=found.text,
            kind=found.kind,
            content_type=response.content_type,
            size=len(response.body),
            duration_ms=response.duration_ms,
            redirects=response.redirects,
            clipped=found.clipped,
        )
        self.pages.put(page)
        return page, False

    def close(self) -> None:
        self.client.close()
        self.pages.clear()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def window(text: str, start: int, size: int) -> Window:
    """About `size` characters of `text` from `start`, ending at the best break in reach."""
    total = len(text)
    end = min(total, start + size)
    if end < total:
        floor = start + size // 2
        for group in _BREAKS:
            cut = max(text.rfind(mark, floor, end) + len(mark) for mark in group)
            if cut > floor:
                end = cut
                break
    return Window(text[start:end].strip(), start, end, total)


def status_error(response: WebResponse) -> errors.ToolError:
    """The error for an answer that is not a page: what the status means, and what to do."""
    status = response.status
    url, answer = response.url, f"{status} {response.reason}".rstrip()
    if 300 <= status < 400:
        message = errors.said(
            "{url} answered {answer}, a redirect without a target; the page cannot be read.",
            url=url,
            answer=answer,
        )
    elif status in (404, 410):
        message = errors.said(
            "{url} answered {answer}: there is no page at this address. Check the URL, or "
            "search for the page.",
            url=url,
            answer=answer,
        )
    elif status in (401, 403, 407, 451):
        message = errors.said(
            "{url} answered {answer}: the site refuses to show this page (it may need a "
            "login, or block automated readers). Use another source.",
            url=url,
            answer=answer,
        )
    elif status == 429:
        message = errors.said(
            "{url} answered {answer}: the site is limiting requests. Wait before trying "
            "again, or use another source.",
            url=url,
            answer=answer,
        )
    elif status >= 500:
        message = errors.said(
            "{url} answered {answer}: the site has a problem right now. Try again later, or "
            "use another source.",
            url=url,
            answer=answer,
        )
    else:
        message = errors.said(
            "{url} answered {answer}: the site refused the request. Check the URL ({host}).",
            url=url,
            answer=answer,
            host=host_of(url),
        )
    return errors.ToolError(message)
