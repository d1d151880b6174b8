"""Reading documents: files, addresses (a real server on 127.0.0.1), text, limits, versions."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions.load import (
    MAX_DOCUMENT_BYTES,
    decode,
    document_version,
    fetch_url,
    parse_text,
    read_file,
)

DOC = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}
DOC_JSON = json.dumps(DOC).encode()


# -- a document server ----------------------------------------------------------------------


@dataclass
class Route:
    """One scripted answer; `chunks` go out with chunked encoding and no length."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    chunks: list[bytes] | None = None
    delay: float = 0.0


class DocServer:
    """Serves `routes` by path on 127.0.0.1; unknown paths answer 404."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                owner.requests.append(self.path)
                route = owner.routes.get(self.path, Route(404, b"not found"))
                time.sleep(route.delay)
                # The client may stop reading: that is what a size limit or a timeout does.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._answer(route)

            def _answer(self, route: Route) -> None:
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.chunks is None:
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                    return
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for chunk in route.chunks:
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")

            def log_message(self, *args: object) -> None:
                """No access log on stderr."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> DocServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


@pytest.fixture
def docs() -> Iterator[DocServer]:
    with DocServer() as running:
        yield running


# -- files ----------------------------------------------------------------------------------


def test_a_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_bytes(DOC_JSON)
    assert json.loads(read_file(path)) == DOC


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ActionDocumentError, match=r"No file at .*nope\.yaml: check the path"):
        read_file(tmp_path / "nope.yaml")


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(ActionDocumentError, match="is a folder"):
        read_file(tmp_path)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: its size is all that is looked at
    with pytest.raises(ActionDocumentError, match=r"too large to import \(52\.4 MB; the limit"):
        read_file(path)


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with pytest.raises(ActionDocumentError, match="binary file"):
        read_file(path)


def test_byte_order_marks_choose_the_encoding() -> None:
    assert decode("openapi: 3.1.0".encode("utf-16"), "x") == "openapi: 3.1.0"
    assert decode(b"\xef\xbb\xbfopenapi: 3.1.0", "x") == "openapi: 3.1.0"


def test_text_that_is_not_utf8_says_so() -> None:
    with pytest.raises(ActionDocumentError, match="not UTF-8 text"):
        decode("título: ñ".encode("latin-1"), "api.yaml")


# -- addresses -------------------------------------------------------------------------------


def test_a_document_is_fetched(docs: DocServer) -> None:
    docs.routes["/api.json"] = Route(body=DOC_JSON, headers={"Content-Type": "application/json"})
    fetched = fetch_url(f"{docs.url}/api.json")
    assert json.loads(fetched.text) == DOC
    assert fetched.url == f"{docs.url}/api.json"


def test_redirects_are_followed_and_the_final_address_kept(docs: DocServer) -> None:
    docs.routes["/old"] = Route(302, headers={"Location": "/moved"})
    docs.routes["/moved"] = Route(301, headers={"Location": "/api.json"})
    docs.routes["/api.json"] = Route(body=DOC_JSON)
    fetched = fetch_url(f"{docs.url}/old")
    assert fetched.url == f"{docs.url}/api.json"
    assert docs.requests == ["/old", "/moved", "/api.json"]


def test_a_redirect_loop_stops(docs: DocServer) -> None:
    docs.routes["/loop"] = Route(302, headers={"Location": "/loop"})
    with pytest.raises(ActionDocumentError, match="redirected more than 5 times"):
        fetch_url(f"{docs.url}/loop")
    assert len(docs.requests) == 6


def test_an_http_error_names_the_status(docs: DocServer) -> None:
    with pytest.raises(
        ActionDocumentError, match=r"answered HTTP 404 Not Found: check the address"
    ):
        fetch_url(f"{docs.url}/missing.json")


def test_a_declared_length_over_the_limit_is_refused_before_reading(docs: DocServer) -> None:
    docs.routes["/big"] = Route(body=b"x" * 5000)
    with pytest.raises(ActionDocumentError, match=r"too large to import \(5\.0 KB; the limit"):
        fetch_url(f"{docs.url}/big", max_bytes=1000)


def test_a_stream_over_the_limit_is_refused_while_it_comes(docs: DocServer) -> None:
    docs.routes["/stream"] = Route(chunks=[b"x" * 600] * 100)
    with pytest.raises(ActionDocumentError, match=r"too large to import \(more than"):
        fetch_url(f"{docs.url}/stream", max_bytes=1000)


def test_a_closed_port_cannot_be_reached() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ActionDocumentError, match="cannot be reached"):
        fetch_url(f"http://127.0.0.1:{port}/api.json")


def test_a_slow_server_times_out(docs: DocServer) -> None:
    docs.routes["/slow"] = Route(body=DOC_JSON, delay=1.0)
    with pytest.raises(ActionDocumentError, match="did not answer in time"):
        fetch_url(f"{docs.url}/slow", timeout_s=0.2)


def test_only_http_addresses_are_fetched() -> None:
    with pytest.raises(ActionDocumentError, match="not an http"):
        fetch_url("ftp://example.com/api.json")


def test_a_web_page_is_not_a_document(docs: DocServer) -> None:
    docs.routes["/docs"] = Route(body=b"<!DOCTYPE html><html></html>")
    with pytest.raises(ActionDocumentError, match="HTML or XML"):
        parse_text(fetch_url(f"{docs.url}/docs").text)


# -- text -------------------------------------------------------------------------------------


def test_json_and_yaml_are_both_read() -> None:
    assert parse_text(DOC_JSON.decode()) == DOC
    text = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths: {}\n"
    assert parse_text(text) == DOC


def test_a_yaml_flow_mapping_is_not_mistaken_for_bad_json() -> None:
    assert parse_text("{openapi: 3.1.0, paths: {}}")["paths"] == {}


def test_50_mb_of_text_is_refused() -> None:
    text = "openapi: 3.1.0\n" + "x" * (50 * 1024 * 1024)
    with pytest.raises(ActionDocumentError, match="too large to import"):
        parse_text(text)
    assert len(text) > MAX_DOCUMENT_BYTES


def test_bad_json_names_line_and_column() -> None:
    text = '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a": {}\n    "/b": {}\n  }\n}'
    with pytest.raises(ActionDocumentError) as caught:
        parse_text(text)
    assert caught.value.line == 5
    assert "not valid JSON: Expecting ',' delimiter at line 5, column 5" in caught.value.message


def test_bad_yaml_names_the_line() -> None:
    text = "openapi: 3.1.0\npaths:\n  /a:\n    get: {\n"
    with pytest.raises(ActionDocumentError, match=r"not valid YAML: .* at line 5") as caught:
        parse_text(text)
    assert caught.value.line == 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The document is empty"),
        ("   \n", "The document is empty"),
        ("# only a comment\n", r"The document is empty \(only comments\?\)"),
        ("- a\n- b\n", "its top level is a list"),
        ("just words", "its top level is plain text"),
        ("42", "its top level is a single value"),
        ("info: {title: T}\npaths: {}\n", "no `openapi` or `swagger` key"),
        ("openapi: 4.0.0\n", r"OpenAPI 4\.0\.0 is not supported: use a document in OpenAPI 3\.0"),
        ("openapi: 1.0.0\n", r"OpenAPI 1\.0\.0 is not supported"),
        ("swagger: '1.2'\n", r"Swagger 1\.2 is not supported: convert"),
        ('{"swaggerVersion": "1.2", "apis": []}', r"Swagger 1\.x documents are not supported"),
        ("<?xml version='1.0'?><api/>", "HTML or XML"),
    ],
)
def test_what_is_not_a_usable_document_says_why(text: str, message: str) -> None:
    with pytest.raises(ActionDocumentError, match=message):
        parse_text(text)


@pytest.mark.parametrize(
    ("data", "version"),
    [
        ({"openapi": "3.0.3"}, "3.0.3"),
        ({"openapi": "3.1.0"}, "3.1.0"),
        ({"openapi": "3.2.0"}, "3.2.0"),
        ({"openapi": 3.0}, "3.0"),  # unquoted in YAML
        ({"swagger": "2.0"}, "2.0"),
        ({"swagger": 2.0}, "2.0"),
    ],
)
def test_supported_versions(data: dict[str, object], version: str) -> None:
    assert document_version(data) == version


def test_an_unsupported_version_error_points_at_the_key() -> None:
    with pytest.raises(ActionDocumentError) as caught:
        document_version({"openapi": "4.1"})
    assert caught.value.pointer == "/openapi"


def test_deeply_nested_json_is_refused() -> None:
    with pytest.raises(ActionDocumentError, match="nested too deeply"):
        parse_text("[" * 100_000)
