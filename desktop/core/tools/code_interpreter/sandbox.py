"""The kernel's confinement: namespaces, an unprivileged user, resource limits, supervision.

Runs in the launcher process before the kernel starts, so it imports only the standard
library and must be called while the process has a single thread (Linux refuses a new
user namespace to a threaded process). What each step gives:

- a network namespace: the code sees only a loopback interface that is down, so no
  connection leaves, whatever the code does (raw sockets and ctypes included);
- a PID namespace: the kernel's init is PID 1 there, and when it ends the Linux kernel
  kills every process the code started (background processes, fork bombs);
- a user namespace: needs no privileges, makes the two above possible for a normal user,
  and counts the process limit per namespace rather than per user;
- as root, the kernel drops to `nobody` first, because the process limit never applies to
  uid 0. Folders it must reach are handed over to that user (see `mounts`).

Where a step is refused, the next weaker one is tried and the result says which worked;
the in-process network block (`netblock`) is always installed on top. On macOS and
Windows there are no namespaces: limits apply where the platform has them.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.tools.code_interpreter import mounts, syscalls
from desktop.core.tools.code_interpreter.limits import LINUX
from desktop.core.tools.code_interpreter.syscalls import (
    CLONE_NEWNET,
    CLONE_NEWNS,
    CLONE_NEWPID,
    CLONE_NEWUSER,
)

if sys.platform != "win32":
    import pwd

NOBODY = 65534
NAMESPACE = "network namespace"
IN_PROCESS = "in-process block"
# What the code's files are kept from: the view bubblewrap built, Landlock's rules, nothing.
VIEW = "bubblewrap"
LANDLOCK = "landlock"
OPEN = "none"


@dataclass
class Confinement:
    """What the sandbox set up for one kernel; written to the kernel's status file.

    `chain` counts the sandbox's own processes from the launcher down to the kernel, so
    that the app can tell them from processes the code started.
    """

    network: str = IN_PROCESS  # or NAMESPACE
    pid_namespace: bool = False
    user_namespace: bool = False
    mount_namespace: bool = False
    files: str = OPEN  # VIEW, LANDLOCK or OPEN
    landlock: int = 0  # the Landlock ABI applied, 0 for none
    proc: str = "host"  # "own" (a /proc of its PID namespace), "hidden" or "host"
    tmp: str = "shared"  # "private" (gone with the session), "refused" or "shared"
    sockets: str = "reachable"  # path sockets outside the thread's folder: or "unreachable"
    chain: int = 2
    uid: int = -1
    user: str = ""
    limits: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def kernel_ids() -> tuple[int, int]:
    """The uid and gid a kernel runs as: `nobody` for root on Linux, else the user's own."""
    if not LINUX:
        return (os.getuid(), os.getgid()) if hasattr(os, "getuid") else (-1, -1)
    if os.geteuid() == 0:
        return NOBODY, NOBODY
    return os.geteuid(), os.getegid()


def hand_over_tree(folder: Path, uid: int, gid: int) -> None:
    """Give every entry under `folder` to `uid`, never following a link the code made.

    Best effort (a file system without owners refuses): the code then meets the refusal.
    """
    if not LINUX or os.geteuid() != 0 or uid == 0:
        return
    with suppress(OSError):
        hand_over(folder, uid, gid)
    for _dirpath, dirnames, filenames, dirfd in os.fwalk(folder, follow_symlinks=False):
        for name in (*dirnames, *filenames):
            try:
                info = os.stat(name, dir_fd=dirfd, follow_symlinks=False)
                if info.st_uid != uid or info.st_gid != gid:
                    os.chown(name, uid, gid, dir_fd=dirfd, follow_symlinks=False)
            except OSError:
                continue  # removed while we walked, or refused


def hand_over(path: Path, uid: int, gid: int) -> None:
    """Give one file or folder to `uid` (a link is changed itself, not what it names)."""
    info = os.lstat(path)
    if info.st_uid != uid or info.st_gid != gid:
        os.lchown(path, uid, gid)


def confine(workdir: Path, rundir: Path, owned: Sequence[Path] = ()) -> Confinement:
    """Enter the namespaces this system allows and drop root; chdir into `workdir`.

    `rundir` and `owned` (the connection file) are handed to the kernel's user first.
    """
    found = Confinement()
    if not LINUX:
        found.chain = 1  # the launcher is the kernel
        os.chdir(workdir)
        found.uid = kernel_ids()[0]
        found.user = user_name(found.uid)
        return found
    uid, gid = kernel_ids()
    root = os.geteuid() == 0
    userns = syscalls.working_userns(uid, gid, root)
    done = 0
    if root:
        for path in (rundir, *owned):
            hand_over(path, uid, gid)
        hand_over_tree(workdir, uid, gid)
        blocked = mounts.unreachable(mounts.needed(workdir, rundir), uid, gid)
        first = CLONE_NEWNET | (0 if userns & CLONE_NEWPID else CLONE_NEWPID)
        done = syscalls.unshare_first(
            [first | CLONE_NEWNS, first, CLONE_NEWNET] if blocked else [first, CLONE_NEWNET]
        )
        if blocked and done & CLONE_NEWNS:
            found.mount_namespace = True
            found.notes += mounts.expose(blocked)
            blocked = mounts.unreachable(blocked, uid, gid)
        os.chdir(workdir)
        if blocked:  # rather root in namespaces than a kernel that cannot import
            found.notes.append("stayed root: nobody cannot reach " + ", ".join(blocked))
            userns = 0
            if not done & CLONE_NEWPID:
                done |= syscalls.unshare_first([CLONE_NEWPID])
        else:
            syscalls.drop_to(uid, gid)
    else:
        os.chdir(workdir)
    if userns:
        syscalls.unshare(userns)
        syscalls.map_ids(uid, gid)
        done |= userns
    elif not root:
        done = syscalls.unshare_first([CLONE_NEWNET | CLONE_NEWPID, CLONE_NEWNET])
    found.network = NAMESPACE if done & CLONE_NEWNET else IN_PROCESS
    found.pid_namespace = bool(done & CLONE_NEWPID)
    found.user_namespace = bool(done & CLONE_NEWUSER)
    found.uid = os.geteuid()
    found.user = user_name(found.uid)
    return found


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def user_name(uid: int) -> str:
    if sys.platform == "win32":
        return os.environ.get("USERNAME", "")
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)
