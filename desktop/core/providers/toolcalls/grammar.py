"""GBNF grammars that hold a model to well-formed tool calls, or to a JSON value of a schema.

The JSON-schema half comes from a converter passed in (llama-cpp-python's, in practice; this
package does not import llama_cpp); this module lays the calls around it as a `Layout`
says. Whitespace between the layout's parts is bounded, so a random or confused model
cannot spin in it forever.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from desktop.core.providers.toolcalls.layouts import Layout, Part, Slot

# At most this many calls in one answer: more is never useful, and a bound keeps a
# sampling loop from running on.
MAX_CALLS = 8
WS_RULE = "ws ::= [ \\t\\n]{0,4}"
_LOOSE_CHAR = r'char ::= [^"\\] |'
_STRICT_CHAR = r'char ::= [^"\\\x7F\x00-\x1F] |'


class SchemaRules(Protocol):
    """The part of llama-cpp-python's `SchemaConverter` used here."""

    def resolve_refs(self, schema: dict[str, Any], url: str) -> Any: ...

    def visit(self, schema: dict[str, Any], name: str) -> str: ...

    def format_grammar(self) -> str: ...


def call_grammar(
    layout: Layout, tools: list[dict[str, Any]], rules: SchemaRules, after_trigger: bool
) -> str:
    """A grammar for one or more calls to `tools`, written as `layout` says.

    Args:
        layout: the family's call layout.
        tools: the tools the calls may use (OpenAI `tools` entries).
        rules: a fresh schema converter; it collects the argument rules.
        after_trigger: the grammar starts after the layout's trigger text (the model wrote
            it already and sampling was restarted with this grammar); otherwise the answer
            must start with the calls.
    """
    lines = []
    for index, tool in enumerate(tools):
        function = tool.get("function", tool)
        schema = _arguments_schema(function.get("parameters"))
        arguments = rules.visit(rules.resolve_refs(schema, ""), f"tool{index}-arguments")
        name = str(function.get("name", ""))
        lines.append(f"tool{index}-call ::= {_sequence(layout.call, name, arguments, layout)}")
    lines.append("call ::= " + " | ".join(f"tool{i}-call" for i in range(len(tools))))
    calls = "call"
    if layout.parallel:
        calls = _join(calls, f"( {_join(_literal(layout.sep), 'call')} ){{0,{MAX_CALLS - 1}}}")
    body = _join(_literal(layout.head), calls, _literal(layout.tail))
    if not after_trigger:
        body = _join("ws", _literal(layout.trigger), body)
    lines.append(f"root ::= {body}")
    lines.append(WS_RULE)
    schema_rules = _strict_strings(rules.format_grammar()).rstrip("\n")
    return schema_rules + "\n" + "\n".join(lines) + "\n"


def answer_grammar(schema: dict[str, Any], rules: SchemaRules) -> str:
    """A grammar for an answer that is one JSON value of `schema`, from its first character.

    Args:
        schema: the JSON schema of the answer (string lengths and item counts bound it).
        rules: a fresh schema converter; it collects the rules.
    """
    rules.visit(rules.resolve_refs(schema, ""), "")
    return _strict_strings(rules.format_grammar())


def _arguments_schema(parameters: Any) -> dict[str, Any]:
    if not isinstance(parameters, dict) or not parameters:
        return {"type": "object", "properties": {}}
    if parameters.get("type") not in (None, "object"):
        return {"type": "object"}  # arguments are always an object
    return parameters


def _sequence(parts: tuple[Part, ...], name: str, arguments: str, layout: Layout) -> str:
    slots = {
        Slot.NAME: _quote(name),
        Slot.QUOTED_NAME: _quote(json.dumps(name, ensure_ascii=False)),
        Slot.ARGUMENTS: arguments,
        Slot.ID: f"[a-zA-Z0-9]{{{layout.id_length}}}",
        Slot.INDEX: "[0-9]{1,2}",
    }
    return _join(*(slots[p] if isinstance(p, Slot) else _literal(p) for p in parts))


def _literal(text: str) -> str:
    """`text` as GBNF, its whitespace runs loosened to the bounded `ws` rule ("" for none)."""
    pieces = re.split(r"(\s+)", text)
    return _join(*("ws" if piece.isspace() else _quote(piece) for piece in pieces if piece))


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def _strict_strings(grammar: str) -> str:
    """No raw control characters inside JSON strings (strict JSON parsers refuse them)."""
    lines = grammar.splitlines(keepends=True)
    return "".join(
        _STRICT_CHAR + line[len(_LOOSE_CHAR) :] if line.startswith(_LOOSE_CHAR) else line
        for line in lines
    )
