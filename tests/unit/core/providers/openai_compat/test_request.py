"""The request body and the token estimate."""

from __future__ import annotations

from desktop.core.providers.base import ChatRequest
from desktop.core.providers.openai_compat.request import chat_body, estimate_tokens, prompt_tokens

TOOL = {"type": "function", "function": {"name": "echo", "parameters": {"type": "object"}}}


def test_cjk_counts_about_one_token_per_character() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("abcdefgh") == 2
    assert estimate_tokens("你好世界") == 4
    assert estimate_tokens("こんにちは") == 5
    assert estimate_tokens("你好 abcd") == 2 + 2  # "你好" plus " abcd" (5 chars -> 2)


def test_prompt_tokens_count_messages_tools_and_parts() -> None:
    plain = prompt_tokens([{"role": "user", "content": "abcd" * 10}], [])
    assert plain == 3 + 4 + 10
    assert prompt_tokens([{"role": "user", "content": "abcd" * 10}], [TOOL]) > plain
    parts = [{"type": "text", "text": "abcd"}, {"type": "image_url", "image_url": {"url": "x"}}]
    assert prompt_tokens([{"role": "user", "content": parts}], []) == 3 + 4 + 1 + 85
    call = {"role": "assistant", "content": None, "tool_calls": [{"id": "c", "function": {}}]}
    assert prompt_tokens([call], []) > 3 + 4


def test_body_leaves_out_what_is_not_set() -> None:
    body = chat_body(ChatRequest(messages=[{"role": "user", "content": "hi"}]), "m", False)
    assert body == {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
        "temperature": 0.7,
        "top_p": 0.95,
    }


def test_body_carries_every_setting() -> None:
    request = ChatRequest(
        messages=[],
        tools=[TOOL],
        tool_choice="required",
        temperature=0.1,
        top_p=0.5,
        max_tokens=9,
        seed=3,
        stop=["END"],
    )
    body = chat_body(request, "m", True)
    assert body["stream_options"] == {"include_usage": True}
    assert body["tools"] == [TOOL] and body["tool_choice"] == "required"
    assert (body["max_tokens"], body["seed"], body["stop"]) == (9, 3, ["END"])


SHAPE = {
    "title": "gpt proposal!",
    "type": "object",
    "properties": {
        "maxLength": {"type": "string", "maxLength": 9},  # a property may have such a name
        "tags": {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": 3},
    },
    "required": ["maxLength", "tags"],
    "additionalProperties": False,
}


def test_a_response_schema_becomes_a_strict_response_format() -> None:
    request = ChatRequest(messages=[], response_schema=SHAPE)
    body = chat_body(request, "m", False)
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "name": "gpt_proposal_",
            "strict": True,
            "schema": {
                "title": "gpt proposal!",
                "type": "object",
                "properties": {
                    "maxLength": {"type": "string"},
                    "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
                },
                "required": ["maxLength", "tags"],
                "additionalProperties": False,
            },
        },
    }
    assert SHAPE["properties"]["maxLength"]["maxLength"] == 9  # the caller's schema is kept


def test_tools_take_precedence_over_a_response_schema() -> None:
    body = chat_body(ChatRequest(messages=[], tools=[TOOL], response_schema=SHAPE), "m", False)
    assert "response_format" not in body
    assert "response_format" not in chat_body(ChatRequest(messages=[]), "m", False)
