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

from desktop.core.errors import ActionDocumentError, InsecureTransportError, said
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
            raise ActionDocumentError(
                said("{file} is a folder: choose the document file inside it.", file=file)
            )
        size = file.stat().st_size
        if size > max_bytes:
            raise _too_large(str(file), size, max_bytes)
        with file.open("rb") as handle:
            # The file may grow between stat and read: never read past the limit.
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ActionDocumentError(said("No file at {file}: check the path.", file=file)) from None
    except PermissionError:
        raise ActionDocumentError(
            said(
                "{file} cannot be read (permission denied): copy it somewhere readable.",
                file=file,
            )
        ) from None
    except OSError as exc:
        raise ActionDocumentError(
            said("{file} cannot be read: {reason}.", file=file, reason=exc.strerror or exc)
        ) from None
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
        raise ActionDocumentError(
            said("{url} is not an http(s) address: use https://… or a file.", url=url)
        )
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
                    said(
                        "{url} answered HTTP {status} {reason}: check the address, or "
                        "download the document and import the file.",
                        url=url,
                        status=response.status_code,
                        reason=response.reason_phrase,
                    )
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
            said(
                "{url} redirected more than {count} times: use the document's final address.",
                url=url,
                count=MAX_REDIRECTS,
            )
        ) from None
    except httpx2.TimeoutException:
        raise ActionDocumentError(
            said(
                "{url} did not answer in time ({seconds} s per read): try again later, or "
                "download the document and import the file.",
                url=url,
                seconds=f"{timeout_s:.0f}",
            )
        ) from None
    except (httpx2.TransportError, httpx2.InvalidURL) as exc:
        raise ActionDocumentError(
            said(
                "{url} cannot be reached ({reason}): check the address and your connection.",
                url=url,
                reason=exc or type(exc).__name__,
            )
        ) from None
    return Fetched(decode(b"".join(parts), url, charset), final_url)


def decode(raw: bytes, where: str, charset: str | None = None) -> str:
    """Bytes as text: a byte-order mark wins, then `charset`, then UTF-8."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if encoding is None and b"\0" in raw[:4096]:
        raise ActionDocumentError(
            said(
                "{where} is a binary file, not a JSON or YAML document: choose the .json or "
                ".yaml file.",
                where=where,
            )
        )
    try:
        return raw.decode(encoding or charset or "utf-8")
    except (UnicodeDecodeError, LookupError) as exc:
        offset = getattr(exc, "start", 0)
        raise ActionDocumentError(
            said(
                "{where} is not UTF-8 text (byte {offset} cannot be read): save it as UTF-8.",
                where=where,
                offset=offset,
            )
        ) from None


def parse_text(text: str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> dict[str, Any]:
    """The document's top-level mapping, from JSON or YAML text, after `document_version`."""
    # Characters are at most 4 bytes: only near the limit is the exact size worth counting.
    if len(text) > max_bytes or (
        len(text) > max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > max_bytes
    ):
        raise ActionDocumentError(
            said(
                "The text is too large to import (more than {size}; the limit is {limit}): "
                "use a smaller document, for example one with only the operations the "
                "assistant needs.",
                size=human_size(len(text)),
                limit=human_size(max_bytes),
            )
        )
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise ActionDocumentError(
            said(
                "The document is empty: paste an OpenAPI document (JSON or YAML), or import it "
                "from a file or an address."
            )
        )
    if stripped.startswith("<"):
        raise ActionDocumentError(
            said(
                "This is HTML or XML (a web page?), not an OpenAPI document: use the address "
                "of the raw JSON or YAML file, often linked as 'Download' or 'openapi.json'."
            )
        )
    data = _parse_json(stripped) if stripped[0] in "{[" else load_yaml(stripped)
    document_version(data)
    return data  # type: ignore[no-any-return]  # document_version checked it is a dict


def document_version(data: Any) -> str:
    """The version the document declares ("2.0", "3.0.3", "3.1.0"), if it is supported."""
    if data is None:
        raise ActionDocumentError(
            said(
                "The document is empty (only comments?): paste an OpenAPI document, or import "
                "it from a file or an address."
            )
        )
    if not isinstance(data, dict):
        if isinstance(data, str):
            message = said(
                "This is not an OpenAPI document: its top level is plain text, not a mapping "
                "with keys such as `openapi`, `info` and `paths`."
            )
        elif isinstance(data, list):
            message = said(
                "This is not an OpenAPI document: its top level is a list, not a mapping "
                "with keys such as `openapi`, `info` and `paths`."
            )
        else:
            message = said(
                "This is not an OpenAPI document: its top level is a single value, not a "
                "mapping with keys such as `openapi`, `info` and `paths`."
            )
        raise ActionDocumentError(message)
    if "openapi" in data:
        version = _version_text(data["openapi"])
        if _OPENAPI_3.match(version):
            return version
        raise ActionDocumentError(
            said(
                "OpenAPI {version} is not supported: use a document in {supported}.",
                version=version,
                supported=_SUPPORTED,
            ),
            "/openapi",
        )
    if "swagger" in data:
        version = _version_text(data["swagger"])
        if version in {"2", "2.0"}:
            return "2.0"
        raise ActionDocumentError(
            said(
                "Swagger {version} is not supported: convert the document to OpenAPI 3 "
                "(for example with the Swagger Editor) and import that; {supported} can be "
                "read.",
                version=version,
                supported=_SUPPORTED,
            ),
            "/swagger",
        )
    if "swaggerVersion" in data:
        raise ActionDocumentError(
            said(
                "Swagger 1.x documents are not supported: convert it to OpenAPI 3 "
                "(for example with the Swagger Editor) and import that; {supported} can be "
                "read.",
                supported=_SUPPORTED,
            )
        )
    raise ActionDocumentError(
        said(
            "The document has no `openapi` or `swagger` key, so it is not an OpenAPI "
            "document: if it is one, add `openapi: 3.1.0` (or the version it follows) at the "
            "top."
        )
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
            said(
                "The document is nested too deeply to read (hundreds of levels): no API "
                "description needs that; check the file."
            )
        ) from None
    except json.JSONDecodeError as exc:
        json_error = exc
    # A YAML flow mapping also starts with `{`: it gets its chance before the JSON error.
    with contextlib.suppress(ActionDocumentError):
        return load_yaml(text)
    raise ActionDocumentError(
        said(
            "The document is not valid JSON: {problem} at line {line}, column {column}. Fix "
            "the text there (a missing comma, quote or bracket is the usual cause).",
            problem=json_error.msg,
            line=json_error.lineno,
            column=json_error.colno,
        ),
        line=json_error.lineno,
    )


def _too_large(where: str, size: int, limit: int, *, at_least: bool = False) -> ActionDocumentError:
    values = {"where": where, "size": human_size(size), "limit": human_size(limit)}
    if at_least:
        return ActionDocumentError(
            said(
                "{where} is too large to import (more than {size}; the limit is {limit}): use "
                "a smaller document, for example one with only the operations the assistant "
                "needs.",
                **values,
            )
        )
    return ActionDocumentError(
        said(
            "{where} is too large to import ({size}; the limit is {limit}): use a smaller "
            "document, for example one with only the operations the assistant needs.",
            **values,
        )
    )


def _not_link_local(url: str) -> None:
    """Refuse a link-local address (a cloud's metadata service), redirects included."""
    try:
        refuse_link_local(url, "Fetching an action document")
    except InsecureTransportError as exc:
        raise ActionDocumentError(exc.message) from None
