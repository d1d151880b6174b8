"""A kernel's processes as the app sees them: the tree, what the code left, killing it all.

Works from any thread: only reads /proc (through psutil) and sends signals.
"""

from __future__ import annotations

import time
from contextlib import suppress

import psutil


def tree(pid: int | None) -> list[psutil.Process]:
    """The launcher process `pid` first, then everything under it."""
    if pid is None:
        return []
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def leftovers(pid: int | None, chain: int) -> list[psutil.Process]:
    """Processes under launcher `pid` other than the sandbox's own: what the code started.

    The sandbox's own are `chain` processes from the launcher down to the kernel, each the
    first child of the one before (a supervisor, bwrap, a namespace's init, the kernel).
    """
    found = tree(pid)
    if len(found) < 2:
        return []
    own = {found[0].pid}
    current = found[0].pid
    for _ in range(chain - 1):
        children = [p for p in found if _parent(p) == current and p.pid not in own]
        if not children:
            break
        current = min(children, key=_started).pid
        own.add(current)
    return [p for p in found if p.pid not in own]


def kill_tree(pid: int | None) -> None:
    """Kill launcher `pid` and every process under it, even those that left its group.

    Each is stopped first, so that none can start another while the tree is read, and
    none leaves the tree by losing its parent.
    """
    seen: dict[int, psutil.Process] = {}
    for _ in range(20):
        fresh = [p for p in tree(pid) if p.pid not in seen]
        if not fresh:
            break
        for process in fresh:
            with suppress(psutil.Error):
                process.suspend()
            seen[process.pid] = process
    for process in seen.values():
        with suppress(psutil.Error):
            process.kill()
    wait_gone(list(seen.values()), timeout_s=5.0)


def wait_gone(processes: list[psutil.Process], timeout_s: float) -> None:
    """Wait until each process has ended (a zombie waiting for its reaper counts)."""
    deadline = time.monotonic() + timeout_s
    while processes and time.monotonic() < deadline:
        processes = [p for p in processes if _running(p)]
        if processes:
            time.sleep(0.01)


def _running(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _parent(process: psutil.Process) -> int | None:
    try:
        return process.ppid()
    except psutil.Error:
        return None


def _started(process: psutil.Process) -> tuple[float, int]:
    try:
        return process.create_time(), process.pid
    except psutil.Error:
        return float("inf"), process.pid
