"""What an empty conversation shows: the GPT, and its conversation starters as buttons.

Also the banner of a failed run, with Retry beside the fix the error names. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.widgets import ErrorBanner


class Starters(QWidget):
    """The GPT's name, description and starters.

    Signals:
        starter_chosen(str): a starter was clicked (its text).
    """

    starter_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: list[QPushButton] = []
        self._column = QVBoxLayout()
        self._column.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addSpacing(12)
        layout.addLayout(self._column)
        layout.addWidget(self.hint)
        layout.addStretch(3)

    def show_gpt(self, name: str, description: str, starters: list[str]) -> None:
        self.title.setText(name)
        self.description.setText(description)
        self.description.setVisible(bool(description))
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for text in starters:
            button = QPushButton(text, self)
            button.setAccessibleName(self.tr("Ask: %1").replace("%1", text))
            button.clicked.connect(lambda _=False, t=text: self.starter_chosen.emit(t))
            self._column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons.append(button)
        self.hint.setText(
            self.tr("Pick a starter, or write a message below.")
            if starters
            else self.tr("Write a message below to start the conversation.")
        )


class RunErrorBanner(ErrorBanner):
    """A failed run: what went wrong, the fix the error names, and Retry.

    Signals:
        retry_requested(): ask the question again.
    """

    retry_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setAccessibleName(self.tr("Ask the question again"))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.row.insertWidget(3, self.retry_button, 0, Qt.AlignmentFlag.AlignTop)

    def _on_retry_clicked(self) -> None:
        self.set_text("")
        self.retry_requested.emit()
