"""How long the GUI thread's event loop goes without turning: a timer that notes its gaps.

A `QTimer` asks to fire every `interval_ms`; when the GUI thread is busy (a long paint, a
slow slot), the next tick comes late. The stall is how late: the gap minus the interval.
On a machine shared with other work, a stall also counts time the thread waited for a
core or for Python's GIL; `cpu_ms` holds the GUI thread's own CPU time between ticks,
which is the work the app itself did there. Start it on the GUI thread; read
`longest_ms`, `percentile(99)`, `over(50)` and `longest_cpu_ms` after.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class StallProbe(QObject):
    """Records the event loop's stalls while it runs (GUI thread only)."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.stalls_ms: list[float] = []
        self.at_s: list[float] = []  # when each tick came, from the start
        self.cpu_ms: list[float] = []  # the GUI thread's CPU time between ticks
        self._started = 0.0
        self._last = 0.0
        self._last_cpu = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> StallProbe:
        self.stalls_ms.clear()
        self.at_s.clear()
        self.cpu_ms.clear()
        self._started = self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()
        return self

    def stop(self) -> StallProbe:
        self._timer.stop()
        self._tick()  # a stall still going on when it stops counts too
        return self

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls_ms.append(max((now - self._last) * 1000 - self.interval_ms, 0.0))
        self.at_s.append(now - self._started)
        self._last = now
        cpu = time.thread_time()
        self.cpu_ms.append((cpu - self._last_cpu) * 1000)
        self._last_cpu = cpu

    @property
    def longest_ms(self) -> float:
        return max(self.stalls_ms, default=0.0)

    @property
    def longest_cpu_ms(self) -> float:
        return max(self.cpu_ms, default=0.0)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.stalls_ms)
        if not ordered:
            return 0.0
        return ordered[min(int(len(ordered) * p / 100), len(ordered) - 1)]

    def over(self, limit_ms: float) -> int:
        """How many stalls were longer than `limit_ms`."""
        return sum(1 for s in self.stalls_ms if s > limit_ms)

    def worst(self, count: int = 5) -> list[tuple[float, float]]:
        """The `count` longest stalls as (ms, seconds from the start when they ended)."""
        return sorted(zip(self.stalls_ms, self.at_s, strict=True), reverse=True)[:count]

    def __enter__(self) -> StallProbe:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def report(self) -> str:
        """One line: the longest stall, the 99th percentile and how many ticks."""
        return self.summary()

    def summary(self) -> str:
        return (
            f"longest {self.longest_ms:.1f} ms, p99 {self.percentile(99):.1f} ms, "
            f"{self.over(50)} over 50 ms, {len(self.stalls_ms)} ticks; the GUI thread's "
            f"longest CPU stretch {self.longest_cpu_ms:.1f} ms"
        )
