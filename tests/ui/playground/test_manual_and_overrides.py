"""Overrides from the form recorded and used; manual tool outputs written, checked, submitted."""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import Do
from desktop.core.runs.tools import ToolRegistry
from desktop.core.settings import ProviderProfile, Settings
from tests.helpers.fake_provider import Reply, ScriptedProvider
from tests.helpers.tools import EchoTool
from tests.ui.playground.conftest import WAIT_MS, make_gpt, open_playground, scripted, send


def echo_playground(qtbot: Any, shell: Any, *replies: Reply) -> tuple[Any, Any, Any, EchoTool]:
    window, services = shell
    gpt = make_gpt(services, instructions="Be brief.")
    provider = ScriptedProvider(list(replies))
    tool = EchoTool()
    scripted(services, provider, tools=lambda _d, _c: ToolRegistry([tool]))
    page = open_playground(qtbot, window, gpt)
    return page, services, provider, tool


def test_a_manual_output_submitted_from_the_editor_completes_the_run(
    qtbot: Any, shell: Any
) -> None:
    page, services, provider, tool = echo_playground(
        qtbot,
        shell,
        Reply(tool_calls=[("echo", '{"text": "hi"}')]),
        Reply(pieces=["It said HELLO."]),
    )
    page.form.manual.setChecked(True)
    run_id = send(qtbot, page, "Call echo")

    assert services.store.runs.get(run_id).status == "requires_action"
    editor = page.outputs_editor
    assert editor.isVisible()
    (call,) = editor.editors
    assert json.loads(call.arguments.toPlainText()) == {"text": "hi"}

    call.output.setPlainText('{"echo": "HELLO"')  # a brace short
    with qtbot.assert_not_emitted(editor.outputs_submitted):
        editor.submit_button.click()
    assert call.problem.isVisible()
    assert "line 1, column 17" in call.problem.text()
    assert services.store.runs.get(run_id).status == "requires_action"  # nothing was sent
    call.output.setPlainText('{"echo": "HELLO"}')
    assert not call.problem.isVisible()  # a change clears the complaint

    with qtbot.wait_signal(page.run_finished, timeout=WAIT_MS):
        editor.submit_button.click()
    run = services.store.runs.get(run_id)
    assert run.status == "completed"
    assert tool.calls == []  # answered by hand, never run
    assert provider.requests[1].messages[-1]["content"] == '{"echo": "HELLO"}'
    assert not editor.isVisible()
    page.select_step_row(1)
    (card,) = page.inspector.tools_panel.cards
    texts = " ".join(label.text() for label in card.findChildren(type(page.status)))
    assert "by hand, in the playground" in texts
    assert page.steps_model.rowCount() == 3


def test_the_forms_overrides_are_recorded_and_applied(qtbot: Any, shell: Any) -> None:
    page, services, provider, _tool = echo_playground(qtbot, shell, Reply(pieces=["Bonjour."]))

    def add_lab(settings: Settings) -> None:
        settings.providers["lab"] = ProviderProfile(name="lab", base_url="http://127.0.0.1:9")

    services.settings.update(add_lab)
    form = page.form
    form.model.setEditText("lab:model-b")
    form.temperature.setValue(0.2)
    form.tool_choice.setCurrentIndex(form.tool_choice.findData("echo"))
    form.truncation.setCurrentIndex(form.truncation.findData("last_messages"))
    form.last_messages.setValue(4)
    form.instructions.setPlainText("Answer in French.")
    run_id = send(qtbot, page, "Hello")

    run = services.store.runs.get(run_id)
    assert run.metadata["overrides"] == {
        "provider": "lab",
        "model": "model-b",
        "temperature": 0.2,
        "additional_instructions": "Answer in French.",
        "tool_choice": "echo",
        "truncation": {"type": "last_messages", "last_messages": 4},
    }
    (request,) = provider.requests
    assert request.temperature == 0.2
    assert request.messages[0]["content"] == "Be brief.\n\nAnswer in French."
    assert request.tool_choice == {"type": "function", "function": {"name": "echo"}}
    assert run.model["provider"] == "lab" and run.model["model"] == "model-b"
    assert page.runs_model.index(0, 1).data() == "lab:model-b"
    gpt = services.store.gpts.get(run.gpt_id)
    assert (gpt.version, gpt.definition.model.temperature) == (1, 0.7)  # the GPT is unchanged
    page.select_step_row(-1)
    assert "Answer in French." in page.inspector.run_panel.text.toPlainText()


def test_an_unknown_model_is_refused_in_place(qtbot: Any, shell: Any) -> None:
    page, services, _provider, _tool = echo_playground(qtbot, shell)
    page.form.model.setEditText("no-such-model")
    page.message.setPlainText("Hello")
    page.run_button.click()
    qtbot.wait_until(page.problem.isVisible, timeout=WAIT_MS)
    assert "no-such-model" in page.problem.text()
    assert services.store.threads.list() == []
    assert page.run_button.isEnabled()


def test_an_empty_message_is_refused_in_place(qtbot: Any, shell: Any) -> None:
    page, _services, _provider, _tool = echo_playground(qtbot, shell)
    page.run_button.click()
    assert page.problem.isVisible() and "Type a message" in page.problem.text()


def test_a_paused_run_stops_at_once(qtbot: Any, shell: Any) -> None:
    page, services, _provider, _tool = echo_playground(
        qtbot, shell, Reply(tool_calls=[("echo", '{"text": "x"}')])
    )
    page.form.manual.setChecked(True)
    run_id = send(qtbot, page, "Call echo")
    assert page.stop_button.isEnabled()
    with qtbot.wait_signal(page.run_shown, timeout=WAIT_MS):
        page.stop_button.click()
    assert services.store.runs.get(run_id).status == "cancelled"
    assert page.runs_model.index(0, 0).data() == "stopped"
    assert not page.outputs_editor.isVisible() and not page.stop_button.isEnabled()


def test_a_failed_runs_error_shows_in_place_with_its_fix(qtbot: Any, shell: Any) -> None:
    window, services = shell
    gpt = make_gpt(services)  # no model chosen, and none on this machine
    page = open_playground(qtbot, window, gpt)
    run_id = send(qtbot, page, "Hello")
    assert services.store.runs.get(run_id).status == "failed"
    page.select_step_row(-1)
    banner = page.inspector.run_panel.error
    assert banner.isVisible() and banner.fix_button.isVisible()
    with qtbot.wait_signal(page.action_requested) as asked:
        banner.fix_button.click()
    assert asked.args[0].kind in (Do.SHOW_CATALOG, Do.CHOOSE_MODEL)
