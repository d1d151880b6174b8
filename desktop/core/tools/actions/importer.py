"""Importing an action document from what the user gives: a file path, an address, or the text.

Thread: any; blocks on the disk or the network, so call it off the GUI thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from desktop.core.errors import ActionDocumentError, InsecureTransportError, said
from desktop.core.netguard import refuse_link_local
from desktop.core.tools.actions.load import FETCH_TIMEOUT_S, fetch_url, read_file
from desktop.core.tools.actions.model import ActionDocument
from desktop.core.tools.actions.parse import cached_document

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


@dataclass(frozen=True)
class ImportResult:
    """An imported document, the text to store, and where it came from.

    `source` is the address it was fetched from (after redirects), the file's absolute
    path, or "" for pasted text.
    """

    document: ActionDocument
    text: str
    source: str

    @property
    def source_url(self) -> str:
        """The address to pass to `cached_document` again, so relative servers resolve alike."""
        return self.source if _URL.match(self.source) else ""


def import_action(source: str, *, timeout_s: float = FETCH_TIMEOUT_S) -> ImportResult:
    """Reads and parses a document from a path, an http(s) address, or JSON/YAML text.

    Raises `ActionDocumentError` with a message for the user; one about a place in the
    document names its line.
    """
    kind = source_kind(source)
    if kind == "url":
        fetched = fetch_url(source.strip(), timeout_s=timeout_s)
        text, origin, source_url = fetched.text, fetched.url, fetched.url
    elif kind == "file":
        path = Path(source.strip()).expanduser()
        text, origin, source_url = read_file(path), str(path.resolve()), ""
    else:
        text, origin, source_url = source, "", ""
    try:
        document = cached_document(text, source_url)
    except ActionDocumentError as exc:
        raise with_line(exc, text) from None
    refuse_link_local_servers(document)
    return ImportResult(document, text, origin)


def refuse_link_local_servers(document: ActionDocument, server: str = "") -> None:
    """Refuse a document (or a `server` override) that points at a link-local address.

    Raises:
        ActionDocumentError: naming the server.
    """
    for url in {server, *(s for op in document.operations for s in op.servers)}:
        try:
            refuse_link_local(url, "The action's server")
        except InsecureTransportError as exc:
            raise ActionDocumentError(exc.message) from None


def source_kind(source: str) -> str:
    """How `import_action` reads `source`: as a "url", a "file" or "text"."""
    stripped = source.strip()
    if "\n" in stripped or stripped.startswith(("{", "[")):
        return "text"
    if _URL.match(stripped):
        return "url"
    try:
        if Path(stripped).expanduser().exists():
            return "file"
    except (OSError, ValueError):  # a name too long, or with a NUL, for the file system
        return "text"
    # One line that reads as YAML (`openapi: 3.1.0`) is text; anything else was meant as a path.
    return "text" if re.match(r"^\s*(openapi|swagger)\s*:", stripped) else "file"


def with_line(error: ActionDocumentError, text: str) -> ActionDocumentError:
    """`error`, naming the line of its pointer in `text` when it has a pointer and no line."""
    if error.line is not None or not error.pointer:
        return error
    line = locate(text, error.pointer)
    if line is None:
        return error
    message = said("Line {line}: {message}", line=line, message=error.message)
    return ActionDocumentError(message, error.pointer, line)


def locate(text: str, pointer: str) -> int | None:
    """The 1-based line where the value at JSON `pointer` starts in JSON or YAML `text`."""
    tokens = [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]]
    loader = _Loader(text)
    # Each open collection: [is_mapping, waiting_for_key, current key or index]
    frames: list[list[Any]] = []
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return None
            if isinstance(event, _NODE_EVENTS):
                if frames and frames[-1][0] and frames[-1][1]:
                    frames[-1][1] = False
                    frames[-1][2] = getattr(event, "value", None)
                    if not isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                        return None  # a complex key: the document never got this far
                    continue
                if len(frames) == len(tokens) and [str(f[2]) for f in frames] == tokens:
                    return event.start_mark.line + 1 if event.start_mark else None
                if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                    frames.append([isinstance(event, yaml.MappingStartEvent), True, 0])
                    continue
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                frames.pop()
            else:
                continue
            _advance(frames)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _advance(frames: list[list[Any]]) -> None:
    """After a value: a mapping waits for its next key, a sequence counts on."""
    if not frames:
        return
    if frames[-1][0]:
        frames[-1][1] = True
    else:
        frames[-1][2] += 1
