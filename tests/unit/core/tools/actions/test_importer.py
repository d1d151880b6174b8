"""Importing from a path, an address or text, with errors that name their line."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions.importer import import_action, locate, source_kind, with_line

YAML_DOC = """\
openapi: 3.1.0
info:
  title: Pets
  version: '1'
servers:
  - url: /v1
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
"""

DUPLICATE_IDS = """\
openapi: 3.0.0
info: {title: T, version: '1'}
paths:
  /a:
    get:
      operationId: same
  /b:
    post:
      operationId: same
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """No access log on stderr."""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A static file server on 127.0.0.1 over a folder: (base URL, folder)."""
    folder = tmp_path / "www"
    folder.mkdir()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_import_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "pets.yaml"
    path.write_text(YAML_DOC)
    result = import_action(str(path))
    assert result.source == str(path.resolve())
    assert result.text == YAML_DOC
    assert result.source_url == ""
    assert result.document.operations[0].servers == ("/v1",)


def test_import_from_an_address_resolves_relative_servers(served: tuple[str, Path]) -> None:
    url, folder = served
    (folder / "specs").mkdir()
    (folder / "specs" / "pets.yaml").write_text(YAML_DOC)
    result = import_action(f"{url}/specs/pets.yaml")
    assert result.source == result.source_url == f"{url}/specs/pets.yaml"
    assert result.document.operations[0].servers == (f"{url}/v1",)
    assert result.document.source_url == f"{url}/specs/pets.yaml"


def test_a_folder_address_redirects_to_its_slash(served: tuple[str, Path]) -> None:
    url, folder = served
    (folder / "api").mkdir()
    (folder / "api" / "index.html").write_text(YAML_DOC)  # served for /api/ after a 301
    result = import_action(f"{url}/api")
    assert result.source == f"{url}/api/"
    assert result.document.operations[0].servers == (f"{url}/v1",)


def test_import_from_text() -> None:
    result = import_action(YAML_DOC)
    assert (result.source, result.text) == ("", YAML_DOC)
    assert result.document.operations[0].tool_name == "listPets"


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ActionDocumentError, match="No file at"):
        import_action(str(tmp_path / "missing.yaml"))


def test_50_mb_of_pasted_text_is_refused() -> None:
    with pytest.raises(ActionDocumentError, match="too large to import"):
        import_action("openapi: 3.1.0\npaths:\n" + " " * (50 * 1024 * 1024))


def test_structural_errors_name_their_line() -> None:
    with pytest.raises(ActionDocumentError) as caught:
        import_action(DUPLICATE_IDS)
    assert caught.value.line == 9
    assert caught.value.message.startswith("Line 9: The operationId 'same' is used twice")
    assert caught.value.pointer == "/paths/~1b/post/operationId"


def test_json_errors_name_their_line_too() -> None:
    text = json.dumps(
        {
            "openapi": "3.1.0",
            "paths": {"/a": {"get": {"operationId": "x"}}, "/b": {"get": {"operationId": "x"}}},
        },
        indent=2,
    )
    with pytest.raises(ActionDocumentError) as caught:
        import_action(text)
    assert caught.value.line is not None
    assert '"operationId": "x"' in text.splitlines()[caught.value.line - 1]
    assert '"/b"' in text.splitlines()[caught.value.line - 3]


@pytest.mark.parametrize(
    ("pointer", "line"),
    [
        ("/info/title", 3),
        ("/servers/0/url", 6),
        ("/paths/~1pets/get", 10),
        ("/paths/~1pets/get/summary", 11),
        ("/paths/~1nothing", None),
        ("", 1),
    ],
)
def test_locate(pointer: str, line: int | None) -> None:
    assert locate(YAML_DOC, pointer) == line


def test_with_line_keeps_errors_without_a_pointer() -> None:
    error = ActionDocumentError("x")
    assert with_line(error, YAML_DOC) is error
    assert with_line(ActionDocumentError("y", "/nope"), YAML_DOC).message == "y"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("https://example.com/openapi.json", "url"),
        ("  HTTP://example.com/a.yaml \n", "url"),
        ('{"openapi": "3.1.0"}', "text"),
        ("openapi: 3.1.0\npaths: {}", "text"),
        ("openapi: 3.1.0", "text"),
        ("specs/missing.yaml", "file"),
        ("x" * 10_000, "text"),  # too long for a file name
    ],
)
def test_source_kind(source: str, kind: str) -> None:
    assert source_kind(source) == kind
