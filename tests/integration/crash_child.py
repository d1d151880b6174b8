"""A process that runs the engine and gets killed mid-run by test_crash.py.

Prints `STEPS_DONE <run_id>` once the first model call and the tool call have completed
and the second answer is streaming, then keeps streaming slowly until killed.
"""

from __future__ import annotations

import sys
import time

from desktop.core.gpt import validate_definition
from desktop.core.paths import default_paths
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool


def main() -> None:
    paths = default_paths().ensure()
    store = Store(paths.database)
    gpt = store.gpts.create(validate_definition({"name": "Crash"}))
    provider = ScriptedProvider(
        [
            Reply(pieces=["Checking."], tool_calls=[("echo", '{"text": "hi"}')]),
            Reply(
                pieces=[f"word{i} " for i in range(1000)], before_piece=lambda i: time.sleep(0.05)
            ),
        ]
    )
    engine = RunEngine(store, provider_for(provider), lambda _d, _c: ToolRegistry([EchoTool()]))
    stream = engine.run(gpt.id, "please crash")
    deltas = 0
    for event in stream:
        if event.event == ev.MESSAGE_DELTA:
            deltas += 1
            if deltas == 30:  # past the first flush of the streamed text
                print(f"STEPS_DONE {stream.run_id}", flush=True)


if __name__ == "__main__":
    main()
    sys.exit(0)
