"""Grammars for tool calls and schema-shaped answers, built with llama-cpp-python's converter.

Each grammar is checked before use.

Runs in the model host (the check builds a grammar sampler against its vocabulary).
"""

from __future__ import annotations

import logging
from typing import Any

import llama_cpp
from llama_cpp.llama_grammar import PRIMITIVE_RULES, RESERVED_NAMES, SchemaConverter

from desktop.core.providers.toolcalls.grammar import answer_grammar, call_grammar
from desktop.core.providers.toolcalls.layouts import Layout

log = logging.getLogger(__name__)
# Keywords that take a string schema elsewhere in the converter, before its length rule.
_OTHER_STRING_RULES = frozenset({"$ref", "oneOf", "anyOf", "const", "enum", "pattern", "format"})


class _Converter(SchemaConverter):
    """llama-cpp-python's converter, with a string's length bounds written as `char{m,n}`.

    The converter spells `maxLength: N` as N nested optional groups; llama.cpp's parser
    refuses nesting past about a thousand, so a 4,000-character field would leave the
    answer with no grammar at all. `{m,n}` is the same language, and llama.cpp takes it.
    """

    def visit(self, schema: dict[str, Any], name: str) -> str:
        if (
            schema.get("type") == "string"
            and "maxLength" in schema
            and not _OTHER_STRING_RULES & schema.keys()
        ):
            char = self._add_primitive("char", PRIMITIVE_RULES["char"])
            low, high = int(schema.get("minLength", 0)), int(schema["maxLength"])
            rule = f'"\\"" {char}{{{low},{high}}} "\\"" space'
            rule_name = name + "-" if name in RESERVED_NAMES else name or "root"
            return str(self._add_rule(rule_name, rule))  # type: ignore[no-untyped-call]
        return str(super().visit(schema, name))  # type: ignore[no-untyped-call]


def tool_grammar(
    layout: Layout, tools: list[dict[str, Any]], after_trigger: bool, vocab: Any
) -> str | None:
    """GBNF for calls to `tools` in `layout`, or None when no valid grammar can be built."""
    try:
        text = call_grammar(layout, tools, _converter(), after_trigger)
    except Exception:  # a schema the converter cannot express: sample without a grammar
        log.warning("no grammar for these tool schemas", exc_info=True)
        return None
    return _checked(text, vocab)


def schema_grammar(schema: dict[str, Any], vocab: Any) -> str | None:
    """GBNF for an answer that is a JSON value of `schema`, or None when none can be built."""
    try:
        text = answer_grammar(schema, _converter())
    except Exception:  # a schema the converter cannot express: sample without a grammar
        log.warning("no grammar for this response schema", exc_info=True)
        return None
    return _checked(text, vocab)


def _converter() -> _Converter:
    return _Converter(  # type: ignore[no-untyped-call]
        prop_order={}, allow_fetch=False, dotall=False, raw_pattern=False
    )


def _checked(text: str, vocab: Any) -> str | None:
    """`text` if llama.cpp parses it: a grammar it cannot parse would crash sampling."""
    sampler = llama_cpp.llama_sampler_init_grammar(vocab, text.encode("utf-8"), b"root")
    if not sampler:
        log.warning("llama.cpp refused the grammar:\n%s", text)
        return None
    llama_cpp.llama_sampler_free(sampler)
    return text
