"""SQLite statements per model call: how much the run driver reads back from the store.

Run with `python -m tests.bench.bench_store_reads`. A scripted provider answers at once, so
only the engine's own work is counted. Every statement the store's connection runs while
a run is driven (from `engine.run()` to the last event) is counted through SQLite's trace
callback; reads are the SELECTs. `engine.run()` (checks and the run's creation) and the
driving of the run (iterating its events) are counted apart. Two runs are measured:

1. chat: the 11th turn of a thread (20 earlier messages), one model call.
2. tools: a run with a retrieval step, one tool call and the answer, two model calls.

It prints figures and asserts nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.gpt import validate_definition
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool

SOURCES = [
    {
        "id": "chunk_1",
        "file_id": "file_1",
        "file": "handbook.txt",
        "page": 2,
        "location": "",
        "text": "Cats sleep sixteen hours a day.",
        "score": 1.5,
        "ranks": {"bm25": 1},
    }
]
FILES = [{"id": "file_1", "name": "handbook.txt", "sha256": "0" * 64, "size": 10}]


@contextmanager
def counting(store: Store) -> Iterator[dict[str, int]]:
    """Count the statements run on the store's connection, by their first word."""
    counts: dict[str, int] = {}

    def seen(statement: str) -> None:
        word = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "?"
        counts[word] = counts.get(word, 0) + 1

    store.db.trace(seen)
    try:
        yield counts
    finally:
        store.db.trace(None)


def drive(store: Store, engine: RunEngine, gpt_id: str, text: str, thread: str | None) -> Any:
    stream = engine.run(gpt_id, text, thread_id=thread)
    list(stream)
    return stream


def measured(
    store: Store, engine: RunEngine, gpt_id: str, text: str, thread: str | None
) -> tuple[dict[str, int], dict[str, int]]:
    """Statements of `engine.run()` (checks, the run's creation), then of driving the run."""
    with counting(store) as starting:
        stream = engine.run(gpt_id, text, thread_id=thread)
    with counting(store) as driving:
        list(stream)
    return starting, driving


def report(name: str, starting: dict[str, int], driving: dict[str, int], calls: int) -> None:
    def reads(counts: dict[str, int]) -> int:
        return counts.get("SELECT", 0)

    def writes(counts: dict[str, int]) -> int:
        return sum(counts.get(w, 0) for w in ("INSERT", "UPDATE", "DELETE"))

    print(
        f"{name}: {calls} model call(s). Starting the run: {reads(starting)} reads, "
        f"{writes(starting)} writes. Driving it: {reads(driving)} reads "
        f"({reads(driving) / calls:.1f} per model call), {writes(driving)} writes. "
        f"In all: {(reads(starting) + reads(driving)) / calls:.1f} reads per model call.",
        flush=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        store = Store(Path(home) / "bench.db")
        chat = store.gpts.create(validate_definition({"name": "chat", "instructions": "Hi."}))
        provider = ScriptedProvider([Reply(pieces=["Fine", " thanks."]) for _ in range(11)])
        engine = RunEngine(store, provider_for(provider))
        thread = None
        for turn in range(10):
            thread = drive(store, engine, chat.id, f"Question {turn}?", thread).thread_id
        starting, driving = measured(store, engine, chat.id, "And the eleventh?", thread)
        report("chat turn 11", starting, driving, 1)

        tools = store.gpts.create(
            validate_definition({"name": "tools", "knowledge": {"files": FILES}})
        )
        provider = ScriptedProvider(
            [Reply(tool_calls=[("echo", '{"text": "hi"}')]), Reply(pieces=["Done [1]."])]
        )
        engine = RunEngine(
            store,
            provider_for(provider),
            lambda _d, _c: ToolRegistry([EchoTool()]),
            retriever=lambda _d, _g, _t, _q: [dict(s) for s in SOURCES],
        )
        starting, driving = measured(store, engine, tools.id, "How long do cats sleep?", None)
        report("retrieval + tool call + answer", starting, driving, 2)
        store.close()


if __name__ == "__main__":
    main()
