"""Fixtures for the code interpreter tests: real kernels, shared per module where possible.

A kernel cold start costs about half a second, so tests that leave a kernel usable share
one pool per module; tests that break their kernel use a thread of their own. At the end
of the session no kernel process may be left.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from desktop.core.gpt import CodeInterpreterSettings
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.code_interpreter import KernelPool, launcher

LAUNCHER = launcher.__name__


# This session's temporary folder: kernels working elsewhere belong to an app or to another
# test session on the same machine, and are none of these tests' business.
_session_base: list[Path] = []


def kernel_processes() -> list[psutil.Process]:
    """This session's live processes running our launcher (kernels, supervisors, forks)."""
    base = _session_base[0] if _session_base else None
    found = []
    for process in psutil.process_iter(["cmdline", "status"]):
        if process.info["status"] == psutil.STATUS_ZOMBIE:
            continue
        if LAUNCHER not in " ".join(process.info["cmdline"] or ()):
            continue
        if base is not None and not _works_under(process, base):
            continue
        found.append(process)
    return found


def _works_under(process: psutil.Process, base: Path) -> bool:
    try:
        return Path(process.cwd()).is_relative_to(base)
    except psutil.AccessDenied:
        return True  # cannot tell: count it, so a leak is never hidden
    except psutil.NoSuchProcess:
        return False


def descendants() -> list[psutil.Process]:
    """Live processes under this test process."""
    return [
        p
        for p in psutil.Process().children(recursive=True)
        if p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    ]


def settings(**changes: object) -> CodeInterpreterSettings:
    """Test settings: a short wall time, 16 processes; the other limits as shipped."""
    values: dict[str, object] = {"enabled": True, "timeout_s": 20.0, "max_processes": 16}
    values.update(changes)
    return CodeInterpreterSettings.model_validate(values)


@pytest.fixture(scope="session", autouse=True)
def no_kernel_left(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After every test of this folder: no kernel process of this session anywhere."""
    _session_base.append(tmp_path_factory.getbasetemp().resolve())
    yield
    left = kernel_processes()
    assert not left, f"kernel processes left: {[(p.pid, p.info['cmdline']) for p in left]}"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> ThreadFiles:
    return ThreadFiles(tmp_path_factory.mktemp("threads"))


@pytest.fixture(scope="module")
def pool(files: ThreadFiles, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KernelPool]:
    """One pool per module; its kernels end with the module."""
    made = KernelPool(files, tmp_path_factory.mktemp("run"), grace_s=1.0)
    yield made
    made.shutdown_all()
    assert made.running() == []
    assert descendants() == []


@pytest.fixture
def thread_folder(files: ThreadFiles) -> Path:
    return files.folder("shared")
