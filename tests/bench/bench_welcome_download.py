"""The GUI thread's longest stall while the first-run page downloads a model.

Run with `QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_welcome_download [MB]`.
A fake Hugging Face hub on 127.0.0.1 serves the catalog's recommended file (random bytes,
default 256 MB); the welcome page's Download button fetches it through core's download
code (progress, then the sha256 check) while a QTimer on the GUI thread ticks every 5 ms
(tests/helpers/stall_probe.py). Two runs: at full local speed (the most progress and
hashing per second, the hardest case for the GUI thread), and throttled to roughly a
fast home connection. It prints figures and asserts nothing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from desktop.core.models import download
from desktop.core.models.catalog import load_catalog, recommended
from desktop.core.paths import HOME_ENV, default_paths
from desktop.ui import app
from desktop.ui.welcome.page import WelcomePage
from tests.helpers.hf_server import FakeHub
from tests.helpers.stall_probe import StallProbe

BUDGET_MS = 50.0


def wait(qapp: QApplication, done: object, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        qapp.processEvents()
        time.sleep(0.001)


def measure(qapp: QApplication, size_mb: int, piece_delay_s: float) -> str:
    """One download through the welcome page; a line of figures."""
    home = Path(tempfile.mkdtemp(prefix="bench-welcome-"))
    os.environ[HOME_ENV] = str(home)
    entry = recommended(load_catalog().models, "chat")
    assert entry is not None
    data = os.urandom(size_mb * 1024 * 1024)
    with FakeHub() as hub:
        hub.add(entry.repo, entry.file, data)
        hub.script.piece_delay_s = piece_delay_s
        os.environ["HF_ENDPOINT"] = hub.url
        services = app.build_services(default_paths().ensure())
        page = WelcomePage(services)
        page.resize(1100, 700)
        page.show()
        states: list[str] = []
        page.state_shown.connect(states.append)
        page.refresh()
        wait(qapp, lambda: bool(states), 30)
        card = page.download_card
        wait(qapp, lambda: "MB" in card.facts.text(), 30)  # the size, from the hub
        done: list[str] = []
        card.downloaded.connect(done.append)
        probe = StallProbe(interval_ms=5)
        started = time.perf_counter()
        with probe:
            card.button.click()
            wait(qapp, lambda: bool(done) or not card.transfer.error.isHidden(), 600)
        seconds = time.perf_counter() - started
        services.tasks.wait_all(30)
        ok = bool(done)
        page.close()
        services.close()
    rate = size_mb / seconds if seconds else 0.0
    return (
        f"{size_mb} MB at {rate:.0f} MB/s ({'ok' if ok else 'FAILED'}): {probe.report()}; "
        f"stalls over {BUDGET_MS:.0f} ms: {probe.over(BUDGET_MS)}"
    )


def main() -> int:
    size_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    QLocale.setDefault(QLocale("en"))
    download.RETRY_WAIT_S = 0.01
    print("full local speed:  ", measure(qapp, size_mb, 0.0))
    # 64 KiB per 2 ms is about 30 MB/s: a fast home connection.
    print("about 30 MB/s:     ", measure(qapp, min(size_mb, 128), 0.002))
    return 0


if __name__ == "__main__":
    sys.exit(main())
