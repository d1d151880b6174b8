"""Landlock: the Linux kernel's unprivileged access control, applied to the kernel process.

A process restricts itself and everything it starts later: which folders it may read and
which it may change, whether it may open TCP connections (ABI 4+), and whether it may
reach abstract Unix sockets or signal processes outside its own domain (ABI 6+). What a
kernel does not know is simply not restricted, so each right is asked for only when the
running kernel's ABI has it. Standard library only: this runs in the launcher, after the
imports the kernel needs and before any user code.

The `landlock` package on PyPI covers files only (no TCP or scope rights) and reads a
stale `errno` as a failure of a call that succeeded, so the three system calls are made
here directly.
"""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_VERSION = 1
_PATH_BENEATH = 1

EXECUTE = 1 << 0
WRITE_FILE = 1 << 1
READ_FILE = 1 << 2
READ_DIR = 1 << 3
TRUNCATE = 1 << 14  # ABI 3
IOCTL_DEV = 1 << 15  # ABI 5
_FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV
READ = EXECUTE | READ_FILE | READ_DIR
# Everything on files and folders, by the ABI that brought it.
_FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
_TCP = 0b11  # bind and connect (ABI 4)
_SCOPES = 0b11  # abstract Unix sockets and signals (ABI 6)


class LandlockError(OSError):
    """The kernel refused a Landlock call (the launcher reports it and goes on without)."""


@dataclass(frozen=True)
class Applied:
    """What a restriction covered: the ABI, and whether TCP and scopes were included."""

    abi: int
    tcp: bool
    scoped: bool


class _Ruleset(ctypes.Structure):
    _fields_ = (
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    )


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = (("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32))


@functools.cache
def abi() -> int:
    """The Landlock ABI version this kernel offers; 0 when it has none or it is off."""
    try:
        return max(0, int(_syscall(_CREATE_RULESET, None, ctypes.c_size_t(0), _VERSION)))
    except OSError:
        return 0


def restrict(read: Iterable[str], write: Iterable[str], devices: Iterable[str] = ()) -> Applied:
    """Allow only reading `read` and changing `write` (folders or files), from now on.

    `devices` are device files that may be read, written and controlled (/dev/null).
    Paths that do not exist are skipped. Also refuses TCP and, outside this process's
    own domain, abstract Unix sockets and signals, where the ABI has those rights.
    Needs no privileges, but requires `no_new_privs` (set by the caller).

    Raises:
        LandlockError: this kernel has no Landlock, or refused a call.
    """
    version = abi()
    if version < 1:
        raise LandlockError(0, "this kernel has no Landlock (Linux 5.13 or newer, enabled)")
    handled = _FS_BY_ABI[max(k for k in _FS_BY_ABI if k <= version)]
    attr = _Ruleset(handled, _TCP if version >= 4 else 0, _SCOPES if version >= 6 else 0)
    size = ctypes.sizeof(ctypes.c_uint64) * (3 if version >= 6 else 2 if version >= 4 else 1)
    ruleset = int(_syscall(_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), 0))
    try:
        for path in read:
            _allow(ruleset, path, READ & handled)
        for path in devices:
            _allow(ruleset, path, (READ_FILE | WRITE_FILE | IOCTL_DEV) & handled)
        for path in write:
            _allow(ruleset, path, handled)
        _syscall(_RESTRICT_SELF, ruleset, 0)
    finally:
        os.close(ruleset)
    return Applied(version, tcp=version >= 4, scoped=version >= 6)


def _allow(ruleset: int, path: str, rights: int) -> None:
    try:
        handle = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # nothing there to allow
    try:
        if not os.path.isdir(path):
            rights &= _FILE_RIGHTS
        rule = _PathBeneath(rights, handle)
        _syscall(_ADD_RULE, ruleset, _PATH_BENEATH, ctypes.byref(rule), 0)
    finally:
        os.close(handle)


@functools.cache
def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def _syscall(number: int, *args: object) -> int:
    ctypes.set_errno(0)  # a stale errno must not read as this call's failure
    result = int(_libc().syscall(ctypes.c_long(number), *args))
    if result < 0:
        code = ctypes.get_errno()
        raise LandlockError(code, f"landlock: {os.strerror(code)}")
    return result
