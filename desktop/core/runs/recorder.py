"""The write-through half of a run's driver: each change goes to the store, then the timeline.

Every state change is written in its own transaction before the event that announces it
is returned, so a crash loses at most the text streamed since the last flush. The
recorder never reads back what it wrote: the timeline holds the run's working state, and
the store stays its durable log. Runs on the driver's thread.
"""

from __future__ import annotations

from typing import Any

from desktop.core.ids import now
from desktop.core.runs import events as ev
from desktop.core.runs.reasoning import reasoning_part
from desktop.core.runs.steps import ErrorInfo, MessageDetails, Step, StepDetails
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.toolrecords import Record
from desktop.core.store import Repositories, Store
from desktop.core.store.records import Message, Run, text_content

USAGE_KEYS = ("prompt_tokens", "completion_tokens", "total_tokens")


class Recorder:
    """Writes one run's steps, messages and status through to the store.

    Args:
        store: where the run lives.
        timeline: the run's state, updated here after each write.

    `next_seq` is the place of the next message in the thread, set once the driver has
    read the thread (the run holds its lock, so nobody else adds one).
    """

    def __init__(self, store: Store, timeline: RunTimeline) -> None:
        assert timeline.run is not None
        self._store = store
        self.timeline = timeline
        self.run: Run = timeline.run
        self.next_seq = 0

    # -- the run ----------------------------------------------------------------------------

    def set_run(self, name: str, **fields: Any) -> ev.Event:
        self._store.runs.update(self.run, **fields)
        return ev.Event(name, self.run.to_dict())

    def cancel_requested(self) -> bool:
        """Whether the run was asked to stop from elsewhere (another process): one read."""
        return self._store.runs.status(self.run.id) == "cancelling"

    def add_usage(self, tx: Repositories, used: dict[str, Any]) -> None:
        total = dict(self.run.usage or dict.fromkeys(USAGE_KEYS, 0))
        for key in USAGE_KEYS:
            total[key] += used.get(key, 0)
        tx.runs.update(self.run, usage=total)

    # -- steps ------------------------------------------------------------------------------

    def new_step(self, step_type: str, details: StepDetails) -> tuple[Step, ev.Event]:
        seq = self.timeline.steps[-1].seq + 1 if self.timeline.steps else 1
        record = self._store.runs.add_step(self.run, step_type, details.to_dict(), seq=seq)
        step = Step(
            id=record.id,
            run_id=self.run.id,
            thread_id=self.run.thread_id,
            seq=record.seq,
            type=record.type,  # type: ignore[arg-type]
            status=record.status,
            details=details,
            created_at=record.created_at,
        )
        self.timeline.put_step(step)
        return step, ev.Event(ev.STEP_CREATED, step.to_dict())

    def save_step(self, step: Step, tx: Repositories | None = None, **fields: Any) -> None:
        """Write the step's details and the given fields (set on the step first)."""
        for key, value in fields.items():
            setattr(step, key, value)
        columns = {"step_details": step.details.to_dict()}
        for key, value in fields.items():
            columns[key] = value.to_dict() if isinstance(value, Record) else value
        (tx or self._store).runs.update_step(step.record(), **columns)

    def step_delta(self, step: Step) -> ev.Event:
        """Save a step's changed details (a tool call answered) and announce them."""
        self.save_step(step)
        return ev.step_delta(step.id, step.details.to_dict())

    # -- messages ---------------------------------------------------------------------------

    def new_message(self, step: Step) -> tuple[Message, ev.Event]:
        """The assistant message `step` writes, empty and in progress."""
        with self._store.transaction() as tx:
            message = tx.threads.add_message(
                self.run.thread_id,
                "assistant",
                text_content(""),
                "in_progress",
                self.run.id,
                seq=self.next_seq or None,
            )
            assert isinstance(step.details, MessageDetails)
            step.details.message_creation.message_id = message.id
            self.save_step(step, tx)
        self.timeline.put_message(message)
        self.next_seq = message.seq + 1
        return message, ev.Event(ev.MESSAGE_CREATED, message.to_dict())

    def delta(self, message: Message, text: str) -> ev.Event:
        self.timeline.append_text(message.id, text)
        return ev.Event(
            ev.MESSAGE_DELTA,
            {
                "id": message.id,
                "run_id": self.run.id,
                "delta": {"content": [{"index": 0, "type": "text", "text": {"value": text}}]},
            },
        )

    def reasoning_delta(
        self, message: Message, text: str, duration_ms: float | None = None
    ) -> ev.Event:
        """More of the model's reasoning (or, with `duration_ms`, how long it lasted)."""
        self.timeline.append_reasoning(message.id, text, duration_ms)
        part = reasoning_part(text, duration_ms)
        return ev.Event(
            ev.MESSAGE_DELTA,
            {"id": message.id, "run_id": self.run.id, "delta": {"content": [{"index": 0, **part}]}},
        )

    def flush(self, message: Message) -> None:
        """Save the text (and reasoning) streamed so far."""
        self._store.threads.update_message(message, message.content, "in_progress")

    # -- the end ----------------------------------------------------------------------------

    def finish(
        self,
        fields: dict[str, Any],
        open_step: Step | None,
        open_message: tuple[Message, list[dict[str, Any]]] | None,
        error: dict[str, Any] | None,
    ) -> list[ev.Event]:
        """Close what is still open, give the run its final fields and free the thread.

        Returns the events of what was closed, then the run's final event.
        """
        out: list[ev.Event] = []
        at = now()
        with self._store.transaction() as tx:
            if open_message is not None:
                message, content = open_message
                tx.threads.update_message(message, content, "incomplete")
                out.append(ev.Event(ev.MESSAGE_INCOMPLETE, message.to_dict()))
            if open_step is not None and open_step.status == "in_progress":
                status = "failed" if fields["status"] == "failed" else "cancelled"
                failure = error_of(error)
                self.save_step(open_step, tx, status=status, last_error=failure, completed_at=at)
                out.append(ev.Event(ev.STEP_FINAL[status], open_step.to_dict()))
            tx.runs.update(self.run, **fields)
            tx.threads.unlock(self.run.thread_id, self.run.id)
        out.append(ev.Event(ev.RUN_FINAL[fields["status"]], self.run.to_dict()))
        return out


def error_of(error: dict[str, Any] | None) -> ErrorInfo | None:
    """A stored error as the step's typed field."""
    return ErrorInfo.model_validate(error) if error is not None else None
