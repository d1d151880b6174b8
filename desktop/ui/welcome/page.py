"""The first-run page: with no model anywhere, three ways forward; then an example GPT."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class WelcomePage(PageFrame):
    """Welcome: get a model (download, pick a file, add an API key), then try an example.

    Signals:
        gpt_created(str): a GPT (the example) was created here.
        settings_requested(str): open settings at a section.
        models_changed(): a model was added here.
    """

    gpt_created = Signal(str)
    settings_requested = Signal(str)
    models_changed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Welcome to Capsule Studio"),
            self.tr("Build private assistants that run on your own machine."),
            parent,
        )
        self._services = services
        self.body.addStretch(1)

    def refresh(self) -> None:
        """Look again at what there is (models, providers, GPTs)."""
