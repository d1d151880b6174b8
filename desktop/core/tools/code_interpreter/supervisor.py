"""The launcher's processes on Linux: the supervisor, its child, and the namespace's init.

Standard library only: these run before (and beside) the kernel, and stay small.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
from collections.abc import Sequence
from pathlib import Path

from desktop.core.tools.code_interpreter import syscalls


def supervise(child: int, close_fds: Sequence[int] = (), rundir: Path | None = None) -> int:
    """Wait for `child` and return its exit status as a shell would report it.

    SIGTERM is passed on; SIGINT is ignored here (jupyter_client signals the whole process
    group, and only the kernel should act on it). When the process that started us is gone,
    the child is killed and `rundir` removed: nothing outlives the app. Expects SIGCHLD and
    SIGTERM blocked.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    for fd in close_fds:
        os.close(fd)
    waited = {signal.SIGCHLD, signal.SIGTERM}
    orphaned = False
    while True:
        got = signal.sigtimedwait(waited, 1.0)
        if got is not None and got.si_signo == signal.SIGTERM:
            _signal(child, signal.SIGTERM)
        pid, status = os.waitpid(child, os.WNOHANG)
        if pid:
            if orphaned and rundir is not None:  # nobody is left to read or remove it
                shutil.rmtree(rundir, ignore_errors=True)
            return _exit_status(status)
        if os.getppid() != parent:
            orphaned = True
            _signal(child, signal.SIGKILL)


def become_child(parent_alive: int) -> None:
    """In the supervisor's child: die with it; no new privileges, no capabilities.

    `parent_alive` is the read end of a pipe the supervisor holds open: at EOF it is gone.
    """
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    syscalls.die_with_parent(signal.SIGKILL)
    readable, _, _ = select.select([parent_alive], [], [], 0)
    if readable:  # the supervisor died before the line above
        os._exit(1)
    os.close(parent_alive)
    syscalls.forbid_new_privileges()
    syscalls.drop_capabilities()


def be_init(kernel: int) -> int:
    """PID 1 of the kernel's namespace: reap every orphan until the kernel ends.

    When this process exits, Linux kills everything left in the namespace.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda signum, frame: os._exit(128 + signal.SIGTERM))
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            return 0
        if pid == kernel:
            return _exit_status(status)


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        return


def _exit_status(status: int) -> int:
    code = os.waitstatus_to_exitcode(status)
    return 128 - code if code < 0 else code
