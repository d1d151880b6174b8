"""Linux system calls the sandbox needs, through ctypes (`os.unshare` is Python 3.12+).

Linux only; every call raises OSError with the C library's reason when refused.
"""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Sequence

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 0x40000
_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4
_PR_SET_NO_NEW_PRIVS = 38
_CAPABILITY_VERSION_3 = 0x20080522


class SandboxError(Exception):
    """The sandbox was half set up and cannot go on (the launcher exits with this text)."""


def unshare(flags: int) -> None:
    _checked(_libc().unshare(ctypes.c_int(flags)), "unshare")


def unshare_first(choices: Sequence[int]) -> int:
    """Enter the first set of namespaces this process may; the flags that worked, or 0."""
    for flags in choices:
        try:
            unshare(flags)
        except OSError:
            continue
        return flags
    return 0


def working_userns(uid: int, gid: int, drop: bool) -> int:
    """The user namespace flags that work for `uid` (after dropping root when `drop`), or 0.

    Tried in a throwaway child: a user namespace that cannot be mapped cannot be left,
    and a PID namespace breaks once its first process is gone.
    """
    others = CLONE_NEWPID if drop else CLONE_NEWNET | CLONE_NEWPID
    for flags in (CLONE_NEWUSER | others, CLONE_NEWUSER):
        pid = os.fork()
        if pid == 0:
            try:
                if drop:
                    drop_to(uid, gid)
                unshare(flags)
                map_ids(uid, gid)
            except (OSError, SandboxError):
                os._exit(1)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            return flags
    return 0


def map_ids(uid: int, gid: int) -> None:
    """Map our own ids to themselves in the user namespace just entered."""
    try:
        _write_proc("/proc/self/setgroups", "deny")
        _write_proc("/proc/self/uid_map", f"{uid} {uid} 1")
        _write_proc("/proc/self/gid_map", f"{gid} {gid} 1")
    except OSError as exc:
        raise SandboxError(f"could not map ids in the user namespace: {exc}") from exc


def drop_to(uid: int, gid: int) -> None:
    """Become `uid` for good (as root): no groups, real, effective and saved ids."""
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    # Changing ids cleared "dumpable", which makes /proc/self root's: uid_map needs it.
    _prctl(_PR_SET_DUMPABLE, 1)


def die_with_parent(signum: int) -> None:
    _prctl(_PR_SET_PDEATHSIG, signum)


def forbid_new_privileges() -> None:
    """No set-user-ID program (sudo, ping) gains anything for this process or its children."""
    _prctl(_PR_SET_NO_NEW_PRIVS, 1)


class _CapHeader(ctypes.Structure):
    _fields_ = (("version", ctypes.c_uint32), ("pid", ctypes.c_int))


class _CapData(ctypes.Structure):
    _fields_ = (
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    )


def drop_capabilities() -> None:
    """Give up the capabilities a new user namespace grants: the code needs none."""
    header = _CapHeader(_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    _checked(_libc().capset(ctypes.byref(header), data), "capset")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    result = _libc().mount(
        source.encode() if source else None,
        target.encode(),
        fstype.encode() if fstype else None,
        ctypes.c_ulong(flags),
        data.encode() if data else None,
    )
    _checked(result, f"mount {target}")


@functools.cache
def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _checked(result: int, what: str) -> None:
    if result == -1:
        code = ctypes.get_errno()
        raise OSError(code, f"{what}: {os.strerror(code)}")


def _prctl(option: int, value: int) -> None:
    zero = ctypes.c_ulong(0)
    result = _libc().prctl(ctypes.c_int(option), ctypes.c_ulong(value), zero, zero, zero)
    _checked(result, "prctl")


def _write_proc(path: str, text: str) -> None:
    # Plain bytes: after dropping root, the codec modules may be out of reach for a moment.
    handle = os.open(path, os.O_WRONLY)
    try:
        os.write(handle, text.encode())
    finally:
        os.close(handle)
