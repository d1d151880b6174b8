"""Streaming with the tiny real model, Stop mid-stream, and the view following the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.core.gpt import validate_definition
from desktop.core.runs import events as ev
from desktop.core.store.records import text_content
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.tiny_gguf import TinySpec
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat


@pytest.fixture(scope="session")
def chatty_gguf(model_dir: Path) -> Path:
    """The tiny model, made to write one word over and over: its answer never ends alone."""
    spec = TinySpec(extra_tokens=(" word",), favoured_token=" word", name="chatty")
    return ensure_tiny(model_dir, "chatty.gguf", spec)


def test_the_tiny_model_streams_and_stops_mid_stream(chat: Chat, chatty_gguf: Path) -> None:
    model = {"model": str(chatty_gguf), "max_tokens": 2000, "temperature": 1.0, "seed": 1}
    gpt = chat.services.store.gpts.create(validate_definition({"name": "Tiny", "model": model}))
    chat.open(gpt.id)
    page = chat.page
    deltas: list[str] = []
    changed: list[tuple[int, int]] = []
    page.session.model.dataChanged.connect(
        lambda top, bottom, _roles: changed.append((top.row(), bottom.row()))
    )
    original = page.session.model.apply

    def counting(event: ev.Event) -> object:
        if event.event == ev.MESSAGE_DELTA:
            deltas.append(event.data["id"])
        return original(event)

    page.session.model.apply = counting  # type: ignore[method-assign]
    page.composer.editor.setPlainText("Talk for a long time")
    with chat.qtbot.wait_signal(page.session.busy_changed, timeout=WAIT_MS):
        page.composer.submit()
    assert page.composer.send_button.text() == "Stop"
    chat.qtbot.wait_until(lambda: len(changed) >= 2, timeout=60_000)  # loading, then text
    assert set(changed) == {(1, 1)}  # the answer's row alone, announced in batches
    assert len(changed) < len(deltas)
    shown_while_streaming = chat.texts()[1]
    assert "word" in shown_while_streaming

    page.composer.send_button.click()  # Stop
    chat.wait_idle()

    thread_id = page.session.thread_id
    (run,) = chat.services.store.runs.list(thread_id)
    assert run.status == "cancelled"
    assert run.usage is not None and run.usage["completion_tokens"] < 2000
    answer = chat.services.store.threads.messages(thread_id)[1]
    assert answer.status == "incomplete"
    assert chat.texts()[1] == answer.text and answer.text.startswith(shown_while_streaming)
    assert "· stopped" in chat.row_text(1)
    assert page.composer.send_button.text() == "Send"


def test_the_view_follows_the_answer_only_from_the_bottom(chat: Chat, server: OpenAIServer) -> None:
    gpt = lab_gpt(chat.services, server)
    store = chat.services.store
    thread = store.threads.create(gpt, title="Long")
    with store.transaction() as tx:
        for number in range(60):
            role = "user" if number % 2 == 0 else "assistant"
            tx.threads.add_message(
                thread.id, role, text_content(f"Message {number}\n\n" * 3), "completed"
            )
    chat.open(gpt)
    view = chat.page.view
    assert view.at_bottom() and view.follow

    server.script(text_answer(*[f"line {n}\n\n" for n in range(80)]))
    chat.send("More, please")
    assert view.at_bottom()  # it followed the answer down

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)  # the user scrolls up to read
    chat.settle()
    assert not view.follow
    where = bar.value()
    first_row = view.row_at(0)
    server.script(text_answer(*[f"more {n}\n\n" for n in range(80)]))
    chat.send("And more")
    assert view.row_at(0) == first_row and abs(bar.value() - where) < 5  # it stayed put

    view.scroll_to_bottom()
    assert view.follow and view.at_bottom()


def test_what_is_on_screen_while_streaming_is_what_a_fresh_paint_shows(
    chat: Chat, server: OpenAIServer
) -> None:
    """Only changed lines are repainted, and scrolling moves what was drawn: no stale pixels."""
    gpt = lab_gpt(chat.services, server)
    store = chat.services.store
    thread = store.threads.create(gpt, title="Streaming")
    with store.transaction() as tx:
        run = tx.runs.create(
            thread.id,
            gpt,
            1,
            model={},
            instructions="",
            tool_choice="auto",
            truncation_strategy={},
        )
        for number in range(6):
            tx.threads.add_message(
                thread.id, "user", text_content(f"Earlier {number}"), "completed"
            )
        tx.threads.add_message(
            thread.id, "user", text_content("Write many lines"), "completed", run.id
        )
        answer = tx.threads.add_message(
            thread.id, "assistant", text_content(""), "in_progress", run.id
        )
    store.runs.update(run, status="in_progress")
    chat.open(gpt)
    page, view = chat.page, chat.page.view
    model = page.session.model
    viewport = view.viewport()
    for number in range(40):
        text = f"Line {number} of a long answer, with **bold** words.\n\n"
        delta = {
            "id": answer.id,
            "run_id": run.id,
            "delta": {"content": [{"type": "text", "text": {"value": text}}]},
        }
        model.apply(ev.Event(ev.MESSAGE_DELTA, delta))
        chat.qtbot.wait_until(
            lambda: not model._timer.isActive() and not view._layout_timer.isActive(),
            timeout=WAIT_MS,
        )
        chat.qtbot.wait(5)  # the paint the layout asked for
        area = viewport.rect().translated(viewport.mapTo(chat.window, viewport.rect().topLeft()))
        shown = QGuiApplication.primaryScreen().grabWindow(chat.window.winId()).toImage()
        fresh = chat.window.grab().toImage()
        assert shown.copy(area) == fresh.copy(area), f"stale pixels after {number + 1} deltas"
    assert view.at_bottom() and view.verticalScrollBar().maximum() > 0  # it scrolled along
