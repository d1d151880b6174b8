"""The chat tab in the real window, on an isolated data folder, with helpers to drive it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.core.paths import Paths
from desktop.ui import app
from desktop.ui.chat.page import ChatPage
from desktop.ui.main_window import MainWindow
from desktop.ui.services import AppServices
from tests.helpers.openai_server import Answer, OpenAIServer, Recorded, models_answer

WAIT_MS = 20_000


@dataclass
class Chat:
    window: MainWindow
    services: AppServices
    page: ChatPage
    qtbot: Any

    def open(self, gpt_id: str) -> None:
        """Open the GPT's chat and wait for its conversations to be listed."""
        with self.qtbot.wait_signal(self.page.threads.listed, timeout=WAIT_MS):
            self.window.open_gpt(gpt_id, 1)
        self.qtbot.wait_until(lambda: self.page.session.gpt_id == gpt_id, timeout=WAIT_MS)
        self.settle()

    def settle(self) -> None:
        """Let background reads land and the view lay itself out."""
        self.services.tasks.wait_all(WAIT_MS / 1000)
        self.qtbot.wait(50)

    def send(self, text: str) -> None:
        """Type a message and press Enter; wait until the answer is over."""
        editor = self.page.composer.editor
        editor.setPlainText(text)
        with self.qtbot.wait_signal(self.page.session.busy_changed, timeout=WAIT_MS):
            self.qtbot.keyClick(editor, Qt.Key.Key_Return)
        self.wait_idle()

    def wait_idle(self) -> None:
        self.qtbot.wait_until(lambda: not self.page.session.busy, timeout=WAIT_MS)
        self.settle()

    def texts(self) -> list[str]:
        model = self.page.session.model
        return [str(model.data(model.index(row))) for row in range(model.rowCount())]

    def kinds(self) -> list[str]:
        model = self.page.session.model
        return [model.item(row).kind for row in range(model.rowCount())]

    def click_link(self, row: int, href: str) -> None:
        """Click the link `href` in a row, where it is drawn (scrolled into view first)."""
        view = self.page.view
        view.follow = False
        view.verticalScrollBar().setValue(view.row_top(row) + view.verticalScrollBar().value())
        view.relayout()
        point = self.find_link(row, href)
        assert point is not None, f"{href} is not drawn in row {row}"
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    def find_link(self, row: int, href: str) -> QPoint | None:
        view = self.page.view
        render = view.renderer.render(view.item(row), view.viewport().width())
        top = view.row_top(row)
        for y in range(0, int(render.height), 3):
            for x in range(0, view.viewport().width(), 4):
                if render.anchor_at(x, y) == href and 0 <= top + y < view.viewport().height():
                    return QPoint(x, top + y)
        return None

    def links(self, row: int) -> set[str]:
        view = self.page.view
        render = view.renderer.render(view.item(row), view.viewport().width())
        found = set()
        for y in range(0, int(render.height), 3):
            for x in range(0, view.viewport().width(), 6):
                href = render.anchor_at(x, y)
                if href:
                    found.add(href)
        return found

    def row_text(self, row: int) -> str:
        """What a row shows, as plain text (every block of it)."""
        view = self.page.view
        render = view.renderer.render(view.item(row), view.viewport().width())
        return "\n".join(b.doc.toPlainText() for b in render.blocks if b.doc is not None)


class ChatServer(OpenAIServer):
    """The scripted server, answering the builder's model listing by itself.

    Opening a GPT opens its Build tab too, which lists the profile's models; the chat's
    tests script answers for the chat alone. Listings are kept apart in `listings`.
    """

    def __init__(self) -> None:
        super().__init__()
        self.listings: list[Recorded] = []

    def next_answer(self, recorded: Recorded) -> Answer:
        if recorded.method == "GET" and recorded.path.endswith("/models"):
            self.listings.append(recorded)
            return models_answer("m")
        return super().next_answer(recorded)


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    with ChatServer() as running:
        yield running


@pytest.fixture
def chat(qtbot: Any, isolated_home: Paths) -> Iterator[Chat]:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    window.resize(1280, 800)
    window.show()
    yield Chat(window, services, window.pages.chat, qtbot)
    window.close()
    services.tasks.wait_all(WAIT_MS / 1000)
    services.close()
