"""The steps model: a streamed delta is one row's dataChanged; a new step, one inserted row."""

from __future__ import annotations

from typing import Any

from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from desktop.ui.playground import bars
from desktop.ui.playground.steps_model import BAR_ROLE, DURATION, StepsModel
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool


def test_live_events_change_rows_never_the_whole_table(
    qtbot: Any, store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt()
    provider = ScriptedProvider(
        [Reply(tool_calls=[("echo", '{"text": "a"}')]), Reply(pieces=["x", "y", "z"])]
    )
    engine = RunEngine(store, provider_for(provider), lambda _d, _c: ToolRegistry([EchoTool()]))
    model = StepsModel()
    changes: list[tuple[str, int, int]] = []
    model.modelReset.connect(lambda: changes.append(("reset", -1, -1)))
    model.rowsInserted.connect(lambda _p, first, last: changes.append(("insert", first, last)))
    model.dataChanged.connect(
        lambda a, b: changes.append(("data", a.row(), b.row()))  # type: ignore[misc]
    )

    deltas = []
    for event in engine.run(gpt.id, "go"):
        before = len(changes)
        model.apply(event)
        if event.event == ev.MESSAGE_DELTA:
            deltas.append(changes[before:])

    assert ("reset", -1, -1) not in changes
    assert [c for c in changes if c[0] == "insert"] == [
        ("insert", 0, 0),
        ("insert", 1, 1),
        ("insert", 2, 2),
    ]
    assert deltas == [[("data", 2, 2)]] * 3  # each token: the row of the step writing it
    assert model.rowCount() == 3
    assert model.index(2, DURATION).data() != "–"
    bar = model.index(0, 0).data(BAR_ROLE)
    assert isinstance(bar, bars.Bar) and not bar.running
