"""The parsed form of an action document: operations with their parameters and schemas.

Every value here is plain data, built once per document by `parse` and shared by the
tools of every run that uses the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Location = Literal["path", "query", "header", "cookie"]


@dataclass(frozen=True)
class Parameter:
    """One HTTP parameter and the tool argument that carries it.

    `arg` is the argument's name in the tool's schema; it is `name` unless two parameters
    (or a parameter and the body) would collide, e.g. `header_X-Trace`.
    """

    name: str
    location: Location
    arg: str
    required: bool = False
    schema: dict[str, Any] = field(default_factory=dict)
    style: str | None = None
    explode: bool | None = None


@dataclass(frozen=True)
class Body:
    """The request body: sent as JSON, a form, or text, from the argument `arg`."""

    content_type: str
    arg: str = "body"
    required: bool = False
    schema: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    """One HTTP operation as a function tool.

    `tool_name` is unique within the document, matches `^[A-Za-z0-9_-]{1,64}$`, and comes
    from the operationId (or the method and path). `parameters_schema` is the one JSON
    object schema the model fills: every `Parameter.arg` and the body's `arg` as
    properties, `$ref`s inlined, recursion cut off with a described stub.
    `servers` are absolute or relative base URLs with server variables filled in from their
    defaults, best first; `security` names the document's security schemes that apply.
    """

    tool_name: str
    method: str
    path: str
    operation_id: str | None
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    body: Body | None
    parameters_schema: dict[str, Any]
    servers: tuple[str, ...]
    security: tuple[str, ...] = ()
    deprecated: bool = False

    @property
    def label(self) -> str:
        """`GET /pets/{id}`: how a person recognises the operation."""
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class SecurityScheme:
    """A document's security scheme, used to suggest how to set up auth."""

    name: str
    type: str  # apiKey, http, oauth2, openIdConnect, mutualTLS
    scheme: str = ""  # for http: bearer, basic
    location: str = ""  # for apiKey: header, query, cookie
    parameter_name: str = ""  # for apiKey
    token_url: str = ""  # for oauth2 client credentials
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionDocument:
    """A parsed OpenAPI document.

    `openapi` is the version the document declares ("2.0", "3.0.3", "3.1.0"). `warnings`
    name what was skipped (an operation with an unusable body, say) without refusing the
    document. `source_url` is where it was fetched from, for resolving relative servers.
    """

    title: str
    version: str
    openapi: str
    description: str
    operations: tuple[Operation, ...]
    security_schemes: tuple[SecurityScheme, ...] = ()
    warnings: tuple[str, ...] = ()
    source_url: str = ""

    def operation(self, tool_name: str) -> Operation:
        for op in self.operations:
            if op.tool_name == tool_name:
                return op
        raise KeyError(tool_name)
