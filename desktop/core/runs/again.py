"""Run again with…: the same input, on the same history, with other settings, to compare.

The repeat answers the user message of the run it repeats, seeing the history that run
saw: either in the same thread (its history stops where the first run's did) or in a new
thread that starts with a copy of that history. Call on a worker thread; iterate the
stream there.
"""

from __future__ import annotations

from typing import Literal

from desktop.core import errors
from desktop.core.runs.engine import RunEngine, RunStream
from desktop.core.runs.overrides import Origin, RunOverrides
from desktop.core.runs.prompt import history_from
from desktop.core.store import Store
from desktop.core.store.records import Message

Where = Literal["copy", "same"]


def run_again(
    engine: RunEngine,
    store: Store,
    run_id: str,
    overrides: RunOverrides,
    where: Where = "copy",
) -> RunStream:
    """Start a run that repeats `run_id`'s input with `overrides`.

    Args:
        engine: starts the run.
        store: where the run to repeat is.
        run_id: the run to repeat.
        overrides: the repeat's own settings.
        where: "copy" starts a new thread holding the history up to the run's message;
            "same" adds the message again to the run's own thread.

    Raises:
        errors.UnknownRunError, errors.ThreadBusyError, errors.RunStateError,
        errors.ValidationError: nothing was started and nothing was stored.
    """
    source = store.runs.get(run_id)
    messages = store.threads.messages(source.thread_id)
    asked = _asked(messages, run_id)
    if where == "same":
        return engine.run(
            source.gpt_id,
            asked.text,
            thread_id=source.thread_id,
            overrides=overrides,
            origin=Origin(run_id, history_before=asked.seq),
        )
    return engine.run(
        source.gpt_id,
        asked.text,
        overrides=overrides,
        origin=Origin(run_id),
        history=history_from([m for m in messages if m.seq < asked.seq]),
    )


def _asked(messages: list[Message], run_id: str) -> Message:
    """The user message run `run_id` answers."""
    for message in messages:
        if message.role == "user" and message.run_id == run_id:
            return message
    raise errors.RunStateError(
        errors.said(
            "Run {run_id} has no message of the user's to answer again; pick another run.",
            run_id=run_id,
        )
    )
