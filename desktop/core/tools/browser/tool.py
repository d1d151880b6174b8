"""The two browsing tools, `fetch_url` and `web_search`, and the toolbox's builder for them.

Both are network tools: the engine asks the user before the first call to each host
(`domain`). Their `run` blocks the engine's thread for at most the browsing time limit.
Each result carries a `web_browsing` record whose `sources` list every URL the model was
shown, with its title, so that the engine can turn the answer's links into citations.
"""

from __future__ import annotations

import re
import time
from typing import Any

from desktop.core import errors
from desktop.core.gpt import WebBrowsingSettings
from desktop.core.tools.base import SecretSource, Tool, ToolResult, ToolSpec
from desktop.core.tools.browser.fetch import Browser, Moved, Page, Window, window
from desktop.core.tools.browser.search import Hit, Provider, provider_for, search
from desktop.core.tools.browser.web import checked_url
from desktop.core.tools.transfer import host_of

MAX_QUERY_CHARS = 400  # Brave's own limit, and plenty for the others
MAX_PAGE_SOURCES = 50  # links of a page window listed as sources, besides the page itself
_NO_TEXT = "[The page has no readable text; it may need JavaScript, which fetch_url does not run.]"
_LINK = re.compile(r"\[([^\]\n]{0,300})\]\((https?://[^)\s]{1,2048})\)")


class FetchUrlTool:
    """`fetch_url`: one page's title, final URL and readable text. Any thread."""

    external = False

    def __init__(self, browser: Browser) -> None:
        self._browser = browser
        chars = f"{browser.limits.page_chars:,}"
        self.spec = ToolSpec(
            name="fetch_url",
            description=(
                "Read a web page: returns its title, final URL and main text as Markdown "
                "(headings, lists, tables and links kept; menus and ads dropped). Long pages "
                f"come in parts of about {chars} characters: call again with `start` to read "
                "on. Reads HTML, plain text and JSON; not PDFs, images or other files."
            ),
            parameters={
                "type": "object",
                "properties": {
                    "url": {"type": "string", "description": "The page's http(s) address."},
                    "start": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Character offset to read on from, as the previous "
                        "part's last line says. Default 0.",
                    },
                },
                "required": ["url"],
            },
        )

    def domain(self, arguments: dict[str, Any]) -> str:
        """The host the URL names, lower case; `errors.ToolError` for a URL it cannot read."""
        return host_of(checked_url(_arguments(arguments).get("url")))

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        """Fetch the page (or take it from the cache) and show one window of its text.

        Raises:
            errors.ToolError: bad arguments, a failed fetch, or an answer that is not text.
        """
        args = _arguments(arguments)
        start = _start(args.get("start"))
        started = time.monotonic()
        answer, cached = self._browser.read(checked_url(args.get("url")))
        if isinstance(answer, Moved):
            return _moved(answer, started)
        return _shown(answer, start, self._browser.limits.page_chars, cached, started)


class WebSearchTool:
    """`web_search`: numbered results (title, URL, snippet) from one provider. Any thread."""

    external = False

    def __init__(
        self, provider: Provider, browser: Browser, secrets: SecretSource, max_results: int
    ) -> None:
        self._provider = provider
        self._browser = browser
        self._secrets = secrets
        self._max = max(1, max_results)
        self.spec = ToolSpec(
            name="web_search",
            description=(
                f"Search the web ({provider.label}). Returns up to {self._max} results with "
                "title, URL and snippet; read the promising ones with fetch_url. Cite what "
                "you use as [title](url)."
            ),
            parameters={
                "type": "object",
                "properties": {
                    "query": {"type": "string", "description": "What to search for."},
                    "count": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": self._max,
                        "description": f"How many results (default and most: {self._max}).",
                    },
                },
                "required": ["query"],
            },
        )

    def domain(self, arguments: dict[str, Any]) -> str:
        """The search provider's host, whatever the query."""
        return host_of(self._provider.endpoint)

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        """Search and list the results.

        Raises:
            errors.ToolError: bad arguments, a missing API key, or a failed search.
        """
        args = _arguments(arguments)
        query = _query(args.get("query"))
        count = _count(args.get("count"), self._max)
        started = time.monotonic()
        found = search(self._provider, self._browser.client, self._secrets, query, count)
        output = _listing(self._provider.label, query, found.hits)
        record = {
            "action": "search",
            "query": query,
            "provider": self._provider.kind,
            "url": found.endpoint,
            "status": found.status,
            "results": len(found.hits),
            "sources": [{"url": hit.url, "title": hit.title} for hit in found.hits],
            "duration_ms": _ms(started),
        }
        return ToolResult(output=output, record={"web_browsing": record})


def browsing_tools(
    settings: WebBrowsingSettings, browser: Browser, secrets: SecretSource
) -> list[Tool]:
    """The browsing tools that `settings` switch on.

    None when browsing is off; else `fetch_url`, plus `web_search` when a search provider
    is set up (SearXNG needs its `search_url`).
    """
    if not settings.enabled:
        return []
    tools: list[Tool] = [FetchUrlTool(browser)]
    provider = provider_for(settings.search_provider, settings.search_url)
    if provider is not None:
        tools.append(WebSearchTool(provider, browser, secrets, settings.max_results))
    return tools


# -- arguments ----------------------------------------------------------------------------


def _arguments(arguments: object) -> dict[str, Any]:
    if not isinstance(arguments, dict):
        raise errors.ToolError(errors.said("The arguments must be a JSON object."))
    return arguments


def _start(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise errors.ToolError(
            errors.said("`start` must be a whole number of characters, 0 or more.")
        )
    return value


def _query(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise errors.ToolError(errors.said("`query` must be the words to search for."))
    query = " ".join(value.split())
    if len(query) > MAX_QUERY_CHARS:
        raise errors.ToolError(
            errors.said(
                "The query is longer than {most} characters; use fewer words.",
                most=MAX_QUERY_CHARS,
            )
        )
    return query


def _count(value: object, most: int) -> int:
    if value is None:
        return most
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise errors.ToolError(
            errors.said("`count` must be a whole number from 1 to {most}.", most=most)
        )
    return min(value, most)


# -- results ------------------------------------------------------------------------------


def _ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)


def _listing(label: str, query: str, hits: tuple[Hit, ...]) -> str:
    if not hits:
        return f'{label} found no results for "{query}". Try other or fewer words.'
    counted = f"{len(hits)} result{'' if len(hits) == 1 else 's'}"
    lines = [f'Web search results for "{query}" ({label}, {counted}):']
    for number, hit in enumerate(hits, 1):
        lines += ["", f"{number}. {hit.title}", f"   URL: {hit.url}"]
        if hit.snippet:
            lines.append(f"   {hit.snippet}")
    lines += [
        "",
        "Cite the sources you use by linking their URL in Markdown, like "
        f"[{hits[0].title}]({hits[0].url}). Read a result in full with fetch_url.",
    ]
    return "\n".join(lines)


def _moved(moved: Moved, started: float) -> ToolResult:
    host = host_of(moved.location)
    output = (
        f"{moved.url} redirects (HTTP {moved.status}) to another host, {host}:\n"
        f"{moved.location}\n"
        "It was not followed. To read it, call fetch_url with that URL."
    )
    record = {
        "action": "fetch",
        "url": moved.url,
        "final_url": moved.url,
        "redirected_to": moved.location,
        "title": "",
        "status": moved.status,
        "chars": 0,
        "truncated": False,
        "start": 0,
        "cached": False,
        "sources": [{"url": moved.location, "title": host}],
        "duration_ms": _ms(started),
    }
    return ToolResult(output=output, record={"web_browsing": record})


def _shown(page: Page, start: int, size: int, cached: bool, started: float) -> ToolResult:
    total = len(page.text)
    if start and start >= total:
        raise errors.ToolError(
            errors.said(
                "start={start} is past the end of the page, which has {total} characters; "
                "the whole page has been read.",
                start=start,
                total=f"{total:,}",
            )
        )
    part = window(page.text, start, size)
    title = page.title or host_of(page.final_url)
    output = _page_output(page, part, title)
    record = {
        "action": "fetch",
        "url": page.url,
        "final_url": page.final_url,
        "title": page.title,
        "status": page.status,
        "content_type": page.content_type,
        "chars": total,
        "truncated": part.more > 0,
        "start": part.start,
        "end": part.end,
        "cached": cached,
        "sources": _sources(page, title, part.text),
        "duration_ms": _ms(started),
    }
    details = {"bytes": page.size, "fetch_ms": page.duration_ms, "redirects": list(page.redirects)}
    return ToolResult(output=output, details=details, record={"web_browsing": record})


def _page_output(page: Page, part: Window, title: str) -> str:
    lines = [f"Title: {title}", f"URL: {page.final_url}"]
    if page.final_url != page.url:
        lines.append(f"(Redirected from {page.url})")
    if part.start:
        lines.append(f"[Characters {part.start:,} to {part.end:,} of {part.total:,}.]")
    lines += ["", part.text or _NO_TEXT]
    if part.more:
        lines += [
            "",
            f"[Page continues: {part.more:,} more characters. Call fetch_url with "
            f"start={part.end} to read on.]",
        ]
    elif page.clipped:
        lines += ["", "[The page goes on, but fetch_url reads no further than this.]"]
    lines += ["", f"Cite this page as [{title}]({page.final_url})."]
    return "\n".join(lines)


def _sources(page: Page, title: str, shown: str) -> list[dict[str, str]]:
    """The page itself, then the links in the part shown (each URL once)."""
    sources = [{"url": page.final_url, "title": title}]
    seen = {page.final_url}
    for text, url in _LINK.findall(shown):
        if url in seen:
            continue
        seen.add(url)
        sources.append({"url": url, "title": " ".join(text.split()) or host_of(url)})
        if len(sources) > MAX_PAGE_SOURCES:
            break
    return sources
