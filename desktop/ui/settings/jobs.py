"""Core work that reports byte progress (a download, an import), run through `services.tasks`.

A core function that takes `progress` and `cancel` (`models.download.download`,
`ModelShelf.import_file`) runs on a worker; its progress reports reach the GUI thread
as a queued signal, and stopping the job sets its cancel token, so the core function
stops between blocks (a download keeps its partial file). The job is a one-item stream,
so that `Tasks.cancel_all()` at exit stops it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models.progress import Progress, ProgressCallback

if TYPE_CHECKING:
    from desktop.ui.tasks import Task, Tasks

Work = Callable[[ProgressCallback, CancelToken], Any]


class _Once:
    """An iterable that runs `work` once and yields its result; `cancel()` stops it."""

    def __init__(self, work: Work, progress: ProgressCallback) -> None:
        self._work = work
        self._progress = progress
        self.token = CancelToken()

    def __iter__(self) -> Iterator[Any]:
        yield self._work(self._progress, self.token)

    def cancel(self) -> None:
        self.token.cancel()


class ProgressJob(QObject):
    """One piece of core work with progress. GUI thread (the work itself runs on a worker).

    Signals:
        progressed(Progress): a progress report (at most ten a second).
        succeeded(object): what the work returned.
        failed(object): the exception it raised; `errors.CancelledError` after `stop()`.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, tasks: Tasks, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._work = work
        self._task: Task | None = None
        self._answered = False
        self.last: Progress | None = None
        self.progressed.connect(self._on_progressed)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.finished

    def start(self) -> None:
        # The report comes from the worker thread: emitting there queues it to this
        # object's (the GUI) thread. A job already deleted just drops its reports.
        def report(progress: Progress) -> None:
            if shiboken6.isValid(self):
                self.progressed.emit(progress)

        self._answered = False
        self._task = self._tasks.stream(
            lambda: _Once(self._work, report),
            self._on_result,
            self._on_done,
            self._on_failure,
            owner=self,
        )

    def stop(self) -> None:
        """Ask the work to stop between blocks; `failed` then gets a CancelledError."""
        if self._task is not None:
            self._task.cancel()

    def _on_progressed(self, progress: Progress) -> None:
        self.last = progress

    def _on_result(self, result: object) -> None:
        self._answered = True
        self.succeeded.emit(result)

    def _on_failure(self, error: Exception) -> None:
        self._answered = True
        self.failed.emit(error)

    def _on_done(self, cancelled: bool) -> None:
        # Stopped just as the work finished: its result was dropped, so say it stopped.
        if not self._answered:
            self._answered = True
            self.failed.emit(errors.CancelledError("Stopped."))
