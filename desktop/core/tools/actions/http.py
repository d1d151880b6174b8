"""One operation's arguments as an HTTP request: base URL, path, query, headers, cookies, body.

Pure functions over plain data; nothing here touches the network. Parameters are
serialised by their OpenAPI `style` and `explode` (defaults: path and header `simple`,
query and cookie `form`; `explode` only for `form`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit

from desktop.core import errors
from desktop.core.tools.actions.model import Body, Operation, Parameter

# OpenAPI: header parameters with these names are ignored; the client sets them itself.
_RESERVED_HEADERS = frozenset({"accept", "content-type", "authorization"})
_UNRESERVED = "-._~"  # RFC 3986 characters that never need escaping
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", re.ASCII)


@dataclass(frozen=True)
class HttpRequest:
    """A request ready to send: `url` is absolute and carries the query string."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    cookies: tuple[tuple[str, str], ...] = ()
    content: bytes | None = None

    def with_header(self, name: str, value: str) -> HttpRequest:
        kept = tuple((k, v) for k, v in self.headers if k.lower() != name.lower())
        return replace(self, headers=(*kept, (name, value)))

    def with_cookie(self, name: str, value: str) -> HttpRequest:
        kept = tuple((k, v) for k, v in self.cookies if k != name)
        return replace(self, cookies=(*kept, (name, value)))

    def with_query(self, name: str, value: str) -> HttpRequest:
        pair = f"{_enc(name)}={_enc(value)}"
        base, _, fragment = self.url.partition("#")
        joined = f"{base}&{pair}" if "?" in base else f"{base}?{pair}"
        return replace(self, url=f"{joined}#{fragment}" if fragment else joined)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


@dataclass(frozen=True)
class HttpResponse:
    """A response read whole (within the size cap), after any redirects."""

    status: int
    reason: str
    content_type: str  # the media type, lower case, without parameters ("" when absent)
    charset: str | None
    body: bytes
    url: str  # the last URL requested, as sent (credentials in a query included)
    duration_ms: int
    redirects: tuple[str, ...] = ()  # each URL a redirect led to, in order

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self) -> str:
        return self.body.decode(self.charset or "utf-8", errors="replace")


def base_url(operation: Operation, server: str = "", source_url: str = "") -> str:
    """The base URL `operation` is called at.

    The action's own `server` wins; then the operation's first absolute server; then its
    first relative server resolved against the document's `source_url` (as OpenAPI
    specifies), when the document came from a web address.
    """
    if server:
        return _checked_base(server.strip(), ours=True)
    for candidate in operation.servers:
        if _is_absolute(candidate):
            return _checked_base(candidate)
    relative = operation.servers[0] if operation.servers else "/"
    if _is_absolute(source_url):
        return _checked_base(urljoin(source_url, relative))
    raise errors.ToolError(
        errors.said(
            "The action has no absolute server URL for {operation} (the document gives "
            "'{relative}'). Set the action's server.",
            operation=operation.label,
            relative=relative,
        ),
        errors.do(errors.Do.SET_ACTION_SERVER),
    )


def build_request(operation: Operation, base: str, arguments: Mapping[str, Any]) -> HttpRequest:
    """The request for `operation` with validated `arguments`, before auth is added."""
    path = operation.path
    query: list[str] = []
    headers: list[tuple[str, str]] = []
    cookies: list[tuple[str, str]] = []
    for param in operation.parameters:
        if param.arg not in arguments or arguments[param.arg] is None:
            if param.location == "path":
                raise errors.ToolError(
                    errors.said("`{arg}` is required: give a value for it.", arg=param.arg)
                )
            continue
        value = arguments[param.arg]
        if param.location == "path":
            path = path.replace("{" + param.name + "}", _path_value(param, value))
        elif param.location == "query":
            query += _query_pairs(param, value)
        elif param.location == "header" and param.name.lower() not in _RESERVED_HEADERS:
            headers.append((param.name, _header_value(param, value)))
        elif param.location == "cookie":
            cookies.append((param.name, quote(_joined(value, False), safe=_UNRESERVED)))
    url = base.rstrip("/") + "/" + path.lstrip("/")
    if query:
        url += "?" + "&".join(query)
    content = None
    body = operation.body
    if body is not None and arguments.get(body.arg) is not None:
        content, content_type = _body_bytes(body, arguments[body.arg])
        headers.append(("Content-Type", content_type))
    return HttpRequest(
        operation.method.upper(), url, tuple(headers), tuple(cookies), content=content
    )


def coerce_wire_values(operation: Operation, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """`arguments` with the harmless fixes applied to parameters that travel as text.

    Path, query, header and cookie values are sent as text either way, so a numeric or
    boolean string for an integer, number or boolean parameter becomes that value, a
    number for a string parameter becomes its text, and a null for an optional parameter
    that does not allow null is left out. The body is never touched: it goes as JSON.
    """
    props = operation.parameters_schema.get("properties", {})
    out = dict(arguments)
    for param in operation.parameters:
        if param.arg not in out:
            continue
        types = _types(props.get(param.arg, param.schema))
        value = out[param.arg]
        if value is None and not param.required and "null" not in types:
            del out[param.arg]
        elif isinstance(value, list):
            items = _types(props.get(param.arg, param.schema).get("items", {}))
            out[param.arg] = [_coerce(v, items) for v in value]
        else:
            out[param.arg] = _coerce(value, types)
    return out


# -- values -----------------------------------------------------------------------------


def _coerce(value: Any, types: set[str]) -> Any:
    if not types or _matches(value, types):
        return value
    if isinstance(value, str):
        text = value.strip()
        if "boolean" in types and text in ("true", "false"):
            return text == "true"
        if "integer" in types and _is_int_text(text):
            return int(text)
        if "number" in types and _NUMBER.fullmatch(text):
            return int(text) if _is_int_text(text) else float(text)
    elif "string" in types and isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value)
    return value


def _matches(value: Any, types: set[str]) -> bool:
    checks = {
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "null": value is None,
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }
    return any(checks.get(t, False) for t in types)


def _is_int_text(text: str) -> bool:
    return re.fullmatch(r"-?\d+", text, re.ASCII) is not None


def _types(schema: Any) -> set[str]:
    kind = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _enc(text: str) -> str:
    return quote(text, safe=_UNRESERVED)


def _joined(value: Any, explode: bool, sep: str = ",") -> str:
    """`simple`-style text: arrays joined by `sep`, objects as k,v (or k=v when exploded)."""
    if isinstance(value, list):
        return sep.join(_scalar(v) for v in value)
    if isinstance(value, dict):
        if explode:
            return sep.join(f"{k}={_scalar(v)}" for k, v in value.items())
        return sep.join(f"{k}{sep}{_scalar(v)}" for k, v in value.items())
    return _scalar(value)


def _path_value(param: Parameter, value: Any) -> str:
    style, explode = param.style or "simple", bool(param.explode)
    if style == "label":
        items = _items(value)
        return "." + (".".join if explode else ",".join)(_enc(i) for i in items)
    if style == "matrix":
        items = _items(value)
        if explode:
            return "".join(f";{_enc(param.name)}={_enc(i)}" for i in items)
        return f";{_enc(param.name)}=" + ",".join(_enc(i) for i in items)
    if isinstance(value, list | dict):
        return ",".join(_enc(i) for i in _items(value, explode))
    return _enc(_scalar(value))


def _items(value: Any, explode: bool = False) -> list[str]:
    if isinstance(value, list):
        return [_scalar(v) for v in value]
    if isinstance(value, dict):
        if explode:
            return [f"{k}={_scalar(v)}" for k, v in value.items()]
        return [part for k, v in value.items() for part in (str(k), _scalar(v))]
    return [_scalar(value)]


def _query_pairs(param: Parameter, value: Any) -> list[str]:
    style = param.style or "form"
    explode = param.explode if param.explode is not None else style == "form"
    name = _enc(param.name)
    if isinstance(value, list):
        items = [_enc(_scalar(v)) for v in value]
        if explode:
            return [f"{name}={item}" for item in items]
        sep = {"spaceDelimited": "%20", "pipeDelimited": "|"}.get(style, ",")
        return [f"{name}={sep.join(items)}"]
    if isinstance(value, dict):
        if style == "deepObject":
            return [f"{name}%5B{_enc(str(k))}%5D={_enc(_scalar(v))}" for k, v in value.items()]
        if explode:
            return [f"{_enc(str(k))}={_enc(_scalar(v))}" for k, v in value.items()]
        return [f"{name}=" + ",".join(_enc(i) for i in _items(value))]
    return [f"{name}={_enc(_scalar(value))}"]


def _header_value(param: Parameter, value: Any) -> str:
    text = _joined(value, bool(param.explode))
    if "\r" in text or "\n" in text:
        raise errors.ToolError(
            errors.said("`{arg}` is sent as an HTTP header: remove its line breaks.", arg=param.arg)
        )
    return text


def _body_bytes(body: Body, value: Any) -> tuple[bytes, str]:
    """The body's bytes and its Content-Type header."""
    media = body.content_type.split(";", maxsplit=1)[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return json.dumps(value, ensure_ascii=False).encode(), body.content_type
    if media in ("application/x-www-form-urlencoded", "multipart/form-data"):
        if not isinstance(value, dict):
            raise errors.ToolError(
                errors.said("`{arg}` is sent as a form: give it as an object.", arg=body.arg)
            )
        fields = [
            (str(k), item)
            for k, v in value.items()
            if v is not None
            for item in (v if isinstance(v, list) else [v])
        ]
        if media == "multipart/form-data":
            return _multipart(fields)
        return urlencode([(k, _scalar(v)) for k, v in fields]).encode(), body.content_type
    if media.startswith("multipart/"):
        raise errors.ToolError(
            errors.said(
                "This operation takes a {media} body, which actions cannot send.", media=media
            )
        )
    text = value if isinstance(value, str) else _scalar(value)
    content_type = body.content_type
    if media.startswith("text/") and "charset" not in content_type.lower():
        content_type += "; charset=utf-8"
    return text.encode(), content_type


def _multipart(fields: list[tuple[str, Any]]) -> tuple[bytes, str]:
    """A multipart/form-data body of text fields (objects as JSON parts); never files."""
    boundary = f"capsule-{os.urandom(12).hex()}"
    parts: list[str] = []
    for name, value in fields:
        quoted = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{quoted}"'
        if isinstance(value, dict | list):
            head += "\r\nContent-Type: application/json"
        parts.append(f"{head}\r\n\r\n{_scalar(value)}\r\n")
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


def _is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _checked_base(url: str, *, ours: bool = False) -> str:
    """`url`, if absolute; `ours` when the user set it, rather than the document."""
    if _is_absolute(url):
        return url
    if ours:
        message = errors.said(
            "The action's server '{url}' is not an http(s) URL with a host. Set the action's "
            "server.",
            url=url,
        )
    else:
        message = errors.said(
            "The document's server '{url}' is not an http(s) URL with a host. Set the "
            "action's server.",
            url=url,
        )
    raise errors.ToolError(message, errors.do(errors.Do.SET_ACTION_SERVER))
