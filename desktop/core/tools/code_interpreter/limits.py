"""Resource limits of one kernel: what the settings allow, and setting them in the process.

`Limits` travels from the pool to the launcher through `CAPSULE_CI_*` variables. The
`apply_*` functions run in the kernel process (standard library only, except on macOS).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

if sys.platform != "win32":
    import resource

LINUX = sys.platform.startswith("linux")
MB = 1024 * 1024
ENV_PREFIX = "CAPSULE_CI_"


@dataclass(frozen=True)
class Limits:
    """What one kernel may use. `max_processes` counts processes and threads of the code."""

    memory_mb: int
    cpu_s: int
    max_processes: int
    max_file_mb: int

    def to_env(self) -> dict[str, str]:
        return {f"{ENV_PREFIX}{key.upper()}": str(value) for key, value in asdict(self).items()}

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Limits:
        return cls(**{key: int(env[f"{ENV_PREFIX}{key.upper()}"]) for key in cls.__annotations__})


def apply_limits(limits: Limits) -> dict[str, int]:
    """Memory and file size limits for this process and all it starts; the applied values.

    A file write past the limit fails with EFBIG instead of killing the process.
    """
    if sys.platform == "win32":
        return {}
    applied = {}
    if sys.platform != "darwin":  # macOS does not enforce RLIMIT_AS
        applied["memory_mb"] = _lower(resource.RLIMIT_AS, limits.memory_mb * MB) // MB
    applied["max_file_mb"] = _lower(resource.RLIMIT_FSIZE, limits.max_file_mb * MB) // MB
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return applied


def limit_processes(max_processes: int, per_namespace: bool, outside: int = 0) -> int:
    """Let the code start `max_processes` more tasks than run now; the limit set, or 0.

    The count is per user (per user namespace inside one), so what runs already (the
    supervisor, the kernel's threads, other kernels without a namespace) is added, and
    `outside`: the user's tasks that this process's /proc does not show.
    """
    if sys.platform == "win32":
        return 0
    running = tasks_of(os.getuid(), per_namespace) if LINUX else _processes_of(os.getuid())
    return _lower(resource.RLIMIT_NPROC, running + outside + max_processes)


def _lower(which: int, value: int) -> int:
    _soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, value))
    return value


def tasks_of(uid: int, per_namespace: bool) -> int:
    """Tasks (threads included) of `uid`, in our user namespace only when `per_namespace`."""
    own = os.readlink("/proc/self/ns/user")
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if per_namespace and os.readlink(f"/proc/{entry.name}/ns/user") != own:
                continue
            lines = Path(f"/proc/{entry.name}/status").read_text(encoding="utf-8").splitlines()
        except OSError:
            continue  # ended, or someone else's
        fields = dict(line.split(":", 1) for line in lines if ":" in line)
        if int(fields["Uid"].split()[0]) == uid:
            total += int(fields["Threads"])
    return total


def _processes_of(uid: int) -> int:
    """Processes of `uid` (macOS counts processes, not threads, against the limit)."""
    import psutil  # noqa: PLC0415 - not on Linux, whose supervisor stays small

    return sum(
        1
        for process in psutil.process_iter(["uids"])
        if process.info["uids"] is not None and process.info["uids"].real == uid
    )
