from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models import storage
from desktop.core.models.progress import Finished, Meter, Progress, ProgressStream


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_reports_are_throttled_to_ten_a_second_with_first_and_last_kept() -> None:
    clock, reports = Clock(), []
    meter = Meter("download", 1000, callback=reports.append, clock=clock)
    for _ in range(100):  # 100 chunks over one second
        clock.now += 0.01
        meter.advance(10)
    meter.finish()
    assert 10 <= len(reports) <= 12
    assert reports[0].done == 10 and reports[-1].done == 1000


def test_rate_and_eta_count_only_this_runs_bytes() -> None:
    clock, reports = Clock(), []
    meter = Meter("download", 1000, callback=reports.append, initial=600, clock=clock)
    clock.now += 2.0
    meter.advance(200)
    assert reports[-1] == Progress("download", 800, 1000, 100.0, 2.0)
    assert reports[-1].fraction == 0.8


def test_restart_counts_from_zero() -> None:
    meter = Meter("download", 100, initial=50)
    meter.restart()
    meter.advance(10)
    assert meter.snapshot().done == 10


def test_a_cancelled_token_raises_with_a_message_made_at_that_moment() -> None:
    token, state = CancelToken(), {"bytes": 1}
    meter = Meter("copy", 10, cancel=token, cancel_message=lambda: f"stopped at {state['bytes']}")
    meter.check()
    token.cancel()
    state["bytes"] = 7
    with pytest.raises(errors.CancelledError, match="stopped at 7"):
        meter.check()


def test_sha256_file_matches_hashlib_and_reports(tmp_path: Path) -> None:
    data = b"x" * 5_000_000
    path = tmp_path / "blob"
    path.write_bytes(data)
    reports: list[Progress] = []
    meter = Meter("verify", len(data), callback=reports.append)
    assert storage.sha256_file(path, meter) == hashlib.sha256(data).hexdigest()
    assert reports[-1].done == len(data)


def test_free_space_check_names_the_needed_and_free_amounts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "free_bytes", lambda folder: 2_000_000_000)
    storage.check_free_space(tmp_path, 1_000_000_000, "model.gguf")
    with pytest.raises(errors.DiskSpaceError) as caught:
        storage.check_free_space(tmp_path / "not" / "yet", 1_950_000_000, "model.gguf")
    assert "needs 1.9 GB" in caught.value.message and "only 2.0 GB is free" in caught.value.message


def test_free_bytes_looks_at_the_nearest_existing_folder(tmp_path: Path) -> None:
    assert storage.free_bytes(tmp_path / "a" / "b") > 0


def test_partial_names_never_end_in_gguf(tmp_path: Path) -> None:
    partial = storage.partial_path(tmp_path, "m.gguf", '"0a1b-2c/3d"')
    assert partial.name == "m.gguf.0a1b2c3d.incomplete"
    partial.write_bytes(b"x")
    (tmp_path / "other.gguf.1.incomplete").write_bytes(b"x")
    assert storage.partials_for(tmp_path, "m.gguf") == [partial]


def test_a_progress_stream_yields_each_report_then_the_result() -> None:
    def work(report, cancel):  # type: ignore[no-untyped-def]
        meter = Meter("copy", 30, callback=report, per_second=1e9)
        for _ in range(3):
            meter.advance(10)
        return "done"

    items = list(ProgressStream(work))
    assert [i.done for i in items[:-1]] == [10, 20, 30]  # type: ignore[union-attr]
    assert items[-1] == Finished("done")


def test_a_progress_stream_raises_what_the_work_raised() -> None:
    def work(report, cancel):  # type: ignore[no-untyped-def]
        report(Progress("download", 1, 2, 0.0, None))
        raise errors.DownloadError("the hub went away")

    stream = iter(ProgressStream(work))
    assert next(stream) == Progress("download", 1, 2, 0.0, None)
    with pytest.raises(errors.DownloadError, match="went away"):
        next(stream)


def test_cancelling_a_progress_stream_stops_its_work() -> None:
    started = threading.Event()

    def work(report, cancel):  # type: ignore[no-untyped-def]
        meter = Meter("download", None, callback=report, cancel=cancel, per_second=1e9)
        started.set()
        while True:
            meter.check()
            meter.advance(1)
            time.sleep(0.001)

    stream = ProgressStream(work)
    items = iter(stream)
    next(items)
    assert started.is_set()
    stream.cancel()
    with pytest.raises(errors.CancelledError):
        list(items)


def test_a_reader_that_stops_early_stops_the_work_and_waits_for_it() -> None:
    ended = threading.Event()

    def work(report, cancel):  # type: ignore[no-untyped-def]
        try:
            while not cancel.cancelled:
                report(Progress("copy", 1, None, 0.0, None))
                time.sleep(0.001)
        finally:
            ended.set()

    items = iter(ProgressStream(work))
    next(items)
    items.close()  # type: ignore[attr-defined]
    assert ended.is_set()
