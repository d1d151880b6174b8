"""One running kernel: start it through jupyter_client, run code in it, end it entirely.

A `Kernel` is used by one thread at a time (the pool holds a lock per kernel), except
`kill_processes`, which only sends signals and may be called from any thread.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import psutil
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_core.utils import ensure_event_loop

from desktop.core import errors
from desktop.core.tools.code_interpreter import launcher, processes
from desktop.core.tools.code_interpreter.bubblewrap import SOURCE
from desktop.core.tools.code_interpreter.isolation import AUTO
from desktop.core.tools.code_interpreter.limits import Limits
from desktop.core.tools.code_interpreter.outputs import Collector

KERNEL_NAME = "capsule-python"
PRIVATE_FOLDER = ".python"  # in the thread's folder: HOME, caches; hidden from its files
LOG_FILE = "kernel.log"
POLL_S = 0.1
_LOG_TAIL = 1500
# Variables a program needs to run at all; everything else of the app's stays out.
_KEPT = ("LANG", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT")
_FEW_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

Stop = Callable[[], str | None]  # why the code should stop now ("cancelled", "closed"), or None
T = TypeVar("T")


@dataclass(frozen=True)
class RunEnd:
    """How an execution ended: ok, error, stopped (interrupted), killed or died.

    `asked` says why it was asked to stop: "timeout", "cancelled" or "closed".
    """

    outcome: str
    asked: str | None = None


def kernelspecs(folder: Path) -> KernelSpecManager:
    """Write our kernelspec under `folder` and a manager that finds only it."""
    spec = folder / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    # -P: the thread's folder is the launcher's working folder, and code could have left a
    # `desktop` package there for the next launcher (outside the sandbox) to import.
    argv = [sys.executable, "-P", "-m", launcher.__name__, "-f", "{connection_file}"]
    description = {
        "argv": argv,
        "display_name": "Capsule Studio Python (sandboxed)",
        "language": "python",
        "interrupt_mode": "signal",
        "metadata": {"debugger": False},
    }
    (spec / "kernel.json").write_text(json.dumps(description, indent=1), encoding="utf-8")
    return KernelSpecManager(kernel_dirs=[str(folder / "kernels")])


def environment(
    workdir: Path, rundir: Path, limits: Limits, isolation: str = AUTO
) -> dict[str, str]:
    """The kernel's whole environment: no proxies, no secrets, nothing else of the app's.

    `isolation` is one of `isolation.MODES`: "auto" but in tests.
    """
    private = workdir / PRIVATE_FOLDER
    env = {name: os.environ[name] for name in _KEPT if name in os.environ}
    # The launcher imports this very `desktop` (installed or a source checkout).
    env["PYTHONPATH"] = str(SOURCE)
    env.setdefault("LANG", "C.UTF-8")
    path = os.environ.get("PATH", os.defpath)
    env["PATH"] = os.pathsep.join([os.path.dirname(sys.executable), path])
    env["HOME"] = env["USERPROFILE"] = str(private / "home")
    env["MPLCONFIGDIR"] = str(private / "matplotlib")
    env["IPYTHONDIR"] = str(private / "ipython")
    env["TMPDIR"] = env["TEMP"] = env["TMP"] = str(rundir / "tmp")
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env["MALLOC_ARENA_MAX"] = "2"  # glibc's 64 MB arenas per thread would eat the limit
    env.update(dict.fromkeys(_FEW_THREADS, "1"))
    env[launcher.WORKDIR_ENV] = str(workdir)
    env[launcher.RUNDIR_ENV] = str(rundir)
    env[launcher.ISOLATION_ENV] = isolation
    env.update(limits.to_env())
    return env


class ManagerThread:
    """One thread that makes every call into a kernel's jupyter_client manager.

    jupyter_client's blocking methods run an asyncio loop in whichever thread calls them
    and leave it open; keeping them on one thread per kernel makes that one loop, closed
    with the kernel. A daemon thread, so that it still serves at interpreter exit.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._serve, name="kernel-manager", daemon=True)
        self._thread.start()

    def call(self, function: Callable[[], T]) -> T:
        """Run `function` on the thread and return its result (or raise its exception)."""
        done: Future[T] = Future()
        self._jobs.put((function, done))
        return done.result()

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            function, done = job
            try:
                done.set_result(function())
            except BaseException as exc:  # handed to the caller, who raises it
                done.set_exception(exc)
        ensure_event_loop().close()  # the loop jupyter_client made on this thread


class Kernel:
    """A started kernel of one thread, with its run folder and what protects it."""

    def __init__(
        self,
        manager: KernelManager,
        client: BlockingKernelClient,
        rundir: Path,
        limits: Limits,
        thread: ManagerThread,
    ) -> None:
        self.manager = manager
        self.client = client
        self.thread = thread
        self.rundir = rundir
        self.limits = limits
        self.status: dict[str, Any] = _read_json(rundir / launcher.STATUS_FILE)

    @classmethod
    def start(
        cls,
        specs: KernelSpecManager,
        workdir: Path,
        rundir: Path,
        limits: Limits,
        timeout_s: float,
        isolation: str = AUTO,
    ) -> Kernel:
        """Start a kernel and wait until it answers; errors.ToolError when it cannot."""
        (rundir / "tmp").mkdir(exist_ok=True)
        # Unix sockets work inside a network namespace; Windows has TCP on loopback only.
        ipc = os.name == "posix"
        manager = KernelManager(
            kernel_name=KERNEL_NAME,
            kernel_spec_manager=specs,
            transport="ipc" if ipc else "tcp",
            ip=str(rundir / "k") if ipc else "127.0.0.1",
            connection_file=str(rundir / "kernel.json"),
        )
        env = environment(workdir, rundir, limits, isolation)
        thread = ManagerThread()
        try:
            with open(rundir / LOG_FILE, "wb") as log:
                thread.call(
                    lambda: manager.start_kernel(env=env, cwd=str(workdir), stdout=log, stderr=log)
                )
        except (OSError, RuntimeError, KeyError) as exc:  # KeyError: no such kernelspec
            thread.close()
            shutil.rmtree(rundir, ignore_errors=True)
            raise errors.ToolError(
                errors.said("The Python session could not start: {reason}", reason=exc)
            ) from exc
        client = manager.client()
        # Death shows in the process; no heartbeat thread (it delays closing by a second).
        client.start_channels(stdin=False, hb=False, control=False)
        kernel = cls(manager, client, rundir, limits, thread)
        try:
            thread.call(lambda: client.wait_for_ready(timeout=timeout_s))
        except (OSError, RuntimeError) as exc:
            tail = kernel.log_tail()
            kernel.close()
            raise errors.ToolError(
                errors.said(
                    "The Python session could not start ({reason}). Its last words:\n{tail}",
                    reason=exc,
                    tail=tail,
                )
            ) from exc
        kernel.status = _read_json(rundir / launcher.STATUS_FILE)
        return kernel

    @property
    def pid(self) -> int | None:
        """The launcher's process (the supervisor on Linux)."""
        process = getattr(self.manager.provisioner, "process", None)
        return process.pid if process is not None else None

    def run(
        self, code: str, collector: Collector, timeout_s: float, grace_s: float, stop: Stop
    ) -> RunEnd:
        """Execute `code`, feeding `collector`, until the kernel is idle again.

        On the time limit or when `stop` answers, the kernel is interrupted; if it is not
        idle `grace_s` later, it is killed ("closed" kills at once).
        """
        msg_id = self.client.execute(code, allow_stdin=False, stop_on_error=False)
        deadline = time.monotonic() + timeout_s
        asked: str | None = None
        kill_at = next_check = 0.0
        while True:
            message = self._next_message(msg_id)
            if message is not None:
                kind, content = message["msg_type"], message["content"]
                if kind == "status" and content.get("execution_state") == "idle":
                    break
                collector.add(kind, content)
            now = time.monotonic()
            if now < next_check:
                continue
            next_check = now + POLL_S
            if not self.alive():
                return RunEnd("died", asked)
            if asked is None:
                asked = "timeout" if now >= deadline else stop()
                if asked == "closed":
                    self.kill_processes()
                    return RunEnd("killed", asked)
                if asked is not None:
                    kill_at = now + grace_s
                    self._interrupt()
            elif now >= kill_at:
                self.kill_processes()
                return RunEnd("killed", asked)
        self._drain_reply(msg_id)
        if asked is not None:
            return RunEnd("stopped", asked)
        return RunEnd("error" if collector.error else "ok")

    def alive(self) -> bool:
        return self.exit_code() is None

    def exit_code(self) -> int | None:
        """The launcher's exit status; None while it runs."""
        process = getattr(self.manager.provisioner, "process", None)
        if process is None:
            return -1
        code = process.poll()
        return None if code is None else int(code)

    def exit_reason(self) -> str | None:
        """Why the kernel ended itself ("cpu"), if it said so."""
        reason = _read_json(self.rundir / launcher.EXIT_FILE).get("reason")
        return str(reason) if reason else None

    def leftovers(self) -> list[psutil.Process]:
        """Processes the code started that still run."""
        return processes.leftovers(self.pid, int(self.status.get("chain", 2)))

    def kill_processes(self) -> None:
        """Kill the kernel and every process it started (any thread may call this)."""
        processes.kill_tree(self.pid)

    def close(self) -> None:
        """End the kernel and all it started, close the channels, remove the run folder."""
        self.kill_processes()
        self.client.stop_channels()
        with suppress(RuntimeError, OSError):
            self.thread.call(lambda: self.manager.shutdown_kernel(now=True))
        self.thread.close()
        shutil.rmtree(self.rundir, ignore_errors=True)

    def log_tail(self) -> str:
        try:
            text = (self.rundir / LOG_FILE).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return text[-_LOG_TAIL:].strip() or "(nothing)"

    def _next_message(self, msg_id: str) -> dict[str, Any] | None:
        try:
            message: dict[str, Any] = self.client.iopub_channel.get_msg(timeout=POLL_S)
        except queue.Empty:
            return None
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            return None
        return message

    def _drain_reply(self, msg_id: str) -> None:
        """Take the execution's reply off the shell channel, so that replies never pile up."""
        for _ in range(10):
            try:
                reply = self.client.shell_channel.get_msg(timeout=1.0)
            except queue.Empty:
                return
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return

    def _interrupt(self) -> None:
        with suppress(RuntimeError, OSError):
            self.thread.call(self.manager.interrupt_kernel)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
