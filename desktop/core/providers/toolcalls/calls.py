"""What a call parser hands back (visible text and tool calls) and the JSON helpers it uses."""

from __future__ import annotations

import json
import re
import secrets
import string
from dataclasses import dataclass
from typing import Any

from desktop.core.ids import new_id


@dataclass(frozen=True)
class Text:
    """Answer text to show."""

    text: str


@dataclass(frozen=True)
class Call:
    """One tool call, numbered from 0 in the answer.

    `closed` is False when the answer ended inside the call; its arguments are then
    whatever the model wrote before it stopped.
    """

    index: int
    id: str
    name: str
    arguments: str
    closed: bool = True


Piece = Text | Call


@dataclass(frozen=True)
class Found:
    """A call a format parser found, before the stream numbers it."""

    name: str
    arguments: str
    id: str | None = None


_ALNUM = string.ascii_letters + string.digits
NOT_JSON: Any = object()  # what the JSON helpers return for text that is not JSON


def new_call_id(length: int | None = None) -> str:
    """`call_<hex>`, or `length` letters and digits for formats that fix the id's shape."""
    if length is None:
        return new_id("call")
    return "".join(secrets.choice(_ALNUM) for _ in range(length))


def parse_json(text: str) -> Any:
    """The JSON value in `text`, or `NOT_JSON`.

    Lenient about raw control characters inside strings: a model (or a grammar) may write
    a real newline in a string, which strict JSON forbids but which is not worth a failed call.
    """
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return NOT_JSON


def leading_json(text: str) -> tuple[Any, str]:
    """The JSON value at the start of `text` (after spaces) and the text after it.

    Returns `(NOT_JSON, text)` when `text` does not start with a complete JSON value.
    """
    stripped = text.lstrip()
    try:
        value, end = json.JSONDecoder(strict=False).raw_decode(stripped)
    except (ValueError, RecursionError):
        return NOT_JSON, text
    return value, stripped[end:]


def arguments_text(value: Any) -> str:
    """Arguments as the engine wants them: JSON text. A string is taken as JSON text."""
    if isinstance(value, str):
        return normalized_arguments(value)
    return json.dumps(value, ensure_ascii=False)


def normalized_arguments(raw: str) -> str:
    """`raw` re-encoded when it is JSON (so strict parsers accept it), else `raw` unchanged."""
    value = parse_json(raw)
    if value is NOT_JSON or isinstance(value, str):
        return raw.strip()
    return json.dumps(value, ensure_ascii=False)


def call_from_object(value: Any, name_keys: tuple[str, ...] = ("name",)) -> Found | None:
    """A call from a decoded `{"name": ..., "arguments"|"parameters": ...}` object."""
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("function"), dict):  # {"type": "function", "function": {...}}
        value = value["function"]
    name = next((value[k] for k in name_keys if isinstance(value.get(k), str)), None)
    if name is None:
        return None
    arguments: Any = next((value[k] for k in ("arguments", "parameters") if k in value), {})
    call_id = value.get("id") or value.get("tool_call_id")
    return Found(name, arguments_text(arguments), str(call_id) if call_id else None)


_NAME = re.compile(r'"(?:name|tool_name)"\s*:\s*"((?:[^"\\]|\\.)*)"')
_ARGUMENTS = re.compile(r'"(?:arguments|parameters)"\s*:\s*', re.S)


def salvage(text: str) -> Found:
    """Best effort for call text that is not valid JSON.

    The name if it can be read, and the arguments as the model wrote them, so that the
    engine can tell the model what went wrong.
    """
    name_match = _NAME.search(text)
    name = parse_json(f'"{name_match.group(1)}"') if name_match else ""
    arguments = text.strip()
    args_match = _ARGUMENTS.search(text)
    if args_match:
        arguments = text[args_match.end() :].strip()
        if arguments.endswith("}}"):
            arguments = arguments[:-1]  # the object around the call, not the arguments
    return Found(name if isinstance(name, str) else "", arguments)


def calls_from_json(text: str, name_keys: tuple[str, ...] = ("name",)) -> list[Found]:
    """Calls in JSON text holding one call object or a list of them.

    A list is read item by item, so the complete calls of a list that was cut off still come
    out whole; what cannot be read is salvaged into one last call.
    """
    rest = text.strip()
    if not rest.startswith("["):
        found = call_from_object(parse_json(rest), name_keys)
        if found is not None:
            return [found]
        return [salvage(rest)] if rest else []
    calls: list[Found] = []
    rest = rest[1:]
    while True:
        rest = rest.lstrip().removeprefix(",").lstrip()
        if not rest or rest.startswith("]"):
            return calls
        value, after = leading_json(rest)
        found = call_from_object(value, name_keys) if value is not NOT_JSON else None
        if found is None:
            return [*calls, salvage(rest.removesuffix("]"))]
        calls.append(found)
        rest = after
