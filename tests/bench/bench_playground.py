"""From a run's completion to the playground showing its timeline, in the real window.

Run with `QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_playground`. The window is
the app's own (`build_main_window`) on a temporary data folder; a scripted provider
answers at once, so the figures are the playground's own work (events across threads, the
models, reads from the store, painting). Two runs, each measured 15 times:

- typical: a knowledge search, a model call, a tool call, the answer (4 steps);
- large: the 21st turn of a thread (20 earlier turns of about 2 KB each), eight rounds of
  two tool calls with 4 KB outputs, each model call recording every message it sent
  (1 search, 9 model calls, 8 tool rounds: 18 steps, about 2 MB of step records).

Three figures per run, as median and worst:

1. live: from the worker yielding the run's final event to the timeline's first paint
   after the GUI applied it (the playground streamed the run and shows it as it ends);
2. reopen: from selecting the finished run in the runs list to the timeline's first
   paint of it (the run is read back from the store on a worker: "of which reading it");
3. GUI stall: the longest time the GUI thread spent in one step of showing the reopened
   run (filling the models and the inspector), against the 50 ms budget.

It prints figures and asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.tools import ToolRegistry
from desktop.core.tools.base import ToolResult, ToolSpec
from desktop.ui import app
from desktop.ui.main_window import MainWindow
from desktop.ui.playground.page import PlaygroundPage
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for

REPEATS = 15
CHUNK = {
    "id": "c1",
    "file_id": "f1",
    "file": "handbook.pdf",
    "text": "Paris in spring is mild and often sunny. " * 20,
    "page": 3,
    "location": "",
    "score": 0.03,
    "ranks": {"bm25": 1, "vector": 2},
    "scores": {"bm25": 4.2, "vector": 0.8},
}
_FINAL = frozenset(ev.RUN_FINAL.values()) - {ev.RUN_REQUIRES_ACTION}
FILES = [{"id": "f1", "name": "handbook.pdf", "sha256": "0" * 64, "size": 10}]


class BigTool:
    """Answers every call with about 4 KB of JSON."""

    external = False

    def __init__(self) -> None:
        self.spec = ToolSpec(name="lookup", description="Look something up.")

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        rows = [{"row": i, "text": "lorem ipsum dolor sit amet " * 2} for i in range(70)]
        return ToolResult(output=json.dumps(rows))


def replies(rounds: int) -> list[Reply]:
    calls = [("lookup", json.dumps({"q": f"item {i}"})) for i in range(2)]
    return [Reply(pieces=["Looking."], tool_calls=calls) for _ in range(rounds)] + [
        Reply(pieces=["Here ", "is ", "the ", "answer ", "[1]."])
    ]


class Clock:
    """When the worker yielded a run's final event, when the GUI applied it, and when the
    timeline last showed another run (a paint after that shows the new one).
    """

    def __init__(self, page: PlaygroundPage) -> None:
        self.final_yielded = 0.0
        self.final_applied = 0.0
        self.reset = 0.0
        page.streams.event_arrived.connect(self._on_event_arrived)  # after the page's own
        page.steps_model.modelReset.connect(self._on_reset)

    def _on_event_arrived(self, _live: object, event: ev.Event) -> None:
        if event.event in _FINAL:
            self.final_applied = time.perf_counter()

    def _on_reset(self) -> None:
        self.reset = time.perf_counter()


def timed_engine(services: app.AppServices, provider: ScriptedProvider, clock: Clock) -> None:
    engine = RunEngine(
        services.store,
        provider_for(provider),
        tools_for=lambda _d, _c: ToolRegistry([BigTool()]),
        retriever=lambda _d, _g, _t, _q: [dict(CHUNK)],
    )
    start = engine.run

    def run(*args: Any, **kwargs: Any) -> Any:
        stream = start(*args, **kwargs)
        events = stream._events

        def stamped() -> Iterator[ev.Event]:
            for event in events:
                if event.event in _FINAL:
                    clock.final_yielded = time.perf_counter()
                yield event

        stream._events = stamped()
        return stream

    engine.run = run  # type: ignore[method-assign]
    services.__dict__["engine"] = engine


def wait(qapp: QApplication, done: Any, limit_s: float = 60.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not done():
        qapp.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the playground did not get there")
        time.sleep(0.0005)


def painted_after(page: PlaygroundPage, moment: float) -> bool:
    painted = page.timeline_view.painted_at
    return painted is not None and painted > moment


def history(services: app.AppServices, gpt_id: str, turns: int) -> str | None:
    """A thread with `turns` earlier exchanges of about 2 KB each; its id (None: no turns)."""
    if not turns:
        return None
    with services.store.transaction() as tx:
        thread = tx.threads.create(gpt_id, title="long")
        for turn in range(turns):
            for role in ("user", "assistant"):
                text = f"{role} turn {turn}: " + "words of the conversation " * 80
                content = [{"type": "text", "text": {"value": text, "annotations": []}}]
                tx.threads.add_message(thread.id, role, content, "completed")
    return thread.id


def measure(
    qapp: QApplication, window: MainWindow, services: app.AppServices, turns: int, rounds: int
) -> dict[str, list[float]]:
    page = window.pages.playground
    gpt_id = services.store.gpts.create(
        validate_definition({"name": f"bench {turns}", "knowledge": {"files": FILES}})
    ).id
    thread_id = history(services, gpt_id, turns)
    clock = Clock(page)
    figures: dict[str, list[float]] = {"live": [], "reopen": [], "load": [], "stall": []}
    loads: list[float] = []
    load = RunTimeline.load

    def timed_load(store: Any, run_id: str) -> RunTimeline:
        started = time.perf_counter()
        timeline = load(store, run_id)
        loads.append(time.perf_counter() - started)
        return timeline

    RunTimeline.load = timed_load  # type: ignore[method-assign,assignment]
    window.open_gpt(gpt_id, 2)
    wait(qapp, lambda: services.tasks.wait_all(0.001))
    stalls: list[float] = []
    show = page._show_timeline

    def timed_show(timeline: Any) -> None:
        started = time.perf_counter()
        show(timeline)
        stalls.append(time.perf_counter() - started)

    page._show_timeline = timed_show  # type: ignore[method-assign]
    for _ in range(REPEATS):
        page.thread_id = thread_id  # each typical run in a thread of its own
        timed_engine(services, ScriptedProvider(replies(rounds), context_size=1_000_000), clock)
        finished: list[str] = []
        page.run_finished.connect(finished.append)
        page.message.setPlainText("What is Paris like in spring?")
        page.run_button.click()
        wait(qapp, lambda done=finished: bool(done) and painted_after(page, clock.final_applied))
        figures["live"].append(page.timeline_view.painted_at - clock.final_yielded)  # type: ignore[operator]
        page.run_finished.disconnect(finished.append)
        run_id = finished[0]
        page.thread_id = services.store.runs.get(run_id).thread_id
        row = page.runs_model.row_of(run_id)
        page.select_run_row(-1)
        qapp.processEvents()
        stalls.clear()
        loads.clear()
        started = time.perf_counter()
        page.select_run_row(row)
        wait(
            qapp,
            lambda shown=run_id: (
                page.steps_model.timeline.run is not None
                and page.steps_model.timeline.run.id == shown
                and painted_after(page, clock.reset)
            ),
        )
        figures["reopen"].append(page.timeline_view.painted_at - started)  # type: ignore[operator]
        figures["stall"].append(max(stalls))
        figures["load"].append(sum(loads))
    RunTimeline.load = load  # type: ignore[method-assign]
    statuses = {r.status for r in services.store.runs.list(page.thread_id)}  # type: ignore[arg-type]
    steps = page.steps_model.rowCount()
    print(f"  runs ended: {', '.join(sorted(statuses))}")
    size = sum(len(json.dumps(s.to_dict())) for s in page.steps_model.timeline.steps)
    print(f"  {steps} steps, {size / 1024:.0f} KB of step records")
    return figures


def report(name: str, figures: dict[str, list[float]]) -> None:
    labels = {
        "live": "final event -> timeline painted",
        "reopen": "run selected -> timeline painted",
        "load": "of which reading it (worker)",
        "stall": "longest GUI-thread step showing it",
    }
    for key, values in figures.items():
        ms = [v * 1000 for v in values]
        print(
            f"  {name:8} {labels[key]:36} median {statistics.median(ms):7.1f} ms, "
            f"worst {max(ms):7.1f} ms"
        )


def main() -> None:
    qapp = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = Paths(root / "data", root / "config", root / "cache", root / "logs").ensure()
        window, services = app.build_main_window(paths)
        window.resize(1280, 800)
        window.show()
        window.start("playground")
        try:
            print("typical run:")
            report("typical", measure(qapp, window, services, turns=0, rounds=1))  # type: ignore[arg-type]
            print("large run:")
            report("large", measure(qapp, window, services, turns=20, rounds=8))  # type: ignore[arg-type]
        finally:
            window.close()
            services.tasks.wait_all(10)
            services.close()


if __name__ == "__main__":
    main()
