"""Identifiers shaped like the Assistants API's: a type prefix and random hex."""

from __future__ import annotations

import time
import uuid

PREFIXES = {
    "gpt": "gpt",
    "thread": "thread",
    "message": "msg",
    "run": "run",
    "step": "step",
    "call": "call",
    "file": "file",
}


def new_id(kind: str) -> str:
    """A new unique id such as `run_3f2a...` for `kind` ("gpt", "thread", "message", ...)."""
    return f"{PREFIXES[kind]}_{uuid.uuid4().hex[:24]}"


def now() -> float:
    """Wall-clock time in seconds, as stored in every `*_at` column."""
    return time.time()
