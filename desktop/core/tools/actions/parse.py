"""An OpenAPI document (Swagger 2.0, OpenAPI 3.0 to 3.2) as an `ActionDocument` of operations.

Thread: any; `cached_document` may be called from several threads at once.

Real documents are often slightly wrong, so only what spoils the whole document refuses
it, with a message and a JSON pointer: not OpenAPI, `paths` not a mapping, a reused
operationId, a server variable breaking 3.1's rules, no usable operation at all. What
spoils one operation (it is not an object, declares a parameter twice, has a `$ref` to
another file or to nothing) leaves that operation out with a warning, and what an
operation can do without (an unsendable body, an undeclared path parameter, an unknown
security scheme, an unusable schema keyword) is only a warning, in
`ActionDocument.warnings`.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import ActionDocumentError, said
from desktop.core.tools.actions.bodies import oas3_body, swagger_body
from desktop.core.tools.actions.load import document_version, parse_text
from desktop.core.tools.actions.model import ActionDocument, Body, Operation, Parameter
from desktop.core.tools.actions.names import argument_names, base_name, unique_names
from desktop.core.tools.actions.params import (
    LOCATIONS,
    SkipOperation,
    check_path,
    declared,
    parameter,
)
from desktop.core.tools.actions.refs import Refs, child
from desktop.core.tools.actions.schemas import Schemas
from desktop.core.tools.actions.security import operation_security, security_schemes
from desktop.core.tools.actions.servers import DEFAULT_SERVER, absolute, server_urls, swagger_urls

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
MAX_SUMMARY = 200
MAX_DESCRIPTION = 1_024
MAX_DOCUMENT_DESCRIPTION = 4_096
MAX_WARNINGS = 100
MAX_WARNING_CHARS = 400
CACHE_SIZE = 8

_cache: OrderedDict[str, ActionDocument] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass
class _State:
    """One parse: the document, its resolvers, and what it has found so far."""

    data: dict[str, Any]
    openapi: str
    source_url: str
    refs: Refs
    schemas: Schemas
    warnings: list[str] = field(default_factory=list)
    servers: tuple[str, ...] = ()
    scheme_names: frozenset[str] = frozenset()
    skipped: list[tuple[str, SkipOperation]] = field(default_factory=list)

    @property
    def swagger(self) -> bool:
        return self.openapi == "2.0"

    @property
    def strict(self) -> bool:
        # OpenAPI 3.1 made the server-variable rules MUSTs; 3.0 only said SHOULD.
        return not self.swagger and not self.openapi.startswith("3.0")


@dataclass(frozen=True)
class _Draft:
    """An operation before the document's tool names are handed out."""

    method: str
    path: str
    operation_id: str | None
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    body: Body | None
    parameters_schema: dict[str, Any]
    servers: tuple[str, ...]
    security: tuple[str, ...]
    deprecated: bool


def parse_document(data: Any, source_url: str = "") -> ActionDocument:
    """The operations of an OpenAPI document given as data (from JSON or YAML).

    `source_url` is where the document came from: relative server URLs resolve against it.
    Raises `ActionDocumentError` when the document cannot be used.
    """
    openapi = document_version(data)
    refs = Refs(data)
    state = _State(data, openapi, source_url, refs, Schemas(refs))
    if not state.swagger:
        state.servers = server_urls(
            data.get("servers"),
            "/servers",
            source_url=source_url,
            strict=state.strict,
            warnings=state.warnings,
        ) or (absolute(DEFAULT_SERVER, source_url),)
    schemes = security_schemes(refs, data, swagger=state.swagger, warnings=state.warnings)
    state.scheme_names = frozenset(scheme.name for scheme in schemes)
    drafts = _drafts(state)
    if not drafts:
        raise _no_operations(state)
    webhooks = data.get("webhooks")
    if isinstance(webhooks, dict) and webhooks:
        if len(webhooks) > 1:
            warning = said(
                "The document's {count} webhooks describe requests the API sends, not "
                "operations to call; they are ignored.",
                count=len(webhooks),
            )
        else:
            warning = said(
                "The document's 1 webhook describe requests the API sends, not operations to "
                "call; they are ignored."
            )
        state.warnings.append(warning)
    names = unique_names(base_name(d.operation_id, d.method, d.path) for d in drafts)
    info = data.get("info") if isinstance(data.get("info"), dict) else {}
    return ActionDocument(
        title=_text(info.get("title")) or "Untitled API",
        version=_text(info.get("version")),
        openapi=openapi,
        description=_trim(_text(info.get("description")), MAX_DOCUMENT_DESCRIPTION),
        operations=tuple(
            Operation(tool_name=name, **vars(draft))
            for name, draft in zip(names, drafts, strict=True)
        ),
        security_schemes=schemes,
        warnings=_capped([*state.warnings, *state.schemas.problems]),
        source_url=source_url,
    )


def cached_document(text: str, source_url: str = "") -> ActionDocument:
    """`parse_document(parse_text(text), source_url)`, remembered for the last few texts.

    Every run rebuilds its tools from the action's stored text; this makes that free after
    the first time. Errors are not remembered.
    """
    key = hashlib.sha256(
        source_url.encode("utf-8") + b"\0" + text.encode("utf-8", "surrogatepass")
    ).hexdigest()
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    # Parsed outside the lock: a large document must not hold up other actions' runs.
    document = parse_document(parse_text(text), source_url)
    with _cache_lock:
        _cache[key] = document
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return document


def clear_cache() -> None:
    """Forgets every cached document (for tests and cold measurements)."""
    with _cache_lock:
        _cache.clear()


def _drafts(state: _State) -> list[_Draft]:
    paths = state.data.get("paths")
    if paths is None:
        return []
    if not isinstance(paths, dict):
        raise ActionDocumentError(
            said(
                "`paths` must map each path ('/pets') to its operations; here it is {kind}. "
                "Fix /paths.",
                kind=type(paths).__name__,
            ),
            pointer="/paths",
        )
    drafts: list[_Draft] = []
    ids: dict[str, str] = {}
    for key, written in paths.items():
        path = str(key)
        if path.startswith("x-"):
            continue  # an extension, not a path
        at = child("/paths", path)
        if not path.startswith("/"):
            state.warnings.append(
                said(
                    "The path '{path}' ({at}) should start with '/'; one is added.",
                    path=path,
                    at=at,
                )
            )
            path = "/" + path
        try:
            item, item_at = state.refs.follow(written, at)
            if not isinstance(item, dict):
                raise SkipOperation(f"{at} is not an object of methods (get, post, …)", at)
        except (SkipOperation, ActionDocumentError) as problem:
            _skip(state, _label("", path), problem)
            continue
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            if isinstance(op, dict):
                # Checked here, not per operation: a reused id refuses the whole document.
                _check_id(op, child(item_at, method), ids)
            try:
                drafts.append(_operation(state, path, method, item, item_at))
            except (SkipOperation, ActionDocumentError) as problem:
                # A broken reference, or a parameter declared twice, spoils one operation,
                # not the document.
                _skip(state, _label(method, path), problem)
    return drafts


def _operation(state: _State, path: str, method: str, item: dict[str, Any], item_at: str) -> _Draft:
    op_at = child(item_at, method)
    op = item[method]
    label = _label(method, path)
    if not isinstance(op, dict):
        raise SkipOperation(f"{op_at} is not an object", op_at)
    operation_id = str(op["operationId"]) if op.get("operationId") not in (None, "") else None
    state.schemas.new_budget()
    params = declared(
        state.refs,
        [
            (item.get("parameters"), child(item_at, "parameters")),
            (op.get("parameters"), child(op_at, "parameters")),
        ],
        swagger=state.swagger,
        label=label,
        warnings=state.warnings,
    )
    params = check_path(params, path, op_at, label=label, warnings=state.warnings)
    if state.swagger:
        consumes = op.get("consumes", state.data.get("consumes"))
        body = swagger_body(
            state.schemas,
            next((p for p in params if p.location == "body"), None),
            [p for p in params if p.location == "formData"],
            [str(media) for media in consumes] if isinstance(consumes, list) else [],
            label=label,
            warnings=state.warnings,
        )
    else:
        body = oas3_body(
            state.refs,
            state.schemas,
            op.get("requestBody"),
            child(op_at, "requestBody"),
            label=label,
            warnings=state.warnings,
        )
    plain = [p for p in params if p.location in LOCATIONS]
    args = argument_names([(p.name, p.location) for p in plain], ("body",) if body else ())
    parameters = tuple(
        parameter(state.schemas, p, arg, swagger=state.swagger)
        for p, arg in zip(plain, args, strict=True)
    )
    summary = _trim(" ".join(_text(op.get("summary") or item.get("summary")).split()), MAX_SUMMARY)
    return _Draft(
        method=method.upper(),
        path=path,
        operation_id=operation_id,
        summary=summary,
        description=_describe(summary, _text(op.get("description") or item.get("description"))),
        parameters=parameters,
        body=body,
        parameters_schema=arguments_schema(parameters, body),
        servers=_servers(state, item, item_at, op, op_at),
        security=operation_security(op, state.data, state.scheme_names, label, state.warnings),
        deprecated=op.get("deprecated") is True,
    )


def _check_id(op: dict[str, Any], at: str, ids: dict[str, str]) -> None:
    value = op.get("operationId")
    if value is None or value == "":
        return
    operation_id = str(value)
    where = child(at, "operationId")
    if operation_id in ids:
        raise ActionDocumentError(
            said(
                "The operationId '{operation_id}' is used twice, at {first} and at {where}: "
                "every operation needs its own. Rename one of them.",
                operation_id=operation_id,
                first=ids[operation_id],
                where=where,
            ),
            pointer=where,
        )
    ids[operation_id] = where


def arguments_schema(parameters: tuple[Parameter, ...], body: Body | None) -> dict[str, Any]:
    """The one object schema the model fills: each parameter's argument and the body."""
    properties: dict[str, Any] = {p.arg: p.schema for p in parameters}
    required = [p.arg for p in parameters if p.required]
    if body is not None:
        properties[body.arg] = body.schema
        if body.required:
            required.append(body.arg)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _servers(
    state: _State, item: dict[str, Any], item_at: str, op: dict[str, Any], op_at: str
) -> tuple[str, ...]:
    if state.swagger:
        return swagger_urls(state.data, op, state.source_url)
    for node, at in (
        (op.get("servers"), child(op_at, "servers")),
        (item.get("servers"), child(item_at, "servers")),
    ):
        urls = server_urls(
            node, at, source_url=state.source_url, strict=state.strict, warnings=state.warnings
        )
        if urls:
            return urls
    return state.servers


def _label(method: str, path: str) -> str:
    """`GET /pets/{id}` for messages, with an absurdly long path shortened."""
    shown = path if len(path) <= 100 else path[:99] + "…"
    return f"{method.upper()} {shown}".strip()


def _skip(state: _State, label: str, problem: SkipOperation | ActionDocumentError) -> None:
    skip = problem if isinstance(problem, SkipOperation) else _as_skip(problem)
    state.skipped.append((label, skip))
    state.warnings.append(f"{label} is left out: {skip}.")


def _as_skip(error: ActionDocumentError) -> SkipOperation:
    """An error about one operation's part, worded to follow "GET /x is left out: "."""
    message = error.message.rstrip(".")
    return SkipOperation(message[:1].lower() + message[1:], error.pointer or "")


def _no_operations(state: _State) -> ActionDocumentError:
    if state.skipped:
        label, skip = state.skipped[0]
        if len(state.skipped) > 1:
            message = said(
                "The document has no usable operations: {label}: {reason} (and {count} more).",
                label=label,
                reason=skip,
                count=len(state.skipped) - 1,
            )
        else:
            message = said(
                "The document has no usable operations: {label}: {reason}.",
                label=label,
                reason=skip,
            )
        return ActionDocumentError(message, pointer=skip.pointer)
    webhooks = state.data.get("webhooks")
    if isinstance(webhooks, dict) and webhooks:
        return ActionDocumentError(
            said(
                "The document describes only webhooks (requests the API sends to you), which "
                "an assistant cannot call: an action needs at least one path with a method "
                "(such as get or post)."
            )
        )
    return ActionDocumentError(
        said(
            "The document has no operations: an action needs at least one path with a method "
            "(such as get or post)."
        ),
        pointer="/paths",
    )


def _describe(summary: str, description: str) -> str:
    """Summary and description as one text for the model, without saying the summary twice."""
    if summary and not description.startswith(summary.rstrip(".…")):
        description = f"{summary}\n\n{description}" if description else summary
    return _trim(description, MAX_DESCRIPTION)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    return "" if value is None or isinstance(value, dict | list) else str(value)


def _trim(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, at a word boundary when one is near, with `…`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _capped(warnings: list[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(_trim(warning, MAX_WARNING_CHARS) for warning in warnings))
    if len(unique) <= MAX_WARNINGS:
        return tuple(unique)
    rest = len(unique) - (MAX_WARNINGS - 1)
    return (*unique[: MAX_WARNINGS - 1], f"… and {rest} more warnings.")
