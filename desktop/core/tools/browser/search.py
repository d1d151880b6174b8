"""Web search through SearXNG, Brave Search or Tavily, with answers read as hostile input.

Each provider turns a query into one request and a JSON answer into `Hit`s. An answer
of the wrong shape is refused with a readable error; single results that are not usable
(no http(s) URL, wrong types) are skipped; every field is cut to a sane length. API keys
are read from the keyring on every call, added to the log mask, and blanked out of
whatever a result says. Any thread.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from desktop.core import errors
from desktop.core.secrets import MASK, SecretMask
from desktop.core.tools.base import SecretSource
from desktop.core.tools.browser.web import USER_AGENT, WebClient, WebResponse
from desktop.core.tools.transfer import host_of

BRAVE_SECRET = "web_search/brave"
TAVILY_SECRET = "web_search/tavily"
BRAVE_URL = "https://api.search.brave.com"
TAVILY_URL = "https://api.tavily.com"
MAX_TITLE_CHARS = 200
MAX_SNIPPET_CHARS = 500
MAX_URL_CHARS = 2048
_TAG = re.compile(r"<[^>]{0,200}>")

Mask = Callable[[str], str]


@dataclass(frozen=True)
class Hit:
    """One search result as the model sees it."""

    title: str
    url: str
    snippet: str


@dataclass(frozen=True)
class Found:
    """A search's results and how the request went."""

    hits: tuple[Hit, ...]
    endpoint: str  # the URL asked, without any key
    status: int
    duration_ms: int


@dataclass(frozen=True)
class Provider:
    """One search service: its name in messages, its endpoint, and its keyring secret."""

    kind: str  # searxng, brave or tavily
    label: str
    endpoint: str
    secret: str = ""  # empty: no key needed

    @property
    def key_fix(self) -> errors.UserAction:
        """What the user does to store this provider's key."""
        return errors.do(errors.Do.SET_SEARCH_KEY, provider=self.kind)


def provider_for(kind: str, search_url: str) -> Provider | None:
    """The provider that settings name; None for none, or for SearXNG without its address."""
    base = search_url.strip().rstrip("/")
    if kind == "searxng":
        return Provider(kind, "SearXNG", _with_path(base, "/search")) if base else None
    if kind == "brave":
        endpoint = _with_path(base or BRAVE_URL, "/res/v1/web/search")
        return Provider(kind, "Brave Search", endpoint, BRAVE_SECRET)
    if kind == "tavily":
        return Provider(kind, "Tavily", _with_path(base or TAVILY_URL, "/search"), TAVILY_SECRET)
    return None


def search(
    provider: Provider, client: WebClient, secrets: SecretSource, query: str, count: int
) -> Found:
    """Up to `count` results for `query`.

    Raises:
        errors.ToolError: a missing key, a failed request, a refusal (bad key, JSON
            output off, rate limit), or an answer that is not the provider's JSON.
    """
    key = _key(provider, secrets) if provider.secret else ""
    mask = _masker(key)
    headers = [("User-Agent", USER_AGENT), ("Accept", "application/json")]
    content = None
    if provider.kind == "searxng":
        url = f"{provider.endpoint}?{urlencode({'q': query, 'format': 'json'})}"
    elif provider.kind == "brave":
        url = f"{provider.endpoint}?{urlencode({'q': query, 'count': count})}"
        headers.append(("X-Subscription-Token", key))
    else:
        url = provider.endpoint
        headers += [("Authorization", f"Bearer {key}"), ("Content-Type", "application/json")]
        content = json.dumps({"query": query, "max_results": count}).encode()
    method = "POST" if content is not None else "GET"
    response = client.send(method, url, headers=headers, content=content, follow_redirects=False)
    if not response.ok:
        raise _refused(provider, response, mask)
    payload = _payload(provider, response)
    items = {"searxng": _searxng, "brave": _brave, "tavily": _tavily}[provider.kind](payload)
    hits = _hits(provider, items, count, mask)
    return Found(hits, mask(url), response.status, response.duration_ms)


def _with_path(base: str, path: str) -> str:
    """`base` with the API path added, unless its own path already ends with it."""
    return base if urlsplit(base).path.rstrip("/").endswith(path) else base + path


def _key(provider: Provider, secrets: SecretSource) -> str:
    try:
        key = secrets.get(provider.secret)
    except errors.SecretNotFoundError:
        raise errors.ToolError(
            errors.said(
                "No {provider} API key is set, so web_search cannot run. Ask the user to "
                "store one in the web browsing settings, then try again.",
                provider=provider.label,
            ),
            provider.key_fix,
        ) from None
    except errors.SecretsUnavailableError as exc:
        raise errors.ToolError(exc.message) from None
    key = key.strip()
    if not key:
        raise errors.ToolError(
            errors.said(
                "The {provider} API key is empty. Ask the user to store it again in the "
                "web browsing settings.",
                provider=provider.label,
            ),
            provider.key_fix,
        )
    SecretMask.add(key)
    return key


def _masker(key: str) -> Mask:
    def mask(text: str) -> str:
        return text.replace(key, MASK) if key else text

    return mask


def _refused(provider: Provider, response: WebResponse, mask: Mask) -> errors.ToolError:
    status = response.status
    # The key never shows: masked in the values (the sentences around them hold none).
    who = {"provider": mask(provider.label), "host": mask(host_of(provider.endpoint))}
    if 300 <= status < 400:
        message = errors.said(
            "{provider} at {host} answered HTTP {status}: a redirect; check the search_url "
            "setting (its address may have moved).",
            status=status,
            **who,
        )
    elif provider.kind == "searxng" and status == 403:
        message = errors.said(
            "{provider} at {host} answered HTTP {status}: this SearXNG instance has JSON "
            "output turned off. Its admin must add `json` to `search.formats` in "
            "settings.yml (formats: [html, json]); or choose another instance or search "
            "provider.",
            status=status,
            **who,
        )
    elif status in (401, 403) and provider.secret:
        message = errors.said(
            "{provider} at {host} answered HTTP {status}: it refused the API key. Ask the "
            "user to check the key and store a valid one in the web browsing settings.",
            status=status,
            **who,
        )
        return errors.ToolError(message, provider.key_fix)
    elif status == 429 or (provider.kind == "tavily" and status in (432, 433)):
        message = errors.said(
            "{provider} at {host} answered HTTP {status}: the rate limit or the plan's quota "
            "is used up. Wait, then try again.",
            status=status,
            **who,
        )
    elif status == 404:
        message = errors.said(
            "{provider} at {host} answered HTTP {status}: no search API there; check the "
            "search_url setting.",
            status=status,
            **who,
        )
    elif status >= 500:
        message = errors.said(
            "{provider} at {host} answered HTTP {status}: the service has a problem right "
            "now. Try again later.",
            status=status,
            **who,
        )
    else:
        message = errors.said(
            "{provider} at {host} answered HTTP {status}: the request was refused. Try a "
            "simpler query.",
            status=status,
            **who,
        )
    return errors.ToolError(message)


def _payload(provider: Provider, response: WebResponse) -> dict[str, Any]:
    who = {"provider": provider.label, "host": host_of(provider.endpoint)}
    try:
        payload = json.loads(response.body)
    except (ValueError, RecursionError):
        if response.content_type:
            message = errors.said(
                "{provider} at {host} did not answer with JSON ({kind}); check the "
                "search_url setting.",
                kind=response.content_type,
                **who,
            )
        else:
            message = errors.said(
                "{provider} at {host} did not answer with JSON (no content type); check the "
                "search_url setting.",
                **who,
            )
        raise errors.ToolError(message) from None
    if not isinstance(payload, dict):
        raise errors.ToolError(
            errors.said(
                "{provider} at {host} answered JSON that is not a search result object.", **who
            )
        )
    return payload


def _results(payload: dict[str, Any], field: str, label: str) -> list[Any]:
    results = payload.get(field)
    if not isinstance(results, list):
        raise errors.ToolError(
            errors.said(
                "The answer from {provider} has no `{field}` list; it does not look like its "
                "search API. Check the search_url setting.",
                provider=label,
                field=field,
            )
        )
    return results


def _searxng(payload: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    results = _results(payload, "results", "SearXNG")
    return [
        (r.get("title"), r.get("url"), r.get("content")) for r in results if isinstance(r, dict)
    ]


def _brave(payload: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    web = payload.get("web")
    if web is None:
        return []  # Brave leaves `web` out when nothing matched
    if not isinstance(web, dict):
        raise errors.ToolError(
            errors.said("The answer from Brave Search has a `web` field that is not an object.")
        )
    results = _results(web, "results", "Brave Search")
    return [
        (r.get("title"), r.get("url"), r.get("description")) for r in results if isinstance(r, dict)
    ]


def _tavily(payload: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    results = _results(payload, "results", "Tavily")
    return [
        (r.get("title"), r.get("url"), r.get("content")) for r in results if isinstance(r, dict)
    ]


def _hits(
    provider: Provider, items: list[tuple[Any, Any, Any]], count: int, mask: Mask
) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    seen: set[str] = set()
    for title, raw, snippet in items:
        url = raw.strip() if isinstance(raw, str) else ""
        if not _web_url(url) or url in seen:
            continue
        seen.add(url)
        shown = _field(title, MAX_TITLE_CHARS, mask) or host_of(url)
        hits.append(Hit(shown, mask(url), _field(snippet, MAX_SNIPPET_CHARS, mask)))
        if len(hits) >= count:
            break
    if items and not hits:
        raise errors.ToolError(
            errors.said(
                "{provider} answered {count} results, none with an http(s) URL; "
                "try again, or rephrase the query.",
                provider=provider.label,
                count=len(items),
            )
        )
    return tuple(hits)


def _web_url(url: str) -> bool:
    if len(url) > MAX_URL_CHARS or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _field(value: Any, limit: int, mask: Mask) -> str:
    """A result's text: HTML tags and entities gone, one line, at most `limit` characters."""
    if not isinstance(value, str):
        return ""
    text = " ".join(html.unescape(_TAG.sub("", value[: limit * 4])).split())
    text = mask(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
