"""Starts one sandboxed IPython kernel: `python -m <this module> -f CONNECTION_FILE`.

jupyter_client runs this through the kernelspec the pool writes. The process confines
itself (`sandbox.confine`), then on Linux forks: the parent stays a small supervisor,
the child applies the limits and runs the kernel in-process. With a PID namespace the
child is the namespace's init and the kernel its only child, so that ending the init
ends every process the code started. `--probe` prints what the sandbox can do on this
machine as JSON and exits, without starting a kernel.

The pool passes the folders and limits through `CAPSULE_CI_*` environment variables,
which are removed before any user code runs. The kernel writes `status.json` (what
protects it) into its run folder before it answers its first request, and `exit.json`
when it ends itself for a limit.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from desktop.core.tools.code_interpreter import (
    bubblewrap,
    isolation,
    netblock,
    sandbox,
    supervisor,
)
from desktop.core.tools.code_interpreter.limits import (
    ENV_PREFIX,
    LINUX,
    Limits,
    apply_limits,
    limit_processes,
    tasks_of,
)
from desktop.core.tools.code_interpreter.sandbox import NOBODY
from desktop.core.tools.code_interpreter.syscalls import SandboxError

if sys.platform != "win32":
    import resource

STATUS_FILE = "status.json"
EXIT_FILE = "exit.json"
WORKDIR_ENV = isolation.WORKDIR_ENV
RUNDIR_ENV = isolation.RUNDIR_ENV
ISOLATION_ENV = ENV_PREFIX + "ISOLATION"
OUTSIDE_TASKS_ENV = ENV_PREFIX + "OUTSIDE_TASKS"
CPU_GRACE_S = 2  # CPU seconds the code gets to unwind after the limit, before a kill
_KERNEL_ARGS = ("--HistoryManager.enabled=False", "--IPKernelApp.quiet=True")


class CpuTimeLimitExceeded(BaseException):
    """Raised in the code when it has used its CPU seconds (not an Exception: hard to swallow)."""


class CpuBudget:
    """RLIMIT_CPU per execution: IPython hooks arm it, SIGXCPU stops the code.

    The soft limit is set to (CPU used so far + the budget) before each cell and lifted
    after it. The first SIGXCPU raises `CpuTimeLimitExceeded` in the code; if the code
    swallows it and keeps going, the next one ends the kernel. Main thread only.
    """

    def __init__(self, seconds: int, exit_file: Path) -> None:
        self.seconds = seconds
        self.exit_file = exit_file
        self.running = False
        self.warned = False

    def install(self, shell: Any) -> None:
        if not hasattr(signal, "SIGXCPU"):  # Windows: the wall time limit is all there is
            return
        signal.signal(signal.SIGXCPU, self._on_limit)
        shell.events.register("pre_run_cell", self.arm)
        shell.events.register("post_run_cell", self.disarm)

    def arm(self, info: object = None) -> None:
        self.running, self.warned = True, False
        _cpu_soft_limit(self.seconds)

    def disarm(self, result: object = None) -> None:
        self.running = False
        _cpu_soft_limit(None)

    def _on_limit(self, signum: int, frame: FrameType | None) -> None:
        if not self.running:
            _cpu_soft_limit(None)
            return
        if self.warned:
            sandbox.write_json(self.exit_file, {"reason": "cpu", "cpu_s": self.seconds})
            os.kill(os.getpid(), signal.SIGKILL)
        self.warned = True
        _cpu_soft_limit(CPU_GRACE_S)
        raise CpuTimeLimitExceeded(
            f"the code used its {self.seconds} s of CPU time and was stopped"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="launcher", description=__doc__)
    parser.add_argument("-f", dest="connection_file", help="the kernel's connection file")
    parser.add_argument("--probe", action="store_true", help="print what the sandbox can do")
    parser.add_argument(isolation.INSIDE, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        return _inside(args.connection_file, probe=args.probe)
    if args.probe:
        sys.stdout.write(json.dumps(_probe()) + "\n")
        return 0
    if not args.connection_file:
        parser.error("-f CONNECTION_FILE is required")
    workdir, rundir = Path(os.environ[WORKDIR_ENV]), Path(os.environ[RUNDIR_ENV])
    limits = Limits.from_env(os.environ)
    mode = os.environ.get(ISOLATION_ENV, isolation.AUTO)
    why: list[str] = []
    try:
        if LINUX and mode == isolation.AUTO:
            isolation.hand_over_folders(workdir, rundir, [Path(args.connection_file)])
            view = isolation.view_arguments(workdir, rundir, tmp_mb=limits.memory_mb)
            refused = bubblewrap.usable(view)
            if refused is None:
                _count_outside_tasks()
                command = [*isolation.inner_command(), "-f", args.connection_file]
                return isolation.run_in_view(view, command, rundir)
            why.append(refused)
    except (OSError, SandboxError) as exc:
        sys.stderr.write(f"the sandbox could not be set up: {exc}\n")
        return 3
    _forget_settings()
    try:
        found = sandbox.confine(workdir, rundir, [Path(args.connection_file)])
    except (OSError, SandboxError) as exc:
        sys.stderr.write(f"the sandbox could not be set up: {exc}\n")
        return 3
    found.notes[:0] = why
    if LINUX:
        _split(found, rundir)
    found.limits = {**apply_limits(limits), "cpu_s": limits.cpu_s}

    def restrict() -> None:
        if LINUX and mode != isolation.NONE:
            isolation.settle_outside(workdir, rundir, found)

    return _run_kernel(args.connection_file, rundir, limits, found, restrict=restrict)


def _inside(connection_file: str | None, *, probe: bool) -> int:
    """The launcher inside bwrap: finish the sandbox, then run the kernel (or report)."""
    workdir, rundir = Path(os.environ[WORKDIR_ENV]), Path(os.environ[RUNDIR_ENV])
    if probe:
        found = isolation.settle_inside(workdir, rundir)
        sys.stdout.write(json.dumps(found.to_dict()) + "\n")
        return 0
    limits = Limits.from_env(os.environ)
    outside = int(os.environ.get(OUTSIDE_TASKS_ENV, "0"))
    _forget_settings()
    try:
        found = isolation.settle_inside(workdir, rundir)
    except (OSError, SandboxError) as exc:
        sys.stderr.write(f"the sandbox could not be finished: {exc}\n")
        return 3
    found.limits = {**apply_limits(limits), "cpu_s": limits.cpu_s}
    return _run_kernel(connection_file or "", rundir, limits, found, outside_tasks=outside)


def _probe() -> dict[str, Any]:
    try:
        return isolation.probe(os.environ.get(ISOLATION_ENV, isolation.AUTO))
    except (OSError, SandboxError) as exc:
        return {"notes": [f"the sandbox could not be set up: {exc}"]}


def _forget_settings() -> None:
    """Remove our variables before any user code runs; the supervisor watches the app."""
    for name in [n for n in os.environ if n.startswith(ENV_PREFIX)]:
        del os.environ[name]
    if LINUX:
        # ipykernel's own watch would take the namespace's init for a dead parent.
        os.environ.pop("JPY_PARENT_PID", None)


def _count_outside_tasks() -> None:
    """As root, tell the kernel how many tasks nobody runs outside its /proc.

    Where the kernel gets no user namespace of its own, its process limit counts every
    task of nobody's on the machine, and its fresh /proc shows only its own.
    """
    if os.geteuid() == 0:
        os.environ[OUTSIDE_TASKS_ENV] = str(tasks_of(NOBODY, per_namespace=False))


def _split(found: sandbox.Confinement, rundir: Path) -> None:
    """Fork; the parent supervises and exits with the child. Returns in the kernel."""
    parent_alive, keep_open = os.pipe()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD, signal.SIGTERM})
    child = os.fork()
    if child:
        sys.exit(supervisor.supervise(child, close_fds=[parent_alive], rundir=rundir))
    os.close(keep_open)
    supervisor.become_child(parent_alive)
    found.chain = 2
    if found.pid_namespace:
        found.chain = 3
        kernel = os.fork()
        if kernel:
            os._exit(supervisor.be_init(kernel))


def _run_kernel(
    connection_file: str,
    rundir: Path,
    limits: Limits,
    found: sandbox.Confinement,
    *,
    outside_tasks: int = 0,
    restrict: Callable[[], None] = lambda: None,
) -> int:
    """Start the kernel; `restrict` runs once it is set up, before it answers anyone."""
    # Imported here, in the kernel only: the supervisor stays a small process.
    from ipykernel.kernelapp import IPKernelApp  # noqa: PLC0415

    app = IPKernelApp.instance()
    app.initialize(["-f", connection_file, *_KERNEL_ARGS])  # type: ignore[no-untyped-call]
    CpuBudget(limits.cpu_s, rundir / EXIT_FILE).install(app.shell)
    netblock.install()
    # Counted now, so that the kernel's own threads do not eat into the code's share.
    found.limits["max_processes"] = limits.max_processes
    # Without a user namespace the count is nobody's on the whole machine.
    outside = 0 if found.user_namespace else outside_tasks
    found.limits["process_limit"] = limit_processes(
        limits.max_processes, found.user_namespace, outside
    )
    restrict()  # after the count above, which reads /proc
    sandbox.write_json(rundir / STATUS_FILE, found.to_dict())
    app.start()  # type: ignore[no-untyped-call]
    return 0


def _cpu_soft_limit(seconds: int | None) -> None:
    """Let the process use `seconds` more CPU time (None: up to the hard limit)."""
    if sys.platform == "win32":
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if seconds is None:
        soft = hard
    else:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft = math.ceil(usage.ru_utime + usage.ru_stime) + seconds
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


if __name__ == "__main__":
    sys.exit(main())
