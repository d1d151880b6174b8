"""The Browser on its own: the page cache, windows on long text, pages and moves."""

from __future__ import annotations

import threading

import pytest

from desktop.core.tools.browser import Browser
from desktop.core.tools.browser.fetch import Moved, Page, PageCache, window
from tests.helpers import web_server
from tests.helpers.web_server import WebServer
from tests.unit.core.tools.browser.conftest import FakeClock


def _page(url: str, final_url: str = "") -> Page:
    return Page(url, final_url or url, 200, "t", "text", "html", "text/html", 4, 1)


def test_window_ends_at_a_paragraph() -> None:
    text = "a" * 60 + "\n\n" + "b" * 30 + "\n" + "c" * 30
    part = window(text, 0, 100)
    assert part.text == "a" * 60
    assert part.end == 62
    assert part.more == len(text) - 62
    rest = window(text, part.end, 100)
    assert rest.text.startswith("b")
    assert rest.end == rest.total == len(text)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("x" * 70 + "\n" + "y" * 50, 71),  # a line break when there is no paragraph
        ("字" * 70 + "。" + "字" * 50, 71),  # a CJK sentence end
        ("Word " * 30, 100),  # a space: ends after "Word "
        ("z" * 150, 100),  # nothing to break at: a hard cut
        ("a" * 10 + "\n\n" + "b" * 140, 100),  # a break too early is not used
    ],
)
def test_window_break_points(text: str, end: int) -> None:
    assert window(text, 0, 100).end == end


def test_window_from_an_offset() -> None:
    text = "".join(f"{n:02d}.\n\n" for n in range(40))
    part = window(text, 10, 20)
    assert part.start == 10
    assert part.text.startswith("02.")
    assert text[10 : part.end].endswith("\n\n")


def test_cache_is_least_recently_used_with_a_lifetime() -> None:
    clock = FakeClock()
    cache = PageCache(3, 60.0, clock)
    for name in "abc":
        cache.put(_page(name))
    assert cache.get("a") is not None  # a is now the most recent
    cache.put(_page("d"))
    assert cache.get("b") is None
    assert [cache.get(n) is not None for n in "acd"] == [True, True, True]
    clock.now += 61
    assert cache.get("a") is None


def test_cache_keeps_a_page_under_both_urls() -> None:
    cache = PageCache(4, 60.0, FakeClock())
    page = _page("http://h/old", "http://h/new")
    cache.put(page)
    assert cache.get("http://h/old") is page
    assert cache.get("http://h/new") is page


def test_read_fetches_once_and_keys_by_checked_url(web: WebServer, browser: Browser) -> None:
    url = web.page("/article", web_server.article_page())
    first, cached = browser.read(url + "#section-2")
    assert isinstance(first, Page) and cached is False
    assert first.url == url
    again, cached = browser.read(url)
    assert again is first and cached is True
    assert len(web.seen("/article")) == 1


def test_moves_are_not_cached(web: WebServer, browser: Browser) -> None:
    url = web.redirect("/away", "https://elsewhere.example/page")
    for _ in range(2):
        moved, cached = browser.read(url)
        assert moved == Moved(url, "https://elsewhere.example/page", 302, moved.duration_ms)
        assert cached is False
    assert len(web.seen("/away")) == 2


def test_one_browser_serves_many_threads(web: WebServer, browser: Browser) -> None:
    for n in range(12):
        web.page(f"/p{n}", web_server.article_page().replace("Aldmere", f"Aldmere {n}"))
    failures: list[BaseException] = []

    def read(n: int) -> None:
        try:
            page, _ = browser.read(f"{web.url}/p{n}")
            assert isinstance(page, Page)
            assert f"Aldmere {n} light" in page.text
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=read, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_close_empties_the_cache(web: WebServer, clock: FakeClock) -> None:
    url = web.page("/article", web_server.article_page())
    browser = Browser(clock=clock)
    browser.read(url)
    browser.close()
    assert browser.pages.get(url) is None
