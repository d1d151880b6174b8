"""An operation's parameters: path-level and operation-level merged, checked, converted.

Thread: any, within one parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.core.errors import said
from desktop.core.tools.actions.model import Location, Parameter
from desktop.core.tools.actions.refs import Refs, child
from desktop.core.tools.actions.schemas import Schemas

LOCATIONS: tuple[Location, ...] = ("path", "query", "header", "cookie")
SWAGGER_BODY_LOCATIONS = ("body", "formData")
# OpenAPI 3 says these header parameters are ignored: the HTTP client and auth set them.
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
# What an undeclared placeholder must look like to be offered as a parameter.
_PARAMETER_NAME = re.compile(r"^[\w.$\[\]-]{1,100}$")
# Swagger 2.0 writes the schema of a non-body parameter on the parameter itself.
_SWAGGER_SCHEMA_KEYS = frozenset(
    {
        "type",
        "format",
        "items",
        "enum",
        "default",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "multipleOf",
        "x-nullable",
    }
)
# Swagger's collectionFormat as OpenAPI 3's style and explode (csv is Swagger's default).
_COLLECTION_FORMATS = {
    "csv": (None, False),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "multi": ("form", True),
}


class SkipOperation(Exception):
    """An operation that cannot be offered; the message says why, `pointer` says where."""

    def __init__(self, message: str, pointer: str) -> None:
        super().__init__(message)
        self.pointer = pointer


@dataclass(frozen=True)
class Declared:
    """A parameter as written (after `$ref`s), with where it was written."""

    name: str
    location: str
    node: dict[str, Any]
    at: str


def declared(
    refs: Refs,
    lists: list[tuple[Any, str]],
    *,
    swagger: bool,
    label: str,
    warnings: list[str],
) -> list[Declared]:
    """The parameters of `lists` (path level first), a later level replacing an earlier one.

    Parameters are the same when name (case-insensitive for headers) and location are.
    """
    merged: dict[tuple[str, str], Declared] = {}
    locations = LOCATIONS + SWAGGER_BODY_LOCATIONS if swagger else LOCATIONS
    for node, at in lists:
        if node is None:
            continue
        if not isinstance(node, list):
            warnings.append(
                said(
                    "{label}: {at} is not a list of parameters; it is ignored.", label=label, at=at
                )
            )
            continue
        level: dict[tuple[str, str], Declared] = {}
        for index, item in enumerate(node):
            param, param_at = refs.follow(item, child(at, index))
            name = param.get("name") if isinstance(param, dict) else None
            location = param.get("in") if isinstance(param, dict) else None
            if not isinstance(name, str) or not name or location not in locations:
                warnings.append(
                    said(
                        "{label}: the parameter at {at} needs a `name` and an `in` "
                        "({locations}); it is left out.",
                        label=label,
                        at=child(at, index),
                        locations=", ".join(locations),
                    )
                )
                continue
            assert isinstance(param, dict)  # for mypy: name came from it
            if location == "header" and name.lower() in _IGNORED_HEADERS:
                continue
            key = (name.lower() if location == "header" else name, str(location))
            if key in level:
                raise SkipOperation(
                    f"it declares the {location} parameter '{name}' twice ({level[key].at} and "
                    f"{param_at}); keep one",
                    param_at,
                )
            level[key] = Declared(name, str(location), param, param_at)
        merged.update(level)
    return list(merged.values())


def check_path(
    params: list[Declared], path: str, at: str, *, label: str, warnings: list[str]
) -> list[Declared]:
    """`params` with the path's placeholders and path parameters matched up.

    A placeholder nobody declares becomes a string parameter (the operation is still
    callable); a declared path parameter the path does not use is left out.
    """
    placeholders = list(dict.fromkeys(_PLACEHOLDER.findall(path)))
    declared_path = {p.name for p in params if p.location == "path"}
    kept = [p for p in params if p.location != "path" or p.name in placeholders]
    for param in params:
        if param.location == "path" and param.name not in placeholders:
            warnings.append(
                said(
                    "{label}: the path parameter '{name}' ({at}) is not in the path; it is left "
                    "out.",
                    label=label,
                    name=param.name,
                    at=param.at,
                )
            )
    for name in placeholders:
        if name not in declared_path:
            if not _PARAMETER_NAME.match(name):
                shown = name if len(name) <= 40 else name[:40] + "…"
                raise SkipOperation(
                    f"its path has a placeholder {{{shown}}} that is not a parameter name", at
                )
            warnings.append(
                said(
                    "{label}: the path parameter '{name}' is not declared; it is offered as text "
                    "(declare it under {under} with `in: path`).",
                    label=label,
                    name=name,
                    under=child(at, "parameters"),
                )
            )
            kept.append(Declared(name, "path", {"name": name, "in": "path"}, at))
    return kept


def parameter(schemas: Schemas, param: Declared, arg: str, *, swagger: bool) -> Parameter:
    """The model's form of `param`, carried by the tool argument `arg`."""
    node = param.node
    style = node.get("style") if isinstance(node.get("style"), str) else None
    explode = node.get("explode") if isinstance(node.get("explode"), bool) else None
    if swagger:
        raw: Any = {key: value for key, value in node.items() if key in _SWAGGER_SCHEMA_KEYS}
        raw.setdefault("type", "string")
        schema_at = param.at
        if raw["type"] == "array":
            style, explode = _COLLECTION_FORMATS.get(
                str(node.get("collectionFormat", "csv")), (None, None)
            )
            if style is None and explode is False:
                style = "form" if param.location in {"query", "cookie"} else "simple"
    else:
        raw, schema_at = _oas3_schema(node, param.at)
    schema = schemas.convert(raw, schema_at)
    schema = _described(schema, node)
    return Parameter(
        name=param.name,
        location=param.location,  # type: ignore[arg-type]  # one of LOCATIONS here
        arg=arg,
        required=param.location == "path" or node.get("required") is True,
        schema=schema,
        style=style,
        explode=explode,
    )


def form_schema(schemas: Schemas, params: list[Declared]) -> dict[str, Any]:
    """Swagger 2.0 `formData` parameters as one object schema."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for param in params:
        raw = {key: value for key, value in param.node.items() if key in _SWAGGER_SCHEMA_KEYS}
        raw.setdefault("type", "string")
        properties[param.name] = _described(schemas.convert(raw, param.at), param.node)
        if param.node.get("required") is True:
            required.append(param.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def _oas3_schema(node: dict[str, Any], at: str) -> tuple[Any, str]:
    if "schema" in node:
        return node["schema"], child(at, "schema")
    content = node.get("content")
    if isinstance(content, dict):
        for media, value in content.items():
            if isinstance(value, dict) and "schema" in value:
                return value["schema"], child(at, "content", media, "schema")
    return {"type": "string"}, at


def _described(schema: Any, node: dict[str, Any]) -> Any:
    """`schema` with the parameter's description and deprecation, without changing a shared one."""
    extra: dict[str, Any] = {}
    description = node.get("description")
    if isinstance(description, str) and description.strip():
        extra["description"] = description.strip()
    if node.get("deprecated") is True:
        extra["deprecated"] = True
    if not extra:
        return schema
    if isinstance(schema, dict):
        return {**schema, **extra}
    return {**extra} if schema is True else {"not": {}, **extra}
