"""The kernel pool with real kernels: state, outputs, time limits, restarts, no orphans."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pytest

from desktop.core import errors
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.code_interpreter import KernelPool, notes
from tests.unit.core.tools.code_interpreter.conftest import (
    descendants,
    kernel_processes,
    settings,
)

SWALLOWS_INTERRUPTS = """
import time
while True:
    try:
        time.sleep(10)
    except BaseException:
        n = 1
"""

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sandbox is tested on Linux"
)

# An app that starts a kernel (which starts a program of its own), then waits to be killed.
APP = """
import sys, time
from pathlib import Path
from desktop.core.gpt import CodeInterpreterSettings
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.code_interpreter import KernelPool
pool = KernelPool(ThreadFiles(Path(sys.argv[1])), Path(sys.argv[2]))
code = "import subprocess\\nsubprocess.Popen(['sleep', '302'], start_new_session=True)"
pool.execute("orphans", code, CodeInterpreterSettings(enabled=True))
print("ready", flush=True)
time.sleep(60)
"""


def test_variables_survive_between_calls(pool: KernelPool) -> None:
    first = pool.execute("shared", "x = 41\nprint('set')", settings())
    second = pool.execute("shared", "x + 1", settings())
    assert (first.outcome, first.logs) == ("ok", "set\n")
    assert (second.outcome, second.logs) == ("ok", "42\n")
    assert first.kernel_started or not second.kernel_started


def test_stdout_stderr_and_the_result_come_in_order(pool: KernelPool) -> None:
    code = (
        "import sys\n"
        "print('one', flush=True)\n"
        "print('two', file=sys.stderr, flush=True)\n"
        "print('three')\n"
        "7"
    )
    done = pool.execute("shared", code, settings())
    assert done.logs == "one\ntwo\nthree\n7\n"
    assert done.record()["outputs"] == [{"type": "logs", "logs": done.logs}]


def test_an_exception_comes_back_with_a_readable_traceback(pool: KernelPool) -> None:
    done = pool.execute("shared", "def f():\n    return 1 / 0\nf()", settings())
    assert done.outcome == "error"
    assert done.error is not None
    assert (done.error.name, done.error.value) == ("ZeroDivisionError", "division by zero")
    assert "\x1b[" not in done.error.traceback
    assert "----> 3 f()" in done.error.traceback
    assert "ZeroDivisionError: division by zero" in done.text()


def test_a_plot_is_saved_as_an_image_of_the_thread(pool: KernelPool, thread_folder: Path) -> None:
    code = "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.show()"
    done = pool.execute("shared", code, settings())
    assert done.outcome == "ok"
    assert len(done.images) == 1
    image = done.images[0]
    assert image.mime == "image/png"
    assert image.name.startswith("plot-") and image.name.endswith(".png")
    assert (thread_folder / image.name).read_bytes().startswith(b"\x89PNG")
    assert {"type": "image", "image": {"name": image.name, "mime": "image/png"}} in (done.outputs())
    assert image.name not in [f.name for f in done.files]  # an image, not a "file made"
    again = pool.execute("shared", code, settings())
    assert again.images[0].name != image.name


def test_files_the_code_writes_are_listed(pool: KernelPool, thread_folder: Path) -> None:
    (thread_folder / "input.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code = (
        "import pandas as pd\n"
        "frame = pd.read_csv('input.csv')\n"
        "frame.assign(c=frame.a + frame.b).to_csv('report.csv', index=False)\n"
        "import os\nos.makedirs('out', exist_ok=True)\nopen('out/note.txt', 'w').write('hi')"
    )
    done = pool.execute("shared", code, settings())
    assert done.outcome == "ok", done.text()
    assert [f.name for f in done.files] == ["out/note.txt", "report.csv"]
    assert (thread_folder / "report.csv").read_text(encoding="utf-8") == "a,b,c\n1,2,3\n"
    assert "report.csv" in done.text()


def test_an_endless_loop_is_interrupted_and_the_variables_stay(pool: KernelPool) -> None:
    pool.execute("shared", "kept = 'still here'", settings())
    began = time.monotonic()
    done = pool.execute("shared", "while True: n = 0", settings(timeout_s=2))
    assert time.monotonic() - began < 2 + 10  # stopped at the limit, not left running
    assert done.outcome == "timeout"
    assert done.error is not None and done.error.name == "KeyboardInterrupt"
    assert "The code ran longer than 2 s and was stopped" in done.text()
    assert pool.execute("shared", "kept", settings()).logs == "'still here'\n"


def test_code_that_ignores_interrupts_is_killed_and_a_new_session_starts(
    pool: KernelPool,
) -> None:
    pool.execute(
        "stubborn", "x = 1\nimport subprocess\nsubprocess.Popen(['sleep', '300'])", settings()
    )
    before = {p.pid for p in kernel_processes()}
    began = time.monotonic()
    done = pool.execute("stubborn", SWALLOWS_INTERRUPTS, settings(timeout_s=2))
    assert time.monotonic() - began < 2 + 1.0 + 12  # limit, grace, the kill; slack for load
    assert done.outcome == "killed"
    assert "did not stop when interrupted; the Python session was restarted" in done.text()
    assert "stubborn" not in pool.running()
    assert not {p.pid for p in kernel_processes()} - before
    assert not [p for p in descendants() if p.name() == "sleep"]
    after = pool.execute("stubborn", "x", settings())
    assert after.kernel_started
    assert after.error is not None and after.error.name == "NameError"
    assert after.notes[0] == notes.NEW_SESSION


def test_cancelling_stops_the_code_early(pool: KernelPool) -> None:
    began = time.monotonic()
    flag = threading.Event()
    threading.Timer(0.5, flag.set).start()
    done = pool.execute("shared", "import time\ntime.sleep(30)", settings(), flag.is_set)
    assert time.monotonic() - began < 10  # well before the 20 s wall limit
    assert done.outcome == "cancelled"
    assert notes.CANCELLED in done.notes


def test_a_kernel_that_dies_is_reported_and_replaced(pool: KernelPool) -> None:
    pool.execute("crash", "y = 2", settings())
    done = pool.execute("crash", "import ctypes\nctypes.string_at(0)", settings())
    assert done.outcome == "died"
    assert "The Python session crashed" in done.text()
    after = pool.execute("crash", "y", settings())
    assert after.kernel_started and after.error is not None
    assert notes.NEW_SESSION in after.notes


def test_an_exit_is_reported_plainly(pool: KernelPool) -> None:
    done = pool.execute("exits", "import os\nos._exit(3)", settings())
    assert done.outcome == "died"
    assert "The Python session ended (exit status 3)" in done.text()


def test_restart_and_shutdown_leave_no_process(pool: KernelPool) -> None:
    code = (
        "import subprocess\n"
        "a = subprocess.Popen(['sleep', '300'])\n"
        "b = subprocess.Popen(['sleep', '301'], start_new_session=True)\n"
        "z = 5"
    )
    pool.execute("restarts", code, settings())
    sleepers = [p for p in descendants() if p.name() == "sleep"]
    assert len(sleepers) == 2
    pool.restart("restarts")
    assert psutil.wait_procs(sleepers, timeout=5)[1] == []
    assert "restarts" in pool.running()
    done = pool.execute("restarts", "z", settings())
    assert done.error is not None and done.error.name == "NameError"
    assert done.notes[0] == notes.NEW_SESSION
    pool.execute("restarts", code, settings())
    kernel_pids = {p.pid for p in kernel_processes()}
    pool.shutdown("restarts")
    assert "restarts" not in pool.running()
    assert not [p for p in descendants() if p.name() == "sleep"]
    others = {p.pid for p in kernel_processes()}
    assert others <= kernel_pids and len(kernel_pids - others) >= 2


def test_shutdown_all_ends_every_kernel(files: ThreadFiles, tmp_path: Path) -> None:
    before = {p.pid for p in kernel_processes()}
    own = KernelPool(files, tmp_path / "run")
    own.execute("a", "1", settings())
    own.execute("b", "2", settings())
    assert own.running() == ["a", "b"]
    assert len({p.pid for p in kernel_processes()} - before) >= 4
    own.shutdown_all()
    assert own.running() == []
    assert {p.pid for p in kernel_processes()} <= before


def test_past_max_kernels_the_longest_idle_one_stops(files: ThreadFiles, tmp_path: Path) -> None:
    own = KernelPool(files, tmp_path / "run", max_kernels=2)
    try:
        own.execute("old", "v = 'old'", settings())
        own.execute("mid", "v = 'mid'", settings())
        own.execute("old", "v", settings())  # now "mid" has been idle longest
        own.execute("new", "v = 'new'", settings())
        assert own.running() == ["new", "old"]
        assert own.execute("old", "v", settings()).logs == "'old'\n"
        back = own.execute("mid", "1", settings())
        assert back.kernel_started and back.notes[0] == notes.NEW_SESSION
        assert len(own.running()) == 2
    finally:
        own.shutdown_all()


def test_a_new_process_says_earlier_variables_are_gone(
    pool: KernelPool, files: ThreadFiles, tmp_path: Path
) -> None:
    pool.execute("remembered", "v = 1", settings())
    later = KernelPool(files, tmp_path / "run")  # as the next `capsule` command would
    try:
        done = later.execute("remembered", "1 + 1", settings())
    finally:
        later.shutdown_all()
    assert done.notes == (notes.NEW_SESSION,)
    fresh = pool.execute("never-ran", "1 + 1", settings())
    assert fresh.notes == ()


def test_threads_run_at_the_same_time(pool: KernelPool) -> None:
    for thread_id in ("left", "right"):
        pool.execute(thread_id, "import time", settings())
    results: dict[str, float] = {}

    def run(thread_id: str) -> None:
        pool.execute(thread_id, "time.sleep(1)", settings())
        results[thread_id] = time.monotonic()

    began = time.monotonic()
    workers = [threading.Thread(target=run, args=(t,)) for t in ("left", "right")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert max(results.values()) - began < 1.8


def test_new_limits_start_a_new_session(pool: KernelPool) -> None:
    pool.execute("limits", "w = 1", settings())
    done = pool.execute("limits", "w", settings(memory_mb=768))
    assert done.kernel_started
    assert done.limits["memory_mb"] == 768
    assert any("limits changed" in note for note in done.notes)


@pytest.mark.parametrize("bad", ["../escape", ""])
def test_a_bad_thread_id_is_refused(pool: KernelPool, bad: str) -> None:
    with pytest.raises(errors.ValidationError):
        pool.execute(bad, "1", settings())


def test_kernels_end_when_the_app_is_killed(tmp_path: Path) -> None:
    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(tmp_path / "threads"), str(tmp_path / "run")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert app.stdout is not None
    assert app.stdout.readline().strip() == "ready"
    started = psutil.Process(app.pid).children(recursive=True)
    assert any(p.name() == "sleep" for p in started)
    app.kill()  # no atexit, no shutdown: only the supervisor can clean up
    app.wait()
    app.stdout.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and [p for p in started if _alive(p)]:
        time.sleep(0.05)
    assert [p for p in started if _alive(p)] == []
    for base in (tmp_path / "run", Path(tempfile.gettempdir())):  # nor its run folder
        assert list(base.glob("k-orphans-*")) == []


def _alive(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def test_code_where_nothing_isolates_it_is_refused_until_the_user_allows_it(
    files: ThreadFiles, tmp_path: Path
) -> None:
    allowed: list[bool] = [False]
    pool = KernelPool(
        files,
        tmp_path / "run",
        grace_s=1.0,
        isolation="none",
        unisolated_allowed=lambda: allowed[0],
    )
    try:
        with pytest.raises(errors.UnisolatedCodeError) as refused:
            pool.execute("unisolated", "1 + 1", settings())
        assert "SSH keys" in refused.value.message
        assert refused.value.action == errors.UserAction("allow_unisolated_code")
        assert pool.running() == []
        allowed[0] = True
        done = pool.execute("unisolated", "1 + 1", settings())
        assert done.logs == "2\n"
        assert done.protection["files"] == "none"
    finally:
        pool.shutdown_all()
