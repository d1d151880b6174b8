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


def test_a_librarys_chatter_is_not_a_childs_last_words() -> None:
    child = ChildProcess("desktop.no_such_module", [])
    child.close()
    child.stdout.close()
    child.exit_reason()
    child.stderr_tail.extend(
        [
            b"llama_model_load: error loading model: tensor data is not within the file\n",
            b"Model metadata: {'general.name': 'x'}\n",
            b"Using fallback chat format: llama-2\n",
        ]
    )
    words = child.last_lines(count=1, skip=("Model metadata:", "Using fallback chat format"))
    assert words == "llama_model_load: error loading model: tensor data is not within the file"
    assert child.last_lines(count=1) == "Using fallback chat format: llama-2"
