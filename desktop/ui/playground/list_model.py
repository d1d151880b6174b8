"""A read-only table model over a list, one row per item: the playground's small tables.

Subclasses say their column titles (`headers`) and what a cell shows for a role (`cell`).
GUI thread.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Item = TypeVar("Item")
Index = QModelIndex | QPersistentModelIndex


class ListModel(QAbstractTableModel, Generic[Item]):
    """Rows are `items`; `set_items` shows another list (a reset: a different list)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Item] = []

    def set_items(self, items: list[Item]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        """The column titles, translated when asked."""
        raise NotImplementedError

    def cell(self, row: int, column: int, role: int) -> Any:
        """What the cell of `items[row]` in `column` shows for `role` (None: nothing)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self.items):
            return None
        return self.cell(index.row(), index.column(), role)
