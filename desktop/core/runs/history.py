"""What a run's next model call sees, from memory: the history, the latest turn, its tool calls.

The driver reads the thread's earlier messages once when it starts; everything the run
itself adds (excerpts, tool calls and outputs, its own text) comes from its timeline.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from desktop.core import errors
from desktop.core.runs.citations import context_block
from desktop.core.runs.prompt import Conversation, history_from, user_message
from desktop.core.runs.reasoning import answer_only
from desktop.core.runs.timeline import RunTimeline
from desktop.core.store.records import Message


def asked(timeline: RunTimeline) -> Message:
    """The user's message the run answers."""
    user = timeline.user_message
    if user is None:
        run_id = timeline.run.id if timeline.run is not None else "?"
        raise errors.RunError(
            errors.said("Run {run_id} has no user message to answer.", run_id=run_id)
        )
    return user


def earlier(thread_messages: list[Message], timeline: RunTimeline) -> list[Message]:
    """The thread's history worth sending again, before the message this run answers.

    A run repeated in its own thread stops where the run it repeats stopped
    (`history_before` in its metadata), so both saw the same history. The model's earlier
    reasoning is left out: only answers go back as answers.
    """
    assert timeline.run is not None
    end = asked(timeline).seq
    limit = timeline.run.metadata.get("history_before")
    if isinstance(limit, int):
        end = min(end, limit)
    return history_from([_answer_only(m) for m in thread_messages if m.seq < end])


def _answer_only(message: Message) -> Message:
    if message.role != "assistant":
        return message
    return dataclasses.replace(message, content=answer_only(message.content))


def conversation(timeline: RunTimeline, history: list[Message]) -> Conversation:
    assert timeline.run is not None
    question = asked(timeline).text
    knowledge = context_block(timeline.sources())
    return Conversation(
        system=timeline.run.instructions,
        history=history,
        latest=user_message(question, knowledge),
        in_run=in_run_messages(timeline),
        question=question,
        knowledge=knowledge,
    )


def in_run_messages(timeline: RunTimeline) -> list[dict[str, Any]]:
    """Tool calls and outputs made earlier in this run, with the text that came with them."""
    texts = {m.id: m.text for m in timeline.messages}
    out: list[dict[str, Any]] = []
    text = ""
    for step in timeline.steps:
        if step.type == "message_creation":
            text = texts.get(step.message_id or "", "")
            continue
        calls = step.function_calls()
        if not calls:
            continue
        out.append(
            {"role": "assistant", "content": text, "tool_calls": [c.request() for c in calls]}
        )
        out.extend({"role": "tool", "tool_call_id": c.id, "content": c.output or ""} for c in calls)
        text = ""
    return out
