"""The driver keeps its state in memory: what it reads from the store while a run goes on.

A query counter (SQLite's trace callback) counts the SELECTs run while the events of a
run are read. The driver reads the thread's history once when it starts; after that the
only read is the check, between tool rounds, for a cancel asked from another process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool

STARTING_READS = 2  # the thread (does it exist?) and its messages


@contextmanager
def reads(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []
    store.db.trace(seen.append)
    try:
        yield seen
    finally:
        store.db.trace(None)


def selects(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_a_long_thread_is_read_once_per_run(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(instructions="Answer.")
    provider = ScriptedProvider([Reply(pieces=["ok", "."]) for _ in range(9)])
    engine = RunEngine(store, provider_for(provider))
    thread = None
    for turn in range(8):
        stream = engine.run(gpt.id, f"turn {turn}", thread_id=thread)
        list(stream)
        thread = stream.thread_id

    stream = engine.run(gpt.id, "the ninth", thread_id=thread)
    with reads(store) as statements:
        list(stream)

    assert len(selects(statements)) == STARTING_READS
    assert len(provider.requests[-1].messages) == 18  # all the history was still sent


def test_more_model_calls_add_only_the_cancel_check(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    rounds = 3
    script = [Reply(tool_calls=[("echo", f'{{"text": "{n}"}}')]) for n in range(rounds)]
    provider = ScriptedProvider([*script, Reply(pieces=["done"])])
    engine = RunEngine(store, provider_for(provider), lambda _d, _c: ToolRegistry([EchoTool()]))

    stream = engine.run(gpt.id, "go")
    with reads(store) as statements:
        list(stream)

    read = selects(statements)
    assert len(provider.requests) == rounds + 1
    assert len(read) == STARTING_READS + rounds
    assert all("FROM runs" in s and "status" in s for s in read[STARTING_READS:])
