"""The browsing HTTP client and URL checks: redirects, cookies, methods, charsets."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from desktop.core import errors
from desktop.core.tools.browser.web import WebClient, checked_url
from desktop.core.tools.transfer import charset_of
from tests.helpers.web_server import Reply, Seen, WebServer
from tests.unit.core.tools.browser.conftest import TEST_LIMITS


@pytest.fixture
def client() -> Iterator[WebClient]:
    made = WebClient(TEST_LIMITS)
    yield made
    made.close()


@pytest.mark.parametrize(
    ("given", "checked"),
    [
        ("https://example.com", "https://example.com/"),
        ("  HTTP://Example.com/a b?q=1#frag ", "http://Example.com/a b?q=1"),
        ("example.com/page?x=1", "https://example.com/page?x=1"),
        ("news.example.co.uk", "https://news.example.co.uk/"),
        ("example.com:8080/x", "https://example.com:8080/x"),
    ],
)
def test_checked_url(given: str, checked: str) -> None:
    assert checked_url(given) == checked


@pytest.mark.parametrize(
    "bad",
    [
        "http://exa mple.com/",
        "http://a.example/\x00",
        "mailto:someone@example.com",
        "//x.example/",
        "localhost:8080/x",  # read as the scheme "localhost"
    ],
)
def test_checked_url_refuses(bad: str) -> None:
    with pytest.raises(errors.ToolError):
        checked_url(bad)


def test_an_overlong_url_is_refused() -> None:
    with pytest.raises(errors.ToolError, match="longer than 4096"):
        checked_url("https://example.com/" + "a" * 5000)


@pytest.mark.parametrize(
    ("header", "charset"),
    [
        ("text/html; charset=UTF-8", "utf-8"),
        ('text/html; Charset="Shift_JIS"', "shift_jis"),
        ("text/html", None),
        ("text/html; charset=", None),
    ],
)
def test_charset_of(header: str, charset: str | None) -> None:
    assert charset_of(header) == charset


def test_redirect_loops_stop(web: WebServer, client: WebClient) -> None:
    web.redirect("/loop", "/loop")
    with pytest.raises(errors.ToolError, match="redirected more than 5 times"):
        client.send("GET", f"{web.url}/loop")
    assert len(web.seen("/loop")) == 6


def test_a_redirect_to_another_scheme_is_refused(web: WebServer, client: WebClient) -> None:
    web.redirect("/file", "file:///etc/passwd")
    with pytest.raises(errors.ToolError, match="not http"):
        client.send("GET", f"{web.url}/file")


def test_a_redirect_to_another_host_comes_back_unfollowed(
    web: WebServer, client: WebClient
) -> None:
    web.redirect("/away", "//localhost:1/there", 308)
    answer = client.send("GET", f"{web.url}/away")
    assert answer.status == 308
    assert answer.moved_to == "http://localhost:1/there"


def test_redirects_are_not_followed_when_asked(web: WebServer, client: WebClient) -> None:
    web.redirect("/r", "/target")
    answer = client.send("GET", f"{web.url}/r", follow_redirects=False)
    assert answer.status == 302
    assert answer.moved_to is None
    assert web.seen("/target") == []


def test_a_303_after_a_post_becomes_a_get(web: WebServer, client: WebClient) -> None:
    web.redirect("/form", "/done", 303)
    web.page("/done", "ok", "text/plain")
    answer = client.send("POST", f"{web.url}/form", content=b"a=1")
    assert answer.body == b"ok"
    (done,) = web.seen("/done")
    assert done.method == "GET" and done.body == b""


def test_cookies_are_never_kept(web: WebServer, client: WebClient) -> None:
    web.page("/set", "set", "text/plain", headers={"Set-Cookie": "sid=abc123; Path=/"})

    def echo(seen: Seen) -> Reply:
        return Reply(200, "application/json", json.dumps(seen.headers).encode())

    web.route("/echo", echo)
    client.send("GET", f"{web.url}/set")
    answer = client.send("GET", f"{web.url}/echo")
    assert "cookie" not in json.loads(answer.body)


def test_the_answer_says_its_type_and_charset(web: WebServer, client: WebClient) -> None:
    web.page("/t", "x", "Text/Plain; charset=ISO-8859-1")
    answer = client.send("GET", f"{web.url}/t")
    assert (answer.content_type, answer.charset, answer.ok) == ("text/plain", "iso-8859-1", True)


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fe80::1]/",
    ],
)
def test_link_local_addresses_are_never_fetched(client: WebClient, url: str) -> None:
    with pytest.raises(errors.ToolError, match="link-local"):
        client.send("GET", url)
