"""Printing helpers shared by the CLI commands."""

from __future__ import annotations

import getpass
import json
import sys
from typing import Any

from desktop.core import errors


def emit_json(value: Any) -> None:
    """One JSON document on one line of stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain aligned table."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return "\n".join(lines)


def indent(text: str, prefix: str = "    | ") -> str:
    return "\n".join(prefix + line for line in text.splitlines() or [""])


def confirm(question: str, assume_yes: bool = False) -> bool:
    """Ask before something destructive; without a terminal, only `--yes` says yes."""
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        err(f"{question}\nRefusing without a terminal to ask on: pass --yes to go ahead.")
        return False
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes")


def read_secret(label: str, example: str) -> str:
    """One secret: a hidden prompt on a terminal, else one line of stdin; never argv.

    `example` is a shell line showing how to pipe it in, for the error when none came.
    """
    if sys.stdin.isatty():
        value = getpass.getpass(f"{label} (not shown): ")
    else:
        value = sys.stdin.readline()
    value = value.strip()
    if not value:
        raise errors.ValidationError(f"No {label} on standard input. Pipe it in, e.g. `{example}`.")
    return value


class StatusLine:
    """One line of progress on a terminal's stderr, rewritten in place; silent when piped."""

    WIDTH = 100

    def __init__(self, enabled: bool | None = None) -> None:
        self._enabled = sys.stderr.isatty() if enabled is None else enabled

    def show(self, text: str) -> None:
        if self._enabled:
            sys.stderr.write("\r" + text[: self.WIDTH].ljust(self.WIDTH))
            sys.stderr.flush()

    def clear(self) -> None:
        if self._enabled:
            sys.stderr.write("\r" + " " * self.WIDTH + "\r")
            sys.stderr.flush()
