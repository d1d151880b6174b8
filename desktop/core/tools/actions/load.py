"""Reading an action document from a file, a URL or pasted text, within size and nesting limits.

Thread: any; every function here blocks (the URL fetch on the network).

The limits are checked before the work they guard: a file's size before it is read, a
response's length while it streams, YAML aliases by their expanded size without ever
expanding them (`yaml_text`), so a 50 MB file or a "billion laughs" document is refused
in well under a second.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2

from desktop.core.errors import ActionDocumentError, InsecureTransportError
from desktop.core.netguard import refuse_link_local
from desktop.core.tools.actions.yaml_text import load_yaml
from desktop.core.units import human_size

MAX_DOCUMENT_BYTES = 16_000_000
FETCH_TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
# A slow server can answer every read within the timeout and still never finish.
_TOTAL_FETCH_FACTOR = 4
_ACCEPT = "application/json, application/yaml, text/yaml, text/plain;q=0.9, */*;q=0.5"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SUPPORTED = "OpenAPI 3.0, 3.1 or 3.2, or Swagger 2.0"
_OPENAPI_3 = re.compile(r"^3\.[0-2](\.\d+)?(-[0-9A-Za-z.-]+)?$")


@dataclass(frozen=True)
class Fetched:
    """A document fetched over HTTP; `url` is where it was found, after redirects."""

    text: str
    url: str


def read_file(path: str | Path, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> str:
    """The text of the file at `path`; its size is checked before it is read."""
    file = Path(path).expanduser()
    try:
        if file.is_dir():
            raise ActionDocumentError(f"{file} is a folder: choose the document file inside it.")
        size = file.stat().st_size
        if size > max_bytes:
            raise _too_large(str(file), size, max_bytes)
        with file.open("rb") as handle:
            # The file may grow between stat and read: never read past the limit.
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ActionDocumentError(f"No file at {file}: check the path.") from None
    except PermissionError:
        raise ActionDocumentError(
            f"{file} cannot be read (permission denied): copy it somewhere readable."
        ) from None
    except OSError as exc:
        raise ActionDocumentError(f"{file} cannot be read: {exc.strerror or exc}.") from None
    if len(raw) > max_bytes:
        raise _too_large(str(file), len(raw), max_bytes)
    return decode(raw, str(file))


def fetch_url(
    url: str, *, timeout_s: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Fetched:
    """GET `url` (http or https), following up to `MAX_REDIRECTS` redirects.

    The body streams in and is refused as soon as it passes `max_bytes`; `timeout_s` bounds
    connecting and each read, and four times it the whole transfer.
    """
    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise ActionDocumentError(f"{url} is not an http(s) address: use https://… or a file.")
    _not_link_local(url)
    deadline = time.monotonic() + timeout_s * _TOTAL_FETCH_FACTOR
    try:
        with (
            httpx2.Client(
                timeout=timeout_s,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                event_hooks={"request": [lambda request: _not_link_local(str(request.url))]},
            ) as client,
            client.stream("GET", url, headers={"Accept": _ACCEPT}) as response,
        ):
            if response.status_code >= 400:
                raise ActionDocumentError(
                    f"{url} answered HTTP {response.status_code} {response.reason_phrase}: "
                    "check the address, or download the document and import the file."
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(url, int(declared), max_bytes)
            parts: list[bytes] = []
            received = 0
            for part in response.iter_bytes():
                received += len(part)
                if received > max_bytes:
                    raise _too_large(url, received, max_bytes, at_least=True)
                if time.monotonic() > deadline:
                    raise httpx2.ReadTimeout("the transfer took too long")
                parts.append(part)
            final_url = str(response.url)
            charset = response.charset_encoding
    except httpx2.TooManyRedirects:
        raise ActionDocumentError(
            f"{url} redirected more than {MAX_REDIRECTS} times: use the document's final address."
        ) from None
    except httpx2.TimeoutException:
        raise ActionDocumentError(
            f"{url} did not answer in time ({timeout_s:.0f} s per read): try again later, or "
            "download the document and import the file."
        ) from None
    except (httpx2.TransportError, httpx2.InvalidURL) as exc:
        raise ActionDocumentError(
            f"{url} cannot be reached ({exc or type(exc).__name__}): check the address and "
            "your connection."
        ) from None
    return Fetched(decode(b"".join(parts), url, charset), final_url)


def decode(raw: bytes, where: str, charset: str | None = None) -> str:
    """Bytes as text: a byte-order mark wins, then `charset`, then UTF-8."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if encoding is None and b"\0" in raw[:4096]:
        raise ActionDocumentError(
            f"{where} is a binary file, not a JSON or YAML document: choose the .json or "
            ".yaml file."
        )
    try:
        return raw.decode(encoding or charset or "utf-8")
    except (UnicodeDecodeError, LookupError) as exc:
        offset = getattr(exc, "start", 0)
        raise ActionDocumentError(
            f"{where} is not UTF-8 text (byte {offset} cannot be read): save it as UTF-8."
        ) from None


def parse_text(text: str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> dict[str, Any]:
    """The document's top-level mapping, from JSON or YAML text, after `document_version`."""
    # Characters are at most 4 bytes: only near the limit is the exact size worth counting.
    if len(text) > max_bytes or (
        len(text) > max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > max_bytes
    ):
        raise _too_large("The text", len(text), max_bytes, at_least=True)
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise ActionDocumentError(
            "The document is empty: paste an OpenAPI document (JSON or YAML), or import it "
            "from a file or an address."
        )
    if stripped.startswith("<"):
        raise ActionDocumentError(
            "This is HTML or XML (a web page?), not an OpenAPI document: use the address of "
            "the raw JSON or YAML file, often linked as 'Download' or 'openapi.json'."
        )
    data = _parse_json(stripped) if stripped[0] in "{[" else load_yaml(stripped)
    document_version(data)
    return data  # type: ignore[no-any-return]  # document_version checked it is a dict


def document_version(data: Any) -> str:
    """The version the document declares ("2.0", "3.0.3", "3.1.0"), if it is supported."""
    if data is None:
        raise ActionDocumentError(
            "The document is empty (only comments?): paste an OpenAPI document, or import it "
            "from a file or an address."
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        if isinstance(data, str):
            kind = "plain text"
        raise ActionDocumentError(
            f"This is not an OpenAPI document: its top level is {kind}, not a mapping with "
            "keys such as `openapi`, `info` and `paths`."
        )
    if "openapi" in data:
        version = _version_text(data["openapi"])
        if _OPENAPI_3.match(version):
            return version
        raise ActionDocumentError(
            f"OpenAPI {version} is not supported: use a document in {_SUPPORTED}.", "/openapi"
        )
    if "swagger" in data:
        version = _version_text(data["swagger"])
        if version in {"2", "2.0"}:
            return "2.0"
        raise ActionDocumentError(
            f"Swagger {version} is not supported: convert the document to OpenAPI 3 "
            f"(for example with the Swagger Editor) and import that; {_SUPPORTED} can be read.",
            "/swagger",
        )
    if "swaggerVersion" in data:
        raise ActionDocumentError(
            "Swagger 1.x documents are not supported: convert it to OpenAPI 3 "
            f"(for example with the Swagger Editor) and import that; {_SUPPORTED} can be read."
        )
    raise ActionDocumentError(
        "The document has no `openapi` or `swagger` key, so it is not an OpenAPI document: "
        "if it is one, add `openapi: 3.1.0` (or the version it follows) at the top."
    )


def _version_text(value: Any) -> str:
    # An unquoted `openapi: 3.0` or `swagger: 2.0` reads as a number in YAML.
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ActionDocumentError(
            "The document is nested too deeply to read (hundreds of levels): no API "
            "description needs that; check the file."
        ) from None
    except json.JSONDecodeError as exc:
        json_error = exc
    # A YAML flow mapping also starts with `{`: it gets its chance before the JSON error.
    with contextlib.suppress(ActionDocumentError):
        return load_yaml(text)
    raise ActionDocumentError(
        f"The document is not valid JSON: {json_error.msg} at line {json_error.lineno}, "
        f"column {json_error.colno}. Fix the text there (a missing comma, quote or bracket "
        "is the usual cause).",
        line=json_error.lineno,
    )


def _too_large(where: str, size: int, limit: int, *, at_least: bool = False) -> ActionDocumentError:
    over = "more than " if at_least else ""
    return ActionDocumentError(
        f"{where} is too large to import ({over}{human_size(size)}; the limit is "
        f"{human_size(limit)}): use a smaller document, for example one with only the "
        "operations the assistant needs."
    )


def _not_link_local(url: str) -> None:
    """Refuse a link-local address (a cloud's metadata service), redirects included."""
    try:
        refuse_link_local(url, "Fetching an action document")
    except InsecureTransportError as exc:
        raise ActionDocumentError(exc.message) from None
