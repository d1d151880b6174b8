"""Formats where a call can be the whole answer, with no marker: Llama 3.x and GLM-4.

Llama 3.1-3.3 answer a call with bare JSON (`{"name": ..., "parameters": {...}}`), or
after `<|python_tag|>` with JSON, a built-in `brave_search.call(query="...")`, or code.
GLM-4 answers `NAME` on the first line and the JSON arguments below it.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from desktop.core.providers.toolcalls.calls import (
    NOT_JSON,
    Found,
    arguments_text,
    call_from_object,
    leading_json,
    normalized_arguments,
    salvage,
)
from desktop.core.providers.toolcalls.stream import Block, Lead, Syntax
from desktop.core.providers.toolcalls.wrapped import python_code

Tools = list[dict[str, Any]]

_CALL_KEYS = ('{"name":', '{"type":', '{"function":')
_CALL_START = re.compile(r'\{\s*"(?:name|type|function)"\s*:')


def llama3(_tools: Tools) -> Syntax:
    return Syntax(
        (Block("<|python_tag|>", None, _python_tag),),
        lead=Lead(_starts_like_a_call, _bare_json),
    )


def _starts_like_a_call(text: str) -> bool | None:
    """Whether an answer starting with `text` is a JSON call (None: too early to say)."""
    stripped = text.lstrip()
    if not stripped:
        return None
    if not stripped.startswith("{"):
        return False
    compact = "".join(stripped[:64].split())
    if any(compact.startswith(key) for key in _CALL_KEYS):
        return True
    return None if any(key.startswith(compact) for key in _CALL_KEYS) else False


def _bare_json(text: str) -> list[Found] | None:
    """Calls in an answer of JSON objects (one, or several joined by `;`); None if not calls."""
    found: list[Found] = []
    rest = text.strip()
    while rest:
        value, after = leading_json(rest)
        if value is NOT_JSON:
            if _CALL_START.match(rest):  # cut off inside the call
                found.append(salvage(rest))
            break
        call = call_from_object(value)
        if call is None:
            break
        found.append(call)
        rest = after.lstrip().removeprefix(";").lstrip()
    return found or None


def _python_tag(body: str) -> list[Found]:
    text = body.strip()
    if text.startswith("{"):
        found = _bare_json(text)
        if found:
            return found
    builtin = _builtin_call(text)
    return [builtin] if builtin is not None else python_code(text)


def _builtin_call(text: str) -> Found | None:
    """`tool.call(key="value", ...)`, read with `ast` (parsed, never run)."""
    try:
        node = ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "call"
        and isinstance(node.func.value, ast.Name)
        and not node.args
    ):
        return None
    try:
        arguments = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return Found(node.func.value.id, arguments_text(arguments))


def glm4(tools: Tools) -> Syntax:
    names = [t.get("function", t).get("name", "") for t in tools]

    def decide(text: str) -> bool | None:
        line, newline, _ = text.lstrip().partition("\n")
        if newline:
            return line.strip() in names
        return None if any(name.startswith(line) for name in names) else False

    def parse(text: str) -> list[Found]:
        name, _, arguments = text.lstrip().partition("\n")
        return [Found(name.strip(), normalized_arguments(arguments))]

    return Syntax((), lead=Lead(decide, parse))
