"""RunTimeline: the Qt-free, replayable state of one run (the run, its typed steps, its messages).

Build it live by applying the run's events in order, or afterwards from the store with
`RunTimeline.load`; both give the same state (`to_dict()` compares them). The driver keeps
its working state in one; the CLI's printers, the chat and the playground read one. A
timeline is used on one thread: the GUI applies events on its own thread, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from desktop.core.runs import events as ev
from desktop.core.runs.reasoning import REASONING, reasoning_part
from desktop.core.runs.steps import Chunk, FunctionCall, MessageDetails, Step, parse_details
from desktop.core.store import Store
from desktop.core.store.records import Message, Run

_RUN_FIELDS = frozenset(f.name for f in fields(Run))
_MESSAGE_FIELDS = frozenset(f.name for f in fields(Message))
_STEP_EVENTS = frozenset({ev.STEP_CREATED, ev.STEP_COMPLETED, ev.STEP_FAILED, ev.STEP_CANCELLED})
_MESSAGE_EVENTS = frozenset({ev.MESSAGE_CREATED, ev.MESSAGE_COMPLETED, ev.MESSAGE_INCOMPLETE})


@dataclass(frozen=True)
class Change:
    """What one applied event changed: `kind` is run, step, message or model; `id` which one.

    A view updates just that row (a streamed token changes one message).
    """

    kind: str
    id: str


def run_from_dict(data: dict[str, Any]) -> Run:
    """A run from its streamed form (which leaves out the owning process)."""
    values = {k: v for k, v in data.items() if k in _RUN_FIELDS}
    values.setdefault("owner", "")
    return Run(**values)


def message_from_dict(data: dict[str, Any]) -> Message:
    return Message(**{k: v for k, v in data.items() if k in _MESSAGE_FIELDS})


class RunTimeline:
    """One run as every view sees it. See the module docstring."""

    def __init__(
        self,
        run: Run | None = None,
        steps: list[Step] | None = None,
        messages: list[Message] | None = None,
    ) -> None:
        self.run = run
        self.steps: list[Step] = steps or []
        self.messages: list[Message] = messages or []
        # The model being loaded right now (between model.loading and model.loaded).
        self.loading: str | None = None

    @classmethod
    def load(cls, store: Store, run_id: str) -> RunTimeline:
        """The run as stored now: its record, its steps and its messages (three reads)."""
        run = store.runs.get(run_id)
        steps = [Step.from_record(s) for s in store.runs.steps(run_id)]
        return cls(run, steps, store.threads.messages(run.thread_id, run_id=run_id))

    # -- replaying events -------------------------------------------------------------------

    def apply(self, event: ev.Event) -> Change | None:
        """Take one event of the run's stream into the state; what changed (None: nothing)."""
        name, data = event.event, event.data
        change: Change | None = None
        if name in _STEP_EVENTS:
            change = self.put_step(Step.from_dict(data))
        elif name == ev.STEP_DELTA:
            step = self.step(data["id"])
            step.details = parse_details(step.type, data["delta"]["step_details"])
            change = Change("step", step.id)
        elif name in _MESSAGE_EVENTS:
            change = self.put_message(message_from_dict(data))
        elif name == ev.MESSAGE_DELTA:
            for part in data["delta"]["content"]:
                if part.get("type") == REASONING:
                    thought = part[REASONING]
                    change = self.append_reasoning(
                        data["id"], thought["value"], thought.get("duration_ms")
                    )
                else:
                    change = self.append_text(data["id"], part["text"]["value"])
        elif name in (ev.MODEL_LOADING, ev.MODEL_LOADED):
            self.loading = data["model"] if name == ev.MODEL_LOADING else None
            change = Change("model", data["model"])
        elif name.startswith("thread.run."):
            self.run = run_from_dict(data)
            change = Change("run", self.run.id)
        return change

    # -- changes (the driver makes them directly; events make them through `apply`) ---------

    def put_step(self, step: Step) -> Change:
        """Add a step, or replace the one with its id."""
        for index, known in enumerate(self.steps):
            if known.id == step.id:
                self.steps[index] = step
                return Change("step", step.id)
        self.steps.append(step)
        return Change("step", step.id)

    def put_message(self, message: Message) -> Change:
        """Add a message, or replace the one with its id.

        A new assistant message belongs to the step writing it: the step records its id
        (the store does so in the same transaction).
        """
        for index, known in enumerate(self.messages):
            if known.id == message.id:
                self.messages[index] = message
                return Change("message", message.id)
        self.messages.append(message)
        writing = self.open_message_step()
        if message.role == "assistant" and writing is not None:
            assert isinstance(writing.details, MessageDetails)
            writing.details.message_creation.message_id = message.id
        return Change("message", message.id)

    def append_text(self, message_id: str, text: str) -> Change:
        """Stream text onto the end of a message."""
        message = self.message(message_id)
        parts = [p for p in message.content if p.get("type") == "text"]
        if parts:
            parts[-1]["text"]["value"] += text
        else:
            message.content.append({"type": "text", "text": {"value": text, "annotations": []}})
        return Change("message", message_id)

    def append_reasoning(
        self, message_id: str, text: str, duration_ms: float | None = None
    ) -> Change:
        """Stream reasoning onto a message (its own part, first); `duration_ms` ends it."""
        message = self.message(message_id)
        part = next((p for p in message.content if p.get("type") == REASONING), None)
        if part is None:
            part = reasoning_part("")
            message.content.insert(0, part)
        part[REASONING]["value"] += text
        if duration_ms is not None:
            part[REASONING]["duration_ms"] = round(duration_ms, 1)
        return Change("message", message_id)

    # -- reading ----------------------------------------------------------------------------

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def message(self, message_id: str) -> Message:
        for message in self.messages:
            if message.id == message_id:
                return message
        raise KeyError(message_id)

    @property
    def user_message(self) -> Message | None:
        """The message the run answers."""
        return next((m for m in self.messages if m.role == "user"), None)

    @property
    def answer(self) -> Message | None:
        """The run's last assistant message (its answer so far)."""
        return next((m for m in reversed(self.messages) if m.role == "assistant"), None)

    def open_message_step(self) -> Step | None:
        """The message_creation step in progress that has no message yet."""
        for step in reversed(self.steps):
            if step.type == "message_creation" and step.status == "in_progress":
                return step if step.message_id is None else None
        return None

    def sources(self) -> list[Chunk]:
        """The knowledge excerpts this run's retrieval found (empty without one)."""
        for step in self.steps:
            details = step.details
            if step.type == "tool_calls" and not isinstance(details, MessageDetails):
                found = details.retrieval()
                if found is not None:
                    return list(found.retrieval.results)
        return []

    def function_calls(self) -> list[FunctionCall]:
        return [call for step in self.steps for call in step.function_calls()]

    def to_dict(self) -> dict[str, Any]:
        """The whole state as JSON-ready data; two timelines of one run compare equal here."""
        return {
            "run": self.run.to_dict() if self.run is not None else None,
            "steps": [s.to_dict() for s in self.steps],
            "messages": [m.to_dict() for m in self.messages],
        }
