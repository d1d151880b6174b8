"""Files attached to a message: to the conversation's files (code) or its knowledge (search)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.core.conversations import CODE, KNOWLEDGE
from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat


def test_attachments_go_where_the_user_says(
    chat: Chat, server: OpenAIServer, tmp_path: Path
) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    notes = tmp_path / "notes.md"
    notes.write_text("The spare key hides under the blue flowerpot.", encoding="utf-8")
    data = tmp_path / "sales.csv"
    data.write_text("month,total\njan,3\n", encoding="utf-8")
    composer = chat.page.composer

    composer.attach_button.click()
    (dialog,) = [d for d in composer.findChildren(QFileDialog) if d.isVisible()]
    dialog.filesSelected.emit([str(notes), str(data)])
    dialog.reject()
    assert [(a.path.name, a.to) for a in composer.attachments] == [
        ("notes.md", KNOWLEDGE),
        ("sales.csv", CODE),
    ]
    chips = [composer.chips.itemAt(i).widget() for i in range(2)]
    assert chips[0].text() == "📎 notes.md · for search"
    move_to_code = chips[1].menu().actions()[0]
    assert move_to_code.isChecked()

    server.script(text_answer("Under the flowerpot."))
    chat.send("Where is the key?")
    thread_id = chat.page.session.thread_id

    assert [f.name for f in chat.services.thread_files.list(thread_id)] == ["sales.csv"]
    (indexed,) = chat.services.store.knowledge.list(thread_id)
    assert indexed.name == "notes.md" and indexed.status == "ready"
    assert "blue flowerpot" in server.requests[-1].body["messages"][-1]["content"]
    assert "Attached: notes.md (for search), sales.csv (for code)" in chat.row_text(0)
    assert composer.attachments == []
    assert chat.kinds() == ["message", "tool", "message"]  # the search found the note


def test_a_file_that_cannot_be_read_is_refused_and_the_message_kept(
    chat: Chat, server: OpenAIServer, tmp_path: Path
) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    page = chat.page
    page.composer.add_files([empty])
    page.composer.editor.setPlainText("Read this")
    with chat.qtbot.wait_signal(page.session.failed, timeout=WAIT_MS):
        page.composer.submit()
    chat.wait_idle()
    assert "empty.txt" in page.banner.details.text()
    assert page.composer.editor.toPlainText() == "Read this"
    assert [a.path for a in page.composer.attachments] == [empty]
    assert server.requests == []
