"""The runs the playground drives: started, continued after a pause, stopped. GUI thread.

Every run streams through the app's tasks (`services.tasks.stream`) and its events come
back here in order, each handed on with the `LiveRun` it belongs to. Stop asks the engine
to cancel: a streaming run stops between tokens (a local model too: the cancel reaches
its host process), a paused one at once; the stream's last events still arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core import errors
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunStream
from desktop.core.runs.timeline import RunTimeline
from desktop.core.store.records import Run, Thread

if TYPE_CHECKING:
    from desktop.ui.services import AppServices
    from desktop.ui.tasks import Task


@dataclass(eq=False)
class LiveRun:
    """A run being streamed here: its timeline (applied event by event) and its task.

    `compare_with`: a run to compare it with once it ends ("Run again with…").
    """

    timeline: RunTimeline
    task: Task | None = None
    compare_with: str | None = None
    thread_id: str | None = None
    # Set by the worker once the engine has started the run; its `cancel()` is thread-safe.
    stream: RunStream | None = None

    @property
    def run_id(self) -> str:
        return self.timeline.run.id if self.timeline.run is not None else ""


class Streams(QObject):
    """Starts and stops the streams of runs, and hands their events on.

    Signals:
        event_arrived(object, object): a `LiveRun` and one of its events, in order. The
            receiver applies the event to the run's timeline (once).
        stream_ended(object): the `LiveRun` whose stream ended (finished, paused, stopped).
        start_failed(object, object): the `LiveRun` that never started, and the error.
        thread_created(object): a run started a new thread (the `Thread`).
    """

    event_arrived = Signal(object, object)
    stream_ended = Signal(object)
    start_failed = Signal(object, object)
    thread_created = Signal(object)

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.live: list[LiveRun] = []

    def start(
        self,
        make_stream: Callable[[], RunStream],
        timeline: RunTimeline | None = None,
        compare_with: str | None = None,
    ) -> LiveRun:
        """Stream the run `make_stream` starts or continues (it runs on a worker).

        `timeline`: the run's timeline so far, when it continues after a pause.
        """
        live = LiveRun(timeline or RunTimeline(), compare_with=compare_with)
        self.live.append(live)

        def begin() -> RunStream:
            live.stream = make_stream()
            return live.stream

        live.task = self._services.tasks.stream(
            begin,
            lambda event: self._on_event(live, event),
            lambda _cancelled: self._on_done(live),
            lambda exc: self._on_failure(live, exc),
            owner=self,
        )
        return live

    def get(self, run_id: str) -> LiveRun | None:
        return next((r for r in self.live if run_id and r.run_id == run_id), None)

    def stop(self, run_id: str, on_stopped: Callable[[Run], None] | None = None) -> None:
        """Stop the run: its stream at once (between two tokens), then the engine's record.

        The record is written on a worker (the run becomes `cancelling`, or `cancelled` when
        it was paused); a run that already ended is left as it is.
        """
        live = self.get(run_id)
        if live is not None and live.stream is not None:
            live.stream.cancel()  # a flag the driver checks at every token
        engine = self._services.engine

        def ended(exc: Exception) -> None:
            if not isinstance(exc, errors.RunStateError):
                self._services.errors.notify_error(exc)

        self._services.tasks.run(
            lambda: engine.cancel(run_id), on_stopped or (lambda _run: None), ended, owner=self
        )

    def stop_all(self) -> None:
        """Stop every run streaming from here (the window closes)."""
        for live in list(self.live):
            if live.task is not None:
                live.task.cancel()

    def _on_event(self, live: LiveRun, event: ev.Event) -> None:
        self.event_arrived.emit(live, event)
        if event.event == "thread.created":
            live.thread_id = str(event.data["id"])
            fields = {k: v for k, v in event.data.items() if k != "object"}
            self.thread_created.emit(Thread(**fields))

    def _on_done(self, live: LiveRun) -> None:
        self._drop(live)
        self.stream_ended.emit(live)

    def _on_failure(self, live: LiveRun, exc: Exception) -> None:
        self._drop(live)
        if live.timeline.run is None:
            self.start_failed.emit(live, exc)
        else:  # the stream broke after the run began: it ends here, and the error is told
            self._services.errors.notify_error(exc)
            self.stream_ended.emit(live)

    def _drop(self, live: LiveRun) -> None:
        if live in self.live:
            self.live.remove(live)
