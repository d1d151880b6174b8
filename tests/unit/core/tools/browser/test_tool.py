"""fetch_url and web_search as the engine sees them: specs, domains, outputs, records."""

from __future__ import annotations

import json
import re

import pytest

from desktop.core import errors
from desktop.core.gpt import WebBrowsingSettings
from desktop.core.secrets import Secrets
from desktop.core.tools.base import NetworkTool, network_domain
from desktop.core.tools.browser import Browser, FetchUrlTool, WebSearchTool, browsing_tools
from tests.helpers import web_server
from tests.helpers.web_server import WebServer
from tests.unit.core.tools.browser.conftest import HTML_PAGES, FakeClock, Sample, sample_params

CONTINUES = re.compile(
    r"\[Page continues: ([\d,]+) more characters\. Call fetch_url with start=(\d+) to read on\.\]"
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _record(result_record: dict[str, object]) -> dict[str, object]:
    section = result_record["web_browsing"]
    assert isinstance(section, dict)
    return section


# -- reading pages ------------------------------------------------------------------------


@pytest.mark.parametrize("sample", sample_params())
def test_title_and_main_text_without_boilerplate(
    sample: Sample, web: WebServer, browser: Browser
) -> None:
    url = web.page(f"/{sample.name}/", sample.body, "text/html")
    result = FetchUrlTool(browser).run({"url": url})
    record = _record(result.record)
    title = _flat(str(record["title"]))
    assert _flat(sample.title) in title
    head, _, text = result.output.partition("\n\n")
    assert head.startswith(f"Title: {title}\nURL: {url}")
    flat = _flat(text)
    for phrase in sample.present:
        assert _flat(phrase) in flat
    for phrase in sample.absent:
        assert phrase not in flat
    assert record["action"] == "fetch"
    assert record["url"] == record["final_url"] == url
    assert record["status"] == 200
    sources = record["sources"]
    assert isinstance(sources, list)
    assert sources[0] == {"url": url, "title": record["title"]}


@pytest.mark.parametrize(
    ("make", "encoding", "content_type", "sentence"),
    [
        # charset in a <meta> only
        (web_server.chinese_page, "gbk", "text/html", web_server.ZH_SENTENCE),
        (web_server.japanese_page, "shift_jis", "text/html", web_server.JA_SENTENCE),
        # charset in the header only
        (
            lambda: web_server.chinese_page(""),
            "gb18030",
            "text/html; charset=GBK",
            web_server.ZH_SENTENCE,
        ),
        (
            lambda: web_server.japanese_page(""),
            "cp932",
            "text/html; charset=Shift_JIS",
            web_server.JA_SENTENCE,
        ),
        # neither: charset-normalizer's guess
        (lambda: web_server.chinese_page(""), "gb18030", "text/html", web_server.ZH_SENTENCE),
    ],
    ids=["gbk-meta", "sjis-meta", "gbk-header", "sjis-header", "gbk-guessed"],
)
def test_cjk_pages_in_legacy_encodings_read_intact(
    make: object, encoding: str, content_type: str, sentence: str, web: WebServer, browser: Browser
) -> None:
    assert callable(make)
    body = str(make()).encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    url = web.page("/cjk", body, content_type)
    output = FetchUrlTool(browser).run({"url": url}).output
    assert sentence in output
    assert "\ufffd" not in output


@pytest.mark.parametrize(
    ("name", "encoding", "label", "sentence"),
    [
        ("gmw", "gbk", "gbk", "翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域"),
        ("hukumusume", "cp932", "shift_jis", "肉をくわえたイヌが、橋を渡っていました。"),
    ],
)
def test_shared_cjk_pages_reencoded_read_intact(
    name: str, encoding: str, label: str, sentence: str, web: WebServer, browser: Browser
) -> None:
    source = HTML_PAGES / name / "source.html"
    if not source.exists():
        pytest.skip("../shared/data is not here")
    text = source.read_text(encoding="utf-8").replace("charset=utf-8", f"charset={label}")
    url = web.page(f"/{name}", text.encode(encoding), "text/html")
    output = FetchUrlTool(browser).run({"url": url}).output
    assert sentence in output
    assert "\ufffd" not in output


def test_same_host_redirect_gives_the_final_url(web: WebServer, browser: Browser) -> None:
    final = web.page("/articles/lighthouse", web_server.article_page())
    start = web.redirect("/old", "/moved")
    web.redirect("/moved", "/articles/lighthouse", 301)
    result = FetchUrlTool(browser).run({"url": start})
    assert f"URL: {final}\n(Redirected from {start})" in result.output
    record = _record(result.record)
    assert record["final_url"] == final
    assert record["url"] == start
    assert result.details["redirects"] == [f"{web.url}/moved", final]


def test_cross_host_redirect_is_reported_not_followed(web: WebServer, browser: Browser) -> None:
    elsewhere = f"http://localhost:{web.url.rsplit(':', 1)[1]}/elsewhere?x=1"
    url = web.redirect("/away", elsewhere, 301)
    tool = FetchUrlTool(browser)
    result = tool.run({"url": url})
    assert elsewhere in result.output
    assert "call fetch_url with that URL" in result.output
    assert "localhost" in result.output
    assert web.seen("/elsewhere") == []
    record = _record(result.record)
    assert record["redirected_to"] == elsewhere
    assert record["status"] == 301
    assert record["sources"] == [{"url": elsewhere, "title": "localhost"}]
    # Reading it is a new call, so the engine asks about the new host first.
    assert tool.domain({"url": elsewhere}) == "localhost"


def test_long_page_is_cut_at_a_paragraph_and_read_on_from_the_cache(
    web: WebServer, browser: Browser
) -> None:
    url = web.page("/long", web_server.long_page(60))
    tool = FetchUrlTool(browser)
    first = tool.run({"url": url})
    found = CONTINUES.search(first.output)
    assert found is not None
    start = int(found.group(2))
    record = _record(first.record)
    assert record["truncated"] is True
    assert record["end"] == start
    total = record["chars"]
    assert isinstance(total, int)
    assert int(found.group(1).replace(",", "")) == total - start
    assert 6_000 < start <= 12_000
    body = first.output.split("\n\n", 1)[1].rsplit("\n\n[Page continues", 1)[0]
    assert body.rstrip().endswith("go on in parts.")  # a whole paragraph, not a cut word

    second = tool.run({"url": url, "start": start})
    assert second.output.split("\n\n", 1)[1].startswith("Paragraph")
    assert "Paragraph 060" in second.output
    assert "Page continues" not in second.output
    assert f"[Characters {start:,} to {total:,} of {total:,}.]" in second.output
    again = _record(second.record)
    assert again["cached"] is True
    assert again["start"] == start
    assert again["truncated"] is False
    assert len(web.seen("/long")) == 1


def test_the_cache_expires(web: WebServer, browser: Browser, clock: FakeClock) -> None:
    url = web.page("/article", web_server.article_page())
    tool = FetchUrlTool(browser)
    tool.run({"url": url})
    clock.now += 599
    assert _record(tool.run({"url": url}).record)["cached"] is True
    clock.now += 2
    assert _record(tool.run({"url": url}).record)["cached"] is False
    assert len(web.seen("/article")) == 2


def test_start_past_the_end_is_an_error(web: WebServer, browser: Browser) -> None:
    url = web.page("/article", web_server.article_page())
    with pytest.raises(errors.ToolError, match="past the end of the page"):
        FetchUrlTool(browser).run({"url": url, "start": 1_000_000})


@pytest.mark.parametrize("start", [-1, "ten", 1.5, True])
def test_a_bad_start_is_refused(start: object, web: WebServer, browser: Browser) -> None:
    url = web.page("/article", web_server.article_page())
    with pytest.raises(errors.ToolError, match="`start` must be"):
        FetchUrlTool(browser).run({"url": url, "start": start})
    assert web.seen("/article") == []


def test_plain_text_and_json_are_returned_as_text(web: WebServer, browser: Browser) -> None:
    tool = FetchUrlTool(browser)
    text = tool.run({"url": web.page("/notes.txt", "hello, 世界\nline two", "text/plain")})
    assert "hello, 世界\nline two" in text.output
    data = tool.run({"url": web.json("/data.json", {"name": "Aldmere", "year": 1987})})
    assert '"name": "Aldmere",\n  "year": 1987' in data.output


def test_a_page_without_text_says_so(web: WebServer, browser: Browser) -> None:
    body = "<html><head><title>App</title></head><body><div id='root'></div></body></html>"
    result = FetchUrlTool(browser).run({"url": web.page("/app", body)})
    assert "Title: App" in result.output
    assert "no readable text; it may need JavaScript" in result.output
    assert _record(result.record)["chars"] == 0


def test_links_in_the_text_shown_are_sources(web: WebServer, browser: Browser) -> None:
    url = web.page("/article", web_server.article_page())
    result = FetchUrlTool(browser).run({"url": url})
    sources = _record(result.record)["sources"]
    assert sources == [
        {"url": url, "title": web_server.ARTICLE_TITLE},
        {"url": "https://trust.example/aldmere", "title": "the trust"},
    ]
    assert result.output.endswith(f"Cite this page as [{web_server.ARTICLE_TITLE}]({url}).")


def test_the_request_names_the_app_and_asks_for_html(web: WebServer, browser: Browser) -> None:
    FetchUrlTool(browser).run({"url": web.page("/article", web_server.article_page())})
    (seen,) = web.seen("/article")
    assert "CapsuleStudio/" in seen.headers["user-agent"]
    assert seen.headers["accept"].startswith("text/html")
    assert "cookie" not in seen.headers


# -- failures -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "404 Not Found: there is no page at this address"),
        (410, "there is no page at this address"),
        (403, "refuses to show this page"),
        (429, "limiting requests"),
        (500, "500 Internal Server Error: the site has a problem right now"),
        (503, "Try again later"),
    ],
)
def test_error_statuses_are_readable_errors(
    status: int, message: str, web: WebServer, browser: Browser
) -> None:
    url = web.page("/page", "<html><body>oops</body></html>", status=status)
    with pytest.raises(errors.ToolError, match=message):
        FetchUrlTool(browser).run({"url": url})


def test_an_unknown_page_is_a_404(web: WebServer, browser: Browser) -> None:
    with pytest.raises(errors.ToolError, match="404"):
        FetchUrlTool(browser).run({"url": f"{web.url}/nowhere"})


def test_a_slow_page_times_out(web: WebServer, browser: Browser) -> None:
    with pytest.raises(errors.ToolError, match=r"did not answer in full within 1\.5 s"):
        FetchUrlTool(browser).run({"url": f"{web.url}/slow?seconds=5"})


@pytest.mark.parametrize("chunked", ["0", "1"])
def test_a_page_over_the_size_cap_is_refused(
    chunked: str, web: WebServer, browser: Browser
) -> None:
    with pytest.raises(errors.ToolError, match="larger than 1 MB"):
        FetchUrlTool(browser).run({"url": f"{web.url}/huge?bytes=2000000&chunked={chunked}"})


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"%PDF-1.7\n" + b"0" * 3000, "application/pdf", r"is a PDF document \(2\.9 KB\)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png", r"an image file \(image/png\)"),
        (b"%PDF-1.4\n" + b"1" * 100, "application/octet-stream", "is a PDF document"),
        (b"PK\x03\x04" + b"\x00" * 50, "", "a ZIP archive"),
    ],
    ids=["pdf", "png", "pdf-as-octet-stream", "zip-unlabelled"],
)
def test_binary_answers_are_described_not_read(
    body: bytes, content_type: str, message: str, web: WebServer, browser: Browser
) -> None:
    url = web.page("/file", body, content_type)
    with pytest.raises(errors.ToolError, match=message) as caught:
        FetchUrlTool(browser).run({"url": url})
    assert "fetch_url reads only web pages" in str(caught.value)


def test_a_closed_port_is_a_connection_error(browser: Browser) -> None:
    with WebServer() as gone:
        url = gone.url + "/page"
    with pytest.raises(errors.ToolError, match=r"Could not connect to 127\.0\.0\.1"):
        FetchUrlTool(browser).run({"url": url})


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/file", "only http:// and https://"),
        ("javascript:alert(1)", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("not a url", "only http:// and https://"),
        ("https://user:secret@example.com/", "user name or password"),
        ("http://", "no valid host name"),
        ("http://example.com:99999/", "invalid port"),
        ("", "must be a web address"),
        (None, "must be a web address"),
        (42, "must be a web address"),
    ],
)
def test_bad_urls_are_refused_by_domain_and_run(
    url: object, message: str, browser: Browser
) -> None:
    tool = FetchUrlTool(browser)
    with pytest.raises(errors.ToolError, match=message):
        tool.domain({"url": url})
    with pytest.raises(errors.ToolError, match=message):
        tool.run({"url": url})


# -- consent and the toolbox --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://News.Example.COM/a?b=1#top", "news.example.com"),
        ("http://127.0.0.1:8080/x", "127.0.0.1"),
        ("example.org/path", "example.org"),
        ("https://[::1]:8443/", "::1"),
        ("https://example.com./", "example.com"),
    ],
)
def test_fetch_domain_is_the_host_in_lower_case(url: str, host: str, browser: Browser) -> None:
    tool = FetchUrlTool(browser)
    assert isinstance(tool, NetworkTool)
    assert network_domain(tool, {"url": url}) == host


def test_search_domain_is_the_providers_host(browser: Browser, secrets: Secrets) -> None:
    def domain(provider: str, search_url: str = "") -> str:
        settings = WebBrowsingSettings.model_validate(
            {"enabled": True, "search_provider": provider, "search_url": search_url}
        )
        tool = browsing_tools(settings, browser, secrets)[-1]
        assert isinstance(tool, WebSearchTool)
        return tool.domain({"query": "anything"})

    assert domain("brave") == "api.search.brave.com"
    assert domain("tavily") == "api.tavily.com"
    assert domain("searxng", "https://Search.Example.net/searx") == "search.example.net"
    assert domain("brave", "http://127.0.0.1:9/") == "127.0.0.1"


def _names(settings: WebBrowsingSettings, browser: Browser, secrets: Secrets) -> list[str]:
    return [tool.spec.name for tool in browsing_tools(settings, browser, secrets)]


def test_browsing_tools_follow_the_settings(browser: Browser, secrets: Secrets) -> None:
    def names(**fields: object) -> list[str]:
        return _names(WebBrowsingSettings.model_validate(fields), browser, secrets)

    assert names() == []
    assert names(search_provider="brave") == []
    assert names(enabled=True) == ["fetch_url"]
    assert names(enabled=True, search_provider="searxng") == ["fetch_url"]
    assert names(enabled=True, search_provider="searxng", search_url="http://s.example") == [
        "fetch_url",
        "web_search",
    ]
    assert names(enabled=True, search_provider="brave") == ["fetch_url", "web_search"]
    assert names(enabled=True, search_provider="tavily") == ["fetch_url", "web_search"]


def test_tool_specs_are_valid_openai_tools(browser: Browser, secrets: Secrets) -> None:
    settings = WebBrowsingSettings(enabled=True, search_provider="brave", max_results=7)
    fetch, search = browsing_tools(settings, browser, secrets)
    assert fetch.external is False and search.external is False
    spec = search.spec.to_openai()
    json.dumps(spec)
    assert spec["function"]["parameters"]["properties"]["count"]["maximum"] == 7
    assert spec["function"]["parameters"]["required"] == ["query"]
    assert fetch.spec.parameters["required"] == ["url"]
    assert "12,000 characters" in fetch.spec.description
