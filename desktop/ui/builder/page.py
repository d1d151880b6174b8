"""The Build tab: a GPT's form, its draft and versions. GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class BuilderPage(PageFrame):
    """The open GPT's builder form.

    Signals:
        gpt_saved(str): a version of this GPT was saved (its name or model may have changed).
        action_requested(UserAction): go where an error's fix is.
        settings_requested(str): open settings at a section.
    """

    gpt_saved = Signal(str)
    action_requested = Signal(object)
    settings_requested = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Build"), "", parent)
        self._services = services
        self.gpt_id = ""
        self.body.addStretch(1)

    def open_gpt(self, gpt_id: str) -> None:
        self.gpt_id = gpt_id

    def close_gpt(self) -> None:
        """Save what is pending (the draft) before the window closes."""

    def save_version(self) -> None:
        """Ctrl+S: save the form as a new version."""

    def show_section(self, section: str) -> None:
        """Show a section: profile, model, knowledge, capabilities, actions, history."""

    def add_knowledge(self, paths: list[Path]) -> None:
        """Add files or folders to the open GPT's knowledge (dropped on the window)."""

    def reload_models(self) -> None:
        """The local models or providers changed: refresh the model picker."""
