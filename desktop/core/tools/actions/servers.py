"""Base URLs of operations: OpenAPI 3 `servers` with their variables, Swagger's host and basePath.

Thread: any.

Variables are filled in from their defaults. A relative URL is resolved against the address
the document came from, when known; otherwise it stays relative and the action's own
server setting supplies the rest. URLs lose a trailing `/`, so a path can be appended.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from desktop.core.errors import ActionDocumentError, said
from desktop.core.tools.actions.refs import child

DEFAULT_SERVER = "/"  # OpenAPI 3: a document without servers is served from its own host
_VARIABLE = re.compile(r"\{([^{}]*)\}")
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def server_urls(
    servers: Any, at: str, *, source_url: str, strict: bool, warnings: list[str]
) -> tuple[str, ...]:
    """The URLs of an OpenAPI 3 `servers` list at pointer `at`; () when it has none.

    `strict` (OpenAPI 3.1 and later, where the rules are MUSTs) raises for an empty enum or
    a default outside it; otherwise those only add to `warnings`.
    """
    if servers is None:
        return ()
    if not isinstance(servers, list):
        warnings.append(said("{at} is not a list of servers; it is ignored.", at=at))
        return ()
    urls: list[str] = []
    for index, server in enumerate(servers):
        where = child(at, index)
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            warnings.append(said("The server at {where} has no `url`; it is ignored.", where=where))
            continue
        url = _fill(server["url"], server.get("variables"), where, strict, warnings)
        if url is not None:
            urls.append(absolute(url, source_url))
    return tuple(dict.fromkeys(urls))


def swagger_urls(
    document: dict[str, Any], operation: dict[str, Any], source_url: str
) -> tuple[str, ...]:
    """Swagger 2.0: `schemes` × `host` + `basePath`, https first.

    Without a host (or a scheme) the document's own address supplies it, as the
    specification says; without that either, the result is the relative basePath.
    """
    base = document.get("basePath")
    base = "/" + base.strip("/") if isinstance(base, str) and base.strip("/") else ""
    host = document.get("host")
    source = urlsplit(source_url) if source_url else None
    if not isinstance(host, str) or not host.strip():
        if source is None or not source.netloc:
            return (base or DEFAULT_SERVER,)
        host = source.netloc
    host = host.strip().rstrip("/")
    if _ABSOLUTE.match(host):  # a common slip: `host: https://api.example.com`
        return (host + base,)
    schemes = operation.get("schemes") or document.get("schemes")
    if isinstance(schemes, list):
        chosen = [
            s.lower() for s in schemes if isinstance(s, str) and s.lower() in {"https", "http"}
        ]
    else:
        chosen = []
    if not chosen:
        chosen = [source.scheme] if source is not None and source.scheme else ["https"]
    chosen.sort(key=lambda scheme: scheme != "https")
    return tuple(dict.fromkeys(f"{scheme}://{host}{base}" for scheme in chosen))


def absolute(url: str, source_url: str) -> str:
    """`url` resolved against `source_url` when it is relative and that is known; no final `/`."""
    url = url.strip()
    if source_url and not _ABSOLUTE.match(url):
        url = urljoin(source_url, url)
    return url.rstrip("/") or DEFAULT_SERVER


def _fill(url: str, variables: Any, where: str, strict: bool, warnings: list[str]) -> str | None:
    values: dict[str, str] = {}
    if isinstance(variables, dict):
        for name, variable in variables.items():
            value = _default(str(name), variable, child(where, "variables", name), strict, warnings)
            if value is not None:
                values[str(name)] = value
    missing = [name for name in _VARIABLE.findall(url) if name not in values]
    if missing:
        warnings.append(
            said(
                "The server {url} at {where} uses {{{name}}}, which has no variable with a "
                "default; the server is ignored.",
                url=url,
                where=where,
                name=missing[0],
            )
        )
        return None
    return _VARIABLE.sub(lambda match: values[match.group(1)], url)


def _default(name: str, variable: Any, at: str, strict: bool, warnings: list[str]) -> str | None:
    if not isinstance(variable, dict):
        warnings.append(
            said(
                "The server variable '{name}' at {at} is not an object; it is ignored.",
                name=name,
                at=at,
            )
        )
        return None
    enum = variable.get("enum")
    default = variable.get("default")
    problem = ""
    if enum is not None and (not isinstance(enum, list) or not enum):
        problem = said(
            "The server variable '{name}' at {at} has an empty `enum`: list its allowed "
            "values, or remove `enum`.",
            name=name,
            at=at,
        )
    elif isinstance(enum, list) and default is not None and str(default) not in map(str, enum):
        choices = ", ".join(repr(str(value)) for value in enum[:10])
        problem = said(
            "The default '{default}' of the server variable '{name}' at {at} is not one of its "
            "`enum` values ({choices}): make the default one of them.",
            default=default,
            name=name,
            at=at,
            choices=choices,
        )
    if problem:
        if strict:
            raise ActionDocumentError(problem, pointer=at)
        warnings.append(problem)
    if default is None:
        if isinstance(enum, list) and enum:
            warnings.append(
                said(
                    "The server variable '{name}' at {at} has no default; its first value is used.",
                    name=name,
                    at=at,
                )
            )
            return str(enum[0])
        warnings.append(
            said("The server variable '{name}' at {at} has no default.", name=name, at=at)
        )
        return None
    return str(default)
