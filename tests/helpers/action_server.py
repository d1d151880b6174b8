"""A scripted HTTP API on 127.0.0.1 for action tests, and operations built by hand to call it.

Every request is recorded. Routes (any method unless said):

- `/echo/...`: the request back as JSON (method, path, query, headers, cookies, body).
- `/secure/header|query|cookie|bearer|basic|oauth`: 200 with the right credential
  (constants below; OAuth: a token the server issued and has not revoked), else 401.
- `/oauth/token` (POST): client credentials -> `tok-N`, living `token_lifetime` seconds;
  `basic_client_auth = False` makes it refuse HTTP Basic (client_secret_post only).
- `/status/N`: status N with a JSON body; `/text`, `/html`, `/binary`, `/empty`.
- `/slow?seconds=S`, `/huge?bytes=N[&chunked=1]`, `/chars?n=N` (N characters of text).
- `/redirect?to=URL[&code=302]`: a redirect to URL; `/loop` redirects to itself;
  `/cookie` sets a cookie.
- `/openapi.yaml`: `OPENAPI_YAML`, an OpenAPI 3.1 document describing these routes, with
  this server as its server and a security scheme for each auth type.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from desktop.core.tools.actions.model import Body, Operation, Parameter
from desktop.core.tools.actions.parse import arguments_schema

API_KEY = "key-abc123-header"
BEARER = "bearer-xyz789-token"
BASIC_USER, BASIC_PASSWORD = "alice", "s3cret-password"
CLIENT_ID, CLIENT_SECRET = "client-42", "client-secret-99"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@dataclass(frozen=True)
class Seen:
    method: str
    path: str  # without the query
    query: dict[str, list[str]]
    raw_query: str
    headers: dict[str, str]  # names in lower case
    body: bytes


class ActionServer:
    """Serves the routes above on 127.0.0.1 (a free port) from a background thread."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.token_lifetime: int | None = 3600
        self.basic_client_auth = True
        self.issued: list[tuple[str, str]] = []  # (token, scope) in order
        self.revoked: set[str] = set()
        self._counter = itertools.count(1)
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = _Httpd(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)

    def issue(self, scope: str) -> str:
        with self._lock:
            token = f"tok-{next(self._counter)}"
            self.issued.append((token, scope))
            return token

    def valid(self, token: str) -> bool:
        with self._lock:
            return any(t == token for t, _ in self.issued) and token not in self.revoked

    def start(self) -> ActionServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> ActionServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 resets connections when 16 threads call at once.
    request_queue_size = 64
    owner: ActionServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hanging up (timeouts, size caps) are expected; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Httpd

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""

    def do_GET(self) -> None:
        self._route()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_GET

    def _route(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen = Seen(
            self.command,
            parts.path,
            parse_qs(parts.query, keep_blank_values=True),
            parts.query,
            {k.lower(): v for k, v in self.headers.items()},
            body,
        )
        self.server.owner.record(seen)
        try:
            self._answer(seen)
        except OSError:  # the client went away
            self.close_connection = True

    def _answer(self, seen: Seen) -> None:
        path, first = seen.path, {k: v[0] for k, v in seen.query.items()}
        if path == "/openapi.yaml":
            document = OPENAPI_YAML.replace("SERVER_URL", self.server.owner.url)
            self._send(200, "application/yaml", document.encode())
        elif path.startswith("/echo"):
            self._json(200, _echo(seen))
        elif path.startswith("/secure/"):
            self._secure(path.removeprefix("/secure/"), seen)
        elif path == "/oauth/token":
            self._token(seen)
        elif path.startswith("/status/"):
            code = int(path.removeprefix("/status/"))
            self._json(code, {"message": f"status {code}", "detail": "scripted"})
        elif path in _FIXED:
            self._send(*_FIXED[path])
        elif path == "/slow":
            if not self.server.owner.stopping.wait(float(first.get("seconds", "2"))):
                self._json(200, {"slow": True})
        elif path == "/huge":
            self._huge(int(first["bytes"]), first.get("chunked") == "1")
        elif path == "/chars":
            self._send(200, "text/plain", b"x" * int(first["n"]))
        elif path == "/redirect":
            self._send(int(first.get("code", "302")), "", b"", {"Location": first["to"]})
        else:
            self._json(404, {"message": "no such route"})

    def _secure(self, kind: str, seen: Seen) -> None:
        headers = seen.headers
        cookies = _cookies(headers.get("cookie", ""))
        auth = headers.get("authorization", "")
        owner = self.server.owner
        basic = base64.b64encode(f"{BASIC_USER}:{BASIC_PASSWORD}".encode()).decode()
        ok = {
            "header": headers.get("x-api-key") == API_KEY,
            "query": seen.query.get("api_key") == [API_KEY],
            "cookie": cookies.get("session_key") == API_KEY,
            "bearer": auth == f"Bearer {BEARER}",
            "basic": auth == f"Basic {basic}",
            "oauth": auth.startswith("Bearer ") and owner.valid(auth.removeprefix("Bearer ")),
        }.get(kind, False)
        if ok:
            self._json(200, {"ok": True, "kind": kind})
        else:
            self._json(401, {"error": "unauthorized"})

    def _token(self, seen: Seen) -> None:
        owner = self.server.owner
        form = {k: v[0] for k, v in parse_qs(seen.body.decode()).items()}
        auth = seen.headers.get("authorization", "")
        if auth.startswith("Basic ") and owner.basic_client_auth:
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            client = (unquote(user), unquote(password))
        else:
            client = (form.get("client_id", ""), form.get("client_secret", ""))
        if client != (CLIENT_ID, CLIENT_SECRET) or form.get("grant_type") != "client_credentials":
            self._json(401, {"error": "invalid_client"})
            return
        answer: dict[str, Any] = {
            "access_token": owner.issue(form.get("scope", "")),
            "token_type": "Bearer",
        }
        if owner.token_lifetime is not None:
            answer["expires_in"] = owner.token_lifetime
        self._json(200, answer)

    def _huge(self, size: int, chunked: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if not chunked:
            self.send_header("Content-Length", str(size))
            self.end_headers()
            self.wfile.write(b"7" * size)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        piece = b"7" * 65536
        for _ in range(size // len(piece) + 1):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def _json(self, status: int, value: Any) -> None:
        self._send(status, "application/json", json.dumps(value).encode())

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


_FIXED: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/text": (200, "text/plain; charset=utf-8", "hello, 世界\n".encode(), {}),
    "/html": (200, "text/html", b"<p>hi</p>", {}),
    "/binary": (200, "image/png", PNG, {}),
    "/empty": (204, "", b"", {}),
    "/loop": (302, "", b"", {"Location": "/loop"}),
    "/cookie": (200, "text/plain", b"set", {"Set-Cookie": "sid=abc123; Path=/"}),
}


def _echo(seen: Seen) -> dict[str, Any]:
    return {
        "method": seen.method,
        "path": seen.path,
        "raw_query": seen.raw_query,
        "query": seen.query,
        "headers": seen.headers,
        "cookies": _cookies(seen.headers.get("cookie", "")),
        "body": seen.body.decode(errors="replace"),
    }


def _cookies(header: str) -> dict[str, str]:
    pairs = (part.strip().partition("=") for part in header.split(";") if part.strip())
    return {name: value for name, _, value in pairs}


# -- operations ---------------------------------------------------------------------------


def operation(
    tool_name: str,
    method: str,
    path: str,
    *parameters: Parameter,
    body: Body | None = None,
    summary: str = "",
    description: str = "",
    servers: tuple[str, ...] = (),
) -> Operation:
    """An `Operation` as the parser would build it: the schema made from its parameters."""
    schema = arguments_schema(parameters, body)
    return Operation(
        tool_name=tool_name,
        method=method,
        path=path,
        operation_id=tool_name,
        summary=summary,
        description=description,
        parameters=parameters,
        body=body,
        parameters_schema=schema,
        servers=servers,
    )


def param(name: str, location: str, schema: dict[str, Any], **kw: Any) -> Parameter:
    required = kw.pop("required", location == "path")
    return Parameter(name, location, kw.pop("arg", name), required, schema, **kw)  # type: ignore[arg-type]


def get(tool_name: str, path: str, *parameters: Parameter, **kw: Any) -> Operation:
    return operation(tool_name, "GET", path, *parameters, **kw)


PET_BODY = Body(
    "application/json",
    required=True,
    schema={
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["name"],
    },
)

GET_PET = get(
    "getPetById",
    "/echo/pets/{petId}",
    param("petId", "path", {"type": "integer"}),
    param("verbose", "query", {"type": "boolean"}),
    summary="Find a pet by id",
)
LIST_PETS = get(
    "listPets",
    "/echo/pets",
    param("limit", "query", {"type": "integer", "minimum": 1}),
    param("tags", "query", {"type": "array", "items": {"type": "string"}}),
    param("ids", "query", {"type": "array", "items": {"type": "integer"}}, explode=False),
    param("X-Trace", "header", {"type": "string"}, arg="header_X-Trace"),
    param("session", "cookie", {"type": "string"}),
)
ADD_PET = operation("addPet", "POST", "/echo/pets", body=PET_BODY, summary="Add a pet")


# The server's own document; SERVER_URL becomes its address when served.
OPENAPI_YAML = """\
openapi: 3.1.0
info:
  title: Scripted Test API
  version: "1.0"
  description: Routes of the scripted action server used by the tests.
servers:
  - url: SERVER_URL
components:
  securitySchemes:
    keyHeader: {type: apiKey, in: header, name: X-API-Key}
    keyQuery: {type: apiKey, in: query, name: api_key}
    keyCookie: {type: apiKey, in: cookie, name: session_key}
    bearer: {type: http, scheme: bearer}
    basic: {type: http, scheme: basic}
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: SERVER_URL/oauth/token
          scopes: {read: read things}
  schemas:
    Order:
      type: object
      required: [product, quantity]
      properties:
        product: {type: string, description: What to order}
        quantity: {type: integer, minimum: 1}
        note: {$ref: '#/components/schemas/Note'}
    Note:
      type: object
      properties:
        text: {type: string}
        reply: {$ref: '#/components/schemas/Note'}
paths:
  /echo/weather/{city}:
    get:
      operationId: getWeather
      summary: Current weather for a city
      description: 查询城市天气 (weather for a city).
      parameters:
        - {name: city, in: path, required: true, schema: {type: string}}
        - {name: days, in: query, schema: {type: integer, minimum: 1, maximum: 7}}
        - {name: units, in: query, schema: {type: string, enum: [metric, imperial]}}
  /echo/orders:
    post:
      operationId: createOrder
      summary: Place an order
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Order'}
  /secure/header:
    get: {operationId: secureHeader, summary: Needs an API key header, security: [{keyHeader: []}]}
  /secure/query:
    get: {operationId: secureQuery, summary: API key in the query, security: [{keyQuery: []}]}
  /secure/cookie:
    get: {operationId: secureCookie, summary: Needs an API key cookie, security: [{keyCookie: []}]}
  /secure/bearer:
    get: {operationId: secureBearer, summary: Needs a bearer token, security: [{bearer: []}]}
  /secure/basic:
    get: {operationId: secureBasic, summary: User name and password, security: [{basic: []}]}
  /secure/oauth:
    get: {operationId: secureOauth, summary: Needs an OAuth2 token, security: [{oauth: [read]}]}
  /status/{code}:
    get:
      operationId: getStatus
      summary: Answers with the given HTTP status
      parameters:
        - {name: code, in: path, required: true, schema: {type: integer}}
  /slow:
    get:
      operationId: slow
      summary: Answers after a delay
      parameters:
        - {name: seconds, in: query, schema: {type: number}}
  /huge:
    get:
      operationId: huge
      summary: A very large answer
      parameters:
        - {name: bytes, in: query, required: true, schema: {type: integer}}
"""
