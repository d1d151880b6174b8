"""The event stream every consumer (GUI, CLI, tests) reads from the run engine.

Event names follow the Assistants API's streaming events (`thread.run.created`,
`thread.message.delta`, ...), so people who knew that API read ours at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RUN_CREATED = "thread.run.created"
RUN_IN_PROGRESS = "thread.run.in_progress"
RUN_REQUIRES_ACTION = "thread.run.requires_action"
RUN_CANCELLING = "thread.run.cancelling"
RUN_COMPLETED = "thread.run.completed"
RUN_INCOMPLETE = "thread.run.incomplete"
RUN_FAILED = "thread.run.failed"
RUN_CANCELLED = "thread.run.cancelled"
STEP_CREATED = "thread.run.step.created"
STEP_DELTA = "thread.run.step.delta"
STEP_COMPLETED = "thread.run.step.completed"
STEP_FAILED = "thread.run.step.failed"
STEP_CANCELLED = "thread.run.step.cancelled"
MESSAGE_CREATED = "thread.message.created"
MESSAGE_DELTA = "thread.message.delta"
MESSAGE_COMPLETED = "thread.message.completed"
MESSAGE_INCOMPLETE = "thread.message.incomplete"
MODEL_LOADING = "model.loading"
MODEL_LOADED = "model.loaded"

RUN_FINAL = {
    "completed": RUN_COMPLETED,
    "incomplete": RUN_INCOMPLETE,
    "failed": RUN_FAILED,
    "cancelled": RUN_CANCELLED,
    "requires_action": RUN_REQUIRES_ACTION,
}
STEP_FINAL = {"completed": STEP_COMPLETED, "failed": STEP_FAILED, "cancelled": STEP_CANCELLED}


@dataclass(frozen=True)
class Event:
    """One event: its name and a JSON-ready payload (the object's current state, or a delta)."""

    event: str
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "data": self.data}


def step_delta(step_id: str, details: dict[str, Any]) -> Event:
    """A step's details changed: a tool call got its output, or the user's answer."""
    return Event(STEP_DELTA, {"id": step_id, "delta": {"step_details": details}})
