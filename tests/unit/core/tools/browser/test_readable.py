"""Answers as text: charsets, media types, HTML main text and its fallback, titles."""

from __future__ import annotations

import codecs

import charset_normalizer
import pytest
import trafilatura

from desktop.core import errors
from desktop.core.tools.browser import readable as module
from desktop.core.tools.browser.readable import clean, decode, describe, readable, size_text, sniff
from tests.helpers import web_server

URL = "https://news.example/articles/1"


@pytest.mark.parametrize(
    ("body", "charset", "html", "expected"),
    [
        (codecs.BOM_UTF8 + "café".encode(), "latin-1", False, "café"),  # a BOM beats the header
        (codecs.BOM_UTF16_LE + "日本".encode("utf-16-le"), None, False, "日本"),
        ("café".encode("cp1252"), "iso-8859-1", False, "café"),
        ("€".encode("cp1252"), "iso-8859-1", False, "€"),  # latin-1 read as windows-1252
        # Bytes any guess would read as Latin: only the declared charset gives Greek.
        (b"<p>\xe1\xe2\xe3</p>", "iso-8859-7", False, "\u03b1\u03b2\u03b3"),
        (b'<meta charset="iso-8859-7"><p>\xe1\xe2\xe3</p>', None, True, "\u03b1\u03b2\u03b3"),
        (
            b"<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-7'>\xe1",
            None,
            True,
            "\u03b1",
        ),
        ('<meta charset="gbk"><p>中文</p>'.encode("gbk"), None, True, "中文"),
        ('<meta charset="gbk"><p>中文</p>'.encode("gbk"), "gb2312", True, "中文"),
        ("<p>日本語</p>".encode(), "utf-16", False, "日本語"),  # a UTF-16 label on ASCII-safe bytes
        ("<p>日本語</p>".encode(), "no-such-charset", False, "日本語"),
        (b"line one\r\nline two\x00", None, False, "line one\nline two"),
    ],
)
def test_decode(body: bytes, charset: str | None, html: bool, expected: str) -> None:
    assert expected in decode(body, charset, html=html)


def test_decode_guesses_a_legacy_encoding() -> None:
    text = web_server.chinese_page("")
    assert web_server.ZH_SENTENCE in decode(text.encode("gb18030"), None, html=True)


def test_meta_charset_is_ignored_outside_html() -> None:
    body = '<meta charset="gbk"> café'.encode()
    assert decode(body, None, html=False).endswith("café")


def test_clean_collapses_blank_lines_and_trailing_space() -> None:
    assert clean("a  \n\n\n\n b\t\n") == "a\n\n b"


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (b"%PDF-1.7 ...", "application/pdf"),
        (b"\x89PNG\r\n", "image/png"),
        (b"  <!DOCTYPE html><html>", "text/html"),
        (b"<div>x</div><html>", "text/html"),
        (b'{"a": 1}', "application/json"),
        (b"just words", "text/plain"),
        (b"\x00\x01\x02binary", "application/octet-stream"),
    ],
)
def test_sniff(body: bytes, media: str) -> None:
    assert sniff(body) == media


def test_describe_and_size() -> None:
    assert describe("application/pdf") == "a PDF document"
    assert describe("video/mp4") == "a video file (video/mp4)"
    assert describe("application/x-thing") == "a file of type application/x-thing"
    assert size_text(10) == "10 bytes"
    assert size_text(2048) == "2.0 KB"
    assert size_text(3 * 1024 * 1024) == "3.0 MB"


def test_json_is_pretty_and_bad_json_is_kept_as_text() -> None:
    good = readable(b'{"a":[1,2]}', "application/problem+json", None, URL)
    assert good.kind == "json"
    assert good.text == '{\n  "a": [\n    1,\n    2\n  ]\n}'
    bad = readable(b'{"a": oops', "application/json", None, URL)
    assert bad.kind == "text"
    assert bad.text == '{"a": oops'


def test_text_that_is_binary_is_refused() -> None:
    with pytest.raises(errors.ToolError, match="holds binary data"):
        readable(bytes(range(1, 32)) * 4, "text/plain", None, URL)


def test_xml_and_other_text_types_are_text() -> None:
    feed = readable(b"<rss><item>news</item></rss>", "application/rss+xml", None, URL)
    assert feed.text == "<rss><item>news</item></rss>"
    assert readable(b"a,b\n1,2", "text/csv", None, URL).text == "a,b\n1,2"


def test_html_keeps_structure_and_resolves_links() -> None:
    page = readable(web_server.article_page().encode(), "text/html", None, URL)
    assert page.kind == "html"
    assert page.title == web_server.ARTICLE_TITLE
    assert f"# {web_server.ARTICLE_TITLE}" in page.text
    assert "## Why they came back" in page.text
    assert "- Clearing the path to the cliff" in page.text
    assert "[the trust](https://trust.example/aldmere)" in page.text


def test_html_fragment_is_read() -> None:
    page = readable(b"<p>Just a fragment of text, saved on its own.</p>", "text/html", None, URL)
    assert page.text == "Just a fragment of text, saved on its own."


def test_without_a_main_article_all_visible_text_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    body = b"""<html><head><title>Menu</title><style>p{}</style></head><body>
    <script>var hidden = 1;</script><div><a href="/a">Home</a> <a href="/b">About us</a></div>
    </body></html>"""
    page = readable(body, "text/html", None, URL)
    assert page.title == "Menu"
    assert "Home" in page.text and "About us" in page.text
    assert "hidden" not in page.text


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        (
            '<meta property="og:title" content="  Social   title "><title>Tab</title>',
            "",
            "Social title",
        ),
        ("<title>\n  Tab\n  title </title>", "<h1>Heading</h1>", "Tab title"),
        ("", "<h1>Only a <em>heading</em></h1>", "Only a heading"),
        ("<title>" + "t" * 400 + "</title>", "", "t" * 299 + "…"),
    ],
)
def test_titles(head: str, body: str, title: str) -> None:
    html = f"<html><head>{head}</head><body>{body}<p>{'Some text. ' * 30}</p></body></html>"
    assert readable(html.encode(), "text/html", None, URL).title == title


def test_very_long_text_is_clipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "MAX_TEXT_CHARS", 1000)
    body = ("word " * 30 + "\n") * 100
    page = readable(body.encode(), "text/plain", None, URL)
    assert page.clipped is True
    assert 500 < len(page.text) <= 1000
    assert page.text.endswith("word")


def test_a_declared_charset_needs_no_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_guessing(*args: object, **kwargs: object) -> None:
        raise AssertionError("charset-normalizer was asked although the page said its charset")

    monkeypatch.setattr(charset_normalizer, "from_bytes", no_guessing)
    meta = '<meta charset="gbk"><p>中文</p>'.encode("gbk")
    assert "中文" in decode(meta, None, html=True)
    assert "中文" in decode("<p>中文</p>".encode("gbk"), "gbk", html=False)
    with pytest.raises(AssertionError, match="was asked"):
        decode("<p>中文</p>".encode("gbk"), None, html=True)
