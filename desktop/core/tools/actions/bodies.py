"""An operation's request body: which media type to send and the schema of the `body` argument.

Thread: any, within one parse.

JSON is preferred (`application/json`, then any `…/…+json`), then a URL-encoded form, a
multipart form without files, plain text, and finally a wildcard (`*/*`), sent as JSON.
Anything else (files, octet streams, XML) cannot be written by a model as an argument: the
operation is then offered without its body and a warning says so.
"""

from __future__ import annotations

from typing import Any

from desktop.core.errors import said
from desktop.core.tools.actions.model import Body
from desktop.core.tools.actions.params import Declared, form_schema
from desktop.core.tools.actions.refs import Refs, child
from desktop.core.tools.actions.schemas import Schemas

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
TEXT = "text/plain"


def oas3_body(
    refs: Refs, schemas: Schemas, node: Any, at: str, *, label: str, warnings: list[str]
) -> Body | None:
    """The `requestBody` at pointer `at`, or None when there is none that can be sent."""
    if node is None:
        return None
    body, body_at = refs.follow(node, at)
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(body, dict) or not isinstance(content, dict) or not content:
        warnings.append(
            said(
                "{label}: the request body at {at} has no `content`; it is left out.",
                label=label,
                at=at,
            )
        )
        return None
    chosen = _choose([str(media) for media in content])
    if chosen is None:
        _unsendable(label, list(content), warnings)
        return None
    media, send_as = chosen
    entry = content[media] if isinstance(content[media], dict) else {}
    if "schema" in entry:
        schema = schemas.convert(entry["schema"], child(body_at, "content", media, "schema"))
    else:
        schema = {"type": "string"} if send_as == TEXT else {}
    if send_as == MULTIPART and _has_files(schema):
        _unsendable(label, list(content), warnings, files=True)
        return None
    return Body(
        content_type=send_as,
        required=body.get("required") is True,
        schema=_described(schema, body.get("description")),
    )


def swagger_body(
    schemas: Schemas,
    body_param: Declared | None,
    form_params: list[Declared],
    consumes: list[str],
    *,
    label: str,
    warnings: list[str],
) -> Body | None:
    """Swagger 2.0: the `in: body` parameter, else the `in: formData` ones, as a body."""
    if body_param is not None:
        if form_params:
            warnings.append(
                said(
                    "{label}: it has both a body and form parameters; the form is left out.",
                    label=label,
                )
            )
        chosen = _choose(consumes or [JSON])
        if chosen is None:
            _unsendable(label, consumes, warnings)
            return None
        raw = body_param.node.get("schema", {})
        schema = schemas.convert(raw, child(body_param.at, "schema"))
        return Body(
            content_type=chosen[1],
            required=body_param.node.get("required") is True,
            schema=_described(schema, body_param.node.get("description")),
        )
    if not form_params:
        return None
    if any(param.node.get("type") == "file" for param in form_params):
        _unsendable(label, [MULTIPART], warnings, files=True)
        return None
    forms = [media for media in (FORM, MULTIPART) if not consumes or media in consumes]
    if not forms:
        _unsendable(label, consumes, warnings)
        return None
    schema = form_schema(schemas, form_params)
    return Body(content_type=forms[0], required="required" in schema, schema=schema)


def _choose(media_types: list[str]) -> tuple[str, str] | None:
    """The media type to use, as written, and the content type to send it as."""
    plain = {media: media.split(";", 1)[0].strip().lower() for media in media_types}
    ranked = (
        lambda kind: kind == JSON,
        lambda kind: kind.endswith(("+json", "/json")),
        lambda kind: kind == FORM,
        lambda kind: kind == MULTIPART,
        lambda kind: kind == TEXT,
        lambda kind: kind in {"*/*", "application/*"},
    )
    for matches in ranked:
        for media, kind in plain.items():
            if matches(kind):
                return media, JSON if "*" in kind else kind
    return None


def _has_files(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    properties = schema.get("properties")
    fields = list(properties.values()) if isinstance(properties, dict) else []
    fields += [field.get("items") for field in fields if isinstance(field, dict)]
    return any(
        isinstance(field, dict) and (field.get("format") == "binary" or "contentMediaType" in field)
        for field in fields
    )


def _unsendable(
    label: str, media_types: list[str], warnings: list[str], *, files: bool = False
) -> None:
    """Says why the operation goes without its body."""
    if files:
        warning = said(
            "{label}: its request body uploads files, which an assistant cannot send; the "
            "operation is offered without the body.",
            label=label,
        )
    elif ", ".join(media_types):
        warning = said(
            "{label}: its request body takes {types}, which an assistant cannot send; the "
            "operation is offered without the body.",
            label=label,
            types=", ".join(media_types),
        )
    else:
        warning = said(
            "{label}: its request body takes no known type, which an assistant cannot send; "
            "the operation is offered without the body.",
            label=label,
        )
    warnings.append(warning)


def _described(schema: Any, description: Any) -> Any:
    if not isinstance(description, str) or not description.strip():
        return schema
    if isinstance(schema, dict) and "description" not in schema:
        return {**schema, "description": description.strip()}
    return schema
