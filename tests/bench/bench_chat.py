"""The chat's main thread and memory: a fast stream, a 1,000-message thread, memory growth.

Run with `python -m tests.bench.bench_chat [--seconds 30] [--rate 500] [--messages 1000]`
(offscreen by default). It builds the real window on a temporary data folder and a
scripted OpenAI-compatible server on 127.0.0.1, then measures with a stall probe (a 5 ms
timer on the GUI thread; a stall is how late it fires):

1. The longest stall while the server streams `--rate` tokens a second of Markdown
   (paragraphs, lists, tables, code) into the chat for `--seconds` seconds. The server
   runs in a child process, as a real one would be elsewhere (in this process its thread
   would compete with the window for Python's GIL).
2. The longest stall while a `--messages`-message thread (half questions, half answers of
   varied Markdown, every fifth run with a knowledge search) is opened, then scrolled
   from the bottom to the top a page per frame, then dragged top to bottom and back.
3. Memory: the process's RSS and Python's heap (tracemalloc, in a second pass) before
   the long thread is opened, after it was scrolled through, and after another one
   replaced it.

Target for both stall figures: under 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.paths import HOME_ENV, default_paths
from desktop.core.settings import ProviderProfile, Settings
from desktop.core.store import Store
from desktop.core.store.records import text_content
from desktop.ui import app as ui_app
from desktop.ui.main_window import MainWindow
from tests.helpers.openai_server import Answer, OpenAIServer, chunk
from tests.helpers.stall_probe import StallProbe
from tests.helpers.wiring import lab_gpt

SAMPLE = """Kyoto's trains are easy once you know the lines. The **Special Rapid** runs to Osaka
every fifteen minutes, and the Shinkansen takes a quarter of an hour [1].

- Buy an ICOCA card at any station.
- Tap in and out; the fare is taken for you.
- Keep ¥1,000 on it for a day of sightseeing.

| Line | From | To | Minutes |
|---|---|---|---|
| JR Special Rapid | Kyoto | Osaka | 29 |
| Hankyu Limited Express | Kawaramachi | Umeda | 43 |
| Shinkansen | Kyoto | Shin-Osaka | 14 |

```python
def fare(km: float) -> int:
    base = 150
    return base + int(km * 16.2)

for stop, km in [("Takatsuki", 21.0), ("Osaka", 42.8)]:
    print(stop, fare(km))
```

京都站到大阪站乘坐新快速大约需要二十九分钟，票价为五百八十日元。

"""
WAIT_S = 120.0
ROOT = Path(__file__).resolve().parents[2]


def tokens(count: int) -> list[str]:
    """`count` pieces of the sample, about four characters each (like a model's tokens)."""
    text = SAMPLE * (count * 4 // len(SAMPLE) + 1)
    return [text[i * 4 : i * 4 + 4] for i in range(count)]


def wait_for(app: QApplication, done: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the chat did not get there in time")
        app.processEvents()
        time.sleep(0.002)


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


# -- setting up ---------------------------------------------------------------------------------


def seed_thread(store: Store, gpt_id: str, messages: int) -> str:
    """A thread of `messages` messages: runs of a question and a Markdown answer."""
    thread = store.threads.create(gpt_id, title="A long conversation")
    bodies = [SAMPLE[: 200 + (n * 397) % (len(SAMPLE) - 200)] for n in range(17)]
    chunks = [
        {
            "id": f"c{n}",
            "file_id": "f1",
            "file": "guide.pdf",
            "text": SAMPLE[:300],
            "page": n,
            "location": "",
            "score": 0.5,
            "ranks": {"bm25": n},
            "scores": {"bm25": 1.0},
        }
        for n in range(1, 6)
    ]
    with store.transaction() as tx:
        for turn in range(messages // 2):
            run = tx.runs.create(
                thread.id,
                gpt_id,
                1,
                model={},
                instructions="",
                tool_choice="auto",
                truncation_strategy={},
            )
            tx.threads.add_message(
                thread.id,
                "user",
                text_content(f"Question {turn}: how do I get to Osaka?"),
                "completed",
                run.id,
            )
            if turn % 5 == 0:
                details = {
                    "tool_calls": [
                        {
                            "id": f"r{turn}",
                            "type": "retrieval",
                            "retrieval": {"query": "Osaka", "results": chunks},
                        }
                    ]
                }
                step = tx.runs.add_step(run, "tool_calls", details, seq=1)
                tx.runs.update_step(step, status="completed")
            tx.threads.add_message(
                thread.id,
                "assistant",
                text_content(bodies[turn % len(bodies)]),
                "completed",
                run.id,
            )
            tx.runs.update(run, status="completed")
    return thread.id


# -- the measurements ---------------------------------------------------------------------------


def paced_answer(seconds: float, rate: int) -> Answer:
    """`seconds` of `rate` tokens a second of the sample, as chat completion chunks."""
    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": piece}) for piece in tokens(int(seconds * rate))]
    events.append(chunk({}, finish="stop"))
    return Answer(events=events, interval=1 / rate)


SERVER = """
import sys
from tests.bench.bench_chat import paced_answer
from tests.helpers.openai_server import OpenAIServer
server = OpenAIServer(repeat=True)
server.script(paced_answer(float(sys.argv[1]), int(sys.argv[2])))
server.start()
print(server.url, flush=True)
sys.stdin.read()
server.stop()
"""


def streaming(
    app: QApplication, window: MainWindow, gpt_id: str, seconds: float, rate: int
) -> None:
    page = window.pages.chat
    pieces = tokens(int(seconds * rate))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(seconds), str(rate)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None and child.stdin is not None
    url = child.stdout.readline().strip()
    services = window._services  # the window's own services: the same profile is changed

    def point_lab(settings: Settings) -> None:
        settings.providers["lab"] = ProviderProfile(name="lab", base_url=url)

    services.settings.update(point_lab)
    try:
        _stream(app, page, pieces, seconds, rate)
    finally:
        child.stdin.close()
        child.wait(10)


def _stream(app: QApplication, page: Any, pieces: list[str], seconds: float, rate: int) -> None:
    page.threads.new_thread()
    wait_for(app, lambda: page.session.thread_id == "")
    emitted: list[int] = []
    page.session.model.dataChanged.connect(lambda *_: emitted.append(1))
    before = rss_mb()
    page.composer.editor.setPlainText("Tell me about Kyoto's trains, at length.")
    probe = StallProbe().start()
    started = time.perf_counter()
    page.composer.submit()
    wait_for(app, lambda: page.session.busy)
    wait_for(app, lambda: not page.session.busy, seconds + WAIT_S)
    took = time.perf_counter() - started
    probe.stop()
    model = page.session.model
    shown = str(model.data(model.index(model.rowCount() - 1)))
    print(
        f"streaming {len(pieces)} tokens at {rate}/s for {took:.1f} s "
        f"({len(shown)} characters shown, {len(emitted)} row updates): {probe.summary()}"
    )
    print(f"  RSS {before:.0f} -> {rss_mb():.0f} MB over the stream")
    print("  worst stalls (ms @ s):", ", ".join(f"{ms:.0f} @ {at:.1f}" for ms, at in probe.worst()))


def long_thread(app: QApplication, window: MainWindow, thread_id: str) -> None:
    page = window.pages.chat
    view = page.view
    page.threads.new_thread()
    wait_for(app, lambda: page.session.thread_id == "")
    probe = StallProbe().start()
    started = time.perf_counter()
    page.threads.select(thread_id)
    wait_for(app, lambda: page.session.model.rowCount() > 0)
    wait_for(app, view.at_bottom)
    opened = time.perf_counter() - started
    app.processEvents()
    probe.stop()
    rows = page.session.model.rowCount()
    print(f"opening a {rows}-row thread: shown in {opened * 1000:.0f} ms; {probe.summary()}")

    bar = view.verticalScrollBar()
    probe = StallProbe().start()
    frames = scroll(app, bar, bar.value(), 0, bar.pageStep())
    frames += scroll(app, bar, 0, bar.maximum(), max(bar.maximum() // 30, 1))
    frames += scroll(app, bar, bar.maximum(), 0, max(bar.maximum() // 30, 1))
    probe.stop()
    print(f"scrolling it ({frames} frames of 16 ms, page by page then dragged): {probe.summary()}")


def scroll(app: QApplication, bar: object, start: int, end: int, step: int) -> int:
    """Move the scroll bar from `start` to `end` by `step` each 16 ms frame, as a user would."""
    direction = 1 if end >= start else -1
    values = [*range(start, end, direction * step), end]
    timer = QTimer()
    timer.setInterval(16)
    left = list(values)

    def next_frame() -> None:
        if left:
            bar.setValue(left.pop(0))  # type: ignore[attr-defined]
        else:
            timer.stop()

    timer.timeout.connect(next_frame)
    timer.start()
    wait_for(app, lambda: not timer.isActive(), 600)
    return len(values)


def memory(app: QApplication, window: MainWindow, thread_id: str, other: str) -> None:
    """RSS and Python heap around opening and scrolling the long thread (second pass)."""
    page = window.pages.chat
    bar = page.view.verticalScrollBar()
    page.threads.select(other)
    wait_for(app, lambda: page.session.thread_id == other)
    gc.collect()
    tracemalloc.start()
    base_heap, base_rss = tracemalloc.get_traced_memory()[0], rss_mb()
    page.threads.select(thread_id)
    wait_for(app, lambda: page.session.model.rowCount() > 100)
    wait_for(app, page.view.at_bottom)
    scroll(app, bar, bar.value(), 0, bar.pageStep())
    gc.collect()
    open_heap, open_rss = tracemalloc.get_traced_memory()[0], rss_mb()
    page.threads.select(other)
    wait_for(app, lambda: page.session.model.rowCount() < 100)
    for _ in range(3):
        app.processEvents()
    gc.collect()
    after_heap, after_rss = tracemalloc.get_traced_memory()[0], rss_mb()
    tracemalloc.stop()
    mb = 2**20
    print(
        "memory of the long thread, opened and scrolled through: Python heap "
        f"+{(open_heap - base_heap) / mb:.1f} MB, RSS +{open_rss - base_rss:.0f} MB; "
        f"after another thread replaced it: heap +{(after_heap - base_heap) / mb:.1f} MB, "
        f"RSS +{after_rss - base_rss:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rate", type=int, default=500)
    parser.add_argument("--messages", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ[HOME_ENV] = str(Path(folder))
        app = QApplication([])
        paths = default_paths().ensure()
        window, services = ui_app.build_main_window(paths)
        window.resize(1280, 800)
        gc.freeze()  # as the app does once it has started
        window.show()
        try:
            with OpenAIServer() as server:
                gpt = lab_gpt(services, server, name="Bench")
                thread_id = seed_thread(services.store, gpt, args.messages)
                other = seed_thread(services.store, gpt, 10)
                window.start("chat", gpt)
                wait_for(app, lambda: window.pages.chat.session.thread_id != "")
                streaming(app, window, gpt, args.seconds, args.rate)
                long_thread(app, window, thread_id)
                memory(app, window, thread_id, other)
        finally:
            window.close()
            services.tasks.cancel_all()
            services.tasks.wait_all(10)
            services.close()


if __name__ == "__main__":
    main()
