"""Export a conversation to Markdown or JSON from the chat, and import the JSON back."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat


def save_through_the_dialog(chat: Chat, label: str, path: Path) -> None:
    (action,) = [a for a in chat.page.export_button.menu().actions() if a.text() == label]
    action.trigger()
    (dialog,) = [d for d in chat.page.findChildren(QFileDialog) if d.isVisible()]
    dialog.selectFile(str(path))
    dialog.accept()
    chat.qtbot.wait_until(path.exists, timeout=WAIT_MS)


def test_export_and_import_round_trip(chat: Chat, server: OpenAIServer, tmp_path: Path) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    server.script(text_answer("<think>Easy.</think>", "| a | b |\n|---|---|\n| 1 | 2 |"))
    chat.send("A table, please")
    thread_id = chat.page.session.thread_id

    markdown = tmp_path / "chat.md"
    save_through_the_dialog(chat, "Export as Markdown…", markdown)
    text = markdown.read_text(encoding="utf-8")
    assert "## You\n\nA table, please" in text and "## Lab" in text
    assert "<summary>Thought for" in text and "> Easy." in text

    exported = tmp_path / "chat.json"
    save_through_the_dialog(chat, "Export as JSON…", exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert [m["role"] for m in data["messages"]] == ["user", "assistant"]

    with chat.qtbot.wait_signal(chat.page.threads.listed, timeout=WAIT_MS):
        chat.page.export_button.import_from(exported)
    chat.settle()
    copy = chat.page.session.thread_id
    assert copy != thread_id
    assert chat.texts() == ["A table, please", "| a | b |\n|---|---|\n| 1 | 2 |"]
    assert "Thought for" in chat.row_text(1)
    assert len(chat.services.store.threads.list(gpt)) == 2


def test_a_bad_import_says_why(chat: Chat, server: OpenAIServer, tmp_path: Path) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with chat.qtbot.wait_signal(chat.services.errors.error_reported, timeout=WAIT_MS) as said:
        chat.page.export_button.import_from(bad)
    assert "not a Capsule Studio conversation" in said.args[0].detail
    assert chat.services.store.threads.list(gpt) == []
