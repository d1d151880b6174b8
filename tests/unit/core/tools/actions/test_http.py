"""Building requests from operations: base URLs, parameter styles, bodies, coercion."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.tools.actions.http import (
    HttpRequest,
    base_url,
    build_request,
    coerce_wire_values,
)
from desktop.core.tools.actions.model import Body
from desktop.core.tools.transfer import host_of
from tests.helpers.action_server import get, operation, param

BASE = "https://api.example.com/v1/"


def url_for(name: str, location: str, schema: dict[str, Any], value: Any, **kw: Any) -> str:
    path = "/items/{" + name + "}" if location == "path" else "/items"
    op = get("op", path, param(name, location, schema, **kw))
    return build_request(op, BASE, {name: value}).url


def test_base_url_prefers_the_actions_server() -> None:
    op = get("x", "/x", servers=("https://doc.example.com",))
    assert base_url(op, "https://staging.example.com/api") == "https://staging.example.com/api"
    assert base_url(op) == "https://doc.example.com"


def test_base_url_refuses_what_it_cannot_call() -> None:
    with pytest.raises(errors.ToolError, match="Set the action's server") as caught:
        base_url(get("x", "/x"))
    assert caught.value.action == errors.UserAction("set_action_server")
    with pytest.raises(errors.ToolError, match="not an http"):
        base_url(get("x", "/x"), "ftp://files.example.com")
    relative = get("x", "/x", servers=("v2",))
    assert base_url(relative, source_url="https://h.example.com/a/spec.json") == (
        "https://h.example.com/a/v2"
    )


def test_host_of() -> None:
    assert host_of("https://API.Example.com.:8080/x") == "api.example.com"
    assert host_of("http://[::1]:80/") == "::1"


def test_path_styles() -> None:
    assert url_for("id", "path", {}, [1, 2]).endswith("/items/1,2")
    assert url_for("id", "path", {}, {"a": 1, "b": "x"}).endswith("/items/a,1,b,x")
    assert url_for("id", "path", {}, {"a": 1}, explode=True).endswith("/items/a%3D1")
    assert url_for("id", "path", {}, [1, 2], style="label").endswith("/items/.1,2")
    assert url_for("id", "path", {}, [1, 2], style="label", explode=True).endswith("/items/.1.2")
    assert url_for("id", "path", {}, 5, style="matrix").endswith("/items/;id=5")
    assert url_for("id", "path", {}, [1, 2], style="matrix", explode=True).endswith(
        "/items/;id=1;id=2"
    )
    assert url_for("id", "path", {}, True).endswith("/items/true")


def test_query_styles() -> None:
    q = "https://api.example.com/v1/items?"
    assert url_for("t", "query", {}, ["a", "b"]) == q + "t=a&t=b"
    assert url_for("t", "query", {}, ["a,b", "c"], explode=False) == q + "t=a%2Cb,c"
    assert url_for("t", "query", {}, ["a", "b"], style="pipeDelimited", explode=False) == (
        q + "t=a|b"
    )
    assert url_for("t", "query", {}, ["a", "b"], style="spaceDelimited", explode=False) == (
        q + "t=a%20b"
    )
    assert url_for("f", "query", {}, {"x": 1, "y": "z"}) == q + "x=1&y=z"
    assert url_for("f", "query", {}, {"x": 1}, explode=False) == q + "f=x,1"
    assert url_for("f", "query", {}, {"x": 1}, style="deepObject") == q + "f%5Bx%5D=1"
    assert url_for("q", "query", {}, "café & co") == q + "q=caf%C3%A9%20%26%20co"
    assert url_for("n", "query", {}, 1.5) == q + "n=1.5"


def test_headers_refuse_line_breaks_and_skip_reserved_names() -> None:
    op = get("h", "/h", param("X-Note", "header", {}), param("Accept", "header", {}))
    request = build_request(op, BASE, {"X-Note": ["a", "b"], "Accept": "text/html"})
    assert request.headers == (("X-Note", "a,b"),)
    with pytest.raises(errors.ToolError, match="line breaks"):
        build_request(op, BASE, {"X-Note": "a\r\nEvil: 1"})


def test_a_missing_path_value_is_a_tool_error() -> None:
    op = get("p", "/p/{id}", param("id", "path", {}, required=False))
    with pytest.raises(errors.ToolError, match="`id` is required"):
        build_request(op, BASE, {})


def test_bodies_by_content_type() -> None:
    def content(media: str, value: Any) -> bytes | None:
        op = operation("b", "POST", "/b", body=Body(media))
        return build_request(op, BASE, {"body": value}).content

    assert content("application/vnd.api+json", {"a": "é"}) == '{"a": "é"}'.encode()
    assert content("application/x-www-form-urlencoded", {"a": [1, 2], "b": True}) == (
        b"a=1&a=2&b=true"
    )
    assert content("application/octet-stream", "raw") == b"raw"
    with pytest.raises(errors.ToolError, match="give it as an object"):
        content("application/x-www-form-urlencoded", [1])
    with pytest.raises(errors.ToolError, match="cannot send"):
        content("multipart/mixed", {"f": "x"})
    op = operation("b", "POST", "/b", body=Body("application/json"))
    assert build_request(op, BASE, {}).content is None


def test_coercion_only_touches_parameters() -> None:
    op = get(
        "c",
        "/c/{id}",
        param("id", "path", {"type": "integer"}),
        param("ratio", "query", {"type": "number"}),
        param("flag", "query", {"type": "boolean"}),
        param("name", "query", {"type": "string"}),
        param("ids", "query", {"type": "array", "items": {"type": "integer"}}),
        param("opt", "query", {"type": "string"}),
        param("maybe", "query", {"type": ["string", "null"]}),
    )
    given = {
        "id": "12",
        "ratio": "0.5",
        "flag": "false",
        "name": 7,
        "ids": ["1", 2],
        "opt": None,
        "maybe": None,
        "extra": "1",
    }
    assert coerce_wire_values(op, given) == {
        "id": 12,
        "ratio": 0.5,
        "flag": False,
        "name": "7",
        "ids": [1, 2],
        "maybe": None,
        "extra": "1",
    }
    assert coerce_wire_values(op, {"id": "1.5", "ratio": "nan", "flag": "yes"}) == {
        "id": "1.5",
        "ratio": "nan",
        "flag": "yes",
    }


def test_with_query_and_header_helpers() -> None:
    request = HttpRequest("GET", "https://h/x#frag").with_query("k", "a b")
    assert request.url == "https://h/x?k=a%20b#frag"
    assert request.with_query("j", "1").url == "https://h/x?k=a%20b&j=1#frag"
    assert request.with_header("A", "1").with_header("a", "2").headers == (("a", "2"),)
    assert request.with_header("A", "1").header("a") == "1"


def test_multipart_forms_carry_text_fields() -> None:
    op = operation("m", "POST", "/m", body=Body("multipart/form-data"))
    form = {"note": "hi 你好", "tags": ["a", "b"], "meta": {"k": 1}}
    request = build_request(op, BASE, {"body": form})
    content_type = request.header("Content-Type") or ""
    assert content_type.startswith("multipart/form-data; boundary=capsule-")
    boundary = content_type.split("boundary=")[1]
    text = (request.content or b"").decode()
    assert text.count(f"--{boundary}\r\n") == 4
    assert text.endswith(f"--{boundary}--\r\n")
    assert 'name="note"\r\n\r\nhi 你好\r\n' in text
    assert 'name="meta"\r\nContent-Type: application/json\r\n\r\n{"k":1}' in text
