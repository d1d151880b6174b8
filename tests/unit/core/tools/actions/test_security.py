"""Security schemes of both versions, and the ones each operation asks for."""

from __future__ import annotations

from typing import Any

from desktop.core.tools.actions.model import SecurityScheme
from desktop.core.tools.actions.refs import Refs
from desktop.core.tools.actions.security import operation_security, security_schemes


def schemes(
    data: dict[str, Any], swagger: bool = False
) -> tuple[tuple[SecurityScheme, ...], list[str]]:
    warnings: list[str] = []
    return security_schemes(Refs(data), data, swagger=swagger, warnings=warnings), warnings


def test_openapi_schemes() -> None:
    data = {
        "components": {
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "query", "name": "api_key"},
                "mtls": {"type": "mutualTLS"},
                "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://x/.well-known"},
                "ref": {"$ref": "#/components/securitySchemes/key"},
                "broken": {"description": "no type"},
            }
        }
    }
    found, warnings = schemes(data)
    assert found == (
        SecurityScheme("key", "apiKey", location="query", parameter_name="api_key"),
        SecurityScheme("mtls", "mutualTLS"),
        SecurityScheme("oidc", "openIdConnect"),
        SecurityScheme("ref", "apiKey", location="query", parameter_name="api_key"),
    )
    assert warnings == [
        "The security scheme at /components/securitySchemes/broken has no `type`; it is ignored."
    ]


def test_swagger_oauth_flows_other_than_application_have_no_token_url() -> None:
    data = {
        "securityDefinitions": {
            "o": {
                "type": "oauth2",
                "flow": "implicit",
                "tokenUrl": "https://t",
                "scopes": {"a": ""},
            }
        }
    }
    found, _ = schemes(data, swagger=True)
    assert found == (SecurityScheme("o", "oauth2", scopes=("a",)),)


def test_no_schemes() -> None:
    assert schemes({}) == ((), [])
    assert schemes({"components": []}) == ((), [])


def test_operation_security_overrides_the_document() -> None:
    known = frozenset({"a", "b"})
    data = {"security": [{"a": []}]}
    warnings: list[str] = []
    assert operation_security({}, data, known, "GET /", warnings) == ("a",)
    assert operation_security({"security": []}, data, known, "GET /", warnings) == ()
    assert operation_security(
        {"security": [{"b": [], "a": []}, {"a": []}]}, data, known, "GET /", warnings
    ) == ("b", "a")
    assert operation_security({"security": [{"c": []}]}, data, known, "GET /", warnings) == ()
    assert warnings == [
        "GET /: it asks for the security scheme 'c', which the document does not define; "
        "it is ignored."
    ]
