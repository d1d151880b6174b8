"""Child processes: exit codes in words, and the out-of-memory kill recognised."""

from __future__ import annotations

import signal

from desktop.core.child import ChildProcess, describe_exit, killed_for_memory


def test_exits_in_words() -> None:
    assert describe_exit(3) == "it exited with code 3"
    assert describe_exit(-signal.SIGSEGV) == "it was stopped by SIGSEGV (a crash)"
    assert "ran out of memory" in describe_exit(-signal.SIGKILL)
    assert describe_exit(-200) == "it was stopped by signal 200"
    assert killed_for_memory(-signal.SIGKILL) and not killed_for_memory(-signal.SIGSEGV)
    assert not killed_for_memory(None)


def test_a_child_imports_this_desktop_and_its_stderr_tail_is_kept() -> None:
    child = ChildProcess("desktop.core.providers.llama.server.__init__", [])
    child.close()
    child.stdout.close()  # (its owner's reading thread would close it)
    assert child.exit_reason() == "it exited with code 0"
    failing = ChildProcess("desktop.no_such_module", [])
    failing.close()
    failing.stdout.close()
    assert "No module named desktop.no_such_module" in failing.last_lines()
    assert failing.exit_reason() == "it exited with code 1"
