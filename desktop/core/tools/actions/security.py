"""A document's security schemes and the ones each operation asks for.

Thread: any, within one parse.
"""

from __future__ import annotations

from typing import Any

from desktop.core.errors import ActionDocumentError, said
from desktop.core.tools.actions.model import SecurityScheme
from desktop.core.tools.actions.refs import Refs, child


def security_schemes(
    refs: Refs, data: dict[str, Any], *, swagger: bool, warnings: list[str]
) -> tuple[SecurityScheme, ...]:
    """Swagger's `securityDefinitions` or OpenAPI 3's `components.securitySchemes`."""
    if swagger:
        raw, at = data.get("securityDefinitions"), "/securityDefinitions"
    else:
        components = data.get("components")
        raw = components.get("securitySchemes") if isinstance(components, dict) else None
        at = "/components/securitySchemes"
    if not isinstance(raw, dict):
        return ()
    schemes: list[SecurityScheme] = []
    for name, node in raw.items():
        try:
            scheme, _ = refs.follow(node, child(at, name))
        except ActionDocumentError as exc:
            warnings.append(f"{exc.message} The security scheme is ignored.")
            continue
        if not isinstance(scheme, dict) or not isinstance(scheme.get("type"), str):
            warnings.append(
                said(
                    "The security scheme at {at} has no `type`; it is ignored.",
                    at=child(at, name),
                )
            )
            continue
        schemes.append(_scheme(str(name), scheme, swagger=swagger))
    return tuple(schemes)


def operation_security(
    op: dict[str, Any],
    data: dict[str, Any],
    known: frozenset[str],
    label: str,
    warnings: list[str],
) -> tuple[str, ...]:
    """The scheme names of the operation's `security` (else the document's), in order.

    Alternatives and combinations are flattened into one list: the action's auth setting
    decides which one is used. `security: []` means none.
    """
    requirements = op["security"] if "security" in op else data.get("security")
    if not isinstance(requirements, list):
        return ()
    names: list[str] = []
    for requirement in requirements:
        if not isinstance(requirement, dict):
            continue
        for name in requirement:
            if name in known:
                names.append(str(name))
            else:
                warnings.append(
                    said(
                        "{label}: it asks for the security scheme '{name}', which the document "
                        "does not define; it is ignored.",
                        label=label,
                        name=name,
                    )
                )
    return tuple(dict.fromkeys(names))


def _scheme(name: str, node: dict[str, Any], *, swagger: bool) -> SecurityScheme:
    kind = node["type"]
    if kind == "basic":  # Swagger 2.0
        return SecurityScheme(name, "http", scheme="basic")
    if kind == "apiKey":
        return SecurityScheme(
            name, kind, location=_text(node.get("in")), parameter_name=_text(node.get("name"))
        )
    if kind == "http":
        return SecurityScheme(name, kind, scheme=_text(node.get("scheme")).lower())
    if kind == "oauth2":
        if swagger:
            flows = {"clientCredentials" if node.get("flow") == "application" else "other": node}
        else:
            written = node.get("flows")
            flows = written if isinstance(written, dict) else {}
        client = flows.get("clientCredentials")
        token_url = _text(client.get("tokenUrl")) if isinstance(client, dict) else ""
        scopes: dict[str, None] = {}
        for flow in flows.values():
            if isinstance(flow, dict) and isinstance(flow.get("scopes"), dict):
                scopes.update(dict.fromkeys(str(scope) for scope in flow["scopes"]))
        return SecurityScheme(name, kind, token_url=token_url, scopes=tuple(scopes))
    return SecurityScheme(name, kind)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
