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
from desktop.core.tools.code_interpreter.bubblewrap import SOURCE
from desktop.core.tools.code_interpreter.limits import LINUX
from desktop.core.tools.code_interpreter.sandbox import IN_PROCESS, LANDLOCK, NAMESPACE, OPEN, VIEW

PROBE_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Protection:
    """What keeps the code in: network, processes, files, sockets, temporary files, user.

    `files` is `sandbox.VIEW` (bubblewrap), `sandbox.LANDLOCK` or `sandbox.OPEN`; `proc`,
    `tmp` and `sockets` are the `sandbox.Confinement` values of the same names.
    """

    network: str  # NAMESPACE or IN_PROCESS
    pid_namespace: bool
    user_namespace: bool
    user: str
    notes: tuple[str, ...] = ()
    files: str = OPEN
    landlock: int = 0
    proc: str = "host"
    tmp: str = "shared"
    sockets: str = "reachable"

    @classmethod
    def from_status(cls, status: Mapping[str, Any]) -> Protection:
        return cls(
            network=str(status.get("network", IN_PROCESS)),
            pid_namespace=bool(status.get("pid_namespace")),
            user_namespace=bool(status.get("user_namespace")),
            user=str(status.get("user", "")),
            notes=tuple(str(n) for n in status.get("notes", ())),
            files=str(status.get("files", OPEN)),
            landlock=int(status.get("landlock", 0) or 0),
            proc=str(status.get("proc", "host")),
            tmp=str(status.get("tmp", "shared")),
            sockets=str(status.get("sockets", "reachable")),
        )

    @property
    def isolated(self) -> bool:
        """Whether something keeps the code from the user's files."""
        return self.files in (VIEW, LANDLOCK)

    @property
    def network_text(self) -> str:
        """The network line to quote inside a sentence: "network blocked by ..."."""
        return "network " + self.lines()[0].removeprefix("Network: ")

    def lines(self) -> list[str]:
        """One plain sentence per protection, for a settings screen."""
        return [
            self._network(),
            self._files(),
            self._processes(),
            _SOCKETS[self.sockets == "unreachable"],
            _TMP.get(self.tmp, _TMP["shared"]),
            self._user(),
        ]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "notes": list(self.notes), "isolated": self.isolated}

    def _network(self) -> str:
        if self.network == NAMESPACE:
            return "Network: blocked by a Linux network namespace"
        if LINUX:
            return (
                "Network: blocked inside Python only "
                "(this system does not allow network namespaces)"
            )
        return "Network: blocked inside Python only (this system has no namespaces)"

    def _files(self) -> str:
        if self.files == VIEW:
            text = (
                "Files: the code sees only the system, Python and its thread's folder "
                "(bubblewrap); your home folder, the app's data and settings and other "
                "threads do not exist for it"
            )
            if self.landlock:
                text += (
                    f"; Landlock (ABI {self.landlock}) keeps its writes in that folder "
                    "and its private /tmp"
                )
            return text
        if self.files == LANDLOCK:
            return (
                "Files: the code reads only the system, Python and its thread's folder, "
                f"and writes only in that folder (Landlock, ABI {self.landlock}; "
                "bubblewrap could not run here)"
            )
        who = "nobody" if self.user == "nobody" else "you"
        return (
            f"Files: NOT isolated: the code can read and change everything {who} can, "
            "your home folder and the app's data and settings included"
        )

    def _processes(self) -> str:
        if self.pid_namespace:
            text = (
                "Processes: everything the code starts ends with its session "
                "(a Linux PID namespace)"
            )
        else:
            text = (
                "Processes: ended with the session's process group; a program that leaves "
                "the group can outlive it"
            )
        return text + _PROC.get(self.proc, _PROC["host"])

    def _user(self) -> str:
        if self.user == "nobody":
            return "User: the code runs as the unprivileged user nobody"
        return f"User: the code runs as {self.user or 'you'}, with your file permissions"


_PROC = {
    "own": "; it sees only its own processes",
    "hidden": "; the machine's process list is closed to it (Landlock)",
    "host": "; it can list the machine's processes and their command lines",
}
_SOCKETS = {
    True: "Local sockets: none of the machine's can be reached (the D-Bus session bus, "
    "which the keyring answers on, included)",
    False: "Local sockets: sockets that are files can be reached, the D-Bus session bus "
    "(which the keyring answers on) included",
}
_TMP = {
    "private": "Temporary files: a private /tmp, removed with the session",
    "refused": "Temporary files: kept in the session's own folder and removed with it; the "
    "shared /tmp is closed to the code",
    "shared": "Temporary files: the shared /tmp; what the code leaves there stays",
}


@functools.cache
def protection() -> Protection:
    """What a kernel started now would get on this machine (probed once per process)."""
    command = [sys.executable, "-P", "-m", launcher.__name__, "--probe"]
    env = {"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8"}
    env["PYTHONPATH"] = str(SOURCE)
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
