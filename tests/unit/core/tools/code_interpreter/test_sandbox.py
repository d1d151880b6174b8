"""The sandbox with real kernels: memory, processes, CPU, file size, network; the probe."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator

import psutil
import pytest

from desktop.core.tools.code_interpreter import KernelPool, notes, protection
from desktop.core.tools.code_interpreter.probe import Protection
from desktop.core.tools.code_interpreter.sandbox import IN_PROCESS, LANDLOCK, NAMESPACE, VIEW
from tests.unit.core.tools.code_interpreter.conftest import kernel_processes, settings

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sandbox is tested on Linux"
)

BOUNDED_FORKS = """
import os, time
children, refused = [], None
try:
    for _ in range(40):
        pid = os.fork()
        if pid == 0:
            time.sleep(2)
            os._exit(0)
        children.append(pid)
except BlockingIOError as exc:
    refused = exc
for pid in children:
    os.waitpid(pid, 0)
print(len(children), refused is not None)
"""

# A loop body of its own line: CPython 3.11 lets an exception raised by a signal handler
# at the jump of `while True: n = 0` escape the `try` around it.
SWALLOWS_EVERYTHING = """
while True:
    try:
        while True:
            n = 0
    except BaseException:
        n = 1
"""


@pytest.fixture
def listener() -> Iterator[tuple[int, list[str]]]:
    """A TCP server on 127.0.0.1: its port, and the peers that reached it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    reached: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, peer = server.accept()
            except TimeoutError:
                continue
            reached.append(str(peer))
            connection.close()

    worker = threading.Thread(target=accept)
    worker.start()
    yield server.getsockname()[1], reached
    stop.set()
    worker.join()
    server.close()


def test_a_memory_bomb_stops_with_the_memory_note(pool: KernelPool) -> None:
    bomb = "blocks = []\nwhile True:\n    blocks.append(bytearray(20 * 1024 * 1024))"
    done = pool.execute("memory", bomb, settings(memory_mb=512))
    assert done.outcome == "error"
    assert done.error is not None and done.error.name == "MemoryError"
    assert "needed more than the 512 MB memory limit" in done.text()
    assert "raise memory_mb in the GPT's code interpreter settings" in done.text()
    after = pool.execute("memory", "del blocks\nlen(bytearray(10))", settings(memory_mb=512))
    assert after.logs == "10\n"


def test_pandas_and_matplotlib_work_under_the_default_memory_limit(pool: KernelPool) -> None:
    code = (
        "import numpy as np, pandas as pd, matplotlib.pyplot as plt\n"
        "frame = pd.DataFrame({'x': np.arange(100_000), 'y': np.random.rand(100_000)})\n"
        "frame.plot(x='x', y='y')\nplt.show()\nint(frame.x.sum())"
    )
    done = pool.execute("defaults", code, settings(memory_mb=1024))
    assert done.outcome == "ok", done.text()
    assert done.logs == "4999950000\n"
    assert len(done.images) == 1


def test_a_fork_bomb_is_contained(pool: KernelPool) -> None:
    limits = settings(max_processes=16, timeout_s=10)
    # First a bounded version: the limit must hold before the real bomb is let loose.
    bounded = pool.execute("forks", BOUNDED_FORKS, limits)
    count, refused = bounded.logs.split()
    if bounded.protection.get("uid") == 0:
        pytest.skip("the kernel runs as root here, where no process limit applies")
    assert refused == "True" and int(count) <= 16, bounded.text()
    machine_before = len(psutil.pids())
    began = time.monotonic()
    done = pool.execute("forks", "import os\nwhile True:\n    os.fork()", limits)
    assert time.monotonic() - began < 10 + 1 + 10
    assert done.outcome == "error", done.text()
    assert done.error is not None and done.error.name == "BlockingIOError"
    assert "more than 16 processes or threads" in done.text()
    assert notes.leftovers_stopped() in done.notes
    assert "forks" not in pool.running()  # the leftovers went with the session
    assert not [p for p in kernel_processes() if p.ppid() == 1]
    assert len(psutil.pids()) <= machine_before + 5
    assert pool.execute("fine", "1 + 1", settings()).logs == "2\n"


def test_cpu_time_is_limited_per_execution(pool: KernelPool) -> None:
    limits = settings(cpu_s=1, timeout_s=10)
    pool.execute("cpu", "kept = 3", limits)
    for _ in range(2):  # the budget is per execution, not per session
        done = pool.execute("cpu", "while True: n = 0", limits)
        assert done.error is not None and done.error.name == "CpuTimeLimitExceeded"
        assert "used more than its 1 s of CPU time" in done.text()
    assert pool.execute("cpu", "kept", limits).logs == "3\n"


def test_code_that_swallows_the_cpu_limit_loses_its_session(pool: KernelPool) -> None:
    began = time.monotonic()
    done = pool.execute("cpu-stubborn", SWALLOWS_EVERYTHING, settings(cpu_s=1, timeout_s=15))
    assert time.monotonic() - began < 10  # the CPU limit ended it, not the wall time
    assert done.outcome == "died", done.text()
    assert "kept running after its 1 s of CPU time were used up" in done.text()


def test_a_file_past_the_size_limit_fails_with_the_note(pool: KernelPool) -> None:
    code = "with open('big.bin', 'wb') as f:\n    f.write(b'x' * (3 * 1024 * 1024))"
    done = pool.execute("files", code, settings(max_file_mb=1))
    assert done.error is not None and "[Errno 27]" in done.error.value
    assert "past the 1 MB file size limit" in done.text()
    assert pool.execute("files", "'alive'", settings(max_file_mb=1)).logs == "'alive'\n"


def test_the_process_limit_note_names_the_limit(pool: KernelPool) -> None:
    code = (
        "import threading, time\n"
        "threads = [threading.Thread(target=time.sleep, args=(2,)) for _ in range(40)]\n"
        "for t in threads: t.start()"
    )
    done = pool.execute("threads", code, settings(max_processes=8))
    if done.protection.get("uid") == 0:
        pytest.skip("the kernel runs as root here, where no process limit applies")
    assert done.error is not None, done.text()
    assert "more than 8 processes or threads" in done.text()


def test_the_network_is_off(pool: KernelPool, listener: tuple[int, list[str]]) -> None:
    port, reached = listener
    attempts = {
        "connect": f"import socket\nsocket.socket().connect(('127.0.0.1', {port}))",
        "create_connection": f"import socket\nsocket.create_connection(('127.0.0.1', {port}))",
        "dns": "import socket\nsocket.gethostbyname('example.com')",
        "urlopen": "import urllib.request\nurllib.request.urlopen('http://example.com', timeout=3)",
        "udp": "import socket\nsocket.socket(type=socket.SOCK_DGRAM).sendto(b'x', ('1.1.1.1', 53))",
    }
    for name, code in attempts.items():
        done = pool.execute("shared", code, settings())
        assert done.error is not None, name
        assert "network access is off in the code interpreter" in done.text(), name
    assert reached == []


def test_the_namespace_blocks_what_the_python_block_cannot(
    pool: KernelPool, listener: tuple[int, list[str]]
) -> None:
    port, reached = listener
    done = pool.execute("shared", "1", settings())
    if done.protection.get("network") != NAMESPACE:
        pytest.skip("no network namespace on this system")
    # Past Python's block: Landlock refuses TCP (EACCES) where it can; the namespace's
    # own loopback has nobody listening (ECONNREFUSED) or is down (ENETUNREACH).
    raw = f"import _socket\n_socket.socket().connect(('127.0.0.1', {port}))"
    done = pool.execute("shared", raw, settings())
    assert done.error is not None, done.text()
    assert done.error.name in ("PermissionError", "ConnectionRefusedError", "OSError")
    assert reached == []


def test_the_kernel_environment_holds_no_secrets(
    pool: KernelPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    code = "import os\nsorted(k for k in os.environ if 'SECRET' in os.environ[k] or 'PROXY' in k)"
    done = pool.execute("environment", code, settings())
    assert done.logs == "[]\n"
    names = pool.execute("environment", "sorted(os.environ)", settings()).logs
    assert "OPENAI_API_KEY" not in names and "CAPSULE_CI_" not in names
    assert "'HOME'" in names and "'MPLBACKEND'" in names


def test_protection_matches_what_a_kernel_gets(pool: KernelPool) -> None:
    probed = protection()
    kernel = Protection.from_status(pool.execute("shared", "1", settings()).protection)
    assert probed.network == kernel.network
    assert probed.pid_namespace == kernel.pid_namespace
    assert probed.user == kernel.user
    assert probed.files == kernel.files
    assert probed.proc == kernel.proc
    assert protection() is probed  # cached
    assert len(probed.lines()) == 6
    assert probed.lines()[0].startswith("Network: blocked")


def test_protection_in_plain_words() -> None:
    strong = Protection(
        NAMESPACE,
        True,
        True,
        "nobody",
        files=VIEW,
        landlock=6,
        proc="own",
        tmp="private",
        sockets="unreachable",
    )
    fallback = Protection(
        NAMESPACE, True, True, "ann", files=LANDLOCK, landlock=4, proc="hidden", tmp="refused"
    )
    weak = Protection(IN_PROCESS, False, False, "ann")
    assert strong.lines() == [
        "Network: blocked by a Linux network namespace",
        "Files: the code sees only the system, Python and its thread's folder (bubblewrap); "
        "your home folder, the app's data and settings and other threads do not exist for "
        "it; Landlock (ABI 6) keeps its writes in that folder and its private /tmp",
        "Processes: everything the code starts ends with its session (a Linux PID "
        "namespace); it sees only its own processes",
        "Local sockets: none of the machine's can be reached (the D-Bus session bus, which "
        "the keyring answers on, included)",
        "Temporary files: a private /tmp, removed with the session",
        "User: the code runs as the unprivileged user nobody",
    ]
    assert strong.isolated and fallback.isolated and not weak.isolated
    assert "writes only in that folder (Landlock, ABI 4" in fallback.lines()[1]
    assert "process list is closed to it (Landlock)" in fallback.lines()[2]
    assert "the D-Bus session bus (which the keyring answers on) included" in (fallback.lines()[3])
    assert "shared /tmp is closed to the code" in fallback.lines()[4]
    assert weak.lines()[0] == (
        "Network: blocked inside Python only (this system does not allow network namespaces)"
    )
    assert weak.lines()[1].startswith("Files: NOT isolated: the code can read and change")
    assert "can outlive it" in weak.lines()[2]
    assert "list the machine's processes" in weak.lines()[2]
    assert "what the code leaves there stays" in weak.lines()[4]
    assert strong.network_text == "network blocked by a Linux network namespace"
    assert weak.lines()[5] == "User: the code runs as ann, with your file permissions"
    assert Protection.from_status(strong.to_dict()) == strong
