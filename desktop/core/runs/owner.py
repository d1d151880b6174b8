"""Which process owns a run, so a restart can tell a crashed run from a live one."""

from __future__ import annotations

import os

import psutil


def current_owner() -> str:
    """`pid:start_time` of this process; the start time guards against pid reuse."""
    pid = os.getpid()
    return f"{pid}:{psutil.Process(pid).create_time():.3f}"


def is_alive(owner: str) -> bool:
    """Whether the process named by `owner` is still running."""
    try:
        pid_text, started = owner.split(":", 1)
        process = psutil.Process(int(pid_text))
        return f"{process.create_time():.3f}" == started and process.is_running()
    except (ValueError, psutil.Error):
        return False
