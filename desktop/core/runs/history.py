"""Rebuild what a run's next model call sees from the store: history, latest turn, tool calls."""

from __future__ import annotations

from typing import Any

from desktop.core import errors
from desktop.core.runs.citations import context_block
from desktop.core.runs.prompt import Conversation, history_from, user_message
from desktop.core.store import Store
from desktop.core.store.records import Message, Run


def conversation_for(store: Store, run: Run) -> Conversation:
    messages = store.threads.messages(run.thread_id)
    own = [m for m in messages if m.run_id == run.id]
    user = _user_message(run, own)
    history = history_from([m for m in messages if m.seq < user.seq])
    return Conversation(
        system=run.instructions,
        history=history,
        latest=user_message(user.text, context_block(sources_of(store, run))),
        in_run=_in_run_messages(store, run, own),
    )


def user_text(store: Store, run: Run) -> str:
    """The text of the message this run answers."""
    own = [m for m in store.threads.messages(run.thread_id) if m.run_id == run.id]
    return _user_message(run, own).text


def _user_message(run: Run, own: list[Message]) -> Message:
    user = next((m for m in own if m.role == "user"), None)
    if user is None:
        raise errors.RunError(f"Run {run.id} has no user message to answer.")
    return user


def _in_run_messages(store: Store, run: Run, own: list[Message]) -> list[dict[str, Any]]:
    """Tool calls and outputs made earlier in this run, rebuilt from its steps."""
    texts = {m.id: m.text for m in own}
    out: list[dict[str, Any]] = []
    text = ""
    for step in store.runs.steps(run.id):
        if step.type == "message_creation":
            text = texts.get(step.step_details["message_creation"].get("message_id") or "", "")
        elif step.type == "tool_calls":
            calls = [c for c in step.step_details["tool_calls"] if c.get("type") == "function"]
            if not calls:
                continue
            out.append(
                {
                    "role": "assistant",
                    "content": text,
                    "tool_calls": [
                        {
                            "id": c["id"],
                            "type": "function",
                            "function": {
                                "name": c["function"]["name"],
                                "arguments": c["function"]["arguments"],
                            },
                        }
                        for c in calls
                    ],
                }
            )
            out.extend(
                {
                    "role": "tool",
                    "tool_call_id": c["id"],
                    "content": c["function"].get("output", ""),
                }
                for c in calls
            )
            text = ""
    return out


def sources_of(store: Store, run: Run) -> list[dict[str, Any]]:
    """The knowledge excerpts this run's retrieval step found (empty without one)."""
    for step in store.runs.steps(run.id):
        for call in step.step_details.get("tool_calls", []) if step.type == "tool_calls" else []:
            if call.get("type") == "retrieval":
                return list(call["retrieval"]["results"])
    return []
