"""Which wall keeps the code from the user's files, chosen by what this machine allows.

Tried in this order, each saying in the kernel's status what held:

1. bubblewrap: the code sees a view of the machine made for it (see `bubblewrap`), in
   its own network, PID, IPC and user namespaces; Landlock on top limits writes to the
   thread's folder and the private temporary folders.
2. Where bwrap cannot run (no user namespaces for this user, as on Ubuntu 24.04 without an
   AppArmor profile), the namespaces `sandbox.confine` can still make, and Landlock: the
   code reads only the system and Python folders and its thread's folder, writes only in
   the latter, cannot list /proc, and opens no TCP connection.
3. Neither: the code sees what its user sees. The pool then refuses to run it unless the
   user has allowed that after a warning (`pool.UnisolatedError`).

Runs in the launcher (standard library only). The outer launcher calls `run_in_view` or
falls back; inside bwrap, `settle_inside` finishes the job before the kernel starts.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.core.tools.code_interpreter import bubblewrap, landlock, sandbox, supervisor, syscalls
from desktop.core.tools.code_interpreter.limits import ENV_PREFIX, LINUX
from desktop.core.tools.code_interpreter.sandbox import (
    LANDLOCK,
    NAMESPACE,
    NOBODY,
    VIEW,
    Confinement,
)

AUTO = "auto"
NONE = "none"
# For tests: LANDLOCK skips bwrap (the second wall alone), NONE skips both (what the
# attacks get where nothing isolates the code, and the warning that goes with it).
MODES = (AUTO, LANDLOCK, NONE)
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")
VIEW_CHAIN = 4  # launcher, bwrap, bwrap's init (PID 1), kernel
INSIDE = "--inside"
WORKDIR_ENV = ENV_PREFIX + "WORKDIR"
RUNDIR_ENV = ENV_PREFIX + "RUNDIR"


def view_arguments(workdir: Path, rundir: Path, tmp_mb: int) -> list[str]:
    return bubblewrap.arguments(workdir, rundir, root=os.geteuid() == 0, tmp_mb=tmp_mb)


def run_in_view(bwrap_args: Sequence[str], command: Sequence[str], rundir: Path) -> int:
    """Start `command` inside bwrap and supervise it until it ends; its exit status.

    SIGINT is ignored from here down to the kernel, which sets its own handler:
    jupyter_client interrupts by signalling the whole process group, and bwrap would
    die of it.
    """
    binary = bubblewrap.binary()
    assert binary is not None  # checked by `bubblewrap.usable`
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD, signal.SIGTERM})
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    me = os.getpid()
    child = os.fork()
    if child == 0:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, set())
            syscalls.die_with_parent(signal.SIGKILL)  # kept through exec: bwrap dies with us
            if os.getppid() == me:
                os.execv(binary, [binary, *bwrap_args, "--", *command])
        finally:
            os._exit(127)
    return supervisor.supervise(child, rundir=rundir)


def settle_inside(workdir: Path, rundir: Path) -> Confinement:
    """Inside bwrap: drop root, forbid new privileges, add Landlock. Before the kernel."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    root = os.geteuid() == 0
    userns = not root
    if root:
        syscalls.drop_to(NOBODY, NOBODY)
        userns = _own_user_namespace()
    os.chdir(workdir)
    syscalls.forbid_new_privileges()
    syscalls.drop_capabilities()
    found = Confinement(
        network=NAMESPACE,
        pid_namespace=True,
        user_namespace=userns,
        mount_namespace=True,
        files=VIEW,
        proc="own",
        tmp="private",
        sockets="unreachable",
        chain=VIEW_CHAIN,
    )
    writable = [str(workdir), str(rundir), *bubblewrap.PRIVATE_TMP]
    found.landlock = _landlock(["/"], writable, found.notes)
    for name in ("TMPDIR", "TEMP", "TMP"):
        os.environ[name] = "/tmp"
    _who(found)
    return found


def settle_outside(workdir: Path, rundir: Path, found: Confinement) -> None:
    """Without bwrap, in the kernel process: Landlock over the namespaces `confine` made."""
    readable = [*bubblewrap.SYSTEM, *bubblewrap.LINKED, *bubblewrap.python_folders()]
    found.landlock = _landlock(readable, [str(workdir), str(rundir)], found.notes)
    if found.landlock:
        # /proc and the shared temporary folders are simply not among the readable paths.
        found.files, found.proc, found.tmp = LANDLOCK, "hidden", "refused"


def probe(mode: str = AUTO) -> dict[str, Any]:
    """Set up a throwaway sandbox as a kernel would get it, and say what held."""
    folder = Path(tempfile.mkdtemp(prefix="capsule-probe-"))
    try:
        return _probe_in(folder, mode)
    finally:
        os.chdir("/")
        shutil.rmtree(folder, ignore_errors=True)


def inner_command() -> list[str]:
    """How bwrap starts the launcher again inside (-P: nothing from the thread's folder)."""
    return [sys.executable, "-P", "-m", "desktop.core.tools.code_interpreter.launcher", INSIDE]


def hand_over_folders(workdir: Path, rundir: Path, owned: Sequence[Path]) -> None:
    """As root, give the kernel's folders to `nobody`, who runs the code."""
    if os.geteuid() != 0:
        return
    for path in (rundir, *owned):
        sandbox.hand_over(path, NOBODY, NOBODY)
    sandbox.hand_over_tree(workdir, NOBODY, NOBODY)


def _probe_in(folder: Path, mode: str) -> dict[str, Any]:
    notes: list[str] = []
    if LINUX and mode == AUTO:
        hand_over_folders(folder, folder, [])
        args = view_arguments(folder, folder, tmp_mb=16)
        why = bubblewrap.usable(args)
        if why is None:
            return _probe_view(args, folder)
        notes.append(why)
    found = sandbox.confine(folder, folder)
    found.notes[:0] = notes
    if LINUX and mode != NONE:
        settle_outside(folder, folder, found)
    return found.to_dict()


def _probe_view(args: Sequence[str], folder: Path) -> dict[str, Any]:
    """Run the launcher's probe inside bwrap and read what it says."""
    import subprocess  # noqa: PLC0415 - the kernel's launcher never needs it

    binary = bubblewrap.binary()
    assert binary is not None
    command = [binary, *args, "--", *inner_command(), "--probe"]
    env = {**os.environ, WORKDIR_ENV: str(folder), RUNDIR_ENV: str(folder)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, env=env, check=False)
    try:
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise syscalls.SandboxError(
            f"the sandbox did not start inside bubblewrap: {last}"
        ) from None


def _landlock(readable: Sequence[str], writable: Sequence[str], notes: list[str]) -> int:
    """Apply Landlock; the ABI it held with, or 0 with a note on why not."""
    if not LINUX:
        return 0
    try:
        return landlock.restrict(readable, writable, DEVICES).abi
    except OSError as exc:
        notes.append(f"Landlock: {exc.strerror or exc}")
        return 0


def _own_user_namespace() -> bool:
    """As nobody (dropped from root), enter a user namespace of our own, where allowed.

    The process limit then counts this kernel's tasks only, not every task of nobody's.
    """
    try:
        syscalls.unshare(syscalls.CLONE_NEWUSER)
        syscalls.map_ids(NOBODY, NOBODY)
    except (OSError, syscalls.SandboxError):
        return False
    return True


def _who(found: Confinement) -> None:
    found.uid = os.geteuid()
    found.user = sandbox.user_name(found.uid)
