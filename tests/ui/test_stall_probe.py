"""The stall probe the GUI benchmarks use: it sees a blocked event loop."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer

from tests.helpers.stall_probe import StallProbe


def test_a_blocked_event_loop_is_a_stall(qtbot: Any) -> None:
    probe = StallProbe(interval_ms=5).start()
    qtbot.wait(30)
    QTimer.singleShot(0, lambda: time.sleep(0.12))
    qtbot.wait(60)
    probe.stop()
    assert probe.longest_ms >= 100
    assert probe.over(50) == 1
    assert probe.longest_cpu_ms < probe.longest_ms  # sleeping is not working
    assert "longest" in probe.summary()
