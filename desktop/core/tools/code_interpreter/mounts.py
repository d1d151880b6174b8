"""Let a kernel that dropped root to `nobody` reach the folders it needs.

Root's folders are often private (`/root` is mode 700, and so are pytest's temporary
folders), and Python itself may live there (pyenv). Inside the kernel's own mount
namespace, each private folder above a needed path is covered with an empty tmpfs, and
only the needed paths are bound back at the same place, so every absolute path the code
sees still works and nothing else of the private folder shows. Mounts made here never
reach the rest of the system: the namespace's mounts are made private first.
Linux only, as root, in the launcher process.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from desktop.core.tools.code_interpreter.syscalls import (
    MS_BIND,
    MS_NODEV,
    MS_NOSUID,
    MS_PRIVATE,
    MS_REC,
    mount,
)

_PACKAGE_ROOT = Path(__file__).resolve().parents[3]  # the `desktop` package


def needed(workdir: Path, rundir: Path) -> list[str]:
    """Real paths of what a kernel reads or writes: Python, its packages, its folders."""
    candidates = {
        sys.base_prefix,
        sys.base_exec_prefix,
        sys.prefix,
        sys.exec_prefix,
        os.path.dirname(os.path.realpath(sys.executable)),
        str(_PACKAGE_ROOT),
        str(workdir),
        str(rundir),
        *(entry for entry in sys.path if entry),
    }
    return sorted({os.path.realpath(p) for p in candidates if os.path.exists(p)})


def unreachable(paths: Iterable[str], uid: int, gid: int) -> list[str]:
    """The paths `uid` cannot open: a folder on the way lets it not through."""
    return [p for p in paths if _blocker(p, uid, gid, include_self=True) is not None]


def expose(paths: Iterable[str]) -> list[str]:
    """Cover each private folder above `paths` and bind the paths back; notes on failures.

    Must run as root just after unsharing the mount namespace.
    """
    try:
        mount(None, "/", None, MS_REC | MS_PRIVATE)
    except OSError as exc:  # without private mounts, a bind would show outside too
        return [f"kept the folders as they are: {exc}"]
    notes: list[str] = []
    by_blocker: dict[str, list[str]] = {}
    for path in _outermost(paths):
        blocker = _blocker(path, -1, -1, include_self=False)
        if blocker is None:
            notes.append(f"{path} itself is private")
            continue
        by_blocker.setdefault(blocker, []).append(path)
    for blocker, inside in by_blocker.items():
        try:
            _cover(blocker, inside)
        except OSError as exc:
            notes.append(f"could not expose {', '.join(inside)}: {exc}")
    return notes


def _cover(blocker: str, inside: list[str]) -> None:
    handles = {path: os.open(path, os.O_PATH) for path in inside}
    try:
        mount("tmpfs", blocker, "tmpfs", MS_NOSUID | MS_NODEV, "mode=755")
        for path, handle in handles.items():
            if stat.S_ISDIR(os.fstat(handle).st_mode):
                os.makedirs(path, mode=0o755, exist_ok=True)
            else:
                os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
                Path(path).touch()
            mount(f"/proc/self/fd/{handle}", path, None, MS_BIND | MS_REC)
    finally:
        for handle in handles.values():
            os.close(handle)


def _blocker(path: str, uid: int, gid: int, *, include_self: bool) -> str | None:
    """The first folder on the way to `path` that `uid` may not go through, or None.

    With `uid` -1, the first folder that `nobody`-like strangers (mode bits for others)
    may not go through; only folders above `path` count unless `include_self`.
    """
    parts = Path(path).parts
    for depth in range(1, len(parts) + (1 if include_self else 0)):
        folder = os.path.join(*parts[:depth])
        try:
            info = os.stat(folder)
        except OSError:
            return folder
        if stat.S_ISDIR(info.st_mode) and not _may_pass(info, uid, gid):
            return folder
    return None


def _may_pass(info: os.stat_result, uid: int, gid: int) -> bool:
    if info.st_uid == uid:
        return bool(info.st_mode & stat.S_IXUSR)
    if info.st_gid == gid:
        return bool(info.st_mode & stat.S_IXGRP)
    return bool(info.st_mode & stat.S_IXOTH)


def _outermost(paths: Iterable[str]) -> list[str]:
    """`paths` without those inside another one of them."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path == k or path.startswith(k.rstrip("/") + "/") for k in kept):
            kept.append(path)
    return kept
