"""web_search against fake SearXNG, Brave and Tavily servers on 127.0.0.1."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.gpt import WebBrowsingSettings
from desktop.core.secrets import Secrets
from desktop.core.tools.base import ToolResult
from desktop.core.tools.browser import BRAVE_SECRET, TAVILY_SECRET, Browser, browsing_tools
from desktop.core.tools.browser.search import provider_for
from tests.helpers.web_server import Reply, Seen, WebServer

BRAVE_KEY = "brave-key-5f2a9c81"
TAVILY_KEY = "tvly-key-77d0e4b2"
BRAVE_PATH = "/res/v1/web/search"

RESULTS = [
    {
        "title": "Aldmere lighthouse - History",
        "url": "https://lights.example/aldmere",
        "content": "The light was automated in 1987.",
    },
    {
        "title": "Keepers return",
        "url": "https://news.example/keepers",
        "content": "Volunteers move back into the cottage.",
    },
    {
        "title": "Coastal weather stations",
        "url": "https://weather.example/stations",
        "content": "Records kept through storms.",
    },
]


def _tool(provider: str, web: WebServer, browser: Browser, secrets: Secrets, path: str = "") -> Any:
    settings = WebBrowsingSettings.model_validate(
        {
            "enabled": True,
            "search_provider": provider,
            "search_url": web.url + path,
            "max_results": 5,
        }
    )
    tools = browsing_tools(settings, browser, secrets)
    assert [t.spec.name for t in tools] == ["fetch_url", "web_search"]
    return tools[1]


def _record(result: ToolResult) -> dict[str, Any]:
    record = result.record["web_browsing"]
    assert isinstance(record, dict)
    return record


def _reply(value: Any, status: int = 200) -> Reply:
    return Reply(status, "application/json", json.dumps(value).encode())


# -- SearXNG ------------------------------------------------------------------------------


def test_searxng_request_and_results(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    web.json("/search", {"query": "lighthouse", "results": RESULTS})
    result = _tool("searxng", web, browser, secrets).run({"query": " aldmere  lighthouse "})
    (seen,) = web.seen("/search")
    assert seen.method == "GET"
    assert seen.query == {"q": ["aldmere lighthouse"], "format": ["json"]}
    assert seen.headers["accept"] == "application/json"
    output = result.output
    assert output.startswith('Web search results for "aldmere lighthouse" (SearXNG, 3 results):')
    assert "1. Aldmere lighthouse - History\n   URL: https://lights.example/aldmere\n" in output
    assert "   The light was automated in 1987." in output
    assert "3. Coastal weather stations" in output
    assert "[Aldmere lighthouse - History](https://lights.example/aldmere)" in output
    assert output.splitlines()[-1].startswith("Cite the sources you use by linking their URL")
    record = _record(result)
    assert record["action"] == "search"
    assert record["query"] == "aldmere lighthouse"
    assert record["provider"] == "searxng"
    assert record["results"] == 3
    assert record["sources"] == [{"url": r["url"], "title": r["title"]} for r in RESULTS]


def test_searxng_under_a_path_and_count(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    web.json("/searx/search", {"results": RESULTS})
    tool = _tool("searxng", web, browser, secrets, "/searx/")
    result = tool.run({"query": "lighthouse", "count": 2})
    assert len(web.seen("/searx/search")) == 1
    assert "(SearXNG, 2 results)" in result.output
    assert "3. " not in result.output
    assert len(_record(result)["sources"]) == 2
    assert "(SearXNG, 1 result):" in tool.run({"query": "lighthouse", "count": 1}).output


def test_searxng_with_json_turned_off(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    web.page("/search", "<html><body>403 Forbidden</body></html>", status=403)
    with pytest.raises(errors.ToolError, match="JSON output turned off") as caught:
        _tool("searxng", web, browser, secrets).run({"query": "lighthouse"})
    assert "formats: [html, json]" in str(caught.value)


# -- Brave --------------------------------------------------------------------------------


def _brave(seen: Seen) -> Reply:
    if seen.headers.get("x-subscription-token") != BRAVE_KEY:
        return _reply(
            {"type": "ErrorResponse", "error": {"code": "SUBSCRIPTION_TOKEN_INVALID"}}, 401
        )
    results = [
        {
            "title": "The <strong>Aldmere</strong> light",
            "url": "https://lights.example/aldmere",
            "description": "Automated in <strong>1987</strong> &amp; restored in 2024.",
        },
        # A hostile server echoing the key back must not get it shown anywhere.
        {
            "title": f"Echo {BRAVE_KEY}",
            "url": f"https://echo.example/?k={BRAVE_KEY}",
            "description": f"your key is {BRAVE_KEY}",
        },
    ]
    return _reply({"type": "search", "web": {"type": "search", "results": results}})


def test_brave_request_with_the_key_from_the_keyring(
    web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    secrets.set(BRAVE_SECRET, BRAVE_KEY)
    web.route(BRAVE_PATH, _brave)
    result = _tool("brave", web, browser, secrets).run({"query": "aldmere light", "count": 3})
    (seen,) = web.seen(BRAVE_PATH)
    assert seen.method == "GET"
    assert seen.query == {"q": ["aldmere light"], "count": ["3"]}
    assert seen.headers["x-subscription-token"] == BRAVE_KEY
    assert "1. The Aldmere light\n" in result.output
    assert "   Automated in 1987 & restored in 2024." in result.output
    assert "(Brave Search, 2 results)" in result.output
    everything = result.output + json.dumps(result.record) + json.dumps(result.details)
    assert BRAVE_KEY not in everything
    assert "your key is ****" in result.output


def test_brave_without_a_key_says_how_to_set_one(
    web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    web.route(BRAVE_PATH, _brave)
    with pytest.raises(errors.ToolError, match="No Brave Search API key is set") as caught:
        _tool("brave", web, browser, secrets).run({"query": "aldmere"})
    assert caught.value.action == errors.UserAction("set_search_key", {"provider": "brave"})
    assert web.seen(BRAVE_PATH) == []


def test_brave_with_a_wrong_key(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    secrets.set(BRAVE_SECRET, "not-the-right-key")
    web.route(BRAVE_PATH, _brave)
    with pytest.raises(errors.ToolError, match="HTTP 401: it refused the API key") as caught:
        _tool("brave", web, browser, secrets).run({"query": "aldmere"})
    assert "not-the-right-key" not in str(caught.value)
    assert caught.value.action == errors.UserAction("set_search_key", {"provider": "brave"})


def test_brave_with_no_web_results(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    secrets.set(BRAVE_SECRET, BRAVE_KEY)
    web.json(BRAVE_PATH, {"type": "search", "query": {"original": "zzqx"}})
    result = _tool("brave", web, browser, secrets).run({"query": "zzqx"})
    assert result.output == 'Brave Search found no results for "zzqx". Try other or fewer words.'
    assert _record(result)["sources"] == []


# -- Tavily -------------------------------------------------------------------------------


def _tavily(seen: Seen) -> Reply:
    if seen.method != "POST" or seen.headers.get("authorization") != f"Bearer {TAVILY_KEY}":
        return _reply({"detail": {"error": "Unauthorized"}}, 401)
    return _reply({"query": seen.json()["query"], "results": RESULTS})


def test_tavily_request_and_results(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    secrets.set(TAVILY_SECRET, TAVILY_KEY)
    web.route("/search", _tavily)
    result = _tool("tavily", web, browser, secrets).run({"query": "aldmere", "count": 2})
    (seen,) = web.seen("/search")
    assert seen.method == "POST"
    assert seen.headers["content-type"] == "application/json"
    assert seen.json() == {"query": "aldmere", "max_results": 2}
    assert "(Tavily, 2 results)" in result.output
    assert "2. Keepers return" in result.output
    assert TAVILY_KEY not in result.output + json.dumps(result.record)


def test_tavily_missing_key(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    with pytest.raises(errors.ToolError, match="No Tavily API key is set") as caught:
        _tool("tavily", web, browser, secrets).run({"query": "aldmere"})
    assert caught.value.action == errors.UserAction("set_search_key", {"provider": "tavily"})


@pytest.mark.parametrize(
    ("status", "message"),
    [(429, "rate limit"), (432, "quota"), (500, "problem right now"), (404, "no search API")],
)
def test_tavily_refusals(
    status: int, message: str, web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    secrets.set(TAVILY_SECRET, TAVILY_KEY)
    web.json("/search", {"detail": {"error": f"echo {TAVILY_KEY}"}}, status=status)
    with pytest.raises(errors.ToolError, match=message) as caught:
        _tool("tavily", web, browser, secrets).run({"query": "aldmere"})
    assert TAVILY_KEY not in str(caught.value)


# -- hostile answers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>not json</html>", "did not answer with JSON"),
        (b"[1, 2, 3]", "not a search result object"),
        (b'{"results": "many"}', "has no `results` list"),
        (b'{"answer": "42"}', "has no `results` list"),
        (b"[" * 100_000 + b"]" * 100_000, "did not answer with JSON|not a search result object"),
        (
            json.dumps(
                {"results": [{"title": "x", "url": "javascript:alert(1)"}, {"url": 5}]}
            ).encode(),
            "none with an http",
        ),
    ],
    ids=["html", "array", "results-string", "no-results", "deep-nesting", "no-usable-url"],
)
def test_malformed_answers_are_readable_errors(
    body: bytes, message: str, web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    web.page("/search", body, "application/json")
    with pytest.raises(errors.ToolError, match=message):
        _tool("searxng", web, browser, secrets).run({"query": "aldmere"})


def test_odd_results_are_skipped_and_fields_cut(
    web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    results: list[Any] = [
        "not an object",
        {"title": ["no"], "url": "https://a.example/1", "content": {"x": 1}},
        {"title": "x" * 5000, "url": "https://b.example/2", "content": "y" * 10_000},
        {"title": "dup", "url": "https://a.example/1"},
        {"title": "ftp", "url": "ftp://c.example/file"},
        {"title": "long", "url": "https://d.example/" + "z" * 5000},
        {"title": "spaces\n\tand  lines", "url": " https://e.example/5 ", "content": None},
    ]
    web.json("/search", {"results": results})
    result = _tool("searxng", web, browser, secrets).run({"query": "aldmere"})
    sources = _record(result)["sources"]
    assert [s["url"] for s in sources] == [
        "https://a.example/1",
        "https://b.example/2",
        "https://e.example/5",
    ]
    assert sources[0]["title"] == "a.example"  # no usable title: the host stands in
    assert len(sources[1]["title"]) == 200
    assert sources[2]["title"] == "spaces and lines"
    assert max(len(line) for line in result.output.splitlines()) < 600


def test_a_huge_answer_is_refused(web: WebServer, browser: Browser, secrets: Secrets) -> None:
    web.page("/search", b'{"results": [' + b" " * (2 * 1024 * 1024) + b"]}", "application/json")
    with pytest.raises(errors.ToolError, match="larger than 1 MB"):
        _tool("searxng", web, browser, secrets).run({"query": "aldmere"})


def test_a_redirecting_search_url_is_not_followed(
    web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    web.redirect("/search", "/elsewhere/search")
    with pytest.raises(errors.ToolError, match="HTTP 302: a redirect; check the search_url"):
        _tool("searxng", web, browser, secrets).run({"query": "aldmere"})
    assert web.seen("/elsewhere/search") == []


# -- arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "`query` must be"),
        ({"query": "   "}, "`query` must be"),
        ({"query": 42}, "`query` must be"),
        ({"query": "x" * 401}, "longer than 400"),
        ({"query": "ok", "count": 0}, "`count` must be a whole number from 1 to 5"),
        ({"query": "ok", "count": "many"}, "`count` must be"),
        ({"query": "ok", "count": True}, "`count` must be"),
    ],
)
def test_bad_arguments_send_nothing(
    arguments: dict[str, Any], message: str, web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    web.json("/search", {"results": RESULTS})
    with pytest.raises(errors.ToolError, match=message):
        _tool("searxng", web, browser, secrets).run(arguments)
    assert web.requests == []


def test_count_above_the_setting_is_capped(
    web: WebServer, browser: Browser, secrets: Secrets
) -> None:
    secrets.set(BRAVE_SECRET, BRAVE_KEY)
    web.route(BRAVE_PATH, _brave)
    _tool("brave", web, browser, secrets).run({"query": "aldmere", "count": 50})
    (seen,) = web.seen(BRAVE_PATH)
    assert seen.query["count"] == ["5"]


def test_provider_endpoints() -> None:
    assert provider_for("none", "") is None
    assert provider_for("searxng", "  ") is None
    searx = provider_for("searxng", "https://s.example/")
    assert searx is not None and searx.endpoint == "https://s.example/search"
    brave = provider_for("brave", "")
    assert brave is not None and brave.endpoint == "https://api.search.brave.com/res/v1/web/search"
    tavily = provider_for("tavily", "http://127.0.0.1:9/search")
    assert tavily is not None and tavily.endpoint == "http://127.0.0.1:9/search"
