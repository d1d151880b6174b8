"""What every settings section has: its services, an error banner on top, named buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.ui.errors import notice_for
from desktop.ui.widgets import ErrorBanner

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class Section(QWidget):
    """A part of the settings page; `column` is the layout its content goes in. GUI thread.

    Failures of its own work show in its banner, with their fix as a button, instead of
    the window's: the user is looking here.
    """

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.error_banner = ErrorBanner(self)
        self.column.addWidget(self.error_banner)
        self.confirm_box: QMessageBox | None = None

    def ask(
        self, title: str, text: str, yes: str, on_yes: Callable[[], None], details: str = ""
    ) -> QMessageBox:
        """Ask before doing something that cannot be undone; `on_yes` runs if the user agrees.

        The box opens window-modal (`open()`, never `exec()`); Cancel is the default, and
        the box is `confirm_box` until it is answered.
        """
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        if details:
            box.setInformativeText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.finished.connect(lambda result: self._on_answered(result, on_yes))
        self.confirm_box = box
        box.open()
        return box

    def _on_answered(self, result: int, on_yes: Callable[[], None]) -> None:
        self.confirm_box = None
        if result == QMessageBox.StandardButton.Yes:
            on_yes()

    def show_error(self, error: BaseException | str) -> None:
        self.error_banner.show_notice(notice_for(error))

    def button(
        self, text: str, name: str, slot: Callable[[], Any], parent: QWidget | None = None
    ) -> QPushButton:
        """A push button labelled `text`, named `name` for screen readers, calling `slot`."""
        button = QPushButton(text, parent or self)
        button.setAccessibleName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button
