"""A stall probe for the GUI thread: how long the event loop went without running a timer.

A QTimer ticks every `interval_ms` on the GUI thread; each tick records how long it has
been since the last one. Anything beyond the interval is time the event loop could not
run (a stall: work on the GUI thread, or a lock it waited for). Use it around what is
measured, while the event loop runs:

    probe = StallProbe()
    with probe:
        qtbot.wait_until(lambda: done, timeout=60_000)
    print(probe.report())
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtCore import QObject, Qt, QTimer


class StallProbe(QObject):
    """Measures the GUI thread's stalls while started (GUI thread only)."""

    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.gaps_ms: list[float] = []
        self._last: float | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self.gaps_ms.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._on_tick()  # the time since the last tick counts too

    def __enter__(self) -> StallProbe:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _on_tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.gaps_ms.append((now - self._last) * 1000)
        self._last = now

    @property
    def stalls_ms(self) -> list[float]:
        """Each gap less the timer's own interval: how long the loop was kept from it."""
        return [max(0.0, gap - self.interval_ms) for gap in self.gaps_ms]

    @property
    def longest_ms(self) -> float:
        return max(self.stalls_ms, default=0.0)

    def over(self, budget_ms: float) -> int:
        """How many stalls went past `budget_ms`."""
        return sum(1 for stall in self.stalls_ms if stall > budget_ms)

    def report(self) -> str:
        """One line: ticks, longest stall, 99th percentile and median, in ms."""
        stalls = sorted(self.stalls_ms)
        if not stalls:
            return "no ticks"
        p99 = stalls[min(len(stalls) - 1, int(len(stalls) * 0.99))]
        return (
            f"{len(stalls)} ticks every {self.interval_ms} ms: longest stall "
            f"{self.longest_ms:.1f} ms, p99 {p99:.1f} ms, median "
            f"{statistics.median(stalls):.1f} ms"
        )
