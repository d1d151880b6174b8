"""Guards against a Qt binding that leaks or drops references on hot paths.

PySide6 6.12.0 dropped a reference to `True` on every signal emit and to `None` on every
call returning nothing; on Python 3.11 that aborts the interpreter after a few thousand
calls (a chat streams a signal per token). Run in a child so an abort fails one test.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])

class Source(QObject):
    token_arrived = Signal(object)
    finished = Signal()

source = Source()
received = []
source.token_arrived.connect(received.append)
label = QLabel()
before = sys.getrefcount(True), sys.getrefcount(None)
for i in range(20000):
    source.token_arrived.emit(i)
    source.finished.emit()
    label.setText(str(i))
after = sys.getrefcount(True), sys.getrefcount(None)
assert len(received) == 20000, len(received)
print(before[0] - after[0], before[1] - after[1])
"""


def test_signals_and_setters_keep_reference_counts() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    lost_true, lost_none = (int(n) for n in child.stdout.split())
    # A few references may move with caches; thousands lost means the binding is broken.
    assert abs(lost_true) < 100 and abs(lost_none) < 100
