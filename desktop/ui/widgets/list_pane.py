"""A titled table that says why it is empty instead of just being empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.banner import PROBLEM_COLOR


class ListPane(QWidget):
    """A titled table that says why it is empty instead of just being empty."""

    def __init__(self, title: str, headers: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._title = title
        self.heading = QLabel(title, self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # Framed and filled like the table it stands in for, in the muted placeholder colour.
        self.placeholder.setFrameShape(QFrame.Shape.StyledPanel)
        self.placeholder.setAutoFillBackground(True)
        self.placeholder.setBackgroundRole(QPalette.ColorRole.Base)
        palette = self.placeholder.palette()
        muted = palette.color(QPalette.ColorRole.Text)
        muted.setAlpha(140)  # half-way to the background, on light and dark themes alike
        palette.setColor(QPalette.ColorRole.Text, muted)  # the foreground role on Base
        self.placeholder.setPalette(palette)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.placeholder)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
        self.notes.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.notes)
        self.show_message(self.tr("Loading…"))

    def show_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)
        self.notes.hide()

    def show_rows(self, rows: list[list[QTableWidgetItem]], notes: str = "") -> None:
        """Show `rows` in the table, and `notes` (rich text) under it."""
        self.heading.setText(f"{self._title} ({len(rows)})")
        self.table.clearContents()  # a short row must not keep an old row's cells
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, item in enumerate(row):
                self.table.setItem(r, c, item)
        self.stack.setCurrentWidget(self.table)
        self.notes.setText(notes)
        self.notes.setVisible(bool(notes))

    def texts(self) -> list[list[str]]:
        """The table's cell texts, row by row (for tests and accessibility checks)."""
        return [
            [
                item.text() if (item := self.table.item(r, c)) else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]


def table_item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip)
    return item
