"""A kernel per thread, started on first use and kept between calls so variables survive.

`KernelPool` may be used from any thread: runs of different threads execute at the same
time, and one thread's executions take turns. `shutdown_all` runs at interpreter exit
for every pool still open, so that no kernel process outlives the app.
"""

from __future__ import annotations

import atexit
import os
import tempfile
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop.core import errors
from desktop.core.gpt import CodeInterpreterSettings
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.code_interpreter import notes
from desktop.core.tools.code_interpreter.isolation import AUTO
from desktop.core.tools.code_interpreter.kernel import PRIVATE_FOLDER, Kernel, RunEnd, kernelspecs
from desktop.core.tools.code_interpreter.limits import Limits
from desktop.core.tools.code_interpreter.outputs import Collector, Execution
from desktop.core.tools.code_interpreter.sandbox import OPEN, hand_over_tree, kernel_ids

MARKER = "ran"  # in the private folder: code ran in this thread once (in any process)
# Unix socket paths must stay under 104 bytes; a run folder adds about 32 to the runtime's.
_SOCKET_PATH_ROOM = 70
# Kernels kept running at once (each holds 100 MB or more); starting one more stops the
# one idle longest, whose thread gets a fresh session (and a note saying so) next time.
MAX_KERNELS = 4
_POOLS: weakref.WeakSet[KernelPool] = weakref.WeakSet()
_POOLS_LOCK = threading.Lock()


def _never() -> bool:
    return False


def limits_of(settings: CodeInterpreterSettings) -> Limits:
    return Limits(
        memory_mb=settings.memory_mb,
        cpu_s=settings.cpu_s,
        max_processes=settings.max_processes,
        max_file_mb=settings.max_file_mb,
    )


@dataclass
class _Slot:
    """One thread's place in the pool; `lock` is held while its kernel is used."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    kernel: Kernel | None = None
    stop: str | None = None  # "closed" while a shutdown waits for the running code
    closed: bool = False
    lost_state: bool = False  # a kernel that ran code ended: say so next time
    plots: int = 0
    used: float = 0.0  # when its kernel last ran code (monotonic), to pick whom to stop


class KernelPool:
    """The kernels of every thread. Thread-safe; `execute` blocks the calling thread."""

    def __init__(
        self,
        files: ThreadFiles,
        runtime: Path,
        *,
        grace_s: float = 3.0,
        start_timeout_s: float = 60.0,
        max_kernels: int = MAX_KERNELS,
        isolation: str = AUTO,
        unisolated_allowed: Callable[[], bool] = _never,
    ) -> None:
        """A pool of kernels whose run folders go under `runtime`.

        `unisolated_allowed` says whether the user allowed code to run where nothing keeps
        it from their files; `isolation` is one of `isolation.MODES`, "auto" but in tests.
        """
        self.files = files
        self.isolation = isolation
        self.unisolated_allowed = unisolated_allowed
        self.runtime = runtime
        self.grace_s = grace_s
        self.start_timeout_s = start_timeout_s
        self.max_kernels = max(1, max_kernels)
        self._slots: dict[str, _Slot] = {}
        self._lock = threading.Lock()
        self._specs = kernelspecs(runtime)
        _register(self)

    def execute(
        self,
        thread_id: str,
        code: str,
        settings: CodeInterpreterSettings,
        cancelled: Callable[[], bool] = _never,
    ) -> Execution:
        """Run `code` in the thread's kernel (started when needed) and collect what it made.

        Raises:
            errors.ValidationError: `thread_id` is not a thread id.
            errors.ToolError: the kernel could not start.
            errors.UnisolatedCodeError: nothing here keeps the code from the user's files,
                and the user has not allowed that.
        """
        limits = limits_of(settings)
        shown = {**asdict(limits), "timeout_s": settings.timeout_s}
        folder = self.files.folder(thread_id)
        began = time.monotonic()
        slot = self._acquire(thread_id, cancelled)
        if slot is None:
            return Execution(code, "cancelled", notes=(notes.CANCELLED,), limits=shown)
        try:
            kernel, started, said = self._kernel_for(slot, thread_id, folder, limits)
            before = self.files.snapshot(thread_id)
            hand_over_tree(folder, *kernel_ids())
            collector = Collector(
                lambda data, suffix: self._save_image(thread_id, slot, data, suffix)
            )

            def stop() -> str | None:
                return slot.stop or ("cancelled" if cancelled() else None)

            end = kernel.run(code, collector, settings.timeout_s, self.grace_s, stop)
            slot.used = time.monotonic()
            (folder / PRIVATE_FOLDER / MARKER).touch()
            said += self._after(slot, kernel, end, collector, settings)
            saved = {image.name for image in collector.images}
            changed = [
                f for f in self.files.changed_since(thread_id, before) if f.name not in saved
            ]
            logs, cut = collector.logs()
            return Execution(
                code=code,
                outcome=_outcome(end),
                logs=logs,
                logs_cut=cut,
                images=tuple(collector.images),
                error=collector.error,
                files=tuple(changed),
                notes=tuple(said),
                kernel_started=started,
                duration_ms=round((time.monotonic() - began) * 1000),
                limits=shown,
                protection=kernel.status,
            )
        finally:
            slot.lock.release()

    def restart(self, thread_id: str) -> None:
        """End the thread's kernel and start a new one with the same limits (if it ran)."""
        slot = self._acquire(thread_id, _never)
        if slot is None:
            return
        try:
            kernel = slot.kernel
            if kernel is not None:
                self._end(slot)
                folder = self.files.folder(thread_id)
                slot.kernel = self._start(thread_id, folder, kernel.limits)
        finally:
            slot.lock.release()

    def shutdown(self, thread_id: str) -> None:
        """End the thread's kernel (the thread was closed); running code is killed."""
        with self._lock:
            slot = self._slots.pop(thread_id, None)
        if slot is not None:
            self._close(slot)

    def shutdown_all(self) -> None:
        """End every kernel (the app is closing)."""
        with self._lock:
            slots = list(self._slots.values())
            self._slots.clear()
        for slot in slots:
            self._close(slot)

    def running(self) -> list[str]:
        """Threads whose kernel is running now."""
        with self._lock:
            return sorted(t for t, s in self._slots.items() if s.kernel is not None)

    # --- one thread's kernel (its slot lock held) -----------------------------------

    def _kernel_for(
        self, slot: _Slot, thread_id: str, folder: Path, limits: Limits
    ) -> tuple[Kernel, bool, list[str]]:
        said: list[str] = []
        if slot.kernel is not None and not slot.kernel.alive():
            self._end(slot)
        if slot.kernel is not None and slot.kernel.limits != limits:
            self._end(slot)
            said.append("The limits changed, so the code runs in a new Python session.")
        started = slot.kernel is None
        if slot.kernel is None:
            ran_before = (folder / PRIVATE_FOLDER / MARKER).exists()
            self._make_room(slot)
            slot.kernel = self._start(thread_id, folder, limits)
            slot.lost_state = slot.lost_state or ran_before
        if slot.lost_state:
            said.insert(0, notes.NEW_SESSION)
            slot.lost_state = False
        return slot.kernel, started, said

    def _start(self, thread_id: str, folder: Path, limits: Limits) -> Kernel:
        private = folder / PRIVATE_FOLDER
        for name in ("home", "matplotlib", "ipython"):
            (private / name).mkdir(parents=True, exist_ok=True)
        rundir = Path(tempfile.mkdtemp(prefix=f"k-{thread_id[:12]}-", dir=self._run_base()))
        kernel = Kernel.start(
            self._specs, folder, rundir, limits, self.start_timeout_s, self.isolation
        )
        if kernel.status.get("files", OPEN) == OPEN and not self.unisolated_allowed():
            kernel.close()  # it ran none of the code yet
            raise errors.UnisolatedCodeError(notes.UNISOLATED)
        return kernel

    def _run_base(self) -> Path:
        """Where a kernel's run folder (its sockets) goes.

        The runtime folder, unless its path is too long for socket names, or the kernel
        runs as another user (root's run as nobody), who may not reach it.
        """
        self.runtime.mkdir(parents=True, exist_ok=True)
        if len(str(self.runtime)) > _SOCKET_PATH_ROOM or kernel_ids()[0] != _own_uid():
            return Path(tempfile.gettempdir())
        return self.runtime

    def _after(
        self,
        slot: _Slot,
        kernel: Kernel,
        end: RunEnd,
        collector: Collector,
        settings: CodeInterpreterSettings,
    ) -> list[str]:
        """Notes on how the execution ended; ends the kernel when it cannot go on."""
        said: list[str] = []
        if end.outcome == "stopped":
            said.append(
                notes.timed_out(settings.timeout_s) if end.asked == "timeout" else notes.CANCELLED
            )
        elif end.outcome == "killed":
            if end.asked == "closed":
                said.append(notes.CLOSED)
            elif end.asked == "timeout":
                why = notes.ran_too_long(settings.timeout_s)
                said.append(notes.killed(why, settings.timeout_s))
            else:
                said.append(notes.killed(notes.CANCELLED_RUN))
            self._end(slot)
        elif end.outcome == "died":
            said.append(notes.died(kernel.exit_code(), kernel.exit_reason(), kernel.limits))
            self._end(slot)
        error = collector.error
        note = notes.limit_note(error, kernel.limits) if error is not None else None
        if note is not None and end.outcome in ("error", "stopped"):
            said.append(note)
            if error is not None and notes.hit_process_limit(error) and kernel.leftovers():
                said.append(notes.leftovers_stopped())
                self._end(slot)
        return said

    def _end(self, slot: _Slot) -> None:
        if slot.kernel is not None:
            slot.kernel.close()
            slot.kernel = None
            slot.lost_state = True

    def _save_image(self, thread_id: str, slot: _Slot, data: bytes, suffix: str) -> str:
        folder = self.files.folder(thread_id)
        while True:
            slot.plots += 1
            name = f"plot-{slot.plots}{suffix}"
            if not (folder / name).exists():
                return self.files.add_bytes(thread_id, name, data).name

    # --- slots ---------------------------------------------------------------------------

    def _acquire(self, thread_id: str, cancelled: Callable[[], bool]) -> _Slot | None:
        """The thread's slot, locked; None when `cancelled` turned true while waiting."""
        while True:
            with self._lock:
                slot = self._slots.setdefault(thread_id, _Slot())
            while not slot.lock.acquire(timeout=0.1):
                if cancelled():
                    return None
            if not slot.closed:
                return slot
            slot.lock.release()

    def _make_room(self, starting: _Slot) -> None:
        """Stop the longest-idle kernels until one more fits under `max_kernels`."""
        with self._lock:
            others = [s for s in self._slots.values() if s is not starting and s.kernel]
        others.sort(key=lambda s: s.used)
        excess = len(others) + 1 - self.max_kernels
        for slot in others:
            if excess <= 0:
                return
            if not slot.lock.acquire(blocking=False):
                continue  # running code now: not idle
            try:
                if slot.kernel is not None:
                    self._end(slot)
                    excess -= 1
            finally:
                slot.lock.release()

    def _close(self, slot: _Slot) -> None:
        slot.stop = "closed"
        if slot.lock.acquire(timeout=self.grace_s + 10):
            try:
                self._end(slot)
                slot.closed = True
            finally:
                slot.lock.release()
        elif slot.kernel is not None:  # stuck holder: end the processes at least
            slot.kernel.kill_processes()
            slot.closed = True


def _outcome(end: RunEnd) -> str:
    if end.outcome == "stopped":
        return end.asked or "stopped"
    return end.outcome


def _own_uid() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else -1


def _register(pool: KernelPool) -> None:
    with _POOLS_LOCK:
        _POOLS.add(pool)


@atexit.register
def _shutdown_pools() -> None:
    """Every pool still open ends its kernels when the interpreter exits."""
    with _POOLS_LOCK:
        pools = list(_POOLS)
    for pool in pools:
        pool.shutdown_all()
