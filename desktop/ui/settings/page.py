"""The settings page: providers, local models, and the app (language, theme, folders)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class SettingsPage(PageFrame):
    """Settings, in sections: providers, models, general, sandbox.

    Signals:
        models_changed(): local models or providers were added or removed here.
    """

    models_changed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Settings"), "", parent)
        self._services = services
        self.body.addStretch(1)

    def show_section(self, section: str) -> None:
        """Show one section: providers, models, general or sandbox."""
