"""The conversation starters: a list to add to, edit in place, remove from and reorder.

GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import MAX_STARTERS

_EDITABLE = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsDragEnabled
)


class StartersEditor(QWidget):
    """The starters, one per row; double-click or F2 edits a row, drag reorders.

    Signals:
        edited(): a starter was added, changed, removed or moved.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Conversation starters"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setMaximumHeight(120)
        self.list.itemChanged.connect(lambda _item: self.edited.emit())
        self.list.model().rowsMoved.connect(lambda *_: self.edited.emit())
        self.list.currentRowChanged.connect(self._update_buttons)
        self.add_button = self._button(self.tr("Add"), self.tr("Add a conversation starter"))
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the selected starter"))
        self.up_button = self._button(self.tr("Move up"), self.tr("Move the selected starter up"))
        self.down_button = self._button(
            self.tr("Move down"), self.tr("Move the selected starter down")
        )
        self.add_button.clicked.connect(self.add_starter)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        return button

    def starters(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_starters(self, starters: list[str]) -> None:
        """Show `starters` (without telling anyone: this is not an edit)."""
        self.list.blockSignals(True)
        self.list.model().blockSignals(True)
        try:
            self.list.clear()
            for text in starters:
                self.list.addItem(self._item(text))
        finally:
            self.list.model().blockSignals(False)
            self.list.blockSignals(False)
        self.list.reset()
        self._update_buttons()

    def add_starter(self, text: str = "") -> None:
        """Add a starter (an empty one is opened for typing)."""
        item = self._item(text or self.tr("New conversation starter"))
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        if not text:
            self.list.editItem(item)
        self._update_buttons()
        self.edited.emit()

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(_EDITABLE)
        return item

    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._update_buttons()
        self.edited.emit()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.edited.emit()

    def _update_buttons(self, *_args: object) -> None:
        row = self.list.currentRow()
        self.add_button.setEnabled(self.list.count() < MAX_STARTERS)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
