"""A run's trace exported from the playground and opened again, equal to the stored run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.tools import ToolRegistry
from tests.helpers.fake_provider import Reply, ScriptedProvider
from tests.helpers.tools import EchoTool
from tests.ui.playground.conftest import WAIT_MS, make_gpt, open_playground, scripted, send


def test_export_and_open_a_trace(qtbot: Any, shell: Any, tmp_path: Path) -> None:
    window, services = shell
    gpt = make_gpt(services)
    provider = ScriptedProvider(
        [Reply(tool_calls=[("echo", '{"text": "猫"}')]), Reply(pieces=["猫 is cat."])]
    )
    scripted(services, provider, tools=lambda _d, _c: ToolRegistry([EchoTool()]))
    page = open_playground(qtbot, window, gpt)
    run_id = send(qtbot, page, "What is 猫?")

    target = tmp_path / "exports" / "my trace"
    target.parent.mkdir()
    with qtbot.wait_signal(page.trace_saved, timeout=WAIT_MS) as saved:
        page.export_trace_to(target)
    path = Path(saved.args[0])
    assert path.name == "my trace.json" and str(path) in page.status.text()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [s["type"] for s in data["steps"]] == [
        "message_creation",
        "tool_calls",
        "message_creation",
    ]

    with qtbot.wait_signal(page.run_shown, timeout=WAIT_MS) as shown:
        page.open_trace_from(path)
    assert shown.args[0] == run_id
    assert page.runs_model.rowCount() == 2
    assert page.runs_model.index(1, 0).data() == "completed (file)"
    stored = RunTimeline.load(services.store, run_id)
    assert page.steps_model.timeline.to_dict() == stored.to_dict()
    assert not page.export_button.isEnabled() and not page.again_button.isEnabled()
    page.select_step_row(1)
    (card,) = page.inspector.tools_panel.cards
    assert card.accessibleName() == "Tool call echo"


def test_a_file_that_is_not_a_trace_is_refused_in_place(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    page = open_playground(qtbot, window, make_gpt(services))
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    page.open_trace_from(bad)
    qtbot.wait_until(lambda: "not a run trace" in page.status.text(), timeout=WAIT_MS)
    assert page.runs_model.rowCount() == 0


def test_the_export_button_opens_a_save_dialog(qtbot: Any, shell: Any) -> None:
    window, services = shell
    gpt = make_gpt(services)
    scripted(services, ScriptedProvider([Reply(pieces=["ok"])]))
    page = open_playground(qtbot, window, gpt)
    run_id = send(qtbot, page, "Hi")
    page.export_button.click()
    dialog = page.traces.dialog
    assert dialog is not None
    assert dialog.isVisible() and dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.selectedFiles()[0].endswith(f"{run_id}.json")
    dialog.reject()
