"""The one way the GUI runs core work off its thread and gets the results back on it.

`run_in_background` runs a function on a thread pool; `stream_in_background` iterates a
generator there and hands over each item. Callbacks always run on the GUI thread, so they
may touch widgets. No widget creates its own thread: they all come through here.

Both must be called from the GUI thread (the thread of the QApplication).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

T = TypeVar("T")
Item = TypeVar("Item")

OnFailure = Callable[[Exception], None]


class _Dispatcher(QObject):
    """Runs callables on the GUI thread, whichever thread asked.

    Signals:
        call_requested(object): a zero-argument callable to run on the GUI thread.
    """

    call_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call_requested.connect(self._on_call_requested)

    @Slot(object)
    def _on_call_requested(self, call: Callable[[], None]) -> None:
        call()


# One per QApplication, created on the GUI thread; a queued signal to its slot is how a
# worker hands a result to the GUI thread. It lives as long as the application.
_dispatcher: _Dispatcher | None = None


def _gui_dispatcher() -> _Dispatcher:
    global _dispatcher  # noqa: PLW0603 (a private, lazily built singleton; see above)
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("background tasks need a QApplication")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("start background tasks from the GUI thread")
    if _dispatcher is None or not shiboken6.isValid(_dispatcher):
        _dispatcher = _Dispatcher()
        _dispatcher.moveToThread(app.thread())
    return _dispatcher


def _post(dispatcher: _Dispatcher, call: Callable[[], None]) -> None:
    """Queue `call` for the GUI thread (from a worker).

    When the application has already gone (work that outlived the window at quit), there is
    no one left to tell and the result is dropped.
    """
    try:
        dispatcher.call_requested.emit(call)
    except RuntimeError:
        if shiboken6.isValid(dispatcher):
            raise


class Latest:
    """Of several answers asked for in turn, only the newest is wanted (GUI thread).

    `fresh = latest.next()` before starting work; `fresh()` stays True until the next
    call, so a reading that lands after a newer one was asked for can be dropped.
    """

    def __init__(self) -> None:
        self._count = 0

    def next(self) -> Callable[[], bool]:
        self._count += 1
        mine = self._count
        return lambda: mine == self._count


class Task:
    """A handle on one piece of background work.

    `cancel()` (GUI thread) drops every result not yet delivered; a stream also stops
    between items. `wait()` blocks until the worker has finished (for shutdown and tests).
    """

    def __init__(self, owner: QObject | None) -> None:
        self._owner = owner
        self._cancelled = threading.Event()
        self._finished = threading.Event()
        self._iterable: object | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def finished(self) -> bool:
        """Whether the worker is done (its results may still be on their way)."""
        return self._finished.is_set()

    def cancel(self) -> None:
        self._cancelled.set()
        # A stream that can stop itself mid-item (a RunStream between tokens) is told too.
        stop = getattr(self._iterable, "cancel", None)
        if callable(stop):
            stop()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the worker has finished; False if `timeout_s` ran out first."""
        return self._finished.wait(timeout_s)

    def _deliverable(self) -> bool:
        """Whether a result may still be handed to its callback (GUI thread)."""
        if self._cancelled.is_set():
            return False
        return self._owner is None or shiboken6.isValid(self._owner)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


def _start(work: Callable[[], None], task: Task, pool: QThreadPool | None) -> None:
    def guarded() -> None:
        try:
            work()
        finally:
            task._finished.set()

    (pool or QThreadPool.globalInstance()).start(_Runnable(guarded))


def run_in_background(
    op: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: OnFailure,
    *,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Run `op()` on a worker thread; then `on_success(result)` or `on_failure(exc)`.

    Args:
        op: the work; runs on a pool thread and must not touch widgets.
        on_success: called on the GUI thread with what `op` returned.
        on_failure: called on the GUI thread with the exception `op` raised.
        owner: if given and destroyed before the result arrives, the result is dropped.
        pool: the thread pool to use; the global one by default.

    Returns:
        The task; cancelling it drops the result.
    """
    dispatcher = _gui_dispatcher()
    task = Task(owner)

    def deliver(callback: Callable[[Any], None], value: object) -> None:
        if task._deliverable():
            callback(value)

    def work() -> None:
        try:
            result = op()
        except Exception as exc:
            error = exc  # `exc` is unbound after the block; the lambda runs later
            _post(dispatcher, lambda: deliver(on_failure, error))
        else:
            _post(dispatcher, lambda: deliver(on_success, result))

    _start(work, task, pool)
    return task


def stream_in_background(
    generator_fn: Callable[[], Iterable[Item]],
    on_item: Callable[[Item], None],
    on_done: Callable[[bool], None],
    on_failure: OnFailure,
    *,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Iterate `generator_fn()` on a worker thread and hand each item to the GUI thread.

    The worker checks the task's cancel flag between items; once cancelled, it stops
    iterating (closing a generator, so its cleanup runs), and items already on their way
    are dropped. If the iterable has a `cancel()` method (a run's event stream), `cancel()`
    calls it as well, so a long wait inside one item ends early.

    Args:
        generator_fn: builds the iterable; runs on the worker thread.
        on_item: called on the GUI thread with each item, in order.
        on_done: called on the GUI thread once, at the end, with whether it was cancelled.
            Not called after a failure.
        on_failure: called on the GUI thread with the exception the iteration raised.
        owner: if given and destroyed, nothing more is delivered.
        pool: the thread pool to use; the global one by default.
    """
    dispatcher = _gui_dispatcher()
    task = Task(owner)

    def deliver_item(item: Item) -> None:
        if task._deliverable():
            on_item(item)

    def deliver_end(callback: Callable[[Any], None], value: object) -> None:
        if task._owner is None or shiboken6.isValid(task._owner):
            callback(value)

    def send(item: Item) -> None:
        _post(dispatcher, lambda: deliver_item(item))

    def work() -> None:
        try:
            _iterate(generator_fn, task, send)
        except Exception as exc:
            error = exc  # `exc` is unbound after the block; the lambda runs later
            _post(dispatcher, lambda: deliver_end(on_failure, error))
        else:
            _post(dispatcher, lambda: deliver_end(on_done, task.cancelled))

    _start(work, task, pool)
    return task


def _iterate(
    generator_fn: Callable[[], Iterable[Item]], task: Task, send: Callable[[Item], None]
) -> None:
    """Worker side of a stream: iterate until the end or until the task is cancelled."""
    if task.cancelled:
        return
    iterable = generator_fn()
    task._iterable = iterable
    iterator = iter(iterable)
    try:
        for item in iterator:
            if task.cancelled:
                break
            send(item)
    finally:
        close = getattr(iterator, "close", None)
        if callable(close):
            close()


class Tasks:
    """Background work for the views, with failures sent to the error channel by default.

    Built once by the app and handed to each view; `on_failure` is only for a view that
    shows a failure in place (a form field, a file's row) instead of the window's banner.
    GUI thread only.
    """

    def __init__(self, report: OnFailure, pool: QThreadPool | None = None) -> None:
        self._report = report
        self._pool = pool
        self._running: list[Task] = []

    def run(
        self,
        op: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: OnFailure | None = None,
        *,
        owner: QObject | None = None,
    ) -> Task:
        """`run_in_background`, failing to the error channel unless told otherwise."""
        task = run_in_background(
            op, on_success, on_failure or self._report, owner=owner, pool=self._pool
        )
        self._keep(task)
        return task

    def stream(
        self,
        generator_fn: Callable[[], Iterable[Item]],
        on_item: Callable[[Item], None],
        on_done: Callable[[bool], None],
        on_failure: OnFailure | None = None,
        *,
        owner: QObject | None = None,
    ) -> Task:
        """`stream_in_background`, failing to the error channel unless told otherwise."""
        task = stream_in_background(
            generator_fn, on_item, on_done, on_failure or self._report, owner=owner, pool=self._pool
        )
        self._keep(task)
        return task

    def _keep(self, task: Task) -> None:
        self._running = [t for t in self._running if not t.finished]
        self._running.append(task)

    def cancel_all(self) -> None:
        """Stop what still runs (at exit): streams stop between items, results are dropped."""
        for task in self._running:
            task.cancel()

    def wait_all(self, timeout_s: float) -> bool:
        """Block until every task has finished (tests, screenshots); False on timeout."""
        return all(task.wait(timeout_s) for task in list(self._running))
