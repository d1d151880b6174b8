"""The in-process network block: Python's socket API refuses the internet in the kernel.

Installed in the kernel process after the kernel has opened its own channels (ZeroMQ
uses libzmq's sockets, which this does not touch) and before any user code runs.

This is not a security boundary. Code can reach the C module `_socket`, load libc
through ctypes, or start another program, and none of that passes through here. It
stops honest code and libraries (urllib, requests, pip) with a clear message. Where
Linux gives the kernel a network namespace, the namespace is the real wall; on macOS,
Windows and systems that refuse namespaces, this block is all there is.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from typing import Any

MESSAGE = "network access is off in the code interpreter"
_INTERNET = (socket.AF_INET, socket.AF_INET6)
_METHODS = ("connect", "connect_ex", "sendto", "sendmsg", "bind")
_LOOKUPS = ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo")


def install() -> None:
    """Patch `socket` so internet sockets and name lookups raise OSError with MESSAGE."""
    for name in _METHODS:
        setattr(socket.socket, name, _guarded(getattr(socket.socket, name)))
    for name in _LOOKUPS:
        setattr(socket, name, _refuse)


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if self.family in _INTERNET:
            raise OSError(errno.ENETUNREACH, MESSAGE)
        return method(self, *args, **kwargs)

    guarded.__name__ = method.__name__
    guarded.__doc__ = method.__doc__
    return guarded


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise socket.gaierror(socket.EAI_FAIL, MESSAGE)
