"""What the model reads from an HTTP response: JSON, text or a summary, cut to a length.

Success bodies become compact JSON (keys and non-ASCII text kept as they came), text as
it is, and anything else a one-line summary. An error status becomes
`{"error": {"status", "reason", "body"}}`: the call worked, so the model reads what the
API said rather than a tool failure.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.core.tools.actions.http import HttpResponse

# Types that are text though not text/*; JSON is handled on its own.
_TEXT_TYPES = frozenset(
    {
        "application/xml",
        "application/javascript",
        "application/ecmascript",
        "application/x-yaml",
        "application/yaml",
        "application/x-www-form-urlencoded",
        "application/graphql",
        "application/csv",
        "application/x-ndjson",
        "application/problem+xml",
    }
)


@dataclass(frozen=True)
class Rendered:
    """The model's text, and how long it was before the cut."""

    text: str
    full_chars: int
    truncated: bool


def _same(text: str) -> str:
    return text


def render(response: HttpResponse, max_chars: int, mask: Callable[[str], str] = _same) -> Rendered:
    """The text for `response`, with `mask` applied before it is cut to `max_chars`."""
    if response.ok:
        return truncate(mask(_success_text(response)), max_chars)
    body: Any = _parsed(response)
    full = _error_text(response, body, mask)
    if len(full) <= max_chars:
        return Rendered(full, len(full), False)
    # Cut the body, not the envelope, so that the model still reads valid JSON.
    body_text = mask(body if isinstance(body, str) else _compact(body))
    room = max(max_chars - (len(full) - len(body_text)) - 80, 200)
    note = _note(room, len(body_text))
    cut = _error_text(response, body_text[:room] + note, _same)
    return Rendered(cut, len(full), True)


def truncate(text: str, max_chars: int) -> Rendered:
    """`text` cut to `max_chars`, with a note saying how much was left out."""
    if len(text) <= max_chars:
        return Rendered(text, len(text), False)
    return Rendered(text[:max_chars] + _note(max_chars, len(text)), len(text), True)


def is_json(content_type: str) -> bool:
    return content_type == "application/json" or content_type.endswith("+json")


def is_text(content_type: str) -> bool:
    return (
        content_type.startswith("text/")
        or content_type in _TEXT_TYPES
        or content_type.endswith(("+xml", "+yaml"))
    )


def _success_text(response: HttpResponse) -> str:
    if not response.body:
        return f"empty response ({response.status} {response.reason})".replace(" )", ")")
    value = _parsed(response)
    if isinstance(value, str):
        return value
    if value is _BINARY:
        kind = response.content_type or "unknown type"
        return f"binary response: {kind}, {len(response.body):,} bytes"
    return _compact(value)


_BINARY = object()


def _parsed(response: HttpResponse) -> Any:
    """JSON as a value, text as a str, or `_BINARY`."""
    kind = response.content_type
    if is_json(kind) or (not kind and response.body.lstrip()[:1] in (b"{", b"[")):
        try:
            return json.loads(response.body)
        except ValueError:  # an API that labels plain text as JSON: show the text
            return response.text()
    if is_text(kind):
        return response.text()
    if not kind and b"\0" not in response.body[:4096]:
        try:
            return response.body.decode(response.charset or "utf-8")
        except (UnicodeDecodeError, LookupError):
            return _BINARY
    return _BINARY


def _error_text(response: HttpResponse, body: Any, mask: Callable[[str], str]) -> str:
    if body is _BINARY:
        body = f"binary response: {response.content_type or 'unknown type'}"
        body += f", {len(response.body):,} bytes"
    error = {"status": response.status, "reason": response.reason, "body": body}
    return mask(_compact({"error": error}))


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _note(shown: int, total: int) -> str:
    return f"\n[truncated: showing the first {shown:,} of {total:,} characters]"
