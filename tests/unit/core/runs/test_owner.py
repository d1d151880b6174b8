"""Run ownership: a live process is recognised, a dead or reused pid is not."""

from __future__ import annotations

import subprocess
import sys

from desktop.core.runs.owner import current_owner, is_alive


def test_this_process_is_alive() -> None:
    assert is_alive(current_owner())


def test_a_finished_process_is_not() -> None:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert not is_alive(f"{child.stdout.strip()}:12345.000")


def test_a_reused_pid_with_another_start_time_is_not() -> None:
    pid = current_owner().split(":")[0]
    assert not is_alive(f"{pid}:1.000")


def test_garbage_is_not_alive() -> None:
    assert not is_alive("")
    assert not is_alive("not-a-pid:1")
