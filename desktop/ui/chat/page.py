"""The Chat tab of a GPT. GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ChatPage(PageFrame):
    """The open GPT's chat.

    Signals:
        action_requested(UserAction): go where an error's fix is.
        settings_requested(str): open settings at a section.
    """

    action_requested = Signal(object)
    settings_requested = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Chat"), "", parent)
        self._services = services
        self.gpt_id = ""
        self.body.addStretch(1)

    def open_gpt(self, gpt_id: str) -> None:
        self.gpt_id = gpt_id

    def close_gpt(self) -> None:
        """Stop what runs for this GPT before the window closes."""
