"""Calls whose arguments are tagged key/value pairs, not JSON: GLM-4.5, Seed-OSS, Qwen3-Coder.

Values come as raw text, so their JSON type is taken from the tool's schema: a string
parameter keeps the text, anything else is read as JSON (or a Python literal, which is how
some templates print non-string values) and stays text when it is neither.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

from desktop.core.providers.toolcalls.calls import NOT_JSON, Found, parse_json

_GLM_PAIR = re.compile(r"<arg_key>(.*?)</arg_key>\s*<arg_value>(.*?)(?:</arg_value>|$)", re.S)
_FUNCTION = re.compile(r"<function=([^>\n]*)>(.*?)(?:</function>|$)", re.S)
_PARAMETER = re.compile(r"<parameter=([^>\n]*)>(.*?)(?:</parameter>|(?=<parameter=)|$)", re.S)


class ArgumentTypes:
    """The declared JSON type of each tool's parameters, for turning text into values."""

    def __init__(self, tools: list[dict[str, Any]]) -> None:
        self._types: dict[tuple[str, str], Any] = {}
        for tool in tools:
            function = tool.get("function", tool)
            properties = (function.get("parameters") or {}).get("properties") or {}
            for key, schema in properties.items():
                if isinstance(schema, dict):
                    self._types[(function.get("name", ""), key)] = schema.get("type")

    def value(self, tool: str, key: str, raw: str) -> Any:
        declared = self._types.get((tool, key))
        if declared == "string" or (isinstance(declared, list) and declared == ["string"]):
            return raw
        value = parse_json(raw)
        if value is not NOT_JSON:
            return value
        try:
            return ast.literal_eval(raw.strip())
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return raw


def _arguments(pairs: dict[str, Any]) -> str:
    try:
        return json.dumps(pairs, ensure_ascii=False)
    except (TypeError, ValueError):  # a Python literal JSON cannot hold (a set, bytes)
        return json.dumps({k: repr(v) for k, v in pairs.items()}, ensure_ascii=False)


def parse_glm(body: str, types: ArgumentTypes) -> list[Found]:
    """`NAME`, a newline, then `<arg_key>k</arg_key><arg_value>v</arg_value>` pairs."""
    head, _, _ = body.partition("<arg_key>")
    name = head.strip()
    if not name:
        return []
    pairs = {
        key.strip(): types.value(name, key.strip(), value) for key, value in _GLM_PAIR.findall(body)
    }
    return [Found(name, _arguments(pairs))]


def parse_functions(body: str, types: ArgumentTypes) -> list[Found]:
    """`<function=NAME><parameter=k>v</parameter>...</function>`, one or more."""
    found = []
    for name, inner in _FUNCTION.findall(body):
        pairs = {
            key.strip(): types.value(name.strip(), key.strip(), _trim_newline(value))
            for key, value in _PARAMETER.findall(inner)
        }
        found.append(Found(name.strip(), _arguments(pairs)))
    return found


def _trim_newline(value: str) -> str:
    """Qwen3-Coder puts each value on its own lines; one newline each side is layout."""
    value = value.removeprefix("\n")
    return value.removesuffix("\n")
