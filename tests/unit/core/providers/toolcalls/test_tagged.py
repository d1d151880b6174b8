"""Tagged key/value arguments (GLM-4.5, Seed-OSS): values typed by the tool's schema."""

from __future__ import annotations

import json

from desktop.core.providers.toolcalls.calls import Call, Text
from desktop.core.providers.toolcalls.stream import CallStream
from desktop.core.providers.toolcalls.wrapped import glm, seed_oss

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "book",
            "parameters": {
                "type": "object",
                "properties": {
                    "room": {"type": "string"},
                    "nights": {"type": "integer"},
                    "extras": {"type": "array"},
                    "note": {"type": "string"},
                },
            },
        },
    }
]


def calls(syntax: object, answer: str) -> tuple[str, list[tuple[str, object]]]:
    stream = CallStream(syntax)  # type: ignore[arg-type]
    pieces = [p for ch in answer for p in stream.feed(ch)] + stream.finish()
    text = "".join(p.text for p in pieces if isinstance(p, Text))
    return text, [(p.name, json.loads(p.arguments)) for p in pieces if isinstance(p, Call)]


def test_glm_values_take_the_schema_s_types() -> None:
    answer = (
        "Booking it.\n<tool_call>book\n<arg_key>room</arg_key>\n<arg_value>101</arg_value>\n"
        "<arg_key>nights</arg_key>\n<arg_value>3</arg_value>\n"
        '<arg_key>extras</arg_key>\n<arg_value>["breakfast"]</arg_value>\n</tool_call>'
    )
    assert calls(glm(TOOLS), answer) == (
        "Booking it.",
        [("book", {"room": "101", "nights": 3, "extras": ["breakfast"]})],
    )


def test_seed_oss_multi_line_values_and_python_literals() -> None:
    answer = (
        "<seed:tool_call>\n<function=book>\n<parameter=note>first line\nsecond</parameter>\n"
        "<parameter=nights>2</parameter>\n<parameter=extras>['late checkout']</parameter>\n"
        "</function>\n</seed:tool_call>"
    )
    assert calls(seed_oss(TOOLS), answer) == (
        "",
        [("book", {"note": "first line\nsecond", "nights": 2, "extras": ["late checkout"]})],
    )


def test_unknown_parameters_are_read_as_json_when_they_are() -> None:
    answer = "<tool_call>other\n<arg_key>n</arg_key>\n<arg_value>7</arg_value>\n</tool_call>"
    assert calls(glm(TOOLS), answer)[1] == [("other", {"n": 7})]
