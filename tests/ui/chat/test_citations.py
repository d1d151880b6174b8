"""A cited answer: its [1] opens the source panel at the right file and page, and the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat
from tests.unit.core.knowledge.extract.pdf_factory import build_pdf


class Opened(QObject):
    """Catches the URLs the app asks the system to open (no viewer starts in tests)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[Opened]:
    catcher = Opened()
    for scheme in ("file", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("file", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def guide_gpt(chat: Chat, server: OpenAIServer, tmp_path: Path) -> str:
    gpt = lab_gpt(chat.services, server)
    guide = tmp_path / "guide.pdf"
    guide.write_bytes(
        build_pdf(
            [
                "Welcome to the Kansai rail guide.",
                "Special Rapid trains leave Kyoto for Osaka every fifteen minutes.",
            ]
        )
    )
    progress = list(chat.services.knowledge.add(gpt, [guide]))
    assert progress[-1].status == "ok", progress
    return gpt


def test_a_citation_opens_its_source_at_the_page(
    chat: Chat, server: OpenAIServer, tmp_path: Path, opened: Opened
) -> None:
    gpt = guide_gpt(chat, server, tmp_path)
    chat.open(gpt)
    server.script(
        text_answer("They leave every fifteen minutes ", "[1]. See https://www.jr-odekake.net/.")
    )
    chat.send("How often do trains leave Kyoto?")
    assert chat.kinds() == ["message", "tool", "message"]
    assert "Searched knowledge: 1 result" in chat.texts()[1]
    answer_row = 2
    assert "cite:0" in chat.links(answer_row)

    panel = chat.page.sources
    assert not panel.isVisible()
    chat.click_link(answer_row, "cite:0")
    chat.qtbot.wait_until(panel.isVisible, timeout=WAIT_MS)
    assert panel.title.text() == "Source [1]"
    assert panel.file.text() == "guide.pdf"
    assert panel.where.text() == "Page 2"
    assert panel.score.text().startswith("Score: ")
    excerpt = panel.excerpt.toHtml()
    assert "every fifteen minutes" in panel.excerpt.toPlainText()
    assert "background-color" in excerpt  # the query's words are marked

    panel.open_button.click()
    chat.qtbot.wait_until(lambda: len(opened.urls) == 1, timeout=WAIT_MS)
    url = opened.urls[0]
    assert Path(url.toLocalFile()).name == "guide.pdf" and url.fragment() == "page=2"
    assert Path(url.toLocalFile()).read_bytes() == (tmp_path / "guide.pdf").read_bytes()


def test_a_web_link_opens_in_the_browser(chat: Chat, server: OpenAIServer, opened: Opened) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    server.script(text_answer("See [the timetable](https://www.jr-odekake.net/)."))
    chat.send("Where is the timetable?")
    chat.click_link(1, "https://www.jr-odekake.net/")
    assert [u.toString() for u in opened.urls] == ["https://www.jr-odekake.net/"]
