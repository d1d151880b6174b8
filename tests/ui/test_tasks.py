"""Tests for desktop/ui/tasks.py: results come back on the GUI thread; streams cancel."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject

from desktop.ui.tasks import run_in_background, stream_in_background

WAIT_MS = 5000


class Recorder:
    """Collects callback calls with the thread each ran on."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.threads: set[threading.Thread] = set()

    def __call__(self, name: str):  # type: ignore[no-untyped-def]
        def record(value: object) -> None:
            self.calls.append((name, value))
            self.threads.add(threading.current_thread())

        return record

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


def test_result_reaches_the_gui_thread(qtbot) -> None:
    seen = Recorder()
    worker_threads: list[threading.Thread] = []

    def op() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    task = run_in_background(op, seen("ok"), seen("failed"))
    qtbot.waitUntil(lambda: bool(seen.calls), timeout=WAIT_MS)

    assert seen.calls == [("ok", 42)]
    assert seen.threads == {threading.main_thread()}
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert task.finished


def test_exception_reaches_on_failure(qtbot) -> None:
    seen = Recorder()
    error = ValueError("boom")

    def op() -> int:
        raise error

    run_in_background(op, seen("ok"), seen("failed"))
    qtbot.waitUntil(lambda: bool(seen.calls), timeout=WAIT_MS)

    assert seen.calls == [("failed", error)]
    assert seen.threads == {threading.main_thread()}


def test_cancelled_task_delivers_nothing(qtbot) -> None:
    seen = Recorder()
    gate = threading.Event()
    task = run_in_background(lambda: gate.wait(WAIT_MS), seen("ok"), seen("failed"))
    task.cancel()
    gate.set()

    assert task.wait(WAIT_MS / 1000)
    qtbot.wait(50)  # let any (wrongly) queued delivery run
    assert seen.calls == []


def test_result_for_a_destroyed_owner_is_dropped(qtbot) -> None:
    seen = Recorder()
    gate = threading.Event()
    owner = QObject()
    task = run_in_background(lambda: gate.wait(WAIT_MS), seen("ok"), seen("failed"), owner=owner)
    with qtbot.wait_signal(owner.destroyed, timeout=WAIT_MS):
        owner.deleteLater()
    gate.set()

    assert task.wait(WAIT_MS / 1000)
    qtbot.wait(50)
    assert seen.calls == []


def test_starting_from_a_worker_thread_is_refused(qtbot) -> None:
    caught: list[BaseException] = []

    def start() -> None:
        try:
            run_in_background(lambda: 1, print, print)
        except RuntimeError as exc:
            caught.append(exc)

    thread = threading.Thread(target=start)
    thread.start()
    thread.join(WAIT_MS / 1000)

    assert caught and "GUI thread" in str(caught[0])


def test_stream_delivers_items_in_order_then_done(qtbot) -> None:
    seen = Recorder()

    stream_in_background(lambda: iter(range(5)), seen("item"), seen("done"), seen("failed"))
    qtbot.waitUntil(lambda: "done" in seen.names(), timeout=WAIT_MS)

    assert seen.calls == [("item", i) for i in range(5)] + [("done", False)]
    assert seen.threads == {threading.main_thread()}


def test_stream_stops_between_items_when_cancelled(qtbot) -> None:
    seen = Recorder()
    resume = threading.Event()
    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            n = 0
            while True:
                yield n
                n += 1
                resume.wait(WAIT_MS / 1000)
        finally:
            closed.set()

    def on_item(item: int) -> None:
        seen("item")(item)
        task.cancel()
        resume.set()

    task = stream_in_background(endless, on_item, seen("done"), seen("failed"))
    qtbot.waitUntil(lambda: "done" in seen.names(), timeout=WAIT_MS)

    assert seen.calls == [("item", 0), ("done", True)]
    assert closed.is_set()  # the generator was closed, so its cleanup ran
    assert task.cancelled


def test_stream_cancel_reaches_a_cancellable_iterable(qtbot) -> None:
    class Cancellable:
        def __init__(self) -> None:
            self.cancelled = threading.Event()

        def __iter__(self) -> Iterator[str]:
            yield "first"
            # Stands in for a model stuck inside one long token wait.
            self.cancelled.wait(WAIT_MS / 1000)
            yield "late"

        def cancel(self) -> None:
            self.cancelled.set()

    source = Cancellable()
    seen = Recorder()

    def on_item(item: str) -> None:
        seen("item")(item)
        task.cancel()

    task = stream_in_background(lambda: source, on_item, seen("done"), seen("failed"))
    qtbot.waitUntil(lambda: "done" in seen.names(), timeout=WAIT_MS)

    assert source.cancelled.is_set()
    assert seen.calls == [("item", "first"), ("done", True)]


def test_stream_failure_reaches_on_failure_after_the_items_before_it(qtbot) -> None:
    seen = Recorder()

    def failing() -> Iterator[int]:
        yield 1
        raise OSError("disk gone")

    stream_in_background(failing, seen("item"), seen("done"), seen("failed"))
    qtbot.waitUntil(lambda: "failed" in seen.names(), timeout=WAIT_MS)

    assert seen.names() == ["item", "failed"]
    assert isinstance(seen.calls[1][1], OSError)


@pytest.mark.parametrize("when", ["before", "after"])
def test_streams_and_tasks_report_finished(qtbot, when: str) -> None:
    seen = Recorder()
    task = stream_in_background(lambda: iter([1]), seen("item"), seen("done"), seen("failed"))
    if when == "before":
        task.cancel()
    assert task.wait(WAIT_MS / 1000)
    qtbot.waitUntil(lambda: "done" in seen.names(), timeout=WAIT_MS)
    assert task.finished


def test_a_result_after_the_application_has_gone_is_dropped_quietly(qtbot) -> None:
    # Work that outlives the window at quit (a metadata request offline, say) finishes
    # after the dispatcher is deleted: nothing is left to tell, and nothing is raised.
    import shiboken6

    from desktop.ui import tasks

    gone = tasks._Dispatcher()
    shiboken6.delete(gone)
    called: list[int] = []
    tasks._post(gone, lambda: called.append(1))
    assert called == []
    live = tasks._Dispatcher()
    with qtbot.wait_signal(live.call_requested):
        tasks._post(live, lambda: called.append(2))
    qtbot.wait_until(lambda: called == [2])
    shiboken6.delete(live)


def test_only_the_latest_of_several_readings_is_fresh() -> None:
    from desktop.ui.tasks import Latest

    latest = Latest()
    first = latest.next()
    assert first()
    second = latest.next()
    assert second() and not first()  # a reading asked for earlier is stale now
