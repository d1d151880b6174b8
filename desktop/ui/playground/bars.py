"""Where each step of a run sits on its time axis, and what its bar is made of.

Plain data (no Qt), read by the timeline's model and painted by its delegate: a model
call is its wait for the first token and its generation; a tool round is the time the
tools ran and the time the run waited for the user (consent, or outputs by hand).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from desktop.core.runs.compare import MODEL_CALL, RETRIEVAL, step_kind
from desktop.core.runs.steps import Step
from desktop.core.runs.timeline import RunTimeline

RETRIEVING, WAITING, GENERATING, TOOL, USER = (
    "retrieval",
    "first_token",
    "generation",
    "tool",
    "user",
)


@dataclass(frozen=True)
class Segment:
    """Part of a bar, in seconds from the run's start."""

    start: float
    end: float
    kind: str


@dataclass(frozen=True)
class Bar:
    segments: tuple[Segment, ...]
    running: bool = False

    @property
    def start(self) -> float:
        return self.segments[0].start if self.segments else 0.0

    @property
    def end(self) -> float:
        return self.segments[-1].end if self.segments else 0.0

    @property
    def length(self) -> float:
        return self.end - self.start

    def seconds(self, kind: str) -> float:
        return sum(s.end - s.start for s in self.segments if s.kind == kind)


def origin(timeline: RunTimeline) -> float:
    """When the run started (wall clock), the zero of its axis."""
    run = timeline.run
    if run is None:
        return timeline.steps[0].created_at if timeline.steps else 0.0
    return run.started_at or run.created_at


def span(timeline: RunTimeline, now: float | None = None) -> float:
    """The axis's length in seconds: to the run's end, or to now while it runs."""
    run = timeline.run
    zero = origin(timeline)
    ends = [s.completed_at for s in timeline.steps if s.completed_at is not None]
    if run is not None:
        ends += [t for t in (run.completed_at, run.failed_at, run.cancelled_at) if t is not None]
    live = run is not None and run.status in ("queued", "in_progress", "cancelling")
    if live or any(s.completed_at is None for s in timeline.steps):
        ends.append(now if now is not None else time.time())
    return max([0.001, *(end - zero for end in ends)])


def bar(step: Step, zero: float, now: float | None = None, paused: bool = False) -> Bar:
    """The step's bar on an axis that starts at `zero` (wall clock).

    `paused`: the run waits in this step for the user (consent, or outputs by hand).
    """
    start = step.created_at - zero
    running = step.completed_at is None
    end = (step.completed_at if not running else (now or time.time())) - zero
    end = max(end, start)
    kind = step_kind(step)
    if kind == RETRIEVAL:
        return Bar((Segment(start, end, RETRIEVING),), running)
    if kind == MODEL_CALL:
        ttft = step.timings.ttft_ms
        if ttft is None:
            return Bar((Segment(start, end, WAITING),), running)
        first = min(start + ttft / 1000, end)
        return Bar((Segment(start, first, WAITING), Segment(first, end, GENERATING)), running)
    calls = step.function_calls()
    ran = sum(c.duration_ms or 0 for c in calls) / 1000
    waited = any((c.consent is not None and c.consent.asked) or c.submitted for c in calls)
    if waited or paused:
        split = max(start, end - ran)
        segments = (Segment(start, split, USER), Segment(split, end, TOOL))
        return Bar(tuple(s for s in segments if s.end > s.start) or segments[:1], running)
    return Bar((Segment(start, end, TOOL),), running)


def slowest(timeline: RunTimeline) -> str | None:
    """The id of the finished step that took longest (None with fewer than two steps)."""
    finished = [s for s in timeline.steps if s.completed_at is not None]
    if len(finished) < 2:
        return None
    return max(finished, key=lambda s: s.completed_at - s.created_at).id  # type: ignore[operator]
