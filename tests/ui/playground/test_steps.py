"""A run with retrieval and an action call: its steps in the timeline and the inspector."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.ui.playground import bars
from desktop.ui.playground.retrieval_panel import BM25, FILE, FUSED, PAGE, RANK, TEXT, VECTOR
from desktop.ui.playground.steps_model import BAR_ROLE, SLOWEST_ROLE, TITLE
from tests.helpers.action_server import ActionServer
from tests.helpers.fake_provider import Reply, ScriptedProvider
from tests.ui.playground.conftest import WAIT_MS, open_playground, scripted, send
from tests.ui.playground.helpers import travel_gpt


@pytest.fixture
def api() -> Iterator[ActionServer]:
    with ActionServer() as server:
        yield server


def test_retrieval_and_an_action_call_show_in_the_timeline_and_inspector(
    qtbot: Any, shell: Any, api: ActionServer, tmp_path: Path
) -> None:
    window, services = shell
    gpt = travel_gpt(services, api, tmp_path)
    provider = ScriptedProvider(
        [
            Reply(pieces=["Let me check."], tool_calls=[("getWeather", '{"city": "Paris"}')]),
            Reply(pieces=["Mild and sunny [1]; ", "bring a jacket."]),
        ]
    )
    scripted(services, provider, retrieve=True)
    page = open_playground(qtbot, window, gpt)

    send(qtbot, page, "What is Paris like in spring?")
    # The first call to 127.0.0.1 asks for consent, in place.
    assert page.consent_bar.isVisible()
    assert "127.0.0.1" in page.consent_bar.label.text()
    with qtbot.wait_signal(page.run_finished, timeout=WAIT_MS):
        page.consent_bar.buttons[0].click()  # Allow once

    run = services.store.runs.list(page.thread_id)[-1]
    assert run.status == "completed"
    assert [r.path for r in api.requests] == ["/openapi.yaml", "/echo/weather/Paris"]
    model = page.steps_model
    titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
    assert titles == ["Knowledge search", "Model call", "Tool calls: getWeather", "Model call"]
    tool_bar = model.index(2, 0).data(BAR_ROLE)
    assert [s.kind for s in tool_bar.segments] == [bars.USER, bars.TOOL]  # the consent wait
    call_bar = model.index(1, 0).data(BAR_ROLE)
    assert [s.kind for s in call_bar.segments] == [bars.WAITING, bars.GENERATING]
    slow = [r for r in range(model.rowCount()) if model.index(r, 0).data(SLOWEST_ROLE)]
    spans = [s.completed_at - s.created_at for s in model.timeline.steps]
    assert slow == [spans.index(max(spans))]  # one step, the one that took longest

    page.select_step_row(0)
    panel = page.inspector.retrieval_panel
    assert page.inspector.currentWidget() is panel
    chunks = panel.model
    assert chunks.rowCount() >= 1
    first = {c: chunks.index(0, c).data() for c in (RANK, BM25, VECTOR, FUSED, FILE, PAGE, TEXT)}
    assert first[RANK] == "1" and first[FILE] == "handbook.txt"
    assert float(first[BM25]) > 0 and float(first[FUSED]) > 0 and first[VECTOR] == "–"
    assert "Paris" in first[TEXT]
    assert "Paris" in panel.chunk_text.toPlainText()

    page.select_step_row(1)
    call_panel = page.inspector.model_panel
    assert page.inspector.currentWidget() is call_panel
    messages = call_panel.messages.toPlainText()
    assert "── system ──\nAnswer travel questions." in messages
    assert "Knowledge excerpts" in messages and "getWeather" in call_panel.summary.text()
    tokens = [call_panel.parts.item(0, c).text() for c in range(call_panel.parts.columnCount())]
    assert int(tokens[0]) > 0 and int(tokens[2].replace(",", "")) > 0  # instructions, knowledge
    assert "Estimated" in call_panel.estimate_note.text()
    assert sum(call_panel.context.parts.values()) == int(
        services.store.runs.steps(run.id)[1].step_details["model_call"]["prompt_tokens"]
    )
    assert "first token after" in call_panel.timings.text()

    page.select_step_row(2)
    tools = page.inspector.tools_panel
    assert page.inspector.currentWidget() is tools
    (card,) = tools.cards
    texts = " ".join(label.text() for label in card.findChildren(type(call_panel.summary)))
    assert f"GET {api.url}/echo/weather/Paris → 200" in texts
    assert "127.0.0.1: allowed once (asked)" in texts
    boxes = {
        box.accessibleName(): box.toPlainText()
        for box in card.findChildren(type(call_panel.messages))
    }
    assert json.loads(boxes["Arguments"]) == {"city": "Paris"}
    output = json.loads(boxes["Output"])
    assert output["path"] == "/echo/weather/Paris" and boxes["Output"].startswith("{\n  ")

    page.select_step_row(3)
    assert call_panel.answer.toPlainText() == "Mild and sunny [1]; bring a jacket."
