"""A conversation as the chat shows it: items in order, kept up to date by run events.

The items are the thread's current messages with each run's tool activity between them
(a knowledge search, the calls of one model answer) and, while a run waits for the
user's consent, a consent item at its end. Each run's state is a `RunTimeline`, loaded
from the store or built from the events of a live run; `apply` says which items changed,
so a view updates those rows alone (a streamed token changes one message). Pure Python;
used on one thread (the GUI's), like the timelines it holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.runs import events as ev
from desktop.core.runs.steps import Step
from desktop.core.runs.timeline import RunTimeline
from desktop.core.store import Store
from desktop.core.store.records import RUN_ACTIVE, Message, Run

MESSAGE = "message"
TOOL = "tool"
CONSENT = "consent"


@dataclass(frozen=True)
class Item:
    """One row of the conversation: a message, a tool step, or a consent question."""

    kind: str
    key: str  # the message's id, the step's id, or the run's id (consent)
    run_id: str | None = None


@dataclass(frozen=True)
class Edit:
    """How the rows changed.

    At `start`, `removed` rows gave way to `inserted` new ones; the `changed` rows (as
    numbered after the edit) show something new.
    """

    start: int = 0
    removed: int = 0
    inserted: int = 0
    changed: tuple[int, ...] = ()

    @property
    def structural(self) -> bool:
        return bool(self.removed or self.inserted)


@dataclass
class _Index:
    rows: dict[str, int] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # run -> (start, count)


class Transcript:
    """The conversation of one thread. See the module docstring."""

    def __init__(
        self,
        thread_id: str,
        messages: list[Message],
        runs: list[Run] | None = None,
        steps: list[Step] | None = None,
    ) -> None:
        self.thread_id = thread_id
        self.timelines: dict[str, RunTimeline] = {}
        self._loose: dict[str, Message] = {}
        self._step_runs: dict[str, str] = {}
        self._message_runs: dict[str, str] = {}  # which run's timeline holds each message
        self.versions: dict[str, int] = {}
        known = {run.id: run for run in runs or []}
        by_run: dict[str, list[Step]] = {}
        for step in steps or []:
            by_run.setdefault(step.run_id, []).append(step)
            self._step_runs[step.id] = step.run_id
        for message in messages:
            run_id = message.run_id
            if run_id is None or run_id not in known:
                self._loose[message.id] = message
                continue
            timeline = self.timelines.get(run_id)
            if timeline is None:
                timeline = self.timelines[run_id] = RunTimeline(
                    known[run_id], by_run.get(run_id, []), []
                )
            timeline.messages.append(message)
            self._message_runs[message.id] = run_id
        self.items: list[Item] = self._ordered(messages)
        self._index = self._reindex()

    @classmethod
    def load(cls, store: Store, thread_id: str) -> Transcript:
        """The thread as stored now: current messages, runs, tool steps (four reads)."""
        store.threads.get(thread_id)
        messages = store.threads.messages(thread_id, current=True)
        runs = store.runs.list(thread_id)
        steps = [Step.from_record(s) for s in store.runs.thread_steps(thread_id, "tool_calls")]
        return cls(thread_id, messages, runs, steps)

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.items)

    def row(self, key: str) -> int | None:
        return self._index.rows.get(key)

    def message(self, message_id: str) -> Message:
        if message_id in self._loose:
            return self._loose[message_id]
        timeline = self.timelines.get(self._message_runs.get(message_id, ""))
        if timeline is None:
            raise KeyError(message_id)
        return timeline.message(message_id)

    def timeline_of(self, item: Item) -> RunTimeline | None:
        return self.timelines.get(item.run_id) if item.run_id else None

    def step(self, item: Item) -> Step:
        timeline = self.timeline_of(item)
        if timeline is None:
            raise KeyError(item.key)
        return timeline.step(item.key)

    def version(self, key: str) -> int:
        return self.versions.get(key, 0)

    @property
    def last_run(self) -> RunTimeline | None:
        """The latest run still in the conversation."""
        runs = [i.run_id for i in self.items if i.run_id]
        return self.timelines.get(runs[-1]) if runs else None

    def active_run(self) -> RunTimeline | None:
        """The run answering now (or waiting for the user), if any."""
        last = self.last_run
        if last is not None and (last.run is None or last.run.status in RUN_ACTIVE):
            return last
        return None

    # -- changing ----------------------------------------------------------------------------

    def apply(self, event: ev.Event) -> Edit | None:
        """Take one event of a run of this thread; the rows it changed (None: none)."""
        run_id = self._run_of(event)
        if run_id is None:
            return None
        timeline = self.timelines.get(run_id)
        if timeline is None:
            timeline = self.timelines[run_id] = RunTimeline()
        change = timeline.apply(event)
        if change is None:
            return None
        if change.kind == "step":
            self._step_runs[change.id] = run_id
        elif change.kind == "message":
            self._message_runs[change.id] = run_id
        if change.kind in ("message", "step"):
            keys = [change.id]
        else:  # the run itself: its answers show its status, and it may ask for consent
            keys = [*self._message_keys(run_id, "assistant"), run_id]
        return self._settle(run_id, keys)

    def replace_run(self, timeline: RunTimeline) -> Edit:
        """Put a run's state as loaded from the store (after a stop, say) in place of ours."""
        assert timeline.run is not None
        run_id = timeline.run.id
        timeline.steps = [s for s in timeline.steps if s.type == "tool_calls"]
        timeline.messages = [m for m in timeline.messages if m.superseded_by is None]
        self.timelines[run_id] = timeline
        for step in timeline.steps:
            self._step_runs[step.id] = run_id
        for message in timeline.messages:
            self._message_runs[message.id] = run_id
        return self._settle(run_id, [*self._message_keys(run_id), *(s.id for s in timeline.steps)])

    def drop_from(self, message_id: str) -> Edit:
        """Take a message and everything after it out (a later run replaced them)."""
        start = self.row(message_id)
        if start is None:
            return Edit()
        gone = self.items[start:]
        del self.items[start:]
        for item in gone:
            if item.run_id:
                self.timelines.pop(item.run_id, None)
            self._loose.pop(item.key, None)
        self._index = self._reindex()
        return Edit(start, len(gone), 0)

    # -- inside ------------------------------------------------------------------------------

    def _run_of(self, event: ev.Event) -> str | None:
        data: dict[str, Any] = event.data
        name = event.event
        if name == ev.STEP_DELTA:
            return self._step_runs.get(data["id"])
        if name.startswith(("thread.message.", "thread.run.step.", "model.")):
            return data.get("run_id")
        if name.startswith("thread.run."):
            return str(data["id"])
        return None

    def _message_keys(self, run_id: str, role: str | None = None) -> list[str]:
        timeline = self.timelines.get(run_id)
        messages = timeline.messages if timeline is not None else []
        return [m.id for m in messages if role is None or m.role == role]

    def _settle(self, run_id: str, changed: list[str]) -> Edit:
        """Bring the run's rows in line with its timeline; the edit that did it."""
        for key in changed:
            self.versions[key] = self.versions.get(key, 0) + 1
        new = _items_for(self.timelines[run_id], run_id)
        start, count = self._index.spans.get(run_id, (len(self.items), 0))
        old = self.items[start : start + count]
        same = 0
        while same < min(len(old), len(new)) and old[same] == new[same]:
            same += 1
        if same == len(old) == len(new):
            rows = tuple(sorted(r for k in changed if (r := self.row(k)) is not None))
            return Edit(changed=rows)
        self.items[start + same : start + count] = new[same:]
        self._index = self._reindex()
        rows = tuple(
            sorted(r for k in changed if (r := self.row(k)) is not None and r < start + same)
        )
        return Edit(start + same, len(old) - same, len(new) - same, rows)

    def _ordered(self, messages: list[Message]) -> list[Item]:
        items: list[Item] = []
        placed: set[str] = set()
        for message in messages:
            run_id = message.run_id
            if run_id in self.timelines:
                if run_id not in placed:
                    placed.add(run_id)
                    items += _items_for(self.timelines[run_id], run_id)
            else:
                items.append(Item(MESSAGE, message.id))
        return items

    def _reindex(self) -> _Index:
        index = _Index()
        for row, item in enumerate(self.items):
            index.rows[item.key] = row
            if item.run_id is not None:
                start, count = index.spans.get(item.run_id, (row, 0))
                index.spans[item.run_id] = (start, count + 1)
        return index


def _items_for(timeline: RunTimeline, run_id: str) -> list[Item]:
    """A run's rows: its question, then its tool steps and answers as they came."""
    questions = [Item(MESSAGE, m.id, run_id) for m in timeline.messages if m.role == "user"]
    later: list[tuple[float, int, Item]] = [
        (m.created_at, 1, Item(MESSAGE, m.id, run_id))
        for m in timeline.messages
        if m.role != "user"
    ]
    later += [
        (s.created_at, 0, Item(TOOL, s.id, run_id))
        for s in timeline.steps
        if s.type == "tool_calls"
    ]
    later.sort(key=lambda entry: (entry[0], entry[1]))
    items = questions + [entry[2] for entry in later]
    run = timeline.run
    required = (run.required_action or {}) if run is not None else {}
    if run is not None and run.status == "requires_action" and required.get("type") == "consent":
        items.append(Item(CONSENT, run_id, run_id))
    return items
