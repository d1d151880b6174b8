"""What this machine's sandbox gives the code, in words a settings screen can show.

`protection()` runs the launcher's `--probe` once per process (a short subprocess that
sets up the same sandbox a kernel gets, without starting one) and caches the answer.
A kernel's own status file reads the same way (`Protection.from_status`).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from desktop.core.tools.code_interpreter import launcher
from desktop.core.tools.code_interpreter.limits import LINUX
from desktop.core.tools.code_interpreter.sandbox import IN_PROCESS, NAMESPACE

PROBE_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Protection:
    """The network block, the process containment and the user the code runs as."""

    network: str  # NAMESPACE or IN_PROCESS
    pid_namespace: bool
    user_namespace: bool
    user: str
    notes: tuple[str, ...] = ()

    @classmethod
    def from_status(cls, status: Mapping[str, Any]) -> Protection:
        return cls(
            network=str(status.get("network", IN_PROCESS)),
            pid_namespace=bool(status.get("pid_namespace")),
            user_namespace=bool(status.get("user_namespace")),
            user=str(status.get("user", "")),
            notes=tuple(str(n) for n in status.get("notes", ())),
        )

    @property
    def network_text(self) -> str:
        """The network line to quote inside a sentence: "network blocked by ..."."""
        return "network " + self.lines()[0].removeprefix("Network: ")

    def lines(self) -> list[str]:
        """One plain sentence per protection, for a settings screen."""
        if self.network == NAMESPACE:
            network = "Network: blocked by a Linux network namespace"
        elif LINUX:
            network = (
                "Network: blocked inside Python only "
                "(this system does not allow network namespaces)"
            )
        else:
            network = "Network: blocked inside Python only (this system has no namespaces)"
        if self.pid_namespace:
            processes = (
                "Processes: everything the code starts ends with its session "
                "(a Linux PID namespace)"
            )
        else:
            processes = (
                "Processes: ended with the session's process group; a program that leaves "
                "the group can outlive it"
            )
        user = (
            "User: the code runs as the unprivileged user nobody"
            if self.user == "nobody"
            else f"User: the code runs as {self.user or 'you'}, with your file permissions"
        )
        return [network, processes, user]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "notes": list(self.notes)}


@functools.cache
def protection() -> Protection:
    """What a kernel started now would get on this machine (probed once per process)."""
    command = [sys.executable, "-m", launcher.__name__, "--probe"]
    env = {"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8"}
    if "SYSTEMROOT" in os.environ:
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, env=env, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return _unknown(str(exc))
    try:
        status = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return _unknown(last)
    return Protection.from_status(status)


def _unknown(why: str) -> Protection:
    return Protection(IN_PROCESS, False, False, "", (f"the sandbox probe failed: {why}",))
