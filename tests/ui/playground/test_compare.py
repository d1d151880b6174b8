"""Run again with…, and two runs compared side by side with their differences marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from tests.helpers.fake_provider import Reply, ScriptedProvider
from tests.ui.playground.conftest import WAIT_MS, make_gpt, open_playground, scripted, send


def facts(model: Any) -> dict[str, tuple[str, str, bool]]:
    """The rows of a facts table: name -> (left, right, marked as differing)."""
    rows = {}
    for row in range(model.rowCount()):
        name = model.index(row, 0).data()
        differs = name.startswith("≠ ")
        rows[name.removeprefix("≠ ")] = (
            model.index(row, 1).data(),
            model.index(row, 2).data(),
            differs,
        )
    return rows


def test_run_again_with_another_temperature_opens_the_comparison(qtbot: Any, shell: Any) -> None:
    window, services = shell
    gpt = make_gpt(services)
    provider = ScriptedProvider([Reply(pieces=["Paris."]), Reply(pieces=["Paris, France."])])
    scripted(services, provider)
    page = open_playground(qtbot, window, gpt)
    first = send(qtbot, page, "Capital of France?")

    page.again_button.click()
    dialog = page.again_dialog
    assert (
        dialog.isVisible()
        and "Capital of France?" in dialog.findChildren(type(page.status))[0].text()
    )
    dialog.form.temperature.setValue(0.3)
    with qtbot.wait_signal(page.comparison_shown, timeout=WAIT_MS):
        dialog.accept()

    assert page.stack.currentWidget() is page.compare_view
    second = services.store.runs.list(page.thread_id)[-1]
    assert second.metadata["again_of"] == first
    assert provider.requests[1].messages == provider.requests[0].messages  # the same input
    settings = facts(page.compare_view.settings)
    assert settings["Temperature"] == ("0.7", "0.3", True)
    assert settings["Answer"] == ("Paris.", "Paris, France.", True)
    assert settings["Model"][2] is False and settings["Duration"][2] is False
    pairs = page.compare_view.pairs
    assert pairs.rowCount() == 1
    assert pairs.index(0, 0).data() == pairs.index(0, 1).data() == "Model call"
    assert "Output" in pairs.index(0, 2).data()
    step = facts(page.compare_view.pair_facts)
    assert step["Temperature"][2] and step["Output"][2] and not step["Prompt tokens"][2]

    page.compare_view.back_button.click()
    assert page.stack.currentWidget() is page.single
    assert page.runs_model.rowCount() == 2  # both in this thread
    selection = page.runs_view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(page.runs_model.index(0, 0), flags)
    selection.select(page.runs_model.index(1, 0), flags)
    assert page.compare_button.isEnabled()
    with qtbot.wait_signal(page.comparison_shown, timeout=WAIT_MS):
        page.compare_button.click()
    marked = page.compare_view.settings.index(3, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert marked is not None  # the temperature row (fourth) is shaded


def test_run_again_in_a_copy_of_the_thread(qtbot: Any, shell: Any) -> None:
    window, services = shell
    gpt = make_gpt(services)
    provider = ScriptedProvider(
        [Reply(pieces=["One."]), Reply(pieces=["Two."]), Reply(pieces=["Two again."])]
    )
    scripted(services, provider)
    page = open_playground(qtbot, window, gpt)
    send(qtbot, page, "First")
    original_thread = page.thread_id
    second = send(qtbot, page, "Second")

    page.again_button.click()
    page.again_dialog.copy_thread.setChecked(True)
    with qtbot.wait_signal(page.comparison_shown, timeout=WAIT_MS):
        page.again_dialog.accept()

    assert page.thread_id != original_thread
    assert page.threads.currentData() == page.thread_id
    copied = services.store.threads.messages(page.thread_id)
    assert [m.text for m in copied] == ["First", "One.", "Second", "Two again."]
    assert provider.requests[2].messages == provider.requests[1].messages
    assert services.store.runs.list(page.thread_id)[0].metadata["again_of"] == second
    assert facts(page.compare_view.settings)["Answer"] == ("Two.", "Two again.", True)
