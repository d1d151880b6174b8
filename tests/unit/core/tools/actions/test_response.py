"""What the model reads from a response: JSON, text, summaries, errors, truncation."""

from __future__ import annotations

import json

from desktop.core.tools.actions.http import HttpResponse
from desktop.core.tools.actions.response import render, truncate


def response(
    body: bytes, content_type: str = "application/json", status: int = 200, reason: str = "OK"
) -> HttpResponse:
    return HttpResponse(status, reason, content_type, None, body, "https://h/x", 1)


def test_json_is_compact_and_keeps_non_ascii() -> None:
    rendered = render(response('{ "a" : [1, 2], "名": "值" }'.encode()), 100)
    assert rendered.text == '{"a":[1,2],"名":"值"}'
    assert rendered.truncated is False


def test_json_that_does_not_parse_is_shown_as_text() -> None:
    assert render(response(b"not json"), 100).text == "not json"


def test_unlabelled_bodies_are_sniffed() -> None:
    assert render(response(b'{"a":1}', ""), 100).text == '{"a":1}'
    assert render(response(b"plain words", ""), 100).text == "plain words"
    assert (
        render(response(b"\x00\x01\xff", ""), 100).text == "binary response: unknown type, 3 bytes"
    )


def test_text_uses_the_charset() -> None:
    latin = HttpResponse(200, "OK", "text/plain", "latin-1", "café".encode("latin-1"), "u", 1)
    assert render(latin, 100).text == "café"
    assert render(response(b"<a/>", "application/atom+xml"), 100).text == "<a/>"


def test_binary_and_empty_answers_are_summaries() -> None:
    assert render(response(b"x" * 12345, "application/pdf"), 100).text == (
        "binary response: application/pdf, 12,345 bytes"
    )
    assert render(response(b"", "", 204, "No Content"), 100).text == (
        "empty response (204 No Content)"
    )


def test_errors_are_structured() -> None:
    rendered = render(response(b'{"message":"gone"}', status=410, reason="Gone"), 1000)
    assert json.loads(rendered.text) == {
        "error": {"status": 410, "reason": "Gone", "body": {"message": "gone"}}
    }
    text = render(response(b"<h1>oops</h1>", "text/html", 502, "Bad Gateway"), 1000).text
    assert json.loads(text)["error"]["body"] == "<h1>oops</h1>"


def test_a_long_error_body_is_cut_inside_valid_json() -> None:
    rendered = render(response(b"e" * 5000, "text/plain", 500, "Internal Server Error"), 600)
    error = json.loads(rendered.text)["error"]
    assert error["status"] == 500
    assert "[truncated: showing the first" in error["body"]
    assert rendered.truncated is True
    assert rendered.full_chars > 5000
    assert len(rendered.text) < 700


def test_masking_happens_before_the_cut() -> None:
    rendered = render(
        response(b"token=SECRET123 " * 3, "text/plain"),
        30,
        lambda t: t.replace("SECRET123", "****"),
    )
    assert "SECRET" not in rendered.text
    assert rendered.full_chars == len("token=**** " * 3)


def test_truncate_notes_what_was_cut() -> None:
    assert truncate("abc", 3).text == "abc"
    cut = truncate("abcdef", 3)
    assert cut.text == "abc\n[truncated: showing the first 3 of 6 characters]"
    assert (cut.full_chars, cut.truncated) == (6, True)
