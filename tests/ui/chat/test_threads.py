"""Conversations per GPT: new, rename, delete with undo, search; starters in an empty one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.core import errors
from desktop.core.gpt import validate_definition
from desktop.core.store.records import text_content
from desktop.ui.chat import threads
from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat


def thread_with(chat: Chat, gpt_id: str, title: str, text: str) -> str:
    store = chat.services.store
    thread = store.threads.create(gpt_id, title=title)
    with store.transaction() as tx:
        tx.threads.add_message(thread.id, "user", text_content(text), "completed")
    return thread.id


def titles(chat: Chat) -> list[str]:
    model = chat.page.threads.model
    return [model.item(row).text() for row in range(model.rowCount())]


def test_an_empty_conversation_offers_the_starters(chat: Chat, server: OpenAIServer) -> None:
    gpt = lab_gpt(
        chat.services, server, conversation_starters=["Plan a weekend in Kyoto", "Pack for snow"]
    )
    chat.open(gpt)
    page = chat.page
    assert page.stack.currentWidget() is page.starters
    assert [b.text() for b in page.starters.buttons] == ["Plan a weekend in Kyoto", "Pack for snow"]

    server.script(text_answer("Day one: temples."))
    with chat.qtbot.wait_signal(page.session.thread_started, timeout=WAIT_MS):
        page.starters.buttons[0].click()
    chat.wait_idle()

    assert page.stack.currentWidget() is page.view
    assert chat.texts() == ["Plan a weekend in Kyoto", "Day one: temples."]
    assert titles(chat) == ["Plan a weekend in Kyoto"]
    assert server.requests[-1].body["messages"][-1]["content"] == "Plan a weekend in Kyoto"


def test_new_chat_rename_and_search(chat: Chat) -> None:
    store = chat.services.store
    gpt = store.gpts.create(validate_definition({"name": "G"})).id
    first = thread_with(chat, gpt, "Kyoto trains", "How often do trains run?")
    thread_with(chat, gpt, "Packing", "What about 乌龙茶 for the trip?")
    chat.open(gpt)
    pane = chat.page.threads
    assert titles(chat) == ["Packing", "Kyoto trains"]
    assert chat.page.session.thread_id != ""  # the latest one opened

    pane.new_button.click()
    assert (
        chat.page.session.thread_id == "" and chat.page.stack.currentWidget() is chat.page.starters
    )

    pane.select(first)
    chat.settle()
    assert chat.texts() == ["How often do trains run?"]
    pane.model.item(1).setText("  Trains in Kyoto ")
    chat.settle()
    assert store.threads.get(first).title == "Trains in Kyoto"
    assert titles(chat) == ["Packing", "Trains in Kyoto"]

    with chat.qtbot.wait_signal(pane.listed, timeout=WAIT_MS):
        pane.search.setText("乌龙")
    assert titles(chat) == ["Packing"]
    assert "乌龙茶" in pane.model.item(0).toolTip()
    with chat.qtbot.wait_signal(pane.listed, timeout=WAIT_MS):
        pane.search.clear()
    assert len(titles(chat)) == 2


def test_an_empty_name_is_refused_and_the_old_one_comes_back(chat: Chat) -> None:
    store = chat.services.store
    gpt = store.gpts.create(validate_definition({"name": "G"})).id
    thread = thread_with(chat, gpt, "Kept", "x")
    chat.open(gpt)
    with chat.qtbot.wait_signal(chat.services.errors.error_reported, timeout=WAIT_MS) as said:
        chat.page.threads.model.item(0).setText("   ")
    assert "needs a name" in said.args[0].detail
    chat.settle()
    assert titles(chat) == ["Kept"] and store.threads.get(thread).title == "Kept"


def test_delete_undo_and_delete_for_good(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    store = chat.services.store
    gpt = store.gpts.create(validate_definition({"name": "G"})).id
    keep = thread_with(chat, gpt, "Keep", "a")
    gone = thread_with(chat, gpt, "Gone", "b")
    chat.services.thread_files.add_bytes(gone, "notes.txt", b"hello")
    chat.open(gpt)
    pane = chat.page.threads
    pane.select(gone)
    chat.settle()

    pane.list.setFocus()
    chat.qtbot.keyClick(pane.list, Qt.Key.Key_Delete)
    chat.settle()
    assert titles(chat) == ["Keep"]
    assert pane.undo_bar.isVisible() and "Gone" in pane.undo_bar.text()
    assert store.threads.list(gpt)[0].id == keep

    pane.undo_bar.undo_button.click()
    chat.settle()
    assert sorted(titles(chat)) == ["Gone", "Keep"]
    assert chat.page.session.thread_id == gone

    monkeypatch.setattr(threads, "UNDO_S", 0.05)
    pane.select(gone)
    chat.settle()
    pane.delete_current()

    def purged() -> bool:
        return not store.db.query("SELECT 1 FROM threads WHERE id = ?", (gone,))

    chat.qtbot.wait_until(purged, timeout=WAIT_MS)
    chat.settle()
    with pytest.raises(errors.UnknownThreadError):
        store.threads.get(gone, include_deleted=True)
    assert not (chat.services.paths.threads / gone).exists()


def test_closing_the_window_empties_the_trash(chat: Chat) -> None:
    store = chat.services.store
    gpt = store.gpts.create(validate_definition({"name": "G"})).id
    gone = thread_with(chat, gpt, "Gone", "b")
    chat.open(gpt)
    chat.page.threads.select(gone)
    chat.settle()
    chat.page.threads.delete_current()
    chat.settle()
    chat.page.close_gpt()
    chat.settle()
    with pytest.raises(errors.UnknownThreadError):
        store.threads.get(gone, include_deleted=True)


def test_a_gpt_without_conversations_starts_a_new_one(chat: Chat, **_: Any) -> None:
    gpt = chat.services.store.gpts.create(validate_definition({"name": "Fresh"})).id
    chat.open(gpt)
    assert titles(chat) == [] and chat.page.session.thread_id == ""
    assert chat.page.starters.title.text() == "Fresh"
    assert "Write a message" in chat.page.starters.hint.text()


def test_keyboard_new_chat_and_rename(chat: Chat) -> None:
    store = chat.services.store
    gpt = store.gpts.create(validate_definition({"name": "G"})).id
    thread_with(chat, gpt, "Old name", "x")
    chat.open(gpt)
    page = chat.page
    assert page.session.thread_id != ""
    page.composer.editor.setFocus()
    chat.qtbot.keyClick(
        page.composer.editor,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert page.session.thread_id == "" and page.stack.currentWidget() is page.starters
    page.threads.select(store.threads.list(gpt)[0].id)
    chat.settle()
    page.threads.list.setFocus()
    chat.qtbot.keyClick(page.threads.list, Qt.Key.Key_F2)
    editor = (
        page.threads.list.indexWidget(page.threads.list.currentIndex())
        or page.threads.list.focusWidget()
    )
    assert editor is not None and editor is not page.threads.list  # an inline editor opened
