"""Functions the isolated-extraction tests run in the child process instead of `extract`.

They go through the same request, limit and answer path as real extraction; only the
work differs (sleep, allocate, crash), which no real file can do on cue.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import time

from desktop.core.knowledge.extract.errors import NeedsPasswordError

_calls = itertools.count(1)


def pid() -> int:
    return os.getpid()


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "awake"


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def die(signal_name: str) -> None:
    os.kill(os.getpid(), getattr(signal, signal_name))


def needs_password(name: str) -> None:
    raise NeedsPasswordError(f"{name} is protected with a password.")


def bug() -> None:
    raise ValueError("an extractor bug")


def chatty() -> str:
    print("library noise on stdout " * 100)
    sys.stderr.write("library noise on stderr\n" * 20_000)  # far more than a pipe holds
    return "clean answer"


def crash_unless_first() -> int:
    """Succeeds in a fresh child; kills a child that has run this before."""
    if next(_calls) > 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()
