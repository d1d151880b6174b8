"""GBNF assembly around llama-cpp-python's schema converter (its parsing: integration tests)."""

from __future__ import annotations

from llama_cpp.llama_grammar import SchemaConverter

from desktop.core.providers.toolcalls.grammar import MAX_CALLS, answer_grammar, call_grammar
from desktop.core.providers.toolcalls.layouts import HERMES, LLAMA3, MISTRAL_CALL_ID

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "pick",
            "parameters": {
                "type": "object",
                "properties": {
                    "colour": {"enum": ["red", "green"]},
                    "n": {"type": "integer"},
                    "note": {"type": "string", "maxLength": 5},
                },
                "required": ["colour"],
            },
        },
    },
    {"type": "function", "function": {"name": 'say "hi"'}},
]


def converter() -> SchemaConverter:
    return SchemaConverter(prop_order={}, allow_fetch=False, dotall=False, raw_pattern=False)


def rules(grammar: str) -> dict[str, str]:
    return dict(line.split(" ::= ", 1) for line in grammar.splitlines() if " ::= " in line)


def test_each_tool_gets_its_name_and_its_arguments_rule() -> None:
    grammar = rules(call_grammar(HERMES, TOOLS, converter(), after_trigger=False))
    assert grammar["call"] == "tool0-call | tool1-call"
    assert '"\\"pick\\""' in grammar["tool0-call"] and "tool0-arguments" in grammar["tool0-call"]
    assert '"\\"say \\\\\\"hi\\\\\\"\\""' in grammar["tool1-call"]  # JSON, then GBNF
    assert grammar["tool1-arguments"].startswith('"{"')  # no schema: an empty object
    assert grammar["root"].startswith('ws "<tool_call>" ws call (')
    assert grammar["root"].endswith(f'){{0,{MAX_CALLS - 1}}} ws "</tool_call>"')
    assert grammar["ws"] == "[ \\t\\n]{0,4}"  # bounded: no endless whitespace


def test_after_the_trigger_the_grammar_starts_inside_the_calls() -> None:
    grammar = rules(call_grammar(HERMES, TOOLS, converter(), after_trigger=True))
    assert grammar["root"].startswith("ws call")


def test_single_call_formats_allow_one_call() -> None:
    grammar = rules(call_grammar(LLAMA3, TOOLS[:1], converter(), after_trigger=False))
    assert grammar["root"] == "ws call"


def test_ids_have_the_format_s_shape() -> None:
    grammar = rules(call_grammar(MISTRAL_CALL_ID, TOOLS[:1], converter(), after_trigger=False))
    assert '"[CALL_ID]" [a-zA-Z0-9]{9} "[ARGS]"' in grammar["tool0-call"]


def test_strings_cannot_hold_raw_control_characters() -> None:
    grammar = rules(call_grammar(HERMES, TOOLS, converter(), after_trigger=False))
    assert grammar["char"].startswith('[^"\\\\\\x7F\\x00-\\x1F]')


def test_an_answer_grammar_is_the_schema_from_the_first_character() -> None:
    schema = {
        "type": "object",
        "properties": {"message": {"type": "string"}, "ok": {"type": "boolean"}},
        "required": ["message", "ok"],
        "additionalProperties": False,
    }
    grammar = rules(answer_grammar(schema, converter()))
    assert grammar["root"].startswith('"{" space message-kv "," space ok-kv "}"')
    assert grammar["char"].startswith('[^"\\\\\\x7F\\x00-\\x1F]')  # strict JSON strings
