"""Coloured notice strips: information, errors with their fix as a button, and undo."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserAction
from desktop.ui.errors import Notice

PROBLEM_COLOR = QColor("#b3261e")
OK_COLOR = QColor("#1e7b34")
# Banners set their own text colour too, so they stay readable under a dark palette.
INFO_COLORS = ("#fff6d5", "#e6c35c", "#3d3000")
ERROR_COLORS = ("#fde8e8", "#e4a0a0", "#5f1010")
UNDO_COLORS = ("#e8eefc", "#9fb3e6", "#102a5f")


class Banner(QFrame):
    """A coloured strip with an icon and a rich-text message (hidden when empty)."""

    def __init__(
        self,
        colors: tuple[str, str, str],
        icon: QStyle.StandardPixmap,
        parent: QWidget,
        dismissible: bool = False,
    ) -> None:
        super().__init__(parent)
        background, border, text = colors
        self.setObjectName("banner")
        self.setStyleSheet(
            f"#banner {{ background: {background}; border: 1px solid {border}; "
            f"border-radius: 6px; }} QLabel {{ color: {text}; }}"
        )
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 8, 8, 8)
        self.row.setSpacing(10)
        self.icon = QLabel(self)
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(24, 24))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.row.addWidget(self.icon)
        self.row.addWidget(self.label, 1)
        if dismissible:
            self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
            self.dismiss_button.setAccessibleName(self.tr("Dismiss this message"))
            self.dismiss_button.clicked.connect(lambda: self.set_text(""))
            self.row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))


class ErrorBanner(Banner):
    """An error: its headline, the core's words under a disclosure, and its fix as a button.

    Signals:
        action_requested(UserAction): the user pressed the fix button.
    """

    action_requested = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            ERROR_COLORS, QStyle.StandardPixmap.SP_MessageBoxCritical, parent, dismissible=True
        )
        self.setAccessibleName(self.tr("Error"))
        self.notice: Notice | None = None
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("Details"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.details.setVisible)
        self.fix_button = QPushButton(self)
        self.fix_button.clicked.connect(self._on_fix_clicked)
        column = QVBoxLayout()
        column.setSpacing(4)
        self.row.removeWidget(self.label)
        column.addWidget(self.label)
        column.addWidget(self.details)
        self.row.insertLayout(1, column, 1)
        self.row.insertWidget(2, self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        self.row.insertWidget(3, self.fix_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_notice(self, notice: Notice) -> None:
        self.notice = notice
        self.set_text(f"<b>{html.escape(notice.headline)}</b>")
        self.details.setText(notice.detail)
        self.toggle.setVisible(bool(notice.detail))
        # The detail is where the specifics are (a file name, a host): shown at once.
        self.toggle.setChecked(bool(notice.detail))
        self.fix_button.setText(notice.action_label)
        self.fix_button.setVisible(notice.action is not None)

    def _on_fix_clicked(self) -> None:
        if self.notice is not None and self.notice.action is not None:
            action: UserAction = self.notice.action
            self.set_text("")
            self.action_requested.emit(action)


class UndoBar(Banner):
    """A "Deleted — Undo" strip: offers to take back what was just done, for a while.

    Signals:
        undo_requested(): the user pressed Undo while it was offered.
    """

    undo_requested = Signal()

    def __init__(self, parent: QWidget, seconds: float = 10.0) -> None:
        super().__init__(UNDO_COLORS, QStyle.StandardPixmap.SP_MessageBoxInformation, parent)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo the last deletion"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(lambda: self.set_text(""))

    def offer(self, text: str) -> None:
        """Show `text` (plain) with Undo until the time runs out or it is used."""
        self.set_text(html.escape(text))
        self._timer.start()

    def _on_undo_clicked(self) -> None:
        self._timer.stop()
        self.set_text("")
        self.undo_requested.emit()
