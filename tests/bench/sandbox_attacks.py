"""The attack table: each attack on the code interpreter, as root and as an ordinary user.

Run with `python -m tests.bench.sandbox_attacks` (as root, so that the ordinary user can
be made). For each identity it runs the attacks with the sandbox this machine gives
("auto"), with bubblewrap skipped ("landlock", the fallback alone) and with neither
("none", what the code gets where nothing isolates it), and prints a
markdown table: blocked or not, and the wall that blocked it. It asserts nothing; the
tests in tests/unit/core/tools/code_interpreter/test_attacks.py do.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from tests.helpers.sandbox_attacks import (
    ATTACKS,
    CannotRun,
    Outcome,
    run_as_ordinary_user,
    run_attacks,
)

CASES = tuple((who, mode) for who in ("root", "user") for mode in ("none", "auto", "landlock"))


def main() -> None:
    columns: dict[tuple[str, str], dict[str, Outcome]] = {}
    for who, isolation in CASES:
        base = Path(tempfile.mkdtemp(prefix="capsule-attacks-"))
        try:
            if who == "root" and os.geteuid() == 0:
                outcomes, status = run_attacks(base / "home", isolation)
            elif who == "user":
                outcomes, status = run_as_ordinary_user(base, isolation)
            else:
                print(f"{who}/{isolation}: skipped (not root)")
                continue
        except CannotRun as exc:
            print(f"{who}/{isolation}: skipped ({exc})")
            continue
        finally:
            shutil.rmtree(base, ignore_errors=True)
        columns[(who, isolation)] = outcomes
        print(f"{who}/{isolation}: files={status.get('files')} user={status.get('user')}")
    header = " | ".join(f"{who}, {isolation}" for who, isolation in columns)
    print(f"\n| Attack | {header} |")
    print("|---" * (len(columns) + 1) + "|")
    for attack in ATTACKS:
        cells = []
        for outcomes in columns.values():
            outcome = outcomes[attack]
            cells.append(f"blocked: {outcome.mechanism}" if outcome.blocked else "**not blocked**")
        print(f"| {attack} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
