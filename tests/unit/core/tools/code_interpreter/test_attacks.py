"""The attacks a security test ran against the sandbox, as root and as an ordinary user.

Each attack runs as model code in a real kernel (`tests.helpers.sandbox_attacks`), once
with the sandbox as this machine gives it ("auto": bubblewrap where it runs) and once
with bubblewrap skipped, so that the fallback (namespaces and Landlock) is tested alone.
As root the tests run the attacks in this process; for the ordinary user they make a
system user (where this process is root and `useradd` exists) and run them in a child
process as that user. Where neither is possible, the case is skipped with the reason.

Every protection the sandbox claims must hold; an attack may only succeed where the
kernel's status says that protection is missing (so `capsule capabilities` tells the
truth), and with bubblewrap nothing may succeed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.core.tools.code_interpreter.sandbox import LANDLOCK, VIEW
from tests.helpers.sandbox_attacks import CannotRun, Outcome, run_as_ordinary_user, run_attacks

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sandbox is tested on Linux"
)

CASES = [
    ("root", "auto"),
    ("root", "landlock"),
    ("ordinary user", "auto"),
    ("ordinary user", "landlock"),
]


@dataclass(frozen=True)
class Attacked:
    """What every attack did for one identity and one isolation mode."""

    who: str
    isolation: str
    status: dict[str, Any]
    outcomes: dict[str, Outcome]

    def outcome(self, attack: str) -> Outcome:
        return self.outcomes[attack]


@pytest.fixture(scope="module", params=CASES, ids=[f"{w}-{i}" for w, i in CASES])
def attacked(request: pytest.FixtureRequest) -> Iterator[Attacked]:
    who, isolation = request.param
    home = Path(tempfile.mkdtemp(prefix="capsule-attacks-"))
    try:
        if who == "root":
            if os.geteuid() != 0:
                pytest.skip("these tests do not run as root, so the app cannot either")
            outcomes, status = run_attacks(home / "home", isolation)
        elif os.geteuid() != 0:
            outcomes, status = run_attacks(home / "home", isolation)  # we are one
        else:
            try:
                outcomes, status = run_as_ordinary_user(home, isolation)
            except CannotRun as exc:
                pytest.skip(str(exc))
        yield Attacked(who, isolation, status, outcomes)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _holds(attacked: Attacked, attack: str, claim: bool) -> None:
    """The attack is blocked wherever the sandbox claims the protection (`claim`)."""
    outcome = attacked.outcome(attack)
    if attacked.isolation == "auto" and attacked.status.get("files") != VIEW:
        pytest.skip(f"bubblewrap did not run here: {attacked.status.get('notes')}")
    if claim:
        assert outcome.blocked, f"{attack} worked: {outcome.detail}"
        assert outcome.mechanism not in ("-", "?"), outcome
    if attacked.status.get("files") == VIEW:
        assert outcome.blocked, f"{attack} got past bubblewrap: {outcome.detail}"


def _isolated(attacked: Attacked) -> bool:
    return attacked.status.get("files") in (VIEW, LANDLOCK)


def test_the_code_cannot_read_an_ssh_key(attacked: Attacked) -> None:
    _holds(attacked, "read_ssh_key", _isolated(attacked))


def test_the_code_cannot_read_the_app_settings(attacked: Attacked) -> None:
    _holds(attacked, "read_app_settings", _isolated(attacked))


def test_the_code_cannot_read_the_app_database(attacked: Attacked) -> None:
    _holds(attacked, "read_app_database", _isolated(attacked))


def test_the_code_cannot_read_another_threads_files(attacked: Attacked) -> None:
    _holds(attacked, "read_other_thread", _isolated(attacked))


def test_the_code_cannot_append_to_bashrc(attacked: Attacked) -> None:
    _holds(attacked, "write_bashrc", _isolated(attacked))


def test_the_code_cannot_rewrite_the_app_settings(attacked: Attacked) -> None:
    _holds(attacked, "write_app_settings", _isolated(attacked))


def test_the_code_cannot_reach_a_path_socket_in_tmp(attacked: Attacked) -> None:
    _holds(attacked, "connect_tmp_socket", attacked.status.get("sockets") == "unreachable")


def test_the_code_cannot_reach_the_session_bus(attacked: Attacked) -> None:
    _holds(attacked, "connect_session_bus", attacked.status.get("sockets") == "unreachable")


def test_the_code_cannot_reach_an_abstract_socket(attacked: Attacked) -> None:
    _holds(attacked, "connect_abstract_socket", attacked.status.get("network") != "")


def test_the_code_cannot_list_host_processes(attacked: Attacked) -> None:
    _holds(attacked, "list_host_processes", attacked.status.get("proc") in ("own", "hidden"))


def test_the_code_leaves_nothing_in_shared_temporary_folders(attacked: Attacked) -> None:
    _holds(attacked, "tmp_leftovers", attacked.status.get("tmp") in ("private", "refused"))


def test_the_status_admits_what_the_fallback_cannot_block(attacked: Attacked) -> None:
    """Where an attack worked, the kernel's status said that protection was missing."""
    leaked = [o.attack for o in attacked.outcomes.values() if not o.blocked]
    if "connect_tmp_socket" in leaked or "connect_session_bus" in leaked:
        assert attacked.status.get("sockets") == "reachable"
    if attacked.status.get("files") == VIEW:
        assert leaked == []
