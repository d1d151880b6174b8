"""Messages and tools shaped for one template: generic prompts, native history, ids, splits."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from desktop.core.providers.llama.server.model import ChatFormatter
from desktop.core.providers.toolcalls.adapt import (
    has_tool_history,
    offered_tools,
    template_input,
    tool_prompt,
)
from desktop.core.providers.toolcalls.formats import GENERIC, HERMES, MISTRAL_LIST
from desktop.core.providers.toolcalls.mode import ToolMode, probe_tool_mode

ECHO = {
    "type": "function",
    "function": {
        "name": "echo",
        "description": "Echo text back.",
        "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
    },
}
OTHER = {"type": "function", "function": {"name": "other", "description": "Another tool."}}


def call(call_id: str, text: str) -> dict[str, Any]:
    arguments = json.dumps({"text": text})
    return {"id": call_id, "type": "function", "function": {"name": "echo", "arguments": arguments}}


HISTORY: list[dict[str, Any]] = [
    {"role": "system", "content": "Be brief."},
    {"role": "user", "content": "Shout hi and yo."},
    {
        "role": "assistant",
        "content": "",
        "tool_calls": [call("call_1", "hi"), call("call_2", "yo")],
    },
    {"role": "tool", "tool_call_id": "call_1", "content": "HI"},
    {"role": "tool", "tool_call_id": "call_2", "content": "YO"},
]

# A strict template of our own, like Gemma's: no system role, roles must alternate.
STRICT = (
    "{% for m in messages %}"
    "{% if m['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
    "{% if (m['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate') }}{% endif %}"
    "<turn>{{ m['role'] }}\n{{ m['content'] }}</turn>\n"
    "{% endfor %}<turn>model\n"
)


def render(template: str) -> Any:
    chat = ChatFormatter(template=template, eos_token="</s>", bos_token="<s>")
    return lambda given: (
        chat(
            messages=given.messages, tools=given.tools, tool_choice=given.tool_choice, **given.extra
        ).prompt
    )


def test_generic_history_works_with_a_template_that_refuses_system_and_tool_roles() -> None:
    mode = probe_tool_mode(STRICT, render(STRICT))
    assert mode.format is GENERIC and not mode.system_role and not mode.template_tools
    given = template_input(mode, HISTORY, [ECHO], "auto")
    assert given.tools is None
    assert [m["role"] for m in given.messages] == ["user", "assistant", "user"]
    first, assistant, results = (m["content"] for m in given.messages)
    assert first.startswith("Be brief.\n\n# Tools") and first.endswith("Shout hi and yo.")
    assert '"name": "echo"' in first and "<tool_call>" in first
    assert assistant.count("<tool_call>") == 2 and '"arguments": {"text": "yo"}' in assistant
    assert results == "<tool_response>\nHI\n</tool_response>\n<tool_response>\nYO\n</tool_response>"
    prompt = render(STRICT)(given)
    assert "Shout hi and yo." in prompt


def test_generic_prompt_goes_into_the_system_message_when_there_is_one() -> None:
    mode = ToolMode(GENERIC, False, text_history=True, tool_role=False)
    messages = template_input(mode, HISTORY[:2], [ECHO], "auto").messages
    assert messages[0]["role"] == "system"
    assert messages[0]["content"].startswith("Be brief.\n\n# Tools")
    without_system = template_input(mode, HISTORY[1:2], [ECHO], "auto").messages
    assert without_system[0]["role"] == "system" and without_system[1] == HISTORY[1]


def test_the_prompt_says_what_the_choice_asks() -> None:
    assert "only when it helps" in tool_prompt([ECHO], "auto")
    assert "call one or more of the tools" in tool_prompt([ECHO], "required")
    named = {"type": "function", "function": {"name": "echo"}}
    assert 'call the tool "echo"' in tool_prompt([ECHO], named)


def test_offered_tools_follow_the_choice() -> None:
    assert offered_tools([ECHO, OTHER], "auto") == [ECHO, OTHER]
    assert offered_tools([ECHO, OTHER], "none") == []
    named = {"type": "function", "function": {"name": "other"}}
    assert offered_tools([ECHO, OTHER], named) == [OTHER]
    unknown = {"type": "function", "function": {"name": "missing"}}
    assert offered_tools([ECHO, OTHER], unknown) == [ECHO, OTHER]


def test_tool_history_is_noticed() -> None:
    assert has_tool_history(HISTORY) and not has_tool_history(HISTORY[:2])


def test_native_history_with_object_arguments_and_none_content() -> None:
    mode = ToolMode(HERMES, True, object_arguments=True, none_content=True)
    given = template_input(mode, HISTORY, [ECHO], "auto")
    assert given.tools == [ECHO] and given.tool_choice == "auto"
    assistant = given.messages[2]
    assert assistant["content"] is None
    assert [c["function"]["arguments"] for c in assistant["tool_calls"]] == [
        {"text": "hi"},
        {"text": "yo"},
    ]


def test_badly_written_arguments_still_render_as_an_object() -> None:
    broken = [*HISTORY[:2], {"role": "assistant", "content": "x", "tool_calls": [call("c", "")]}]
    broken[2]["tool_calls"][0]["function"]["arguments"] = "{not json"
    mode = ToolMode(HERMES, True)
    given = template_input(mode, broken, [ECHO], "auto")
    assert given.messages[2]["tool_calls"][0]["function"]["arguments"] == {}


def test_string_arguments_stay_json_text() -> None:
    mode = ToolMode(HERMES, True, object_arguments=False)
    assistant = template_input(mode, HISTORY, [ECHO], "auto").messages[2]
    assert assistant["tool_calls"][0]["function"]["arguments"] == '{"text": "hi"}'


def test_mistral_gets_nine_character_ids_that_match_their_results() -> None:
    mode = ToolMode(MISTRAL_LIST, True)
    messages = template_input(mode, HISTORY, [ECHO], "auto").messages
    ids = [c["id"] for c in messages[2]["tool_calls"]]
    assert all(len(i) == 9 and i.isalnum() for i in ids) and ids[0] != ids[1]
    assert [m["tool_call_id"] for m in messages[3:]] == ids
    again = template_input(mode, HISTORY, [ECHO], "auto").messages
    assert [c["id"] for c in again[2]["tool_calls"]] == ids  # stable: the KV cache stays valid


def test_split_calls_pair_each_call_with_its_result() -> None:
    mode = ToolMode(HERMES, True, split_calls=True)
    messages = template_input(mode, HISTORY, [ECHO], "auto").messages
    assert [(m["role"], m.get("tool_call_id")) for m in messages[2:]] == [
        ("assistant", None),
        ("tool", "call_1"),
        ("assistant", None),
        ("tool", "call_2"),
    ]
    assert [len(m["tool_calls"]) for m in messages[2:] if m["role"] == "assistant"] == [1, 1]


def test_text_history_writes_calls_in_the_family_format() -> None:
    mode = replace(ToolMode(MISTRAL_LIST, True), text_history=True, tool_role=True)
    messages = template_input(mode, HISTORY, [ECHO], "auto").messages
    assert messages[2]["content"].startswith('[TOOL_CALLS][{"name": "echo"')
    assert "tool_calls" not in messages[2]
    assert [m["role"] for m in messages[3:]] == ["tool", "tool"]


def test_plain_messages_lose_empty_tool_call_keys() -> None:
    mode = ToolMode(HERMES, True)
    messages = [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "yo", "tool_calls": []},
    ]
    given = template_input(mode, messages, [ECHO], "auto")
    assert "tool_calls" not in given.messages[1]
