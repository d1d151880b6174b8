"""Python child processes that run native code away from the app: start, drain, explain.

Native libraries (llama.cpp, PDF parsers) can crash, abort or be killed for memory. Each
runs in a fresh interpreter started here (never a fork of the app, which holds threads
and perhaps Qt), importing this same `desktop` package, speaking over its stdin and
stdout. Its stderr is read all the time (so a chatty library never blocks it on a full
pipe), kept as a short tail for error messages and, where asked, logged.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

import desktop
from desktop.core.errors import Said, said


# Signals a crash in native code usually ends with, in the words a person can act on.
class ChildProcess:
    """One child running `python -m module args...`; its stdin and stdout are the caller's.

    Thread-safe to read `stderr_tail` from any thread; `close` from one thread.
    """

    def __init__(
        self, module: str, args: list[str], log: logging.Logger | None = None, tail: int = 20
    ) -> None:
        env = dict(os.environ)
        # The child must import this same `desktop`, installed or not.
        root = str(Path(desktop.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        env["PYTHONUNBUFFERED"] = "1"  # its stderr lines reach the log as they are written
        self.process = subprocess.Popen(
            # -P: never import from the current folder, whatever it holds.
            [sys.executable, "-P", "-m", module, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        self.stderr_tail: collections.deque[bytes] = collections.deque(maxlen=tail)
        self._log = log
        assert self.process.stderr is not None
        self._stderr_reader = threading.Thread(
            target=self._drain_stderr, args=(self.process.stderr,), daemon=True, name="child-err"
        )
        self._stderr_reader.start()

    @property
    def stdin(self) -> IO[bytes]:
        assert self.process.stdin is not None
        return self.process.stdin

    @property
    def stdout(self) -> IO[bytes]:
        assert self.process.stdout is not None
        return self.process.stdout

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    # The reading thread closes its own pipe: closing a pipe under a blocked reader from
    # another thread is not safe.
    def _drain_stderr(self, stream: IO[bytes]) -> None:
        with stream:
            for line in iter(stream.readline, b""):
                self.stderr_tail.append(line)
                if self._log is not None:
                    self._log.info("%s", line.decode("utf-8", "replace").rstrip())

    def last_lines(self, count: int = 3, skip: tuple[str, ...] = ()) -> str:
        """The child's last non-empty stderr lines, joined, for an error message.

        Lines that start with one of `skip` (a library's own chatter) are passed over.
        """
        lines = [b.decode("utf-8", "replace").strip() for b in list(self.stderr_tail)]
        kept = [line for line in lines if line and not line.startswith(skip)]
        return " | ".join(kept[-count:])

    def exit_reason(self, wait_s: float = 5.0) -> str:
        """How the child ended, in words (it is waited for up to `wait_s` seconds)."""
        try:
            code = self.process.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            return said("it stopped answering")
        return describe_exit(code)

    def close(self, kill: bool = False, wait_s: float = 5.0) -> None:
        """End the child: closing its input asks it to leave; `kill` does not ask."""
        if kill:
            with contextlib.suppress(OSError):
                self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.stdin.close()  # end of input: the child leaves its loop
        try:
            self.process.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdin is not None and not self.process.stdin.closed:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        self._stderr_reader.join(timeout=wait_s)  # its last words are all in the tail now


def _crash(name: str) -> Said:
    return said("it was stopped by {signal} (a crash)", signal=name)


# How a signal ended a child, each a whole sentence a window can translate (errors.said).
_BY_SIGNAL: dict[str, Callable[[str], Said]] = {
    "SIGSEGV": _crash,
    "SIGBUS": _crash,
    "SIGFPE": _crash,
    "SIGILL": lambda name: said(
        "it was stopped by {signal} (an instruction this CPU does not have)", signal=name
    ),
    "SIGABRT": lambda name: said("it was stopped by {signal} (an abort)", signal=name),
    "SIGKILL": lambda name: said(
        "it was stopped by {signal} (killed, usually because the system ran out of memory)",
        signal=name,
    ),
}


def describe_exit(code: int) -> str:
    """`it was stopped by SIGSEGV (a crash)` for a signal, `it exited with code N` otherwise."""
    if code >= 0:
        return said("it exited with code {code}", code=code)
    try:
        name = signal.Signals(-code).name
    except ValueError:
        return said("it was stopped by signal {number}", number=-code)
    words = _BY_SIGNAL.get(name)
    return words(name) if words else said("it was stopped by {signal}", signal=name)


def killed_for_memory(code: int | None) -> bool:
    """Whether an exit code is SIGKILL, what the kernel's out-of-memory killer sends."""
    return code is not None and code == -getattr(signal, "SIGKILL", 9)
