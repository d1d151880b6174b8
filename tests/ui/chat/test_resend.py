"""Regenerate and edit-and-resend: new runs; the conversation follows, the old runs stay."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat


def two_turns(chat: Chat, server: OpenAIServer) -> None:
    gpt = lab_gpt(chat.services, server, instructions="Be brief.")
    chat.open(gpt)
    server.script(text_answer("Tokyo."), text_answer("About 14 million."))
    chat.send("Capital of Japan?")
    chat.send("Population?")
    assert chat.texts() == ["Capital of Japan?", "Tokyo.", "Population?", "About 14 million."]


def contents(server: OpenAIServer) -> list[str]:
    return [m["content"] for m in server.requests[-1].body["messages"]]


def test_regenerate_the_last_answer(chat: Chat, server: OpenAIServer) -> None:
    two_turns(chat, server)
    thread_id = chat.page.session.thread_id
    server.script(text_answer("Roughly 14 million people."))
    assert "act:regenerate" in chat.links(3)
    with chat.qtbot.wait_signal(chat.page.session.busy_changed, timeout=WAIT_MS):
        chat.click_link(3, "act:regenerate")
    chat.wait_idle()

    assert chat.texts() == [
        "Capital of Japan?",
        "Tokyo.",
        "Population?",
        "Roughly 14 million people.",
    ]
    assert contents(server) == ["Be brief.", "Capital of Japan?", "Tokyo.", "Population?"]
    runs = chat.services.store.runs.list(thread_id)
    assert len(runs) == 3  # the earlier answer's run stays, for the playground
    old = [m for m in chat.services.store.threads.messages(thread_id) if m.superseded_by]
    assert [m.text for m in old] == ["Population?", "About 14 million."]


def test_edit_an_earlier_question_and_send_it_again(chat: Chat, server: OpenAIServer) -> None:
    two_turns(chat, server)
    chat.click_link(0, "act:edit")
    composer = chat.page.composer
    assert composer.editing and composer.editor.toPlainText() == "Capital of Japan?"
    assert composer.editing_label.isVisible()
    composer.editor.setPlainText("Capital of France?")
    server.script(text_answer("Paris."))
    with chat.qtbot.wait_signal(chat.page.session.busy_changed, timeout=WAIT_MS):
        chat.qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    chat.wait_idle()

    assert chat.texts() == ["Capital of France?", "Paris."]
    assert contents(server) == ["Be brief.", "Capital of France?"]
    assert not composer.editing and not composer.editing_label.isVisible()

    server.script(text_answer("About 2 million."))
    chat.send("Population?")
    assert contents(server) == ["Be brief.", "Capital of France?", "Paris.", "Population?"]


def test_editing_can_be_cancelled(chat: Chat, server: OpenAIServer) -> None:
    two_turns(chat, server)
    chat.click_link(2, "act:edit")
    composer = chat.page.composer
    chat.qtbot.keyClick(composer.editor, Qt.Key.Key_Escape)
    assert not composer.editing and composer.editor.toPlainText() == ""
