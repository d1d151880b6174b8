"""The GUI thread's longest stall while the settings page downloads a model.

Run with `QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_settings_download
[--mb 256] [--piece-delay-ms 0]`. It prints figures and asserts nothing.

The real window is built on a temporary home and shows Settings › Local models; a fake
Hugging Face hub on 127.0.0.1 serves a catalog model's file (random bytes of `--mb`
megabytes, with its sha256) from a process of its own, as a real hub is elsewhere. A
QTimer on the GUI thread ticks every 5 ms from the click on Download until the download
is verified and listed; the longest gap between ticks, minus the interval, is the longest
stall (the budget is 50 ms). Both stages run: the transfer (progress reports, the table
row and its progress bar repainted) and the sha256 check. `--piece-delay-ms` slows the
hub to a given pace, as a real link would. The same probe first runs as long with the
window idle: on a busy machine that baseline shows how much of a stall is the machine's.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

import keyring
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.models.catalog import load_catalog
from desktop.core.paths import HOME_ENV, default_paths
from desktop.ui import app
from tests.helpers.hf_server import FakeHub
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.stall_probe import StallProbe

INTERVAL_MS = 5


def serve(repo: str, file: str, megabytes: int, piece_delay_ms: float, pipe: Connection) -> None:
    """The fake hub's process: serve one file until told to stop."""
    with FakeHub() as hub:
        hub.add(repo, file, os.urandom(megabytes * 1_000_000))
        hub.script.piece_delay_s = piece_delay_ms / 1000
        pipe.send(hub.url)
        pipe.recv()


def idle(seconds: float) -> StallProbe:
    probe = StallProbe(INTERVAL_MS).start()
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
    probe.stop()
    return probe


def run(megabytes: int, piece_delay_ms: float) -> None:
    qapp = QApplication.instance() or QApplication([])
    keyring.set_keyring(MemoryKeyring())
    entry = load_catalog().models[0]
    ours, theirs = multiprocessing.get_context("spawn").Pipe()
    hub = multiprocessing.get_context("spawn").Process(
        target=serve, args=(entry.repo, entry.file, megabytes, piece_delay_ms, theirs)
    )
    hub.start()
    with tempfile.TemporaryDirectory() as home:
        os.environ[HOME_ENV] = home
        os.environ["HF_ENDPOINT"] = ours.recv()
        os.environ["HF_HOME"] = str(Path(home) / "hf")
        window, services = app.build_main_window(default_paths().ensure())
        window.resize(1280, 800)
        window.show()
        opening = StallProbe(INTERVAL_MS).start()
        opened = time.perf_counter()
        window.show_settings("models")
        models = window.pages.settings.models
        catalog = models.catalog
        # The section finishes loading first (the catalog, the build's facts, the list).
        while not (models.installed.listed_build and catalog.model.rows):
            idle(0.05)
        loaded = time.perf_counter() - opened
        opening.stop()
        print(
            f"opening Settings › Local models: loaded in {loaded:.2f} s (the llama.cpp build "
            f"asked of a model host); longest stall {opening.longest_ms:.1f} ms"
        )
        idle(0.5)
        reports: list[str] = []
        stages: dict[str, float] = {}

        def on_progress(ident: str, stage: str) -> None:
            stages.setdefault(stage, time.perf_counter())
            reports.append(ident)

        job_started = time.perf_counter()
        probe = StallProbe(INTERVAL_MS).start()
        probe_started = time.perf_counter()
        catalog.download(entry.id)
        job = catalog.jobs[entry.id]
        job.progressed.connect(lambda p: on_progress(entry.id, p.stage))
        finished = QEventLoop()
        catalog.download_finished.connect(finished.quit)
        catalog.download_stopped.connect(finished.quit)
        finished.exec()
        elapsed = time.perf_counter() - job_started
        # Let the lists that follow a download (the models table, the library) land too.
        settle = QEventLoop()
        QTimer.singleShot(500, settle.quit)
        settle.exec()
        probe.stop()
        baseline = idle(elapsed + 0.5)  # nothing running: what the machine itself costs
        status = catalog.model.status(catalog.row_of(entry.id)[1])
        download_s = stages.get("verify", time.perf_counter()) - job_started
        print(f"file: {megabytes} MB, hub piece delay {piece_delay_ms} ms per 64 KiB")
        print(f"result: {status}")
        print(
            f"download {download_s:.2f} s ({megabytes / max(download_s, 1e-9):.0f} MB/s), "
            f"with the sha256 check {elapsed:.2f} s; {len(reports)} progress reports"
        )
        worst_at = probe.worst(1)[0][1] - (job_started - probe_started)
        marks = ", ".join(f"{k} at {v - job_started:.2f} s" for k, v in stages.items())
        print(
            f"longest stall ended {worst_at:.2f} s after the click ({marks}, done {elapsed:.2f} s)"
        )
        print(f"GUI thread, ticks of {INTERVAL_MS} ms: {probe.summary()} (budget 50 ms)")
        print(f"the same window idle as long: {baseline.summary()} (the machine's own share)")
        window.close()
        services.tasks.wait_all(10)
        services.close()
    ours.send("stop")
    hub.join(10)
    del qapp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=256, help="the file's size in MB")
    parser.add_argument("--piece-delay-ms", type=float, default=0.0)
    args = parser.parse_args()
    run(args.mb, args.piece_delay_ms)


if __name__ == "__main__":
    main()
