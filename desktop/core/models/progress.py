"""Byte-transfer progress for downloads, copies and hash checks: throttled, cancellable."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.core import errors
from desktop.core.cancel import CancelToken

_CANCELLED = errors.said("Cancelled.")


@dataclass(frozen=True)
class Progress:
    """One report. `stage` is "download", "verify" or "copy"; `eta` is in seconds."""

    stage: str
    done: int
    total: int | None
    rate: float
    eta: float | None

    @property
    def fraction(self) -> float | None:
        return min(self.done / self.total, 1.0) if self.total else None


ProgressCallback = Callable[[Progress], None]


class Meter:
    """Counts bytes for one stage, reports at most `per_second` times, stops when cancelled.

    Called on the worker thread that moves the bytes; the callback runs on that thread too
    (a GUI hands it to its main thread). The first and the final reports always go out.
    """

    def __init__(
        self,
        stage: str,
        total: int | None,
        *,
        callback: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        cancel_message: str | Callable[[], str] = _CANCELLED,
        initial: int = 0,
        per_second: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stage = stage
        self.total = total
        self.done = initial
        self._callback = callback
        self._cancel = cancel
        self._cancel_message = cancel_message
        self._interval = 1.0 / per_second
        self._clock = clock
        self._started = clock()
        self._start_bytes = initial
        self._last_report: float | None = None

    def check(self) -> None:
        """Raise `errors.CancelledError` if the user asked to stop."""
        if self._cancel is not None and self._cancel.cancelled:
            message = self._cancel_message
            raise errors.CancelledError(message if isinstance(message, str) else message())

    def advance(self, count: int) -> None:
        self.done += count
        now = self._clock()
        if self._last_report is None or now - self._last_report >= self._interval:
            self._report(now)

    def restart(self) -> None:
        """Start counting from zero again (the server ignored a resume request)."""
        self.done = 0
        self._start_bytes = 0
        self._started = self._clock()

    def finish(self) -> None:
        self._report(self._clock())

    def snapshot(self) -> Progress:
        elapsed = self._clock() - self._started
        moved = self.done - self._start_bytes
        # Only bytes moved in this run count: a resumed download's old bytes took no time.
        rate = moved / elapsed if elapsed > 0 and moved > 0 else 0.0
        eta = None
        if self.total is not None and rate > 0:
            eta = max(self.total - self.done, 0) / rate
        return Progress(self.stage, self.done, self.total, rate, eta)

    def _report(self, now: float) -> None:
        self._last_report = now
        if self._callback is not None:
            self._callback(self.snapshot())


Result = TypeVar("Result")


@dataclass(frozen=True)
class Finished(Generic[Result]):
    """The last item of a `ProgressStream`: what the work returned."""

    result: Result


class ProgressStream(Generic[Result]):
    """Turns work that reports through a callback into an iterator of its reports.

    `work(report, cancel)` runs on a thread of its own; iterating (on a worker thread, such
    as a GUI's background task) yields each `Progress` it reports, then `Finished(result)`,
    or raises what the work raised. `cancel()` may be called from any thread: the work
    sees the token set and stops (a download keeps its partial file). A consumer that
    stops iterating early cancels the work too, and waits for it to end.
    """

    def __init__(self, work: Callable[[ProgressCallback, CancelToken], Result]) -> None:
        self._work = work
        self._cancel = CancelToken()

    def cancel(self) -> None:
        self._cancel.cancel()

    def __iter__(self) -> Iterator[Progress | Finished[Result]]:
        reports: queue.SimpleQueue[Progress | Finished[Result] | _Failed] = queue.SimpleQueue()

        def run() -> None:
            try:
                result = self._work(reports.put, self._cancel)
            except BaseException as exc:  # handed to the consumer, who raises it
                reports.put(_Failed(exc))
            else:
                reports.put(Finished(result))

        worker = threading.Thread(target=run, name="progress-stream", daemon=True)
        worker.start()
        try:
            while True:
                item = reports.get()
                if isinstance(item, _Failed):
                    raise item.error
                yield item
                if isinstance(item, Finished):
                    return
        finally:
            self._cancel.cancel()  # a no-op once the work is done
            worker.join()


@dataclass(frozen=True)
class _Failed:
    error: BaseException
