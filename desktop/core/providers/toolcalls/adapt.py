"""Turn a request's messages and tools into what one chat template can render.

Native templates get the tool history in the shape their probe showed they want. Templates
that cannot render tools get our generic format instead: a tool prompt in the system (or
first user) message, earlier calls as `<tool_call>` text and results as user messages, so
any template works, even one that refuses the `tool` role.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
from collections.abc import Callable
from typing import Any

from desktop.core.providers.toolcalls.calls import parse_json
from desktop.core.providers.toolcalls.layouts import HERMES, Layout, write_calls
from desktop.core.providers.toolcalls.mode import TemplateInput, ToolMode

Message = dict[str, Any]
_ALNUM = string.digits + string.ascii_letters
_SHORT_ID = re.compile(r"^[A-Za-z0-9]{9}$")


def named_tool(tool_choice: str | dict[str, Any]) -> str | None:
    """The tool a `{"type": "function", "function": {"name": X}}` choice names."""
    if isinstance(tool_choice, dict):
        name = tool_choice.get("function", {}).get("name")
        return name if isinstance(name, str) else None
    return None


def offered_tools(
    tools: list[dict[str, Any]], tool_choice: str | dict[str, Any]
) -> list[dict[str, Any]]:
    """The tools the model sees: none for "none", only the named one for a named choice."""
    if tool_choice == "none":
        return []
    name = named_tool(tool_choice)
    if name is None:
        return tools
    return [t for t in tools if t.get("function", t).get("name") == name] or tools


def has_tool_history(messages: list[Message]) -> bool:
    return any(m.get("role") == "tool" or m.get("tool_calls") for m in messages)


def template_input(
    mode: ToolMode,
    messages: list[Message],
    tools: list[dict[str, Any]],
    tool_choice: str | dict[str, Any],
) -> TemplateInput:
    """The template input for a request; `tools` are the offered ones (maybe none)."""
    layout = mode.format.layout or HERMES
    if mode.text_history:
        converted = _as_text_history(messages, layout, mode.tool_role)
    else:
        converted = _native_history(mode, messages)
    if mode.template_tools:
        extra = mode.format.extras(tools) if mode.format.extras else {}
        return TemplateInput(converted, tools or None, tool_choice if tools else None, extra)
    if tools:
        prompt = tool_prompt(tools, tool_choice, layout, mode.tool_role)
        converted = _with_prompt(converted, prompt, mode.system_role)
    return TemplateInput(converted)


# -- native templates ------------------------------------------------------------------------


def _native_history(mode: ToolMode, messages: list[Message]) -> list[Message]:
    ids: Callable[[str], str] = _short_id if mode.format.short_ids else str
    names: dict[str, str] = {}  # call id -> tool name, for templates that label results
    out: list[Message] = []
    for message in messages:
        calls = message.get("tool_calls")
        if message.get("role") == "assistant" and calls:
            content = message.get("content") or ""
            out.append(
                {
                    "role": "assistant",
                    "content": None if mode.none_content else content,
                    "tool_calls": [_native_call(c, mode.object_arguments, ids) for c in calls],
                }
            )
            names.update((c.get("id", ""), c.get("function", {}).get("name", "")) for c in calls)
        elif message.get("role") == "tool":
            call_id = message.get("tool_call_id", "")
            named = {"name": names[call_id]} if call_id in names else {}
            out.append({**named, **message, "tool_call_id": ids(call_id)})
        else:
            out.append({k: v for k, v in message.items() if k != "tool_calls"})
    return _split_calls(out) if mode.split_calls else out


def _native_call(call: dict[str, Any], objects: bool, ids: Callable[[str], str]) -> dict[str, Any]:
    function = call.get("function", {})
    arguments = function.get("arguments", {})
    if objects and isinstance(arguments, str):
        value = parse_json(arguments or "{}")
        # A call the model wrote badly still has to render; its error already went back.
        arguments = value if isinstance(value, dict) else {}
    elif not objects and not isinstance(arguments, str):
        arguments = json.dumps(arguments, ensure_ascii=False)
    return {
        "id": ids(call.get("id", "")),
        "type": "function",
        "function": {"name": function.get("name", ""), "arguments": arguments},
    }


def _short_id(call_id: str) -> str:
    """A 9-character id for Mistral's templates, the same for the same id every time."""
    if _SHORT_ID.match(call_id):
        return call_id
    number = int.from_bytes(hashlib.sha256(call_id.encode()).digest()[:8], "big")
    digits = []
    for _ in range(9):
        number, rest = divmod(number, len(_ALNUM))
        digits.append(_ALNUM[rest])
    return "".join(digits)


def _split_calls(messages: list[Message]) -> list[Message]:
    """One call per assistant turn, each followed by its own result."""
    out: list[Message] = []
    index = 0
    while index < len(messages):
        message = messages[index]
        calls = message.get("tool_calls") or []
        index += 1
        if len(calls) < 2:
            out.append(message)
            continue
        results: dict[str, Message] = {}
        while index < len(messages) and messages[index].get("role") == "tool":
            results[messages[index].get("tool_call_id", "")] = messages[index]
            index += 1
        for number, call in enumerate(calls):
            later = None if message["content"] is None else ""
            content = message["content"] if number == 0 else later
            out.append({**message, "content": content, "tool_calls": [call]})
            if call["id"] in results:
                out.append(results.pop(call["id"]))
        out.extend(results.values())  # results that answer no call: kept, in order
    return out


# -- history as text -------------------------------------------------------------------------


def _as_text_history(messages: list[Message], layout: Layout, tool_role: bool) -> list[Message]:
    """Calls written into the assistant text; results as `tool` or as user messages."""
    out: list[Message] = []
    results: list[str] = []  # consecutive results become one user message
    for message in messages:
        role = message.get("role")
        if role == "tool" and not tool_role:
            results.append(f"<tool_response>\n{message.get('content') or ''}\n</tool_response>")
            continue
        if results:
            out.append({"role": "user", "content": "\n".join(results)})
            results = []
        if role == "assistant" and message.get("tool_calls"):
            text = (message.get("content") or "").strip()
            calls = write_calls(layout, message["tool_calls"])
            out.append({"role": "assistant", "content": f"{text}\n{calls}" if text else calls})
        else:
            out.append({k: v for k, v in message.items() if k != "tool_calls"})
    if results:
        out.append({"role": "user", "content": "\n".join(results)})
    return out


def _with_prompt(messages: list[Message], prompt: str, system_role: bool) -> list[Message]:
    """The tool prompt in the system message, or at the top of the first user message."""
    out = list(messages)
    has_system = bool(out) and out[0].get("role") == "system"
    if system_role:
        if has_system:
            out[0] = {**out[0], "content": f"{out[0].get('content') or ''}\n\n{prompt}".strip()}
        else:
            out.insert(0, {"role": "system", "content": prompt})
        return out
    if has_system:  # the template refuses system messages: fold it into the user's
        prompt = f"{out.pop(0).get('content') or ''}\n\n{prompt}".strip()
    first_user = next((i for i, m in enumerate(out) if m.get("role") == "user"), None)
    if first_user is None:
        return [{"role": "user", "content": prompt}, *out]
    user = out[first_user]
    out[first_user] = {**user, "content": f"{prompt}\n\n{user.get('content') or ''}"}
    return out


def tool_prompt(
    tools: list[dict[str, Any]],
    tool_choice: str | dict[str, Any],
    layout: Layout = HERMES,
    tool_role: bool = False,
) -> str:
    """Our tool instructions: the tools' schemas and the exact form of a call in `layout`."""
    specs = "\n".join(json.dumps(t.get("function", t), ensure_ascii=False) for t in tools)
    example = write_calls(layout, [_EXAMPLE_CALL])
    name = named_tool(tool_choice)
    if name is not None:
        rule = f'In this answer, call the tool "{name}".'
    elif tool_choice == "required":
        rule = "In this answer, call one or more of the tools."
    else:
        rule = "Call a tool only when it helps; otherwise answer in plain text."
    results = (
        "Each call's result comes back to you in the next message."
        if tool_role
        else "Each call's result comes back to you inside <tool_response></tool_response>."
    )
    return (
        "# Tools\n\n"
        "You can call the tools below. Each line describes one: its name, what it does, "
        "and the JSON schema of its arguments.\n"
        f"<tools>\n{specs}\n</tools>\n\n"
        "To call a tool, write the call exactly in this form, with the tool's name and a JSON "
        "object of arguments that fits its schema:\n"
        f"{example}\n"
        f"{'For several calls, write each in the same form. ' if layout.parallel else ''}"
        f"{results}\n{rule}"
    )


_EXAMPLE_CALL = {
    "id": "a1b2c3d4e",
    "type": "function",
    "function": {"name": "the_tool_name", "arguments": '{"an_argument": "a value"}'},
}
