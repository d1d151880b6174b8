"""Tool activity inline, one line per call, expandable; consent asked in the conversation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.core.gpt import Action
from desktop.core.tools.actions.importer import import_action
from tests.helpers.action_server import ActionServer
from tests.helpers.openai_server import OpenAIServer, text_answer, tool_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat


@pytest.fixture
def api() -> Iterator[ActionServer]:
    with ActionServer() as running:
        yield running


def weather_gpt(chat: Chat, server: OpenAIServer, api: ActionServer, **fields: Any) -> str:
    imported = import_action(f"{api.url}/openapi.yaml")
    action = Action(id="weather", name="Weather", source=imported.source, document=imported.text)
    return lab_gpt(chat.services, server, actions=[action.model_dump()], **fields)


def ask_weather(server: OpenAIServer) -> None:
    arguments = json.dumps({"city": "Kyoto", "days": 2})
    server.script(tool_answer(("call_1", "getWeather", arguments)), text_answer("Sunny both days."))


def send_until_consent(chat: Chat, text: str) -> dict[str, Any]:
    """Send `text`; wait until the run asks for consent; what it asks."""
    page = chat.page
    page.composer.editor.setPlainText(text)
    with chat.qtbot.wait_signal(page.session.consent_asked, timeout=WAIT_MS) as asked:
        page.composer.submit()
    chat.settle()
    return dict(asked.args[0])


def test_consent_in_the_conversation_then_the_call_line(
    chat: Chat, server: OpenAIServer, api: ActionServer
) -> None:
    gpt = weather_gpt(chat, server, api)
    chat.open(gpt)
    ask_weather(server)
    page = chat.page
    assert send_until_consent(chat, "Weather in Kyoto?")["domain"] == "127.0.0.1"
    assert chat.kinds() == ["message", "tool", "consent"]
    prompt = page.consent
    chat.qtbot.wait_until(prompt.isVisible, timeout=WAIT_MS)
    assert prompt.parent() is page.view.viewport()  # in the conversation, not a dialog
    assert "127.0.0.1" in prompt.question.text() and "getWeather" in prompt.question.text()
    assert '"city": "Kyoto"' in prompt.arguments.text()
    assert page.composer.send_button.text() == "Stop"  # the run waits; it can be stopped
    assert [r.path for r in api.requests] == ["/openapi.yaml"]  # nothing sent yet

    prompt.once_button.click()
    chat.wait_idle()

    assert chat.kinds() == ["message", "tool", "message"]
    assert not prompt.isVisible()
    line = chat.texts()[1]
    assert line.startswith("getWeather → 200 OK in ") and line.endswith(" ms")
    assert chat.texts()[2] == "Sunny both days."
    assert "/echo/weather/Kyoto" in [r.path for r in api.requests]

    assert "Arguments" not in chat.row_text(1)
    chat.click_link(1, "tool:0")
    details = chat.row_text(1)
    assert '"city": "Kyoto"' in details and "GET " in details and "Consent for 127.0.0.1" in details
    assert "allow_once" in details


def test_denied_consent_says_so(chat: Chat, server: OpenAIServer, api: ActionServer) -> None:
    gpt = weather_gpt(chat, server, api)
    chat.open(gpt)
    server.script(
        tool_answer(("call_1", "getWeather", '{"city": "Kyoto"}')),
        text_answer("I could not check the weather."),
    )
    page = chat.page
    send_until_consent(chat, "Weather?")
    page.consent.deny_button.click()
    chat.wait_idle()
    assert chat.texts()[1] == "getWeather: not allowed to reach 127.0.0.1"
    assert all(r.path == "/openapi.yaml" for r in api.requests)


def test_stop_cancels_a_run_that_waits_for_consent(
    chat: Chat, server: OpenAIServer, api: ActionServer
) -> None:
    gpt = weather_gpt(chat, server, api)
    chat.open(gpt)
    ask_weather(server)
    page = chat.page
    send_until_consent(chat, "Weather?")
    page.composer.send_button.click()  # Stop
    chat.wait_idle()
    assert "consent" not in chat.kinds()
    runs = chat.services.store.runs.list(page.session.thread_id)
    assert [r.status for r in runs] == ["cancelled"]
