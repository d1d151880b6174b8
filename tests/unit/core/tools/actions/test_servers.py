"""Base URLs: server variables, relative servers, Swagger's host, basePath and schemes."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions.servers import absolute, server_urls, swagger_urls


def urls(
    servers: Any, source_url: str = "", strict: bool = True
) -> tuple[tuple[str, ...], list[str]]:
    warnings: list[str] = []
    found = server_urls(
        servers, "/servers", source_url=source_url, strict=strict, warnings=warnings
    )
    return found, warnings


def test_variables_are_filled_from_defaults() -> None:
    servers = [
        {
            "url": "https://{tenant}.example.com:{port}/{base}",
            "variables": {
                "tenant": {"default": "demo"},
                "port": {"enum": ["443", "8443"], "default": "8443"},
                "base": {"default": "v2"},
            },
        },
        {"url": "http://localhost:8080/"},
    ]
    assert urls(servers) == (("https://demo.example.com:8443/v2", "http://localhost:8080"), [])


def test_relative_servers_resolve_against_the_source_or_stay() -> None:
    servers = [{"url": "/v1"}, {"url": "api"}]
    assert urls(servers)[0] == ("/v1", "api")
    assert urls(servers, "https://h.example.com/docs/openapi.yaml")[0] == (
        "https://h.example.com/v1",
        "https://h.example.com/docs/api",
    )


def test_an_empty_enum_is_an_error_in_strict_documents() -> None:
    servers = [{"url": "https://{v}.example.com", "variables": {"v": {"enum": [], "default": "a"}}}]
    with pytest.raises(ActionDocumentError, match="empty `enum`") as caught:
        urls(servers)
    assert caught.value.pointer == "/servers/0/variables/v"
    found, warnings = urls(servers, strict=False)
    assert found == ("https://a.example.com",)
    assert "empty `enum`" in warnings[0]


def test_a_default_outside_the_enum_is_an_error_in_strict_documents() -> None:
    servers = [
        {"url": "https://{v}.example.com", "variables": {"v": {"enum": ["a"], "default": "b"}}}
    ]
    with pytest.raises(
        ActionDocumentError, match=r"default 'b' .* is not one of its `enum` values"
    ):
        urls(servers)


def test_a_missing_default_takes_the_first_value() -> None:
    servers = [{"url": "https://{v}.example.com", "variables": {"v": {"enum": ["x", "y"]}}}]
    found, warnings = urls(servers, strict=False)
    assert found == ("https://x.example.com",)
    assert "no default; its first value is used" in warnings[0]


def test_an_undefined_variable_drops_the_server() -> None:
    found, warnings = urls(
        [{"url": "https://{nope}.example.com"}, {"url": "https://ok.example.com"}]
    )
    assert found == ("https://ok.example.com",)
    assert "{nope}" in warnings[0]


def test_malformed_servers_are_warned_about() -> None:
    assert urls({"url": "x"})[1] == ["/servers is not a list of servers; it is ignored."]
    assert urls([{"description": "no url"}]) == (
        (),
        ["The server at /servers/0 has no `url`; it is ignored."],
    )
    assert urls(None) == ((), [])


def test_absolute() -> None:
    assert absolute("https://a.example.com/v1/", "") == "https://a.example.com/v1"
    assert absolute("/", "") == "/"
    assert (
        absolute("//cdn.example.com/x", "https://a.example.com/spec") == "https://cdn.example.com/x"
    )


@pytest.mark.parametrize(
    ("document", "operation", "source", "expected"),
    [
        ({"host": "api.example.com", "basePath": "/v1"}, {}, "", ("https://api.example.com/v1",)),
        (
            {"host": "api.example.com", "schemes": ["http", "https", "ws"]},
            {},
            "",
            ("https://api.example.com", "http://api.example.com"),
        ),
        (
            {"host": "api.example.com", "schemes": ["https"]},
            {"schemes": ["http"]},
            "",
            ("http://api.example.com",),
        ),
        (
            {"host": "api.example.com"},
            {},
            "http://docs.example.com/s.json",
            ("http://api.example.com",),
        ),
        (
            {"basePath": "/v2"},
            {},
            "https://docs.example.com/s.json",
            ("https://docs.example.com/v2",),
        ),
        ({"basePath": "/v2"}, {}, "", ("/v2",)),
        ({}, {}, "", ("/",)),
        (
            {"host": "https://api.example.com/", "basePath": "/"},
            {},
            "",
            ("https://api.example.com",),
        ),
    ],
)
def test_swagger_urls(
    document: dict[str, Any], operation: dict[str, Any], source: str, expected: tuple[str, ...]
) -> None:
    assert swagger_urls(document, operation, source) == expected
